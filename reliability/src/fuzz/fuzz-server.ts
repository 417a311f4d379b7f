import { expect } from 'vitest';
import { startInProcess, type InProcessServer } from '../support/in-process';
import { withDatabase } from '../support/sqlite-inspect';
import type { WireBody } from './wire-body';
import { writeExamples, type Example, type FuzzContext } from './write-endpoints';

/** What the fuzz tests read of an answer (Fastify's injected response). */
export type FuzzAnswer = {
  statusCode: number;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as Fastify's json<T>()
  json: <T = unknown>() => T;
};

/** The in-process server the fuzz tests share: its admin session and what examples need. */
export type FuzzServer = {
  server: InProcessServer;
  adminCookie: string;
  ctx: FuzzContext;
  /** Sends one body to `key` (`METHOD /path/{param}`) as the example's caller. */
  send: (
    example: Example,
    body: WireBody,
    key?: string,
    params?: Record<string, string>,
  ) => Promise<FuzzAnswer>;
};

/** Starts the server, logs the admin in and pushes one record (the id examples refer to). */
export async function startFuzzServer(label: string): Promise<FuzzServer> {
  const server = await startInProcess({
    devices: 2,
    label,
    app: { loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } },
  });
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'admin', password: 'demo1234' },
  });
  const adminCookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  const device = server.data.devices[0];
  if (device === undefined) throw new Error('the fuzz server has no device');
  const nextMutationId = () =>
    withDatabase(
      server.data.file,
      (db) =>
        db
          .prepare<[string], { n: number }>(
            'SELECT last_mutation_id AS n FROM devices WHERE id = ?',
          )
          .get(device.deviceId)?.n ?? 0,
    ) + 1;
  const ctx: FuzzContext = { deviceId: device.deviceId, nextMutationId, recordId: '' };
  const send: FuzzServer['send'] = (
    example,
    body,
    key = 'POST /api/sync/push',
    params = example.params,
  ) => {
    const [method, template] = key.split(' ') as [string, string];
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeParam(params[name] ?? 'x'),
    );
    const auth =
      example.caller === 'device'
        ? { authorization: `Bearer ${device.token}` }
        : example.caller === 'admin'
          ? { cookie: adminCookie }
          : {};
    return server.app.inject({
      method: method as 'POST',
      url,
      headers: { ...auth, ...body.headers },
      ...(body.payload === undefined ? {} : { payload: body.payload }),
    });
  };
  const pushExample = writeExamples['POST /api/sync/push'];
  if (pushExample === undefined) throw new Error('no push example');
  const first = pushExample(ctx);
  const res = await send(first, {
    kind: 'json',
    payload: Buffer.from(JSON.stringify(first.body)),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.statusCode).toBe(200);
  ctx.recordId = res.json<{ results: { recordId: string }[] }>().results[0]?.recordId ?? '';
  return { server, adminCookie, ctx, send };
}

/** Percent-encodes a path parameter; a lone surrogate goes as the invalid UTF-8 it would be. */
export function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
