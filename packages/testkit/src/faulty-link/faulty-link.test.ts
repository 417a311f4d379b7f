import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawFault, LinkFault } from './fault-schedule';
import { startFaultyLink } from './faulty-link';
import { startRecordingUpstream } from './recording-upstream';
import { send } from './send';
import type { FaultyLink, FaultyLinkOptions } from './types';

let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
let link: FaultyLink | undefined;

beforeEach(async () => {
  upstream = await startRecordingUpstream();
});
afterEach(async () => {
  await link?.stop();
  link = undefined;
  await upstream.stop();
});

async function open(options: Omit<FaultyLinkOptions, 'upstream'> = {}): Promise<FaultyLink> {
  link = await startFaultyLink({ upstream: upstream.url, ...options });
  return link;
}

describe('startFaultyLink: clean link', () => {
  it('forwards requests and responses whole and counts them', async () => {
    const l = await open();
    const body = JSON.stringify({ name: 'Ɲɛlɛ Kɔnatɛ' });
    const r = await send(`${l.url}/echo?size=500`, { body });
    expect(r.ok && r.status).toBe(200);
    expect(r.ok && JSON.parse(r.body)).toMatchObject({ received: Buffer.byteLength(body) });
    expect(upstream.seen).toMatchObject([
      { method: 'POST', path: '/echo?size=500', outcome: 'complete' },
    ]);
    expect(l.stats).toMatchObject({
      requests: 1,
      completed: 1,
      faults: { drop_response: 0, cut_request: 0 },
    });
    expect(l.stats.bytesUp).toBeGreaterThan(Buffer.byteLength(body));
    expect(l.stats.bytesDown).toBeGreaterThan(500);
    expect(l.stats.log[0]).toMatchObject({ index: 0, fault: 'pass', status: 200 });
  });

  it('forwards a chunked body of unknown length', async () => {
    const l = await open();
    const r = await send(`${l.url}/chunked`, { body: 'a'.repeat(5000), chunked: true });
    expect(r.ok && JSON.parse(r.body)).toMatchObject({ received: 5000 });
  });

  it('adds the configured round trip to each request, and can change it while running', async () => {
    const l = await open({ latencyMs: 400 });
    const slow = await send(`${l.url}/a`);
    expect(slow.ms).toBeGreaterThanOrEqual(390);
    l.configure({ latencyMs: 0 });
    const fast = await send(`${l.url}/b`);
    // Generous: the suite shares two cores with browsers; what matters is that the 400 ms went.
    expect(fast.ms).toBeLessThan(300);
  });

  it('caps bandwidth both ways (roughly: at least half the ideal transfer time)', async () => {
    const rate = 40_000;
    const l = await open({ bandwidthBytesPerSec: rate });
    const upload = await send(`${l.url}/up`, { body: 'u'.repeat(20_000) });
    expect(upload.ok).toBe(true);
    expect(upload.ms).toBeGreaterThanOrEqual(0.5 * 500);
    // The upper bounds only catch a stuck throttle; a loaded CI machine may be slow, never fast.
    expect(upload.ms).toBeLessThan(10 * 500);
    const download = await send(`${l.url}/down?size=20000`);
    expect(download.ok && download.body.length).toBeGreaterThan(19_900);
    expect(download.ms).toBeGreaterThanOrEqual(0.5 * 500);
    expect(download.ms).toBeLessThan(10 * 500);
  });

  it('shares the cap between concurrent requests, as one radio link does', async () => {
    // Two 30 kB answers at 40 kB/s: 1.5 s on one shared link, 0.75 s if each request had its own
    // pipe. Only a lower bound is asserted, which a busy machine cannot break (it only adds time);
    // the gap to the per-request figure is wide enough that overhead cannot close it either.
    const l = await open({ bandwidthBytesPerSec: 40_000 });
    const started = performance.now();
    await Promise.all([send(`${l.url}/a?size=30000`), send(`${l.url}/b?size=30000`)]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(0.9 * 1_500);
  });
});

describe('startFaultyLink: faults', () => {
  it('drop_response: the upstream gets the whole request and answers; the client only sees a reset', async () => {
    const l = await open({ hook: () => LinkFault.drop_response });
    const body = 'b'.repeat(3000);
    const r = await send(`${l.url}/push`, { body });
    expect(r.ok).toBe(false);
    expect(upstream.seen).toMatchObject([{ outcome: 'complete', received: 3000 }]);
    expect(l.stats).toMatchObject({
      requests: 1,
      completed: 0,
      faults: { drop_response: 1, cut_request: 0 },
    });
    expect(l.stats.log[0]).toMatchObject({ fault: 'drop_response', status: 200 });
  });

  it('cut_request: the upstream sees a truncated body and an aborted connection; the client an error', async () => {
    const l = await open({ hook: () => LinkFault.cut_request });
    const r = await send(`${l.url}/push`, { body: 'c'.repeat(10_000) });
    expect(r.ok).toBe(false);
    await expect.poll(() => upstream.seen[0]?.outcome).toBe('aborted');
    const seen = upstream.seen[0]!;
    expect(seen.declared).toBe(10_000);
    expect(seen.received).toBeGreaterThan(0);
    expect(seen.received).toBeLessThan(10_000);
    expect(l.stats.faults).toEqual({ drop_response: 0, cut_request: 1 });
  });

  it('cut_request on a chunked body cuts inside the stream', async () => {
    const l = await open({ hook: () => LinkFault.cut_request });
    const r = await send(`${l.url}/push`, { body: 'c'.repeat(10_000), chunked: true });
    expect(r.ok).toBe(false);
    await expect.poll(() => upstream.seen[0]?.outcome).toBe('aborted');
    expect(upstream.seen[0]!.received).toBeLessThan(10_000);
  });

  it('a scripted cut of a bodiless request loses it before the upstream', async () => {
    const l = await open({ hook: () => LinkFault.cut_request });
    const r = await send(`${l.url}/pull`);
    expect(r.ok).toBe(false);
    expect(upstream.seen).toEqual([]);
  });

  it('the random schedule never cuts a bodiless request (there is nothing to cut)', async () => {
    const l = await open({ cutRequestMidBody: 1 });
    const r = await send(`${l.url}/pull`);
    expect(r.ok).toBe(true);
    expect(l.stats.faults.cut_request).toBe(0);
  });

  it('lets the hook script exact requests and falls back to the schedule otherwise', async () => {
    const l = await open({ hook: (i) => (i === 1 ? LinkFault.drop_response : undefined) });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await send(`${l.url}/n${i}`, { body: 'x' }));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(upstream.seen.map((s) => s.outcome)).toEqual(['complete', 'complete', 'complete']);
  });
});

describe('startFaultyLink: offline and reordering', () => {
  it('refuses every request while offline, then forwards again', async () => {
    const l = await open();
    l.configure({ offline: true });
    const refused = await send(`${l.url}/push`, { body: 'z' });
    expect(refused.ok).toBe(false);
    expect(upstream.seen).toEqual([]);
    l.configure({ offline: false });
    expect((await send(`${l.url}/push`, { body: 'z' })).ok).toBe(true);
    expect(l.stats).toMatchObject({ requests: 2, refused: 1, completed: 1 });
  });

  it('holds a request back so that a later one overtakes it (reordered batches)', async () => {
    const l = await open({ hook: (i) => (i === 0 ? { delayMs: 300 } : undefined) });
    const first = send(`${l.url}/batch-1`, { body: 'one' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = send(`${l.url}/batch-2`, { body: 'two' });
    await Promise.all([first, second]);
    expect(upstream.seen.map((s) => s.path)).toEqual(['/batch-2', '/batch-1']);
  });
});

describe('startFaultyLink: seeded schedule', () => {
  const rates = { dropResponseAfterCommit: 0.25, cutRequestMidBody: 0.25 };

  async function runSchedule(seed: number): Promise<string[]> {
    const l = await startFaultyLink({ upstream: upstream.url, seed, ...rates });
    try {
      for (let i = 0; i < 24; i++) await send(`${l.url}/push`, { body: 'y'.repeat(2000) });
      return l.stats.log.map((r) => r.fault);
    } finally {
      await l.stop();
    }
  }

  it('replays the same faults for the same seed, others for another seed', async () => {
    const first = await runSchedule(11);
    const again = await runSchedule(11);
    const other = await runSchedule(12);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first).toEqual(Array.from({ length: 24 }, (_, i) => drawFault(11, i, rates).fault));
    expect(new Set(first)).toEqual(new Set(['pass', 'drop_response', 'cut_request']));
  });

  it('injects faults at about the configured rates', () => {
    const draws = Array.from(
      { length: 10_000 },
      (_, i) => drawFault(3, i, { dropResponseAfterCommit: 0.02, cutRequestMidBody: 0.02 }).fault,
    );
    const drops = draws.filter((f) => f === 'drop_response').length / draws.length;
    const cuts = draws.filter((f) => f === 'cut_request').length / draws.length;
    expect(drops).toBeGreaterThan(0.015);
    expect(drops).toBeLessThan(0.025);
    expect(cuts).toBeGreaterThan(0.015);
    expect(cuts).toBeLessThan(0.025);
  });
});
