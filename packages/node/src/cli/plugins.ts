import { GenzooError } from '@genzoo/core';

/**
 * A `genzoo` subcommand that another package provides. The package exports a `./cli` entry point whose
 * module exports `run(argv: string[]): Promise<number>` (argv after the subcommand name; returns the exit code).
 * The packages stay optional: none of them is a dependency of @genzoo/node.
 */
export interface PluginCommand {
  command: string;
  packageName: string;
  summary: string;
}

/** Subcommands provided by other genzoo packages when they are installed. */
export const PLUGIN_COMMANDS: readonly PluginCommand[] = [
  { command: 'train', packageName: '@genzoo/train', summary: 'train a model with TensorFlow.js' },
  { command: 'export', packageName: '@genzoo/tfjs-onnx', summary: 'convert a trained TensorFlow.js model to a genzoo ONNX model folder' },
  { command: 'eval', packageName: '@genzoo/metrics', summary: 'measure a model (FID, KID, IS, precision/recall, memorization) and record the figures in its manifest' },
];

/** Loads a module by specifier; `import()` unless a test injects another. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

/** A plugin that is missing or broken; the message says what to install or update. */
export class PluginError extends GenzooError {
  constructor(message: string) {
    super(message, 'E_PLUGIN');
  }
}

const importModule: ModuleImporter = (specifier) => import(specifier);

type PluginModule = { run?: unknown };

/** Loads `<package>/cli` and runs it with `argv`; returns its exit code. */
export async function runPlugin(plugin: PluginCommand, argv: readonly string[], importer: ModuleImporter = importModule): Promise<number> {
  const specifier = `${plugin.packageName}/cli`;
  let loaded: PluginModule;
  try {
    loaded = (await importer(specifier)) as PluginModule;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_MODULE_NOT_FOUND' && message.includes(`'${plugin.packageName}'`)) {
      throw new PluginError(`"genzoo ${plugin.command}" needs ${plugin.packageName}: install it with npm install ${plugin.packageName}`);
    }
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
      throw new PluginError(`"genzoo ${plugin.command}" needs a version of ${plugin.packageName} that exports ./cli; update it`);
    }
    throw new PluginError(`cannot load ${specifier}: ${message.split('\n')[0]}`);
  }
  if (typeof loaded.run !== 'function') throw new PluginError(`${specifier} does not export run(argv)`);
  const code: unknown = await (loaded.run as (argv: string[]) => Promise<unknown>)([...argv]);
  return typeof code === 'number' && Number.isInteger(code) ? code : 0;
}
