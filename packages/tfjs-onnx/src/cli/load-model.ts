import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { CliError, firstLine } from './cli-error.js';
import type { ModelFiles } from './model-files.js';

let backend: Promise<boolean> | undefined;

/** Builds the tfjs model from files read by `readModelFiles` (cpu backend); one-line error on failure. */
export async function buildLayersModel(files: ModelFiles): Promise<tfl.LayersModel> {
  // Prod mode silences tfjs's "install tfjs-node" banner on stderr; the CLI prints only its report.
  tf.enableProdMode();
  backend ??= tf.setBackend('cpu');
  await backend;
  try {
    return await tfl.loadLayersModel({ load: () => Promise.resolve(files.artifacts) });
  } catch (error) {
    throw new CliError(`cannot build the model in ${files.modelJsonPath}: ${firstLine((error as Error).message)}`);
  }
}
