import type { ModelUsage } from '../ports/model.js';
import { SidError } from '../util/errors.js';

/** Why a provider call failed, in terms the gateway acts on (retry, trip the breaker, fall back, repair). */
export type ModelFailureKind =
  | 'rate_limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'bad_response'
  | 'invalid_output'
  | 'auth'
  | 'bad_request'
  | 'unknown';

/** Details a provider adapter attaches to a failed call. */
export interface ModelCallErrorInit {
  kind: ModelFailureKind;
  /** The model that failed, e.g. `openai:gpt-4o`. */
  model: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** The provider asked us to wait this long (from `Retry-After` / `retry-after-ms`). */
  retryAfterMs?: number;
  /** For `invalid_output`: what the model answered, shown back to it in the repair attempt. */
  rawText?: string;
  /** Tokens the failed call still used (e.g. an answer that did not match the schema). */
  usage?: ModelUsage;
  cause?: unknown;
}

const transient: ReadonlySet<ModelFailureKind> = new Set([
  'rate_limit',
  'server',
  'timeout',
  'network',
  'bad_response',
]);
const providerFaults: ReadonlySet<ModelFailureKind> = new Set(['server', 'timeout', 'network', 'bad_response']);

/**
 * A provider call that failed, classified. Provider adapters throw it so the gateway can decide what
 * to do without knowing any provider's error classes.
 */
export class ModelCallError extends SidError {
  /** What went wrong, in the gateway's terms. */
  readonly kind: ModelFailureKind;
  /** The model that failed. */
  readonly model: string;
  /** HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** How long the provider asked us to wait. */
  readonly retryAfterMs: number | undefined;
  /** The invalid answer, for `invalid_output`. */
  readonly rawText: string | undefined;
  /** Tokens the failed call still used. */
  readonly usage: ModelUsage | undefined;

  constructor(message: string, init: ModelCallErrorInit) {
    super(`model_${init.kind}`, message);
    this.name = 'ModelCallError';
    this.kind = init.kind;
    this.model = init.model;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.rawText = init.rawText;
    this.usage = init.usage;
    if (init.cause !== undefined) this.cause = init.cause;
  }

  /** Worth trying again on the same model after a pause. */
  get retryable(): boolean {
    return transient.has(this.kind);
  }

  /** Says something about the provider's health (counts toward opening its circuit breaker). */
  get providerFault(): boolean {
    return providerFaults.has(this.kind);
  }
}

/** Parses `Retry-After` (seconds or an HTTP date) and `retry-after-ms` headers into milliseconds. */
export function parseRetryAfter(
  headers: Record<string, string | undefined> | undefined,
  now = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
