import { describe, expect, it } from 'vitest';
import type { ImageDataset } from './image-dataset.js';
import { disjointHalves, subsetDataset, withClasses } from './translation-data.js';
import { getPairedTask, getUnpairedTask } from './translation-tasks.js';

function dataset(count: number, size: number, fill: (n: number, y: number, x: number) => number, labels?: number[]): ImageDataset {
  const pixels = new Uint8Array(count * size * size);
  for (let n = 0; n < count; n++) for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pixels[(n * size + y) * size + x] = fill(n, y, x);
  return { name: 'toy', count, height: size, width: size, numClasses: 10, pixels, labels: Uint8Array.from(labels ?? Array.from({ length: count }, (_, n) => n % 10)) };
}

// The builders themselves (dilation, masks, edges, the domain split) are @genzoo/metrics' and tested there;
// these tests cover the tasks train builds from them.
describe('inpainting masks', () => {
  it('the inpaint task masks by dataset index, so a batch and the held-out set agree', () => {
    const images = dataset(12, 28, () => 200);
    const task = getPairedTask('inpaint');
    const ids = [3, 9, 11];
    const batch = task.sources(subsetDataset(images, ids), ids, 5);
    const whole = task.sources(images, Array.from({ length: 12 }, (_, i) => i), 5);
    ids.forEach((id, row) => expect(batch.pixels.subarray(row * 784, (row + 1) * 784)).toEqual(whole.pixels.subarray(id * 784, (id + 1) * 784)));
  });
});

describe('translation tasks', () => {
  it('edges sources are the Sobel maps of the targets', () => {
    const square = dataset(1, 8, (_n, y, x) => (y >= 3 && y <= 4 && x >= 3 && x <= 4 ? 255 : 0));
    const edges = getPairedTask('edges').sources(square, [0], 0);
    expect(edges.pixels.some((v) => v === 255)).toBe(true);
    expect(edges.pixels[0]).toBe(0);
    expect(getPairedTask('edges').domains('fashion-mnist')).toMatchObject({ a: { name: 'edges' }, b: { name: 'fashion' } });
  });

  it('an unknown or missing --task is a one-line error listing the valid ones', () => {
    expect(() => getPairedTask('colorize')).toThrow("unknown --task 'colorize' for family 'pix2pix' (expected one of edges, inpaint)");
    expect(() => getUnpairedTask(undefined)).toThrow("family 'cyclegan' needs --task (one of shoes, thick)");
  });

  it('shoes: sneakers (7) ↔ ankle boots (9), nothing else', () => {
    const labels = [7, 9, 1, 7, 9, 9, 0, 7];
    const images = dataset(8, 4, () => 0, labels);
    const split = getUnpairedTask('shoes').split(images, Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7]));
    expect([...split.a]).toEqual([0, 3, 7]);
    expect([...split.b]).toEqual([1, 4, 5]);
    expect([...withClasses(images, Uint32Array.from([5, 6, 7]), [7])]).toEqual([7]);
  });

  it('thick: two disjoint halves covering every image, the b half thickened', () => {
    const indices = Uint32Array.from({ length: 101 }, (_, i) => i * 3);
    const [first, second] = disjointHalves(indices);
    expect(first.length).toBe(50);
    expect(second.length).toBe(51);
    const all = new Set([...first, ...second]);
    expect(all.size).toBe(101);
    expect([...first].some((i) => second.includes(i))).toBe(false);
    const task = getUnpairedTask('thick');
    const split = task.split(dataset(1, 4, () => 0), indices);
    expect([...split.a]).toEqual([...first]);
    const dot = dataset(1, 5, (_n, y, x) => (y === 2 && x === 2 ? 255 : 0));
    expect(task.images('b', dot).pixels.filter((v) => v === 255)).toHaveLength(9);
    expect(task.images('a', dot).pixels.filter((v) => v === 255)).toHaveLength(1);
  });
});
