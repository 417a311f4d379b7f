import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { errorEnvelopeSchema } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLong, reportFigures, runSeed } from '../support/figures';
import type { InProcessServer } from '../support/in-process';
import { tableHashes, touchColumns } from '../support/sqlite-inspect';
import { startFuzzServer, type FuzzServer } from './fuzz-server';
import { documentedErrors } from './error-catalogue';
import { hostileValue, injections } from './hostile-values';
import { injectedOne, mutatedJson } from './mutate-json';
import { wireBody, type WireBody } from './wire-body';
import { writeExamples, type FuzzContext } from './write-endpoints';

// Issue 9, « fuzzing »: every write endpoint of the OpenAPI document gets random and mutated JSON,
// wrong types, huge strings and arrays, corrupt gzip and injection strings in each text field.
// Expected: a 4xx with a code and status of docs/errors.md, never a 5xx, and for every refusal a
// database whose every table is unchanged (no partial write).
const seed = runSeed();
const runs = (key: string) =>
  key.startsWith('POST /api/auth/') && key !== 'POST /api/auth/logout'
    ? isLong
      ? 60
      : 10
    : isLong
      ? 400
      : 25;
const errors = documentedErrors();
const figures = {
  inputs: 0,
  byStatus: {} as Record<string, number>,
  byCode: {} as Record<string, number>,
  unchangedChecks: 0,
};

let server: InProcessServer;
let send: FuzzServer['send'];
let ctx: FuzzContext;
let adminCookie = '';

beforeAll(async () => {
  const fuzz = await startFuzzServer('fuzz');
  ({ server, send, ctx } = fuzz);
  adminCookie = fuzz.adminCookie;
});

afterAll(async () => {
  reportFigures('fuzz', { seed, ...figures, serverErrors: server.serverErrors.length });
  await server.close();
});

/** Bodies of a CSV import: the example damaged cell by cell, random text, bytes, or JSON instead. */
function csvBodies(csv: string): fc.Arbitrary<WireBody> {
  const text = (t: string): WireBody => ({
    kind: 'csv',
    payload: Buffer.from(t),
    headers: { 'content-type': 'text/csv' },
  });
  const cells = csv.split(/([,\n])/);
  return fc.oneof(
    fc
      .tuple(fc.nat(), fc.constantFrom(...injections, '"', '""', '\r', '\n\n', ',,,,'))
      .map(([i, inj]) => text(cells.map((c, j) => (j === i % cells.length ? inj : c)).join(''))),
    fc.string({ maxLength: 400 }).map(text),
    fc
      .integer({ min: 1, max: 5000 })
      .map((n) => text(`${csv.split('\n')[0]}\n${'a,b,c,d,e\n'.repeat(n)}`)),
    wireBody(hostileValue),
  );
}

/** Bodies of an export file import: the file's JSON damaged, its gzip damaged, random bytes, or JSON instead. */
function exportFileBodies(file: unknown): fc.Arbitrary<WireBody> {
  const bytes = (kind: string, payload: Buffer): WireBody => ({
    kind,
    payload,
    headers: { 'content-type': 'application/octet-stream' },
  });
  const gz = (value: unknown) => gzipSync(value === undefined ? 'null' : JSON.stringify(value));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .oneof(mutatedJson(file), injectedOne(file))
        .map((v) => bytes('file_mutated', gz(v))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean())
        .map(([at, xor, truncate]) => {
          const whole = gz(file);
          const bad = truncate ? whole.subarray(0, at % whole.length) : Buffer.from(whole);
          if (!truncate) bad[at % bad.length] = (bad[at % bad.length] ?? 0) ^ xor;
          return bytes(truncate ? 'file_truncated' : 'file_corrupt', bad);
        }),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => bytes('file_bytes', Buffer.from(b))),
    },
    { weight: 1, arbitrary: hostileValue.map((v) => bytes('file_hostile', gz(v))) },
    { weight: 2, arbitrary: wireBody(hostileValue) },
  );
}

describe('fuzzing every write endpoint', () => {
  // Was a bug: Fastify's router answered these (FST_ERR_MAX_PARAM_LENGTH, FST_ERR_BAD_URL) with its
  // own body, outside the envelope; buildApp now maps them through `frameworkErrors`.
  it('path parameters over 100 characters or not UTF-8 get a documented 4xx envelope', async () => {
    for (const url of [
      `/api/review/records/${'a'.repeat(101)}/decision`,
      '/api/review/records/%ED%A0%80/decision',
    ]) {
      const res = await server.app.inject({
        method: 'POST',
        url,
        headers: { cookie: adminCookie, 'content-type': 'application/json' },
        payload: { decision: 'approve' },
      });
      expect(res.statusCode).toBeLessThan(500);
      const envelope = errorEnvelopeSchema.safeParse(res.json());
      expect(envelope.success, `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(true);
      expect(errors.get(envelope.data?.error.code ?? '')).toBe(res.statusCode);
    }
  });

  it('has an example for every write route of /api/openapi.json (a new route cannot go unfuzzed)', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.filter((w) => writeExamples[w] === undefined)).toEqual([]);
  });

  it.each(Object.keys(writeExamples))(
    '%s: 4xx with a documented code, never 5xx, nothing written when refused',
    async (key) => {
      const example = writeExamples[key]!(ctx);
      const bodies =
        example.csv !== undefined
          ? csvBodies(example.csv)
          : example.exportFile !== undefined
            ? exportFileBodies(example.exportFile)
            : wireBody(
                fc.oneof(
                  {
                    weight: 4,
                    arbitrary:
                      example.body === undefined ? hostileValue : mutatedJson(example.body),
                  },
                  {
                    weight: 3,
                    arbitrary:
                      example.body === undefined ? hostileValue : injectedOne(example.body),
                  },
                  { weight: 1, arbitrary: hostileValue },
                ),
              );
      const paramNames = Object.keys(example.params);
      // Hostile path parameters too, over 100 characters and lone surrogates (not UTF-8) included.
      const hostileParams = injections.filter((s) => s !== '');
      const params =
        paramNames.length === 0
          ? fc.constant(example.params)
          : fc
              .option(
                fc.tuple(
                  fc.constantFrom(...paramNames),
                  fc.constantFrom(...hostileParams).map(String),
                ),
                { freq: 3 },
              )
              .map((p) => (p === null ? example.params : { ...example.params, [p[0]]: p[1] }));
      const out = await fc.check(
        fc.asyncProperty(bodies, params, async (body, p) => {
          const fresh = writeExamples[key]!(ctx);
          const before = tableHashes(server.data.file, touchColumns);
          const res = await send(fresh, body, key, p);
          figures.inputs++;
          figures.byStatus[res.statusCode] = (figures.byStatus[res.statusCode] ?? 0) + 1;
          expect(res.statusCode, `${body.kind} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode < 400) return;
          const envelope = errorEnvelopeSchema.safeParse(res.json());
          expect(envelope.success, res.body.slice(0, 300)).toBe(true);
          const code = envelope.data?.error.code ?? '';
          figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
          expect(
            errors.get(code),
            `code ${code} in docs/errors.md with status ${res.statusCode}`,
          ).toBe(res.statusCode);
          expect(
            tableHashes(server.data.file, touchColumns),
            `${key} ${body.kind} ${code}: a refused request changed the database`,
          ).toEqual(before);
          figures.unchangedChecks++;
        }),
        { seed: seed + key.length, numRuns: runs(key), endOnFailure: true },
      );
      // fast-check's own report prints whole counterexamples (megabytes for the huge ones): shorten it.
      if (out.failed) {
        const example = JSON.stringify(out.counterexample, (_k, v: unknown) =>
          typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v,
        ).slice(0, 1500);
        throw new Error(
          `${key} failed (fast-check seed ${out.seed}, path ${out.counterexamplePath ?? ''}): ${String(out.errorInstance).slice(0, 1500)}\ncounterexample: ${example}`,
        );
      }
      expect(server.serverErrors).toEqual([]);
    },
  );
});
