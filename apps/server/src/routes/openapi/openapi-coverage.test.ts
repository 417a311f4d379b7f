import { recordTypeDescriptors } from '@jigi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/harness';

// An outside client is written from /api/openapi.json and docs/ alone: every route of the REAL
// route table (new ones included, as they register) must say what it takes and what it answers.

type Operation = {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/**
 * Routes allowed to lack a request or response schema, each with what it lacks: none now. The test
 * fails for any route missing from here that lacks one, and for any route here that has gained its
 * schemas (remove it then): the list only shrinks.
 */
const knownGaps: Readonly<Record<string, readonly ('request' | 'response')[]>> = {};

/** A bodyless write (logout, revoke, adopt) documents its request by a body schema too. */
const writes = new Set(['post', 'put', 'patch', 'delete']);

describe('GET /api/openapi.json covers every route of the route table', () => {
  let s: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    s = await startTestServer({ seed: false });
    doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Doc>();
  });
  afterAll(async () => {
    await s.close();
  });

  it('every route has a request schema (body of a write) and a response schema', () => {
    const missing: Record<string, string[]> = {};
    for (const route of s.app.routeTable) {
      const name = `${route.method} ${route.url}`;
      const op =
        doc.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const lacks: string[] = [];
      const hasSchema = (content: Record<string, { schema?: unknown }> | undefined) =>
        content !== undefined && Object.values(content).some((c) => c.schema !== undefined);
      if (writes.has(route.method.toLowerCase()) && !hasSchema(op?.requestBody?.content))
        lacks.push('request');
      if (!hasSchema(op?.responses?.['200']?.content)) lacks.push('response');
      if (lacks.length > 0) missing[name] = lacks;
    }
    const unexpected = Object.fromEntries(
      Object.entries(missing).filter(
        ([name, lacks]) => JSON.stringify(knownGaps[name] ?? []) !== JSON.stringify(lacks),
      ),
    );
    const closed = Object.keys(knownGaps).filter((name) => missing[name] === undefined);
    expect(unexpected, 'routes without request or response schemas').toEqual({});
    expect(closed, 'known gaps now documented: remove them from knownGaps').toEqual([]);
  });

  it('carries each record type generated from its zod schema, its critical paths and who may push it', () => {
    for (const d of recordTypeDescriptors) {
      const schema = doc.components.schemas[`record.${d.type}`];
      expect(schema, d.type).toBeDefined();
      expect(Object.keys((schema?.['properties'] as object | undefined) ?? {})).toEqual(
        expect.arrayContaining(['id', 'type', 'villageId', 'agentId', 'deviceId']),
      );
      expect(schema?.['x-critical-paths']).toEqual([...d.criticalPaths]);
      expect(schema?.['x-writable-by']).toEqual(expect.arrayContaining(['admin', 'supervisor']));
    }
    expect(doc.components.schemas['record.ciblage_household']?.['x-writable-by']).toEqual([
      'admin',
      'supervisor',
      'enumerator',
    ]);
    const push = JSON.stringify(doc.paths['/api/sync/push']?.['post']?.requestBody);
    expect(push).toContain('#/components/schemas/AnyRecord');
    const pull = JSON.stringify(doc.paths['/api/sync/pull']?.['get']?.responses?.['200']);
    expect(pull).toContain('#/components/schemas/AnyRecord');
  });
});
