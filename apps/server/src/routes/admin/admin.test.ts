import { defaultProgramSettings } from '@jigi/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { pullAll } from '../../test-support/sync-client';

describe('admin API', () => {
  let s: TestServer;
  let admin: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    admin = await loginSession(s.app, 'admin');
  });
  afterEach(async () => {
    await s.close();
  });
  const csv = (url: string, body: string) =>
    s.app.inject({
      method: 'POST',
      url,
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: body,
    });

  it('imports villages and households from CSV all or nothing, and devices pull them', async () => {
    const bad = await csv(
      '/api/admin/villages/import',
      'id;name;communeCode;pnp\nvillage-koro-new;Bamba (démo);mopti.koro.bamba;oui\nvillage-x;;mopti.koro.inconnue;non\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('invalid_csv');
    const lines = bad.json<{
      error: { message: string; details: { lines: { line: number; field: string }[] } };
    }>();
    expect(lines.error.details.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'name' }),
        expect.objectContaining({ line: 3, field: 'communeCode' }),
      ]),
    );
    expect(lines.error.message).toContain('Ligne 3');
    expect(await s.db.reference.villageById('village-koro-new')).toBeUndefined();

    const ok = await csv(
      '/api/admin/villages/import',
      'id;name;communeCode;pnp;quota\nvillage-koro-new;Bamba (démo);mopti.koro.bamba;oui;12\n',
    );
    expect(ok.json()).toEqual({ imported: 1 });
    const households = await csv(
      '/api/admin/households/import',
      'id,villageId,householdCode,headName,titulaireName\n00000000-0000-4000-8eee-000000000001,village-koro-new,KOR-BAM-001-AD-0001,Sɛku Dolo,Ɲɛlɛ Togo\n',
    );
    expect(households.json()).toEqual({ imported: 1 });
    const unknownVillage = await csv(
      '/api/admin/households/import',
      'id,villageId,householdCode,headName\n00000000-0000-4000-8eee-000000000002,nulle-part,X-1,Awa\n',
    );
    expect(unknownVillage.json()).toMatchObject({
      error: { code: 'invalid_csv', details: { lines: [{ line: 2, field: 'villageId' }] } },
    });

    const sup = await registerDevice(s.app, 'sup.koro');
    const { changes } = await pullAll(s.app, sup);
    expect(changes.some((c) => c.entity === 'village' && c.id === 'village-koro-new')).toBe(true);
    expect(
      changes.some(
        (c) =>
          c.entity === 'beneficiary_household' && !c.deleted && c.data['headName'] === 'Sɛku Dolo',
      ),
    ).toBe(true);
  });

  it('creates a user with zones who can then register a tablet; a duplicate login is refused', async () => {
    const payload = {
      login: 'enq.bankass',
      name: 'Awa Dolo',
      role: 'enumerator',
      zones: ['mopti.bankass'],
      password: 'motdepasse1',
    };
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload,
    });
    expect(errorCode(again)).toBe('already_exists');
    const device = await s.app.inject({
      method: 'POST',
      url: '/api/auth/device',
      payload: { login: 'enq.bankass', password: 'motdepasse1', deviceLabel: 'T1' },
    });
    expect(device.json()).toMatchObject({ user: { role: 'enumerator', zones: ['mopti.bankass'] } });
    const disable = await s.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${created.json<{ id: string }>().id}`,
      headers: admin,
      payload: { active: false },
    });
    expect(disable.json()).toMatchObject({ active: false });
    const refused = await s.app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { authorization: `Bearer ${device.json<{ deviceToken: string }>().deviceToken}` },
    });
    expect(errorCode(refused)).toBe('account_disabled');
  });

  it('changes program settings, which reach devices as a new version', async () => {
    const dev = await registerDevice(s.app, 'agent.bankass');
    const { cursor } = await pullAll(s.app, dev);
    const res = await s.app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: admin,
      payload: { ...defaultProgramSettings, himoDefaultDailyWageFcfa: 2500 },
    });
    expect(res.json()).toMatchObject({ himoDefaultDailyWageFcfa: 2500 });
    const invalid = await s.app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: admin,
      payload: {
        ...defaultProgramSettings,
        muac: { childRedBelowMm: 130, childYellowBelowMm: 120, womanBelowMm: 230 },
      },
    });
    expect(errorCode(invalid)).toBe('invalid_body');
    const { changes } = await pullAll(s.app, dev, cursor);
    expect(changes).toEqual([
      expect.objectContaining({
        entity: 'settings',
        version: 2,
        data: expect.objectContaining({ himoDefaultDailyWageFcfa: 2500 }),
      }),
    ]);
  });
});
