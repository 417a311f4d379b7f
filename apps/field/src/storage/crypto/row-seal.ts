import { concatBytes, fromUtf8, randomBytes, utf8, type Bytes } from './bytes';

// One row, one AES-GCM ciphertext (docs/tablet-security.md « Rows »): the fields IndexedDB indexes
// stay beside it in clear (ids, owner, type, status, dates — never a name, a code or a phone), every
// other field goes into the sealed body. Sealing per row, not per field, costs one WebCrypto call per
// row read or written.

/** The property of a stored row that holds `iv (12 bytes) ‖ ciphertext ‖ tag`. */
export const SEALED_FIELD = '_s';

const IV_BYTES = 12;

export type StoredRow = Record<string, unknown>;

// `ArrayBuffer.isView`, not `instanceof`: a row read back may carry a Uint8Array of another realm
// (a structured clone made by a test environment's IndexedDB).
export function isSealed(row: unknown): row is StoredRow & { [SEALED_FIELD]: ArrayBufferView } {
  return (
    typeof row === 'object' && row !== null && ArrayBuffer.isView((row as StoredRow)[SEALED_FIELD])
  );
}

function bytesOf(view: ArrayBufferView): Bytes {
  const out = new Uint8Array(view.byteLength);
  out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return out;
}

/**
 * The additional data bound to each ciphertext: the table and the row's owner. A body moved to
 * another table, or to another user's row, no longer opens.
 */
export function rowContext(table: string, owner: string): Bytes {
  return utf8.encode(`jigi-row-v1|${table}|${owner}`);
}

export async function sealRow(
  row: StoredRow,
  clearFields: ReadonlySet<string>,
  key: CryptoKey,
  context: Bytes,
): Promise<StoredRow> {
  const clear: StoredRow = {};
  const secret: StoredRow = {};
  for (const [name, value] of Object.entries(row)) {
    if (name === SEALED_FIELD) continue;
    if (clearFields.has(name)) clear[name] = value;
    else secret[name] = value;
  }
  const iv = randomBytes(IV_BYTES);
  const body = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: context },
    key,
    utf8.encode(JSON.stringify(secret)),
  );
  clear[SEALED_FIELD] = concatBytes(iv, new Uint8Array(body));
  return clear;
}

/** The row as it was before sealing. Throws when the key or the context is not the one it was sealed with. */
export async function openRow(row: StoredRow, key: CryptoKey, context: Bytes): Promise<StoredRow> {
  if (!isSealed(row)) return row;
  const sealed = bytesOf(row[SEALED_FIELD]);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.slice(0, IV_BYTES), additionalData: context },
    key,
    sealed.slice(IV_BYTES),
  );
  const { [SEALED_FIELD]: _sealed, ...clear } = row;
  return { ...(JSON.parse(fromUtf8.decode(plain)) as StoredRow), ...clear };
}
