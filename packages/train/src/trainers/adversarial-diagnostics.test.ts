import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { getGanLoss } from '../losses/registry.js';
import { Rng } from '../random/rng.js';
import { AdversarialTrainer } from './adversarial-trainer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const LATENT = 3;
const BATCH = 4;

function tinyGan(discriminatorBias = 0): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  const z = tf.input({ shape: [LATENT] });
  const pixels = tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: tf.initializers.randomNormal({ seed: 1 }) }).apply(z) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: tf.layers.reshape({ targetShape: [2, 2, 1] }).apply(pixels) as tf.SymbolicTensor });
  const x = tf.input({ shape: [2, 2, 1] });
  const flat = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  const logit = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.randomNormal({ seed: 2 }), biasInitializer: tf.initializers.constant({ value: discriminatorBias }) }).apply(flat);
  return { generator, discriminator: tf.model({ inputs: x, outputs: logit as tf.SymbolicTensor }) };
}

const realBatch = (): tf.Tensor4D => tf.tensor4d(new Rng(3).normals(BATCH * 4), [BATCH, 2, 2, 1]);

function trainer(loss: string, diagnostics: boolean, discriminatorBias = 0, generatorRate = 0): AdversarialTrainer {
  return new AdversarialTrainer({
    ...tinyGan(discriminatorBias), latentDim: LATENT, batchSize: BATCH, loss, diagnostics,
    // D stands still, so the generator update sees the D the expectations below are computed with.
    generatorOptimizer: tf.train.sgd(generatorRate), discriminatorOptimizer: tf.train.sgd(0),
  });
}

describe('AdversarialTrainer diagnostics', () => {
  it('reports dFake = mean σ(D(G(z))) and gGrad = ‖∇G‖₂ of the generator update, and still applies that gradient', () => {
    const gan = trainer('non-saturating', true, 0, 0.1);
    const rng = new Rng(5);
    const replay = Rng.fromState(rng.getState());
    replay.normals(BATCH * LATENT); // the discriminator update's latents
    const z = tf.tensor2d(replay.normals(BATCH * LATENT), [BATCH, LATENT]);
    const fakeOutputs = (): tf.Tensor => gan.discriminator.apply(gan.generator.apply(z)) as tf.Tensor;
    const expectedDFake = tf.mean(tf.sigmoid(fakeOutputs())).dataSync()[0]!;
    const variables = gan.generator.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const { grads } = tf.variableGrads(() => getGanLoss('non-saturating').generator(fakeOutputs()), variables);
    const expectedNorm = Math.sqrt(Object.values(grads).reduce((sum, grad) => sum + tf.sum(tf.square(grad)).dataSync()[0]!, 0));
    const before = variables.map((variable) => variable.dataSync().slice());

    const losses = gan.step(realBatch, rng);
    expect(Object.keys(losses)).toEqual(['d', 'g', 'dFake', 'gGrad']);
    expect(losses.dFake).toBeCloseTo(expectedDFake, 5);
    expect(losses.gGrad).toBeCloseTo(expectedNorm, 5);
    variables.forEach((variable, index) => {
      const step = Array.from(variable.dataSync(), (value, i) => before[index]![i]! - value);
      const expected = Array.from(grads[variable.name]!.dataSync(), (grad) => 0.1 * grad);
      step.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
    });
  });

  it('reports nothing extra when off', () => {
    expect(Object.keys(trainer('non-saturating', false).step(realBatch, new Rng(6)))).toEqual(['d', 'g']);
  });

  it('shows saturation: against a D that confidently rejects the fakes, the minimax gradient all but vanishes and the non-saturating one does not', () => {
    const minimax = trainer('minimax', true, -8).step(realBatch, new Rng(7));
    const nonSaturating = trainer('non-saturating', true, -8).step(realBatch, new Rng(7));
    expect(minimax.dFake).toBeLessThan(1e-3);
    expect(nonSaturating.dFake).toBeCloseTo(minimax.dFake!, 6);
    // The logit gradients are σ(D) and 1 − σ(D), so the norms differ by about that ratio.
    expect(minimax.gGrad! / nonSaturating.gGrad!).toBeLessThan(2e-3);
  });
});
