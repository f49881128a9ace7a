/** `@genzoo/metrics/cli`: the `genzoo eval` command (run by the `genzoo` CLI of @genzoo/node). */
export { run } from './eval-command.js';
export { processIo, type CliIo } from '@genzoo/node';
