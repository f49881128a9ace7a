import { describe, expect, it } from 'vitest';
import { inferNode, outShape, typed } from '../../../test-support/infer-node.js';
import { attr } from '../../ir/attributes.js';

describe('Reshape, Flatten, Transpose, Squeeze, Unsqueeze, Expand inference', () => {
  it('Reshape: 0 copies (the batch symbol too), -1 takes the rest', () => {
    expect(outShape('Reshape', [['batch', 3136], { int64: [0, 64, 7, 7] }])).toEqual(['batch', 64, 7, 7]);
    expect(outShape('Reshape', [['batch', 3136], { int64: [0, 64, -1, 7] }])).toEqual(['batch', 64, 7, 7]);
    expect(outShape('Reshape', [['batch', 8], { int64: [0, 1, -1] }])).toEqual(['batch', 1, 8]);
    expect(outShape('Reshape', [[2, 3, 4], { int64: [-1] }])).toEqual([24]);
    // The batch symbol is not copied: what -1 stands for is not static.
    expect(outShape('Reshape', [['batch', 4], { int64: [-1, 2] }])).toEqual([null, 2]);
    expect(outShape('Reshape', [[2, 0], { int64: [0, 0] }], { allowzero: attr.int(1) })).toEqual([0, 0]);
  });

  it('Reshape: element-count mismatches and bad targets are errors; a non-constant shape leaves dims unknown', () => {
    expect(() => outShape('Reshape', [['batch', 3136], { int64: [0, 64, 7, 8] }])).toThrow(/cannot reshape \[batch, 3136\]/);
    expect(() => outShape('Reshape', [['batch', 10], { int64: [0, 3, -1] }])).toThrow(/cannot reshape \[batch, 10\] to \[0, 3, -1\]/);
    expect(() => outShape('Reshape', [['batch', 10], { int64: [-1, -1] }])).toThrow(/more than one -1/);
    expect(outShape('Reshape', [['batch', 10], typed('int64', [3])])).toEqual([null, null, null]);
  });

  it('Flatten multiplies around the axis; Transpose permutes', () => {
    expect(outShape('Flatten', [['batch', 64, 7, 7]], { axis: attr.int(1) })).toEqual(['batch', 3136]);
    expect(outShape('Flatten', [['batch', 64, 7, 7]], { axis: attr.int(0) })).toEqual([1, null]);
    expect(outShape('Flatten', [[2, 3, 4]], { axis: attr.int(-1) })).toEqual([6, 4]);
    expect(outShape('Transpose', [['batch', 7, 7, 64]], { perm: attr.ints([0, 3, 1, 2]) })).toEqual(['batch', 64, 7, 7]);
    expect(outShape('Transpose', [[2, 3, 4]])).toEqual([4, 3, 2]);
    expect(() => outShape('Transpose', [[2, 3, 4]], { perm: attr.ints([0, 0, 1]) })).toThrow(/perm \[0, 0, 1\] is not a permutation/);
  });

  it('Unsqueeze/Squeeze with axes as input (opset 13+) or attribute; Expand broadcasts to a constant shape', () => {
    expect(outShape('Unsqueeze', [['batch', 5], { int64: [1, -1] }])).toEqual(['batch', 1, 5, 1]);
    expect(outShape('Unsqueeze', [['batch', 5]], { axes: attr.ints([0]) }, 11)).toEqual([1, 'batch', 5]);
    expect(outShape('Squeeze', [['batch', 1, 5, 1], { int64: [1, 3] }])).toEqual(['batch', 5]);
    expect(outShape('Squeeze', [[1, 5, 1]])).toEqual([5]);
    expect(() => outShape('Squeeze', [['batch', 2, 5], { int64: [1] }])).toThrow(/cannot squeeze axis 1 of size 2/);
    expect(outShape('Expand', [['batch', 1, 8], { int64: [1, 3, 1] }])).toEqual(['batch', 3, 8]);
  });
});

describe('Concat, Gather, Slice, Pad, Resize inference', () => {
  it('Concat sums the axis and requires the other dims to agree', () => {
    expect(outShape('Concat', [['batch', 4], ['batch', 6]], { axis: attr.int(-1) })).toEqual(['batch', 10]);
    expect(outShape('Concat', [['batch', 2, 5, 5], ['batch', 3, 5, 5]], { axis: attr.int(1) })).toEqual(['batch', 5, 5, 5]);
    expect(() => outShape('Concat', [['batch', 2, 5, 5], ['batch', 3, 4, 5]], { axis: attr.int(1) })).toThrow(
      /inputs differ on non-concat axis 2: \[batch, 2, 5, 5\], \[batch, 3, 4, 5\] \(axis 1\)/,
    );
    expect(() => outShape('Concat', [['batch', 2], ['batch', 3, 1]], { axis: attr.int(1) })).toThrow(/inputs differ in rank/);
  });

  it('Gather splices the index shape into the data shape', () => {
    expect(outShape('Gather', [[10, 6], typed('int64', ['batch', 1])], { axis: attr.int(0) })).toEqual(['batch', 1, 6]);
    expect(outShape('Gather', [['batch', 5, 6], typed('int64', [])], { axis: attr.int(1) })).toEqual(['batch', 6]);
    expect(() => outShape('Gather', [[10, 6], typed('float32', [3])])).toThrow(/indices must be int32 or int64/);
  });

  it('Slice clamps like ONNX, with negative indices and steps', () => {
    expect(outShape('Slice', [['batch', 3, 8, 8], { int64: [1, 2] }, { int64: [7, 6] }, { int64: [2, 3] }])).toEqual(['batch', 3, 6, 4]);
    expect(outShape('Slice', [[10], { int64: [-3] }, { int64: [1000] }])).toEqual([3]);
    expect(outShape('Slice', [[10], { int64: [8] }, { int64: [-100] }, { int64: [0] }, { int64: [-2] }])).toEqual([5]);
    expect(outShape('Slice', [['batch', 4], { int64: [0] }, { int64: [2] }, { int64: [0] }])).toEqual([null, 4]);
  });

  it('Pad adds begin and end pads; Resize scales or sizes', () => {
    expect(outShape('Pad', [['batch', 3, 5, 5], { int64: [0, 0, 1, 2, 0, 0, 3, 4] }])).toEqual(['batch', 3, 9, 11]);
    expect(outShape('Pad', [['batch', 3, 5, 5], { int64: [1, 1, 0, -1] }, '', { int64: [2, 3] }])).toEqual(['batch', 3, 6, 5]);
    expect(() => outShape('Pad', [['batch', 3, 5, 5], { int64: [0, 1] }])).toThrow(/pads \[0, 1\] do not match 4 axes/);
    expect(outShape('Resize', [['batch', 8, 7, 7], '', { floats: [1, 1, 2, 2] }])).toEqual(['batch', 8, 14, 14]);
    expect(outShape('Resize', [['batch', 8, 7, 7], '', { floats: [1, 1, 0.5, 1.5] }])).toEqual(['batch', 8, 3, 10]);
    expect(outShape('Resize', [['batch', 8, 7, 7], '', '', { int64: [2, 8, 9, 9] }])).toEqual([2, 8, 9, 9]);
    expect(() => outShape('Resize', [['batch', 8, 7, 7], '', { floats: [2, 2] }])).toThrow(/scales \[2, 2\] do not match 4 axes/);
  });
});

describe('reduction inference', () => {
  it('ReduceMean with axes as attribute (opset < 18) or input, keepdims', () => {
    expect(outShape('ReduceMean', [['batch', 8, 4, 4]], { axes: attr.ints([1]), keepdims: attr.int(1) }, 13)).toEqual(['batch', 1, 4, 4]);
    expect(outShape('ReduceMean', [['batch', 8, 4, 4], { int64: [-1, 2] }], { keepdims: attr.int(0) })).toEqual(['batch', 8]);
    expect(outShape('ReduceMean', [['batch', 8]])).toEqual([1, 1]);
    expect(outShape('ReduceMean', [['batch', 8], typed('int64', [1])])).toEqual([null, null]);
    expect(() => outShape('ReduceMean', [['batch', 8], { int64: [2] }])).toThrow(/axis 2 is out of range for rank 2/);
  });

  it('keeps element types', () => {
    expect(inferNode('ReduceSum', [typed('int64', [3, 4]), { int64: [0] }])[0]).toEqual({ elemType: 'int64', shape: [1, 4] });
  });
});
