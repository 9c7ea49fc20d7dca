import type { CallKind } from './request-key.js';

/**
 * One finished gateway call — the shape of a `model.call` society event plus what the gateway knows
 * besides (tier, kind, latency, attempts, cost, error).
 */
export interface GatewayCallRecord {
  agentId: string | null;
  module: string | null;
  tier: string;
  kind: CallKind;
  /** The model that answered (or the last one tried). */
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  cached: boolean;
  /** Answered from a cassette. */
  replayed: boolean;
  ok: boolean;
  /** `code: message` of the final error, when not ok. */
  error: string | null;
  /** Provider attempts made (retries, the repair and fallbacks included; 0 for cache, replay and budget refusals). */
  attempts: number;
  latencyMs: number;
}

/** Something the gateway did that an operator may want to see. */
export type GatewayNotice =
  | { type: 'retry'; model: string; attempt: number; delayMs: number; error: string }
  | { type: 'fallback'; from: string; to: string; error: string }
  | { type: 'repair'; model: string; schemaName: string; error: string }
  | { type: 'breaker'; provider: string; state: 'open' | 'half_open' | 'closed' }
  | {
      type: 'budget.exceeded';
      scope: 'run' | 'agent';
      agentId: string | null;
      spentUsd: number;
      spentTokens: number;
      limitUsd: number | null;
      limitTokens: number | null;
    };
