import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFileBytes, exportText, gzipLikeTablet } from '../../test-support/export-file';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  GAO_VILLAGE,
  headMemberId,
  patchMutation,
  push,
  type TestDevice,
} from '../../test-support/sync-client';

type Summary = {
  deviceId: string;
  userId: string;
  exportedAt: string;
  pushes: number;
  mutations: number;
  outcomes: Record<string, number>;
  rejections: Record<string, number>;
  batches: number[];
};

describe('POST /api/admin/imports: a tablet’s export file through the idempotent push path', () => {
  let s: TestServer;
  let admin: { cookie: string };
  beforeAll(async () => {
    s = await startTestServer();
    admin = await loginSession(s.app, 'admin');
  });
  afterAll(async () => {
    await s.close();
  });

  const importFile = (payload: Buffer, headers: Record<string, string> = admin) =>
    s.app.inject({
      method: 'POST',
      url: '/api/admin/imports',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      payload,
    });
  const snapshot = async (ids: string[]) => ({
    versions: await Promise.all(
      ids.map(async (id) => (await s.db.sync.recordById(id))?.version ?? null),
    ),
    histories: await Promise.all(
      ids.map(async (id) => (await s.db.sync.recordVersions(id)).length),
    ),
    batches: (await s.db.sync.listBatches({ limit: 1, offset: 0 })).total,
    quarantine: (await s.db.sync.listQuarantine()).length,
    conflicts: (await s.db.review.listConflicts({})).length,
  });

  it('imports every push once; a second import changes nothing and says so', async () => {
    const tablet = await registerDevice(s.app, 'enq.koro', 'Tablette en brousse');
    const [r1, r2, r3] = [
      ciblage(101, tablet),
      ciblage(102, tablet),
      ciblage(103, tablet, { villageId: GAO_VILLAGE }),
    ];
    const file = await exportFileBytes(tablet, 'user-enq-koro', [
      [createMutation(1, r1), createMutation(2, r2)],
      [
        patchMutation(3, r1, 1, { [`members.${headMemberId}.firstName`]: 'Hamadoun' }),
        createMutation(4, r3),
      ],
    ]);
    const first = await importFile(file);
    expect(first.statusCode).toBe(200);
    const summary = first.json<Summary>();
    expect(summary).toMatchObject({
      deviceId: tablet.deviceId,
      userId: 'user-enq-koro',
      exportedAt: '2026-03-01T16:00:00.000Z',
      pushes: 2,
      mutations: 4,
    });
    expect(summary.outcomes).toEqual({
      applied: 3,
      merged: 0,
      duplicate: 0,
      conflict_queued: 0,
      rejected: 1,
    });
    // Zone checks apply as for the tablet's own push: Gao is outside this enumerator's villages.
    expect(summary.rejections).toEqual({ forbidden: 1 });
    expect(summary.batches).toHaveLength(2);
    expect((await s.db.sync.recordById(r1.id))?.version).toBe(2);
    expect((await s.db.sync.recordById(r2.id))?.version).toBe(1);
    expect(await s.db.sync.recordById(r3.id)).toBeUndefined();
    expect((await s.db.accounts.deviceById(tablet.deviceId))?.lastMutationId).toBe(4);
    const batch = await s.db.sync.batchByNumber(summary.batches[0] ?? 0);
    // The tablet's offset estimate from the file, not "now − clientTime" (weeks, for an export).
    expect(batch).toMatchObject({
      deviceId: tablet.deviceId,
      userId: 'user-enq-koro',
      counts: { ciblage_household: 2 },
      clockOffsetMs: -120_000,
    });
    const audit = (await s.db.audit.recent(20)).find((e) => e.action === 'sync.import');
    expect(audit).toMatchObject({
      userId: 'user-admin',
      entity: 'device',
      entityId: tablet.deviceId,
      details: { mutations: 4, batches: summary.batches, via: 'http' },
    });

    const before = await snapshot([r1.id, r2.id, r3.id]);
    const again = await importFile(file);
    expect(again.statusCode).toBe(200);
    expect(again.json<Summary>()).toMatchObject({
      pushes: 2,
      mutations: 4,
      outcomes: { applied: 0, merged: 0, duplicate: 4, conflict_queued: 0, rejected: 0 },
      rejections: {},
      batches: [],
    });
    expect(await snapshot([r1.id, r2.id, r3.id])).toEqual(before);
    expect(
      (await s.db.audit.recent(50)).filter(
        (e) => e.action === 'sync.import' && e.entityId === tablet.deviceId,
      ),
    ).toHaveLength(2);

    // The tablet syncing the same batch later is answered from the stored results too.
    const late = await push(s.app, tablet, [createMutation(1, r1), createMutation(2, r2)]);
    expect(late.json()).toMatchObject({
      batchNumber: null,
      lastMutationId: 4,
      results: [
        { outcome: 'applied', version: 1 },
        { outcome: 'applied', version: 1 },
      ],
    });
    expect(await snapshot([r1.id, r2.id, r3.id])).toEqual(before);
  });

  it('imports the file of a revoked tablet, and accepts application/gzip', async () => {
    const lost = await registerDevice(s.app, 'enq.koro', 'Tablette volée');
    const revoke = await s.app.inject({
      method: 'POST',
      url: `/api/admin/devices/${lost.deviceId}/revoke`,
      headers: admin,
    });
    expect(revoke.statusCode).toBe(200);
    const rec = ciblage(110, lost);
    const seen = (await s.db.accounts.deviceById(lost.deviceId))?.lastSeenAt;
    const res = await importFile(
      await exportFileBytes(lost, 'user-enq-koro', [[createMutation(1, rec)]]),
      { ...admin, 'content-type': 'application/gzip' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<Summary>().outcomes.applied).toBe(1);
    expect((await s.db.sync.recordById(rec.id))?.version).toBe(1);
    // Still revoked, last contact unchanged: the import is not the tablet coming back.
    expect(await s.db.accounts.deviceById(lost.deviceId)).toMatchObject({
      lastSeenAt: seen,
      lastMutationId: 1,
    });
    expect((await s.db.accounts.deviceById(lost.deviceId))?.revokedAt).not.toBeNull();
    expect((await push(s.app, lost, [createMutation(2, ciblage(111, lost))])).statusCode).toBe(401);
  });

  describe('refuses bad files with a stable code, naming the problem, writing nothing', () => {
    let tablet: TestDevice;
    let other: TestDevice;
    let good: string;
    beforeAll(async () => {
      tablet = await registerDevice(s.app, 'enq.koro');
      other = await registerDevice(s.app, 'anim.koro');
      good = exportText(tablet, 'user-enq-koro', [[createMutation(1, ciblage(120, tablet))]]);
    });
    const gz = (text: string) => gzipSync(text);

    it.each([
      ['a plain JSON file (not gzip)', () => Buffer.from(good), 400, 'import_not_gzip', 'gzip'],
      ['an empty body', () => Buffer.alloc(0), 400, 'import_not_gzip', 'gzip'],
      [
        'a truncated gzip',
        () => {
          const z = gz(good);
          return z.subarray(0, z.length - 30);
        },
        400,
        'import_corrupt_gzip',
        'tronqué',
      ],
      [
        'a corrupt gzip',
        () => {
          const z = Buffer.from(gz(good));
          z.fill(0x41, 12, 40);
          return z;
        },
        400,
        'import_corrupt_gzip',
        'corrompu',
      ],
      [
        'gzip of something that is not JSON',
        () => gz('Nom;Village\nAwa;Koro'),
        400,
        'import_not_json',
        'JSON',
      ],
      [
        'gzip of bytes that are not UTF-8',
        () => gzipSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
        400,
        'import_not_json',
        'UTF-8',
      ],
      [
        'a JSON file of another format',
        () => gz(good.replace('jigi-collect-export', 'kobo-export')),
        400,
        'import_wrong_format',
        'format',
      ],
      [
        'an unknown format version',
        () => gz(good.replace('"formatVersion":1', '"formatVersion":7')),
        400,
        'import_unsupported_format_version',
        'formatVersion',
      ],
      [
        'a push that breaks the schema',
        () => gz(good.replace('"op":"create"', '"op":"rename"')),
        400,
        'import_invalid_file',
        'pushes.0.mutations.0.op',
      ],
      [
        'an unknown device',
        () => gz(good.replaceAll(tablet.deviceId, 'tablette-inconnue')),
        422,
        'import_unknown_device',
        'tablette-inconnue',
      ],
      [
        'a device of another user',
        () => gz(good.replaceAll(tablet.deviceId, other.deviceId)),
        422,
        'import_device_user_mismatch',
        'anim.koro',
      ],
      [
        'a file that starts after the id the server expects',
        () => gz(exportText(tablet, 'user-enq-koro', [[createMutation(3, ciblage(121, tablet))]])),
        409,
        'mutation_gap',
        'n°1',
      ],
    ] as const)('%s', async (_name, file, status, code, named) => {
      const before = {
        batches: (await s.db.sync.listBatches({ limit: 1, offset: 0 })).total,
        audit: (await s.db.audit.recent(1000)).length,
        quarantine: (await s.db.sync.listQuarantine()).length,
      };
      const res = await importFile(file());
      expect(res.statusCode).toBe(status);
      expect(errorCode(res)).toBe(code);
      expect(res.json<{ error: { message: string } }>().error.message).toContain(named);
      expect(await s.db.sync.recordById(ciblage(120, tablet).id)).toBeUndefined();
      expect((await s.db.accounts.deviceById(tablet.deviceId))?.lastMutationId).toBe(0);
      expect({
        batches: (await s.db.sync.listBatches({ limit: 1, offset: 0 })).total,
        audit: (await s.db.audit.recent(1000)).length,
        quarantine: (await s.db.sync.listQuarantine()).length,
      }).toEqual(before);
    });

    it('answers the gap with the id it expects', async () => {
      const res = await importFile(
        gz(exportText(tablet, 'user-enq-koro', [[createMutation(3, ciblage(121, tablet))]])),
      );
      expect(res.json()).toMatchObject({
        error: {
          code: 'mutation_gap',
          kind: 'gap',
          details: { expectedMutationId: 1, receivedMutationId: 3 },
        },
      });
    });

    it('wants the file bytes, and an admin or the supervisor of the tablet’s zones', async () => {
      const asJson = await s.app.inject({
        method: 'POST',
        url: '/api/admin/imports',
        headers: admin,
        payload: JSON.parse(good) as object,
      });
      expect(asJson.statusCode).toBe(415);
      expect(errorCode(asJson)).toBe('unsupported_media_type');
      const gao = await importFile(
        await gzipLikeTablet(good),
        await loginSession(s.app, 'sup.gao'),
      );
      expect(gao.statusCode).toBe(403);
      expect(errorCode(gao)).toBe('import_outside_zones');
      const tabletToken = await importFile(await gzipLikeTablet(good), tablet.headers);
      expect(tabletToken.statusCode).toBe(403);
      expect(errorCode(tabletToken)).toBe('forbidden_role');
      expect((await s.db.accounts.deviceById(tablet.deviceId))?.lastMutationId).toBe(0);
      // Koro's supervisor is handed the Koro enumerator's file, as the tablet tells its user.
      const koro = await importFile(
        await gzipLikeTablet(good),
        await loginSession(s.app, 'sup.koro'),
      );
      expect(koro.statusCode).toBe(200);
      expect(koro.json<Summary>().outcomes.applied).toBe(1);
      expect((await s.db.accounts.deviceById(tablet.deviceId))?.lastMutationId).toBe(1);
      const audit = (await s.db.audit.recent(5)).find((e) => e.action === 'sync.import');
      expect(audit).toMatchObject({ userId: 'user-sup-koro', entityId: tablet.deviceId });
    });
  });
});
