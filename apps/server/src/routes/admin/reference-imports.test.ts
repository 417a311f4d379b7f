import ExcelJS from 'exceljs';
import type { ImportPreview, ImportResult } from '@jigi/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { pullAll } from '../../test-support/sync-client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('village and household imports: preview, then confirm, all or nothing', () => {
  let s: TestServer;
  let admin: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    admin = await loginSession(s.app, 'admin');
  });
  afterEach(async () => {
    await s.close();
  });
  const send = (url: string, payload: string | Buffer, type = 'text/csv') =>
    s.app.inject({ method: 'POST', url, headers: { ...admin, 'content-type': type }, payload });
  const preview = (kind: string, payload: string | Buffer, type?: string) =>
    send(`/api/admin/${kind}/import/preview`, payload, type);
  const confirm = (kind: string, token: string, payload: string | Buffer, type?: string) =>
    send(`/api/admin/${kind}/import?token=${token}`, payload, type);

  it('shows each bad line in French and imports nothing until a corrected file is confirmed', async () => {
    const bad =
      'Nom;Commune;Cercle;PNP;Quota\nBamba-Sud (démo);Bamba;Koro;oui;12\n;Dioungani;;peut-être;x\nKani;Nulle-Part;;non;\n';
    const first = await preview('villages', bad);
    expect(first.statusCode).toBe(200);
    const p = first.json<ImportPreview>();
    expect(p).toMatchObject({ kind: 'villages', lines: 3, creates: 1, updates: 0 });
    expect(p.errors).toEqual([
      { line: 3, column: 'pnp', message: '« oui » ou « non » attendu' },
      { line: 3, column: 'name', message: 'obligatoire (cellule vide)' },
      { line: 3, column: 'quota', message: 'nombre entier attendu' },
      {
        line: 4,
        column: 'commune',
        message: 'commune « Nulle-Part » introuvable dans la liste administrative du Mali',
      },
    ]);
    // The good line is shown as it would be saved: its commune resolved from the names.
    expect(p.sample).toEqual([
      {
        line: 2,
        values: {
          name: 'Bamba-Sud (démo)',
          commune: 'Bamba, Koro, Mopti',
          pnp: 'oui',
          quota: '12',
        },
      },
    ]);
    const refused = await confirm('villages', p.token, bad);
    expect(refused.statusCode).toBe(400);
    expect(errorCode(refused)).toBe('invalid_import_file');
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('Ligne 3');
    expect(await s.db.reference.villageById('mopti.koro.bamba.bamba-sud-demo')).toBeUndefined();

    const fixed =
      'Nom;Commune;Cercle;PNP;Quota\nBamba-Sud (démo);Bamba;Koro;oui;12\nKani;Dioungani;;non;\n';
    const good = (await preview('villages', fixed)).json<ImportPreview>();
    expect(good).toMatchObject({ errors: [], creates: 2 });
    // A token is for the file it previewed: another file, even a valid one, is refused.
    const other = 'Nom;Commune;PNP\nKani;Dioungani;oui\n';
    const mismatch = await confirm('villages', good.token, other);
    expect(mismatch.statusCode).toBe(409);
    expect(errorCode(mismatch)).toBe('import_preview_mismatch');
    expect((await s.db.reference.listVillages()).some((v) => v.name === 'Kani')).toBe(false);

    const done = await confirm('villages', good.token, fixed);
    expect(done.json<ImportResult>()).toEqual({
      kind: 'villages',
      imported: 2,
      creates: 2,
      updates: 0,
    });
    expect(await s.db.reference.villageById('mopti.koro.bamba.bamba-sud-demo')).toMatchObject({
      name: 'Bamba-Sud (démo)',
      communeCode: 'mopti.koro.bamba',
    });
    // Importing the same file again updates the same villages.
    const again = (await preview('villages', fixed)).json<ImportPreview>();
    expect(again).toMatchObject({ creates: 0, updates: 2 });
    const sup = await registerDevice(s.app, 'sup.koro');
    const { changes } = await pullAll(s.app, sup);
    expect(
      changes.some((c) => c.entity === 'village' && c.id === 'mopti.koro.bamba.bamba-sud-demo'),
    ).toBe(true);
  });

  it('reads an Excel workbook, and homonym communes want their cercle', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Villages');
    sheet.addRow(['Nom du village', 'Commune', 'PNP', 'Quota']);
    sheet.addRow(['Kani', 'Dioungani', 'oui', 30]);
    sheet.addRow([]);
    sheet.addRow(['Sogou', 'Dioungani', 'non', { formula: '10+5', result: 15 }]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const p = (await preview('villages', bytes, XLSX)).json<ImportPreview>();
    expect(p.errors).toEqual([]);
    expect(p.sample.map((r) => [r.line, r.values['name'], r.values['quota']])).toEqual([
      [2, 'Kani', '30'],
      [4, 'Sogou', '15'],
    ]);
    const done = await confirm('villages', p.token, bytes, 'application/octet-stream');
    expect(done.json<ImportResult>().imported).toBe(2);

    const homonym = (await preview('villages', 'Nom;Commune\nTogo;Bamba\n')).json<ImportPreview>();
    expect(homonym.errors).toEqual([
      {
        line: 2,
        column: 'commune',
        message: expect.stringContaining(
          'plusieurs communes « Bamba » (cercles Bourem, Koro)',
        ) as string,
      },
    ]);
    const broken = await preview('villages', Buffer.from('PK\u0003\u0004 pas un classeur'), XLSX);
    expect(broken.statusCode).toBe(400);
    expect(errorCode(broken)).toBe('import_unreadable_file');
    const noHeader = (await preview('villages', 'a;b\n1;2\n')).json<ImportPreview>();
    expect(noHeader.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 'name'],
      [1, 'communeCode ou commune'],
    ]);
  });

  it('imports households without ids, once per code and village, only into known villages', async () => {
    const csv =
      'villageId,Code ménage,Chef de ménage,Titulaire\nvillage-koro-demo-1,KOR-T-001,Sɛku Dolo,Ɲɛlɛ Togo\nvillage-koro-demo-1,KOR-T-001,Awa Dolo,\nnulle-part,KOR-T-002,Oumar,\n';
    const p = (await preview('households', csv)).json<ImportPreview>();
    expect(p.errors).toEqual([
      {
        line: 3,
        column: 'householdCode',
        message: 'même code ménage que la ligne 2 dans ce village',
      },
      {
        line: 4,
        column: 'villageId',
        message: 'village inconnu « nulle-part » (importez d’abord les villages)',
      },
    ]);
    const fixed =
      'villageId,Code ménage,Chef de ménage,Titulaire\nvillage-koro-demo-1,KOR-T-001,Sɛku Dolo,Ɲɛlɛ Togo\n';
    const ok = (await preview('households', fixed)).json<ImportPreview>();
    expect((await confirm('households', ok.token, fixed)).json<ImportResult>()).toMatchObject({
      imported: 1,
      creates: 1,
    });
    const renamed = fixed.replace('Sɛku Dolo', 'Seydou Dolo');
    const update = (await preview('households', renamed)).json<ImportPreview>();
    expect(update).toMatchObject({ creates: 0, updates: 1 });
    await confirm('households', update.token, renamed);
    const rows = (await s.db.reference.listHouseholds(['village-koro-demo-1'])).filter(
      (h) => h.data['householdCode'] === 'KOR-T-001',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 2, data: { headName: 'Seydou Dolo' } });
  });

  it('wants a token, a file, and an admin', async () => {
    expect(errorCode(await send('/api/admin/villages/import', 'Nom;Commune\nA;Koro\n'))).toBe(
      'invalid_query',
    );
    const json = await s.app.inject({
      method: 'POST',
      url: '/api/admin/villages/import/preview',
      headers: admin,
      payload: { name: 'x' },
    });
    expect(errorCode(json)).toBe('unsupported_media_type');
    const sup = await loginSession(s.app, 'sup.koro');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/admin/villages/import/preview',
      headers: { ...sup, 'content-type': 'text/csv' },
      payload: 'Nom;Commune\nA;Koro\n',
    });
    expect(res.statusCode).toBe(403);
  });
});
