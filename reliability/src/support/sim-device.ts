import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  diffRecords,
  jsonEqual,
  mutationGapErrorSchema,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  type JsonObject,
  type Mutation,
  type MutationResult,
} from '@jigi/sync';

/** What a device saw on the wire; the suite asserts on these counts. */
export type DeviceStats = {
  requests: number;
  /** Connection refused or reset, body cut: no answer at all. */
  networkErrors: number;
  /** No answer within the field app's timeout (20 s for a push, 60 s for a pull). */
  timeouts: number;
  serverErrors: number;
  gaps: number;
  epochResets: number;
  acknowledged: number;
  /** Pushes answered wholly from stored results (batchNumber null): a replay of a committed push. */
  replayed: number;
  rejected: MutationResult[];
  statuses: Record<string, number>;
  /** Round trip of each answered push, in ms. */
  pushLatencyMs: number[];
};

type Frozen = { mutations: Mutation[]; body: Buffer; batchId: string };
type Local = { record: JsonObject; version: number };

export type SimDeviceOptions = {
  deviceId: string;
  token: string;
  baseUrl: string;
  /** The tablet's clock (may be years off): stamps clientTime, never decides anything. */
  clock?: () => Date;
  maxPerBatch?: number;
  /** Called as each request leaves (the crash test arms its kill on it). */
  onRequest?: (path: string) => void;
};

/**
 * A tablet reduced to its sync protocol, as apps/field/src/sync implements it (README there): an
 * outbox, a frozen batch whose exact gzip bytes are resent until the server answers, renumbering
 * on 409 `mutation_gap`, and on 410 a full pull that re-queues whatever the restored server lost.
 * It runs in Node without a browser so the suite can drive dozens of them against a server that
 * is being killed; the real engine's own tests (apps/field) cover its storage and UI.
 */
export class SimDevice {
  readonly deviceId: string;
  baseUrl: string;
  private readonly token: string;
  private readonly clock: () => Date;
  private readonly maxPerBatch: number;
  private readonly onRequest: ((path: string) => void) | undefined;
  /** Local content of every record this device made (pending changes applied). */
  readonly records = new Map<string, Local>();
  private pending: Mutation[] = [];
  private frozen: Frozen | undefined;
  private nextId = 1;
  private cursor: string | undefined;
  readonly stats: DeviceStats = {
    requests: 0,
    networkErrors: 0,
    timeouts: 0,
    serverErrors: 0,
    gaps: 0,
    epochResets: 0,
    acknowledged: 0,
    replayed: 0,
    rejected: [],
    statuses: {},
    pushLatencyMs: [],
  };

  constructor(options: SimDeviceOptions) {
    this.deviceId = options.deviceId;
    this.token = options.token;
    this.baseUrl = options.baseUrl;
    this.clock = options.clock ?? (() => new Date());
    this.maxPerBatch = options.maxPerBatch ?? 5;
    this.onRequest = options.onRequest;
  }

  get outboxSize(): number {
    return this.pending.length + (this.frozen?.mutations.length ?? 0);
  }

  /** A record saved on the tablet: local content and an outbox create in one step. */
  create(record: JsonObject & { id: string; type: string }): void {
    this.records.set(record.id, { record, version: 0 });
    this.pending.push({
      mutationId: 0,
      recordId: record.id,
      recordType: record.type,
      op: 'create',
      baseVersion: 0,
      record,
      clientTime: this.now(),
    });
  }

  /** A record another tablet made, as this one received it by pull (so that it can edit it). */
  adopt(record: JsonObject & { id: string }, version: number): void {
    this.records.set(record.id, { record: structuredClone(record), version });
  }

  /** An edit of an acknowledged record that has nothing else in flight (what the test script picks). */
  patch(recordId: string, changes: JsonObject): void {
    const local = this.records.get(recordId);
    if (local === undefined || !this.isSettled(recordId))
      throw new Error(`patch of unsettled ${recordId}`);
    const record = structuredClone(local.record);
    for (const [path, value] of Object.entries(changes)) setPath(record, path, value);
    this.records.set(recordId, { record, version: local.version });
    this.pending.push({
      mutationId: 0,
      recordId,
      recordType: typeOf(record),
      op: 'patch',
      baseVersion: local.version,
      changes,
      clientTime: this.now(),
    });
  }

  /** Acknowledged by the server, and nothing of it in the outbox. */
  isSettled(recordId: string): boolean {
    const local = this.records.get(recordId);
    if (local === undefined || local.version === 0) return false;
    return (
      !this.pending.some((m) => m.recordId === recordId) &&
      !(this.frozen?.mutations.some((m) => m.recordId === recordId) ?? false)
    );
  }

  /**
   * Pushes until the outbox is empty, retrying network failures and 5xx with the same bytes.
   * Any other answer is a protocol violation and throws (the test then fails with it).
   */
  async pushAll(options: { deadline?: number; retryDelayMs?: number } = {}): Promise<void> {
    const deadline = options.deadline ?? Date.now() + 120_000;
    let failures = 0;
    while (this.outboxSize > 0) {
      if (Date.now() > deadline)
        throw new Error(
          `${this.deviceId}: outbox still holds ${this.outboxSize} after the deadline (${JSON.stringify(this.stats)})`,
        );
      const ok = await this.pushOnce();
      failures = ok ? 0 : failures + 1;
      // Exponential backoff capped at 400 ms: a server restarting is not hammered.
      if (!ok)
        await sleep(Math.min(400, (options.retryDelayMs ?? 25) * 2 ** Math.min(failures - 1, 5)));
    }
  }

  /** The frozen batch's exact bytes (freezing one if none is open): what every attempt sends. */
  frozenBody(): Buffer | undefined {
    this.frozen ??= this.freeze();
    return this.frozen?.body;
  }

  /** One push attempt; true when the server answered it (acknowledged or renumbered). */
  async pushOnce(): Promise<boolean> {
    const batch = (this.frozen ??= this.freeze());
    if (batch === undefined) return true;
    const res = await this.request('POST', '/api/sync/push', batch.body);
    if (res === undefined) return false;
    if (res.status === 200) {
      this.acknowledge(batch, pushResponseSchema.parse(res.body));
      return true;
    }
    if (res.status === 409) {
      const gap = mutationGapErrorSchema.parse(res.body);
      this.stats.gaps++;
      this.renumber(batch, gap.error.details.expectedMutationId);
      return true;
    }
    throw new Error(`${this.deviceId}: push answered ${res.status} ${JSON.stringify(res.body)}`);
  }

  /**
   * Pulls to the end. On 410 (restore: new epoch) the cursor is forgotten, everything is pulled
   * again, and every own record the server lost or holds at other content is re-queued.
   */
  async pullAll(
    options: { deadline?: number } = {},
  ): Promise<{ changes: number; epochReset: boolean; recordIds: string[] }> {
    const deadline = options.deadline ?? Date.now() + 120_000;
    let changes = 0;
    const recordIds: string[] = [];
    const seen = new Map<string, { version: number; data: JsonObject; deleted: boolean }>();
    let restoreMode = false;
    for (;;) {
      if (Date.now() > deadline)
        throw new Error(`${this.deviceId}: pull did not finish before the deadline`);
      const query =
        this.cursor === undefined
          ? '?limit=500'
          : `?limit=500&cursor=${encodeURIComponent(this.cursor)}`;
      const res = await this.request('GET', `/api/sync/pull${query}`);
      if (res === undefined) {
        await sleep(25);
        continue;
      }
      if (res.status === 410) {
        this.stats.epochResets++;
        this.cursor = undefined;
        restoreMode = true;
        seen.clear();
        recordIds.length = 0;
        changes = 0;
        continue;
      }
      if (res.status !== 200)
        throw new Error(
          `${this.deviceId}: pull answered ${res.status} ${JSON.stringify(res.body)}`,
        );
      const page = pullResponseSchema.parse(res.body);
      for (const c of page.changes) {
        if (c.entity !== 'record') continue;
        changes++;
        recordIds.push(c.id);
        seen.set(
          c.id,
          c.deleted
            ? { version: c.version ?? 0, data: {}, deleted: true }
            : { version: c.version ?? 0, data: c.data, deleted: false },
        );
      }
      this.cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    if (restoreMode) this.requeueLost(seen);
    return { changes, epochReset: restoreMode, recordIds };
  }

  /** Local content is the truth the restored server must end up with (nothing typed is lost). */
  private requeueLost(
    server: Map<string, { version: number; data: JsonObject; deleted: boolean }>,
  ): void {
    this.pending = [];
    this.frozen = undefined;
    for (const [id, local] of this.records) {
      const there = server.get(id);
      if (there === undefined || there.deleted) {
        this.records.set(id, { record: local.record, version: 0 });
        this.pending.push({
          mutationId: 0,
          recordId: id,
          recordType: typeOf(local.record),
          op: 'create',
          baseVersion: 0,
          record: local.record,
          clientTime: this.now(),
        });
        continue;
      }
      this.records.set(id, { record: local.record, version: there.version });
      if (jsonEqual(there.data, local.record)) continue;
      const changes = diffRecords(there.data, local.record);
      this.pending.push({
        mutationId: 0,
        recordId: id,
        recordType: typeOf(local.record),
        op: 'patch',
        baseVersion: there.version,
        changes,
        clientTime: this.now(),
      });
    }
  }

  private freeze(): Frozen | undefined {
    if (this.pending.length === 0) return undefined;
    const taken = this.pending.splice(0, this.maxPerBatch);
    return this.build(taken.map((m, i) => ({ ...m, mutationId: this.nextId + i })));
  }

  private build(mutations: Mutation[]): Frozen {
    const batchId = randomUUID();
    const first = mutations[0]?.mutationId ?? 1;
    this.nextId = first + mutations.length;
    const body = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: this.deviceId,
      batchId,
      clientTime: this.now(),
      mutations,
    };
    return { mutations, batchId, body: gzipSync(JSON.stringify(body)) };
  }

  private renumber(batch: Frozen, expected: number): void {
    this.frozen = this.build(batch.mutations.map((m, i) => ({ ...m, mutationId: expected + i })));
  }

  /** Every answer this device received, in order (outcome and version per mutation). */
  readonly answers: MutationResult[][] = [];

  private acknowledge(
    batch: Frozen,
    answer: { results: MutationResult[]; lastMutationId: number; batchNumber: number | null },
  ): void {
    if (answer.batchNumber === null) this.stats.replayed++;
    this.answers.push(answer.results);
    const last = batch.mutations.at(-1)?.mutationId ?? 0;
    if (answer.results.length !== batch.mutations.length || answer.lastMutationId < last) {
      throw new Error(
        `${this.deviceId}: answer does not acknowledge the batch ${JSON.stringify(answer)}`,
      );
    }
    for (const result of answer.results) {
      this.stats.acknowledged++;
      if (result.outcome === 'rejected') {
        this.stats.rejected.push(result);
        continue;
      }
      const local = this.records.get(result.recordId);
      if (local !== undefined) local.version = result.version;
    }
    this.frozen = undefined;
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: Buffer,
  ): Promise<{ status: number; body: unknown } | undefined> {
    this.stats.requests++;
    this.onRequest?.(path);
    const sent = performance.now();
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
        },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(method === 'POST' ? 20_000 : 60_000),
      });
      const text = await res.text();
      if (method === 'POST') this.stats.pushLatencyMs.push(performance.now() - sent);
      this.stats.statuses[res.status] = (this.stats.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) {
        this.stats.serverErrors++;
        return undefined;
      }
      return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    } catch (e: unknown) {
      // Connection refused or reset, body cut, timeout: the tablet cannot tell whether it committed.
      if (e instanceof Error && e.name === 'TimeoutError') this.stats.timeouts++;
      else this.stats.networkErrors++;
      return undefined;
    }
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

/** One push of given bytes outside any device's bookkeeping (concurrent and reordered sends). */
export async function rawPush(
  baseUrl: string,
  token: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const gz = Buffer.isBuffer(body) && body[0] === 0x1f && body[1] === 0x8b;
  const res = await fetch(`${baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
      ...headers,
    },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Sets a dotted path (no keyed-array segments: the suite only patches plain object fields). */
function setPath(target: JsonObject, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1) ?? ''] = value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function typeOf(record: JsonObject): string {
  const type = record['type'];
  return typeof type === 'string' ? type : '';
}
