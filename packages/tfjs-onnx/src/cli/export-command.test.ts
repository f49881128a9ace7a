import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveModelFolder } from '../../test-support/model-folder.js';
import { randomizeWeights, tfl, useCpuBackend } from '../../test-support/parity.js';
import { decodeModelProto, OnnxDataType, pixelNormalization, spectralNormalization } from '../index.js';
import { run } from './index.js';

let root: string;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root });
  return { code, stdout, stderr };
}

/** A one-line error: exit 1, a single `genzoo export:` line on stderr, no stack. */
async function expectOneLineError(argv: string[], pattern: RegExp): Promise<void> {
  const { code, stdout, stderr } = await cli(...argv);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^genzoo export: [^\n]+\n$/);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

/** Generator-like model with zoo layers: z → dense → reshape → SN conv → pixel norm → conv. */
function smallGenerator(): tfl.LayersModel {
  return tfl.sequential({
    name: 'small_generator',
    layers: [
      tfl.layers.dense({ inputShape: [8], units: 4 * 4 * 8 }),
      tfl.layers.reshape({ targetShape: [4, 4, 8] }),
      tfl.layers.upSampling2d({ size: [2, 2] }),
      spectralNormalization({ layer: tfl.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'relu' }) }),
      pixelNormalization(),
      tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'tanh' }),
    ],
  });
}

/** A Keras 2 (Python) model.json with snake_case config and a model_config wrapper, as tensorflowjs_converter writes it. */
function writeKerasModel(dir: string): void {
  const kernel = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i + 1) * 0.5);
  const bias = Float32Array.from([0.1, -0.2, 0.3]);
  const topology = {
    keras_version: '2.15.0',
    backend: 'tensorflow',
    model_config: {
      class_name: 'Functional',
      config: {
        name: 'keras_mlp',
        layers: [
          { class_name: 'InputLayer', name: 'x', inbound_nodes: [], config: { batch_input_shape: [null, 4], dtype: 'float32', sparse: false, ragged: false, name: 'x' } },
          {
            class_name: 'Dense',
            name: 'dense',
            inbound_nodes: [[['x', 0, 0, {}]]],
            config: {
              name: 'dense', trainable: true, dtype: 'float32', units: 3, activation: 'sigmoid', use_bias: true,
              kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
              bias_initializer: { class_name: 'Zeros', config: {} },
              kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
            },
          },
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['dense', 0, 0]],
      },
    },
  };
  const weights = new Uint8Array(kernel.byteLength + bias.byteLength);
  weights.set(new Uint8Array(kernel.buffer), 0);
  weights.set(new Uint8Array(bias.buffer), kernel.byteLength);
  writeFileSync(join(dir, 'group1-shard1of1.bin'), weights);
  const manifest = [{ paths: ['group1-shard1of1.bin'], weights: [{ name: 'dense/kernel', shape: [4, 3], dtype: 'float32' }, { name: 'dense/bias', shape: [3], dtype: 'float32' }] }];
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', generatedBy: 'keras v2.15.0', convertedBy: 'TensorFlow.js Converter v4.22.0', modelTopology: topology, weightsManifest: manifest }));
}

beforeAll(async () => {
  await useCpuBackend();
  root = mkdtempSync(join(tmpdir(), 'genzoo-export-'));
  const model = smallGenerator();
  randomizeWeights(model, 2);
  await saveModelFolder(model, join(root, 'generator'), { shardBytes: 1000, groups: 2 });
  const keras = join(root, 'keras');
  mkdirSync(keras);
  writeKerasModel(keras);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('genzoo export', () => {
  it('exports a folder with several shard groups, prints the report and checks parity', async () => {
    const shards = readdirSync(join(root, 'generator')).filter((f) => f.endsWith('.bin'));
    expect(shards.length).toBeGreaterThan(3);
    const { code, stdout, stderr } = await cli('generator', '-o', 'out/generator.onnx', '--check');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^exported generator\/model\.json → out\/generator\.onnx in \d+ ms$/m);
    expect(stdout).toMatch(/opset 21, float32 weights/);
    expect(stdout).toMatch(/inputs: +dense_Dense\d+_input \[batch, 8\]/);
    expect(stdout).toMatch(/outputs: +\S+ \[batch, 3, 8, 8\] NCHW/);
    expect(stdout).toMatch(/nodes: +\d+ \(.*Conv 2.*\)/);
    expect(stdout).toMatch(/transposes: 0/);
    expect(stdout).toMatch(/file size: +[\d.]+ KiB \([\d.]+% of the [\d.]+ KiB tfjs weights\)/);
    expect(stdout).toMatch(/parity: +rel L2 \S+, max abs \S+ .* — ok \(bound 0.00001\)/);
    const model = decodeModelProto(readFileSync(join(root, 'out/generator.onnx')));
    expect(model.metadata_props?.map((p) => p.key)).toContain('converter');
  });

  it('--fp16 --opset 13 --layout nhwc', async () => {
    const { code, stdout } = await cli(join(root, 'generator', 'model.json'), '-o', 'g16.onnx', '--fp16', '--opset', '13', '--layout', 'nhwc', '--check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/opset 13, float16 weights/);
    expect(stdout).toMatch(/outputs: +\S+ \[batch, 8, 8, 3\] NHWC/);
    expect(stdout).toMatch(/— ok \(bound 0.01\)/);
    const model = decodeModelProto(readFileSync(join(root, 'g16.onnx')));
    expect(model.opset_import).toEqual([{ version: 13 }]);
    expect(model.graph!.initializer!.some((t) => t.data_type === OnnxDataType.FLOAT16)).toBe(true);
  });

  it('loads a Keras-format topology (Functional, snake_case config, model_config wrapper)', async () => {
    const { code, stdout, stderr } = await cli('keras', '-o', 'keras.onnx', '--check');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/inputs: +x \[batch, 4\]/);
    expect(stdout).toMatch(/nodes: +2 \(Gemm 1, Sigmoid 1\)/);
    expect(stdout).toMatch(/— ok/);
  });

  it('prints help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--opset <n>/);
    expect(stdout).toMatch(/--layout <layout>/);
  });
});

describe('genzoo export: one-line errors', () => {
  it('missing model', async () => {
    await expectOneLineError(['nowhere', '-o', 'x.onnx'], /nowhere does not exist/);
    await expectOneLineError(['.', '-o', 'x.onnx'], /is a folder without a model\.json/);
  });

  it('corrupt model.json', async () => {
    const dir = join(root, 'corrupt');
    await saveModelFolder(smallGenerator(), dir);
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": {');
    await expectOneLineError(['corrupt', '-o', 'x.onnx'], /corrupt\/model\.json is not valid JSON/);
    writeFileSync(join(dir, 'model.json'), '[1, 2]');
    await expectOneLineError(['corrupt', '-o', 'x.onnx'], /is not a tfjs model\.json/);
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ format: 'graph-model', modelTopology: {} }));
    await expectOneLineError(['corrupt', '-o', 'x.onnx'], /is a tfjs graph model/);
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { layers: 7 } }, weightsManifest: [] }));
    await expectOneLineError(['corrupt', '-o', 'x.onnx'], /cannot build the model in .*corrupt\/model\.json/);
  });

  it('missing shard and shard size mismatch', async () => {
    const dir = join(root, 'damaged');
    await saveModelFolder(smallGenerator(), dir, { shardBytes: 1000, groups: 2 });
    const shards = (group: number) => readdirSync(dir).filter((f) => f.startsWith(`group${group}-`)).sort();
    expect(shards(1).length).toBeGreaterThan(1);
    truncateSync(join(dir, shards(2)[0]!), 10);
    await expectOneLineError(['damaged', '-o', 'x.onnx'], /weight group 2 of .*: its shards \(\.\/group2-shard1of\d\.bin.*\) hold \d+ bytes but its weights need \d+/);
    rmSync(join(dir, shards(1)[1]!));
    await expectOneLineError(['damaged', '-o', 'x.onnx'], /weight shard .*group1-shard2of\d\.bin \(listed in .*model\.json\) is missing/);
  });

  it('lists every unsupported layer, including classes tfjs cannot build', async () => {
    const dir = join(root, 'unsupported');
    const model = tfl.sequential({
      layers: [
        tfl.layers.lstm({ inputShape: [5, 3], units: 4, returnSequences: true, name: 'my_lstm', recurrentInitializer: 'glorotNormal' }),
        tfl.layers.dense({ units: 2, name: 'head' }),
      ],
    });
    await saveModelFolder(model, dir);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { modelTopology: { config: { layers: unknown[] } } };
    json.modelTopology.config.layers.push({ class_name: 'MyCustomLayer', config: { name: 'mystery' } });
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    await expectOneLineError(['unsupported', '-o', 'x.onnx'], /2 layer\(s\) in .* have no ONNX converter: my_lstm \(LSTM\), mystery \(MyCustomLayer\)/);
  });

  it('lists unsupported options found after loading', async () => {
    const dir = join(root, 'causal');
    await saveModelFolder(tfl.sequential({ layers: [tfl.layers.conv1d({ inputShape: [8, 2], filters: 2, kernelSize: 3, padding: 'causal', name: 'causal_conv' })] }), dir);
    await expectOneLineError(['causal', '-o', 'x.onnx'], /causal_conv \(Conv1D\): option padding='causal' is not supported/);
  });

  it('bad flags', async () => {
    await expectOneLineError(['generator'], /required option '-o, --output <file>' not specified/);
    await expectOneLineError(['generator', '-o', 'x.onnx', '--opset', '9'], /option '--opset <n>' argument '9' is invalid\. must be an integer from 13 to 21/);
    await expectOneLineError(['generator', '-o', 'x.onnx', '--opset', '17.5'], /argument '17\.5' is invalid/);
    await expectOneLineError(['generator', '-o', 'x.onnx', '--layout', 'nwhc'], /argument 'nwhc' is invalid\. Allowed choices are nchw, nhwc/);
    await expectOneLineError(['generator', '-o', 'x.onnx', '--fast'], /unknown option '--fast'/);
    await expectOneLineError(['-o', 'x.onnx'], /missing required argument 'model'/);
    expect(existsSync(join(root, 'x.onnx'))).toBe(false);
  });
});
