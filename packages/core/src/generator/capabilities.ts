import type { GraphRole, Manifest, TranslationDirection } from '../manifest/schema.js';

/** What a model can do; each needs the graphs listed here. */
export const CAPABILITY_GRAPHS = {
  sample: ['generator'],
  samplePoints: ['generator'],
  decode: ['generator'],
  interpolate: ['generator'],
  encode: ['encoder'],
  reconstruct: ['encoder', 'generator'],
  logDensity: ['density'],
  translate: ['a2b'],
} as const satisfies Record<string, readonly GraphRole[]>;

export type Capability = keyof typeof CAPABILITY_GRAPHS;

/** Capabilities that make images, which models of vector samples (`points`) do not have, and the reverse. */
const IMAGE_ONLY: ReadonlySet<Capability> = new Set(['sample', 'decode', 'interpolate', 'encode', 'reconstruct', 'translate']);
const POINTS_ONLY: ReadonlySet<Capability> = new Set(['samplePoints']);
/** A mixture's latent alone does not say which component it belongs to, so there is no path or posterior to decode. */
const NEEDS_LATENT_ALONE: readonly Capability[] = ['interpolate', 'reconstruct'];

/** The capabilities a manifest's graphs provide. */
export function capabilitiesOf(manifest: Manifest): Capability[] {
  const excluded = new Set(manifest.points ? IMAGE_ONLY : POINTS_ONLY);
  if (manifest.mixture) NEEDS_LATENT_ALONE.forEach((capability) => excluded.add(capability));
  return (Object.keys(CAPABILITY_GRAPHS) as Capability[]).filter(
    (capability) =>
      !excluded.has(capability) && CAPABILITY_GRAPHS[capability].every((role) => manifest.graphs[role] !== undefined),
  );
}

/** The directions a translator's graphs provide: `a2b`, and `b2a` for two-way models such as CycleGAN. */
export function translationDirectionsOf(manifest: Manifest): TranslationDirection[] {
  return (['a2b', 'b2a'] as const).filter((direction) => manifest.graphs[direction] !== undefined);
}
