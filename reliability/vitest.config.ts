import { defineProject } from 'vitest/config';

// Real servers (child processes and in-process), real SQLite files, real sockets: generous
// timeouts, and files one at a time — the machine has 2 shared cores and crash timings must not
// depend on what the next file is doing. `pnpm long` (RELIABILITY_LONG=1) runs the longer versions.
export default defineProject({
  test: {
    name: 'reliability',
    environment: 'node',
    testTimeout: process.env['RELIABILITY_LONG'] === '1' ? 1_800_000 : 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
