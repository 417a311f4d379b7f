import { MAX_JSON_DEPTH } from '@jigi/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  headMemberId,
  patchMutation,
  pull,
  pullAll,
  push,
  pushBody,
  type TestDevice,
} from '../../test-support/sync-client';

// Content an adversarial client sends inside otherwise well-formed pushes (issue « Hardening »):
// none of it may produce a 5xx, and each refusal is the one mutation's, never the whole push's.

type Result = {
  outcome: string;
  version?: number;
  error?: { code: string; message: string; issues?: { path: string; rule: string }[] };
};

/** Stands for a value nested thousands deep in a body (JSON.stringify itself overflows on one). */
const DEEP = '__deep__';
/** `body` as JSON text with each `DEEP` replaced by `[[[…"x"…]]]` 20 000 levels deep. */
function withDeepValues(body: unknown): string {
  const depth = 20_000;
  return JSON.stringify(body).replaceAll(
    `"${DEEP}"`,
    `${'['.repeat(depth)}"x"${']'.repeat(depth)}`,
  );
}

const firstName = `members.${headMemberId}.firstName`;

describe('hostile content in a push', () => {
  let s: TestServer;
  let a: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro');
  });
  afterEach(async () => {
    await s.close();
  });

  const stored = async (id: string) => (await s.db.sync.recordById(id))?.data;

  it('a value nested thousands deep in a patch or a create refuses that mutation only', async () => {
    await push(s.app, a, [createMutation(1, ciblage(1, a))]);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...a.headers, 'content-type': 'application/json' },
      payload: withDeepValues(
        pushBody(a, [
          patchMutation(2, ciblage(1, a), 1, { 'dwelling.notes': DEEP }),
          createMutation(3, ciblage(2, a, { notes: DEEP })),
          createMutation(4, ciblage(3, a)),
          patchMutation(5, ciblage(1, a), 1, { [firstName]: 'Boubacar' }),
        ]),
      ),
    });
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: Result[] }>().results;
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'applied', 'applied']);
    for (const r of results.slice(0, 2)) {
      expect(r.error?.code).toBe('validation_failed');
      expect(r.error?.issues?.[0]?.rule).toBe('content.too_deep');
      expect(r.error?.message).toContain(`au plus ${MAX_JSON_DEPTH} niveaux`);
    }
    expect(await stored(ciblage(3, a).id)).toBeDefined();
    expect(await stored(ciblage(2, a).id)).toBeUndefined();
    // The refused inputs are kept for support, cut to what can be stored.
    const quarantined = await s.db.sync.listQuarantine(a.deviceId);
    expect(quarantined.map((q) => q.mutationId)).toEqual([2, 3]);
    // The queue moved on: the next push starts after them.
    expect((await push(s.app, a, [createMutation(6, ciblage(4, a))])).statusCode).toBe(200);
  });

  it.each([
    ['NUL', 'Awa\u0000'],
    ['a terminal escape sequence', 'Awa\u001b[31m'],
    ['a lone surrogate', 'Awa\ud800'],
  ])('refuses %s in a name, naming the field in French', async (_, name) => {
    const rec = ciblage(1, a);
    const members = (rec['members'] as Record<string, unknown>[]).map((m) =>
      m['id'] === headMemberId ? { ...m, firstName: name } : m,
    );
    const res = await push(s.app, a, [
      createMutation(1, { ...rec, members } as typeof rec),
      createMutation(2, ciblage(2, a, { villageId: `village-koro-demo-1\u0000` })),
    ]);
    const results = res.json<{ results: Result[] }>().results;
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(results[0]?.error?.message).toMatch(
      /^Prénom .*(caractère de contrôle interdit|caractère invalide)/,
    );
    expect(results[0]?.error?.issues?.[0]?.rule).toBe('content.control_character');
    expect(results[1]?.error?.message).toContain('Village');
    expect(await stored(rec.id)).toBeUndefined();
  });

  it('stores, pulls and echoes the NFC, trimmed text the schema produced, not the raw input', async () => {
    const decomposed = '  Se\u0301kou  ';
    const rec = ciblage(1, a);
    const members = (rec['members'] as Record<string, unknown>[]).map((m) =>
      m['id'] === headMemberId ? { ...m, firstName: decomposed } : m,
    );
    await push(s.app, a, [createMutation(1, { ...rec, members } as typeof rec)]);
    const head = () =>
      stored(rec.id).then((d) =>
        (d?.['members'] as Record<string, unknown>[]).find((m) => m['id'] === headMemberId),
      );
    expect((await head())?.['firstName']).toBe('S\u00e9kou');
    await push(s.app, a, [patchMutation(2, rec, 1, { [firstName]: 'Fanta\u0301 ' })]);
    expect((await head())?.['firstName']).toBe('Fant\u00e1');
    // The tablet sent other bytes than were stored: it gets the stored version back.
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    for (const device of [a, b]) {
      const { changes } = await pullAll(s.app, device);
      const change = changes.find((c) => c.entity === 'record' && c.id === rec.id);
      expect(JSON.stringify(change)).toContain('Fant\u00e1');
      expect(JSON.stringify(change)).not.toContain('a\u0301');
    }
    const history = await s.db.sync.recordVersions(rec.id);
    expect(JSON.stringify(history.map((v) => v.changes))).not.toContain('\u0301');
  });

  it('takes the author and the device of a create from the token, never from the body', async () => {
    const forged = ciblage(1, a, { agentId: 'user-admin', deviceId: 'another-tablet' });
    const res = await push(s.app, a, [createMutation(1, forged)]);
    expect(res.json<{ results: Result[] }>().results[0]?.outcome).toBe('applied');
    const data = await stored(forged.id);
    const me = (await s.db.accounts.deviceById(a.deviceId))?.userId;
    expect(data?.['agentId']).toBe(me);
    expect(data?.['deviceId']).toBe(a.deviceId);
    // A patch cannot rewrite them either.
    await push(s.app, a, [
      patchMutation(2, forged, 1, { agentId: 'user-admin', deviceId: 'another-tablet' }),
    ]);
    expect((await stored(forged.id))?.['agentId']).toBe(me);
    expect((await stored(forged.id))?.['deviceId']).toBe(a.deviceId);
    // The forging tablet is sent the stored record back.
    const { changes } = await pullAll(s.app, a);
    const change = changes.find((c) => c.entity === 'record' && c.id === forged.id);
    expect(JSON.stringify(change)).not.toContain('another-tablet');
  });

  it('answers a malformed pull cursor with the documented malformed_cursor', async () => {
    for (const cursor of ['abc', '', 'x'.repeat(500)]) {
      const res = await pull(s.app, a, { cursor });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('malformed_cursor');
    }
  });

  it('a resolution value nested thousands deep is a 400, and the conflict stays open', async () => {
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const rec = ciblage(1, a);
    await push(s.app, a, [createMutation(1, rec)]);
    await push(s.app, a, [patchMutation(2, rec, 1, { [firstName]: 'Hamadoun' })]);
    await push(s.app, b, [patchMutation(1, rec, 1, { [firstName]: 'Amadou-Bakary' })]);
    const sup = await loginSession(s.app, 'sup.koro');
    const list = await s.app.inject({ method: 'GET', url: '/api/review/conflicts', headers: sup });
    const id = list.json<{ conflicts: { id: string }[] }>().conflicts[0]!.id;
    const resolve = (payload: unknown) =>
      s.app.inject({
        method: 'POST',
        url: `/api/review/conflicts/${id}/resolve`,
        headers: { ...sup, 'content-type': 'application/json' },
        payload: withDeepValues(payload),
      });
    const deep = await resolve({ choice: 'value', value: DEEP });
    expect(deep.statusCode).toBe(400);
    expect(errorCode(deep)).toBe('invalid_body');
    const control = await resolve({ choice: 'value', value: 'Ham\u001b[2Jadoun' });
    expect(control.statusCode).toBe(400);
    const composed = await resolve({ choice: 'value', value: ' Se\u0301kou ' });
    expect(composed.statusCode).toBe(200);
    expect(JSON.stringify(await stored(rec.id))).toContain('"firstName":"S\u00e9kou"');
  });
});
