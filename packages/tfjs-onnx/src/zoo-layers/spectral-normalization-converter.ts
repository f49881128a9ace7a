import type { LayerConfig } from '../convert/config.js';
import { getLayerConverter, registerLayerConverter, type LayerConverter } from '../convert/registry.js';
import type { TfLayer, TfVariable, WeightValues } from '../convert/tfjs-access.js';
import { SPECTRAL_NORM_WRAPPABLE } from './spectral-normalization.js';

/** The wrapped layer's class and config from a SpectralNormalization config. */
function wrappedSpec(config: LayerConfig): { className: string; config: LayerConfig } {
  const spec = config['layer'] as { className?: unknown; config?: unknown } | undefined;
  if (!spec || typeof spec.className !== 'string' || typeof spec.config !== 'object' || spec.config === null) {
    throw new Error('option layer must be {className, config}');
  }
  return { className: spec.className, config: spec.config as LayerConfig };
}

function constantVariable(name: string, values: WeightValues): TfVariable {
  return { name, shape: values.shape, read: () => ({ dataSync: () => values.data, dtype: 'float32' }) };
}

/** σ(W) = ‖W·û‖₂ for W reshaped to [-1, outputs] and û the normalized power-iteration vector `u`. */
export function spectralNorm(kernel: WeightValues, u: Float32Array): number {
  const outputs = kernel.shape[kernel.shape.length - 1]!;
  if (u.length !== outputs) throw new Error(`weight u has ${u.length} values, the kernel has ${outputs} outputs`);
  const uNorm = Math.sqrt(Math.max(u.reduce((s, x) => s + x * x, 0), 1e-12));
  let sigma2 = 0;
  for (let row = 0; row < kernel.data.length / outputs; row++) {
    let dot = 0;
    for (let j = 0; j < outputs; j++) dot += kernel.data[row * outputs + j]! * u[j]!;
    sigma2 += (dot / uNorm) ** 2;
  }
  return Math.sqrt(sigma2);
}

/**
 * SpectralNormalization exports as its wrapped layer with the kernel W/σ(W) computed from the
 * stored `u` (the layer's inference semantics). The wrapped layer's own registered converter emits
 * the nodes, so every option it supports works here too.
 */
export const spectralNormalizationConverter: LayerConverter = {
  check(config, layer, opset) {
    const inner = wrappedSpec(config);
    if (!(SPECTRAL_NORM_WRAPPABLE as readonly string[]).includes(inner.className)) {
      return [`wrapped layer class ${inner.className} is not supported (supported: ${SPECTRAL_NORM_WRAPPABLE.join(', ')})`];
    }
    const converter = getLayerConverter(inner.className);
    if (!converter) return [`wrapped layer class ${inner.className} has no converter`];
    return (converter.check?.(inner.config, layer, opset) ?? []).map((issue) => `wrapped ${inner.className}: ${issue}`);
  },
  convert(ctx, call) {
    const inner = wrappedSpec(call.config);
    const converter = getLayerConverter(inner.className)!;
    const kernel = ctx.weight(call.layer, 'kernel');
    const sigma = spectralNorm(kernel, ctx.weight(call.layer, 'u').data);
    const normalized = { shape: kernel.shape, data: kernel.data.map((w) => w / sigma) };
    const bias = ctx.optionalWeight(call.layer, 'bias');
    const proxy: TfLayer & Record<string, unknown> = {
      name: call.layer.name,
      getClassName: () => inner.className,
      getConfig: () => inner.config,
      inboundNodes: [],
      kernel: constantVariable(`${call.layer.name}/kernel_sn`, normalized),
      bias: bias ? constantVariable(`${call.layer.name}/bias`, bias) : null,
    };
    return converter.convert(ctx, { ...call, layer: proxy, config: inner.config });
  },
};

/** Registers the SpectralNormalization converter. */
export function registerSpectralNormalizationConverter(): void {
  registerLayerConverter('SpectralNormalization', spectralNormalizationConverter);
}
