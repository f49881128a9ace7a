import { seededPermutation } from '@genzoo/core';

/** The seeded permutation `@genzoo/train` splits datasets with, so evaluation holds out the very images training held out. */
export const splitPermutation: (n: number, seed: number) => Uint32Array = seededPermutation;
