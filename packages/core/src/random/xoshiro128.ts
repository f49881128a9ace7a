/** Serializable state of an {@link Xoshiro128}: four unsigned 32-bit words plus a cached normal deviate. */
export interface Xoshiro128State {
  s: [number, number, number, number];
  spareNormal: number | null;
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Small seeded PRNG (xoshiro128** seeded through splitmix32) whose whole state can be saved in a
 * checkpoint and restored, so a resumed run draws the same numbers. `@genzoo/train` draws training noise,
 * data order and the fixed held-out splits with it, and `@genzoo/metrics` the same splits; samples that
 * users see come from {@link createRng} instead.
 */
export class Xoshiro128 {
  private s: [number, number, number, number];
  private spareNormal: number | null = null;

  constructor(seed: number) {
    const next = splitmix32(seed);
    this.s = [next(), next(), next(), next()];
  }

  /** Recreates a generator from {@link Xoshiro128.getState} output. */
  static fromState(state: Xoshiro128State): Xoshiro128 {
    const rng = new Xoshiro128(0);
    rng.setState(state);
    return rng;
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** Standard normal deviate (Box–Muller, second value cached). */
  nextNormal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    let u = 0;
    while (u === 0) u = this.nextFloat();
    const v = this.nextFloat();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Fills a new Float32Array with standard normal deviates. */
  normals(count: number): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.nextNormal();
    return out;
  }

  /** Copy of the state, JSON-serializable. */
  getState(): Xoshiro128State {
    return { s: [...this.s], spareNormal: this.spareNormal };
  }

  /** Restores a state captured by {@link Xoshiro128.getState}. */
  setState(state: Xoshiro128State): void {
    if (!Array.isArray(state.s) || state.s.length !== 4 || state.s.every((w) => w === 0)) {
      throw new Error('invalid RNG state: expected four 32-bit words, not all zero');
    }
    this.s = [state.s[0] >>> 0, state.s[1] >>> 0, state.s[2] >>> 0, state.s[3] >>> 0];
    this.spareNormal = state.spareNormal;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Seeded Fisher–Yates permutation of 0..n-1 (the dataset splits of training and evaluation). */
export function seededPermutation(n: number, seed: number): Uint32Array {
  const rng = new Xoshiro128(seed);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}
