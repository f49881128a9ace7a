import { describe, expect, it } from 'vitest';
import { expectModelParity, expectSequentialParity } from '../../test-support/expect-parity.js';
import { tf, tfl, useCpuBackend } from '../../test-support/parity.js';
import { convertLayersModel, spectralNormalization, UnsupportedLayersError } from '../index.js';
import { spectralNorm } from './spectral-normalization-converter.js';

const dense = (units = 5) => spectralNormalization({ layer: tfl.layers.dense({ units, activation: 'relu' }), inputShape: [6] });

/** Top singular value of a [rows, cols] matrix by many power iterations. */
function topSingularValue(matrix: tf.Tensor2D): number {
  return tf.tidy(() => {
    let u = tf.ones([1, matrix.shape[1]]);
    for (let i = 0; i < 200; i++) {
      const v = tf.matMul(u, matrix, false, true);
      u = tf.div(tf.matMul(v, matrix), tf.norm(tf.matMul(v, matrix)));
    }
    return tf.norm(tf.matMul(matrix, u, false, true)).dataSync()[0]!;
  });
}

describe('SpectralNormalization', () => {
  it('Dense: exports as Gemm with W/σ, parity with tfjs', async () => {
    const result = await expectSequentialParity('SN Dense', [dense()]);
    expect(result.conversion.report.nodesByType).toEqual({ Gemm: 1, Relu: 1 });
  });

  it('Conv2D (stride 2, same, bias) after training steps, NHWC and NCHW boundary', async () => {
    await useCpuBackend();
    const build = () =>
      tfl.sequential({
        layers: [
          spectralNormalization({ layer: tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }), inputShape: [7, 7, 3] }),
          tfl.layers.leakyReLU({ alpha: 0.2 }),
          spectralNormalization({ layer: tfl.layers.conv2d({ filters: 2, kernelSize: 2, useBias: false }), powerIterations: 2 }),
        ],
      });
    for (const imageLayout of ['NCHW', 'NHWC'] as const) {
      const model = build();
      // Training calls move u away from its random start; export must use the stored u.
      const x = tf.randomNormal([4, 7, 7, 3], 0, 1, 'float32', 1);
      for (let i = 0; i < 3; i++) tf.dispose(model.apply(x, { training: true }) as tf.Tensor);
      const result = await expectModelParity(`SN Conv2D ${imageLayout}`, model, { imageLayout, keepWeights: true });
      expect(result.conversion.report.nodesByType['Conv']).toBe(2);
    }
  });

  it('training normalizes to σ≈1, updates u only in training, and inference repeats the last training forward', async () => {
    await useCpuBackend();
    const layer = spectralNormalization({ layer: tfl.layers.dense({ units: 8, useBias: false }), powerIterations: 5, inputShape: [12] });
    const model = tfl.sequential({ layers: [layer] });
    const kernel = model.getWeights()[0] as tf.Tensor2D;
    model.setWeights([tf.mul(kernel, 7), model.getWeights()[1]!]);
    const x = tf.randomNormal([3, 12], 0, 1, 'float32', 2);
    let trained: tf.Tensor | undefined;
    for (let i = 0; i < 30; i++) {
      trained?.dispose();
      trained = model.apply(x, { training: true }) as tf.Tensor;
    }
    const u = () => Array.from(model.getWeights()[1]!.dataSync());
    const uAfterTraining = u();
    const inferred = model.predict(x) as tf.Tensor;
    expect(u()).toEqual(uAfterTraining);
    expect(tf.max(tf.abs(tf.sub(inferred, trained!))).dataSync()[0]).toBeLessThan(1e-6);
    // The effective kernel W/σ has top singular value ≈ 1 once u has converged.
    const w = model.getWeights()[0] as tf.Tensor2D;
    const sigma = spectralNorm({ data: Float32Array.from(w.dataSync()), shape: w.shape }, Float32Array.from(uAfterTraining));
    expect(topSingularValue(tf.div(w, sigma) as tf.Tensor2D)).toBeCloseTo(1, 3);
  });

  it('gradients flow through W and σ(W) but not through u', async () => {
    await useCpuBackend();
    const layer = spectralNormalization({ layer: tfl.layers.dense({ units: 3, useBias: false }), inputShape: [4] });
    const model = tfl.sequential({ layers: [layer] });
    const x = tf.randomNormal([2, 4], 0, 1, 'float32', 5);
    const [kernelVar] = model.trainableWeights;
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar, [kernelVar!.read() as tf.Variable]);
    // Reference: the same loss with the (already updated) u held constant.
    const u = tf.tensor(model.getWeights()[1]!.dataSync(), [1, 3]);
    const uHat = tf.div(u, tf.norm(u));
    const w = tf.variable(tf.clone(kernelVar!.read()));
    const reference = tf.grad((wt: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, tf.div(wt, tf.norm(tf.matMul(wt, uHat, false, true)))))));
    const want = reference(w);
    const got = Object.values(grads)[0]!;
    expect(tf.max(tf.abs(tf.sub(got, want))).dataSync()[0]).toBeLessThan(1e-5);
  });

  it('round-trips through model.json serialization with its weights', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [dense(3)] });
    const x = tf.randomNormal([2, 6], 0, 1, 'float32', 3);
    tf.dispose(model.apply(x, { training: true }) as tf.Tensor);
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const json = JSON.parse(JSON.stringify(saved!.modelTopology)) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const layerJson = json.config.layers.find((l) => l.class_name === 'SpectralNormalization')!;
    expect(layerJson.config['layer']).toMatchObject({ class_name: 'Dense', config: { units: 3 } });
    const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved!));
    const a = (model.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(convertLayersModel(loaded).report.nodesByType['Gemm']).toBe(1);
  });

  it('rejects wrapping an unsupported layer; the converter names the wrapped issue', async () => {
    await useCpuBackend();
    expect(() => spectralNormalization({ layer: tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3 }) })).toThrow(
      /can wrap Dense, Conv1D, Conv2D, not Conv2DTranspose/,
    );
    const model = tfl.sequential({
      layers: [spectralNormalization({ name: 'sn', layer: tfl.layers.conv1d({ filters: 2, kernelSize: 3, padding: 'causal' }), inputShape: [6, 2] })],
    });
    expect(() => convertLayersModel(model)).toThrow(UnsupportedLayersError);
    expect(() => convertLayersModel(model)).toThrow(/sn \(SpectralNormalization\): wrapped Conv1D: option padding='causal' is not supported/);
  });
});
