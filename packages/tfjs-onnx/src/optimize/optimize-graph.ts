import type { IrGraph } from '../ir/types.js';
import { absorbLayoutTransposes } from './absorb-layout-transposes.js';
import { eliminateIdentities } from './eliminate-identities.js';
import { foldAffineIntoLinear } from './fold-affine.js';
import { removeDeadCode } from './remove-dead.js';

/** Runs the graph rewrites in order; each keeps the graph's numerics (up to float rounding). */
export function optimizeGraph(graph: IrGraph): void {
  eliminateIdentities(graph);
  foldAffineIntoLinear(graph);
  absorbLayoutTransposes(graph);
  removeDeadCode(graph);
}
