import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The root test command runs every workspace in one vitest process, whose workers may pick two e2e
// files at once; two Chromium instances plus two servers on two cores time out. Each e2e file takes
// this machine-wide lock for its duration (a crashed holder's lock is taken over).
const LOCK = join(tmpdir(), 'jigi-e2e.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lockHolder(): number | undefined {
  try {
    return Number(readFileSync(LOCK, 'utf8'));
  } catch {
    return undefined;
  }
}

export async function acquireSuiteLock(): Promise<void> {
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      return;
    } catch {
      const holder = lockHolder();
      if (holder === undefined) continue; // released between the two calls
      if (!Number.isInteger(holder) || !alive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function releaseSuiteLock(): void {
  if (lockHolder() === process.pid) rmSync(LOCK, { force: true });
}
