import { MAX_SAMPLES, tensor, type Generator } from '@genzoo/core';
import type { ReferenceDataset } from '../data/reference-dataset.js';

/**
 * Mean natural-log density (nats per image) of the held-out images under a model's density graph.
 * Images go in as the graph takes them: NCHW floats in [0, 1] (or NHWC; one channel holds the same plane).
 */
export async function heldOutLogDensity(generator: Generator, dataset: ReferenceDataset, heldOut: Uint32Array): Promise<number> {
  const density = generator.manifest.graphs.density;
  const input = density?.inputs.find((spec) => spec.role === 'image');
  if (!density || !input) throw new Error(`${generator.manifest.id} has no density graph over images`);
  const [low, high] = input.range ?? [0, 1];
  const plane = dataset.width * dataset.height;
  let total = 0;
  for (let start = 0; start < heldOut.length; start += MAX_SAMPLES) {
    const indices = heldOut.subarray(start, Math.min(heldOut.length, start + MAX_SAMPLES));
    const data = new Float32Array(indices.length * plane);
    indices.forEach((index, i) => {
      for (let j = 0; j < plane; j++) data[i * plane + j] = low + ((high - low) * dataset.pixels[index * plane + j]!) / 255;
    });
    const dims = input.layout === 'NHWC' ? [indices.length, dataset.height, dataset.width, 1] : [indices.length, 1, dataset.height, dataset.width];
    const { logDensity } = await generator.logDensity(tensor(data, dims));
    for (const value of logDensity.data) total += value;
  }
  return total / heldOut.length;
}
