import { InputError, type Device } from '@genzoo/core';

/** Execution providers onnxruntime-web is asked for, best first, for each device a user can request. */
export function webProvidersFor(device: Device): string[] {
  switch (device) {
    case 'auto':
    case 'webgpu':
      return ['webgpu', 'wasm'];
    case 'wasm':
      return ['wasm'];
    case 'cpu':
    case 'cuda':
      throw new InputError(`device "${device}" is for Node (@genzoo/node); in the browser use "webgpu", "wasm" or "auto"`);
    default:
      throw new InputError(`unknown device "${String(device)}": use "auto", "webgpu" or "wasm"`);
  }
}
