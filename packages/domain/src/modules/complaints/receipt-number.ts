/**
 * The complaint receipt number a tablet gives on the spot, with no network: `YY-DDDD-NNNN-C`.
 *
 * - `YY`: the year of intake (the counter restarts each year, keeping numbers short);
 * - `DDDD`: the tablet's serial, given once by the server at registration, in Crockford base 32
 *   (1 048 576 tablets);
 * - `NNNN`: the tablet's own counter for the year, in decimal, four digits at least (it grows past
 *   9999 rather than wrapping);
 * - `C`: a Luhn mod 32 check character over the rest, which catches any one mistyped character and
 *   most swaps of two neighbours.
 *
 * Unique across tablets without asking the server: a serial is one tablet's, a counter only grows on
 * it, and the fields have fixed widths (the counter's is the only free one, last before the check), so
 * two different (year, serial, counter) can never spell the same number. The zone is left out on
 * purpose: a tablet moves between zones, and the number only has to find the case. Crockford's
 * alphabet has no I, L, O or U, so a number read out on the phone or written by hand is not misread;
 * reading accepts those letters as 1 and 0.
 */

export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = RECEIPT_ALPHABET.length;
/** Tablet serials fit in four base-32 characters. */
export const MAX_DEVICE_SERIAL = BASE ** 4 - 1;

function charAt(text: string, i: number): string {
  const ch = text[i];
  if (ch === undefined) throw new RangeError(`no character at ${i}`);
  return ch;
}

function valueOf(ch: string): number {
  const v = RECEIPT_ALPHABET.indexOf(ch);
  if (v < 0) throw new RangeError(`not a receipt character: ${ch}`);
  return v;
}

/** Luhn mod N check character of `payload` (characters of the alphabet). */
export function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = factor * valueOf(charAt(payload, i));
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
  }
  return charAt(RECEIPT_ALPHABET, (BASE - (sum % BASE)) % BASE);
}

function encodeSerial(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > MAX_DEVICE_SERIAL)
    throw new RangeError(`device serial out of range: ${serial}`);
  let s = '';
  let n = serial;
  for (let i = 0; i < 4; i++) {
    s = charAt(RECEIPT_ALPHABET, n % BASE) + s;
    n = Math.floor(n / BASE);
  }
  return s;
}

export type ReceiptParts = { year: number; deviceSerial: number; counter: number };

/** The number for a tablet's `counter`-th complaint of `year` (counter from 1). */
export function formatReceiptNumber(parts: ReceiptParts): string {
  if (!Number.isInteger(parts.year) || parts.year < 2000 || parts.year > 2099)
    throw new RangeError(`year out of range: ${parts.year}`);
  if (!Number.isSafeInteger(parts.counter) || parts.counter < 1)
    throw new RangeError(`counter must be ≥ 1: ${parts.counter}`);
  const yy = String(parts.year % 100).padStart(2, '0');
  const device = encodeSerial(parts.deviceSerial);
  const counter = String(parts.counter).padStart(4, '0');
  const check = checkCharacter(yy + device + counter);
  return `${yy}-${device}-${counter}-${check}`;
}

/** Upper case, separators and spaces dropped, O→0 and I/L→1 as Crockford reads them. */
export function normalizeReceiptNumber(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export type ReceiptParse =
  | { ok: true; number: string; parts: ReceiptParts }
  | { ok: false; rule: 'complaints.receipt_format' | 'complaints.receipt_check'; message: string };

/**
 * Reads a number typed or read out by someone following their case: « 26 00k7 0042 t » reads like
 * « 26-00K7-0042-T ». A wrong check character says the number was mistyped.
 */
export function parseReceiptNumber(input: string, century = 2000): ReceiptParse {
  const s = normalizeReceiptNumber(input);
  const m = /^(\d{2})([0-9A-HJKMNP-TV-Z]{4})(\d{4,})([0-9A-HJKMNP-TV-Z])$/.exec(s);
  if (m === null)
    return {
      ok: false,
      rule: 'complaints.receipt_format',
      message: 'Numéro de plainte mal formé : attendu comme 26-00K7-0042-T.',
    };
  const [, yy, device, counter, check] = m as unknown as [string, string, string, string, string];
  if (checkCharacter(yy + device + counter) !== check)
    return {
      ok: false,
      rule: 'complaints.receipt_check',
      message:
        'Numéro de plainte incorrect : vérifiez chaque caractère (la clé ne correspond pas).',
    };
  let serial = 0;
  for (const ch of device) serial = serial * BASE + valueOf(ch);
  const parts = { year: century + Number(yy), deviceSerial: serial, counter: Number(counter) };
  return { ok: true, number: formatReceiptNumber(parts), parts };
}
