import { attr } from '../ir/attributes.js';
import type { ConversionContext } from '../convert/conversion-context.js';

type Emit = (ctx: ConversionContext, x: string, axis: number, hint: string) => string;

const unary =
  (opType: string, attributes: Parameters<ConversionContext['op']>[2] = {}): Emit =>
  (ctx, x, _axis, hint) =>
    ctx.op(opType, [x], attributes, hint);

const SELU_ALPHA = 1.6732632423543772;
const SELU_GAMMA = 1.0507009873554805;

/** tfjs activation identifiers (as in layer configs) and how each is emitted. */
const activations: Record<string, Emit> = {
  linear: (_ctx, x) => x,
  relu: unary('Relu'),
  relu6: (ctx, x, _axis, hint) => ctx.op('Clip', [x, ctx.scalar(`${hint}_min`, 0), ctx.scalar(`${hint}_max`, 6)], {}, hint),
  sigmoid: unary('Sigmoid'),
  hardSigmoid: unary('HardSigmoid', { alpha: attr.float(0.2), beta: attr.float(0.5) }),
  tanh: unary('Tanh'),
  elu: unary('Elu', { alpha: attr.float(1) }),
  selu: unary('Selu', { alpha: attr.float(SELU_ALPHA), gamma: attr.float(SELU_GAMMA) }),
  softplus: unary('Softplus'),
  softsign: unary('Softsign'),
  softmax: (ctx, x, axis, hint) => ctx.op('Softmax', [x], { axis: attr.int(axis) }, hint),
  logSoftmax: (ctx, x, axis, hint) => ctx.op('LogSoftmax', [x], { axis: attr.int(axis) }, hint),
  swish: (ctx, x, _axis, hint) => ctx.op('Mul', [x, ctx.op('Sigmoid', [x], {}, `${hint}_sigmoid`)], {}, hint),
  mish: (ctx, x, _axis, hint) =>
    ctx.op('Mul', [x, ctx.op('Tanh', [ctx.op('Softplus', [x], {}, `${hint}_softplus`)], {}, `${hint}_tanh`)], {}, hint),
  gelu: (ctx, x, _axis, hint) => {
    const erf = ctx.op('Erf', [ctx.op('Div', [x, ctx.scalar(`${hint}_sqrt2`, Math.SQRT2)], {}, `${hint}_scaled`)], {}, `${hint}_erf`);
    const cdf = ctx.op('Mul', [ctx.op('Add', [erf, ctx.scalar(`${hint}_one`, 1)], {}, `${hint}_erf1`), ctx.scalar(`${hint}_half`, 0.5)], {}, `${hint}_cdf`);
    return ctx.op('Mul', [x, cdf], {}, hint);
  },
  gelu_new: (ctx, x, _axis, hint) => {
    const cube = ctx.op('Mul', [ctx.op('Mul', [x, x], {}, `${hint}_sq`), x], {}, `${hint}_cube`);
    const inner = ctx.op('Add', [x, ctx.op('Mul', [cube, ctx.scalar(`${hint}_c`, 0.044715)], {}, `${hint}_ccube`)], {}, `${hint}_inner`);
    const t = ctx.op('Tanh', [ctx.op('Mul', [inner, ctx.scalar(`${hint}_k`, Math.sqrt(2 / Math.PI))], {}, `${hint}_kinner`)], {}, `${hint}_tanh`);
    const onePlus = ctx.op('Add', [t, ctx.scalar(`${hint}_one`, 1)], {}, `${hint}_1t`);
    return ctx.op('Mul', [ctx.op('Mul', [x, onePlus], {}, `${hint}_x1t`), ctx.scalar(`${hint}_half`, 0.5)], {}, hint);
  },
};

/** True when `name` is a tfjs activation this converter can emit. */
export function isSupportedActivation(name: string): boolean {
  return Object.hasOwn(activations, name);
}

/** Issues for an `activation` option (empty when supported). */
export function checkActivation(name: string, option = 'activation'): string[] {
  return isSupportedActivation(name)
    ? []
    : [`option ${option}='${name}' is not supported (supported: ${Object.keys(activations).join(', ')})`];
}

/**
 * Emits tfjs activation `name` on value `x`. `axis` is the physical axis that softmax-like
 * activations reduce over (tfjs uses the last logical axis).
 */
export function emitActivation(ctx: ConversionContext, name: string, x: string, axis: number, hint: string): string {
  const emit = activations[name];
  if (!emit) throw new Error(`activation '${name}' is not supported`);
  return emit(ctx, x, axis, hint);
}
