import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { decodeModelProto } from '../onnx/onnx-proto.js';
import { OnnxGraph } from './onnx-graph.js';

async function run(bytes: Uint8Array, feeds: Record<string, { data: number[]; dims: number[] }>): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const tensors = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor('float32', Float32Array.from(t.data), t.dims)]));
  try {
    return await session.run(tensors);
  } finally {
    await session.release();
  }
}

describe('OnnxGraph', () => {
  it('builds an affine map with a log-sum-exp reduction that onnxruntime runs', async () => {
    const g = new OnnxGraph('affine');
    const x = g.input('x', ['batch', 2]);
    const w = g.constant('w', [1, 2, 3, 4, 5, 6], [2, 3]);
    const y = g.add(g.matMul(x, w), g.constant('b', [0.5, -0.5, 0], [3]));
    g.output(y, 'y', ['batch', 3]);
    g.output(g.reduceLogSumExp(y, [1]), 'lse', ['batch']);
    const built = g.build({ docString: 'test', metadata: { k: 'v' } });
    expect(built.nodesByType).toMatchObject({ MatMul: 1, Add: 1, ReduceLogSumExp: 1 });
    expect(built.parameters).toBe(9);
    const out = await run(built.bytes, { x: { data: [1, 0, 0, 1], dims: [2, 2] } });
    expect(Array.from(out.y!.data as Float32Array)).toEqual([1.5, 1.5, 3, 4.5, 4.5, 6]);
    const lse = (row: number[]): number => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
    expect(out.lse!.dims).toEqual([2]);
    expect((out.lse!.data as Float32Array)[0]).toBeCloseTo(lse([1.5, 1.5, 3]), 5);
    expect((out.lse!.data as Float32Array)[1]).toBeCloseTo(lse([4.5, 4.5, 6]), 5);
    expect(decodeModelProto(built.bytes).graph?.output?.map((o) => o.name)).toEqual(['y', 'lse']);
  });

  it('reshapes, transposes, unsqueezes, reduces and clips', async () => {
    const g = new OnnxGraph('shapes');
    const x = g.input('x', ['batch', 4]);
    const grid = g.reshape(x, [-1, 2, 2]);
    const swapped = g.transpose(grid, [0, 2, 1]);
    const summed = g.reduceSum(g.mul(swapped, g.unsqueeze(g.constant('s', [1, 10], [2]), [0])), [2]);
    g.output(g.clip(summed, 0, 25), 'out', ['batch', 2]);
    const out = await run(g.build().bytes, { x: { data: [1, 2, 3, 4], dims: [1, 4] } });
    // [[1,2],[3,4]]ᵀ = [[1,3],[2,4]]; rows · [1,10] = [31, 42], clipped to 25.
    expect(Array.from(out.out!.data as Float32Array)).toEqual([25, 25]);
  });

  it('passes an input straight through as an output', async () => {
    const g = new OnnxGraph('identity');
    const x = g.input('x', ['batch', 2]);
    g.output(x, 'same', ['batch', 2]);
    const out = await run(g.build().bytes, { x: { data: [7, 8], dims: [1, 2] } });
    expect(Array.from(out.same!.data as Float32Array)).toEqual([7, 8]);
  });

  it('rejects inconsistent shapes, wrong declared outputs and bad opsets in one line', () => {
    const g = new OnnxGraph('bad');
    const x = g.input('x', ['batch', 3]);
    g.output(g.matMul(x, g.constant('w', [1, 2, 3, 4], [2, 2])), 'y', ['batch', 2]);
    expect(() => g.build()).toThrow(/inner dimensions differ/);

    const h = new OnnxGraph('declared');
    h.output(h.reduceSum(h.input('x', ['batch', 3]), [1]), 'y', ['batch', 3]);
    expect(() => h.build()).toThrow(/declared float32 \[batch, 3\]/);

    expect(() => new OnnxGraph('old', 13)).toThrow(/opset from 18/);
    expect(() => new OnnxGraph('empty').build()).toThrow(/no outputs/);
    const dup = new OnnxGraph('dup');
    dup.input('x', [1]);
    expect(() => dup.input('x', [1])).toThrow(/used twice/);
  });
});
