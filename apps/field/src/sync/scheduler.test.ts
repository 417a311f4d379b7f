import { describe, expect, it } from 'vitest';
import { SyncScheduler, type Timers } from './scheduler';
import type { SyncOutcome, SyncTrigger } from './sync-engine';

/** A clock and timer queue the test advances by hand. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => {
      queue.delete(h as number);
    },
    now: () => now,
  };
  return {
    timers,
    pendingAt: () => [...queue.values()].map((q) => q.at),
    async advanceTo(at: number) {
      for (;;) {
        const due = [...queue.entries()]
          .filter(([, q]) => q.at <= at)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = at;
    },
  };
}

const fail = (retryable: boolean, hintMs = 0): SyncOutcome => ({
  ok: false,
  busy: false,
  error: { kind: 'network', message: 'reset' },
  retryable,
  hintMs,
  receipt: null,
});
const ok: SyncOutcome = { ok: true, receipt: null };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SyncScheduler', () => {
  it('backs off exponentially with jitter while offline, and syncs at once when the network returns', async () => {
    const t = manualTimers();
    const events = new EventTarget();
    const calls: SyncTrigger[] = [];
    let online = false;
    const s = new SyncScheduler({
      sync: (r) => {
        calls.push(r);
        return Promise.resolve(online ? ok : fail(true));
      },
      events,
      timers: t.timers,
      random: () => 0.5,
      periodMs: 600_000,
    });
    s.start();
    await flush();
    expect(calls).toEqual(['startup']);
    // Equal jitter at random 0.5: 3/4 of 5 s, 10 s, 20 s, 40 s.
    const expected = [3_750, 7_500, 15_000, 30_000];
    let at = 0;
    for (const delay of expected) {
      expect(t.pendingAt()).toEqual([at + delay]);
      at += delay;
      await t.advanceTo(at);
    }
    expect(calls).toHaveLength(5);
    expect(s.failureCount).toBe(5);
    online = true;
    events.dispatchEvent(new Event('online'));
    await flush();
    expect(calls.at(-1)).toBe('online');
    expect(s.failureCount).toBe(0);
    expect(t.pendingAt()).toEqual([at + 600_000]);
    s.stop();
    expect(t.pendingAt()).toEqual([]);
  });

  it('honours the server hint and stops retrying on a non-retryable failure', async () => {
    const t = manualTimers();
    const outcomes = [fail(true, 30_000), fail(false)];
    const s = new SyncScheduler({
      sync: () => Promise.resolve(outcomes.shift() ?? ok),
      timers: t.timers,
      random: () => 0,
    });
    s.start();
    await flush();
    expect(t.pendingAt()).toEqual([30_000]);
    await t.advanceTo(30_000);
    expect(t.pendingAt()).toEqual([]);
  });

  it('a trigger during a run is followed by exactly one more run', async () => {
    const t = manualTimers();
    const releases: (() => void)[] = [];
    let runs = 0;
    const s = new SyncScheduler({
      sync: () => {
        runs++;
        return new Promise((resolve) =>
          releases.push(() => {
            resolve(ok);
          }),
        );
      },
      timers: t.timers,
    });
    const first = s.trigger('manual');
    void s.trigger('manual');
    void s.trigger('online');
    expect(runs).toBe(1);
    releases.shift()?.();
    await first;
    await flush();
    expect(runs).toBe(2);
    releases.shift()?.();
    await flush();
    expect(runs).toBe(2);
  });
});
