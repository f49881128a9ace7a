import type { IrGraph } from '../ir/types.js';
import { absorbLayoutTransposes } from './absorb-layout-transposes.js';
import { eliminateIdentities } from './eliminate-identities.js';
import { foldAffineIntoLinear } from './fold-affine.js';
import { foldConstants } from './fold-constants.js';
import { removeDeadCode } from './remove-dead.js';

/** Which rewrites {@link optimizeGraph} runs. */
export interface OptimizeOptions {
  /** Remove layout Transposes next to Flatten/Reshape by permuting Dense weights (default true). */
  absorbLayoutTransposes?: boolean;
}

/** Runs the graph rewrites in order; each keeps the graph's numerics (up to float rounding). */
export function optimizeGraph(graph: IrGraph, options: OptimizeOptions = {}): void {
  foldConstants(graph);
  eliminateIdentities(graph);
  foldAffineIntoLinear(graph);
  if (options.absorbLayoutTransposes !== false) absorbLayoutTransposes(graph);
  removeDeadCode(graph);
}
