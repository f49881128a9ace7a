import { CommanderError } from 'commander';

/** Commander output for subcommands: help goes to stdout, errors are printed by {@link flagErrorExitCode} as one line. */
export const SUBCOMMAND_OUTPUT = { writeErr: () => undefined, writeOut: (text: string) => void process.stdout.write(text) };

/**
 * The exit code for an error thrown while parsing or checking a subcommand's flags: 0 after `--help`,
 * otherwise 2 with `<command>: <message>` printed as one line on stderr.
 */
export function flagErrorExitCode(command: string, error: unknown): number {
  if (error instanceof CommanderError && error.exitCode === 0) return 0;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${command}: ${message.replace(/^error: /, '').split('\n')[0]}`);
  return 2;
}
