import { attr } from '../ir/attributes.js';
import type { Attribute } from '../ir/types.js';
import { configString, configTuple } from '../convert/config.js';
import { registerLayerConverter } from '../convert/registry.js';
import { checkDataFormat, spatialInput } from './spatial-input.js';

/** tfjs [[top, bottom], [left, right]] (or a number / [h, w]) as begin/end pairs per spatial axis. */
function pairs(value: unknown, option: string): [[number, number], [number, number]] {
  const pair = (v: unknown): [number, number] => {
    if (typeof v === 'number') return [v, v];
    if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')) return [v[0] as number, v[1] as number];
    throw new Error(`option ${option}=${JSON.stringify(value)} is not understood`);
  };
  if (typeof value === 'number') return [pair(value), pair(value)];
  if (Array.isArray(value) && value.length === 2) return [pair(value[0]), pair(value[1])];
  throw new Error(`option ${option}=${JSON.stringify(value)} is not understood`);
}

/** Registers ZeroPadding2D, Cropping2D and UpSampling2D. */
export function registerSpatialLayers(): void {
  registerLayerConverter('ZeroPadding2D', {
    check: checkDataFormat,
    convert(ctx, call) {
      const input = spatialInput(ctx, call, 2);
      const [[top, bottom], [left, right]] = pairs(call.config['padding'] ?? 1, 'padding');
      const pads = ctx.constInt64(`${call.name}_pads`, [0, 0, top, left, 0, 0, bottom, right]);
      return [{ name: ctx.op('Pad', [input.name, pads], { mode: attr.string('constant') }, call.name), perm: input.outPerm }];
    },
  });

  registerLayerConverter('Cropping2D', {
    check: checkDataFormat,
    convert(ctx, call) {
      const input = spatialInput(ctx, call, 2);
      const [[top, bottom], [left, right]] = pairs(call.config['cropping'] ?? 0, 'cropping');
      const [h, w] = input.spatial as [number, number];
      const starts = ctx.constInt64(`${call.name}_starts`, [top, left]);
      const ends = ctx.constInt64(`${call.name}_ends`, [h - bottom, w - right]);
      const axes = ctx.constInt64(`${call.name}_axes`, [2, 3]);
      return [{ name: ctx.op('Slice', [input.name, starts, ends, axes], {}, call.name), perm: input.outPerm }];
    },
  });

  registerLayerConverter('UpSampling2D', {
    check(config) {
      const issues = checkDataFormat(config);
      const mode = configString(config, 'interpolation', 'nearest');
      if (mode !== 'nearest' && mode !== 'bilinear') issues.push(`option interpolation='${mode}' is not supported`);
      return issues;
    },
    convert(ctx, call) {
      const input = spatialInput(ctx, call, 2);
      const [sh, sw] = configTuple(call.config, 'size', 2, 2) as [number, number];
      const scales = ctx.constFloat(`${call.name}_scales`, [1, 1, sh, sw], [4]);
      // tfjs resizes with alignCorners=false, halfPixelCenters=false: source = dest / scale.
      const nearest = configString(call.config, 'interpolation', 'nearest') === 'nearest';
      const attrs: Record<string, Attribute> = nearest
        ? { mode: attr.string('nearest'), coordinate_transformation_mode: attr.string('asymmetric'), nearest_mode: attr.string('floor') }
        : { mode: attr.string('linear'), coordinate_transformation_mode: attr.string('asymmetric') };
      return [{ name: ctx.op('Resize', [input.name, '', scales], attrs, call.name), perm: input.outPerm }];
    },
  });
}
