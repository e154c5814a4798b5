/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.COOPOL_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  // Absolute asset URLs: graphiql.html is served by the API at /graphql/ide.
  base: '/',
  plugins: [react()],
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
      // Uploads (POST /imports/{kind}); /imports itself is a page of the app.
      '/imports/': {
        target: apiTarget,
        changeOrigin: false,
        bypass: (req) => (req.method === 'POST' ? undefined : req.url),
      },
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
