import { describe, expect, it } from 'vitest';
import { checkParity, logError, randomizeWeights, tfl } from '../../test-support/parity.js';

const TOLERANCE = 1e-4;

describe('core layers', () => {
  const activations = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'selu', 'softplus', 'softsign', 'relu6', 'hardSigmoid', 'swish', 'mish', 'gelu', 'gelu_new', 'logSoftmax'] as const;
  for (const activation of activations) {
    it(`Dense with activation ${activation}`, async () => {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [6], units: 5, activation: activation as never })] });
      randomizeWeights(model);
      const result = await checkParity(model);
      logError(`Dense ${activation}`, result);
      expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('Dense without bias on a rank-3 input, then Activation layer', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [3, 4], units: 6, useBias: false }), tfl.layers.activation({ activation: 'softmax' })],
    });
    randomizeWeights(model);
    const result = await checkParity(model);
    logError('Dense rank-3 + softmax', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
  });

  it('Reshape, Flatten, Dropout, Permute, RepeatVector', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ inputShape: [8], units: 24 }),
        tfl.layers.dropout({ rate: 0.5 }),
        tfl.layers.reshape({ targetShape: [2, 3, 4] }),
        tfl.layers.permute({ dims: [3, 1, 2] }),
        tfl.layers.flatten(),
        tfl.layers.repeatVector({ n: 3 }),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    randomizeWeights(model);
    const result = await checkParity(model);
    logError('reshaping chain', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
  });

  it('Dropout family is identity at inference', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ inputShape: [3, 4], units: 4 }),
        tfl.layers.spatialDropout1d({ rate: 0.3 }),
        tfl.layers.gaussianNoise({ stddev: 1 }),
        tfl.layers.gaussianDropout({ rate: 0.3 }),
        tfl.layers.alphaDropout({ rate: 0.3 }),
      ],
    });
    randomizeWeights(model);
    const result = await checkParity(model);
    logError('Dropout family', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.conversion.report.nodesByType).toEqual({ MatMul: 1, Add: 1 });
  });
});
