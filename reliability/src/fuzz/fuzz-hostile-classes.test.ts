import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { errorEnvelopeSchema } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLong, reportFigures, runSeed } from '../support/figures';
import { tableHashes, touchColumns } from '../support/sqlite-inspect';
import { documentedErrors } from './error-catalogue';
import { startFuzzServer, type FuzzServer } from './fuzz-server';
import {
  forged,
  hostileJsonText,
  hostileWire,
  oneLeaf,
  textClasses,
  type HostileClass,
} from './hostile-classes';
import { storedContentProblems } from './stored-content';
import type { WireBody } from './wire-body';
import { writeExamples, type Example } from './write-endpoints';

// Issue « Hardening »: each class of content that once got through or answered 500 — nesting depth,
// control characters, decomposed text, formula cells, forged authorship — over every write route.
// Expected for every input: never a 5xx; a refusal is a documented code and writes nothing; and
// whatever was accepted leaves the database clean (storedContentProblems: no control character
// anywhere, records in NFC, each record's author and tablet those of the token that wrote it).
const seed = runSeed();
const errors = documentedErrors();
const runsFor = (key: string) =>
  key === 'POST /api/auth/device' || key === 'POST /api/auth/login' ? 3 : isLong ? 60 : 8;
const figures = { inputs: 0, accepted: 0, byClass: {} as Record<string, number> };
let fuzz: FuzzServer;

beforeAll(async () => {
  fuzz = await startFuzzServer('fuzz-classes');
});
afterAll(async () => {
  reportFigures('fuzz-classes', {
    seed,
    ...figures,
    serverErrors: fuzz.server.serverErrors.length,
  });
  await fuzz.server.close();
});

type Class = HostileClass | 'forged_authorship';
const classes: Class[] = [...(Object.keys(textClasses) as HostileClass[]), 'forged_authorship'];

/** The class's bodies for one example: JSON (plain or gzip), a CSV cell, or a tablet export file. */
function bodiesFor(example: Example, cls: Class): fc.Arbitrary<WireBody> {
  const damage = (valid: unknown) =>
    cls === 'forged_authorship' ? forged(valid) : oneLeaf(valid, textClasses[cls]);
  if (example.csv !== undefined) {
    const cells = example.csv.split(/([,\n])/);
    const value = cls === 'forged_authorship' ? fc.constant('user-admin') : textClasses[cls];
    return fc.tuple(fc.nat(), value).map(([i, v]) => ({
      kind: 'csv',
      payload: Buffer.from(
        cells.map((c, j) => (j === (i * 2) % cells.length ? hostileJsonText(v) : c)).join(''),
      ),
      headers: { 'content-type': 'text/csv' },
    }));
  }
  if (example.exportFile !== undefined)
    return damage(example.exportFile).map((file) => ({
      kind: 'export_file',
      payload: gzipSync(hostileJsonText(file)),
      headers: { 'content-type': 'application/octet-stream' },
    }));
  return hostileWire(damage(example.body ?? {}));
}

describe('hostile content classes over every write route', { timeout: 120_000 }, () => {
  const cases = Object.keys(writeExamples).flatMap((key) =>
    classes.map((cls) => [key, cls] as const),
  );

  it.each(cases)(
    '%s — %s: never 5xx, refusals documented and writing nothing, stored content clean',
    async (key, cls) => {
      const example = writeExamples[key]!(fuzz.ctx);
      const out = await fc.check(
        fc.asyncProperty(bodiesFor(example, cls), async (body) => {
          const fresh = writeExamples[key]!(fuzz.ctx);
          const before = tableHashes(fuzz.server.data.file, touchColumns);
          const res = await fuzz.send(fresh, body, key);
          figures.inputs++;
          figures.byClass[cls] = (figures.byClass[cls] ?? 0) + 1;
          expect(res.statusCode, `${body.kind} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const envelope = errorEnvelopeSchema.safeParse(res.json());
            expect(envelope.success, res.body.slice(0, 300)).toBe(true);
            const code = envelope.data?.error.code ?? '';
            expect(errors.get(code), `code ${code} documented with ${res.statusCode}`).toBe(
              res.statusCode,
            );
            expect(tableHashes(fuzz.server.data.file, touchColumns), `${code} wrote`).toEqual(
              before,
            );
          } else figures.accepted++;
          const problems = storedContentProblems(fuzz.server.data.file);
          expect(problems, problems.join('; ')).toEqual([]);
        }),
        { seed: seed + key.length + cls.length, numRuns: runsFor(key), endOnFailure: true },
      );
      if (out.failed)
        throw new Error(
          `${key} ${cls} failed (fast-check seed ${out.seed}): ${String(out.errorInstance).slice(0, 1500)}\ncounterexample: ${JSON.stringify(out.counterexample).slice(0, 800)}`,
        );
      expect(fuzz.server.serverErrors).toEqual([]);
    },
  );

  it('a push with a too-deep value refuses that mutation alone; the others in the push apply', async () => {
    const one = writeExamples['POST /api/sync/push']!(fuzz.ctx).body as { mutations: unknown[] };
    const two = writeExamples['POST /api/sync/push']!(fuzz.ctx).body as {
      mutations: { mutationId: number; record: Record<string, unknown> }[];
    };
    const second = two.mutations[0]!;
    second.mutationId = (one.mutations[0] as { mutationId: number }).mutationId + 1;
    second.record = { ...second.record, notes: '__deep_30000__' };
    const third = writeExamples['POST /api/sync/push']!(fuzz.ctx).body as {
      mutations: { mutationId: number }[];
    };
    third.mutations[0]!.mutationId = second.mutationId + 1;
    const body = { ...one, mutations: [...one.mutations, second, ...third.mutations] };
    const res = await fuzz.send(
      { caller: 'device', params: {} },
      {
        kind: 'json',
        payload: Buffer.from(hostileJsonText(body)),
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<{ results: { outcome: string }[] }>().results.map((r) => r.outcome)).toEqual([
      'applied',
      'rejected',
      'applied',
    ]);
  });
});
