import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  resolve: {
    alias: {
      'virtual:pwa-register/react': new URL(
        './src/test-support/pwa-register-stub.ts',
        import.meta.url,
      ).pathname,
    },
  },
  test: {
    name: 'field',
    environment: 'jsdom',
    setupFiles: ['./src/test-support/setup.ts'],
    testTimeout: 15_000,
  },
});
