/** A manifest as loose JSON, for tests that break one field at a time. */
export type MutableManifest = Record<string, any>;

/** A deep copy of `base` with `change` applied: the invalid manifests of schema tests. */
export function mutatedManifest(base: object, change: (manifest: MutableManifest) => void): unknown {
  const manifest = JSON.parse(JSON.stringify(base)) as MutableManifest;
  change(manifest);
  return manifest;
}
