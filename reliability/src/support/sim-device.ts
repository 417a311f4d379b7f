import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { RELIABILITY_USER } from './provision';
import {
  matchAnswer,
  mutationGapErrorSchema,
  planFreeze,
  planHead,
  planPullPage,
  planPushAnswer,
  planRenumber,
  planRequeueLost,
  pullResponseSchema,
  pushResponseSchema,
  requeueCandidates,
  wireLimits,
  type ClientBatchRow,
  type ClientOutboxRow,
  type ClientRecordRow,
  type JsonObject,
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
  /**
   * Each 5xx answer by what it said: `<status> <code> <kind> retry-after=<header>`, e.g.
   * `503 database_unavailable server retry-after=5` (a 500 would show as `500 internal …`).
   */
  serverErrorAnswers: Record<string, number>;
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
  /** Called as each request ends: its status, or undefined when no answer came; `sentAt` ms. */
  onAnswer?: (answer: { path: string; status: number | undefined; sentAt: number }) => void;
  /** The server account the device token belongs to (default: the provisioned enumerator). */
  accountId?: string;
};

/**
 * A tablet reduced to its sync protocol: the tablet's own planners (packages/sync `client/`: freeze,
 * push answer, pull page, restore) over an in-memory store instead of IndexedDB, and Node's fetch.
 * A frozen batch's exact gzip bytes are resent until the server answers, a 409 `mutation_gap`
 * renumbers, and a 410 pulls everything again in restore mode and re-queues whatever the restored
 * server lost. It runs without a browser so the suite can drive dozens of them against a server that
 * is being killed; the real engine's own tests (apps/field) cover its storage, transport and UI.
 */
export class SimDevice {
  readonly deviceId: string;
  baseUrl: string;
  private readonly token: string;
  private readonly clock: () => Date;
  private readonly maxPerBatch: number;
  private readonly onRequest: ((path: string) => void) | undefined;
  private readonly onAnswer: SimDeviceOptions['onAnswer'];
  /** The local user: one per simulated tablet. */
  private readonly userId: string;
  private readonly accountId: string;
  /** The store: record rows (own and pulled), outbox rows by seq, frozen batches in id order. */
  private readonly rows = new Map<string, ClientRecordRow>();
  private readonly outbox = new Map<number, ClientOutboxRow>();
  private batches: ClientBatchRow[] = [];
  /** The gzip of each frozen body, made once: every attempt sends the same bytes. */
  private readonly gzipOf = new Map<string, Buffer>();
  private nextSeq = 1;
  private nextMutationId = 1;
  private cursor: string | undefined;
  /** Records this device made or adopted: what the suite checks against the server. */
  private readonly own = new Set<string>();
  readonly stats: DeviceStats = {
    requests: 0,
    networkErrors: 0,
    timeouts: 0,
    serverErrors: 0,
    serverErrorAnswers: {},
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
    this.userId = `sim-${options.deviceId}`;
    this.accountId = options.accountId ?? RELIABILITY_USER;
    this.token = options.token;
    this.baseUrl = options.baseUrl;
    this.clock = options.clock ?? (() => new Date());
    this.maxPerBatch = options.maxPerBatch ?? 5;
    this.onRequest = options.onRequest;
    this.onAnswer = options.onAnswer;
  }

  /** Local content of every record this device made or adopted (pending changes applied). */
  get records(): ReadonlyMap<string, Local> {
    const out = new Map<string, Local>();
    for (const id of this.own) {
      const row = this.rows.get(id);
      if (row) out.set(id, { record: row.record as JsonObject, version: row.serverVersion ?? 0 });
    }
    return out;
  }

  get outboxSize(): number {
    return this.outbox.size;
  }

  /** A record saved on the tablet: local content and an outbox create in one step. */
  create(given: JsonObject & { id: string; type: string }): void {
    const now = this.now();
    // As the field app does: the author and the tablet of a record are the signed-in user and this
    // device (the server takes them from the token and would send back a record that said otherwise).
    const record: JsonObject & { id: string; type: string } = {
      ...given,
      agentId: this.accountId,
      deviceId: this.deviceId,
    };
    this.own.add(record.id);
    this.rows.set(record.id, {
      id: record.id,
      type: record.type,
      agentId: this.userId,
      villageId: typeof record['villageId'] === 'string' ? record['villageId'] : '',
      record,
      syncStatus: 'finalised',
      serverVersion: null,
      baseVersion: null,
      finalisedAt: now,
      updatedAt: now,
      searchText: '',
    });
    this.addOutbox({
      recordId: record.id,
      recordType: record.type,
      op: 'create',
      baseVersion: 0,
      record,
    });
  }

  /** A record another tablet made, as this one received it by pull (so that it can edit it). */
  adopt(record: JsonObject & { id: string }, version: number): void {
    const copy = structuredClone(record) as JsonObject & { id: string; type: string };
    const now = this.now();
    this.own.add(record.id);
    this.rows.set(record.id, {
      id: record.id,
      type: typeOf(copy),
      agentId: this.userId,
      villageId: '',
      record: copy,
      serverRecord: structuredClone(copy),
      syncStatus: 'synced',
      serverVersion: version,
      baseVersion: version,
      finalisedAt: now,
      updatedAt: now,
      searchText: '',
    });
  }

  /** An edit of an acknowledged record that has nothing else in flight (what the test script picks). */
  patch(recordId: string, changes: JsonObject): void {
    const row = this.rows.get(recordId);
    if (row === undefined || !this.isSettled(recordId))
      throw new Error(`patch of unsettled ${recordId}`);
    const record = structuredClone(row.record);
    for (const [path, value] of Object.entries(changes)) setPath(record, path, value);
    this.rows.set(recordId, { ...row, record, syncStatus: 'finalised', updatedAt: this.now() });
    this.addOutbox({
      recordId,
      recordType: row.type,
      op: 'patch',
      baseVersion: row.serverVersion ?? 0,
      changes,
    });
  }

  /** Acknowledged by the server, and nothing of it in the outbox. */
  isSettled(recordId: string): boolean {
    const row = this.rows.get(recordId);
    if (row === undefined || (row.serverVersion ?? 0) === 0) return false;
    return ![...this.outbox.values()].some((m) => m.recordId === recordId);
  }

  /**
   * Pushes until the outbox is empty, retrying network failures and 5xx with the same bytes.
   * Any other answer is a protocol violation and throws (the test then fails with it).
   */
  async pushAll(options: { deadline?: number; retryDelayMs?: number } = {}): Promise<void> {
    const deadline = options.deadline ?? Date.now() + 120_000;
    let failures = 0;
    while (this.outboxSize > 0) {
      this.checkAbandoned();
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
    const batch = this.openBatch();
    return batch === undefined ? undefined : this.bytesOf(batch);
  }

  /** One push attempt; true when the server answered it (acknowledged or renumbered). */
  async pushOnce(): Promise<boolean> {
    const batch = this.openBatch();
    if (batch === undefined) return true;
    const res = await this.request('POST', '/api/sync/push', this.bytesOf(batch));
    if (res === undefined) return false;
    if (res.status === 200) {
      this.acknowledge(batch, pushResponseSchema.parse(res.body));
      return true;
    }
    if (res.status === 409) {
      const gap = mutationGapErrorSchema.parse(res.body);
      this.stats.gaps++;
      this.renumber(gap.error.details.expectedMutationId);
      return true;
    }
    throw new Error(`${this.deviceId}: push answered ${res.status} ${JSON.stringify(res.body)}`);
  }

  /**
   * Pulls to the end, storing each page as the tablet does (planPullPage). On 410 (restore: new
   * epoch) the cursor is forgotten, everything is pulled again in restore mode, and every own record
   * the server lost or holds at an older version is re-queued.
   */
  async pullAll(
    options: { deadline?: number } = {},
  ): Promise<{ changes: number; epochReset: boolean; recordIds: string[] }> {
    const deadline = options.deadline ?? Date.now() + 120_000;
    let changes = 0;
    const recordIds: string[] = [];
    const seen = new Set<string>();
    let restoreMode = false;
    for (;;) {
      this.checkAbandoned();
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
      }
      for (const id of this.storePage(page.changes, restoreMode)) seen.add(id);
      this.cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    if (restoreMode) this.requeueLost(seen);
    return { changes, epochReset: restoreMode, recordIds };
  }

  private abandoned = false;

  /** The test gave up (e.g. the server died): pushAll and pullAll throw at their next step. */
  abandon(): void {
    this.abandoned = true;
  }

  private checkAbandoned(): void {
    if (this.abandoned) throw new Error(`${this.deviceId}: abandoned by the test`);
  }

  /** Every answer this device received, in order (outcome and version per mutation). */
  readonly answers: MutationResult[][] = [];

  private addOutbox(
    row: Pick<ClientOutboxRow, 'recordId' | 'recordType' | 'op' | 'baseVersion'> &
      Partial<ClientOutboxRow>,
  ): void {
    const seq = this.nextSeq++;
    this.outbox.set(seq, {
      ...row,
      seq,
      userId: this.userId,
      clientTime: this.now(),
      state: 'pending',
    });
  }

  private pendingRows(): ClientOutboxRow[] {
    return [...this.outbox.values()]
      .filter((r) => r.state === 'pending')
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  }

  /** The oldest open batch, else a new one frozen as the tablet freezes (planHead, planFreeze). */
  private openBatch(): ClientBatchRow | undefined {
    if (this.batches[0]) return this.batches[0];
    const rows = this.pendingRows();
    const head = planHead(
      { rows, lastSeq: rows.at(-1)?.seq ?? 0, complete: true },
      this.maxPerBatch,
    );
    if (head === null) return undefined;
    for (const seq of head.compaction.remove) this.outbox.delete(seq);
    for (const row of head.compaction.put) if (row.seq !== undefined) this.outbox.set(row.seq, row);
    const plan = planFreeze(head.eligible, {
      userId: this.userId,
      deviceId: this.deviceId,
      nextMutationId: this.nextMutationId,
      newBatchId: randomUUID,
      now: this.now(),
      jsonBudget: wireLimits.maxPushBodyBytes / 2,
      maxMutations: this.maxPerBatch,
    });
    if (plan.refused.length > 0)
      throw new Error(`${this.deviceId}: unsendable change ${JSON.stringify(plan.refused)}`);
    if (plan.batch === null) return undefined;
    for (const row of plan.inFlight) if (row.seq !== undefined) this.outbox.set(row.seq, row);
    this.nextMutationId = plan.nextMutationId;
    this.batches.push(plan.batch);
    return plan.batch;
  }

  private bytesOf(batch: ClientBatchRow): Buffer {
    let bytes = this.gzipOf.get(batch.batchId);
    if (bytes === undefined) {
      bytes = gzipSync(batch.body);
      this.gzipOf.set(batch.batchId, bytes);
    }
    return bytes;
  }

  private renumber(expected: number): void {
    const plan = planRenumber(this.batches, expected);
    this.batches = plan.batches.map(({ batch, idOf }) => {
      this.gzipOf.delete(batch.batchId);
      for (const row of this.outbox.values())
        if (row.batchId === batch.batchId && row.seq !== undefined) {
          const id = idOf.get(row.mutationId ?? -1);
          if (id !== undefined) this.outbox.set(row.seq, { ...row, mutationId: id });
        }
      return batch;
    });
    this.nextMutationId = plan.nextMutationId;
  }

  private acknowledge(
    batch: ClientBatchRow,
    answer: { results: MutationResult[]; lastMutationId: number; batchNumber: number | null },
  ): void {
    if (answer.batchNumber === null) this.stats.replayed++;
    this.answers.push(answer.results);
    const count = batch.lastMutationId - batch.firstMutationId + 1;
    if (answer.results.length !== count || answer.lastMutationId < batch.lastMutationId) {
      throw new Error(
        `${this.deviceId}: answer does not acknowledge the batch ${JSON.stringify(answer)}`,
      );
    }
    for (const result of answer.results) {
      this.stats.acknowledged++;
      if (result.outcome === 'rejected') this.stats.rejected.push(result);
    }
    const inFlight = [...this.outbox.values()].filter((r) => r.batchId === batch.batchId);
    const { answered } = matchAnswer(answer.results, inFlight);
    const plan = planPushAnswer({
      answered,
      outboxOf: this.outboxOf(answered.map((a) => a.row.recordId)),
      recordOf: this.rows,
      now: this.now(),
    });
    for (const seq of plan.deleteRows) this.outbox.delete(seq);
    for (const row of plan.putRows) if (row.seq !== undefined) this.outbox.set(row.seq, row);
    for (const id of plan.deleteRecords) this.rows.delete(id);
    for (const row of plan.putRecords) this.rows.set(row.id, row);
    this.batches = this.batches.filter((b) => b.batchId !== batch.batchId);
    this.gzipOf.delete(batch.batchId);
  }

  private outboxOf(recordIds: readonly string[]): Map<string, ClientOutboxRow[]> {
    const wanted = new Set(recordIds);
    const out = new Map<string, ClientOutboxRow[]>();
    for (const row of [...this.outbox.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)))
      if (wanted.has(row.recordId)) out.set(row.recordId, [...(out.get(row.recordId) ?? []), row]);
    return out;
  }

  /** Stores a pulled page as the tablet does; the record ids it carried. */
  private storePage(changes: Parameters<typeof planPullPage>[0]['changes'], restore: boolean) {
    const plan = planPullPage({
      userId: this.userId,
      changes,
      now: this.now(),
      restore,
      records: this.rows,
      outboxOf: this.outboxOf(changes.map((c) => c.id)),
      draftOf: new Map(),
      fold: () => '',
    });
    for (const row of plan.addOutbox) this.addOutbox(row);
    for (const row of plan.putOutbox) if (row.seq !== undefined) this.outbox.set(row.seq, row);
    for (const id of plan.deleteRecords) this.rows.delete(id);
    for (const row of plan.putRecords) this.rows.set(row.id, row);
    return plan.result.seen;
  }

  /** After a restore refetch: own records the server lost entirely are created again. */
  private requeueLost(seen: ReadonlySet<string>): void {
    const mine = [...this.rows.values()].filter((r) => r.agentId === this.userId);
    const candidates = requeueCandidates(mine, seen);
    const inOutbox = new Set([...this.outbox.values()].map((r) => r.recordId));
    const plan = planRequeueLost({ userId: this.userId, candidates, inOutbox, now: this.now() });
    for (const row of plan.add) this.addOutbox(row);
    for (const row of plan.putRecords) this.rows.set(row.id, row);
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: Buffer,
  ): Promise<{ status: number; body: unknown } | undefined> {
    this.stats.requests++;
    this.onRequest?.(path);
    const sent = performance.now();
    const sentAt = Date.now();
    let status: number | undefined;
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
      status = res.status;
      if (res.status >= 500) {
        this.stats.serverErrors++;
        const key = serverErrorKey(res.status, text, res.headers.get('retry-after'));
        this.stats.serverErrorAnswers[key] = (this.stats.serverErrorAnswers[key] ?? 0) + 1;
        return undefined;
      }
      return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    } catch (e: unknown) {
      // Connection refused or reset, body cut, timeout: the tablet cannot tell whether it committed.
      if (e instanceof Error && e.name === 'TimeoutError') this.stats.timeouts++;
      else this.stats.networkErrors++;
      return undefined;
    } finally {
      this.onAnswer?.({ path, status, sentAt });
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

/** How a 5xx answer is counted: status, the envelope's code and kind, the Retry-After header. */
function serverErrorKey(status: number, text: string, retryAfter: string | null): string {
  let error: { code?: unknown; kind?: unknown } = {};
  try {
    error = (JSON.parse(text) as { error?: typeof error } | null)?.error ?? {};
  } catch {
    // not JSON: counted without code and kind
  }
  const word = (v: unknown) => (typeof v === 'string' ? v : '-');
  return `${status} ${word(error.code)} ${word(error.kind)} retry-after=${retryAfter ?? 'none'}`;
}

/** Sets a dotted path (no keyed-array segments: the suite only patches plain object fields). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
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
