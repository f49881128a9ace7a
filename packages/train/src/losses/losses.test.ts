import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { F_DIVERGENCES } from './f-divergences.js';
import { GAN_LOSSES, getGanLoss } from './registry.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const REAL = [0, 2];
const FAKE = [-1, 1];
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function evaluate(name: string, realLabel?: number): { d: number; g: number } {
  const loss = getGanLoss(name);
  const real = tf.tensor1d(REAL);
  const fake = tf.tensor1d(FAKE);
  const d = loss.discriminator(real, fake, realLabel === undefined ? {} : { realLabel });
  const g = loss.generator(fake);
  const out = { d: d.dataSync()[0]!, g: g.dataSync()[0]! };
  tf.dispose([real, fake, d, g]);
  return out;
}

describe('GAN losses against hand-computed values (real = [0, 2], fake = [−1, 1])', () => {
  it('minimax and non-saturating: −log σ(real) − log(1 − σ(fake))', () => {
    // −log σ(0) = log 2 = 0.693147; −log σ(2) = 0.126928; −log(1 − σ(−1)) = 0.313262; −log(1 − σ(1)) = 1.313262
    const d = (0.693147 + 0.126928) / 2 + (0.313262 + 1.313262) / 2;
    const minimax = evaluate('minimax');
    expect(minimax.d).toBeCloseTo(d, 5);
    expect(minimax.g).toBeCloseTo(-(0.313262 + 1.313262) / 2, 5); // mean log(1 − σ(fake))
    const ns = evaluate('non-saturating');
    expect(ns.d).toBeCloseTo(d, 5);
    expect(ns.g).toBeCloseTo((1.313262 + 0.313262) / 2, 5); // mean −log σ(fake)
  });

  it('one-sided label smoothing changes only the real term', () => {
    const smoothed = evaluate('non-saturating', 0.9);
    const realTerm = mean(REAL.map((r) => -(0.9 * Math.log(sigmoid(r)) + 0.1 * Math.log(1 - sigmoid(r)))));
    const fakeTerm = mean(FAKE.map((f) => -Math.log(1 - sigmoid(f))));
    expect(smoothed.d).toBeCloseTo(realTerm + fakeTerm, 5);
    expect(() => evaluate('hinge', 0.9)).toThrow(/does not support label smoothing/);
  });

  it('wasserstein: E[fake] − E[real] = 0 − 1; G: −E[fake] = 0', () => {
    const { d, g } = evaluate('wasserstein');
    expect(d).toBeCloseTo(-1, 6);
    expect(g).toBeCloseTo(0, 6);
  });

  it('hinge: mean(relu(1 − [0, 2])) + mean(relu(1 + [−1, 1])) = 0.5 + 1', () => {
    const { d, g } = evaluate('hinge');
    expect(d).toBeCloseTo(1.5, 6);
    expect(g).toBeCloseTo(0, 6);
  });

  it('least squares: ½·mean([1, 1]) + ½·mean([1, 1]) = 1; G: ½·mean([4, 0]) = 1', () => {
    const { d, g } = evaluate('least-squares');
    expect(d).toBeCloseTo(1, 6);
    expect(g).toBeCloseTo(1, 6);
  });

  // Table 2 of Nowozin et al. 2016 written literally: output activation g_f and conjugate f*.
  const table: Record<string, { g: (v: number) => number; fStar: (t: number) => number }> = {
    kl: { g: (v) => v, fStar: (t) => Math.exp(t - 1) },
    'reverse-kl': { g: (v) => -Math.exp(-v), fStar: (t) => -1 - Math.log(-t) },
    'jensen-shannon': { g: (v) => Math.log(2) - Math.log(1 + Math.exp(-v)), fStar: (t) => -Math.log(2 - Math.exp(t)) },
    pearson: { g: (v) => v, fStar: (t) => 0.25 * t * t + t },
    'squared-hellinger': { g: (v) => 1 - Math.exp(-v), fStar: (t) => t / (1 - t) },
    'total-variation': { g: (v) => 0.5 * Math.tanh(v), fStar: (t) => t },
  };

  it('covers exactly the six divergences of the f-GAN table', () => {
    expect(F_DIVERGENCES.map((f) => f.key).sort()).toEqual(Object.keys(table).sort());
  });

  for (const [key, { g, fStar }] of Object.entries(table)) {
    it(`f-gan-${key}: D = E_fake[f*(g(v))] − E_real[g(v)], G = −E_fake[g(v)]`, () => {
      const { d, g: gLoss } = evaluate(`f-gan-${key}`);
      expect(d).toBeCloseTo(mean(FAKE.map((v) => fStar(g(v)))) - mean(REAL.map(g)), 5);
      expect(gLoss).toBeCloseTo(-mean(FAKE.map(g)), 5);
    });
  }

  it('hand values for two f-GAN entries (KL and Pearson)', () => {
    // KL: mean(exp(−2), exp(0)) − mean(0, 2) = (0.135335 + 1)/2 − 1
    expect(evaluate('f-gan-kl').d).toBeCloseTo(0.567668 - 1, 5);
    // Pearson: f*(v) = v²/4 + v → mean(−0.75, 1.25) − 1 = −0.75
    expect(evaluate('f-gan-pearson').d).toBeCloseTo(-0.75, 6);
  });

  it('stays finite for large outputs where the literal formulas overflow', () => {
    for (const loss of GAN_LOSSES.values()) {
      const big = tf.tensor1d([-30, 30]);
      const d = loss.discriminator(big, big);
      const g = loss.generator(big);
      if (!loss.name.includes('kl') && !loss.name.includes('hellinger')) {
        expect(Number.isFinite(d.dataSync()[0]!), loss.name).toBe(true);
      }
      expect(Number.isNaN(g.dataSync()[0]!), loss.name).toBe(false);
      tf.dispose([big, d, g]);
    }
  });

  it('unknown names give a one-line error listing the known losses', () => {
    expect(() => getGanLoss('wgan')).toThrow(/^unknown loss 'wgan' \(expected one of non-saturating, minimax, wasserstein, hinge, least-squares, f-gan-kl/);
  });
});
