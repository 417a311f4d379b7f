import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'console',
    environment: 'jsdom',
    // The router reads the address under /console/, as in the served app.
    environmentOptions: { jsdom: { url: 'http://localhost/console/' } },
    setupFiles: ['./src/test-support/setup.ts'],
    testTimeout: 15_000,
  },
});
