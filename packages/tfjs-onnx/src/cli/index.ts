/** `@genzoo/tfjs-onnx/cli`: the `genzoo export` command (run by the `genzoo` CLI of @genzoo/node). */
export { run } from './export-command.js';
export type { CliIo } from './cli-io.js';
export { readModelFiles, resolveModelJson, type ModelFiles } from './model-files.js';
