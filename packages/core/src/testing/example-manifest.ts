import type { Manifest, TensorSpec } from '../manifest/schema.js';

/**
 * A complete, valid manifest of a small VAE-shaped model (8-d latent, 1×8×8 images); a starting point
 * for tests and fixtures. `sha256`/`bytes` are placeholders: fixtures that ship real files overwrite them.
 */
export function exampleManifest(): Manifest {
  const image = (): TensorSpec => ({ name: 'image', role: 'image', dtype: 'float32', shape: ['batch', 1, 8, 8], layout: 'NCHW', range: [-1, 1] });
  return {
    schemaVersion: 1,
    id: 'tiny-vae',
    name: 'Tiny VAE',
    family: 'vae',
    description: 'A tiny model for tests.',
    dataset: { name: 'mnist', trainSize: 8000, heldOutSize: 2000, splitSeed: 0 },
    latent: { size: 8, distribution: 'normal' },
    image: { width: 8, height: 8, channels: 1 },
    graphs: {
      generator: {
        file: 'generator.onnx',
        sha256: '0'.repeat(64),
        bytes: 1,
        opset: 17,
        inputs: [{ name: 'z', role: 'latent', dtype: 'float32', shape: ['batch', 8] }],
        outputs: [image()],
      },
      encoder: {
        file: 'encoder.onnx',
        sha256: '0'.repeat(64),
        bytes: 1,
        opset: 17,
        inputs: [image()],
        outputs: [
          { name: 'mean', role: 'mean', dtype: 'float32', shape: ['batch', 8] },
          { name: 'logvar', role: 'logvar', dtype: 'float32', shape: ['batch', 8] },
        ],
      },
    },
    training: { steps: 1 },
    metrics: { heldOutElbo: -100 },
    files: { samples: 'samples.png', card: 'README.md' },
    createdAt: '2026-11-21T00:00:00.000Z',
  };
}

/**
 * A valid manifest of a small 2-D Gaussian mixture: three components with weights 0.5, 0.3, 0.2, a
 * `mixture.onnx` sampler (noise and one-hot component in, point out) and a `density.onnx` graph.
 */
export function exampleMixtureManifest(): Manifest {
  const point = (): TensorSpec => ({ name: 'point', role: 'point', dtype: 'float32', shape: ['batch', 2] });
  const graph = (file: string, inputs: TensorSpec[], outputs: TensorSpec[]) => ({ file, sha256: '0'.repeat(64), bytes: 1, opset: 21, inputs, outputs });
  return {
    schemaVersion: 1,
    id: 'tiny-mixture',
    name: 'Tiny mixture',
    family: 'gmm',
    description: 'A tiny 2-D mixture for tests.',
    dataset: { name: 'ring', trainSize: 1000, heldOutSize: 200, splitSeed: 0 },
    latent: { size: 2, distribution: 'normal' },
    points: { dims: 2 },
    mixture: { components: 3, weights: [0.5, 0.3, 0.2] },
    graphs: {
      generator: graph(
        'mixture.onnx',
        [
          { name: 'z', role: 'latent', dtype: 'float32', shape: ['batch', 2] },
          { name: 'component', role: 'component', dtype: 'float32', shape: ['batch', 3] },
        ],
        [point()],
      ),
      density: graph('density.onnx', [point()], [{ name: 'log_density', role: 'logDensity', dtype: 'float32', shape: ['batch'] }]),
    },
    training: {},
    metrics: {},
    files: { samples: 'samples.png', card: 'README.md' },
    createdAt: '2026-11-21T00:00:00.000Z',
  };
}

/**
 * A valid manifest of a small two-way translator (CycleGAN-shaped, 1×8×8 images in [-1, 1]) between
 * domains `light` and `dark`: `a2b.onnx` negates each pixel, `b2a.onnx` halves it (see FakeRuntime).
 */
export function exampleTranslatorManifest(): Manifest {
  const image = (name: string): TensorSpec => ({ name, role: 'image', dtype: 'float32', shape: ['batch', 1, 8, 8], layout: 'NCHW', range: [-1, 1] });
  const graph = (file: string) => ({ file, sha256: '0'.repeat(64), bytes: 1, opset: 13, inputs: [image('source')], outputs: [image('translated')] });
  return {
    schemaVersion: 1,
    id: 'tiny-translator',
    name: 'Tiny translator',
    family: 'cyclegan',
    description: 'A tiny two-way translator for tests.',
    dataset: { name: 'mnist', trainSize: 8000, heldOutSize: 2000, splitSeed: 0 },
    image: { width: 8, height: 8, channels: 1 },
    translation: { a: { name: 'light', description: 'light images' }, b: { name: 'dark', description: 'dark images' } },
    graphs: { a2b: graph('a2b.onnx'), b2a: graph('b2a.onnx') },
    training: {},
    metrics: {},
    files: { samples: 'samples.png', card: 'README.md' },
    createdAt: '2026-11-21T00:00:00.000Z',
  };
}
