/** A problem with the user's input (files, flags, model): printed as one line, without a stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The first line of an error message, whitespace-trimmed. */
export function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
