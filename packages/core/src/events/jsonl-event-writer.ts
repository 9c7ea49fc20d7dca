import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventLog } from './event-log.js';

/**
 * Streams every event of a log to a JSONL file as it happens (one JSON object a line), so a run that
 * crashes still leaves everything up to the crash on disk. `close()` detaches and flushes.
 */
export function writeEventsAsJsonl(events: EventLog, path: string): { close(): Promise<void> } {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path, { flags: 'a' });
  const unsubscribe = events.subscribe((event) => {
    out.write(`${JSON.stringify(event)}\n`);
  });
  return {
    close: () =>
      new Promise<void>((resolve, reject) => {
        unsubscribe();
        out.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}
