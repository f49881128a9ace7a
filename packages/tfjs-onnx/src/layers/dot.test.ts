import { describe, expect, it } from 'vitest';
import { expectModelParity } from '../../test-support/expect-parity.js';
import { tfl, useCpuBackend } from '../../test-support/parity.js';
import { convertLayersModel, UnsupportedLayersError } from '../index.js';

type T = tfl.SymbolicTensor;

function dotModel(shapeA: number[], shapeB: number[], axes: number | [number, number], normalize: boolean): tfl.LayersModel {
  const a = tfl.input({ shape: shapeA, name: 'a' });
  const b = tfl.input({ shape: shapeB, name: 'b' });
  const out = tfl.layers.dot({ axes, normalize, name: 'dot' }).apply([a, b]) as T;
  return tfl.model({ inputs: [a, b], outputs: out });
}

describe('Dot', () => {
  const cases: [label: string, shapeA: number[], shapeB: number[], axes: number | [number, number]][] = [
    ['rank 2, axes 1', [6], [6], 1],
    ['rank 2, axes -1', [6], [6], -1],
    ['rank 2, axes [1, 1]', [6], [6], [1, 1]],
    ['rank 3, axes 2', [3, 5], [4, 5], 2],
    ['rank 3, axes -1', [3, 5], [4, 5], -1],
    ['rank 3, axes 1', [5, 3], [5, 4], 1],
    ['rank 3, axes [2, 1] (batch matmul)', [3, 5], [5, 4], [2, 1]],
    ['rank 3, axes [1, 2]', [5, 3], [4, 5], [1, 2]],
    ['rank 3, axes [-2, -1]', [5, 3], [4, 5], [-2, -1]],
    ['rank 3 · rank 2, axes [2, 1]', [3, 5], [5], [2, 1]],
    ['rank 3 · rank 2, axes -1', [3, 5], [5], -1],
    ['rank 2 · rank 3, axes [1, 1]', [5], [5, 4], [1, 1]],
    ['rank 2 · rank 3, axes [1, 2]', [5], [4, 5], [1, 2]],
    ['rank 2 · rank 3, axes -1', [5], [4, 5], -1],
  ];
  for (const normalize of [false, true]) {
    for (const [label, shapeA, shapeB, axes] of cases) {
      it(`${label}, normalize ${normalize}`, async () => {
        const result = await expectModelParity(`Dot ${label} normalize ${normalize}`, dotModel(shapeA, shapeB, axes, normalize));
        expect(result.conversion.report.nodesByType['MatMul']).toBe(1);
        if (normalize) expect(result.conversion.report.nodesByType['ReduceSumSquare']).toBe(2);
      });
    }
  }

  it('normalize at opsets 13 and 18 (ReduceSumSquare axes attribute vs input)', async () => {
    for (const opset of [13, 18]) {
      await expectModelParity(`Dot normalize opset ${opset}`, dotModel([3, 5], [4, 5], -1, true), { opset });
    }
  });

  it('after a Conv1D (channels-first input) and inside a larger model', async () => {
    const a = tfl.input({ shape: [8, 3], name: 'a' });
    const b = tfl.input({ shape: [8, 3], name: 'b' });
    const fa = tfl.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(a) as T;
    const fb = tfl.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(b) as T;
    const attention = tfl.layers.dot({ axes: 2 }).apply([fa, fb]) as T; // [8, 8]
    const weighted = tfl.layers.dot({ axes: [2, 1] }).apply([tfl.layers.activation({ activation: 'softmax' }).apply(attention) as T, fb]) as T; // [8, 4]
    const model = tfl.model({ inputs: [a, b], outputs: weighted });
    await expectModelParity('Dot attention after Conv1D', model);
  });

  it('rejects a Dot over the batch axis naming layer, class and option', async () => {
    await useCpuBackend();
    const a = tfl.input({ shape: [6] });
    const b = tfl.input({ shape: [6] });
    const out = tfl.layers.dot({ axes: 0, name: 'batch_dot' }).apply([a, b]) as T;
    const model = tfl.model({ inputs: [a, b], outputs: out });
    let error: unknown;
    try {
      convertLayersModel(model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedLayersError);
    expect((error as Error).message).toMatch(/batch_dot \(Dot\): option axes 0 is not supported/);
  });
});
