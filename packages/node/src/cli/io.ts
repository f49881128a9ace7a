/** What the CLI reads from and writes to; injectable so tests can run it in-process. */
export interface CliIo {
  /** Writes text to standard output as-is (callers add newlines). */
  stdout(text: string): void;
  /** Writes text to standard error as-is (callers add newlines). */
  stderr(text: string): void;
  /** Folder that relative paths and model lookup start from. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams, working folder and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
