import { describe, expect, it } from 'vitest';
import { benchmarksMd } from './benchmarks-md';
import { readConfig } from './config';
import { addRun, type BenchResults } from './results';
import type { SectionReport } from './section-report';

const machine = { cores: 2, memoryGiB: 24, cpu: 'AMD EPYC', node: 'v20.20.2', platform: 'linux 6' };
const section = (title: string, value: number): SectionReport => ({
  title,
  markdown: `| ${title} ${value} |`,
  rows: [{ metric: title, value, unit: 'ms', target: '≤ 100 ms', met: value <= 100 }],
});

const full: BenchResults = {
  date: '2026-11-29T10:00:00.000Z',
  finished: '2026-11-29T10:50:00.000Z',
  command: 'BENCH_ONLY=throughput,poor-link,load pnpm bench',
  machine,
  config: readConfig({ BENCH_ONLY: 'throughput,poor-link,load' }),
  records: { seed: 2026, meanJsonBytes: { 10000: 2699 } },
  throughput: [],
  poorLink: [],
  sections: [section('Server under load (§4)', 900)],
};
const appOnly: BenchResults = {
  date: '2026-11-29T11:00:00.000Z',
  finished: '2026-11-29T11:08:00.000Z',
  command: 'BENCH_ONLY=app BENCH_ADD=1 pnpm bench',
  machine,
  config: readConfig({ BENCH_ONLY: 'app' }),
  records: { seed: 2026, meanJsonBytes: {} },
  throughput: [],
  poorLink: [],
  sections: [section('The app in Chromium (§3)', 90)],
};

describe('adding a run to the results (BENCH_ADD=1)', () => {
  it('keeps what the later run did not measure, adds what it did, and records both runs', () => {
    const merged = addRun(full, appOnly);
    expect(merged.sections?.map((s) => s.title)).toEqual([
      'Server under load (§4)',
      'The app in Chromium (§3)',
    ]);
    expect(merged.config.only).toEqual(['throughput', 'poor-link', 'load', 'app']);
    expect(merged.records.meanJsonBytes).toEqual({ 10000: 2699 });
    expect(merged.date).toBe(full.date);
    expect(merged.runs?.map((r) => r.only)).toEqual([['throughput', 'poor-link', 'load'], ['app']]);
    const md = benchmarksMd(merged);
    expect(md).toContain('each section comes from the last run that measured it');
    expect(md).toContain(
      '2026-11-29T11:00:00.000Z → 2026-11-29T11:08:00.000Z: app — `BENCH_ONLY=app BENCH_ADD=1 pnpm bench`',
    );
  });

  it('takes the export memory sizes from the run that measured them, over results written before', () => {
    const { exportN: _n, exportFormats: _f, exportBackends: _b, ...before } = full.config;
    const exportRun: BenchResults = {
      ...appOnly,
      config: readConfig({ BENCH_ONLY: 'export-memory', BENCH_EXPORT_N: '1000,2000' }),
      sections: [section('Server memory during an export (issue 15 §5, issue 23)', 90)],
    };
    const merged = addRun({ ...full, config: before as BenchResults['config'] }, exportRun);
    expect(merged.config.exportN).toEqual([1000, 2000]);
    expect(benchmarksMd(merged)).toContain(
      'server memory during an export: 1,000, 2,000 households, csv, xlsx, on sqlite, postgres',
    );
  });

  it('replaces poor-link rows of the same peer, link and size, and keeps the others', () => {
    const row = (peer: string, profile: '3g' | '2g', n: number, totalMs: number) =>
      ({ peer, profile, n, totalMs }) as unknown as BenchResults['poorLink'][number];
    const ours = {
      ...full,
      config: readConfig({ BENCH_ONLY: 'poor-link' }),
      sections: [],
      poorLink: [row('ours', '2g', 500, 30_000), row('ours', '2g', 5000, 300_000)],
    };
    const pouch = {
      ...full,
      config: readConfig({ BENCH_ONLY: 'poor-link' }),
      sections: [],
      poorLink: [row('pouchdb b=100', '2g', 500, 140_000), row('ours', '2g', 500, 29_000)],
    };
    expect(addRun(ours, pouch).poorLink.map((r) => [r.peer, r.n, r.totalMs])).toEqual([
      ['ours', 500, 29_000],
      ['ours', 5000, 300_000],
      ['pouchdb b=100', 500, 140_000],
    ]);
  });

  it('replaces a section measured again, and a third run keeps the first two in its list', () => {
    const again = {
      ...appOnly,
      date: '2026-11-29T11:20:00.000Z',
      finished: '2026-11-29T11:28:00.000Z',
      sections: [section('The app in Chromium (§3)', 80)],
    };
    const merged = addRun(addRun(full, appOnly), again);
    expect(
      merged.sections
        ?.filter((s) => s.title === 'The app in Chromium (§3)')
        .map((s) => s.rows[0]?.value),
    ).toEqual([80]);
    expect(merged.runs).toHaveLength(3);
  });

  it('takes §4’s sizes and configurations from the run whose §4 it keeps', () => {
    const earlier = { ...full, config: { ...full.config, loadConfigurations: ['sqlite-1'] } };
    const load = {
      ...appOnly,
      config: readConfig({ BENCH_ONLY: 'load', BENCH_LOAD_DEVICES: '20' }),
      sections: [section('Server under load (§4)', 800)],
    };
    const merged = addRun(earlier, load);
    expect(merged.config).toMatchObject({
      loadDevices: 20,
      loadConfigurations: ['sqlite-1', 'postgres-1', 'postgres-2'],
    });
    expect(addRun(earlier, appOnly).config.loadConfigurations).toEqual(['sqlite-1']);
  });
});
