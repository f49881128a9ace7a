import { describe, expect, it } from 'vitest';
import { exampleTranslatorManifest } from '@genzoo/core/testing';
import type { Manifest } from '@genzoo/core';
import { disjointHalves, MASK_SIZE, maskCorner, maskSquares, sobelEdges, subsetImages, thicken, withClasses, type ImageBytes } from './translation-pairs.js';
import { domainImages, domainIndices, expectedClasses, hasCounterparts, pairedSources, taskSettings, translationTaskOf } from './translation-task.js';

/** `rows` as one image (one string per row, '#' = 255, '+' = 128, '.' = 0). */
function image(rows: string[]): ImageBytes & { labels: Uint8Array } {
  const pixels = Uint8Array.from(rows.join(''), (c) => (c === '#' ? 255 : c === '+' ? 128 : 0));
  return { name: 'toy', count: 1, height: rows.length, width: rows[0]!.length, pixels, labels: Uint8Array.of(3) };
}

function text(images: ImageBytes, n = 0): string[] {
  const { width, height } = images;
  return Array.from({ length: height }, (_, y) =>
    Array.from(images.pixels.subarray(n * width * height + y * width, n * width * height + (y + 1) * width), (v) => (v === 255 ? '#' : v === 0 ? '.' : '+')).join(''),
  );
}

describe('translation source builders', () => {
  it('marks Sobel edges where the gradient magnitude exceeds the threshold (borders replicated)', () => {
    const step = image(['..###', '..###', '..###']);
    // Columns 1 and 2 see the step (|gx| = 4·255 > 0.5·255); the flat areas and the replicated borders do not.
    expect(text(sobelEdges(step))).toEqual(['.##..', '.##..', '.##..']);
    expect(sobelEdges(step).name).toBe('toy-edges');
    // A faint step (grey 128, |gx| = 4·128/255 ≈ 2.0) is an edge at threshold 0.5 but not at 2.5.
    const faint = image(['..+++', '..+++', '..+++']);
    expect(text(sobelEdges(faint))).toEqual(['.##..', '.##..', '.##..']);
    expect(text(sobelEdges(faint, { threshold: 2.5 }))).toEqual(['.....', '.....', '.....']);
  });

  it('thickens strokes by grey-scale dilation, borders seeing only the image', () => {
    const dot = image(['.....', '.....', '..+..', '.....', '#....']);
    expect(text(thicken(dot))).toEqual(['.....', '.+++.', '.+++.', '##++.', '##...']);
    expect(text(thicken(dot, 1))).toEqual(text(dot));
    expect(() => thicken(dot, 2)).toThrow('dilation window must be an odd integer ≥ 1, got 2');
    expect(() => thicken({ ...dot, channels: 3 })).toThrow('thickening needs grayscale images, toy has 3 channels');
    expect(() => sobelEdges({ ...dot, channels: 3 })).toThrow('edge maps need grayscale images, toy has 3 channels');
  });

  it('places masks by dataset index and seed alone, inside the image and near its centre', () => {
    const corners = Array.from({ length: 500 }, (_, index) => maskCorner(index, 7, 28, 28, 10, 4));
    expect(maskCorner(42, 7, 28, 28, 10, 4)).toEqual(corners[42]);
    for (const { top, left } of corners) {
      for (const value of [top, left]) expect(value >= 5 && value <= 13).toBe(true); // centre 9 ± 4
    }
    expect(new Set(corners.map(({ top, left }) => `${top},${left}`)).size).toBeGreaterThan(60); // all 81 offsets are in use
    expect(maskCorner(42, 8, 28, 28, 10, 4)).not.toEqual(corners[42]);
    // Pinned: a change here means training and evaluation masks no longer agree with shipped models.
    expect([0, 1, 2, 1000].map((index) => maskCorner(index, 1, 28, 28, 10, 4))).toEqual([
      { top: 12, left: 6 },
      { top: 5, left: 5 },
      { top: 13, left: 12 },
      { top: 7, left: 11 },
    ]);
  });

  it('blanks exactly the mask square of each image, chosen by its id', () => {
    const white: ImageBytes = { name: 'white', count: 2, height: 28, width: 28, pixels: new Uint8Array(2 * 784).fill(255) };
    const masked = maskSquares(white, [5, 900], 3);
    for (const [n, id] of [[0, 5], [1, 900]] as const) {
      const { top, left } = maskCorner(id, 3, 28, 28);
      const size = MASK_SIZE;
      for (let y = 0; y < 28; y++) {
        for (let x = 0; x < 28; x++) {
          const inside = y >= top && y < top + size && x >= left && x < left + size;
          expect(masked.pixels[n * 784 + y * 28 + x]).toBe(inside ? 0 : 255);
        }
      }
    }
    expect(white.pixels.every((v) => v === 255)).toBe(true); // the input is untouched
    expect(() => maskSquares(white, [1], 3)).toThrow('need one id per image: 1 ids for 2 images');
  });

  it('splits indices into two disjoint seeded halves, and filters by class', () => {
    const indices = Uint32Array.from({ length: 101 }, (_, i) => i * 3);
    const [a, b] = disjointHalves(indices, 5);
    expect([a.length, b.length]).toEqual([50, 51]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from(indices));
    expect(disjointHalves(indices, 5)).toEqual([a, b]);
    expect(disjointHalves(indices, 6)[0]).not.toEqual(a);
    const labels = Uint8Array.from({ length: 400 }, (_, i) => i % 10);
    expect(Array.from(withClasses({ labels }, Uint32Array.of(7, 9, 17, 8, 19, 27), [7, 9]))).toEqual([7, 9, 17, 19, 27]);
  });

  it('copies subsets with their labels', () => {
    const set = { count: 3, height: 1, width: 2, pixels: Uint8Array.of(1, 2, 3, 4, 5, 6), labels: Uint8Array.of(7, 8, 9) };
    expect(subsetImages(set, [2, 0])).toEqual({ count: 2, height: 1, width: 2, pixels: Uint8Array.of(5, 6, 1, 2), labels: Uint8Array.of(9, 7) });
  });
});

function translator(training: Record<string, unknown>, twoWay: boolean): Manifest {
  const manifest = exampleTranslatorManifest();
  if (!twoWay) delete manifest.graphs.b2a;
  return { ...manifest, training: { seed: 11, ...training } };
}

describe('translation tasks from manifests', () => {
  it('reads pix2pix sources from training.task, with the run seed as the mask seed when none is recorded', () => {
    const edges = translationTaskOf(translator({ task: { name: 'edges', source: 'sobel-edges', edgeThreshold: 0.4 } }, false));
    expect(edges).toEqual({ kind: 'paired', source: 'sobel-edges', edgeThreshold: 0.4 });
    expect(taskSettings(edges)).toEqual({ edgeThreshold: 0.4 });
    const inpaint = translationTaskOf(translator({ task: { source: 'masked-square', maskSize: 10, maskJitter: 4 } }, false));
    expect(inpaint).toEqual({ kind: 'paired', source: 'masked-square', maskSize: 10, maskJitter: 4, maskSeed: 11 });
    // …or flat in `dataset`, as written in the manifest file (the schema keeps only the fields it knows).
    const manifest = translator({}, false);
    expect(translationTaskOf(manifest, { ...manifest.dataset, source: 'sobel-edges' })).toEqual({ kind: 'paired', source: 'sobel-edges', edgeThreshold: 0.5 });
  });

  it('builds paired sources image for image', () => {
    const targets = image(['..###', '..###', '..###']);
    const task = translationTaskOf(translator({ task: { source: 'sobel-edges', edgeThreshold: 0.5 } }, false));
    expect(task.kind === 'paired' && text(pairedSources(task, targets, [0]))).toEqual(['.##..', '.##..', '.##..']);
  });

  it('reads CycleGAN domains and splits held-out images the way training does', () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => i % 10);
    const held = Uint32Array.from({ length: 200 }, (_, i) => i * 5 + 2);
    const shoes = translationTaskOf(translator({ task: { domainA: { classes: [7] }, domainB: { classes: [9] } } }, true));
    expect(shoes.kind).toBe('unpaired');
    if (shoes.kind !== 'unpaired') return;
    const split = domainIndices(shoes, { labels }, held);
    expect(Array.from(split.a)).toEqual(Array.from(withClasses({ labels }, held, [7])));
    expect(Array.from(split.b)).toEqual(Array.from(withClasses({ labels }, held, [9])));
    expect(hasCounterparts(shoes)).toBe(false);
    expect(Array.from(expectedClasses(shoes, 'a2b', Uint8Array.of(7, 7))!)).toEqual([9, 9]);
    expect(Array.from(expectedClasses(shoes, 'b2a', Uint8Array.of(9))!)).toEqual([7]);

    const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const thick = translationTaskOf(
      translator({ task: { domainA: { classes: all, half: 0 }, domainB: { classes: all, half: 1, transform: 'dilation-3x3' }, domainSplitSeed: 99 } }, true),
    );
    if (thick.kind !== 'unpaired') throw new Error('expected an unpaired task');
    const halves = domainIndices(thick, { labels }, held);
    expect([Array.from(halves.a), Array.from(halves.b)]).toEqual(disjointHalves(held, 99).map((half) => Array.from(half)));
    expect(hasCounterparts(thick)).toBe(true);
    expect(Array.from(expectedClasses(thick, 'a2b', Uint8Array.of(4, 1))!)).toEqual([4, 1]);
    const dot = image(['.....', '.....', '..#..', '.....', '.....']);
    expect(text(domainImages(thick, 'b', dot, [0]))).toEqual(text(thicken(dot)));
    expect(domainImages(thick, 'a', dot, [0]).pixels).toEqual(dot.pixels);
  });

  it('says in one line what a manifest lacks', () => {
    expect(() => translationTaskOf(translator({}, false))).toThrow(
      'tiny-translator: its manifest does not record how its light images are made (training.task with "source" or "domainA"/"domainB"), so evaluation cannot rebuild them',
    );
    expect(() => translationTaskOf(translator({ task: { source: 'sketch' } }, false))).toThrow('tiny-translator: unknown translation source "sketch" (known: sobel-edges, masked-square)');
    expect(() => translationTaskOf(translator({ task: { source: 'sobel-edges' } }, true))).toThrow('a two-way translator needs "domainA" and "domainB"');
    expect(() => translationTaskOf(translator({ task: { domainA: {}, domainB: { transform: 'blur' } } }, true))).toThrow(
      'tiny-translator: domainB.transform: unknown transform "blur" (known: dilation-<k>x<k>)',
    );
    const overlapping = translationTaskOf(translator({ task: { domainA: { classes: [1, 2] }, domainB: { classes: [2] } } }, true));
    if (overlapping.kind !== 'unpaired') throw new Error('expected an unpaired task');
    expect(() => domainIndices(overlapping, { labels: Uint8Array.of(2) }, Uint32Array.of(0))).toThrow('the two domains of this task share images');
  });
});
