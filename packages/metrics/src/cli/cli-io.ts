/** Where the CLI reads and writes; injectable so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths and model lookup start from. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams, working folder and environment. */
export function processIo(): CliIo {
  return { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), cwd: process.cwd(), env: process.env };
}
