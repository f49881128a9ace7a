import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** One HTML entry per page; each loads its own module from src/client/pages. */
const PAGES = ['index', 'model', 'latent-map', 'draw', 'translate', 'toy', 'leaderboard'];
const page = (name: string) => fileURLToPath(new URL(`./src/client/${name}.html`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/client', import.meta.url)),
  base: '/',
  resolve: {
    // onnxruntime-web's "extern wasm" build loads its wasm glue from env.wasm.wasmPaths (our /ort/ route)
    // instead of bundling it, so the page stays small and nothing comes from a CDN.
    conditions: ['onnxruntime-web-use-extern-wasm', 'module', 'browser', 'production'],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((name) => [name, page(name)])),
      onwarn(warning, warn) {
        // zod ships `@__PURE__` comments in places Rollup ignores; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
