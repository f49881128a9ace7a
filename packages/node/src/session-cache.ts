import { createHash } from 'node:crypto';
import type * as ort from 'onnxruntime-node';

interface CacheEntry {
  session: Promise<ort.InferenceSession>;
  references: number;
}

/**
 * Process-wide onnxruntime-node sessions, one per graph content, provider and thread count: every
 * generator that opens the same graph the same way shares one session (onnxruntime runs concurrent
 * `run` calls on one session safely). Reference-counted: the session is released with its last user.
 */
export class SessionCache {
  private readonly entries = new Map<string, CacheEntry>();

  /** Sessions open now (for diagnostics and tests). */
  get size(): number {
    return this.entries.size;
  }

  /** A shared session for `model` under `key`, created by `create` the first time; pair every call with {@link release}. */
  async acquire(model: Uint8Array, key: string, create: () => Promise<ort.InferenceSession>): Promise<{ session: ort.InferenceSession; cacheKey: string }> {
    const cacheKey = `${key}|${createHash('sha256').update(model).digest('hex')}`;
    let entry = this.entries.get(cacheKey);
    if (!entry) {
      entry = { session: create(), references: 0 };
      this.entries.set(cacheKey, entry);
      // A failed creation leaves nothing behind, so the next caller tries again.
      entry.session.catch(() => this.entries.get(cacheKey) === entry && this.entries.delete(cacheKey));
    }
    entry.references += 1;
    try {
      return { session: await entry.session, cacheKey };
    } catch (error) {
      entry.references -= 1;
      throw error;
    }
  }

  /** Drops one reference; the last one releases the session. */
  async release(cacheKey: string): Promise<void> {
    const entry = this.entries.get(cacheKey);
    if (!entry) return;
    entry.references -= 1;
    if (entry.references > 0) return;
    this.entries.delete(cacheKey);
    await (await entry.session).release();
  }
}

/** The cache every {@link OrtAdapter} shares unless told not to. */
export const processSessionCache = new SessionCache();
