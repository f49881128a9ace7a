import type { OnnxGraph, OnnxValue } from '@genzoo/tfjs-onnx';
import type { Pca } from '../pca.js';

/** The square image a PCA model's pixels form (side × side, one channel). */
export function imageSide(pca: Pca): number {
  const side = Math.round(Math.sqrt(pca.inputDims));
  if (side * side !== pca.inputDims) throw new Error(`PCA input of ${pca.inputDims} pixels is not a square image`);
  return side;
}

/** NCHW images [batch, 1, side, side] → PCA coordinates [batch, k]. */
export function emitProjection(graph: OnnxGraph, image: OnnxValue, pca: Pca): OnnxValue {
  const { inputDims: p, dims: k } = pca;
  const flat = graph.reshape(image, [-1, p]);
  const centred = graph.sub(flat, graph.constant('pca_mean', Float32Array.from(pca.mean), [p]));
  const basis = Float32Array.from({ length: p * k }, (_, index) => pca.components[(index % k) * p + Math.floor(index / k)]!);
  return graph.matMul(centred, graph.constant('pca_components_t', basis, [p, k]));
}

/** PCA coordinates [batch, k] → NCHW images [batch, 1, side, side] clipped to [0, 1]. */
export function emitReconstruction(graph: OnnxGraph, coordinates: OnnxValue, pca: Pca): OnnxValue {
  const { inputDims: p, dims: k } = pca;
  const pixels = graph.add(graph.matMul(coordinates, graph.constant('pca_components', Float32Array.from(pca.components), [k, p])), graph.constant('pca_mean', Float32Array.from(pca.mean), [p]));
  const side = imageSide(pca);
  return graph.reshape(graph.clip(pixels, 0, 1), [-1, 1, side, side]);
}
