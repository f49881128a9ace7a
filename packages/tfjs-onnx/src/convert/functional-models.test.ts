import { describe, expect, it } from 'vitest';
import { expectModelParity } from '../../test-support/expect-parity.js';
import { tf, tfl } from '../../test-support/parity.js';

type T = tfl.SymbolicTensor;
const apply = (layer: tfl.layers.Layer, x: T | T[]): T => layer.apply(x) as T;

/** One-hot rows of `n` classes (for label inputs). */
const oneHot = (n: number) => (shape: number[], i: number) =>
  i === 1 ? tf.cast(tf.oneHot(tf.tensor1d(Array.from({ length: shape[0]! }, (_, k) => (k * 3 + 1) % n), 'int32'), n), 'float32') : tf.randomNormal(shape, 0, 1, 'float32', 11 + i);

describe('functional models: shared layers, nested models, multiple inputs', () => {
  it('the same Dense applied to two inputs, outputs concatenated', async () => {
    const a = tfl.input({ shape: [6], name: 'a' });
    const b = tfl.input({ shape: [6], name: 'b' });
    const shared = tfl.layers.dense({ units: 4, activation: 'tanh', name: 'shared_dense' });
    const out = apply(tfl.layers.concatenate(), [apply(shared, a), apply(shared, b)]);
    const model = tfl.model({ inputs: [a, b], outputs: out });
    const result = await expectModelParity('shared Dense', model);
    const r = result.conversion.report.nodesByType;
    expect((r['MatMul'] ?? 0) + (r['Gemm'] ?? 0)).toBe(2);
  });

  it('the same Conv2D applied to two image inputs, outputs concatenated (channels)', async () => {
    const a = tfl.input({ shape: [8, 8, 3], name: 'a' });
    const b = tfl.input({ shape: [8, 8, 3], name: 'b' });
    const shared = tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', name: 'shared_conv' });
    const merged = apply(tfl.layers.concatenate(), [apply(shared, a), apply(shared, b)]);
    const out = apply(tfl.layers.conv2d({ filters: 2, kernelSize: 1 }), merged);
    const model = tfl.model({ inputs: [a, b], outputs: out });
    const result = await expectModelParity('shared Conv2D', model);
    expect(result.conversion.report.nodesByType['Conv']).toBe(3);
    expect(result.conversion.report.transposes).toBe(0);
  });

  it('shared Dense and shared Conv2D in one model (Siamese-style, flattened features concatenated)', async () => {
    const a = tfl.input({ shape: [6, 6, 2], name: 'a' });
    const b = tfl.input({ shape: [6, 6, 2], name: 'b' });
    const conv = tfl.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' });
    const flatten = tfl.layers.flatten();
    const dense = tfl.layers.dense({ units: 5, activation: 'sigmoid' });
    const embed = (x: T) => apply(dense, apply(flatten, apply(conv, x)));
    const out = apply(tfl.layers.concatenate(), [embed(a), embed(b)]);
    const model = tfl.model({ inputs: [a, b], outputs: out });
    await expectModelParity('shared Conv2D + Flatten + Dense', model);
  });

  it('a Sequential sub-model used as a layer twice inside a functional model', async () => {
    const encoder = tfl.sequential({
      name: 'encoder',
      layers: [tfl.layers.dense({ inputShape: [6], units: 8, activation: 'relu' }), tfl.layers.dense({ units: 3 })],
    });
    const a = tfl.input({ shape: [6], name: 'a' });
    const b = tfl.input({ shape: [6], name: 'b' });
    const out = apply(tfl.layers.concatenate(), [apply(encoder, a), apply(encoder, b)]);
    const model = tfl.model({ inputs: [a, b], outputs: apply(tfl.layers.dense({ units: 2 }), out) });
    await expectModelParity('nested Sequential applied twice', model);
  });

  it('a functional conv sub-model used as a layer (once, then a second time on its own output)', async () => {
    const inner = tfl.input({ shape: [8, 8, 4] });
    const innerOut = apply(tfl.layers.batchNormalization(), apply(conv2d(4), inner));
    const block = tfl.model({ name: 'block', inputs: inner, outputs: apply(tfl.layers.add(), [inner, apply(tfl.layers.reLU(), innerOut)]) });
    const x = tfl.input({ shape: [8, 8, 3], name: 'x' });
    const h = apply(conv2d(4), x);
    const y = apply(block, apply(block, h));
    const model = tfl.model({ inputs: x, outputs: apply(tfl.layers.globalAveragePooling2d({}), y) });
    const result = await expectModelParity('nested functional block twice', model);
    expect(result.conversion.report.nodesByType['Conv']).toBe(3);
  });

  it('a model nested two levels deep', async () => {
    const innermost = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [4], units: 4, activation: 'tanh' })] });
    const mid = tfl.input({ shape: [4] });
    const middle = tfl.model({ inputs: mid, outputs: apply(tfl.layers.dense({ units: 3 }), apply(innermost, mid)) });
    const x = tfl.input({ shape: [4], name: 'x' });
    const model = tfl.model({ inputs: x, outputs: apply(middle, apply(innermost, x)) });
    await expectModelParity('nested two levels', model);
  });

  it('conditional generator: z and a one-hot label concatenated', async () => {
    const z = tfl.input({ shape: [8], name: 'z' });
    const label = tfl.input({ shape: [4], name: 'label' });
    let h = apply(tfl.layers.concatenate(), [z, label]);
    h = apply(tfl.layers.dense({ units: 4 * 4 * 8, useBias: false }), h);
    h = apply(tfl.layers.reLU(), apply(tfl.layers.batchNormalization(), h));
    h = apply(tfl.layers.reshape({ targetShape: [4, 4, 8] }), h);
    h = apply(tfl.layers.conv2dTranspose({ filters: 4, kernelSize: 4, strides: 2, padding: 'same' }), h);
    h = apply(tfl.layers.leakyReLU({ alpha: 0.2 }), h);
    const image = apply(tfl.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same', activation: 'tanh' }), h);
    const model = tfl.model({ inputs: [z, label], outputs: image });
    const result = await expectModelParity('conditional generator (z ⧺ one-hot label)', model, { makeInput: oneHot(4) });
    expect(result.conversion.inputs.map((i) => i.name)).toEqual(['z', 'label']);
  });

  it('conditional generator with a nested label-embedding sub-model and shared Dense', async () => {
    const embedder = tfl.sequential({ name: 'label_embedding', layers: [tfl.layers.dense({ inputShape: [4], units: 8, useBias: false })] });
    const z = tfl.input({ shape: [8], name: 'z' });
    const label = tfl.input({ shape: [4], name: 'label' });
    const shared = tfl.layers.dense({ units: 6, activation: 'relu' });
    const h = apply(tfl.layers.concatenate(), [apply(shared, z), apply(shared, apply(embedder, label))]);
    const model = tfl.model({ inputs: [z, label], outputs: apply(tfl.layers.dense({ units: 3, activation: 'tanh' }), h) });
    await expectModelParity('conditional generator with nested embedding', model, { makeInput: oneHot(4) });
  });
});

function conv2d(filters: number): tfl.layers.Layer {
  return tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'same' });
}
