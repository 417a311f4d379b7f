import { describe, expect, it } from 'vitest';
import { csvBom, csvCell, csvLine, neutraliseFormula } from './csv-writer';
import { cellText, readAsFrenchExcel } from './french-excel-reader';

const asExcel = (cells: (string | null)[]) =>
  readAsFrenchExcel(Buffer.from(csvBom + csvLine(cells), 'utf8'))[0] ?? [];

describe('csv writer', () => {
  it('neutralises every cell that would run as a formula, on both sides of each rule', () => {
    const formulas = [
      '=A1',
      '=HYPERLINK("http://x")',
      "-2+3+cmd|' /C calc'!A0",
      '-2+3',
      '+1+1',
      '+A1',
      '-x',
      '@SUM(A1)',
      '\t=1+1',
      '\r=1+1',
      '\tplain',
      "'=A1",
    ];
    for (const text of formulas) {
      const [cell] = asExcel([text]);
      expect(cell?.kind, JSON.stringify(text)).not.toBe('formula');
      expect(cell?.raw.startsWith("'"), JSON.stringify(text)).toBe(true);
      expect(cellText(cell!), JSON.stringify(text)).toBe(text);
    }
    // Whole numbers run nothing and stay numbers; text that starts otherwise stays as it is.
    for (const [text, n] of [
      ['-12', -12],
      ['+1', 1],
      ['3,5', 3.5],
      ['-3,5', -3.5],
      ['0', 0],
    ] as const) {
      expect(neutraliseFormula(text)).toBe(text);
      expect(asExcel([text])[0]).toMatchObject({ kind: 'number', number: n });
    }
    for (const text of ['a=b', 'N’Golo', "'quoted", '1+1', '2026-03-12', ' =1'])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it('quotes cells with quotes, separators and line breaks, and French Excel reads them back', () => {
    const cells = ['N\'Dodjiga, "Ba"', 'a;b', 'ligne 1\r\nligne 2', 'fin\n', 'Sɔkɔ é ŋ', null, ''];
    const line = csvLine(cells);
    expect(line).toBe('"N\'Dodjiga, ""Ba""";"a;b";"ligne 1\r\nligne 2";"fin\n";Sɔkɔ é ŋ;;\r\n');
    expect(asExcel(cells).map(cellText)).toEqual([
      'N\'Dodjiga, "Ba"',
      'a;b',
      'ligne 1\r\nligne 2',
      'fin\n',
      'Sɔkɔ é ŋ',
      '',
      '',
    ]);
  });

  it('never writes a raw control character: each shows as its visible stand-in', () => {
    const cell = csvCell('a\u0000b\u0007c\u001bd\u007fe\u0085f\uFFFEg\uD800h\tok');
    expect(cell).toBe('a␀b␇c␛d␡e[U+0085]f[U+FFFE]g[U+D800]h\tok');
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(cell).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    // The BOM is what makes Excel read UTF-8; without it accents are garbled.
    expect(readAsFrenchExcel(Buffer.from(csvLine(['é']), 'utf8'))[0]?.[0]?.raw).not.toBe('é');
  });
});
