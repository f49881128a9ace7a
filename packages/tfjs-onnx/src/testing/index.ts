// Helpers for tests of exported graphs, here and in other packages: `@genzoo/tfjs-onnx/testing`.
export { randomizeWeights } from './random-weights.js';
