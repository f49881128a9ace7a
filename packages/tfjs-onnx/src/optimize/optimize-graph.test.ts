import { describe, expect, it } from 'vitest';
import { dcganDiscriminator, dcganGenerator } from '../../test-support/architectures.js';
import { expectModelParity, expectSequentialParity } from '../../test-support/expect-parity.js';
import { tfl } from '../../test-support/parity.js';
import { attr, decodeModelProto, getLayerConverter, OnnxDataType, registerLayerConverter } from '../index.js';

describe('graph optimisations', () => {
  it('DCGAN G: BN folded into Gemm/ConvTranspose, no Transpose, same result as unoptimised', async () => {
    const optimised = await expectModelParity('DCGAN G optimised', dcganGenerator());
    const plain = await expectModelParity('DCGAN G unoptimised', dcganGenerator(), { optimize: false });
    expect(optimised.conversion.report.transposes).toBe(0);
    expect(optimised.conversion.report.nodesByType).toEqual({ Gemm: 1, Relu: 2, Reshape: 1, ConvTranspose: 2, Tanh: 1 });
    expect(plain.conversion.report.transposes).toBe(1);
    expect(plain.conversion.report.nodesByType['Mul']).toBe(2);
  });

  it('DCGAN D: Flatten reads NCHW, Dense rows permuted, no Transpose', async () => {
    const result = await expectModelParity('DCGAN D optimised', dcganDiscriminator());
    expect(result.conversion.report.transposes).toBe(0);
  });

  it('keeps the Transpose when the reshaped tensor has other readers', async () => {
    const z = tfl.input({ shape: [4] });
    const dense = tfl.layers.dense({ units: 2 * 2 * 3 }).apply(z) as tfl.SymbolicTensor;
    const image = tfl.layers.reshape({ targetShape: [2, 2, 3] }).apply(dense) as tfl.SymbolicTensor;
    const conv = tfl.layers.conv2d({ filters: 2, kernelSize: 1 }).apply(image) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: z, outputs: [conv, dense] });
    const result = await expectModelParity('shared dense output', model);
    expect(result.conversion.report.transposes).toBe(1);
  });

  it('permutes per-feature constants between Flatten and Dense (BN after Flatten)', async () => {
    const result = await expectSequentialParity('Flatten → BN → Dense', [
      tfl.layers.conv2d({ inputShape: [4, 4, 3], filters: 2, kernelSize: 3, padding: 'same' }),
      tfl.layers.flatten(),
      tfl.layers.batchNormalization(),
      tfl.layers.leakyReLU({ alpha: 0.1 }),
      tfl.layers.dense({ units: 3 }),
    ]);
    expect(result.conversion.report.transposes).toBe(0);
  });

  it('does not fold a BN that follows an activation', async () => {
    const result = await expectSequentialParity('conv → relu → BN', [
      tfl.layers.conv2d({ inputShape: [4, 4, 3], filters: 2, kernelSize: 3, activation: 'relu' }),
      tfl.layers.batchNormalization(),
    ]);
    expect(result.conversion.report.nodesByType['Mul']).toBe(1);
  });

  it("layout 'naive' wraps every convolution in a Transpose pair, with the same numerics", async () => {
    const naive = await expectModelParity('DCGAN G naive layout', dcganGenerator(), { layout: 'naive' });
    // In and out of both ConvTransposes, plus NHWC → NCHW for the image output.
    expect(naive.conversion.report.transposes).toBe(5);
    expect(naive.conversion.report.nodesByType['ConvTranspose']).toBe(2);
    const d = await expectModelParity('DCGAN D naive layout', dcganDiscriminator(), { layout: 'naive' });
    expect(d.conversion.report.transposes).toBe(3);
  });

  it('folds constant subgraphs that converters emit (Transpose, Div, Reshape of weights)', async () => {
    const original = getLayerConverter('Dense')!;
    // A deliberately naive Dense: the kernel is stored transposed and scaled, and fixed up with ops.
    registerLayerConverter('Dense', {
      convert(ctx, call) {
        const x = call.inputs[0]!;
        const kernel = ctx.weight(call.layer, 'kernel');
        const [k, n] = kernel.shape as [number, number];
        const stored = new Float32Array(k * n);
        for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) stored[j * k + i] = kernel.data[i * n + j]! * 4;
        const wt = ctx.op('Transpose', [ctx.constFloat('w_t', stored, [n, k])], { perm: attr.ints([1, 0]) });
        const w = ctx.op('Div', [wt, ctx.scalar('four', 4)]);
        const flat = ctx.op('Reshape', [w, ctx.constInt64('flat', [-1])]);
        const w2 = ctx.op('Reshape', [flat, ctx.constInt64('square', [k, n])]);
        const bias = ctx.weight(call.layer, 'bias');
        const b = ctx.op('Cast', [ctx.constFloat('b', bias.data, [n])], { to: attr.int(OnnxDataType.FLOAT) });
        return [{ name: ctx.op('Gemm', [ctx.logical(x), w2, b], {}, call.name), perm: null }];
      },
    });
    try {
      const result = await expectSequentialParity('constant folding', [tfl.layers.dense({ inputShape: [5], units: 3 })]);
      expect(result.conversion.report.nodesByType).toEqual({ Gemm: 1 });
      expect(result.conversion.report.parameters).toBe(5 * 3 + 3);
    } finally {
      registerLayerConverter('Dense', original);
    }
  });

  it('stores weights as float16 with a Cast back to float32', async () => {
    const result = await expectModelParity('DCGAN G fp16', dcganGenerator(), { weightType: 'float16', tolerance: 2e-2 });
    const full = await expectModelParity('DCGAN G fp32', dcganGenerator());
    expect(result.conversion.report.bytes).toBeLessThan(full.conversion.report.bytes * 0.55);
    const graph = decodeModelProto(result.conversion.bytes).graph!;
    expect(graph.initializer!.some((t) => t.data_type === OnnxDataType.FLOAT16)).toBe(true);
    expect(graph.node!.filter((n) => n.op_type === 'Cast').length).toBeGreaterThan(0);
  });
});
