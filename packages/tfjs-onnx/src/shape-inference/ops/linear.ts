import { broadcastShapes, checkUnidirectional, fail, formatShape, unifyDims, type Shape } from '../dims.js';
import type { ShapeInferenceFn } from '../inference-context.js';
import { commonElemType } from './elementwise.js';

/** Inference for Gemm and MatMul. */
export const linearInference: Record<string, ShapeInferenceFn> = {
  Gemm(ctx) {
    const elemType = commonElemType(ctx, ctx.has(2) ? [0, 1, 2] : [0, 1]);
    const [a, b] = [ctx.shape(0), ctx.shape(1)];
    if (a && a.length !== 2) fail(`A must be rank 2, got ${formatShape(a)}`);
    if (b && b.length !== 2) fail(`B must be rank 2, got ${formatShape(b)}`);
    const [m, ka] = a ? (ctx.int('transA', 0) ? [a[1]!, a[0]!] : [a[0]!, a[1]!]) : [null, null];
    const [kb, n] = b ? (ctx.int('transB', 0) ? [b[1]!, b[0]!] : [b[0]!, b[1]!]) : [null, null];
    if (unifyDims(ka, kb) === undefined) {
      fail(`inner dimensions differ: A ${formatShape(a)} (transA ${ctx.int('transA', 0)}) has ${ka}, B ${formatShape(b)} (transB ${ctx.int('transB', 0)}) has ${kb}`);
    }
    const out: Shape = [m, n];
    const c = ctx.shape(2);
    if (ctx.has(2) && c) checkUnidirectional(c, out, 'C');
    return [{ elemType, shape: a || b ? out : null }];
  },

  MatMul(ctx) {
    const elemType = commonElemType(ctx, [0, 1]);
    const [a, b] = [ctx.shape(0), ctx.shape(1)];
    if (!a || !b) return [{ elemType, shape: null }];
    if (a.length === 0 || b.length === 0) fail(`operands must have rank >= 1, got ${formatShape(a)} and ${formatShape(b)}`);
    const a2 = a.length === 1 ? [1, a[0]!] : a;
    const b2 = b.length === 1 ? [b[0]!, 1] : b;
    const k1 = a2[a2.length - 1]!;
    const k2 = b2[b2.length - 2]!;
    if (unifyDims(k1, k2) === undefined) fail(`inner dimensions differ: ${formatShape(a)} × ${formatShape(b)} (${k1} vs ${k2})`);
    const batch = broadcastShapes([a2.slice(0, -2), b2.slice(0, -2)]);
    const out = [...batch];
    if (a.length > 1) out.push(a2[a2.length - 2]!);
    if (b.length > 1) out.push(b2[b2.length - 1]!);
    return [{ elemType, shape: out }];
  },
};
