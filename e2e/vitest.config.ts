import { defineProject } from 'vitest/config';

// Browser scenarios share one server and run one file at a time: two cores cannot host
// several Chromium instances plus the server without timing out.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['src/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
