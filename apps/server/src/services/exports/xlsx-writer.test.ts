import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { XlsxValue } from './export-values';
import { xlsxStream, type XlsxSheet } from './xlsx-writer';

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function workbookOf(sheets: XlsxSheet[]): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(xlsxStream(sheets))) as unknown as ArrayBuffer);
  return workbook;
}

async function* rowsOf(rows: XlsxValue[][]): AsyncGenerator<XlsxValue[]> {
  for (const row of rows) yield await Promise.resolve(row);
}

describe('xlsx writer', () => {
  it('writes one sheet per table with a frozen header, typed cells and formats by kind', async () => {
    const day = new Date(Date.UTC(2026, 2, 12));
    const at = new Date('2026-03-15T09:58:07.000Z');
    const workbook = await workbookOf([
      {
        name: 'Paiement HIMO',
        columns: [
          { header: 'Montant', kind: 'fcfa' },
          { header: 'Payé le', kind: 'date' },
          { header: 'Reçue le', kind: 'datetime' },
          { header: 'Jours', kind: 'number' },
          { header: 'Démo', kind: 'boolean' },
          { header: 'Texte', kind: 'text' },
        ],
        rows: rowsOf([
          [150000, day, at, 12.5, true, '=HYPERLINK("x")'],
          [null, null, null, null, false, 'Sɔkɔ; "é"\nligne'],
        ]),
      },
      { name: 'Membres', columns: [{ header: 'Nom', kind: 'text' }], rows: rowsOf([]) },
    ]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Paiement HIMO', 'Membres']);
    const sheet = workbook.getWorksheet('Paiement HIMO')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Montant');
    expect(sheet.getRow(1).getCell(1).font.bold).toBe(true);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(150000);
    expect(row.getCell(1).numFmt).toBe('#,##0 "FCFA"');
    expect(row.getCell(2).value).toEqual(day);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(3).value).toEqual(at);
    expect(row.getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(row.getCell(4).value).toBe(12.5);
    expect(row.getCell(5).value).toBe(true);
    // A string is a string cell, never a formula, whatever it starts with.
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(6).value).toBe('=HYPERLINK("x")');
    expect(sheet.getRow(3).getCell(6).value).toBe('Sɔkɔ; "é"\nligne');
    expect(sheet.getRow(3).getCell(1).value).toBeNull();
    expect(workbook.getWorksheet('Membres')?.rowCount).toBe(1);
  });

  it('reads rows only as fast as the client takes the file', async () => {
    let pulled = 0;
    const total = 100_000;
    async function* many(): AsyncGenerator<XlsxValue[]> {
      for (let i = 0; i < total; i++) {
        pulled++;
        if (i % 1000 === 0) await Promise.resolve();
        // Random text compresses badly, as real answers do.
        yield [i, Math.random().toString(36).repeat(8), new Date(Date.UTC(2026, 0, 1 + (i % 300)))];
      }
    }
    const stream = xlsxStream([
      {
        name: 'Lignes',
        columns: [
          { header: 'n', kind: 'number' },
          { header: 't', kind: 'text' },
          { header: 'd', kind: 'date' },
        ],
        rows: many(),
      },
    ]);
    // Nobody reads: the writer stops pulling rows with a bounded backlog, not the whole table.
    // Stopped = no row pulled for three checks in a row (a loaded machine makes progress slow,
    // never zero); without backpressure it stops only at the end.
    let stalled = -1;
    for (let stable = 0, waited = 0; stable < 3 && waited < 20_000; waited += 300) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (pulled === stalled) stable++;
      else [stalled, stable] = [pulled, 0];
    }
    expect(stalled).toBeGreaterThan(0);
    expect(stalled).toBeLessThan(total / 2);
    let bytes = 0;
    await pipeline(
      stream,
      new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
    expect(pulled).toBe(total);
    expect(bytes).toBeGreaterThan(100_000);
  });
});
