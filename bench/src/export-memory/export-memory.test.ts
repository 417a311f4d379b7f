import { describe, expect, it } from 'vitest';
import { flatMarginMb, targetRows } from './export-memory';
import { exportMemoryMarkdown, type ExportRun } from './export-memory-report';

const run = (households: number, peakRssMb: number, complete = true): ExportRun => ({
  backend: 'sqlite',
  households,
  format: 'csv',
  bytes: households * 700,
  lines: households,
  complete,
  seconds: households / 10_000,
  idleRssMb: 100,
  peakRssMb,
  hwmMb: peakRssMb,
  startHwmMb: 120,
});

describe('export memory targets', () => {
  const config = {
    sizes: [10_000, 100_000],
    formats: ['csv' as const],
    backends: ['sqlite' as const],
    seed: 1,
  };
  it('is flat when the largest export peaks within the margin of the smallest', () => {
    const [row] = targetRows([run(10_000, 160), run(100_000, 160 + flatMarginMb)], config);
    expect(row).toMatchObject({ value: 160 + flatMarginMb, unit: 'MB', met: true });
    expect(row?.note).toContain('160 MB');
  });
  it('is not flat when the peak grows with the export, or when households are missing', () => {
    expect(targetRows([run(10_000, 160), run(100_000, 161 + flatMarginMb)], config)[0]?.met).toBe(
      false,
    );
    expect(targetRows([run(10_000, 160), run(100_000, 160, false)], config)[0]?.met).toBe(false);
    expect(targetRows([run(100_000, 160)], { ...config, sizes: [100_000] })[0]?.met).toBeNull();
  });
  it('tables every run', () => {
    const md = exportMemoryMarkdown([run(10_000, 160), run(100_000, 170)]);
    expect(md).toContain('| SQLite | 100,000 | CSV |');
    expect(md.split('\n').filter((l) => l.startsWith('| SQLite'))).toHaveLength(2);
  });
});
