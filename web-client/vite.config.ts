/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = process.env.COOPOL_API_URL ?? 'http://127.0.0.1:5080';

/**
 * The files the app (index.html's entry) may load: its chunks, lazy ones included (the maps), their CSS and the assets
 * they import (MapLibre's worker). The service worker precaches these and not GraphiQL's (Monaco: megabytes no
 * volunteer in the street needs).
 */
const appFiles = new Set<string>();
function collectAppFiles(): Plugin {
  return {
    name: 'coopol-app-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      appFiles.clear();
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'main');
      const queue = entry ? [entry.fileName] : [];
      while (queue.length) {
        const name = queue.pop()!;
        if (appFiles.has(name)) continue;
        appFiles.add(name);
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk') continue;
        queue.push(...chunk.imports, ...chunk.dynamicImports);
        const meta = (chunk as { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
        if (meta) for (const f of [...meta.importedCss, ...meta.importedAssets]) appFiles.add(f);
      }
    },
  };
}

/** Paths the API answers (never the app's pages): the service worker leaves them to the network. */
const API_PATHS = /^\/(graphql|auth|exports|tiles|geojson|results\.csv|walk-lists|messaging|membership|graphiql\.html)(\/|$|\?|\.)/;

export default defineConfig({
  // Absolute asset URLs: graphiql.html is served by the API at /graphql/ide.
  base: '/',
  plugins: [
    react(),
    collectAppFiles(),
    // Installable, and opens without network: the app shell is precached by a generated service worker (production
    // builds only; main.tsx registers /sw.js). Door reports and walk lists live in IndexedDB (features/canvass).
    !process.env.VITEST &&
      VitePWA({
        injectRegister: false,
        registerType: 'autoUpdate',
        includeAssets: ['icon.svg', 'apple-touch-icon.png'],
        manifest: {
          name: 'Coopol',
          short_name: 'Coopol',
          description: 'Field organizing: actions, door-to-door, walk lists.',
          lang: 'fr',
          start_url: '/actions',
          scope: '/',
          display: 'standalone',
          theme_color: '#b3261e',
          background_color: '#f6f7f9',
          icons: [
            { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
            { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{html,js,mjs,css}'],
          // MapLibre is about 1 MB: it is part of the app (the action maps).
          maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
          manifestTransforms: [
            async (entries) => ({
              manifest: entries.filter((e) => (e.url.startsWith('assets/') ? appFiles.has(e.url) : e.url !== 'graphiql.html')),
              warnings: [],
            }),
          ],
          navigateFallback: '/index.html',
          navigateFallbackDenylist: [API_PATHS],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: true,
        },
      }),
  ],
  server: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/auth': { target: apiTarget, changeOrigin: false },
      // Export files (JobRun.resultUrl), fetched with the bearer token.
      '/exports': { target: apiTarget, changeOrigin: false },
      // The campaign map's tiles and GeoJSON, the results CSV.
      '/tiles': { target: apiTarget, changeOrigin: false },
      '/geojson': { target: apiTarget, changeOrigin: false },
      '/results.csv': { target: apiTarget, changeOrigin: false },
      // A share's walk list as PDF (TurfShare.pdfUrl), fetched with the bearer token.
      '/walk-lists': { target: apiTarget, changeOrigin: false },
      // A newsletter's one-click unsubscribe (POST /messaging/unsubscribe/{token}), and the provider's webhooks.
      '/messaging': { target: apiTarget, changeOrigin: false },
      // Uploads (POST /imports/{kind}); /imports itself is a page of the app.
      '/imports/': {
        target: apiTarget,
        changeOrigin: false,
        bypass: (req) => (req.method === 'POST' ? undefined : req.url),
      },
      // Membership file uploads (POST /membership/uploads); the wizard itself is the app's page /members/import.
      '/membership/': { target: apiTarget, changeOrigin: false },
    },
  },
  // Monaco (GraphiQL editor) workers are ES modules.
  worker: { format: 'es' },
  optimizeDeps: {
    // In dev, the GraphQL worker (monaco-graphql) is served unbundled: its CommonJS
    // dependencies must be pre-bundled to be importable as ES modules.
    include: ['picomatch-browser', 'nullthrows'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
      onwarn(warning, defaultHandler) {
        // GraphiQL's React-compiler output carries "use no memo" directives; harmless once bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('node_modules')) return;
        defaultHandler(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
