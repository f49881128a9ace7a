import { tensor, type TensorData } from '@genzoo/core';
import type { ImageDataset } from '../../data/image-dataset.js';
import { splitDataset } from '../../data/split.js';

/** Held-out images, NCHW floats in [0, 1], with their class labels. */
export interface HeldOutImages {
  images: TensorData;
  labels: number[];
}

/**
 * The first `count` held-out images of a dataset's fixed split (the images every genzoo model holds out),
 * ready for a Generator's `encode` or `reconstruct`.
 */
export function heldOutImages(dataset: ImageDataset, evalCount: number, count: number): HeldOutImages {
  const indices = splitDataset(dataset, evalCount).eval;
  if (count > indices.length) throw new Error(`asked for ${count} held-out images, but ${dataset.name} holds out ${indices.length}`);
  const channels = dataset.channels ?? 1;
  const plane = dataset.height * dataset.width;
  const data = new Float32Array(count * plane * channels);
  for (let image = 0; image < count; image++) {
    const base = indices[image]! * plane * channels;
    for (let pixel = 0; pixel < plane; pixel++) {
      for (let channel = 0; channel < channels; channel++) {
        // Bytes are interleaved (HWC); the graphs take planar NCHW.
        data[(image * channels + channel) * plane + pixel] = dataset.pixels[base + pixel * channels + channel]! / 255;
      }
    }
  }
  return {
    images: tensor(data, [count, channels, dataset.height, dataset.width]),
    labels: Array.from(indices.subarray(0, count), (index) => dataset.labels[index]!),
  };
}
