import { InputError } from '../errors.js';
import type { PixelFormat } from '../image/rgba.js';
import type { TranslationDirection } from '../manifest/schema.js';
import type { ExecutionInfo } from '../runtime/adapter.js';
import { tensor, type TensorData } from '../tensor.js';
import type { GeneratorApi } from './generator.js';

/** A tensor as plain data, so it crosses `postMessage`, JSON and `page.evaluate` unchanged. */
export interface PlainTensor {
  dims: number[];
  data: number[];
}

/**
 * One call of the Generator API as plain data: what a worker, a test harness or an HTTP client sends to
 * run any capability of any model without knowing its graphs.
 */
export type CapabilityCall =
  | { capability: 'sample'; n: number; seed: number; truncation?: number; labels?: number[] }
  | { capability: 'samplePoints'; n: number; seed: number }
  | { capability: 'decode'; latents: PlainTensor; labels?: number[] }
  | { capability: 'interpolate'; from: number; to: number; steps: number; method?: 'slerp' | 'lerp' }
  | { capability: 'encode'; images: PlainTensor; labels?: number[] }
  | { capability: 'reconstruct'; images: PlainTensor; seed?: number; labels?: number[] }
  | { capability: 'logDensity'; samples: PlainTensor }
  | { capability: 'translate'; images: PlainTensor; direction?: TranslationDirection };

/** What a {@link CapabilityCall} returns: the main output tensor, how to read it, and where it ran. */
export interface CapabilityOutput {
  /** Images, points, latent means or log-densities, by capability. */
  output: PlainTensor;
  kind: 'images' | 'points' | 'latents' | 'logDensity';
  /** Pixel format when `kind` is `images`. */
  format?: PixelFormat;
  execution: ExecutionInfo;
}

export function toPlain(value: TensorData): PlainTensor {
  return { dims: [...value.dims], data: Array.from(value.data) };
}

export function fromPlain(value: PlainTensor, what: string): TensorData {
  if (!value || !Array.isArray(value.dims) || !Array.isArray(value.data)) throw new InputError(`${what} must be { dims: number[], data: number[] }`);
  return tensor(Float32Array.from(value.data), value.dims);
}

/** Runs one plain-data call on `generator`; a capability the model lacks is a CapabilityError naming it. */
export async function callCapability(generator: GeneratorApi, call: CapabilityCall): Promise<CapabilityOutput> {
  switch (call.capability) {
    case 'sample': {
      const result = await generator.sample(call);
      return { output: toPlain(result.images), kind: 'images', format: result.format, execution: result.execution };
    }
    case 'samplePoints': {
      const result = await generator.samplePoints(call);
      return { output: toPlain(result.points), kind: 'points', execution: result.execution };
    }
    case 'decode': {
      const result = await generator.decode(fromPlain(call.latents, 'latents'), call.labels);
      return { output: toPlain(result.images), kind: 'images', format: result.format, execution: result.execution };
    }
    case 'interpolate': {
      const result = await generator.interpolate(call);
      return { output: toPlain(result.images), kind: 'images', format: result.format, execution: result.execution };
    }
    case 'encode': {
      const result = await generator.encode(fromPlain(call.images, 'images'), call.labels);
      return { output: toPlain(result.mean), kind: 'latents', execution: result.execution };
    }
    case 'reconstruct': {
      const result = await generator.reconstruct(fromPlain(call.images, 'images'), { seed: call.seed, labels: call.labels });
      return { output: toPlain(result.images), kind: 'images', format: result.format, execution: result.execution };
    }
    case 'logDensity': {
      const result = await generator.logDensity(fromPlain(call.samples, 'samples'));
      return { output: toPlain(result.logDensity), kind: 'logDensity', execution: result.execution };
    }
    case 'translate': {
      const result = await generator.translate(fromPlain(call.images, 'images'), { direction: call.direction });
      return { output: toPlain(result.images), kind: 'images', format: result.format, execution: result.execution };
    }
    default:
      throw new InputError(`unknown capability ${JSON.stringify((call as { capability: unknown }).capability)}`);
  }
}
