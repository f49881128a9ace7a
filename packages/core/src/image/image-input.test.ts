import { describe, expect, it } from 'vitest';
import { tensor } from '../tensor.js';
import { exampleManifest, exampleTranslatorManifest } from '../testing/example-manifest.js';
import { imageInputOf, luminance, rgbaImagesToTensor } from './image-input.js';
import { tensorToRgbaImages, type RgbaImage } from './rgba.js';

/** A width × height image whose bytes run through 0..255 (so every level appears), fully opaque. */
function ramp(width: number, height: number, grey: boolean, offset = 0): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const value = (pixel * 7 + offset) % 256;
    data.set(grey ? [value, value, value, 255] : [value, (value * 3) % 256, 255 - value, 255], pixel * 4);
  }
  return { width, height, data };
}

describe('rgbaImagesToTensor', () => {
  it.each([
    ['NCHW', [-1, 1], 1],
    ['NHWC', [-1, 1], 1],
    ['NCHW', [0, 1], 3],
    ['NHWC', [-1, 1], 3],
    ['NCHW', [-3, 5], 3],
  ] as const)('round-trips every byte through tensorToRgbaImages (%s, range %j, %i channels)', (layout, range, channels) => {
    const images = [ramp(16, 18, channels === 1), ramp(16, 18, channels === 1, 100)];
    const batch = rgbaImagesToTensor(images, { layout, range, channels });
    expect(batch.dims).toEqual(layout === 'NCHW' ? [2, channels, 18, 16] : [2, 18, 16, channels]);
    expect(Math.min(...batch.data)).toBeCloseTo(range[0]);
    expect(Math.max(...batch.data)).toBeCloseTo(range[1]);
    const back = tensorToRgbaImages(batch, { layout, range });
    expect(back.map((image) => Array.from(image.data))).toEqual(images.map((image) => Array.from(image.data)));
  });

  it('reads colour as luminance for grey models, and composites alpha over black', () => {
    const pixels = Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0, 255, 255, 255, 128]);
    const grey = rgbaImagesToTensor([{ width: 5, height: 1, data: pixels }], { layout: 'NCHW', range: [0, 1], channels: 1 });
    expect(grey.dims).toEqual([1, 1, 1, 5]);
    expect(Array.from(grey.data).map((value) => Number(value.toFixed(4)))).toEqual([0.299, 0.587, 0.114, 0, 0.502]);
    expect(luminance(10, 10, 10)).toBeCloseTo(10, 12);
  });

  it('puts NCHW colour planes and NHWC pixels where tensorToRgbaImages reads them', () => {
    const image = { width: 2, height: 1, data: Uint8ClampedArray.from([255, 0, 0, 255, 0, 0, 255, 255]) };
    expect(Array.from(rgbaImagesToTensor([image], { layout: 'NCHW', range: [0, 1], channels: 3 }).data)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(Array.from(rgbaImagesToTensor([image], { layout: 'NHWC', range: [0, 1], channels: 3 }).data)).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('refuses images of the wrong size, mixed sizes, short buffers and other channel counts in one line', () => {
    const format = { layout: 'NCHW', range: [-1, 1], channels: 1 } as const;
    expect(() => rgbaImagesToTensor([ramp(4, 4, true)], { ...format, width: 8, height: 8 })).toThrow('the model takes 8x8 images, got 4x4: resize it first');
    expect(() => rgbaImagesToTensor([ramp(4, 4, true), ramp(4, 5, true)], format)).toThrow('image 0 is 4x4, image 1 is 4x5');
    expect(() => rgbaImagesToTensor([{ width: 2, height: 2, data: new Uint8ClampedArray(8) }], format)).toThrow('a 2x2 RGBA image needs 16 bytes, got 8');
    expect(() => rgbaImagesToTensor([ramp(2, 2, true)], { ...format, channels: 2 })).toThrow('1 or 3 channels, not 2');
    expect(() => rgbaImagesToTensor([], format)).toThrow('no images to convert');
  });
});

describe('imageInputOf', () => {
  it("reads a translator direction's layout, range, channels and size from its graph", () => {
    expect(imageInputOf(exampleTranslatorManifest(), 'b2a')).toEqual({ layout: 'NCHW', range: [-1, 1], channels: 1, width: 8, height: 8 });
    const nhwc = exampleTranslatorManifest();
    nhwc.graphs.a2b!.inputs[0] = { ...nhwc.graphs.a2b!.inputs[0]!, shape: ['batch', 6, 4, 3], layout: 'NHWC', range: undefined };
    expect(imageInputOf(nhwc, 'a2b')).toEqual({ layout: 'NHWC', range: [0, 1], channels: 3, width: 4, height: 6 });
  });

  it('feeds what rgbaImagesToTensor needs for a graph of that shape', () => {
    const format = imageInputOf(exampleTranslatorManifest(), 'a2b');
    const batch = rgbaImagesToTensor([ramp(8, 8, true)], format);
    expect(batch).toEqual(tensor(batch.data, [1, 1, 8, 8]));
  });

  it('names the capability that is missing', () => {
    const oneWay = exampleTranslatorManifest();
    delete oneWay.graphs.b2a;
    expect(() => imageInputOf(oneWay, 'b2a')).toThrow('model "tiny-translator" cannot translate b2a: it ships no graph for it (it can: translate a2b)');
    expect(() => imageInputOf(exampleManifest(), 'a2b')).toThrow(/^model "[a-z0-9-]+" cannot translate a2b: it ships no graph for it \(it can: sample, decode/);
  });
});
