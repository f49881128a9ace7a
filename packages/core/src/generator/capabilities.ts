import type { GraphRole, Manifest } from '../manifest/schema.js';

/** What a model can do; each needs the graphs listed here. */
export const CAPABILITY_GRAPHS = {
  sample: ['generator'],
  decode: ['generator'],
  interpolate: ['generator'],
  encode: ['encoder'],
  reconstruct: ['encoder', 'generator'],
} as const satisfies Record<string, readonly GraphRole[]>;

export type Capability = keyof typeof CAPABILITY_GRAPHS;

/** The capabilities a manifest's graphs provide. */
export function capabilitiesOf(manifest: Manifest): Capability[] {
  return (Object.keys(CAPABILITY_GRAPHS) as Capability[]).filter((capability) =>
    CAPABILITY_GRAPHS[capability].every((role) => manifest.graphs[role] !== undefined),
  );
}
