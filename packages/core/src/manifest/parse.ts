import { GenzooError } from '../errors.js';
import { manifestSchema, type Manifest } from './schema.js';

/** A manifest that does not satisfy the schema; the message names the first offending field. */
export class ManifestError extends GenzooError {
  constructor(
    message: string,
    /** Every problem found, one `field: message` line each. */
    readonly problems: readonly string[] = [message],
  ) {
    super(message, 'E_MANIFEST');
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    'manifest',
  );
}

/**
 * Validates a parsed manifest.
 * @param source names where it came from (a path or URL) for error messages.
 * @throws ManifestError whose message names the field, e.g. `manifest.latent.size: expected number`.
 */
export function parseManifest(value: unknown, source = 'manifest.json'): Manifest {
  const result = manifestSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new ManifestError(`invalid ${source}: ${problems[0]}${more}`, problems);
}

/** Parses manifest JSON text; malformed JSON is a ManifestError too. */
export function parseManifestText(text: string, source = 'manifest.json'): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`invalid ${source}: not valid JSON (${(error as Error).message})`);
  }
  return parseManifest(value, source);
}
