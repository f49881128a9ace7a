/**
 * Base class for errors that carry a one-line, user-facing message.
 * CLIs and servers print `message` alone (no stack trace) for these.
 */
export class GenzooError extends Error {
  constructor(
    message: string,
    /** Stable machine-readable code, e.g. `E_MANIFEST`, `E_SHAPE`. */
    readonly code: string = 'E_GENZOO',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Raised when input does not have the shape, type or range an operation needs. */
export class InputError extends GenzooError {
  constructor(message: string) {
    super(message, 'E_INPUT');
  }
}

/** True for errors whose message is meant for the user as-is. */
export function isGenzooError(error: unknown): error is GenzooError {
  return error instanceof GenzooError;
}
