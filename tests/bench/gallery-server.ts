import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadModel } from '@genzoo/node';
import { startGallery } from '../helpers/gallery-server.js';
import { REPO_ROOT } from '../helpers/test-models.js';
import { time } from './timing.js';

const GRID = 64;
const MODEL = 'dcgan-mnist';

/** Milliseconds from spawning `npm start`'s server to its first served grid. */
async function coldStartMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps/gallery/dist/server/main.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`gallery exited with ${code}`)));
    });
    const response = await fetch(`${url}/api/models/${MODEL}/sample.png?n=${GRID}&seed=1`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`first grid failed: HTTP ${response.status}`);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * The gallery's server-side sampling under load: grids of 64 from dcgan-mnist over loopback, throughput
 * and latency, against raw onnxruntime-node sampling of the same model (the server's overhead), and
 * cold start from process spawn to the first grid.
 */
export async function benchGalleryServer(log: (line: string) => void): Promise<void> {
  const folder = join(REPO_ROOT, 'models', MODEL);
  if (!existsSync(join(folder, 'manifest.json'))) return log(`skipped: models/${MODEL} is missing`);
  log(`cold start (spawn → first ${GRID}-grid served): ${(await coldStartMs()).toFixed(0)} ms`);

  const model = await loadModel(folder, { device: 'cpu' });
  const raw = await time(() => model.sample({ n: GRID, seed: 7 }));
  await model.dispose();
  const rawRate = (GRID * 1000) / raw.medianMs;

  const server = await startGallery([folder]);
  try {
    for (const connections of [1, 8]) {
      let seed = 0;
      const result = await autocannon({
        url: server.url,
        connections,
        duration: 5,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/models/${MODEL}/sample.png?n=${GRID}&seed=${seed++}` }) }],
      });
      const served = (result.requests.average * GRID).toFixed(0);
      log(
        `server, ${connections} connection(s): ${result.requests.average.toFixed(1)} grids/s = ${served} samples/s, ` +
          `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx + result.errors} failures`,
      );
      log(`  served / raw onnxruntime-node samples/s: ${((result.requests.average * GRID) / rawRate).toFixed(2)} (raw ${rawRate.toFixed(0)} samples/s)`);
    }
  } finally {
    await server.stop();
  }
}
