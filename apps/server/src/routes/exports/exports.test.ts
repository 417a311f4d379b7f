import ExcelJS from 'exceljs';
import { recordTypeDescriptor } from '@jigi/domain';
import { buildHimoPayment } from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableText } from '../../services/exports/export-text';
import {
  cellText,
  readAsFrenchExcel,
  type ExcelCell,
} from '../../services/exports/french-excel-reader';
import {
  loginSession,
  registerDevice,
  startTestServer,
  testBackend,
  type TestServer,
} from '../../test-support/harness';
import {
  BANKASS_VILLAGE,
  ciblage,
  createMutation,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

/** Text a person may type that breaks naive CSV: quotes, separators, line breaks, formulas, accents. */
const hostile = [
  'Tas « près » du puits; "côté" nord\nN’Golo — é ɛ ɔ ŋ, 3,5',
  '=HYPERLINK("http://x";"clic")',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1)',
  '+1',
  '-12',
];

const header = (type: string, table: string, key: string): string =>
  recordTypeDescriptor(type)
    ?.exports.find((t) => t.id === table)
    ?.columns.find((c) => c.key === key)?.header ?? key;

/** The file as French Excel shows it: a header row, and each line as cells by header. */
function excelTable(body: Buffer): { head: string[]; lines: Map<string, ExcelCell>[] } {
  const [first = [], ...rest] = readAsFrenchExcel(body);
  const head = first.map(cellText);
  return { head, lines: rest.map((row) => new Map(head.map((h, i) => [h, row[i]!]))) };
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as objects by header. */
function sheetRows(sheet: ExcelJS.Worksheet | undefined): Record<string, ExcelJS.CellValue>[] {
  const out: Record<string, ExcelJS.CellValue>[] = [];
  const head: string[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, n) => {
    const values: ExcelJS.CellValue[] = [];
    for (let i = 1; i <= row.cellCount; i++) values.push(row.getCell(i).value);
    if (n === 1) head.push(...values.map(String));
    else out.push(Object.fromEntries(head.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe('exports', () => {
  let s: TestServer;
  let a: TestDevice;
  let sup: { cookie: string };
  let admin: { cookie: string };
  const hostileIds: string[] = [];
  const plantedId = '00000000-0000-4000-8aaa-0000000000ff';
  const paymentId = '00000000-0000-4000-8bbb-000000000001';
  beforeAll(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro');
    sup = await loginSession(s.app, 'sup.koro');
    admin = await loginSession(s.app, 'admin');
    const households = [1, 2, 3].map((n) => ciblage(n, a));
    for (const [i, text] of hostile.entries()) {
      const h = ciblage(10 + i, a);
      h['dwelling'] = { ...(h['dwelling'] as JsonObject), wasteDisposal: text };
      households.push(h);
      hostileIds.push(h.id);
    }
    const res = await push(
      s.app,
      a,
      households.map((h, i) => createMutation(i + 1, h)),
    );
    expect(
      res
        .json<{ results: { outcome: string; error?: unknown }[] }>()
        .results.map((r) => r.error ?? r.outcome),
    ).toEqual(households.map(() => 'applied'));
    await s.app.inject({
      method: 'POST',
      url: `/api/review/records/${ciblage(1, a).id}/decision`,
      headers: sup,
      payload: { decision: 'approve' },
    });
    // Stored before text fields refused control characters: exports must still write a clean file.
    const stored = await s.db.sync.recordById(ciblage(2, a).id);
    const data = structuredClone(stored!.data);
    data['id'] = plantedId;
    (data['dwelling'] as JsonObject)['wasteDisposal'] =
      `a\u001b[31mb\u0007c\u0085d${testBackend === 'sqlite' ? '\u0000e' : ''}`;
    await s.db.sync.saveRecord({ ...stored!, id: plantedId, data });
    const payment = buildHimoPayment({ id: paymentId, villageId: BANKASS_VILLAGE });
    await s.db.sync.saveRecord({
      ...stored!,
      id: paymentId,
      type: 'himo_payment',
      villageId: BANKASS_VILLAGE,
      data: payment as unknown as JsonObject,
    });
  });
  afterAll(async () => {
    await s.close();
  });
  const get = (url: string, headers: object = sup) =>
    s.app.inject({ method: 'GET', url, headers: headers as Record<string, string> });

  it('writes a CSV French Excel opens as it is: BOM, `;`, CRLF, French headers and labels, typed cells', async () => {
    const res = await get('/api/exports/records.csv?type=ciblage_household');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('ciblage_household.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.split('\r\n')[0]?.split(';').length).toBeGreaterThan(50);
    const { head, lines } = excelTable(res.rawPayload);
    expect(lines).toHaveLength(3 + hostile.length + 1);
    expect(head.slice(0, 5)).toEqual([
      'Identifiant de la fiche',
      'Village',
      'Nom du village',
      'Village de démonstration',
      'Statut d’examen',
    ]);
    expect(head).toContain('Logement › Murs');
    expect(head.some((h) => h.startsWith('Liste des membres'))).toBe(false);
    const cell = (line: Map<string, ExcelCell> | undefined, type: string, key: string) =>
      line?.get(header(type, '', key));
    const first = lines.find((l) => l.get('Identifiant de la fiche')?.raw === ciblage(1, a).id);
    expect(cell(first, 'ciblage_household', 'reviewStatus')?.raw).toBe('Approuvé');
    expect(lines.filter((l) => l.get('Statut d’examen')?.raw === 'À examiner')).toHaveLength(
      lines.length - 1,
    );
    expect(cell(first, 'ciblage_household', 'interviewDate')).toEqual({
      kind: 'date',
      raw: '14/03/2026',
    });
    expect(cell(first, 'ciblage_household', 'receivedAt')?.kind).toBe('date');
    expect(cell(first, 'ciblage_household', 'consent.given')?.raw).toBe('Oui');
    expect(cell(first, 'ciblage_household', 'dwelling.roomsCount')?.kind).toBe('number');
    expect(cell(first, 'ciblage_household', 'dwelling.wall')?.raw).toMatch(/^[A-ZÀ-Ý]/);
    // Nothing in the file runs as a formula in Excel.
    for (const line of lines) for (const c of line.values()) expect(c.kind).not.toBe('formula');
  });

  it('gives hostile-but-valid text back exactly as stored, in the CSV and in the XLSX', async () => {
    const key = header('ciblage_household', '', 'dwelling.wasteDisposal');
    const csv = excelTable(
      (await get('/api/exports/records.csv?type=ciblage_household')).rawPayload,
    );
    const book = await workbookOf(
      (await get('/api/exports/records.xlsx?type=ciblage_household')).rawPayload,
    );
    const sheet = sheetRows(book.getWorksheet('Ciblage (ménage)'));
    for (const id of hostileIds) {
      const stored = (await s.db.sync.recordById(id))!.data['dwelling'] as JsonObject;
      const text = stored['wasteDisposal'] as string;
      const line = csv.lines.find((l) => l.get('Identifiant de la fiche')?.raw === id);
      expect(cellText(line!.get(key)!), text).toBe(text);
      expect(line!.get(key)?.kind, text).not.toBe('formula');
      const row = sheet.find((r) => r['Identifiant de la fiche'] === id);
      expect(row?.[key], text).toBe(text);
    }
    // A whole number stays a number; a formula is neutralised by a leading `'`.
    const of = (text: string) =>
      csv.lines
        .find((l) => l.get('Identifiant de la fiche')?.raw === hostileIds[hostile.indexOf(text)])
        ?.get(key);
    expect(of('-12')).toMatchObject({ kind: 'number', number: -12 });
    expect(of('@SUM(A1)')?.raw).toBe("'@SUM(A1)");
  });

  it('never writes a raw control character: a stored one shows as its stand-in', async () => {
    const key = header('ciblage_household', '', 'dwelling.wasteDisposal');
    const stored = (await s.db.sync.recordById(plantedId))!.data['dwelling'] as JsonObject;
    const expected = writableText(stored['wasteDisposal'] as string);
    expect(expected).toMatch(/^a␛\[31mb␇c\[U\+0085\]d/);
    const csvRes = await get('/api/exports/records.csv?type=ciblage_household');
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(csvRes.body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/);
    const line = excelTable(csvRes.rawPayload).lines.find(
      (l) => l.get('Identifiant de la fiche')?.raw === plantedId,
    );
    expect(line?.get(key)?.raw).toBe(expected);
    const book = await workbookOf(
      (await get('/api/exports/records.xlsx?type=ciblage_household')).rawPayload,
    );
    const row = sheetRows(book.getWorksheet('Ciblage (ménage)')).find(
      (r) => r['Identifiant de la fiche'] === plantedId,
    );
    expect(row?.[key]).toBe(expected);
  });

  it('has a codes variant for analysts: field keys, stored codes, ISO dates, 1/0', async () => {
    const res = await get('/api/exports/records.csv?type=ciblage_household&labels=codes');
    expect(res.headers['content-disposition']).toContain('ciblage_household-codes.csv');
    const { head, lines } = excelTable(res.rawPayload);
    expect(head.slice(0, 5)).toEqual([
      'recordId',
      'villageId',
      'villageName',
      'demo',
      'reviewStatus',
    ]);
    expect(head).toContain('dwelling.roomsCount');
    expect(head.at(-1)).toBe('otherValues');
    const first = lines.find((l) => l.get('recordId')?.raw === ciblage(1, a).id);
    expect(first?.get('reviewStatus')?.raw).toBe('approved');
    expect(first?.get('interviewDate')?.raw).toBe('2026-03-14');
    expect(first?.get('consent.given')?.raw).toBe('1');
    expect(first?.get('headPhone')?.raw).toBe('+22376123456');
    expect(first?.get('dwelling.wall')?.raw).toMatch(/^[a-z_]+$/);
  });

  it('exports the roster as its own table keyed by household id, filtered by status', async () => {
    const res = await get(
      '/api/exports/records.csv?type=ciblage_household&table=members&status=approved&labels=codes',
    );
    expect(res.headers['content-disposition']).toContain('ciblage_household-members-codes.csv');
    const { head, lines } = excelTable(res.rawPayload);
    expect(head.slice(0, 3)).toEqual(['householdId', 'villageId', 'id']);
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.get('householdId')?.raw))).toEqual(
      new Set([ciblage(1, a).id]),
    );
    const fr = excelTable(
      (await get('/api/exports/records.csv?type=ciblage_household&table=members')).rawPayload,
    );
    expect(fr.head[0]).toBe(header('ciblage_household', 'members', 'householdId'));
    expect(fr.lines.map((l) => l.get(header('ciblage_household', 'members', 'sex'))?.raw)).toEqual(
      expect.arrayContaining(['Masculin', 'Féminin']),
    );
    const bad = await get('/api/exports/records.csv?type=ciblage_household&table=lines');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('« table »');
    expect(
      (await get('/api/exports/records.csv?type=ciblage_household&labels=fr_FR')).statusCode,
    ).toBe(400);
    // Demo villages can be left out of a real export.
    expect(
      readAsFrenchExcel(
        (await get('/api/exports/records.csv?type=ciblage_household&demo=exclude')).rawPayload,
      ),
    ).toHaveLength(1);
  });

  it('writes amounts as numbers and days as dates (HIMO payment)', async () => {
    const csv = excelTable(
      (await get('/api/exports/records.csv?type=himo_payment', admin)).rawPayload,
    );
    const line = csv.lines.find((l) => l.get('Identifiant de la fiche')?.raw === paymentId);
    expect(line?.get(header('himo_payment', '', 'amountFcfa'))).toMatchObject({
      kind: 'number',
      number: 21000,
    });
    expect(line?.get(header('himo_payment', '', 'daysWorked'))).toMatchObject({
      kind: 'number',
      number: 10.5,
      raw: '10,5',
    });
    expect(line?.get(header('himo_payment', '', 'periodStart'))).toEqual({
      kind: 'date',
      raw: '01/03/2026',
    });
    const book = await workbookOf(
      (await get('/api/exports/records.xlsx?type=himo_payment', admin)).rawPayload,
    );
    const sheet = book.worksheets[0]!;
    const head = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const row = sheet.getRow(2);
    const at = (key: string) => row.getCell(head.indexOf(header('himo_payment', '', key)));
    expect(at('amountFcfa').value).toBe(21000);
    expect(at('amountFcfa').numFmt).toBe('#,##0 "FCFA"');
    expect(at('periodStart').value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(at('periodStart').numFmt).toBe('dd/mm/yyyy');
    expect(at('daysWorked').value).toBe(10.5);
    expect(at('demo').value).toBe(true);
  });

  it('writes an XLSX workbook with one sheet per table, frozen French headers, typed cells', async () => {
    const res = await get(
      '/api/exports/records.xlsx?type=ciblage_household&from=2026-03-01&to=2026-03-31',
    );
    expect(res.statusCode).toBe(200);
    const workbook = await workbookOf(res.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Ciblage (ménage)',
      'Liste des membres',
    ]);
    const households = workbook.getWorksheet('Ciblage (ménage)')!;
    expect(households.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(households.rowCount).toBe(1 + 3 + hostile.length + 1);
    const rows = sheetRows(households);
    const first = rows.find((r) => r['Identifiant de la fiche'] === ciblage(1, a).id)!;
    expect(first[header('ciblage_household', '', 'interviewDate')]).toEqual(
      new Date(Date.UTC(2026, 2, 14)),
    );
    expect(first[header('ciblage_household', '', 'consent.at')]).toEqual(
      new Date('2026-03-14T08:05:00.000Z'),
    );
    expect(first[header('ciblage_household', '', 'consent.given')]).toBe(true);
    expect(typeof first[header('ciblage_household', '', 'dwelling.roomsCount')]).toBe('number');
    expect(first['Statut d’examen']).toBe('Approuvé');
    expect(workbook.getWorksheet('Liste des membres')!.views[0]).toMatchObject({ ySplit: 1 });
    const codes = await workbookOf(
      (await get('/api/exports/records.xlsx?type=ciblage_household&labels=codes')).rawPayload,
    );
    expect(codes.worksheets.map((w) => w.name)).toEqual(['ciblage_household', 'members']);
    expect(sheetRows(codes.getWorksheet('ciblage_household'))[0]?.['reviewStatus']).toMatch(
      /^[a-z]+$/,
    );
    const empty = await workbookOf(
      (await get('/api/exports/records.xlsx?type=ciblage_household&from=2027-01-01')).rawPayload,
    );
    expect(empty.getWorksheet('Ciblage (ménage)')?.rowCount).toBe(1);
  });

  it('is zone-scoped and audited', async () => {
    const gao = await loginSession(s.app, 'sup.gao');
    const res = await get('/api/exports/records.csv?type=ciblage_household', gao);
    expect(readAsFrenchExcel(res.rawPayload)).toHaveLength(1);
    expect(res.body).not.toContain(ciblage(1, a).id);
    const exportsLogged = (await s.db.audit.recent(100)).filter((e) => e.action === 'export.csv');
    expect(exportsLogged.map((e) => e.userId)).toEqual(
      expect.arrayContaining(['user-sup-koro', 'user-sup-gao']),
    );
  });

  it('documents both routes, their query and the files they answer, in /api/openapi.json', async () => {
    const doc = (await get('/api/openapi.json')).json<{
      paths: Record<
        string,
        { get: { parameters: { name: string }[]; responses: Record<string, { content?: object }> } }
      >;
    }>();
    const csv = doc.paths['/api/exports/records.csv']?.get;
    expect(csv?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['type', 'table', 'labels', 'zone', 'status', 'from', 'to', 'demo']),
    );
    expect(Object.keys(csv?.responses['200']?.content ?? {})).toEqual(['text/csv; charset=utf-8']);
    const xlsx = doc.paths['/api/exports/records.xlsx']?.get;
    expect(xlsx?.parameters.map((p) => p.name)).not.toContain('table');
    expect(Object.keys(xlsx?.responses['200']?.content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});
