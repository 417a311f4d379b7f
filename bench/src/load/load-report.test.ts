import { describe, expect, it } from 'vitest';
import { loadReport, type LoadFigures } from './load-report';

const figures = (over: Partial<LoadFigures> = {}): LoadFigures => ({
  devices: 200,
  pushesPerDevice: 5,
  batch: 50,
  serverSetup: 'child process.',
  durationSec: 10,
  answered2xx: 1000,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: { '200': 1000 },
  latencyMs: { p50: 80, p90: 150, p99: 240, max: 300 },
  meanBodyBytes: 20_480,
  verification: {
    sent: 50_000,
    stored: 50_000,
    appliedTwice: 0,
    sameContent: true,
    devicesComplete: 200,
  },
  ...over,
});
const row = (f: LoadFigures, metric: RegExp) =>
  loadReport(f).rows.find((r) => metric.test(r.metric));

describe('loadReport', () => {
  it('meets the target with 200 devices, p99 ≤ 250 ms, no error and everything stored once', () => {
    const report = loadReport(figures());
    expect(report.rows.filter((r) => r.met !== null).every((r) => r.met)).toBe(true);
    expect(row(figures(), /households per second/)?.value).toBe(5000);
    expect(report.details?.['lossless']).toBe(true);
  });

  it('misses p99 over 250 ms and says how long a push waits in the queue', () => {
    const slow = figures({ latencyMs: { p50: 900, p90: 1500, p99: 1900, max: 2000 } });
    const p99 = row(slow, /p99/);
    expect(p99?.met).toBe(false);
    // 10 s over 1000 pushes = 10 ms each; 200 in flight = 2 s.
    expect(p99?.note).toMatch(/about 10 ms of server time .* waits about 2\.0 s/);
    expect(loadReport(slow).markdown).toContain('**missed**');
  });

  it('cannot meet the target with fewer devices than it names, however fast', () => {
    const p99 = row(figures({ devices: 20 }), /p99/);
    expect(p99?.met).toBe(false);
    expect(p99?.note).toMatch(/20 devices, below the 200/);
  });

  it('counts non-2xx answers and connection errors as failures', () => {
    const bad = figures({
      non2xx: 3,
      errors: 2,
      timeouts: 1,
      statusCodes: { '200': 997, '409': 3 },
    });
    const failures = row(bad, /non-2xx/);
    expect(failures).toMatchObject({ value: 5, met: false });
    expect(failures?.note).toContain('"409":3');
  });

  it('flags lost, doubled or altered households', () => {
    const lost = figures({
      verification: {
        sent: 50_000,
        stored: 49_950,
        appliedTwice: 0,
        sameContent: false,
        devicesComplete: 199,
      },
    });
    expect(row(lost, /stored = sent/)?.met).toBe(false);
    expect(loadReport(lost).details?.['lossless']).toBe(false);
    const doubled = figures({
      verification: {
        sent: 50_000,
        stored: 50_000,
        appliedTwice: 1,
        sameContent: true,
        devicesComplete: 200,
      },
    });
    expect(row(doubled, /stored = sent/)?.note).toMatch(/1 applied twice/);
  });
});
