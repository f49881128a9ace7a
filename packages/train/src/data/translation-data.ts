import * as tf from '@tensorflow/tfjs';
import { sobelEdges } from '@genzoo/metrics';
import type { ImageDataset } from './image-dataset.js';

/**
 * The task builders (edge maps, masks, dilation, the disjoint domain split) live in `@genzoo/metrics`, so that
 * evaluation rebuilds exactly the sources training saw; they work on train's `ImageDataset` unchanged.
 */
export { DOMAIN_SPLIT_SEED, MASK_JITTER, MASK_SIZE, THICKEN_WINDOW, disjointHalves, maskCorner, maskSquares, sobelEdges, subsetImages as subsetDataset, thicken, withClasses } from '@genzoo/metrics';

/** All pixels of a dataset as a [n, H, W, 1] tensor in [-1, 1]. */
export function signedImages(dataset: ImageDataset): tf.Tensor4D {
  const values = Float32Array.from(dataset.pixels, (byte) => (byte * 2) / 255 - 1);
  return tf.tensor4d(values, [dataset.count, dataset.height, dataset.width, dataset.channels ?? 1]);
}

/** Edge-map sources of images, index for index (Sobel maps thresholded at 0.5, as core's `sobelEdgeMap`). */
export function edgeSources(dataset: ImageDataset): ImageDataset {
  return sobelEdges(dataset);
}
