import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '@genzoo/node';
import { launchChromium } from '../browser/chromium.js';
import { startGallery } from '../helpers/gallery-server.js';
import { REPO_ROOT } from '../helpers/test-models.js';
import { time } from './timing.js';

const BATCH = 64;
const MODEL = 'dcgan-mnist';
const RUNS = 20;

/**
 * dcgan-mnist at batch 64 in headless Chromium (onnxruntime-web in the gallery's worker; WebGPU on
 * SwiftShader here) against onnxruntime-node on one thread: samples/s and the browser/Node ratio.
 */
export async function benchBrowserSampling(log: (line: string) => void): Promise<void> {
  const folder = join(REPO_ROOT, 'models', MODEL);
  if (!existsSync(join(folder, 'manifest.json'))) return log(`skipped: models/${MODEL} is missing`);
  const node = await loadModel(folder, { device: 'cpu', threads: 1 });
  const nodeTiming = await time(() => node.sample({ n: BATCH, seed: 7 }));
  await node.dispose();
  log(`onnxruntime-node cpu, 1 thread: ${((BATCH * 1000) / nodeTiming.medianMs).toFixed(0)} samples/s (median ${nodeTiming.medianMs.toFixed(2)} ms)`);

  const server = await startGallery([folder]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => typeof window.genzooCall === 'function');
    for (const device of ['wasm', 'webgpu'] as const) {
      const times = await page.evaluate(
        async ([id, d, n, runs]) => {
          const call = { capability: 'sample' as const, n, seed: 7 };
          for (let warm = 0; warm < 3; warm++) await window.genzooCall(id, d, call);
          const spent: number[] = [];
          for (let run = 0; run < runs; run++) {
            const started = performance.now();
            await window.genzooCall(id, d, call);
            spent.push(performance.now() - started);
          }
          return spent.sort((a, b) => a - b);
        },
        [MODEL, device, BATCH, RUNS] as const,
      );
      const median = times[Math.floor(times.length / 2)]!;
      log(
        `onnxruntime-web ${device} (Chromium, worker): ${((BATCH * 1000) / median).toFixed(0)} samples/s (median ${median.toFixed(2)} ms per batch, ` +
          `incl. worker round trip); browser/Node time ratio ${(median / nodeTiming.medianMs).toFixed(1)}×`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
