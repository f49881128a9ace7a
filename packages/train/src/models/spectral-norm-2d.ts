import * as tf from '@tensorflow/tfjs';
import { Rng } from '../random/rng.js';
import type { MlpWeights } from './mlp-2d.js';

function unit(x: tf.Tensor2D): tf.Tensor2D {
  return tf.div(x, tf.add(tf.norm(x), 1e-12)) as tf.Tensor2D;
}

/**
 * Spectral normalization (Miyato et al. 2018) of a functional MLP's kernels: each W becomes W / σ(W),
 * σ estimated by one power iteration per {@link refresh}, with the singular vectors held fixed while
 * gradients are taken (as in the paper), so only W carries the gradient.
 */
export class SpectralNorm {
  private left: tf.Tensor2D[];
  private right: tf.Tensor2D[];
  private readonly outputLayerFree: boolean;

  /**
   * `weights` is `[W0, b0, …]`; one persistent right singular vector per kernel, seeded. With `outputLayerFree`
   * the last kernel is left as it is.
   */
  constructor(weights: MlpWeights, seed: number, outputLayerFree = false) {
    this.outputLayerFree = outputLayerFree;
    const rng = new Rng(seed);
    this.right = weights.filter((_, i) => i % 2 === 0).map((w) => tf.keep(unit(tf.tensor2d(rng.normals(w.shape[1]!), [1, w.shape[1]!]))));
    this.left = this.right.map((u, i) => tf.keep(tf.tidy(() => unit(tf.matMul(u, weights[2 * i] as tf.Tensor2D, false, true)))));
  }

  /** One power iteration on the current kernels (call once per discriminator update, outside any gradient). */
  refresh(weights: MlpWeights): void {
    const next = tf.tidy(() =>
      this.right.map((u, i) => {
        const w = weights[2 * i] as tf.Tensor2D;
        const v = unit(tf.matMul(u, w, false, true));
        return [v, unit(tf.matMul(v, w))] as const;
      }),
    );
    tf.dispose([...this.left, ...this.right]);
    this.left = next.map(([v]) => tf.keep(v));
    this.right = next.map(([, u]) => tf.keep(u));
  }

  /** The weights with every kernel (but the last, when it is free) divided by its estimated largest singular value vᵀWu. */
  normalize(weights: MlpWeights): tf.Tensor[] {
    return weights.map((w, i) => {
      if (i % 2 === 1 || (this.outputLayerFree && i === weights.length - 2)) return w;
      const k = i / 2;
      const sigma = tf.sum(tf.mul(tf.matMul(this.left[k]!, w as tf.Tensor2D), this.right[k]!));
      return tf.div(w, sigma);
    });
  }

  dispose(): void {
    tf.dispose([...this.left, ...this.right]);
  }
}
