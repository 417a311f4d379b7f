import {
  batchDetailResponseSchema,
  batchListResponseSchema,
  bulkDecisionResponseSchema,
  conflictDetailResponseSchema,
  conflictListResponseSchema,
  dashboardSections,
  decisionOutcomeSchema,
  duplicateListResponseSchema,
  duplicateResolutionResponseSchema,
  recordDetailResponseSchema,
  resolutionResponseSchema,
  villageListResponseSchema,
} from '@jigi/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
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
  push,
  type TestDevice,
} from '../../test-support/sync-client';

// The console parses every answer with @jigi/contract's schemas: here the real server's answers, on
// real data, must parse, and parse to themselves (no field the schema drops, none it invents). A
// server change that breaks the console's parsing fails here, not in a supervisor's browser.

describe('review and dashboard answers match @jigi/contract', () => {
  let s: TestServer;
  let a: TestDevice;
  let b: TestDevice;
  let sup: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro', 'Tablette de Enquêteur Koro (démo) n° 1');
    b = await registerDevice(s.app, 'enq.koro', 'Tablette de Enquêteur Koro (démo) n° 2');
    sup = await loginSession(s.app, 'sup.koro');
  });
  afterEach(async () => {
    await s.close();
  });

  async function answer<T>(
    schema: z.ZodType<T>,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ) {
    const res = await s.app.inject({
      method,
      url,
      headers: sup,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    const body: unknown = res.json();
    const parsed = schema.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues, `${method} ${url}`).toEqual([]);
    expect(parsed.data, `${method} ${url}: the schema drops nothing`).toEqual(body);
    return parsed.data as T;
  }

  it('batches, records, decisions, conflicts, duplicates, villages and every dashboard section', async () => {
    const rec = ciblage(1, a);
    await push(s.app, a, [
      createMutation(1, rec),
      createMutation(2, ciblage(2, a)),
      // The same household as 2 (same head, phone and NINA): a duplicate group.
      createMutation(3, ciblage(4, a)),
      createMutation(4, ciblage(3, a, { consent: { given: true, at: 'x' } })),
    ]);
    const path = `members.${headMemberId}.firstName`;
    await push(s.app, a, [patchMutation(5, rec, 1, { [path]: 'Hamadoun' })]);
    await push(s.app, b, [patchMutation(1, rec, 1, { [path]: 'Amadou-Bakary' })]);

    const list = await answer(batchListResponseSchema, 'GET', '/api/review/batches');
    expect(list.rows.map((r) => r.deviceLabel)).toContain('Tablette de Enquêteur Koro (démo) n° 2');
    const detail = await answer(batchDetailResponseSchema, 'GET', '/api/review/batches/1');
    expect(detail.batch.deviceLabel).toBe('Tablette de Enquêteur Koro (démo) n° 1');
    expect(detail.rejected).toHaveLength(1);
    const record = await answer(recordDetailResponseSchema, 'GET', `/api/review/records/${rec.id}`);
    expect(record.versions[0]?.deviceLabel).toBe('Tablette de Enquêteur Koro (démo) n° 1');

    const conflicts = await answer(conflictListResponseSchema, 'GET', '/api/review/conflicts');
    const conflictId = conflicts.conflicts[0]?.id ?? '';
    const conflict = await answer(
      conflictDetailResponseSchema,
      'GET',
      `/api/review/conflicts/${conflictId}`,
    );
    expect([conflict.server.deviceLabel, conflict.incoming.deviceLabel]).toEqual([
      'Tablette de Enquêteur Koro (démo) n° 1',
      'Tablette de Enquêteur Koro (démo) n° 2',
    ]);
    await answer(resolutionResponseSchema, 'POST', `/api/review/conflicts/${conflictId}/resolve`, {
      choice: 'incoming',
    });
    const resolved = await answer(
      recordDetailResponseSchema,
      'GET',
      `/api/review/records/${rec.id}`,
    );
    // A supervisor's resolution has no device.
    expect(resolved.versions.at(-1)?.deviceLabel).toBeNull();

    const duplicates = await answer(duplicateListResponseSchema, 'GET', '/api/review/duplicates');
    expect(duplicates.candidates).toHaveLength(1);
    const group = duplicates.candidates[0]?.recordIds ?? [];
    await answer(duplicateResolutionResponseSchema, 'POST', '/api/review/duplicates/resolve', {
      action: 'keep_both',
      recordIds: group,
    });
    await answer(decisionOutcomeSchema, 'POST', `/api/review/records/${rec.id}/decision`, {
      decision: 'return',
      comment: 'Vérifier le prénom du chef',
    });
    await answer(bulkDecisionResponseSchema, 'POST', '/api/review/decisions', {
      decision: 'approve',
      recordIds: [ciblage(2, a).id],
    });
    const merged = await answer(
      duplicateResolutionResponseSchema,
      'POST',
      '/api/review/duplicates/resolve',
      {
        action: 'merge',
        recordIds: group,
        keepRecordId: ciblage(2, a).id,
      },
    );
    expect(merged.action).toBe('merge');

    await answer(villageListResponseSchema, 'GET', '/api/reference/villages');
    for (const [section, schema] of Object.entries(dashboardSections))
      await answer(schema as z.ZodType, 'GET', `/api/dashboard/${section}`);
  });

  it('documents each of these routes with its request and answer schemas in /api/openapi.json', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: { 200: { content?: unknown } } }>>;
    }>();
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/review/') || p.startsWith('/api/dashboard/'))
      .flatMap(([p, ops]) =>
        Object.entries(ops).map(([m, op]) => [
          `${m} ${p}`,
          op.responses[200].content !== undefined,
        ]),
      );
    expect(documented.length).toBeGreaterThanOrEqual(15);
    expect(documented.filter(([, has]) => !has)).toEqual([]);
  });
});
