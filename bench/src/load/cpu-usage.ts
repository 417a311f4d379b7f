import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// Where the CPU went during a load run (Linux /proc): the whole machine, the server's process tree,
// PostgreSQL's, and the load generator (this process). On 2 shared cores this says whether a
// configuration was held back by the CPU rather than by its own design.

/** Busy and total jiffies of the machine, from the `cpu` line of /proc/stat. */
export function parseProcStat(text: string): { busy: number; total: number } {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no cpu line in /proc/stat');
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((s, x) => s + x, 0);
  return { busy: total - (f[3] ?? 0) - (f[4] ?? 0), total };
}

/**
 * A process's parent and CPU ticks from /proc/<pid>/stat: its own user + system time plus that of
 * its children already reaped (so a process that exits during the run still counts, in its parent).
 */
export function parsePidStat(text: string): { pid: number; ppid: number; ticks: number } {
  // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
  const close = text.lastIndexOf(')');
  const pid = Number(text.slice(0, text.indexOf(' ')));
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
  const ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(rest[i] ?? 0), 0);
  return { pid, ppid: Number(rest[1]), ticks };
}

/** CPU ticks of each process tree rooted at `roots` (root included), from one pass over /proc. */
export function treeTicks(
  processes: readonly { pid: number; ppid: number; ticks: number }[],
  roots: readonly number[],
): number[] {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const p of processes) {
    children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
    ticks.set(p.pid, p.ticks);
  }
  return roots.map((root) => {
    let sum = 0;
    const todo = [root];
    for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
      sum += ticks.get(pid) ?? 0;
      todo.push(...(children.get(pid) ?? []));
    }
    return sum;
  });
}

export interface CpuSnapshot {
  at: number;
  machine: { busy: number; total: number };
  /** Ticks of each watched tree, in the order of the roots given. */
  trees: number[];
  /** This process (the load generator), in µs. */
  self: NodeJS.CpuUsage;
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** Undefined where there is no /proc (not Linux): the report then says the CPU was not measured. */
export function cpuSnapshot(roots: readonly number[]): CpuSnapshot | undefined {
  try {
    const processes = fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          return [parsePidStat(fs.readFileSync(`/proc/${name}/stat`, 'utf8'))];
        } catch {
          return []; // gone meanwhile
        }
      });
    return {
      at: Date.now(),
      machine: parseProcStat(fs.readFileSync('/proc/stat', 'utf8')),
      trees: treeTicks(processes, roots),
      self: process.cpuUsage(),
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds spent between two snapshots, and the machine's busy share of all its cores. */
export interface CpuUsage {
  wallSec: number;
  /** Busy share of the machine's cores (every process on it, other work included), 0–1. */
  machineBusy: number;
  /** CPU seconds of each watched tree, in the order of the roots. */
  treesSec: number[];
  loadGeneratorSec: number;
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuUsage {
  const hz = ticksPerSecond();
  const total = b.machine.total - a.machine.total;
  return {
    wallSec: (b.at - a.at) / 1000,
    machineBusy: total > 0 ? (b.machine.busy - a.machine.busy) / total : 0,
    treesSec: b.trees.map((t, i) => (t - (a.trees[i] ?? 0)) / hz),
    loadGeneratorSec: (b.self.user - a.self.user + b.self.system - a.self.system) / 1e6,
  };
}
