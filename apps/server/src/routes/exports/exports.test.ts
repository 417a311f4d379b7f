import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../services/csv';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { ciblage, createMutation, push, type TestDevice } from '../../test-support/sync-client';

describe('exports', () => {
  let s: TestServer;
  let a: TestDevice;
  let sup: { cookie: string };
  beforeAll(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro');
    sup = await loginSession(s.app, 'sup.koro');
    await push(
      s.app,
      a,
      [1, 2, 3].map((n) => createMutation(n, ciblage(n, a))),
    );
    await s.app.inject({
      method: 'POST',
      url: `/api/review/records/${ciblage(1, a).id}/decision`,
      headers: sup,
      payload: { decision: 'approve' },
    });
  });
  afterAll(async () => {
    await s.close();
  });
  const get = (url: string, headers: object = sup) =>
    s.app.inject({ method: 'GET', url, headers: headers as Record<string, string> });

  it('streams one CSV line per record with review columns and no child arrays', async () => {
    const res = await get('/api/exports/records.csv?type=ciblage_household');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('ciblage_household.csv');
    const [header = [], ...rows] = parseCsv(res.body);
    expect(rows).toHaveLength(3);
    expect(header.slice(0, 5)).toEqual([
      'recordId',
      'villageId',
      'villageName',
      'demo',
      'reviewStatus',
    ]);
    expect(header).toContain('dwelling.roomsCount');
    expect(header.some((h) => h.startsWith('members'))).toBe(false);
    expect(rows.map((r) => r[header.indexOf('reviewStatus')]).sort()).toEqual([
      'approved',
      'received',
      'received',
    ]);
    expect(rows[0]?.[header.indexOf('headPhone')]).toBe('+22376123456');
  });

  it('exports the roster as its own table keyed by household id, filtered by status', async () => {
    const res = await get(
      '/api/exports/records.csv?type=ciblage_household&table=members&status=approved',
    );
    const [header = [], ...rows] = parseCsv(res.body);
    expect(header.slice(0, 3)).toEqual(['householdId', 'villageId', 'id']);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([ciblage(1, a).id]));
    expect(
      (await get('/api/exports/records.csv?type=ciblage_household&table=lines')).statusCode,
    ).toBe(400);
    // Demo villages can be left out of a real export.
    expect(
      parseCsv((await get('/api/exports/records.csv?type=ciblage_household&demo=exclude')).body),
    ).toHaveLength(1);
  });

  it('is zone-scoped and audited', async () => {
    const gao = await loginSession(s.app, 'sup.gao');
    const res = await get('/api/exports/records.csv?type=ciblage_household', gao);
    expect(parseCsv(res.body)).toHaveLength(1);
    expect(res.body).not.toContain(ciblage(1, a).id);
    const exportsLogged = (await s.db.audit.recent(100)).filter((e) => e.action === 'export.csv');
    expect(exportsLogged.map((e) => e.userId)).toEqual(
      expect.arrayContaining(['user-sup-koro', 'user-sup-gao']),
    );
  });

  it('writes an XLSX workbook with one sheet per table', async () => {
    const res = await get(
      '/api/exports/records.xlsx?type=ciblage_household&from=2026-03-01&to=2026-03-31',
    );
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['ciblage_household', 'members']);
    expect(workbook.getWorksheet('ciblage_household')?.rowCount).toBe(4);
    expect(workbook.getWorksheet('members')?.rowCount).toBe(10);
    const empty = await get('/api/exports/records.xlsx?type=ciblage_household&from=2027-01-01');
    const none = new ExcelJS.Workbook();
    await none.xlsx.load(empty.rawPayload as unknown as ArrayBuffer);
    expect(none.getWorksheet('ciblage_household')?.rowCount).toBe(1);
  });
});
