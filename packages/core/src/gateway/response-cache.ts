/** Options of the opt-in exact-match response cache. */
export interface ResponseCacheOptions {
  /** How long an answer stays valid (ms of wall time). */
  ttlMs: number;
  /** Entries kept at most; the least recently used go first (default 10 000). */
  maxEntries?: number;
  /** Wall clock in ms (injectable for tests). */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * An exact-match cache of model answers with a TTL and an LRU bound. Only identical requests hit
 * (same tier, prompt, schema name, temperature and output limit), so it saves money on repeated
 * prompts without changing what a run means.
 */
export class ResponseCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached answer for `key`, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so Map order tracks recency.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores an answer, evicting the least recently used beyond `maxEntries`. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Entries held (expired ones included until looked up). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
  }
}
