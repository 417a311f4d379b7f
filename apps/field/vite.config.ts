import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The whole shell is precached (generateSW), so from the second visit the app opens with no network.
// `registerType: 'prompt'`: a new version waits until the user accepts it (never in the middle of a
// form, see src/app/update-banner.tsx); drafts live in IndexedDB, which an update never touches.
// The API the dev and preview servers forward to (the README's server by default).
const api = process.env['JIGI_API'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Jigi Collect — Jigisèmèjiri',
        short_name: 'Jigi Collect',
        description: 'Collecte de données hors ligne du programme Jigisèmèjiri',
        lang: 'fr-ML',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        // The tablet's own orientation: a roll call or a roster reads better held sideways.
        orientation: 'any',
        theme_color: '#0b4f3c',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        navigateFallback: 'index.html',
        // The API is never cached by the service worker: offline data lives in IndexedDB. The console
        // (apps/console, /console/) is another app on the same origin: its pages come from the
        // network, never from this app's index.html.
        navigateFallbackDenylist: [/^\/api\//, /^\/console(\/|$)/],
        cleanupOutdatedCaches: true,
        // The first installed worker takes the open page at once, so the form chunks are served from
        // the precache even if the network drops before the first reload. Updates still wait for the
        // user (no skipWaiting: 'prompt').
        clientsClaim: true,
      },
    }),
  ],
  server: {
    proxy: { '/api': api },
  },
  preview: {
    proxy: { '/api': api },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
