import type { GatewayCallMeta } from './call-priority.js';
import type { CassetteEntry, CassetteOutcome } from './cassette-format.js';
import type { CassetteSink } from './cassette-recorder.js';
import type { RequestFingerprint } from './request-key.js';

/**
 * Turns finished calls into numbered cassette entries for a {@link CassetteSink}. `occurrence` counts
 * calls with the same key, so a replay can tell the third identical request from the first.
 */
export class CassetteWriter {
  private readonly occurrences = new Map<string, number>();
  private seq = 0;

  constructor(private readonly sink: CassetteSink) {}

  write(
    key: string,
    fingerprint: RequestFingerprint,
    meta: GatewayCallMeta | undefined,
    outcome: CassetteOutcome,
    latencyMs: number,
  ): void {
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    const entry: CassetteEntry = {
      v: 1,
      seq: this.seq++,
      key,
      occurrence,
      agentId: meta?.agentId ?? null,
      module: meta?.module ?? null,
      request: fingerprint,
      outcome,
      latencyMs: Math.max(0, latencyMs),
      recordedAt: new Date().toISOString(),
    };
    this.sink.write(entry);
  }
}
