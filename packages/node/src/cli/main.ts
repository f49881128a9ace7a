import { createRequire } from 'node:module';
import { isGenzooError } from '@genzoo/core';
import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io.js';
import { PLUGIN_COMMANDS, runPlugin, type ModuleImporter, type PluginCommand } from './plugins.js';
import { addSampleCommand } from './sample-command.js';
import { addTranslateCommand } from './translate-command.js';

export interface MainOptions {
  /** Subcommands from other packages; defaults to {@link PLUGIN_COMMANDS}. */
  plugins?: readonly PluginCommand[];
  /** Loads plugin modules; defaults to `import()`. */
  importer?: ModuleImporter;
}

/** Commander codes that end a run without an error (help or version was printed). */
const QUIET_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

function version(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function buildProgram(io: CliIo, plugins: readonly PluginCommand[]): Command {
  const program = new Command('genzoo')
    .description('Run genzoo generative models with onnxruntime-node')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });
  addSampleCommand(program, io);
  addTranslateCommand(program, io);
  for (const plugin of plugins) {
    // Listed for help only: main() hands these to the plugin before commander parses anything.
    program.command(plugin.command).description(`${plugin.summary} (from ${plugin.packageName})`);
  }
  return program;
}

/** Prints one line for `error` on stderr and returns the exit code. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (QUIET_EXITS.has(error.code)) return error.exitCode;
    io.stderr(`genzoo: ${oneLine(error.message.replace(/^error: /, ''))}\n`);
    return error.exitCode || 1;
  }
  if (isGenzooError(error)) {
    io.stderr(`genzoo: ${oneLine(error.message)}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (io.env.GENZOO_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  io.stderr(`genzoo: unexpected error: ${oneLine(message)}${io.env.GENZOO_DEBUG ? '' : ' (set GENZOO_DEBUG=1 for details)'}\n`);
  return 1;
}

/**
 * Runs the `genzoo` CLI with `argv` (arguments after the program name).
 * Never throws: errors become one line on stderr and a non-zero exit code.
 */
export async function main(argv: readonly string[], io: CliIo = processIo(), options: MainOptions = {}): Promise<number> {
  const plugins = options.plugins ?? PLUGIN_COMMANDS;
  try {
    const plugin = plugins.find((candidate) => candidate.command === argv[0]);
    if (plugin) return await runPlugin(plugin, argv.slice(1), options.importer);
    await buildProgram(io, plugins).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, io);
  }
}
