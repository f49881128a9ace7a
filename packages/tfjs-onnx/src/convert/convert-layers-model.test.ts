import { describe, expect, it } from 'vitest';
import { dcganDiscriminator, dcganGenerator, vaeDecoder, vaeEncoder } from '../../test-support/architectures.js';
import { checkParity, logError, randomizeWeights, tfl, useCpuBackend } from '../../test-support/parity.js';
import { convertLayersModel, decodeModelProto, UnsupportedLayersError } from '../index.js';

const TOLERANCE = 1e-4;

describe('real architectures', () => {
  it('DCGAN generator: parity, dynamic batch, no transposes', async () => {
    const model = dcganGenerator();
    randomizeWeights(model, 3);
    const result = await checkParity(model, { batchSizes: [1, 5] });
    logError('DCGAN G', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.conversion.inputs).toEqual([{ name: model.inputs[0]!.sourceLayer.name, shape: ['batch', 64] }]);
    expect(result.conversion.outputs[0]!.shape).toEqual(['batch', 1, 28, 28]);
    expect(result.conversion.outputs[0]!.layout).toBe('NCHW');
    console.log(`[report] DCGAN G: ${JSON.stringify(result.conversion.report)}`);
  });

  it('DCGAN discriminator', async () => {
    const model = dcganDiscriminator();
    randomizeWeights(model, 4);
    const result = await checkParity(model);
    logError('DCGAN D', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.conversion.inputs[0]!.shape).toEqual(['batch', 1, 28, 28]);
  });

  it('DCGAN discriminator with NHWC boundary', async () => {
    const model = dcganDiscriminator();
    randomizeWeights(model, 4);
    const result = await checkParity(model, { imageLayout: 'NHWC' });
    logError('DCGAN D (NHWC)', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.conversion.inputs[0]!.shape).toEqual(['batch', 28, 28, 1]);
  });

  it('VAE encoder (functional, two heads) with custom names', async () => {
    const model = vaeEncoder();
    randomizeWeights(model, 5);
    const result = await checkParity(model, { inputNames: ['x'], outputNames: ['mean', 'logvar'] });
    logError('VAE encoder', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.conversion.outputs.map((o) => o.name)).toEqual(['mean', 'logvar']);
    expect(result.conversion.outputs.map((o) => o.shape)).toEqual([['batch', 16], ['batch', 16]]);
  });

  for (const opset of [13, 21]) {
    it(`DCGAN G at opset ${opset}`, async () => {
      const model = dcganGenerator();
      randomizeWeights(model, 3);
      const result = await checkParity(model, { opset, batchSizes: [2] });
      logError(`DCGAN G opset ${opset}`, result);
      expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
      expect(decodeModelProto(result.conversion.bytes).opset_import).toEqual([{ version: opset }]);
    });
  }

  it('VAE decoder', async () => {
    const model = vaeDecoder();
    randomizeWeights(model, 6);
    const result = await checkParity(model);
    logError('VAE decoder', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
  });

  it('functional model with several inputs and a nested Sequential', async () => {
    const a = tfl.input({ shape: [4], name: 'a' });
    const b = tfl.input({ shape: [4], name: 'b' });
    const inner = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [8], units: 3, activation: 'tanh' })] });
    const joined = tfl.layers.concatenate().apply([a, b]) as tfl.SymbolicTensor;
    const out1 = inner.apply(joined) as tfl.SymbolicTensor;
    const out2 = tfl.layers.dense({ units: 2 }).apply(a) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: [a, b], outputs: [out1, out2] });
    randomizeWeights(model, 8);
    const result = await checkParity(model);
    logError('multi-input functional', result);
    expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.conversion.inputs.map((i) => i.name)).toEqual(['a', 'b']);
  });
});

describe('errors', () => {
  it('lists every unsupported layer by name and class', async () => {
    await useCpuBackend();
    const model = tfl.sequential({
      layers: [
        tfl.layers.lstm({ inputShape: [5, 3], units: 4, returnSequences: true, name: 'my_lstm', recurrentInitializer: 'glorotNormal' }),
        tfl.layers.gru({ units: 2, name: 'my_gru', recurrentInitializer: 'glorotNormal' }),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    let error: unknown;
    try {
      convertLayersModel(model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedLayersError);
    const message = (error as Error).message;
    expect(message).toContain('my_lstm (LSTM)');
    expect(message).toContain('my_gru (GRU)');
    expect((error as UnsupportedLayersError).issues).toHaveLength(2);
  });

  it('names the layer and option of an unsupported activation', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2, name: 'head' })] });
    (model.layers[0] as unknown as { getConfig(): Record<string, unknown> }).getConfig = () => ({ activation: 'bogus' });
    expect(() => convertLayersModel(model)).toThrow(/head \(Dense\): option activation='bogus' is not supported/);
  });

  it('rejects a bad opset and mismatched names with one-line errors', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2 })] });
    expect(() => convertLayersModel(model, { opset: 9 })).toThrow(/opset must be an integer from 13 to 21, got 9/);
    expect(() => convertLayersModel(model, { inputNames: ['a', 'b'] })).toThrow(/inputNames has 2 names but the model has 1 inputs/);
  });
});

describe('model header', () => {
  it('writes opset, producer, doc string and metadata that decode back', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2 })] });
    const { bytes, report } = convertLayersModel(model, {
      opset: 15,
      modelName: 'tiny',
      docString: 'a tiny model',
      metadata: { dataset: 'mnist', epochs: '3' },
      producerVersion: '9.9.9',
    });
    const decoded = decodeModelProto(bytes);
    expect(decoded.ir_version).toBe(8);
    expect(decoded.opset_import).toEqual([{ version: 15 }]);
    expect(decoded.producer_version).toBe('9.9.9');
    expect(decoded.doc_string).toBe('a tiny model');
    expect(decoded.metadata_props).toEqual([
      { key: 'dataset', value: 'mnist' },
      { key: 'epochs', value: '3' },
    ]);
    expect(decoded.graph?.name).toBe('tiny');
    expect(decoded.graph?.input?.[0]?.type?.tensor_type?.shape?.dim?.[0]).toEqual({ dim_param: 'batch' });
    expect(report.bytes).toBe(bytes.length);
    expect(report.parameters).toBe(3 * 2 + 2);
    expect(() => decodeModelProto(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(/not a valid ONNX model/);
  });
});
