import { GenzooError, MAX_SAMPLES, tensor, type Evaluation, type Manifest } from '@genzoo/core';
import { loadModel } from '@genzoo/node';
import { featureMatrix } from '../features/feature-matrix.js';
import type { Mixture2d } from '../synthetic/mixtures.js';
import { modeMetrics } from '../synthetic/mode-metrics.js';
import type { EvaluateOptions, EvaluationOutcome } from './evaluate-model.js';
import { POINT_DATASETS, POINT_PROTOCOL } from './point-protocol.js';
import { toolName } from './protocol.js';

/** log p(x) of an equal-weight isotropic Gaussian mixture (log-sum-exp over modes). */
export function mixtureLogDensity(mixture: Mixture2d, x: number, y: number): number {
  const variance = mixture.std ** 2;
  const terms = mixture.centres.map(([cx, cy]) => -((x - cx) ** 2 + (y - cy) ** 2) / (2 * variance));
  const max = Math.max(...terms);
  const sum = terms.reduce((total, term) => total + Math.exp(term - max), 0);
  return max + Math.log(sum) - Math.log(mixture.centres.length) - Math.log(2 * Math.PI * variance);
}

function mean(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total / values.length;
}

/**
 * Evaluates a model of 2-D points: the mean log-density of held-out points (fresh draws from the
 * dataset's true distribution, through the model's density graph, when it has one) and, for sets with discrete modes
 * (ring, grid), the 2-D mode metrics of VEEGAN/PacGAN over 2,500 samples, with the true density's own
 * score on the same points recorded in the protocol settings as the ceiling.
 */
export async function evaluatePointsModel(
  folder: string,
  manifest: Manifest,
  options: EvaluateOptions & { n: number; seed: number; started: number },
): Promise<EvaluationOutcome> {
  if (options.n > MAX_SAMPLES) throw new GenzooError(`n must be at most ${MAX_SAMPLES} for a points model, got ${options.n}`, 'E_EVAL');
  const truth = POINT_DATASETS[manifest.dataset.name];
  if (!truth) throw new GenzooError(`no held-out distribution for 2-D dataset "${manifest.dataset.name}" (known: ${Object.keys(POINT_DATASETS).join(', ')})`, 'E_EVAL');
  if (manifest.points?.dims !== 2) throw new GenzooError(`${manifest.id}: the 2-D protocol needs points with 2 coordinates`, 'E_EVAL');
  const density = manifest.graphs.density;
  // The graph the figures depend on besides the samples: the density graph, else (a GAN) the generator.
  const scored = density ?? manifest.graphs.generator!;
  const generator = await loadModel(folder, { cwd: options.cwd, env: options.env, device: options.device, threads: options.threads });
  try {
    let stage = performance.now();
    const { points } = await generator.samplePoints({ n: options.n, seed: options.seed });
    const generateSeconds = (performance.now() - stage) / 1000;
    stage = performance.now();
    const heldOut = truth.sample(manifest.dataset.heldOutSize || 2000, POINT_PROTOCOL.heldOutSeed);
    const figures: Record<string, number> = {};
    if (density) figures.heldOutLogDensity = mean((await generator.logDensity(tensor(heldOut.data, [heldOut.rows, 2]))).logDensity.data);
    const settings: Record<string, number> = { heldOutSamples: heldOut.rows, heldOutSeed: POINT_PROTOCOL.heldOutSeed };
    if (truth.modes) {
      const modes = modeMetrics(featureMatrix(points.data as Float32Array, options.n, 2), truth.modes);
      Object.assign(figures, { modesCaptured: modes.modesCaptured, highQuality: modes.highQuality, reverseKl: modes.reverseKl });
      const trueLogDensity = mean(Array.from({ length: heldOut.rows }, (_, i) => mixtureLogDensity(truth.modes!, heldOut.data[2 * i]!, heldOut.data[2 * i + 1]!)));
      Object.assign(settings, { modes: modes.modes, modeStd: truth.modes.std, highQualityRadius: 3 * truth.modes.std, trueHeldOutLogDensity: trueLogDensity });
    }
    const metricSeconds = (performance.now() - stage) / 1000;
    options.log?.(`${options.n} samples (${generateSeconds.toFixed(1)} s), ${heldOut.rows} held-out points scored (${metricSeconds.toFixed(1)} s)`);
    const total = (performance.now() - options.started) / 1000;
    const protocol: Evaluation = {
      tool: toolName(),
      n: options.n,
      seed: options.seed,
      // A points model is measured with its own graphs; recording the hash makes --check notice a changed graph.
      extractor: { id: manifest.id, file: scored.file, sha256: scored.sha256 },
      reference: { dataset: manifest.dataset.name, split: 'held-out', size: heldOut.rows },
      settings,
      figures: Object.keys(figures),
      seconds: Math.round(total * 10) / 10,
      evaluatedAt: new Date().toISOString(),
    };
    return {
      folder,
      manifest,
      figures,
      protocol,
      seconds: { generate: generateSeconds, reference: 0, features: 0, metrics: metricSeconds, total },
      referenceCached: true,
      memorizationPairs: [],
    };
  } finally {
    await generator.dispose();
  }
}
