import { describe, expect, it } from 'vitest';
import { headlineMetrics } from './metrics-format.js';

describe('headlineMetrics', () => {
  it('shows a sampler\'s FID, KID and IS, in that order', () => {
    expect(headlineMetrics({ inceptionScore: 6.4, fid: 69.8, kid: 8.3, precision: 0.4 })).toEqual([
      ['FID', '69.8'],
      ['KID', '8.30'],
      ['IS', '6.40'],
    ]);
  });

  it('shows a translator\'s per-direction figures, so translators are not "not evaluated"', () => {
    expect(headlineMetrics({ ssimA2b: 0.9439, fidA2b: 0.938, classAccuracyA2b: 0.975, heldOutL1: 0.04 }, 3)).toEqual([
      ['SSIM', '0.944'],
      ['class accuracy a→b', '0.975'],
      ['FID a→b', '0.9'],
    ]);
  });
});
