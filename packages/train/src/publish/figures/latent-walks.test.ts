import { describe, expect, it } from 'vitest';
import { tensor, type ImageBatch } from '@genzoo/core';
import { ARITHMETIC_STEPS, arithmeticLatents, attributeVector, inkPerImage } from './latent-walks.js';

describe('latent arithmetic', () => {
  it('measures ink as the mean pixel of each image', () => {
    const batch = { images: tensor(new Float32Array([-1, -1, 1, 1, 0, 0.5]), [3, 1, 1, 2]) } as ImageBatch;
    expect([...inkPerImage(batch)]).toEqual([-1, 1, 0.25]);
  });

  it('takes the mean latent of the highest scores minus that of the lowest', () => {
    // Four 2-d latents scored 3, 0, 2, 1: the top two are rows 0 and 2, the bottom two rows 1 and 3.
    const latents = new Float32Array([10, 0, 0, 4, 6, 2, 2, 0]);
    expect([...attributeVector(latents, 2, [3, 0, 2, 1], [0, 0, 0, 0], 0.5)]).toEqual([(10 + 6 - 0 - 2) / 2, (0 + 2 - 4 - 0) / 2]);
  });

  it('ranks within each class and averages the classes, so the class itself is not the direction', () => {
    // Class 0 lies at x = 0 and class 1 at x = 10; within each, y grows with the score.
    const latents = new Float32Array([0, 0, 0, 2, 10, 0, 10, 4]);
    expect([...attributeVector(latents, 2, [0, 1, 5, 6], [0, 0, 1, 1], 0.5)]).toEqual([0, 3]);
  });

  it('adds each multiple of the vector along a row, leaving α = 0 as the base latent', () => {
    const base = new Float32Array([1, 2, -1, 0]);
    const out = arithmeticLatents(base, 2, new Float32Array([0.5, -1]));
    expect(out).toHaveLength(2 * ARITHMETIC_STEPS.length * 2);
    const zero = ARITHMETIC_STEPS.indexOf(0);
    expect([...out.slice(zero * 2, zero * 2 + 2)]).toEqual([1, 2]);
    const last = (ARITHMETIC_STEPS.length + ARITHMETIC_STEPS.length - 1) * 2;
    expect([...out.slice(last, last + 2)]).toEqual([-1 + 0.5, 0 - 1]);
  });
});
