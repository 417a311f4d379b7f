import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from './backoff';
import type { SyncOutcome, SyncTrigger } from './sync-engine';

// When syncs run: when the network comes back (the `online` event), when the user presses
// « Synchroniser », and on a timer — every `periodMs` while things go well, with exponential backoff
// and jitter after failures, so that a tablet out of coverage for days does not drain its battery and
// a fleet coming back at once does not hammer the server. A non-retryable failure (revoked device,
// app too old) stops the timer until the user acts.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface SchedulerOptions {
  sync: (trigger: SyncTrigger) => Promise<SyncOutcome>;
  /** Where `online` events come from (window in the app). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined;
  timers?: Timers;
  random?: () => number;
  periodMs?: number;
  backoff?: BackoffPolicy;
  /** Told the time of the next automatic attempt (the UI shows « nouvel essai dans … »). */
  onSchedule?: (at: number | undefined) => void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => {
    clearTimeout(h as ReturnType<typeof setTimeout>);
  },
  now: () => Date.now(),
};

export class SyncScheduler {
  private failures = 0;
  private handle: unknown;
  private running: Promise<SyncOutcome> | undefined;
  private again: SyncTrigger | undefined;
  private stopped = true;
  private readonly timers: Timers;
  private readonly onOnline = () => {
    this.failures = 0;
    void this.trigger('online');
  };

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? realTimers;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.options.events?.addEventListener('online', this.onOnline);
    void this.trigger('startup');
  }

  stop(): void {
    this.stopped = true;
    this.options.events?.removeEventListener('online', this.onOnline);
    this.cancelTimer();
  }

  /** Runs a sync now; one already running is followed by exactly one more (edits may have landed). */
  trigger(reason: SyncTrigger): Promise<SyncOutcome> {
    if (this.running) {
      this.again = reason;
      return this.running;
    }
    this.cancelTimer();
    this.running = this.options.sync(reason).then((outcome) => {
      this.running = undefined;
      this.afterRun(outcome);
      const next = this.again;
      this.again = undefined;
      if (next) void this.trigger(next);
      return outcome;
    });
    return this.running;
  }

  /** Failed automatic attempts in a row (0 after a success). */
  get failureCount(): number {
    return this.failures;
  }

  private afterRun(outcome: SyncOutcome): void {
    if (this.stopped) return;
    if (outcome.ok || outcome.busy) {
      this.failures = 0;
      this.schedule(this.options.periodMs ?? 10 * 60_000);
      return;
    }
    if (!outcome.retryable) {
      this.options.onSchedule?.(undefined);
      return;
    }
    this.failures++;
    this.schedule(
      backoffDelayMs(
        this.failures,
        this.options.random ?? Math.random,
        this.options.backoff ?? defaultBackoff,
        outcome.hintMs,
      ),
    );
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.options.onSchedule?.(this.timers.now() + ms);
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      void this.trigger('timer');
    }, ms);
  }

  private cancelTimer(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
