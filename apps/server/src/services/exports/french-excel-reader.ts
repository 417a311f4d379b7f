// For tests: a CSV file read as French Excel reads it when a user double-clicks it — what the exports
// are checked against. The bytes are UTF-8 only with a BOM (else Windows-1252, accents garbled); `;`
// separates cells; a cell opened by `"` runs to the next lone `"` (`""` is a quote, line breaks
// included); lines end with CRLF or LF. Then each cell is typed as Excel types it: a number with a
// decimal comma, a date `jj/mm/aaaa` (with a time or not), a formula when it starts with `=`, `+`, `-`
// or `@` (after any TAB or CR) and is not a number, else text as it is.

/** A cell as Excel shows it (`kind`, and `number` for numbers) and as the file wrote it (`raw`). */
export interface ExcelCell {
  readonly kind: 'empty' | 'number' | 'date' | 'formula' | 'text';
  readonly raw: string;
  readonly number?: number;
}

const frenchNumber = /^[+-]?\d+(,\d+)?$/;
const frenchDate = /^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2}(:\d{2})?)?$/;

function decode(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bom
    ? new TextDecoder('utf-8').decode(bytes.subarray(3))
    : new TextDecoder('windows-1252').decode(bytes);
}

function split(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ';') {
      row.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      wasQuoted = false;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function typed(raw: string): ExcelCell {
  if (raw === '') return { kind: 'empty', raw };
  if (frenchNumber.test(raw)) return { kind: 'number', raw, number: Number(raw.replace(',', '.')) };
  if (frenchDate.test(raw)) return { kind: 'date', raw };
  if (/^[\t\r]*[=+\-@]/.test(raw)) return { kind: 'formula', raw };
  return { kind: 'text', raw };
}

/** Every line of the file as typed cells. */
export function readAsFrenchExcel(bytes: Uint8Array): ExcelCell[][] {
  return split(decode(bytes)).map((row) => row.map(typed));
}

/** The text the export meant: the cell as written, without a `'` that neutralised a formula. */
export function cellText(cell: ExcelCell): string {
  return cell.kind === 'text' && /^'+[=+\-@\t\r]/.test(cell.raw) ? cell.raw.slice(1) : cell.raw;
}
