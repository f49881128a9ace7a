import { GenzooError } from '../errors.js';
import type { Device, ExecutionInfo, FallbackNote, RuntimeAdapter, SessionHandle } from './adapter.js';

export interface OpenedSession {
  session: SessionHandle;
  execution: ExecutionInfo;
}

/** Raised when no execution provider could run a model; lists every provider's failure. */
export class NoProviderError extends GenzooError {
  constructor(
    readonly runtime: string,
    readonly failures: readonly FallbackNote[],
  ) {
    const detail = failures.map(({ provider, reason }) => `${provider}: ${reason}`).join('; ');
    super(`no execution provider of ${runtime} could load the model (${detail})`, 'E_PROVIDER');
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}

/** Tries the adapter's providers for `device` in order and returns the first session that opens. */
export async function openSession(adapter: RuntimeAdapter, model: Uint8Array, device: Device): Promise<OpenedSession> {
  const fallbacks: FallbackNote[] = [];
  for (const provider of adapter.providersFor(device)) {
    try {
      const session = await adapter.createSession(model, provider);
      return { session, execution: { runtime: adapter.runtime, requested: device, provider, fallbacks } };
    } catch (error) {
      fallbacks.push({ provider, reason: firstLine(error) });
    }
  }
  throw new NoProviderError(adapter.runtime, fallbacks);
}

/** One line for logs and CLIs, e.g. `onnxruntime-node on cpu (cuda unavailable: ...)`. */
export function describeExecution({ runtime, provider, fallbacks }: ExecutionInfo): string {
  const notes = fallbacks.map((note) => `${note.provider} unavailable: ${note.reason}`);
  return `${runtime} on ${provider}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
