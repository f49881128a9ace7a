import { describe, expect, it } from 'vitest';
import { tfl, useCpuBackend } from '../../test-support/parity.js';
import { convertLayersModel, decodeModelProto, encodeModelProto, getLayerConverter, registerLayerConverter } from '../index.js';
import { attr } from '../ir/attributes.js';
import { GraphBuilder } from '../ir/graph-builder.js';
import { toModelProto } from '../ir/to-model-proto.js';
import { inferShapes } from './infer-shapes.js';
import { intermediateValueInfo, validateShapes } from './validate-shapes.js';

const header = { irVersion: 8, opset: 21, producerName: 'test', producerVersion: '0' };

function denseGraph(weightRows = 4): GraphBuilder {
  const b = new GraphBuilder('g');
  b.addInput({ name: 'x', elemType: 'float32', shape: ['batch', 4] });
  const [h] = b.addNode('Gemm', ['x', b.constFloat('w', new Float32Array(weightRows * 3), [weightRows, 3])], {}, { nameHint: 'dense' });
  const [r] = b.addNode('Relu', [h!], {}, { nameHint: 'relu' });
  const [y] = b.addNode('Reshape', [r!, b.constInt64('shape', [0, 3, 1])], {}, { nameHint: 'y' });
  b.addOutput({ name: y!, elemType: 'float32', shape: ['batch', 3, 1] });
  return b;
}

describe('shape inference pass', () => {
  it('propagates shapes and element types through the graph', () => {
    const { types, problems, unknownOpTypes } = inferShapes(denseGraph().graph, 21);
    expect(problems).toEqual([]);
    expect(unknownOpTypes).toEqual([]);
    expect(types.get('dense')).toEqual({ elemType: 'float32', shape: ['batch', 3] });
    expect(types.get('y')).toEqual({ elemType: 'float32', shape: ['batch', 3, 1] });
  });

  it('names the node, op and input shapes of an inconsistent node, without cascading', () => {
    const graph = denseGraph(5).graph;
    const { problems, types } = inferShapes(graph, 21);
    expect(problems).toEqual([
      "node 'dense' (Gemm) with inputs 'x' [batch, 4], 'w' [5, 3]: inner dimensions differ: A [batch, 4] (transA 0) has 4, B [5, 3] (transB 0) has 5",
    ]);
    expect(types.get('relu')).toEqual({ elemType: null, shape: null });
    expect(() => validateShapes(graph, 21)).toThrow(/^invalid ONNX graph 'g': node 'dense' \(Gemm\) with inputs/);
  });

  it('leaves the outputs of op types it does not know unknown (custom domains too), and says which', () => {
    const b = new GraphBuilder('g');
    b.addInput({ name: 'x', elemType: 'float32', shape: ['batch', 4] });
    const [m] = b.addNode('Mystery', ['x'], {}, { nameHint: 'm' });
    const [c] = b.addNode('Relu', ['x'], {}, { nameHint: 'c', domain: 'com.example' });
    const [y] = b.addNode('Add', [m!, c!], {}, { nameHint: 'y' });
    b.addOutput({ name: y!, elemType: 'float32', shape: ['batch', 4] });
    const { types, problems, unknownOpTypes } = inferShapes(b.graph, 21);
    expect(problems).toEqual([]);
    expect(unknownOpTypes).toEqual(['Mystery', 'com.example.Relu']);
    expect(types.get('y')).toEqual({ elemType: null, shape: null });
    expect(intermediateValueInfo(b.graph, validateShapes(b.graph, 21))).toEqual([]);
  });

  it('a declared graph output that disagrees with its producer is an error naming the node', () => {
    const b = denseGraph();
    b.graph.outputs[0]!.shape = ['batch', 1, 3];
    expect(() => validateShapes(b.graph, 21)).toThrow(
      "invalid ONNX graph 'g': graph output 'y' is declared float32 [batch, 1, 3] but node 'y' (Reshape) produces float32 [batch, 3, 1]",
    );
    b.graph.outputs[0]!.shape = [2, 3, 1];
    expect(() => validateShapes(b.graph, 21)).toThrow(/declared float32 \[2, 3, 1\] but node 'y' \(Reshape\) produces float32 \[batch, 3, 1\]/);
  });

  it('writes intermediate types as value_info, unknown dims as empty dimensions', () => {
    const b = denseGraph();
    const [s] = b.addNode('Reshape', ['x', b.constInt64('s', [-1, 2])], {}, { nameHint: 's' });
    b.addOutput({ name: s!, elemType: 'float32', shape: ['n', 2] });
    const infos = intermediateValueInfo(b.graph, validateShapes(b.graph, 21));
    expect(infos).toEqual([
      { name: 'dense', elemType: 'float32', shape: ['batch', 3] },
      { name: 'relu', elemType: 'float32', shape: ['batch', 3] },
    ]);
    const extra = { name: 'extra', elemType: 'int64' as const, shape: [null, 2] };
    const graph = decodeModelProto(encodeModelProto(toModelProto(b.graph, header, [...infos, extra]))).graph!;
    expect(graph.value_info!.map((v) => v.name)).toEqual(['dense', 'relu', 'extra']);
    expect(graph.value_info![0]!.type!.tensor_type!.shape!.dim).toEqual([{ dim_param: 'batch' }, { dim_value: 3 }]);
    expect(graph.value_info![2]!.type!.tensor_type).toEqual({ elem_type: 7, shape: { dim: [{}, { dim_value: 2 }] } });
  });
});

describe('shape validation in convertLayersModel', () => {
  it('a converter that emits inconsistent shapes fails naming the node, op and shapes', async () => {
    await useCpuBackend();
    const original = getLayerConverter('Dense')!;
    registerLayerConverter('Dense', {
      convert(ctx, call) {
        const x = call.inputs[0]!;
        const w = ctx.constFloat(`${call.name}_w`, new Float32Array(5 * 2), [5, 2]);
        return [{ name: ctx.op('Gemm', [ctx.logical(x), w], {}, `${call.name}_gemm`), perm: null }];
      },
    });
    try {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2, name: 'head' })] });
      expect(() => convertLayersModel(model)).toThrow(/node 'head_gemm' \(Gemm\) with inputs '\S+' \[batch, 3\], 'head_w' \[5, 2\]: inner dimensions differ/);
    } finally {
      registerLayerConverter('Dense', original);
    }
  });

  it('a converter whose output shape differs from the tfjs layer fails naming the node', async () => {
    await useCpuBackend();
    const original = getLayerConverter('Reshape')!;
    registerLayerConverter('Reshape', {
      convert(ctx, call) {
        const shape = ctx.constInt64(`${call.name}_shape`, [0, 3, 2]);
        return [{ name: ctx.op('Reshape', [ctx.logical(call.inputs[0]!), shape], {}, call.name), perm: null }];
      },
    });
    try {
      const model = tfl.sequential({ layers: [tfl.layers.reshape({ inputShape: [6], targetShape: [2, 3], name: 'rs' })] });
      expect(() => convertLayersModel(model, { outputNames: ['out'] })).toThrow(
        /graph output 'out' is declared float32 \[batch, 2, 3\] but node 'rs' \(Reshape\) produces float32 \[batch, 3, 2\]/,
      );
    } finally {
      registerLayerConverter('Reshape', original);
    }
  });

  it('ops without inference (a custom domain) do not fail the conversion', async () => {
    await useCpuBackend();
    const original = getLayerConverter('ReLU')!;
    registerLayerConverter('ReLU', {
      convert(ctx, call) {
        const x = call.inputs[0]!;
        const [y] = ctx.builder.addNode('FancyRelu', [x.name], { alpha: attr.float(0) }, { nameHint: call.name, domain: 'com.example' });
        return [{ name: y!, perm: x.perm }];
      },
    });
    try {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [3], units: 2 }), tfl.layers.reLU(), tfl.layers.dense({ units: 1 })] });
      const graph = decodeModelProto(convertLayersModel(model).bytes).graph!;
      const infos = new Map(graph.value_info!.map((v) => [v.name, v.type!.tensor_type!]));
      const fancy = graph.node!.find((n) => n.op_type === 'FancyRelu')!.output![0]!;
      expect(infos.has(fancy)).toBe(false);
      expect(graph.value_info).toHaveLength(1);
    } finally {
      registerLayerConverter('ReLU', original);
    }
  });
});
