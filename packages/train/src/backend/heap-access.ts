import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs';

/** The two methods of tfjs-backend-wasm's backend that give direct access to its heap. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

function heapBackend(backend: KernelBackend): HeapBackend | undefined {
  const candidate = backend as unknown as Partial<HeapBackend>;
  return typeof candidate.makeOutput === 'function' && typeof candidate.typedArrayFromHeap === 'function'
    ? (candidate as HeapBackend)
    : undefined;
}

/**
 * Host-side kernel work without copies on the wasm backend: `fill` receives zero-copy views of
 * `inputs` and of a freshly allocated float32 output (zeroed), both on the wasm heap. Reading with
 * `readSync` copies (a 6 MB im2col matrix costs ~12 ms), which this avoids. The output is
 * allocated before any view is taken, because an allocation can grow (and so detach) the heap.
 * Other backends get `readSync` copies and a `write`.
 */
export function computeOnHost(
  backend: KernelBackend,
  inputs: readonly TensorInfo[],
  shape: number[],
  fill: (out: Float32Array, inputs: Float32Array[]) => void,
): TensorInfo {
  const heap = heapBackend(backend);
  if (heap !== undefined) {
    const output = heap.makeOutput(shape, 'float32');
    const out = heap.typedArrayFromHeap(output);
    out.fill(0);
    fill(out, inputs.map((info) => heap.typedArrayFromHeap(info)));
    return output;
  }
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  fill(out, inputs.map((info) => backend.readSync(info.dataId) as Float32Array));
  return { dataId: backend.write(out, shape, 'float32'), shape, dtype: 'float32' };
}
