import type { FastifyInstance } from 'fastify';

/**
 * Cross-origin isolation (COOP + COEP) lets the page use SharedArrayBuffer, which onnxruntime-web needs
 * for WebAssembly threads. Everything is served from our own origin, so `require-corp` costs nothing.
 */
export function addIsolationHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Embedder-Policy', 'require-corp');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('X-Content-Type-Options', 'nosniff');
  });
}
