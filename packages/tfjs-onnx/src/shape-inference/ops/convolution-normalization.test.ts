import { describe, expect, it } from 'vitest';
import { inferNode, outShape } from '../../../test-support/infer-node.js';
import { attr } from '../../ir/attributes.js';
import { forwardPads, transposedConvPads } from '../../layers/conv-padding.js';

const ints = attr.ints;

describe('Conv and ConvTranspose inference', () => {
  it('Conv: pads, strides, dilations, group, auto_pad', () => {
    const conv = { kernel_shape: ints([4, 4]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) };
    expect(outShape('Conv', [['batch', 1, 28, 28], [32, 1, 4, 4], [32]], conv)).toEqual(['batch', 32, 14, 14]);
    expect(outShape('Conv', [['batch', 3, 9, 9], [6, 3, 3, 3]], { dilations: ints([2, 2]) })).toEqual(['batch', 6, 5, 5]);
    expect(outShape('Conv', [['batch', 8, 5, 5], [8, 1, 3, 3]], { group: attr.int(8), pads: ints([1, 1, 1, 1]) })).toEqual(['batch', 8, 5, 5]);
    expect(outShape('Conv', [['batch', 3, 10], [4, 3, 3]], { strides: ints([3]), auto_pad: attr.string('SAME_UPPER') })).toEqual(['batch', 4, 4]);
    expect(outShape('Conv', [['batch', 3, 10], [4, 3, 3]], { strides: ints([3]), auto_pad: attr.string('VALID') })).toEqual(['batch', 4, 3]);
  });

  it('Conv: channel, kernel and window mismatches are errors', () => {
    expect(() => outShape('Conv', [['batch', 3, 8, 8], [4, 2, 3, 3]])).toThrow(/X \[batch, 3, 8, 8\] has 3 channels but W \[4, 2, 3, 3\] with group 1 expects 2/);
    expect(() => outShape('Conv', [['batch', 3, 8, 8], [4, 3, 3, 3]], { kernel_shape: ints([5, 5]) })).toThrow(/kernel_shape \[5, 5\] does not match weight/);
    expect(() => outShape('Conv', [['batch', 3, 2, 2], [4, 3, 3, 3]])).toThrow(/window 3 is larger than the padded input 2/);
    expect(() => outShape('Conv', [['batch', 3, 8, 8], [4, 3, 3, 3], [5]])).toThrow(/bias \[5\] does not match 4 output channels/);
  });

  it('ConvTranspose: stride·(in−1) + output_padding + kernel − pads, group, output_shape', () => {
    const deconv = { kernel_shape: ints([4, 4]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) };
    expect(outShape('ConvTranspose', [['batch', 64, 7, 7], [64, 32, 4, 4]], deconv)).toEqual(['batch', 32, 14, 14]);
    expect(outShape('ConvTranspose', [['batch', 2, 3], [2, 1, 3]], { strides: ints([2]), output_padding: ints([1]) })).toEqual(['batch', 1, 8]);
    expect(outShape('ConvTranspose', [['batch', 4, 5], [4, 3, 3]], { group: attr.int(2), dilations: ints([2]) })).toEqual(['batch', 6, 9]);
    expect(outShape('ConvTranspose', [['batch', 4, 5, 5], [4, 3, 3, 3]], { output_shape: ints([11, 11]), strides: ints([2, 2]) })).toEqual(['batch', 3, 11, 11]);
    expect(outShape('ConvTranspose', [['batch', 4, 5, 5], [4, 3, 3, 3]], { auto_pad: attr.string('SAME_UPPER'), strides: ints([2, 2]) })).toEqual(['batch', 3, 10, 10]);
    expect(() => outShape('ConvTranspose', [['batch', 5, 7, 7], [4, 3, 3, 3]])).toThrow(/X \[batch, 5, 7, 7\] has 5 channels but W \[4, 3, 3, 3\] expects 4/);
  });
});

describe('agreement with the converter padding helpers', () => {
  it('Conv and ConvTranspose reproduce the tfjs output sizes the converter aims for', () => {
    for (const padding of ['same', 'valid']) {
      for (const size of [1, 4, 7, 8]) {
        for (const k of [1, 2, 3, 4, 5]) {
          for (const s of [1, 2, 3]) {
            const t = transposedConvPads(padding, [size], [k], [s]);
            const attrs = { strides: ints([s]), pads: ints(t.pads), output_padding: ints(t.outputPadding) };
            expect(outShape('ConvTranspose', [['batch', 2, size], [2, 3, k]], attrs)).toEqual(['batch', 3, t.outSizes[0]]);
            if (padding === 'valid' && k > size) continue;
            const pads = forwardPads(padding, [size], [k], [s], [1]);
            const want = padding === 'same' ? Math.ceil(size / s) : Math.floor((size - k) / s) + 1;
            expect(outShape('Conv', [['batch', 2, size], [3, 2, k]], { strides: ints([s]), pads: ints(pads) })).toEqual(['batch', 3, want]);
          }
        }
      }
    }
  });
});

describe('pooling inference', () => {
  it('MaxPool/AveragePool windows with ceil_mode; global pools keep N, C', () => {
    const pool = { kernel_shape: ints([2, 2]), strides: ints([2, 2]), pads: ints([0, 0, 0, 0]) };
    expect(outShape('MaxPool', [['batch', 3, 7, 7]], pool)).toEqual(['batch', 3, 3, 3]);
    expect(outShape('AveragePool', [['batch', 3, 7, 7]], { ...pool, ceil_mode: attr.int(1) })).toEqual(['batch', 3, 4, 4]);
    expect(outShape('MaxPool', [['batch', 3, 7]], { kernel_shape: ints([3]), pads: ints([1, 1]) })).toEqual(['batch', 3, 7]);
    expect(outShape('GlobalAveragePool', [['batch', 16, 5, 5]])).toEqual(['batch', 16, 1, 1]);
    expect(outShape('GlobalMaxPool', [['batch', 16, 9]])).toEqual(['batch', 16, 1]);
    expect(() => outShape('MaxPool', [['batch', 3, 7, 7]], { kernel_shape: ints([2]) })).toThrow(/kernel_shape \[2\] does not match X/);
  });
});

describe('normalization inference', () => {
  it('BatchNormalization checks per-channel inputs', () => {
    expect(outShape('BatchNormalization', [['batch', 8, 4, 4], [8], [8], [8], [8]])).toEqual(['batch', 8, 4, 4]);
    expect(() => outShape('BatchNormalization', [['batch', 8, 4, 4], [8], [8], [6], [8]])).toThrow(/mean \[6\] does not match the 8 channels/);
  });

  it('LayerNormalization: scale broadcasts over the normalized axes; stats keep the leading ones', () => {
    const outs = inferNode('LayerNormalization', [['batch', 5, 6], [6], [6]], { axis: attr.int(-1) });
    expect(outs[0]!.shape).toEqual(['batch', 5, 6]);
    expect(outs[1]!.shape).toEqual(['batch', 5, 1]);
    expect(() => outShape('LayerNormalization', [['batch', 5, 6], [5]], { axis: attr.int(-1) })).toThrow(/Scale \[5\] does not broadcast to \[6\]/);
  });
});
