import { expect } from 'vitest';
import { checkParity, logError, randomizeWeights, tfl } from './parity.js';

/** Absolute parity bound required of every converter test. */
export const TOLERANCE = 1e-4;
/** Relative L2 bound in float32 (issue 3); float16 weights get {@link REL_L2_FP16}. */
export const REL_L2 = 1e-5;
export const REL_L2_FP16 = 1e-2;

/** Builds a Sequential from `layers`, randomizes it, and asserts ONNX/tfjs parity (batch 1 and 5). */
export async function expectSequentialParity(
  label: string,
  layers: tfl.layers.Layer[],
  options: Parameters<typeof checkParity>[1] & { tolerance?: number; relTolerance?: number } = {},
) {
  const model = tfl.sequential({ layers });
  return expectModelParity(label, model, options);
}

/** Randomizes `model` and asserts ONNX/tfjs parity: max abs error and relative L2 error. */
export async function expectModelParity(
  label: string,
  model: tfl.LayersModel,
  options: Parameters<typeof checkParity>[1] & { tolerance?: number; relTolerance?: number; seed?: number; keepWeights?: boolean } = {},
) {
  const fp16 = options.weightType === 'float16';
  const { tolerance = TOLERANCE, relTolerance = fp16 ? REL_L2_FP16 : REL_L2, keepWeights = false, ...rest } = options;
  if (!keepWeights) randomizeWeights(model);
  const result = await checkParity(model, rest);
  logError(label, result);
  expect(result.maxError).toBeLessThanOrEqual(tolerance);
  expect(result.relL2).toBeLessThanOrEqual(relTolerance);
  return result;
}
