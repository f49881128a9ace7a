import { expect } from 'vitest';
import { checkParity, logError, randomizeWeights, tfl } from './parity.js';

/** Parity bound required of every converter test. */
export const TOLERANCE = 1e-4;

/** Builds a Sequential from `layers`, randomizes it, and asserts ONNX/tfjs parity (batch 1 and 5). */
export async function expectSequentialParity(label: string, layers: tfl.layers.Layer[], options: Parameters<typeof checkParity>[1] = {}) {
  const model = tfl.sequential({ layers });
  return expectModelParity(label, model, options);
}

/** Randomizes `model` and asserts ONNX/tfjs parity. */
export async function expectModelParity(
  label: string,
  model: tfl.LayersModel,
  options: Parameters<typeof checkParity>[1] & { tolerance?: number } = {},
) {
  const { tolerance = TOLERANCE, ...rest } = options;
  randomizeWeights(model);
  const result = await checkParity(model, rest);
  logError(label, result);
  expect(result.maxError).toBeLessThanOrEqual(tolerance);
  return result;
}
