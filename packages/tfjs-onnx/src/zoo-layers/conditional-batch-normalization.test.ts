import { describe, expect, it } from 'vitest';
import { expectModelParity } from '../../test-support/expect-parity.js';
import { tf, tfl, useCpuBackend } from '../../test-support/parity.js';
import { conditionalBatchNormalization, type Conditioning } from '../index.js';

const CLASSES = 4;
const oneHot = (shape: number[], i: number): tf.Tensor =>
  i === 1 ? tf.cast(tf.oneHot(tf.randomUniform([shape[0]!], 0, CLASSES, 'int32', 21), CLASSES), 'float32') : tf.randomNormal(shape, 0, 1, 'float32', 11);

/** image → conv → CBN(·, class) → ReLU → conv. */
function conditionedConvNet(conditioning: Conditioning = 'onehot', conditionSize = CLASSES): tfl.LayersModel {
  const image = tfl.input({ shape: [6, 6, 3], name: 'image' });
  const label = tfl.input({ shape: [conditionSize], name: 'label' });
  const h = tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same' }).apply(image) as tfl.SymbolicTensor;
  const n = conditionalBatchNormalization({ conditioning }).apply([h, label]) as tfl.SymbolicTensor;
  const r = tfl.layers.reLU().apply(n) as tfl.SymbolicTensor;
  const out = tfl.layers.conv2d({ filters: 2, kernelSize: 1 }).apply(r) as tfl.SymbolicTensor;
  return tfl.model({ inputs: [image, label], outputs: out });
}

describe('ConditionalBatchNormalization', () => {
  it('one-hot classes after a conv: the normalization folds into the conv, γ/β are Gemms', async () => {
    const result = await expectModelParity('CBN one-hot conv', conditionedConvNet(), { makeInput: oneHot });
    expect(result.conversion.report.transposes).toBe(0);
    expect(result.conversion.report.nodesByType).toMatchObject({ Conv: 2, Gemm: 2, Reshape: 2, Mul: 1, Add: 1 });
  });

  it('class ids through an Embedding (embedding conditioning) on a dense feature vector', async () => {
    const z = tfl.input({ shape: [8], name: 'z' });
    const label = tfl.input({ shape: [1], name: 'label' });
    const embedded = tfl.layers.flatten().apply(tfl.layers.embedding({ inputDim: 10, outputDim: 6 }).apply(label)) as tfl.SymbolicTensor;
    const h = tfl.layers.dense({ units: 12 }).apply(z) as tfl.SymbolicTensor;
    const n = conditionalBatchNormalization({ conditioning: 'embedding', epsilon: 1e-5 }).apply([h, embedded]) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: [z, label], outputs: n });
    await expectModelParity('CBN embedding dense', model, {
      makeInput: (shape, i) => (i === 1 ? tf.floor(tf.randomUniform(shape, 0, 10, 'float32', 3)) : tf.randomNormal(shape, 0, 1, 'float32', 4)),
    });
  });

  it('after Dense → Reshape the layout Transpose is absorbed into the Dense', async () => {
    const z = tfl.input({ shape: [8], name: 'z' });
    const label = tfl.input({ shape: [CLASSES], name: 'label' });
    const h = tfl.layers.reshape({ targetShape: [3, 3, 4] }).apply(tfl.layers.dense({ units: 36 }).apply(z)) as tfl.SymbolicTensor;
    const n = conditionalBatchNormalization().apply([h, label]) as tfl.SymbolicTensor;
    const out = tfl.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same' }).apply(tfl.layers.reLU().apply(n)) as tfl.SymbolicTensor;
    const result = await expectModelParity('CBN after reshape', tfl.model({ inputs: [z, label], outputs: out }), { makeInput: oneHot });
    expect(result.conversion.report.transposes).toBe(0);
  });

  it('NHWC boundary keeps parity', async () => {
    await expectModelParity('CBN NHWC', conditionedConvNet(), { makeInput: oneHot, imageLayout: 'NHWC' });
  });

  it('training uses batch statistics and updates the moving ones; inference uses the per-class γ/β row', async () => {
    await useCpuBackend();
    const x = tfl.input({ shape: [3] });
    const c = tfl.input({ shape: [2] });
    const layer = conditionalBatchNormalization({ momentum: 0.5, epsilon: 0 });
    const model = tfl.model({ inputs: [x, c], outputs: layer.apply([x, c]) as tfl.SymbolicTensor });
    const [gamma, beta] = [tf.tensor2d([[1, 2, 3], [-1, 0.5, 2]]), tf.tensor2d([[0, 0, 0], [1, 1, 1]])];
    model.setWeights([gamma, beta, tf.zeros([3]), tf.ones([3])]);
    const features = tf.tensor2d([[1, 2, 3], [3, 6, 9]]);
    const classes = tf.tensor2d([[1, 0], [0, 1]]);
    const trained = (model.apply([features, classes], { training: true }) as tf.Tensor).arraySync() as number[][];
    // Batch mean [2, 4, 6], batch variance [1, 4, 9]: x̂ = ∓1 per column.
    expect(trained[0]).toEqual([-1, -2, -3]);
    expect(trained[1]).toEqual([0, 1.5, 3]);
    const [, , movingMean, movingVariance] = model.getWeights();
    expect(Array.from(movingMean!.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(movingVariance!.dataSync())).toEqual([1, 2.5, 5]);
    const inferred = (model.predict([features, classes]) as tf.Tensor).arraySync() as number[][];
    expect(inferred[1]![0]).toBeCloseTo(-(3 - 1) / 1 + 1, 5);
  });

  it('can be trained with fit and round-trips through serialization', async () => {
    await useCpuBackend();
    const model = conditionedConvNet('embedding', 3);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const xs = [tf.randomNormal([8, 6, 6, 3], 0, 1, 'float32', 1), tf.randomNormal([8, 3], 0, 1, 'float32', 2)];
    const ys = tf.randomNormal([8, 6, 6, 2], 0, 1, 'float32', 3);
    const history = await model.fit(xs, ys, { epochs: 5, batchSize: 8, verbose: 0 });
    const losses = history.history['loss'] as number[];
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    const restored = await tfl.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as never });
    restored.setWeights(model.getWeights());
    const diff = tf.max(tf.abs(tf.sub(restored.predict(xs) as tf.Tensor, model.predict(xs) as tf.Tensor))).dataSync()[0];
    expect(diff).toBe(0);
  });
});
