import { describe, expect, it } from 'vitest';
import { describeParity, describePointParity, parityPairs, pointParity, worstPerPanel } from './parity.js';

const image = (values: number[]) => ({ width: 1, height: 1, data: new Uint8ClampedArray(values) });

describe('parity', () => {
  it('compares every pair of finished runtimes', () => {
    const pairs = parityPairs({ server: image([10, 10, 10, 255]), wasm: image([10, 11, 10, 255]), webgpu: image([10, 10, 12, 255]) });
    expect(pairs).toEqual([
      { a: 'server', b: 'webgpu', maxDifference: 2 },
      { a: 'server', b: 'wasm', maxDifference: 1 },
      { a: 'webgpu', b: 'wasm', maxDifference: 2 },
    ]);
    expect(describeParity(pairs)).toBe('Parity (max pixel difference): server ↔ WebGPU 2/255 · server ↔ WASM 1/255 · WebGPU ↔ WASM 2/255 — runtimes differ');
  });

  it('names the provider that really ran when a panel fell back', () => {
    const pairs = parityPairs({ webgpu: image([1, 1, 1, 255]), wasm: image([1, 1, 1, 255]) });
    expect(describeParity(pairs, { server: 'server', webgpu: 'WebGPU panel (ran on wasm)', wasm: 'WASM' })).toBe(
      'Parity (max pixel difference): WebGPU panel (ran on wasm) ↔ WASM 0/255 — runtimes agree',
    );
  });

  it('says when there is nothing to compare', () => {
    expect(describeParity(parityPairs({ wasm: image([0, 0, 0, 255]) }))).toBe('Parity: needs two runtimes that finished.');
  });

  it('compares point sets relative to their scale', () => {
    const parity = pointParity({ server: [1, 2, -4, 0], wasm: [1, 2, -4, 0], webgpu: [1, 2.0002, -4, 0] });
    expect(parity.scale).toBe(4);
    expect(parity.pairs.map((pair) => pair.maxDifference)).toEqual([expect.closeTo(0.0002, 8), 0, expect.closeTo(0.0002, 8)]);
    expect(describePointParity(parity)).toBe(
      'Parity (max coordinate difference, relative): server ↔ WebGPU 5.0e-5 · server ↔ WASM 0.0e+0 · WebGPU ↔ WASM 5.0e-5 — runtimes agree',
    );
    expect(describePointParity(pointParity({ server: [1, 1], wasm: [1, 1.01] }))).toMatch(/runtimes differ$/);
  });

  it('gives each panel its worst difference for the badge', () => {
    const pairs = parityPairs({ server: image([10, 10, 10, 255]), wasm: image([10, 11, 10, 255]), webgpu: image([10, 10, 10, 255]) });
    expect(worstPerPanel(pairs)).toEqual({ server: 1, webgpu: 1, wasm: 1 });
    expect(worstPerPanel(parityPairs({ server: image([0, 0, 0, 255]), webgpu: image([5, 0, 0, 255]) }))).toEqual({ server: 5, webgpu: 5 });
    expect(worstPerPanel([])).toEqual({});
  });
});
