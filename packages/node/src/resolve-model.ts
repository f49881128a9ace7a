import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { GenzooError, InputError } from '@genzoo/core';

export interface ResolveOptions {
  /** Where relative paths and the `models/` search start; defaults to `process.cwd()`. */
  cwd?: string | undefined;
  /** Environment holding `GENZOO_MODELS`; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** A model folder found by id. */
export interface ModelEntry {
  id: string;
  folder: string;
}

/** A model id that matches no folder; the message lists the ids that exist. */
export class UnknownModelError extends GenzooError {
  constructor(
    readonly id: string,
    readonly known: readonly string[],
    searched: readonly string[],
  ) {
    const available = known.length ? `known models: ${known.join(', ')}` : 'no models found';
    super(`unknown model "${id}": ${available} (searched ${searched.join(', ') || 'nothing'})`, 'E_UNKNOWN_MODEL');
  }
}

const MANIFEST = 'manifest.json';

async function isDirectory(candidate: string): Promise<boolean> {
  return (await stat(candidate).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(candidate: string): Promise<boolean> {
  return (await stat(candidate).catch(() => undefined))?.isFile() ?? false;
}

/**
 * Folders searched for model ids, first match wins: each entry of `$GENZOO_MODELS` (a path list),
 * then `models/` in `cwd` and in each of its ancestors. Only folders that exist are returned.
 */
export async function modelRoots({ cwd = process.cwd(), env = process.env }: ResolveOptions = {}): Promise<string[]> {
  const candidates = (env.GENZOO_MODELS ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((entry) => path.resolve(cwd, entry));
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'models'));
    if (path.dirname(dir) === dir) break;
  }
  const unique = [...new Set(candidates)];
  const exists = await Promise.all(unique.map(isDirectory));
  return unique.filter((_, index) => exists[index]);
}

/** Every model reachable by id (see {@link modelRoots}), sorted by id; an id shadowed by an earlier root is listed once. */
export async function listModels(options: ResolveOptions = {}): Promise<ModelEntry[]> {
  const found = new Map<string, string>();
  for (const root of await modelRoots(options)) {
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const folder = path.join(root, entry.name);
      if (!found.has(entry.name) && entry.isDirectory() && (await isFile(path.join(folder, MANIFEST)))) found.set(entry.name, folder);
    }
  }
  return [...found].map(([id, folder]) => ({ id, folder })).sort((a, b) => a.id.localeCompare(b.id));
}

function looksLikePath(value: string): boolean {
  return /[\\/]/.test(value) || value === '.' || value === '..';
}

/**
 * Turns a model id or a folder into an absolute model folder. A value with a path separator, or one
 * that exists relative to `cwd`, is a folder; anything else is an id looked up in {@link modelRoots}.
 * @throws UnknownModelError for an unknown id; GenzooError for a folder without `manifest.json`.
 */
export async function resolveModelFolder(idOrFolder: string, options: ResolveOptions = {}): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  if (!idOrFolder.trim()) throw new InputError('model must be a model id or a folder, got an empty string');
  const asPath = path.resolve(cwd, idOrFolder);
  if (looksLikePath(idOrFolder) || (await stat(asPath).catch(() => undefined))) {
    if (!(await isDirectory(asPath))) throw new GenzooError(`model folder ${idOrFolder} does not exist or is not a folder`, 'E_MODEL_FOLDER');
    if (!(await isFile(path.join(asPath, MANIFEST)))) {
      throw new GenzooError(`${idOrFolder} is not a model folder: it has no ${MANIFEST}`, 'E_MODEL_FOLDER');
    }
    return asPath;
  }
  const roots = await modelRoots(options);
  for (const root of roots) {
    const folder = path.join(root, idOrFolder);
    if (await isFile(path.join(folder, MANIFEST))) return folder;
  }
  const fromEnv = (options.env ?? process.env).GENZOO_MODELS ? ['$GENZOO_MODELS'] : [];
  const known = (await listModels(options)).map((model) => model.id);
  throw new UnknownModelError(idOrFolder, known, [...fromEnv, 'models/ in the working folder and its ancestors']);
}
