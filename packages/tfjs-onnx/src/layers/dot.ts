import { attr } from '../ir/attributes.js';
import type { ConversionContext } from '../convert/conversion-context.js';
import type { LayerConfig } from '../convert/config.js';
import { registerLayerConverter } from '../convert/registry.js';
import type { TfLayer } from '../convert/tfjs-access.js';

/** tfjs's epsilon() used by l2Normalize: x / sqrt(max(Σx², ε)). */
const L2_EPSILON = 1e-7;

/** The raw `axes` option as a pair (a single number applies to both inputs), or null when malformed. */
function rawAxes(config: LayerConfig): [number, number] | null {
  const axes = config['axes'];
  if (typeof axes === 'number' && Number.isInteger(axes)) return [axes, axes];
  if (Array.isArray(axes) && axes.length === 2 && axes.every((a) => typeof a === 'number' && Number.isInteger(a))) {
    return [axes[0] as number, axes[1] as number];
  }
  return null;
}

/** Axes resolved against the input ranks as tfjs does (negative axes count from the end). */
function resolveAxes(axes: [number, number], ranks: [number, number]): [number, number] {
  return [axes[0] < 0 ? axes[0] + ranks[0] : axes[0], axes[1] < 0 ? axes[1] + ranks[1] : axes[1]];
}

/** Reasons the Dot configuration for inputs of `ranks` cannot be converted. */
function dotIssues(config: LayerConfig, ranks: number[] | null): string[] {
  const axes = rawAxes(config);
  if (!axes) return [`option axes ${JSON.stringify(config['axes'])} is not supported (expected an integer or a pair of integers)`];
  const normalize = config['normalize'];
  if (normalize !== undefined && normalize !== null && typeof normalize !== 'boolean') return [`option normalize ${JSON.stringify(normalize)} is not supported`];
  if (!ranks) return [];
  if (ranks.length !== 2) return [`Dot needs exactly 2 inputs, got ${ranks.length}`];
  if (ranks.some((r) => r < 2 || r > 3)) return [`inputs of rank ${ranks.join(' and ')} are not supported (option axes; ranks 2 and 3 only)`];
  const [a0, a1] = resolveAxes(axes, ranks as [number, number]);
  if (a0 < 1 || a0 >= ranks[0]! || a1 < 1 || a1 >= ranks[1]!) {
    return [`option axes ${JSON.stringify(config['axes'])} is not supported for inputs of rank ${ranks.join(' and ')} (the batch axis cannot be contracted)`];
  }
  return [];
}

function inputRanks(layer: TfLayer): number[][] {
  return layer.inboundNodes.map((node) => node.inputTensors.map((t) => t.shape.length));
}

/** x / sqrt(max(Σ_axis x², ε)) in logical order, as tfjs's l2Normalize. */
function l2Normalize(ctx: ConversionContext, x: string, axis: number, hint: string): string {
  const sumSquare = ctx.opset >= 18
    ? ctx.op('ReduceSumSquare', [x, ctx.constInt64(`${hint}_axes`, [axis])], { keepdims: attr.int(1) }, `${hint}_sum_square`)
    : ctx.op('ReduceSumSquare', [x], { axes: attr.ints([axis]), keepdims: attr.int(1) }, `${hint}_sum_square`);
  const clamped = ctx.op('Max', [sumSquare, ctx.scalar(`${hint}_epsilon`, L2_EPSILON)], {}, `${hint}_clamped`);
  return ctx.op('Div', [x, ctx.op('Sqrt', [clamped], {}, `${hint}_norm`)], {}, hint);
}

/**
 * Registers Dot (ranks 2 and 3, axes a number or a pair, negative axes, `normalize`). Both
 * inputs are brought to [batch, M, K] and [batch, K, N] (Transpose for a rank-3 input whose dot
 * axis is elsewhere, Unsqueeze for a rank-2 one), multiplied with one MatMul, and the
 * unsqueezed dims are removed again, giving tfjs's output shape.
 */
export function registerDotLayer(): void {
  registerLayerConverter('Dot', {
    check(config, layer) {
      const calls = inputRanks(layer);
      if (calls.length === 0) return dotIssues(config, null);
      return [...new Set(calls.flatMap((ranks) => dotIssues(config, ranks)))];
    },
    convert(ctx, call) {
      const ranks = call.inputs.map((r) => r.shape.length);
      const issues = dotIssues(call.config, ranks);
      if (issues.length > 0) throw new Error(`layer '${call.layer.name}' (Dot): ${issues.join('; ')}`);
      const [r0, r1] = ranks as [number, number];
      const [a0, a1] = resolveAxes(rawAxes(call.config)!, [r0, r1]);
      let x = ctx.logical(call.inputs[0]!);
      let y = ctx.logical(call.inputs[1]!);
      if (call.config['normalize'] === true) {
        x = l2Normalize(ctx, x, a0, `${call.name}_x_normalized`);
        y = l2Normalize(ctx, y, a1, `${call.name}_y_normalized`);
      }
      // x → [batch, M, K]
      if (r0 === 2) x = ctx.op('Unsqueeze', [x, ctx.constInt64(`${call.name}_x_axes`, [1])], {}, `${call.name}_x_unsqueezed`);
      else if (a0 === 1) x = ctx.op('Transpose', [x], { perm: attr.ints([0, 2, 1]) }, `${call.name}_x_transposed`);
      // y → [batch, K, N]
      if (r1 === 2) y = ctx.op('Unsqueeze', [y, ctx.constInt64(`${call.name}_y_axes`, [2])], {}, `${call.name}_y_unsqueezed`);
      else if (a1 === 2) y = ctx.op('Transpose', [y], { perm: attr.ints([0, 2, 1]) }, `${call.name}_y_transposed`);
      // Both rank 2: [batch, 1, 1] → [batch, 1] (tfjs keeps a trailing 1 for a rank-1 result).
      const squeeze = r0 === 2 && r1 === 2 ? [2] : [...(r0 === 2 ? [1] : []), ...(r1 === 2 ? [2] : [])];
      if (squeeze.length === 0) return [{ name: ctx.op('MatMul', [x, y], {}, call.name), perm: null }];
      const product = ctx.op('MatMul', [x, y], {}, `${call.name}_matmul`);
      return [{ name: ctx.op('Squeeze', [product, ctx.constInt64(`${call.name}_squeeze_axes`, squeeze)], {}, call.name), perm: null }];
    },
  });
}
