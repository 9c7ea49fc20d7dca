import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { CassetteEntry } from './cassette-format.js';

/** Where recorded calls go. */
export interface CassetteSink {
  /** Called once per finished call, in completion order. */
  write(entry: CassetteEntry): void;
}

/**
 * Appends every call the gateway finishes to a JSONL cassette (one JSON object a line), or keeps
 * them in memory when no path is given. Call {@link CassetteRecorder.close} when the run ends.
 */
export class CassetteRecorder implements CassetteSink {
  /** Entries kept in memory (only when recording without a file). */
  readonly entries: CassetteEntry[] = [];
  private readonly stream: WriteStream | null;

  constructor(readonly path?: string) {
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      this.stream = createWriteStream(path, { flags: 'w', encoding: 'utf8' });
    } else {
      this.stream = null;
    }
  }

  /** Appends one entry (one JSON line). */
  write(entry: CassetteEntry): void {
    if (this.stream) this.stream.write(`${JSON.stringify(entry)}\n`);
    else this.entries.push(entry);
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return Promise.resolve();
    return new Promise((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  }
}
