import { describe, expect, it } from 'vitest';
import { csvObjects, parseCsv } from './csv';

describe('csv', () => {
  it('parses quotes, doubled quotes, newlines in quotes, CRLF, BOM and French `;` files', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",2\n"multi\nline",3\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['multi\nline', '3'],
    ]);
    expect(csvObjects('id;nom\nv1; Sɔkɔ \n').rows).toEqual([{ id: 'v1', nom: 'Sɔkɔ' }]);
  });
});
