import { writableText } from './export-text';

// The CSV dialect French Excel opens by a double click: UTF-8 with a BOM (else accents are read as
// Windows-1252), `;` between cells (`,` is the decimal separator), CRLF line ends, a cell quoted
// with `"` (doubled inside) when it holds `"`, `;` or a line break.

export const csvBom = '\uFEFF';
export const csvSeparator = ';';

/** A number as a spreadsheet reads it in any locale: `-12`, `+1`, `3,5`, `3.5`, `1e3`. */
const plainNumber = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * Characters that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`) or that it skips
 * before doing so (TAB, CR). A leading `'` is counted too, so that a cell that already starts with
 * `'` + one of them is told apart from one this module neutralised: decoding is exact.
 */
const formulaStart = /^'*[=+\-@\t\r]/;

/**
 * A cell that could run as a formula gets a leading `'` (OWASP's CSV injection advice): exported
 * answers are typed by people in the field. A whole number (`-12`, `+1`, `3,5`) runs nothing and
 * stays a number. Reading it back: drop one leading `'` when what follows starts a formula.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** One cell: stand-ins for unwritable characters, formulas neutralised, quoted when needed. */
export function csvCell(text: string | null): string {
  if (text === null || text === '') return '';
  const cell = neutraliseFormula(writableText(text));
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One line of cells, CRLF-terminated. */
export function csvLine(cells: readonly (string | null)[]): string {
  return `${cells.map(csvCell).join(csvSeparator)}\r\n`;
}
