import { defineProject } from 'vitest/config';

// Hooks register tablets and log in (scrypt, slow on purpose): give them room on a loaded CI machine.
export default defineProject({
  test: { name: 'server', environment: 'node', testTimeout: 20_000, hookTimeout: 60_000 },
});
