import { defineProject } from 'vitest/config';

// Hooks register tablets and log in (scrypt, slow on purpose): give them room on a loaded CI machine.
// This is the SQLite run; the root config adds `server-pg`, the same files on PostgreSQL.
export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    exclude: ['**/node_modules/**', 'src/storage/postgres/**'],
  },
});
