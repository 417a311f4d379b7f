import { addSyncReceipt } from '../storage/sync-receipts';
import { forgetShare } from '../storage/user-keys';
import { readSyncState, saveSyncFacts } from '../storage/sync-session';
import type { SyncReceiptRow } from '../storage/sync-types';
import {
  initialPaging,
  initialSizing,
  resumeSizing,
  type BatchSizing,
  type PullPaging,
} from './batch-sizer';
import { bestOffset } from './clock-offset';
import { completeKeyShare, REVOKED_CODES } from './key-share';
import { defaultLimits, newCounters, type EngineLimits, type RunContext } from './engine-context';
import { ProgressStore } from './progress';
import { pullAll, type PullResult } from './pull-pages';
import { pushAll } from './push-batches';
import { defaultLock, type SyncLock } from './sync-lock';
import { retryHint, type Transport } from './transport';

/** `change`: a form was just finalised (lib/sync-signal.ts) while the tablet is online. */
export type SyncTrigger = 'manual' | 'online' | 'timer' | 'startup' | 'change';

export type SyncFailure =
  | { kind: 'unregistered'; message: string }
  | { kind: 'storage'; message: string }
  | { kind: 'timeout' | 'network' | 'invalid'; message: string }
  | { kind: 'http'; status: number; code: string; errorKind: string; message: string };

export type SyncOutcome =
  | { ok: true; receipt: SyncReceiptRow | null }
  | { ok: false; busy: true }
  | {
      ok: false;
      busy: false;
      error: SyncFailure;
      retryable: boolean;
      hintMs: number;
      receipt: SyncReceiptRow | null;
    };

export interface EngineOptions {
  userId: string;
  transport: Transport;
  lock?: SyncLock;
  newId?: () => string;
  sleep?: (ms: number) => Promise<void>;
  limits?: Partial<EngineLimits>;
}

/**
 * The tablet's sync: under a cross-tab lock, push every unacknowledged change, then pull
 * every page since the cursor; a 410 resets the cursor and runs the pair once more. Progress goes to
 * `progress`; each sync that moved anything (or failed) leaves a receipt in the history. The clock
 * offset of the sync's fastest round trip is stored and sent with the next batch, for audit only.
 */
export class SyncEngine {
  readonly progress = new ProgressStore();
  private sizing: BatchSizing = initialSizing();
  /** The first sync of an engine resumes the cap the last sync on this device stored. */
  private sizingResumed = false;
  private paging: PullPaging;
  private readonly lock: SyncLock;
  private readonly newId: () => string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limits: EngineLimits;

  constructor(private readonly options: EngineOptions) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.lock = options.lock ?? defaultLock(this.newId());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.limits = { ...defaultLimits, ...options.limits };
    this.paging = initialPaging(this.limits);
  }

  /** The current cap on a batch's gzip bytes (for tests and the support screen). */
  get batchCapBytes(): number {
    return this.sizing.capBytes;
  }

  async sync(trigger: SyncTrigger = 'manual'): Promise<SyncOutcome> {
    this.progress.set({ phase: 'waiting', error: undefined, receipt: undefined });
    const run = await this.lock.run(`jigi-sync:${this.options.userId}`, () =>
      this.runLocked(trigger),
    );
    if (!run.acquired) {
      this.progress.set({ phase: 'idle' });
      return { ok: false, busy: true };
    }
    return run.value;
  }

  private async runLocked(trigger: SyncTrigger): Promise<SyncOutcome> {
    const { userId, transport } = this.options;
    const startedAt = transport.now();
    const state = await readSyncState(userId);
    if (!state.ok || !state.value) {
      const error: SyncFailure = state.ok
        ? { kind: 'unregistered', message: 'device not registered' }
        : { kind: 'storage', message: state.error.detail };
      this.progress.set({ phase: 'failed', error });
      return { ok: false, busy: false, error, retryable: false, hintMs: 0, receipt: null };
    }
    if (!this.sizingResumed) {
      this.sizing = resumeSizing(state.value.pushSizing);
      this.sizingResumed = true;
    }
    const ctx: RunContext = {
      userId,
      deviceToken: state.value.deviceToken,
      transport,
      progress: this.progress,
      newId: this.newId,
      sleep: this.sleep,
      sizing: this.sizing,
      paging: this.paging,
      samples: [],
      clockOffsetMs: state.value.clockOffsetMs,
      limits: this.limits,
      counters: newCounters(),
    };
    this.progress.reset({
      phase: 'pushing',
      sent: 0,
      toSend: 0,
      bytesUp: 0,
      bytesDown: 0,
      pulled: 0,
    });
    // A tablet upgraded offline binds its keys to the server's share at its first contact.
    await completeKeyShare(transport, userId, state.value.deviceToken);
    let result: PullResult = await pushAll(ctx);
    if (result.ok) {
      let pulled = await pullAll(ctx);
      if (!pulled.ok && pulled.error.kind === 'epoch_changed') {
        // Restored server: refetch from scratch, then push what it may have lost.
        pulled = await pullAll(ctx, { restore: true });
        if (pulled.ok) result = await pushAll(ctx);
        else result = pulled;
      } else {
        result = pulled;
      }
    }
    this.sizing = ctx.sizing;
    this.paging = ctx.paging;
    const offset = bestOffset(ctx.samples);
    const c = ctx.counters;
    const pushSizing = {
      capBytes: ctx.sizing.capBytes,
      ratio: ctx.sizing.ratio,
      clean: result.ok && c.failures === 0,
    };
    await saveSyncFacts(
      userId,
      offset
        ? {
            clockOffsetMs: offset.offsetMs,
            lastPushAt: new Date(transport.now()).toISOString(),
            pushSizing,
          }
        : { pushSizing },
    );
    const failure: SyncFailure | undefined = result.ok ? undefined : (result.error as SyncFailure);
    // A revoked tablet: the share leaves it now, so that once this page forgets the key nothing of
    // this user here opens again; the key held now still lets the user export what is unsent.
    if (failure?.kind === 'http' && REVOKED_CODES.has(failure.code))
      await forgetShare(userId, new Date(transport.now()).toISOString());
    // Automatic attempts that fail before moving anything (days out of coverage) would bury the
    // history under identical lines: only a manual attempt records its failure.
    const moved = c.sent > 0 || c.pulled > 0 || (failure !== undefined && trigger === 'manual');
    let receipt: SyncReceiptRow | null = null;
    if (moved) {
      const saved = await addSyncReceipt({
        userId,
        at: new Date(startedAt).toISOString(),
        finishedAt: new Date(transport.now()).toISOString(),
        batchId: c.batchIds.join(','),
        ...(c.batchNos[0] !== undefined ? { batchNo: c.batchNos[0] } : {}),
        batchNos: c.batchNos,
        replayedBatches: c.replayedBatches,
        sent: c.sent,
        accepted: c.accepted,
        rejected: c.rejections.length,
        conflicts: c.conflicts,
        duplicates: c.duplicates,
        pulled: c.pulled,
        bytesUp: c.bytesUp,
        bytesDown: c.bytesDown,
        requests: c.requests,
        rejections: c.rejections,
        clockOffsetMs: offset?.offsetMs,
        error: failure ? `${failure.kind}: ${failure.message}` : undefined,
      });
      receipt = saved.ok ? saved.value : null;
    }
    if (!failure) {
      this.progress.set({ phase: 'done', receipt });
      return { ok: true, receipt };
    }
    const hint =
      failure.kind === 'unregistered' || failure.kind === 'storage'
        ? { retryable: failure.kind === 'storage', hintMs: 30_000 }
        : retryHint(failure as Parameters<typeof retryHint>[0]);
    // The UI reads the server's error kind (auth, unsupported_version, …), not the transport's 'http'.
    this.progress.set({
      phase: 'failed',
      receipt,
      error: {
        kind: failure.kind === 'http' ? failure.errorKind : failure.kind,
        code: failure.kind === 'http' ? failure.code : undefined,
        message: failure.message,
      },
    });
    return {
      ok: false,
      busy: false,
      error: failure,
      retryable: hint.retryable,
      hintMs: hint.hintMs,
      receipt,
    };
  }
}
