import { defineConfig } from 'vitest/config';

// The root run is the whole suite (README's test command): every workspace is a project. bench's
// project is its harness logic only (gate, floor, tables, peers on tiny sets); `pnpm bench` measures.
// The server's tests run twice: on SQLite files (`server`) and on a throwaway PostgreSQL cluster
// (`server-pg`); files that test one backend's own code run only in that backend's project.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/*',
      {
        // Not `extends` of apps/server's config: its exclude list (the PostgreSQL-only files) would
        // be merged into this one.
        test: {
          name: 'server-pg',
          root: './apps/server',
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 60_000,
          env: { JIGI_TEST_BACKEND: 'postgres' },
          globalSetup: ['./src/test-support/postgres-global-setup.ts'],
          exclude: ['**/node_modules/**', 'src/storage/sqlite/**', 'src/cli/cli.test.ts'],
        },
      },
      'reliability',
      'bench',
      'e2e',
    ],
  },
});
