import { recordTypeDescriptor, type ExportColumn } from '@jigi/domain';
import { describe, expect, it } from 'vitest';
import { csvValue, frenchNumber, sheetName, xlsxValue } from './export-values';

const column = (c: Partial<ExportColumn>): ExportColumn => ({
  key: 'k',
  header: 'K',
  kind: 'text',
  ...c,
});

describe('export values', () => {
  it('writes numbers with a decimal comma and no exponent', () => {
    expect([12, -12, 3.5, -3.08, 0, 1e-7, 21000].map(frenchNumber)).toEqual([
      '12',
      '-12',
      '3,5',
      '-3,08',
      '0',
      '0,0000001',
      '21000',
    ]);
  });

  it('labels codes, dates and yes/no in French, and keeps them as stored for analysts', () => {
    const wall = column({ kind: 'text', labels: { banco: 'Banco (terre)' } });
    expect(csvValue(wall, 'banco', 'fr')).toBe('Banco (terre)');
    expect(csvValue(wall, 'inconnu', 'fr')).toBe('inconnu');
    expect(csvValue(wall, 'banco', 'codes')).toBe('banco');
    expect(csvValue(column({ kind: 'date' }), '2026-03-01', 'fr')).toBe('01/03/2026');
    expect(csvValue(column({ kind: 'date' }), '2026-03-01', 'codes')).toBe('2026-03-01');
    expect(csvValue(column({ kind: 'datetime' }), '2026-03-14T08:05:09.000Z', 'fr')).toBe(
      '14/03/2026 08:05:09',
    );
    expect(csvValue(column({ kind: 'boolean' }), true, 'fr')).toBe('Oui');
    expect(csvValue(column({ kind: 'boolean' }), false, 'codes')).toBe('0');
    expect(csvValue(column({ kind: 'text' }), null, 'fr')).toBeNull();
    const shocks = column({
      many: true,
      labels: { secheresse: 'Sécheresse', inondation: 'Inondation' },
    });
    expect(csvValue(shocks, ['secheresse', 'inondation'], 'fr')).toBe('Sécheresse | Inondation');
    expect(csvValue(shocks, ['secheresse', 'inondation'], 'codes')).toBe('secheresse|inondation');
  });

  it('types XLSX cells: dates at midnight UTC, instants, numbers, booleans, text', () => {
    expect(xlsxValue(column({ kind: 'date' }), '2026-03-01', 'fr')).toEqual(
      new Date(Date.UTC(2026, 2, 1)),
    );
    expect(xlsxValue(column({ kind: 'date' }), 'pas une date', 'fr')).toBe('pas une date');
    expect(xlsxValue(column({ kind: 'datetime' }), '2026-03-14T08:05:00.000Z', 'fr')).toEqual(
      new Date('2026-03-14T08:05:00.000Z'),
    );
    expect(xlsxValue(column({ kind: 'fcfa' }), 21000, 'fr')).toBe(21000);
    expect(xlsxValue(column({ kind: 'boolean' }), false, 'fr')).toBe(false);
    expect(xlsxValue(column({ kind: 'text' }), 'a\u0000b', 'fr')).toBe('a␀b');
    expect(xlsxValue(column({ kind: 'text' }), { x: 1 }, 'fr')).toBe('{"x":1}');
  });

  it('names sheets within Excel’s rules', () => {
    const tables = recordTypeDescriptor('ciblage_household')?.exports ?? [];
    expect(tables.map((t) => sheetName(t, 'ciblage_household', 'fr'))).toEqual([
      'Ciblage (ménage)',
      'Liste des membres',
    ]);
    expect(tables.map((t) => sheetName(t, 'ciblage_household', 'codes'))).toEqual([
      'ciblage_household',
      'members',
    ]);
    const long = {
      id: 'x',
      title: 'Un titre : beaucoup trop long / avec [des] signes?*',
      columns: [],
    };
    const name = sheetName(long, 't', 'fr');
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });
});
