import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** onnxruntime-web's dist folder (the .mjs entry points and the .wasm binaries). */
export const ORT_WEB_DIST = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
const RUNNER = fileURLToPath(new URL('./page/runner.js', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
};

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>genzoo converter parity</title>
<link rel="icon" href="data:,">
<script type="module" src="/runner.js"></script>
`;

export interface OrtWebServer {
  url: string;
  /** Serves `body` at `path` (e.g. a model or input tensor) until the server stops. */
  put(path: string, body: Uint8Array): void;
  stop(): Promise<void>;
}

/**
 * Serves the parity runner page, onnxruntime-web's dist files and in-memory blobs on an ephemeral
 * 127.0.0.1 port (a secure context, so `navigator.gpu` exists). Nothing comes from the network.
 */
export async function startOrtWebServer(): Promise<OrtWebServer> {
  const blobs = new Map<string, Uint8Array>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, type: string, body: Uint8Array | string): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    try {
      if (path === '/') return send(200, CONTENT_TYPES['.html']!, PAGE);
      if (path === '/runner.js') return send(200, CONTENT_TYPES['.js']!, readFileSync(RUNNER));
      const blob = blobs.get(path);
      if (blob) return send(200, 'application/octet-stream', blob);
      if (path.startsWith('/ort/')) {
        const file = normalize(join(ORT_WEB_DIST, decodeURIComponent(path.slice('/ort/'.length))));
        if (!file.startsWith(ORT_WEB_DIST + sep)) return send(403, 'text/plain', 'forbidden');
        return send(200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
      }
      send(404, 'text/plain', `not found: ${path}`);
    } catch (error) {
      send((error as NodeJS.ErrnoException).code === 'ENOENT' ? 404 : 500, 'text/plain', String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (path, body) => blobs.set(path, body),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
