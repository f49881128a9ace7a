import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { loadModelFiles } from '../checkpoint/model-files.js';
import { buildVaeMnistDecoder, buildVaeMnistEncoder } from '../models/vae-mnist.js';
import { exportTrainedModels, type ModelExporter } from './export-trained-models.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-export-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('exportTrainedModels', () => {
  it('saves loadable tfjs folders and then calls each exporter with the models and out dir', async () => {
    const generator = buildVaeMnistDecoder({ seed: 3 });
    const encoder = buildVaeMnistEncoder({ seed: 3 });
    const calls: string[] = [];
    const onnxSeam: ModelExporter = async (models, outDir, info) => {
      calls.push(`${info.family}:${Object.keys(models).join(',')}:${outDir}`);
      return [join(outDir, 'model.onnx')];
    };
    const written = await exportTrainedModels({ generator, encoder }, scratch, { family: 'vae-mnist', dataset: 'mnist' }, [onnxSeam]);
    expect(written).toEqual([join(scratch, 'generator'), join(scratch, 'encoder'), join(scratch, 'model.onnx')]);
    expect(calls).toEqual([`vae-mnist:generator,encoder:${scratch}`]);

    const reloaded = await loadModelFiles(join(scratch, 'encoder'));
    const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 1);
    const [a, b] = [encoder, reloaded].map((m) => (m.predict(x) as tf.Tensor[]).map((t) => Array.from(t.dataSync())));
    expect(b).toEqual(a);
  });

  it('names the folder when a saved model is missing', async () => {
    await expect(loadModelFiles(join(scratch, 'nope'))).rejects.toThrow(/cannot read model in .*nope/);
  });
});
