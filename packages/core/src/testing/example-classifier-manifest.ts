import type { ClassifierManifest } from '../manifest/schema.js';

/**
 * A complete, valid manifest of a small image classifier (1×8×8 images, 3 classes, 4 features); a
 * starting point for tests. `sha256`/`bytes` are placeholders.
 */
export function exampleClassifierManifest(): ClassifierManifest {
  return {
    schemaVersion: 1,
    kind: 'classifier',
    id: 'tiny-classifier',
    name: 'Tiny classifier',
    family: 'classifier',
    description: 'A tiny classifier for tests.',
    dataset: { name: 'mnist', trainSize: 8000, heldOutSize: 2000, splitSeed: 0 },
    image: { width: 8, height: 8, channels: 1 },
    classes: ['a', 'b', 'c'],
    graphs: {
      classifier: {
        file: 'classifier.onnx',
        sha256: '0'.repeat(64),
        bytes: 1,
        opset: 17,
        inputs: [{ name: 'image', role: 'image', dtype: 'float32', shape: ['batch', 1, 8, 8], layout: 'NCHW', range: [0, 1] }],
        outputs: [
          { name: 'logits', role: 'logits', dtype: 'float32', shape: ['batch', 3] },
          { name: 'features', role: 'features', dtype: 'float32', shape: ['batch', 4] },
        ],
      },
    },
    training: { steps: 1 },
    metrics: { heldOutAccuracy: 0.5 },
    files: { samples: 'samples.png', card: 'README.md' },
    createdAt: '2026-11-21T00:00:00.000Z',
  };
}
