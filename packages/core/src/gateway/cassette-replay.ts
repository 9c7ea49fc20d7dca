import { readFile } from 'node:fs/promises';
import { formatIssues, SidError } from '../util/errors.js';
import { type CassetteEntry, cassetteEntrySchema } from './cassette-format.js';

/**
 * Recorded calls, looked up by request key and occurrence: the n-th call with a given key gets the
 * n-th answer recorded for it, so a deterministic run replays exactly, with no network and no key.
 */
export class CassetteReplay {
  private readonly byKey = new Map<string, CassetteEntry[]>();
  private readonly used = new Map<string, number>();

  constructor(entries: readonly CassetteEntry[]) {
    const sorted = [...entries].sort((a, b) => a.occurrence - b.occurrence);
    for (const entry of sorted) {
      const list = this.byKey.get(entry.key) ?? [];
      list.push(entry);
      this.byKey.set(entry.key, list);
    }
  }

  /** Reads and validates a JSONL cassette; a bad line is reported with its number. */
  static async load(path: string): Promise<CassetteReplay> {
    const text = await readFile(path, 'utf8');
    return new CassetteReplay(parseCassette(text, path));
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
