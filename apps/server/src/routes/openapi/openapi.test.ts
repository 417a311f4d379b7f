import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/harness';

describe('GET /api/openapi.json', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ seed: false });
  });
  afterAll(async () => {
    await s.close();
  });

  it('documents every route of the table with its access rule and the zod-derived schemas', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            'x-access': unknown;
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, unknown> } }>;
            };
          }
        >
      >;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of s.app.routeTable) {
      const op =
        doc.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op?.['x-access']).toEqual(route.access);
    }
    const pushBody =
      doc.paths['/api/sync/push']?.['post']?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(pushBody?.properties ?? {})).toEqual(
      expect.arrayContaining(['protocolVersion', 'deviceId', 'batchId', 'mutations']),
    );
    // Files sent as they are name their media types; the export import documents its summary.
    const imports = doc.paths['/api/admin/imports']?.['post'] as
      | {
          requestBody?: { content: Record<string, unknown> };
          responses: Record<
            string,
            { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }
          >;
        }
      | undefined;
    expect(Object.keys(imports?.requestBody?.content ?? {})).toEqual([
      'application/octet-stream',
      'application/gzip',
    ]);
    expect(
      Object.keys(
        imports?.responses['200']?.content?.['application/json']?.schema.properties ?? {},
      ),
    ).toEqual([
      'deviceId',
      'userId',
      'exportedAt',
      'pushes',
      'mutations',
      'outcomes',
      'rejections',
      'batches',
    ]);
  });
});
