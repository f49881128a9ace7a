import * as tf from '@tensorflow/tfjs';
import { GRID_25 } from '@genzoo/metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { Rng } from '../random/rng.js';
import { dataScale } from './gan-2d-data.js';
import { createGan2dRun } from './gan-2d-run.js';
import { GAN_2D_DEFAULTS } from './gan-2d-settings.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const tiny = { ...GAN_2D_DEFAULTS, steps: 2, batchSize: 8, generatorHidden: [8], discriminatorHidden: [8] };

describe('createGan2dRun', () => {
  it('trains in coordinates divided by the data scale and ships a generator in data coordinates', () => {
    expect(dataScale(GRID_25)).toBe(4);
    const run = createGan2dRun({ ...tiny, generatorBatchNorm: true }, GRID_25, 1);
    run.step();
    const shipped = run.shippable();
    const z = tf.tensor2d(new Rng(9).normals(6), [3, 2]);
    const exported = (shipped.apply(z, { training: false }) as tf.Tensor).dataSync();
    const sampled = run.sample(3, 9);
    exported.forEach((v, i) => expect(v).toBeCloseTo(sampled[i]!, 4));
    const raw = (run.generator.apply(z, { training: false }) as tf.Tensor).dataSync();
    raw.forEach((v, i) => expect(4 * v).toBeCloseTo(sampled[i]!, 4));
    run.dispose();
  });

  it('decays learning rates linearly and averages weights when asked', () => {
    const run = createGan2dRun({ ...tiny, learningRateDecay: 'linear', emaDecay: 0.5 }, GRID_25, 2);
    const losses = [run.step(), run.step()];
    expect(losses.every((l) => Number.isFinite(l['d']) && Number.isFinite(l['g']))).toBe(true);
    run.dispose();
  });

  it('refuses settings that do not apply, in one line', () => {
    expect(() => createGan2dRun({ ...tiny, method: 'veegan', pack: 2 }, GRID_25, 1)).toThrow('veegan-2d takes no --pack, --unrolled or --n-critic');
    expect(() => createGan2dRun({ ...tiny, emaDecay: 1 }, GRID_25, 1)).toThrow('EMA decay must be in (0, 1), got 1');
  });
});
