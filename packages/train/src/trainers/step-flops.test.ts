import { describe, expect, it } from 'vitest';
import { buildDcganMnistDiscriminator, buildDcganMnistGenerator } from '../models/dcgan-mnist.js';
import { adversarialStepFlops, layerMacs } from './step-flops.js';

describe('FLOPs of the reference DCGAN step', () => {
  it('counts each layer by hand', () => {
    expect(layerMacs(buildDcganMnistGenerator()).map((l) => [l.name, l.macs, l.first])).toEqual([
      ['g_dense', 64 * 3136, true],
      ['g_deconv1', 7 * 7 * 16 * 64 * 32, false],
      ['g_deconv2', 14 * 14 * 16 * 32 * 1, false],
    ]);
    expect(layerMacs(buildDcganMnistDiscriminator()).map((l) => [l.name, l.macs, l.first])).toEqual([
      ['d_conv1', 14 * 14 * 16 * 1 * 32, true],
      ['d_conv2', 7 * 7 * 16 * 32 * 64, false],
      ['d_logit', 3136, false],
    ]);
  });

  it('totals ≈ 2.9 GFLOP at batch 64', () => {
    const flops = adversarialStepFlops(buildDcganMnistGenerator(), buildDcganMnistDiscriminator(), 64);
    // Per example: D update 23,921,408 + G update 21,293,440 FLOPs (worked out by hand from the MACs above).
    expect(flops.total).toBe((23_921_408 + 21_293_440) * 64);
  });
});
