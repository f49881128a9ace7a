import { GenzooError } from '../errors.js';
import { classifierManifestSchema, manifestSchema, type AnyManifest, type ClassifierManifest, type Manifest } from './schema.js';

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

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

function parseWith<T>(schema: Schema<T>, value: unknown, source: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new ManifestError(`invalid ${source}: ${problems[0]}${more}`, problems);
}

function kindOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`invalid ${source}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Validates a parsed manifest of a generative model (the kind the Generator API runs).
 * @param source names where it came from (a path or URL) for error messages.
 * @throws ManifestError whose message names the field, e.g. `manifest.latent.size: expected number`;
 *   a classifier's manifest gets one saying so.
 */
export function parseManifest(value: unknown, source = 'manifest.json'): Manifest {
  if (kindOf(value) === 'classifier') {
    const id = (value as { id?: unknown }).id;
    throw new ManifestError(`${source}: model ${JSON.stringify(id)} is a classifier (kind "classifier"): it classifies images and cannot generate`);
  }
  return parseWith(manifestSchema, value, source);
}

/** Validates a parsed manifest of any kind: `kind: "classifier"` selects the classifier schema, anything else the generative one. */
export function parseModelManifest(value: unknown, source = 'manifest.json'): AnyManifest {
  return kindOf(value) === 'classifier' ? parseWith(classifierManifestSchema, value, source) : parseWith(manifestSchema, value, source);
}

/** Validates a parsed classifier manifest. */
export function parseClassifierManifest(value: unknown, source = 'manifest.json'): ClassifierManifest {
  return parseWith(classifierManifestSchema, value, source);
}

/** Parses generative-model manifest JSON text; malformed JSON is a ManifestError too. */
export function parseManifestText(text: string, source = 'manifest.json'): Manifest {
  return parseManifest(parseJson(text, source), source);
}

/** Parses manifest JSON text of any kind (see {@link parseModelManifest}). */
export function parseModelManifestText(text: string, source = 'manifest.json'): AnyManifest {
  return parseModelManifest(parseJson(text, source), source);
}

/** Whether a manifest describes a classifier. */
export function isClassifierManifest(manifest: AnyManifest): manifest is ClassifierManifest {
  return manifest.kind === 'classifier';
}
