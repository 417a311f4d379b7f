import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A temp folder named after this process, for what a test process builds once and shares between
 * tests (the server bundle, the seeded template). Vitest workers do not always run 'exit' hooks, so
 * each new one also removes the folders of processes that are gone.
 */
export function processTempDir(kind: string): string {
  const prefix = `jigi-rel-${kind}-`;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(/^jigi-rel-[a-z]+-(\d+)-/.exec(name)?.[1]);
    if (!name.startsWith('jigi-rel-') || !Number.isSafeInteger(pid) || pid === 0 || alive(pid))
      continue;
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}${process.pid}-`));
  process.once('exit', () => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: unknown) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
