import * as tf from '@tensorflow/tfjs';

/** An optimizer's slot variables (e.g. Adam moments and step count), serialized. */
export interface OptimizerState {
  specs: tf.io.WeightsManifestEntry[];
  data: Uint8Array;
}

/** Captures the optimizer's state; empty before its first step. */
export async function saveOptimizerState(optimizer: tf.Optimizer): Promise<OptimizerState> {
  const weights = await optimizer.getWeights();
  const { data, specs } = await tf.io.encodeWeights(weights);
  return { specs, data: new Uint8Array(data) };
}

/** Restores state captured by {@link saveOptimizerState} (order matters: it matches variables by position). */
export async function loadOptimizerState(optimizer: tf.Optimizer, state: OptimizerState): Promise<void> {
  if (state.specs.length === 0) return;
  const buffer = state.data.buffer.slice(state.data.byteOffset, state.data.byteOffset + state.data.byteLength) as ArrayBuffer;
  const decoded = tf.io.decodeWeights(buffer, state.specs);
  await optimizer.setWeights(state.specs.map((spec) => {
    const tensor = decoded[spec.name];
    if (tensor === undefined) throw new Error(`optimizer state lacks '${spec.name}'`);
    return { name: spec.name, tensor };
  }));
}
