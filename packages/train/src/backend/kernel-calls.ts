import { getKernel, type Attribute, type KernelBackend, type TensorInfo } from '@tensorflow/tfjs';

/**
 * Calls other kernels of the same backend from inside a kernel, keeping
 * track of every intermediate result so it can be released in one go.
 *
 * Kernels run outside the engine's bookkeeping, so intermediates must be
 * disposed on the backend directly (`disposeData` respects refcounts, which
 * matters for `Reshape`, which shares its input's data).
 */
export class KernelCalls {
  private readonly intermediates: TensorInfo[] = [];

  constructor(
    private readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {}

  /** Runs one single-output kernel and remembers its result for disposal. */
  run(
    kernelName: string,
    inputs: Record<string, TensorInfo> | TensorInfo[],
    attrs: Record<string, unknown> = {},
  ): TensorInfo {
    const config = getKernel(kernelName, this.backendName);
    if (config === undefined) {
      throw new Error(`backend '${this.backendName}' has no '${kernelName}' kernel to build on`);
    }
    const out = config.kernelFunc({
      inputs: inputs as never,
      attrs: attrs as Record<string, Attribute>,
      backend: this.backend,
    });
    const info = Array.isArray(out) ? out[0] : out;
    if (info === undefined) throw new Error(`kernel '${kernelName}' returned nothing`);
    this.intermediates.push(info);
    return info;
  }

  /** Releases every intermediate except `keep` (the kernel's output). */
  disposeAllBut(keep: TensorInfo): void {
    for (const info of this.intermediates) {
      if (info !== keep) this.backend.disposeData(info.dataId);
    }
    this.intermediates.length = 0;
  }
}
