import { execFile } from 'node:child_process';
import { serverDir } from './server-paths';

/** Runs one of the server's command-line tools (src/cli/*.ts) as an operator would, on DATA_DIR. */
export function runServerCli(
  script: 'backup' | 'restore' | 'seed',
  dataDir: string,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `src/cli/${script}.ts`, ...args],
      {
        cwd: serverDir,
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}
