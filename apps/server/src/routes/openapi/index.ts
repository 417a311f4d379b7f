import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, errorEnvelopeSchema } from '@jigi/sync';
import { z } from 'zod';
import type { RouteEntry } from '../../plugins/access';
import { pointAtRecords, recordComponents } from './record-schemas';

type JsonSchema = Record<string, unknown>;
const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** Query schemas become OpenAPI parameters, one per top-level property. */
function parameters(entry: RouteEntry): JsonSchema[] {
  const params: JsonSchema[] = [...entry.url.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = entry.doc?.query;
  if (query === undefined) return params;
  const json = toSchema(query, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  for (const [name, schema] of Object.entries(json.properties ?? {}))
    params.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
  return params;
}

/** Where records travel: a create's `record` in a push, a record change's `data` in a pull. */
const recordCarriers: Readonly<Record<string, { body?: string; response?: string }>> = {
  'POST /api/sync/push': { body: 'record' },
  'GET /api/sync/pull': { response: 'data' },
};

function operation(entry: RouteEntry): JsonSchema {
  const { access, doc } = entry;
  const carrier = recordCarriers[`${entry.method} ${entry.url}`];
  const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
    const key = io === 'input' ? carrier?.body : carrier?.response;
    return key === undefined ? json : pointAtRecords(json, key);
  };
  return {
    summary: doc?.summary ?? `${entry.method} ${entry.url}`,
    'x-access': access,
    ...(access.auth === 'public'
      ? { security: [] }
      : {
          security:
            access.auth === 'device'
              ? [{ deviceToken: [] }]
              : [{ deviceToken: [] }, { session: [] }],
        }),
    parameters: parameters(entry),
    ...(doc?.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(doc.body, 'input') } },
          },
        }),
    ...(doc?.upload === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              doc.upload.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
        }),
    responses: {
      200: {
        description: 'OK',
        ...(doc?.response === undefined
          ? {}
          : { content: { 'application/json': { schema: schemaOf(doc.response, 'output') } } }),
        ...(doc?.download === undefined
          ? {}
          : {
              content: Object.fromEntries(
                doc.download.map((type) => [
                  type,
                  { schema: { type: 'string', format: 'binary' } },
                ]),
              ),
            }),
      },
      default: {
        description: 'Erreur (code stable, voir docs/errors.md)',
        content: { 'application/json': { schema: schemaOf(errorEnvelopeSchema, 'output') } },
      },
    },
  };
}

/** The shape of this document itself (OpenAPI 3.1): its own answer's schema. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** `GET /api/openapi.json`, generated from the route table and the zod schemas each route parses with. */
export function openApiRoutes(app: FastifyInstance): void {
  let cached: JsonSchema | undefined;
  app.get(
    '/api/openapi.json',
    {
      config: {
        access: { auth: 'public' },
        doc: { summary: 'Ce document', response: openApiDocumentSchema },
      },
    },
    () => {
      cached ??= {
        openapi: '3.1.0',
        info: { title: 'Jigi Collect server', version: `protocol ${PROTOCOL_VERSION}` },
        components: {
          schemas: recordComponents(),
          securitySchemes: {
            deviceToken: {
              type: 'http',
              scheme: 'bearer',
              description: 'Jeton de tablette (POST /api/auth/device)',
            },
            session: { type: 'apiKey', in: 'cookie', name: 'jigi_session' },
          },
        },
        paths: app.routeTable.reduce<Record<string, Record<string, JsonSchema>>>((paths, entry) => {
          const path = entry.url.replace(/:([A-Za-z]+)/g, '{$1}');
          paths[path] = { ...paths[path], [entry.method.toLowerCase()]: operation(entry) };
          return paths;
        }, {}),
      };
      return cached;
    },
  );
}
