import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it("defaults to issue 8's sizes", () => {
    expect(readConfig({})).toEqual({
      throughputN: [10_000, 100_000],
      poorLinkN: [500, 5_000],
      profiles: ['3g', '2g'],
      only: ['throughput', 'poor-link', 'load', 'app', 'export-memory'],
      seed: 2026,
      pouchBatchSizes: [100, 500],
      peers: undefined,
      loadDevices: 200,
      loadPushesPerDevice: 5,
      loadBatch: 50,
      loadConfigurations: ['sqlite-1', 'postgres-1', 'postgres-2'],
      exportN: [10_000, 100_000],
      exportFormats: ['csv', 'xlsx'],
      exportBackends: ['sqlite', 'postgres'],
    });
  });

  it('sizes the export memory run and refuses an unknown format', () => {
    expect(
      readConfig({
        BENCH_ONLY: 'export-memory',
        BENCH_EXPORT_N: '1000',
        BENCH_EXPORT_FORMATS: 'csv',
      }),
    ).toMatchObject({ only: ['export-memory'], exportN: [1000], exportFormats: ['csv'] });
    expect(() => readConfig({ BENCH_EXPORT_FORMATS: 'pdf' })).toThrow(/BENCH_EXPORT_FORMATS/);
  });

  it('reads lists, underscores allowed', () => {
    expect(
      readConfig({ BENCH_N: '1_000, 2000', BENCH_POOR_PROFILES: '2g', BENCH_ONLY: 'poor-link' }),
    ).toMatchObject({ throughputN: [1000, 2000], profiles: ['2g'], only: ['poor-link'] });
  });

  it('runs a comma list of sections and sizes the load run', () => {
    expect(
      readConfig({ BENCH_ONLY: 'load, app', BENCH_LOAD_DEVICES: '20', BENCH_LOAD_PUSHES: '2' }),
    ).toMatchObject({
      only: ['load', 'app'],
      loadDevices: 20,
      loadPushesPerDevice: 2,
      loadBatch: 50,
    });
    expect(readConfig({ BENCH_PEERS: 'ours' }).peers).toEqual(['ours']);
    expect(readConfig({ BENCH_LOAD_CONFIGS: 'postgres-2, sqlite-1' }).loadConfigurations).toEqual([
      'postgres-2',
      'sqlite-1',
    ]);
  });

  it('refuses what it cannot read instead of running something else', () => {
    expect(() => readConfig({ BENCH_N: 'ten' })).toThrow(/positive integers/);
    expect(() => readConfig({ BENCH_POOR_PROFILES: '4g' })).toThrow(/unknown link profile/);
    expect(() => readConfig({ BENCH_ONLY: 'all' })).toThrow(/BENCH_ONLY/);
    expect(() => readConfig({ BENCH_ONLY: 'throughput,loads' })).toThrow(/"loads"/);
    expect(() => readConfig({ BENCH_LOAD_DEVICES: '10,20' })).toThrow(
      /BENCH_LOAD_DEVICES takes one/,
    );
    expect(() => readConfig({ BENCH_LOAD_CONFIGS: 'sqlite-2' })).toThrow(/refuses WORKERS > 1/);
  });
});
