import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** apps/gallery, whether running from src/server (tsx) or dist/server (built). */
export const galleryRoot = resolve(here, '..', '..');

/** The monorepo root, whose `models/` folder is the default registry. */
export const repoRoot = resolve(galleryRoot, '..', '..');

/** Where `vite build` puts the page. */
export const clientDir = join(galleryRoot, 'dist', 'client');

/** onnxruntime-web's `dist/`, holding the `ort-wasm-*.mjs` / `.wasm` files the page loads at run time. */
export function ortWasmDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
}
