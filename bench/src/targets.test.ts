import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import type { GateResult } from './gate';
import type { PoorLinkResult } from './poor-link';
import type { BenchResults } from './results';
import { allTargets, checkTargets } from './targets';
import type { PhaseResult, ThroughputResult } from './throughput';

const gate: GateResult = {
  ok: true,
  problems: [],
  serverCount: 10,
  clientCount: 10,
  duplicates: 0,
  pending: 0,
};
const phase = (recordsPerSec: number, bytesPerRecord: number): PhaseResult => ({
  ms: 1000,
  requests: 4,
  bytesIn: 0,
  bytesOut: 0,
  recordsPerSec,
  bytesPerRecord,
});
const run = (
  peer: string,
  push: number,
  pull: number,
  bytes: number,
  ok = true,
): ThroughputResult => ({
  peer,
  n: 10_000,
  push: phase(push, bytes),
  pull: phase(pull, bytes),
  noop: phase(1, 1),
  gate: ok ? gate : { ...gate, ok: false, problems: ['server holds 9 records, expected 10'] },
});
const poor = (profile: '3g' | '2g', floorRatio: number): PoorLinkResult => ({
  peer: 'ours',
  profile,
  n: 500,
  pushMs: 1000,
  pullMs: 1000,
  totalMs: 2000 * floorRatio,
  requests: 10,
  retries: 0,
  faults: { drop_response: 0, cut_request: 0 },
  strayRejections: 0,
  linkBytes: 1,
  floorMs: 2000,
  floorRatio,
  gate,
});
const results = (over: Partial<BenchResults>): BenchResults => ({
  date: '2026-11-29T09:00:00.000Z',
  machine: { cores: 2, memoryGiB: 24, cpu: 'x', node: 'v20', platform: 'linux' },
  config: readConfig({}),
  records: { seed: 2026, meanJsonBytes: {} },
  throughput: [],
  poorLink: [],
  ...over,
});

describe('checkTargets', () => {
  it('compares ours with the best PouchDB configuration of the same N', () => {
    const checks = checkTargets(
      results({
        throughput: [
          run('ours', 5000, 4000, 200),
          run('pouchdb b=100', 500, 900, 1000),
          run('pouchdb b=500', 1000, 800, 700),
        ],
      }),
    );
    const by = (id: string) => checks.find((c) => c.id === id);
    expect(by('push')).toMatchObject({ met: true, where: '§1, N = 10,000' });
    expect(by('push')?.measured).toMatch(/^5\.00×/);
    expect(by('pull')).toMatchObject({ met: false });
    expect(by('pull')?.measured).toMatch(/^4\.44×/);
    // bytes: ours 400 (push + pull) against the smallest, 1 400: 0.29 ≤ ⅓.
    expect(by('bytes')).toMatchObject({ met: true });
  });

  it('gives no verdict when our gate failed or a side is missing, and says why', () => {
    const failed = checkTargets(
      results({
        throughput: [run('ours', 9000, 9000, 1, false), run('pouchdb b=100', 500, 500, 1000)],
      }),
    );
    expect(failed.every((c) => c.met === null)).toBe(true);
    expect(failed[0]?.note).toMatch(/our gate failed/);
    const alone = checkTargets(results({ throughput: [run('pouchdb b=100', 500, 500, 1000)] }));
    expect(alone[0]?.note).toBe('our peer did not run');
  });

  it('checks 2G runs of ours against 1.5× the floor, and ignores 3G and PouchDB', () => {
    const checks = checkTargets(
      results({
        poorLink: [
          poor('2g', 1.4),
          poor('3g', 9),
          { ...poor('2g', 8), peer: 'pouchdb b=100' },
          { ...poor('2g', 1.6), n: 5000 },
        ],
      }),
    );
    expect(checks.map((c) => [c.where, c.met])).toEqual([
      ['§2, 2G, N = 500', true],
      ['§2, 2G, N = 5,000', false],
    ]);
  });

  it('takes the rows of other sections that carry a target', () => {
    const sections = [
      {
        title: 'Server under load (§4)',
        markdown: '',
        rows: [
          {
            metric: 'p99 push latency, 200 devices',
            value: 300,
            unit: 'ms',
            target: '≤ 250 ms',
            met: false,
            note: 'queueing',
          },
          { metric: 'p50 push latency', value: 80, unit: 'ms', target: '—', met: null },
        ],
      },
    ];
    expect(checkTargets(results({ sections }))).toEqual([
      {
        id: 'section',
        where: 'Server under load (§4)',
        target: 'p99 push latency, 200 devices: ≤ 250 ms',
        measured: '300.0 ms',
        met: false,
        note: 'queueing',
      },
    ]);
  });

  it('lists every target of the issue, those of sections that did not run as not run', () => {
    const all = allTargets(results({ poorLink: [poor('2g', 1.4)] }));
    expect(all.filter((c) => c.note === 'not run in this run').map((c) => c.target)).toEqual([
      'push ≥ 5× PouchDB in the same run',
      'pull ≥ 5× PouchDB in the same run',
      'bytes per record (push + pull) ≤ ⅓ of PouchDB’s',
      'app shell ≤ 200 KB gzipped',
      'cold offline start ≤ 1.5 s at 4× CPU throttling',
      'search ≤ 100 ms',
      'roster input delay ≤ 50 ms',
      'p99 push latency ≤ 250 ms with 200 devices and no errors',
    ]);
    expect(all.filter((c) => c.met !== null)).toHaveLength(1);
  });
});
