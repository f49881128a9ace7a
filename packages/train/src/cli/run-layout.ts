import { basename, isAbsolute, relative, resolve } from 'node:path';
import { assertModelId } from '../publish/model-id.js';

/** Where a `genzoo-train` run keeps its state and, when it ships, where the model folder goes. */
export interface RunLayout {
  /** Checkpoints, lock, periodic sample grids, losses.jsonl, loss-curve.png, training.json. */
  runDir: string;
  /** Present when the run ships a model folder on completion. */
  ship?: { id: string; modelDir: string };
}

/** The flags that decide a {@link RunLayout}. */
export interface RunLayoutFlags {
  family: string;
  /** `--out`: the model folder to ship into. */
  out?: string | undefined;
  /** `--id`: the model id (default: the basename of `--out`). */
  id?: string | undefined;
  /** `--run-dir`: the training state folder. */
  runDir?: string | undefined;
}

function contains(parent: string, child: string): boolean {
  const path = relative(resolve(parent), resolve(child));
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * `--out models/<id>` ships into that folder with state in `runs/<id>`; without `--out` the run
 * only trains, into `--run-dir` or `runs/<family>`. Throws a one-line error for a bad id or for
 * folders that overlap (publishing replaces the whole model folder).
 */
export function resolveRunLayout({ family, out, id, runDir }: RunLayoutFlags): RunLayout {
  if (out === undefined) {
    if (id !== undefined) throw new Error('--id names the model that --out ships; give --out too');
    return { runDir: runDir ?? `runs/${family}` };
  }
  const modelId = id ?? basename(resolve(out));
  try {
    assertModelId(modelId);
  } catch (error) {
    throw new Error(`${(error as Error).message}${id === undefined ? ` (it defaults to the basename of --out; give --id)` : ''}`);
  }
  const state = runDir ?? `runs/${modelId}`;
  if (contains(out, state) || contains(state, out)) {
    throw new Error(`--out ${out} and --run-dir ${state} overlap; the model folder is replaced when the run ships`);
  }
  return { runDir: state, ship: { id: modelId, modelDir: out } };
}
