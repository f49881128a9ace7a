import { benchBrowserSampling } from './browser-sampling.js';
import { benchConverter } from './converter.js';
import { benchEvaluation } from './evaluation.js';
import { benchGalleryServer } from './gallery-server.js';
import { benchSamplingSpeed } from './sampling-speed.js';
import { benchTrainingStep } from './training-step.js';

/** `npm run bench`: every benchmark, one after another, printed as it goes. */
const benchmarks: [string, (log: (line: string) => void) => Promise<void>][] = [
  ['sampling speed', benchSamplingSpeed],
  ['sampling in the browser (Chromium)', benchBrowserSampling],
  ['gallery server (loopback load, cold start)', benchGalleryServer],
  ['tfjs → ONNX converter', benchConverter],
  ['evaluation (genzoo eval)', benchEvaluation],
  ['training step (reference DCGAN, batch 64)', benchTrainingStep],
];

for (const [name, bench] of benchmarks) {
  console.log(`\n== ${name}`);
  await bench((line) => console.log(line));
}
