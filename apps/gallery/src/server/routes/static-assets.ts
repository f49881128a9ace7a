import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface StaticDirs {
  /** The built page (`vite build` output). */
  clientDir: string;
  /** onnxruntime-web's dist folder. */
  ortDir: string;
}

/** The page at `/` and onnxruntime-web's wasm runtime files at `/ort/` (never a CDN: the page must work offline). */
export async function registerStaticAssets(app: FastifyInstance, { clientDir, ortDir }: StaticDirs): Promise<void> {
  if (!existsSync(clientDir)) {
    throw new Error(`the page is not built: ${clientDir} is missing (run \`npm run build -w @genzoo/gallery\`)`);
  }
  await app.register(fastifyStatic, { root: clientDir, prefix: '/', index: 'index.html' });
  await app.register(fastifyStatic, {
    root: ortDir,
    prefix: '/ort/',
    decorateReply: false,
    index: false,
    allowedPath: (path) => /^\/?ort-wasm-[a-z-.]+\.(mjs|wasm)$/.test(path),
    maxAge: '1d',
  });
}
