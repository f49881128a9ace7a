import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { InputError } from '../errors.js';

/** Largest seed accepted: seeds are unsigned 32-bit integers so every runtime reads them the same way. */
export const MAX_SEED = 0xffff_ffff;

/** A seeded stream of random numbers; identical for the same seed in every JavaScript runtime. */
export interface Rng {
  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal (polar Box–Muller; the spare value is kept, so draws come in pairs). */
  normal(): number;
  /** Integer uniform in [0, n). */
  integer(n: number): number;
  /** Everything needed to continue this exact stream later, e.g. from a training checkpoint. */
  state(): RngState;
}

/** Serializable state of an {@link Rng} (plain JSON). */
export interface RngState {
  generator: number[];
  spareNormal: number | null;
}

/** Throws an InputError unless `seed` is an integer in [0, 2^32). */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  }
}

/**
 * Spreads a 32-bit seed over xoroshiro128+'s 128-bit state with splitmix32. Seeding the generator with
 * the raw integer (as `xoroshiro128plus(seed)` does) leaves most state bits fixed, so small seeds all
 * start with a first draw of ~1.0 and neighbouring seeds give correlated streams.
 */
function expandSeed(seed: number): number[] {
  let state = seed >>> 0;
  const words: number[] = [];
  for (let word = 0; word < 4; word++) {
    state = (state + 0x9e3779b9) | 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    words.push((mixed ^ (mixed >>> 16)) | 0);
  }
  // An all-zero state would emit zeros forever; splitmix32 never gives four zero words, but be certain.
  return words.some((word) => word !== 0) ? words : [1, 0, 0, 0];
}

/** Creates the PRNG for `seed` (xoroshiro128+ from pure-rand). */
export function createRng(seed: number): Rng {
  assertSeed(seed);
  return rngFromState({ generator: expandSeed(seed), spareNormal: null });
}

/** Continues a stream saved with {@link Rng.state}. */
export function restoreRng(saved: RngState): Rng {
  const valid =
    Array.isArray(saved?.generator) &&
    saved.generator.length === 4 &&
    saved.generator.every((word) => Number.isInteger(word)) &&
    (saved.spareNormal === null || Number.isFinite(saved.spareNormal));
  if (!valid) throw new InputError('invalid random state: expected { generator: [4 integers], spareNormal: number | null }');
  return rngFromState(saved);
}

function rngFromState(saved: RngState): Rng {
  const generator = xoroshiro128plusFromState(saved.generator);
  let spare: number | undefined = saved.spareNormal ?? undefined;
  const uniform = (): number => uniformFloat64(generator);
  return {
    uniform,
    normal(): number {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * factor;
      return u * factor;
    },
    integer(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new InputError(`integer range must be a positive integer, got ${n}`);
      return Math.floor(uniform() * n);
    },
    state: () => ({ generator: [...generator.getState()], spareNormal: spare ?? null }),
  };
}
