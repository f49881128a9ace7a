// Training's PRNG lives in @genzoo/core, beside the one samples are drawn with, so evaluation can split
// datasets exactly as training did without depending on TensorFlow.js.
export { Xoshiro128 as Rng, seededPermutation as permutation, type Xoshiro128State as RngState } from '@genzoo/core';
