import { attr } from '../ir/attributes.js';
import type { ConversionContext } from '../convert/conversion-context.js';
import { configString, configTuple, type LayerConfig } from '../convert/config.js';
import { channelsFirstPerm } from '../convert/layout.js';
import { registerLayerConverter, type LayerCall } from '../convert/registry.js';
import type { LayerOutput, TensorRef } from '../convert/tensor-ref.js';
import { transposeData } from '../convert/transpose-data.js';
import { checkActivation, emitActivation } from './activation-functions.js';
import { forwardPads, transposedConvPads } from './conv-padding.js';
import { first } from './layer-utils.js';

/** Registers Conv1D, Conv2D, Conv3D, Conv2DTranspose, DepthwiseConv2D and SeparableConv2D. */
export function registerConvolutionalLayers(): void {
  registerLayerConverter('Conv1D', forwardConv(1, ['same', 'valid']));
  registerLayerConverter('Conv2D', forwardConv(2, ['same', 'valid']));
  registerLayerConverter('Conv3D', forwardConv(3, ['same', 'valid']));
  registerLayerConverter('DepthwiseConv2D', forwardConv(2, ['same', 'valid'], 'depthwise'));
  registerLayerConverter('SeparableConv2D', forwardConv(2, ['same', 'valid'], 'separable'));

  registerLayerConverter('Conv2DTranspose', {
    check: (config) => checkConv(config, ['same', 'valid']),
    convert(ctx, call) {
      const { input, spatial, outPerm } = convInput(ctx, call, 2);
      const kernelSize = configTuple(call.config, 'kernelSize', 2, 1);
      const strides = configTuple(call.config, 'strides', 2, 1);
      const padding = configString(call.config, 'padding', 'valid');
      const { pads, outputPadding } = transposedConvPads(padding, spatial, kernelSize, strides);
      // tfjs kernel [kh, kw, out, in] → ONNX ConvTranspose weight [in, out, kh, kw].
      const kernel = ctx.weight(call.layer, 'kernel');
      const w = transposeData(kernel.data, kernel.shape, [3, 2, 0, 1]);
      const bias = ctx.optionalWeight(call.layer, 'bias');
      const inputs = [input, ctx.constFloat(`${call.name}_kernel`, w.data, w.shape)];
      if (bias) inputs.push(ctx.constFloat(`${call.name}_bias`, bias.data, bias.shape));
      const y = ctx.op(
        'ConvTranspose',
        inputs,
        {
          kernel_shape: attr.ints(kernelSize),
          strides: attr.ints(strides),
          pads: attr.ints(pads),
          ...(outputPadding.some((p) => p !== 0) ? { output_padding: attr.ints(outputPadding) } : {}),
        },
        `${call.name}_convT`,
      );
      return [activate(ctx, call, y, outPerm)];
    },
  });
}

type ConvKind = 'plain' | 'depthwise' | 'separable';

function checkConv(config: LayerConfig, paddings: string[]): string[] {
  const issues = checkActivation(configString(config, 'activation', 'linear'));
  const padding = configString(config, 'padding', 'valid');
  if (!paddings.includes(padding)) issues.push(`option padding='${padding}' is not supported`);
  const format = configString(config, 'dataFormat', 'channelsLast');
  if (format !== 'channelsLast' && format !== 'channelsFirst') issues.push(`option dataFormat='${format}' is not supported`);
  return issues;
}

/** Input in channels-first physical order, its spatial sizes, and the layout of the output. */
function convInput(ctx: ConversionContext, call: LayerCall, spatialRank: number) {
  const x: TensorRef = first(call);
  const channelsFirst = configString(call.config, 'dataFormat', 'channelsLast') === 'channelsFirst';
  const rank = spatialRank + 2;
  if (x.shape.length !== rank) throw new Error(`layer '${call.layer.name}' expects rank ${rank} input, got ${x.shape.length}`);
  // A channelsFirst layer already reads NC… in tfjs terms, so its logical order is what ONNX wants.
  const input = channelsFirst ? ctx.logical(x) : ctx.channelsFirst(x);
  const spatialLogical = channelsFirst ? x.shape.slice(2) : x.shape.slice(1, rank - 1);
  const spatial = spatialLogical.map((d, i) => {
    if (d === null) throw new Error(`layer '${call.layer.name}': spatial dimension ${i} of the input must be known`);
    return d;
  });
  const outPerm = channelsFirst ? null : channelsFirstPerm(rank);
  return { input, spatial, outPerm };
}

function activate(ctx: ConversionContext, call: LayerCall, y: string, perm: readonly number[] | null): LayerOutput {
  const activation = configString(call.config, 'activation', 'linear');
  // Channels sit on physical axis 1 either way (channels-first input or channelsFirst layer).
  return { name: emitActivation(ctx, activation, y, 1, call.name), perm };
}

function forwardConv(spatialRank: number, paddings: string[], kind: ConvKind = 'plain') {
  return {
    check: (config: LayerConfig) => checkConv(config, paddings),
    convert(ctx: ConversionContext, call: LayerCall): LayerOutput[] {
      const { input, spatial, outPerm } = convInput(ctx, call, spatialRank);
      const kernelSize = configTuple(call.config, 'kernelSize', spatialRank, 1);
      const strides = configTuple(call.config, 'strides', spatialRank, 1);
      const dilations = configTuple(call.config, 'dilationRate', spatialRank, 1);
      const padding = configString(call.config, 'padding', 'valid');
      const pads = forwardPads(padding, spatial, kernelSize, strides, dilations);
      const spatialAxes = Array.from({ length: spatialRank }, (_, i) => i);
      const bias = ctx.optionalWeight(call.layer, 'bias');
      const biasName = bias ? ctx.constFloat(`${call.name}_bias`, bias.data, bias.shape) : null;
      const convAttrs = {
        kernel_shape: attr.ints(kernelSize),
        strides: attr.ints(strides),
        dilations: attr.ints(dilations),
        pads: attr.ints(pads),
      };

      let y: string;
      if (kind === 'plain') {
        // tfjs kernel [...k, in, out] → ONNX [out, in, ...k].
        const kernel = ctx.weight(call.layer, 'kernel');
        const w = transposeData(kernel.data, kernel.shape, [spatialRank + 1, spatialRank, ...spatialAxes]);
        const inputs = [input, ctx.constFloat(`${call.name}_kernel`, w.data, w.shape)];
        if (biasName) inputs.push(biasName);
        y = ctx.op('Conv', inputs, convAttrs, `${call.name}_conv`);
      } else {
        // tfjs depthwise kernel [...k, in, mult] → ONNX grouped weight [in·mult, 1, ...k].
        const dw = ctx.weight(call.layer, 'depthwiseKernel');
        const inChannels = dw.shape[spatialRank]!;
        const mult = dw.shape[spatialRank + 1]!;
        const flat = [...dw.shape.slice(0, spatialRank), inChannels * mult, 1];
        const w = transposeData(dw.data, flat, [spatialRank, spatialRank + 1, ...spatialAxes]);
        const inputs = [input, ctx.constFloat(`${call.name}_depthwise_kernel`, w.data, w.shape)];
        if (kind === 'depthwise' && biasName) inputs.push(biasName);
        y = ctx.op('Conv', inputs, { ...convAttrs, group: attr.int(inChannels) }, `${call.name}_depthwise`);
        if (kind === 'separable') {
          const pw = ctx.weight(call.layer, 'pointwiseKernel');
          const p = transposeData(pw.data, pw.shape, [spatialRank + 1, spatialRank, ...spatialAxes]);
          const pwInputs = [y, ctx.constFloat(`${call.name}_pointwise_kernel`, p.data, p.shape)];
          if (biasName) pwInputs.push(biasName);
          y = ctx.op('Conv', pwInputs, { kernel_shape: attr.ints(new Array<number>(spatialRank).fill(1)) }, `${call.name}_pointwise`);
        }
      }
      return [activate(ctx, call, y, outPerm)];
    },
  };
}
