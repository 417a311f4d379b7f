import { describe, expect, it } from 'vitest';
import type { GateResult } from './gate';
import { ratio, table, throughputTable } from './report';
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
const result = (peer: string, rps: number, bpr: number): ThroughputResult => ({
  peer,
  n: 10,
  push: phase(rps, bpr),
  pull: phase(rps, bpr),
  noop: phase(rps, bpr),
  gate,
});

describe('ratio', () => {
  const results = [
    result('pouchdb b=100', 100, 900),
    result('pouchdb b=500', 200, 1000),
    result('ours', 1000, 300),
  ];

  it('divides ours by the best baseline: the fastest for rates, the smallest for costs', () => {
    expect(ratio(results, (r) => r.push.recordsPerSec, true)).toBe('5.00×');
    expect(ratio(results, (r) => r.push.bytesPerRecord, false)).toBe('0.33×');
  });

  it('shows a dash until our peer has results', () => {
    expect(ratio(results.slice(0, 2), (r) => r.push.recordsPerSec, true)).toBe('—');
  });
});

describe('tables', () => {
  it('aligns columns in markdown', () => {
    expect(table(['a', 'bb'], [['ccc', 'd']])).toBe('| a   | bb |\n|-----|----|\n| ccc | d  |');
  });

  it('puts one column per peer, a ratio column, and the gate', () => {
    const t = throughputTable([result('pouchdb b=100', 100, 900), result('ours', 1000, 300)]);
    expect(t.split('\n')[0]).toMatch(/metric\s*\| pouchdb b=100 \| ours\s*\| ours ÷ best PouchDB/);
    expect(t).toContain('| gate');
    expect(t).toMatch(/push records\/s.*10\.00×/);
  });
});
