import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { PROTOCOL_VERSION, type JsonObject, type PullResponse } from '@jigi/sync';

export type TestDevice = { deviceId: string; token: string; headers: { authorization: string } };

let batchCounter = 0;
/** A fresh batch UUID per call (tests pass one explicitly to replay a push). */
export function newBatchId(): string {
  return `00000000-0000-4000-b000-${(++batchCounter).toString(16).padStart(12, '0')}`;
}

export function pushBody(
  device: TestDevice,
  mutations: unknown[],
  batchId = newBatchId(),
): JsonObject {
  return {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: device.deviceId,
    batchId,
    clientTime: '2026-03-15T09:59:00.000Z',
    mutations,
  } as JsonObject;
}

/** `clockOffsetMs`: the tablet's own estimate, sent in the push head as the field app does. */
export function push(
  app: FastifyInstance,
  device: TestDevice,
  mutations: unknown[],
  options: { batchId?: string; gzip?: boolean; clockOffsetMs?: number } = {},
) {
  const body = JSON.stringify({
    ...pushBody(device, mutations, options.batchId),
    ...(options.clockOffsetMs === undefined ? {} : { clockOffsetMs: options.clockOffsetMs }),
  });
  if (options.gzip === true) {
    return app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        ...device.headers,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      payload: gzipSync(body),
    });
  }
  return app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...device.headers, 'content-type': 'application/json' },
    payload: body,
  });
}

export async function pull(
  app: FastifyInstance,
  device: TestDevice,
  query: Record<string, string> = {},
): Promise<{ status: number; body: PullResponse & { error?: { code: string } } }> {
  const res = await app.inject({
    method: 'GET',
    url: '/api/sync/pull',
    headers: device.headers,
    query,
  });
  return { status: res.statusCode, body: res.json() };
}

/** Pulls every page from `cursor`; returns the changes and the final cursor. */
export async function pullAll(
  app: FastifyInstance,
  device: TestDevice,
  cursor?: string,
  pageSize = 50,
) {
  const changes: PullResponse['changes'] = [];
  let next = cursor;
  let requests = 0;
  for (;;) {
    const { status, body } = await pull(app, device, {
      ...(next === undefined ? {} : { cursor: next }),
      limit: String(pageSize),
    });
    requests++;
    if (status !== 200) throw new Error(`pull failed ${status} ${JSON.stringify(body)}`);
    changes.push(...body.changes);
    next = body.nextCursor;
    if (!body.hasMore) return { changes, cursor: next, requests };
  }
}

export const KORO_VILLAGE = 'village-koro-demo-1';
export const BANKASS_VILLAGE = 'village-bankass-demo-1';
export const GAO_VILLAGE = 'village-gao-demo-1';

/** A valid ciblage household for Koro's demo village; `n` makes its id unique. */
export type TestRecord = JsonObject & { id: string };

export function ciblage(
  n: number,
  device: TestDevice,
  overrides: Record<string, unknown> = {},
): TestRecord {
  const id = `00000000-0000-4000-8aaa-${n.toString(16).padStart(12, '0')}`;
  return {
    ...buildCiblageHousehold({
      id,
      villageId: KORO_VILLAGE,
      agentId: 'user-enq-koro',
      deviceId: device.deviceId,
    }),
    ...overrides,
  } as unknown as TestRecord;
}

export function createMutation(mutationId: number, record: JsonObject) {
  return {
    mutationId,
    recordId: record['id'],
    recordType: record['type'],
    op: 'create',
    baseVersion: 0,
    record,
    clientTime: '2026-03-15T09:58:00.000Z',
  };
}
export function patchMutation(
  mutationId: number,
  record: JsonObject,
  baseVersion: number,
  changes: Record<string, unknown>,
) {
  return {
    mutationId,
    recordId: record['id'],
    recordType: record['type'],
    op: 'patch',
    baseVersion,
    changes,
    clientTime: '2026-03-15T09:58:00.000Z',
  };
}
export function deleteMutation(mutationId: number, record: JsonObject, baseVersion: number) {
  return {
    mutationId,
    recordId: record['id'],
    recordType: record['type'],
    op: 'delete',
    baseVersion,
    clientTime: '2026-03-15T09:58:00.000Z',
  };
}
export const headMemberId = sampleIds.head;
