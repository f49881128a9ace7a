import { CapabilityError } from '../generator/generator.js';
import { InputError } from '../errors.js';
import type { GraphRole, Manifest } from '../manifest/schema.js';
import { capabilitiesOf, translationDirectionsOf } from '../generator/capabilities.js';
import { tensor, type TensorData } from '../tensor.js';
import type { PixelFormat, RgbaImage } from './rgba.js';

/** How a graph takes images: layout and value range (as {@link PixelFormat}), channels and pixel size. */
export interface ImageInputFormat extends PixelFormat {
  /** 1 (grey) or 3 (RGB). */
  channels: number;
  width: number;
  height: number;
}

/** Rec. 601 luma, the grey of an RGB pixel (the weights MNIST-style grey models are usually fed with). */
export function luminance(red: number, green: number, blue: number): number {
  return 0.299 * red + 0.587 * green + 0.114 * blue;
}

/**
 * The image input of one of a model's graphs (`a2b`, `b2a`, `encoder`): layout, range, channels, width
 * and height, read from the graph's tensor spec (layout NCHW and range [0, 1] when the spec leaves them out).
 * @throws CapabilityError when the model ships no such graph, InputError when the graph takes no image.
 */
export function imageInputOf(manifest: Manifest, role: GraphRole): ImageInputFormat {
  const graph = manifest.graphs[role];
  if (!graph) {
    if (role !== 'a2b' && role !== 'b2a') throw new CapabilityError(manifest.id, `run a ${role} graph`, capabilitiesOf(manifest));
    const directions = translationDirectionsOf(manifest);
    // A translator lists the directions it has; any other model, what it can do instead.
    const available = directions.length > 0 ? directions.map((direction) => `translate ${direction}`) : capabilitiesOf(manifest);
    throw new CapabilityError(manifest.id, `translate ${role}`, available);
  }
  const spec = graph.inputs.find((input) => input.role === 'image');
  if (!spec || spec.shape.length !== 4) throw new InputError(`the ${role} graph of ${manifest.id} takes no 4-D image input`);
  const layout = spec.layout ?? 'NCHW';
  const [, d1, d2, d3] = spec.shape;
  const [channels, height, width] = (layout === 'NCHW' ? [d1, d2, d3] : [d3, d1, d2]).map(Number) as [number, number, number];
  return { layout, range: spec.range ?? [0, 1], channels, width, height };
}

/**
 * The inverse of `tensorToRgbaImages`: 8-bit RGBA images, already at the graph's width × height, as one
 * float tensor `[n, C, H, W]` (or `[n, H, W, C]`) in the graph's value range. Grey models (1 channel) get
 * each pixel's luminance; alpha is composited over black, the background of the zoo's image domains.
 * Byte `b` maps to `low + b / 255 · (high − low)`, so `tensorToRgbaImages` gives back the same bytes.
 */
export function rgbaImagesToTensor(images: readonly RgbaImage[], format: Omit<ImageInputFormat, 'width' | 'height'> & Partial<Pick<ImageInputFormat, 'width' | 'height'>>): TensorData {
  const { layout, range: [low, high], channels } = format;
  if (channels !== 1 && channels !== 3) throw new InputError(`images can be converted to 1 or 3 channels, not ${channels}`);
  if (images.length === 0) throw new InputError('no images to convert');
  const { width, height } = images[0]!;
  if ((format.width !== undefined && format.width !== width) || (format.height !== undefined && format.height !== height)) {
    throw new InputError(`the model takes ${format.width}x${format.height} images, got ${width}x${height}: resize it first`);
  }
  const plane = width * height;
  const data = new Float32Array(images.length * plane * channels);
  const scale = (high - low) / 255;
  images.forEach((image, index) => {
    if (image.width !== width || image.height !== height) {
      throw new InputError(`images of one batch must share one size: image 0 is ${width}x${height}, image ${index} is ${image.width}x${image.height}`);
    }
    if (image.data.length !== plane * 4) throw new InputError(`a ${width}x${height} RGBA image needs ${plane * 4} bytes, got ${image.data.length}`);
    const base = index * plane * channels;
    const pixels = image.data;
    for (let pixel = 0; pixel < plane; pixel++) {
      const alpha = pixels[pixel * 4 + 3]! / 255;
      const [red, green, blue] = [pixels[pixel * 4]! * alpha, pixels[pixel * 4 + 1]! * alpha, pixels[pixel * 4 + 2]! * alpha];
      if (channels === 1) {
        // One channel sits at the same place in NCHW and NHWC.
        data[base + pixel] = low + luminance(red, green, blue) * scale;
      } else {
        const rgb = [red, green, blue];
        for (let channel = 0; channel < 3; channel++) {
          data[layout === 'NCHW' ? base + channel * plane + pixel : base + pixel * 3 + channel] = low + rgb[channel]! * scale;
        }
      }
    }
  });
  return tensor(data, layout === 'NCHW' ? [images.length, channels, height, width] : [images.length, height, width, channels]);
}
