/** The manifest's id rule (`@genzoo/core` schema): lowercase letters, digits and dashes, starting with a letter or digit. */
export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Throws a one-line error unless `id` can be a manifest id. */
export function assertModelId(id: string): void {
  if (!MODEL_ID_PATTERN.test(id)) {
    throw new Error(`model id '${id}' must be 1–63 lowercase letters, digits and dashes, starting with a letter or digit`);
  }
}

/**
 * A manifest identifier for a dataset name: a packaged set's name as is, a folder's basename
 * lowercased with every other character turned into a dash (e.g. `~/My Photos` → `my-photos`).
 */
export function datasetIdentifier(dataset: string): string {
  const base = dataset.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  const id = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return id === '' ? 'images' : id;
}
