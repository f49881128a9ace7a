import type { ConversionContext } from '../convert/conversion-context.js';
import { configString, type LayerConfig } from '../convert/config.js';
import { channelsFirstPerm, type Perm } from '../convert/layout.js';
import type { LayerCall } from '../convert/registry.js';
import { first } from './layer-utils.js';

/** The input of a spatial layer in channels-first physical order, with its spatial sizes. */
export interface SpatialInput {
  /** Value name, physically N, C, spatial… */
  name: string;
  spatial: number[];
  channels: number;
  /** Layout of an output that keeps the input's channel/spatial structure. */
  outPerm: Perm | null;
}

/** Issues with a `dataFormat` option. */
export function checkDataFormat(config: LayerConfig): string[] {
  const format = configString(config, 'dataFormat', 'channelsLast');
  return format === 'channelsLast' || format === 'channelsFirst' ? [] : [`option dataFormat='${format}' is not supported`];
}

/**
 * Brings a spatial layer's input into channels-first physical order. For a `channelsFirst`
 * layer the tfjs order already is channels-first.
 */
export function spatialInput(ctx: ConversionContext, call: LayerCall, spatialRank: number): SpatialInput {
  const x = first(call);
  const rank = spatialRank + 2;
  if (x.shape.length !== rank) throw new Error(`expects a rank-${rank} input, got rank ${x.shape.length}`);
  const channelsFirst = configString(call.config, 'dataFormat', 'channelsLast') === 'channelsFirst';
  const name = channelsFirst ? ctx.logical(x) : ctx.channelsFirst(x);
  const spatialDims = channelsFirst ? x.shape.slice(2) : x.shape.slice(1, rank - 1);
  const spatial = spatialDims.map((d, i) => {
    if (d === null) throw new Error(`spatial dimension ${i} of the input must be known`);
    return d;
  });
  const channels = (channelsFirst ? x.shape[1] : x.shape[rank - 1]) ?? 0;
  return { name, spatial, channels, outPerm: channelsFirst ? null : channelsFirstPerm(rank) };
}
