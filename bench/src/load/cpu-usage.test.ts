import { describe, expect, it } from 'vitest';
import { cpuBetween, parsePidStat, parseProcStat, treeTicks } from './cpu-usage';

describe('CPU from /proc', () => {
  it('reads the machine line: busy is all but idle and iowait', () => {
    expect(parseProcStat('cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 1 2 3 4\n')).toEqual({
      busy: 160,
      total: 980,
    });
  });

  it('reads a process line whose name holds spaces and parentheses', () => {
    const line =
      '4242 (node (cluster) w) S 4200 4242 4242 0 -1 4194304 100 0 0 0 150 30 7 3 20 0 11 0 1 2 3';
    expect(parsePidStat(line)).toEqual({ pid: 4242, ppid: 4200, ticks: 190 });
  });

  it('sums a tree, root included, and leaves other processes out', () => {
    const ps = [
      { pid: 10, ppid: 1, ticks: 5 },
      { pid: 11, ppid: 10, ticks: 40 },
      { pid: 12, ppid: 10, ticks: 30 },
      { pid: 13, ppid: 12, ticks: 1 },
      { pid: 20, ppid: 1, ticks: 99 },
    ];
    expect(treeTicks(ps, [10, 20, 999])).toEqual([76, 99, 0]);
  });

  it('gives CPU seconds and the busy share between two snapshots', () => {
    const at = (ms: number, busy: number, total: number, tree: number) => ({
      at: ms,
      machine: { busy, total },
      trees: [tree],
      self: { user: ms * 100, system: 0 },
    });
    const usage = cpuBetween(at(0, 0, 0, 0), at(10_000, 1500, 2000, 800));
    expect(usage.wallSec).toBe(10);
    expect(usage.machineBusy).toBe(0.75);
    expect(usage.loadGeneratorSec).toBe(1);
    expect(usage.treesSec[0]).toBeGreaterThan(0);
  });
});
