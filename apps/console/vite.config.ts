import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the same server under /console/ (apps/server/src/plugins/static-app.ts).
// Online-first: no service worker, nothing precached; field tablets never download any of it.
// The API the dev and preview servers forward to (the README's server by default).
const api = process.env['JIGI_API'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
  build: { target: 'es2022', sourcemap: false },
});
