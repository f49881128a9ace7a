import { getLayerConverter } from '../convert/registry.js';
import type { LayerIssue } from '../convert/errors.js';

/** Layer classes that are models: their layers are scanned instead. */
const CONTAINERS = new Set(['Sequential', 'Model', 'Functional']);

type Json = Record<string, unknown>;

const field = (o: Json, snake: string, camel: string): unknown => o[snake] ?? o[camel];

/**
 * Every layer in a saved topology (Keras or tfjs JSON, nested models included) whose class has no
 * registered converter. Runs before tfjs builds the model, so layers tfjs itself cannot build (custom
 * classes it does not know) are listed too, all at once.
 */
export function unconvertibleLayers(modelTopology: unknown): LayerIssue[] {
  const root = ((modelTopology as Json | null)?.['model_config'] ?? modelTopology) as Json | null;
  const issues: LayerIssue[] = [];
  const visit = (entry: Json | null): void => {
    if (!entry || typeof entry !== 'object') return;
    const className = field(entry, 'class_name', 'className');
    const config = (entry['config'] ?? {}) as Json | Json[];
    if (typeof className !== 'string') return;
    if (CONTAINERS.has(className)) {
      const layers: unknown = Array.isArray(config) ? config : config['layers'];
      // A malformed topology is left for tfjs to reject with its own message.
      if (Array.isArray(layers)) layers.forEach((layer) => visit(layer as Json | null));
      return;
    }
    if (!getLayerConverter(className)) {
      const name = (Array.isArray(config) ? undefined : config['name']) ?? entry['name'] ?? '?';
      issues.push({ layerName: String(name), className, reason: 'no converter is registered for this layer class' });
    }
  };
  visit(root);
  return issues;
}
