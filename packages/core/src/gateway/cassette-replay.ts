import { readFile } from 'node:fs/promises';
import { formatIssues, SidError } from '../util/errors.js';
import { type CassetteEntry, cassetteEntrySchema } from './cassette-format.js';

/** Options of a {@link CassetteReplay}. */
export interface CassetteReplayOptions {
  /**
   * How long (wall ms) an answer waits for calls that finished before it in the recording before it
   * is released anyway (the run has diverged). Default 50.
   */
  stallMs?: number;
}

/**
 * Recorded calls, looked up by request key and occurrence: the n-th call with a given key gets the
 * n-th answer recorded for it, so a deterministic run replays exactly, with no network and no key.
 *
 * Answers are also released in the order the calls finished when recorded: calls made at the same
 * clock instant may have come back from the network in any order, and that order decided what
 * happened next, so replay reproduces it.
 */
export class CassetteReplay {
  private readonly byKey = new Map<string, CassetteEntry[]>();
  private readonly used = new Map<string, number>();
  private readonly order: number[];
  private readonly released = new Set<number>();
  private readonly waiting = new Map<number, () => void>();
  private next = 0;
  private stallTimer: NodeJS.Timeout | null = null;
  private flushQueued = false;
  private readonly stallMs: number;

  constructor(entries: readonly CassetteEntry[], options: CassetteReplayOptions = {}) {
    const sorted = [...entries].sort((a, b) => a.occurrence - b.occurrence);
    for (const entry of sorted) {
      const list = this.byKey.get(entry.key) ?? [];
      list.push(entry);
      this.byKey.set(entry.key, list);
    }
    this.order = entries.map((e) => e.seq).sort((a, b) => a - b);
    this.stallMs = options.stallMs ?? 50;
  }

  /** Reads and validates a JSONL cassette; a bad line is reported with its number. */
  static async load(path: string, options?: CassetteReplayOptions): Promise<CassetteReplay> {
    const text = await readFile(path, 'utf8');
    return new CassetteReplay(parseCassette(text, path), options);
  }

  /** Resolves when every call that finished before `entry` in the recording has been answered. */
  turn(entry: CassetteEntry): Promise<void> {
    return new Promise((resolve) => {
      if (this.released.has(entry.seq)) {
        resolve();
        return;
      }
      this.waiting.set(entry.seq, resolve);
      this.flush();
    });
  }

  private flush(): void {
    if (this.flushQueued) return;
    while (this.next < this.order.length && this.released.has(this.order[this.next] as number)) this.next++;
    const seq = this.order[this.next];
    const resolve = seq === undefined ? undefined : this.waiting.get(seq);
    if (seq !== undefined && resolve) {
      this.waiting.delete(seq);
      this.released.add(seq);
      resolve();
      // Release the next answer only after everything this one set off has run, as it had when recorded.
      if (this.waiting.size > 0) {
        this.flushQueued = true;
        setImmediate(() => {
          this.flushQueued = false;
          this.flush();
        });
        return;
      }
    }
    if (this.waiting.size === 0) {
      if (this.stallTimer) clearTimeout(this.stallTimer);
      this.stallTimer = null;
    } else if (!this.stallTimer) {
      this.stallTimer = setTimeout(() => this.unstall(), this.stallMs);
    }
  }

  /** The run diverged: a call recorded earlier never came. Stop waiting for it and everything before. */
  private unstall(): void {
    this.stallTimer = null;
    const first = Math.min(...this.waiting.keys());
    for (const seq of this.order) {
      if (seq >= first) break;
      this.released.add(seq);
    }
    this.flush();
  }

  /** The next recorded answer for `key`, or undefined when the recording has none left. */
  take(key: string): CassetteEntry | undefined {
    const index = this.used.get(key) ?? 0;
    const entry = this.byKey.get(key)?.[index];
    if (entry) this.used.set(key, index + 1);
    return entry;
  }

  /** Recorded calls not replayed (yet). */
  get remaining(): number {
    let n = 0;
    for (const [key, list] of this.byKey) n += list.length - (this.used.get(key) ?? 0);
    return n;
  }
}

/** Parses JSONL cassette text into validated entries. */
export function parseCassette(text: string, source = 'cassette'): CassetteEntry[] {
  const entries: CassetteEntry[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      throw new SidError('cassette_format', `${source}:${index + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = cassetteEntrySchema.safeParse(data);
    if (!parsed.success) {
      throw new SidError(
        'cassette_format',
        `${source}:${index + 1}: invalid entry:\n${formatIssues(parsed.error.issues)}`,
      );
    }
    entries.push(parsed.data);
  });
  return entries;
}
