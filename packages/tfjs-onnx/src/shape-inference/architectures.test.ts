import { describe, expect, it } from 'vitest';
import { dcganDiscriminator, dcganGenerator, vaeEncoder } from '../../test-support/architectures.js';
import { expectModelParity } from '../../test-support/expect-parity.js';
import { inferenceCoverage, runtimeShapeMismatches } from '../../test-support/inference-coverage.js';
import { randomizeWeights, useCpuBackend } from '../../test-support/parity.js';
import { representativeModels } from '../../test-support/representative-models.js';
import { convertLayersModel, decodeModelProto, encodeModelProto, registeredLayerClasses, shapeInferenceOpTypes } from '../index.js';

function valueInfoShapes(bytes: Uint8Array): Record<string, string> {
  const graph = decodeModelProto(bytes).graph!;
  return Object.fromEntries(
    (graph.value_info ?? []).map((v) => [v.name, (v.type!.tensor_type!.shape!.dim ?? []).map((d) => d.dim_value ?? d.dim_param ?? '?').join('×')]),
  );
}

describe('inferred shapes of the real architectures', () => {
  it('DCGAN generator: every intermediate has a static shape (batch aside); onnxruntime agrees', async () => {
    const result = await expectModelParity('DCGAN G (value_info)', dcganGenerator());
    const coverage = inferenceCoverage(result.conversion.bytes);
    console.log(`[shapes] DCGAN G: ${coverage.valueInfos} value_info entries for ${coverage.intermediates} intermediate values`);
    expect(coverage.notFullyKnown).toEqual([]);
    expect(coverage.valueInfos).toBe(coverage.intermediates);
    expect(await runtimeShapeMismatches(result.conversion.bytes, 3)).toEqual([]);
    // The runtime comparison does catch a wrong value_info (onnxruntime alone would only warn).
    const corrupted = decodeModelProto(result.conversion.bytes);
    corrupted.graph!.value_info![2]!.type!.tensor_type!.shape!.dim![2] = { dim_value: 8 };
    expect(await runtimeShapeMismatches(encodeModelProto(corrupted), 3)).toEqual([expect.stringMatching(/inferred 3×64×8×7, onnxruntime 3×64×7×7/)]);
    expect(Object.values(valueInfoShapes(result.conversion.bytes))).toEqual([
      'batch×3136', // Gemm (BN folded)
      'batch×3136', // Relu
      'batch×64×7×7', // Reshape straight to NCHW
      'batch×32×14×14', // ConvTranspose (BN folded)
      'batch×32×14×14', // Relu
      'batch×1×28×28', // ConvTranspose, before the output Tanh
    ]);
  });

  it('DCGAN discriminator and VAE encoder: fully static intermediates; onnxruntime agrees', async () => {
    for (const [label, model] of [['DCGAN D (value_info)', dcganDiscriminator()], ['VAE encoder (value_info)', vaeEncoder()]] as const) {
      const result = await expectModelParity(label, model);
      const coverage = inferenceCoverage(result.conversion.bytes);
      expect(coverage.notFullyKnown).toEqual([]);
      expect(coverage.valueInfos).toBe(coverage.intermediates);
      expect(coverage.valueInfos).toBeGreaterThan(3);
      expect(await runtimeShapeMismatches(result.conversion.bytes, 3)).toEqual([]);
    }
    const d = convertLayersModel(dcganDiscriminator());
    expect(Object.values(valueInfoShapes(d.bytes))).toEqual(['batch×32×14×14', 'batch×32×14×14', 'batch×64×7×7', 'batch×64×7×7', 'batch×3136']);
  });
});

describe('inference registry coverage', () => {
  it('every op type the converter emits (over a representative set of models) has an inference function, and onnxruntime computes the inferred shapes', async () => {
    await useCpuBackend();
    const emitted = new Set<string>();
    const classes = new Set<string>();
    for (const { label, build, options } of representativeModels) {
      const model = build();
      randomizeWeights(model);
      const collect = (layers: readonly { getClassName(): string; layers?: unknown }[]): void =>
        layers.forEach((l) => {
          classes.add(l.getClassName());
          const wrapped = (l as unknown as { layer?: { getClassName(): string } }).layer;
          if (wrapped) classes.add(wrapped.getClassName());
          if (Array.isArray(l.layers)) collect(l.layers as never);
        });
      collect(model.layers);
      const { bytes } = convertLayersModel(model, options);
      const coverage = inferenceCoverage(bytes);
      coverage.opTypes.forEach((op) => emitted.add(op));
      const wrong = await runtimeShapeMismatches(bytes);
      expect({ label, missing: coverage.missingInference, notFullyKnown: coverage.notFullyKnown, wrong }).toEqual({ label, missing: [], notFullyKnown: [], wrong: [] });
    }
    // The set is representative: it uses every registered layer converter.
    expect(registeredLayerClasses().filter((c) => !classes.has(c))).toEqual([]);
    const ops = [...emitted].sort();
    console.log(`[shapes] ${ops.length} op types emitted: ${ops.join(' ')}`);
    expect(ops.filter((op) => !shapeInferenceOpTypes().includes(op))).toEqual([]);
    expect(ops).toEqual(expect.arrayContaining(['Gemm', 'MatMul', 'Conv', 'ConvTranspose', 'Reshape', 'Flatten', 'Transpose', 'Concat', 'Resize', 'Pad', 'Slice', 'Gather', 'LayerNormalization', 'ReduceMean', 'Cast', 'Expand']));
  });
});
