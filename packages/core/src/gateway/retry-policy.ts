import { DelegateBackoff, handleWhen, type IRetryBackoffContext, type RetryPolicy, retry } from 'cockatiel';
import { ModelCallError } from './model-call-error.js';

/** How often and how patiently a failed call is tried again on the same model. */
export interface RetryOptions {
  /** Tries after the first (default 3). */
  maxRetries: number;
  /** Backoff before the first retry; doubles each time (default 500 ms). */
  baseDelayMs: number;
  /** Upper bound of the exponential backoff (default 30 s). */
  maxDelayMs: number;
  /** A provider's `Retry-After` is honoured up to this long (default 60 s). */
  maxRetryAfterMs: number;
  /** Source of jitter in [0, 1) (injectable for tests). */
  random?: () => number;
}

/** Whether the gateway should try a failed call again on the same model. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ModelCallError && error.retryable;
}

/**
 * The backoff before retry `attempt` (1-based): exponential with "equal jitter" — between half and
 * all of `base * 2^(attempt-1)`, capped — so spacing never falls below half the nominal delay,
 * and never below what the provider asked for in `Retry-After`.
 */
export function backoffDelay(attempt: number, error: unknown, options: RetryOptions): number {
  const nominal = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = nominal / 2 + (options.random ?? Math.random)() * (nominal / 2);
  const asked = error instanceof ModelCallError ? error.retryAfterMs : undefined;
  return asked === undefined ? jittered : Math.max(jittered, Math.min(asked, options.maxRetryAfterMs));
}

/** A cockatiel retry policy for model calls: retries transient failures only, honouring Retry-After. */
export function createRetryPolicy(options: RetryOptions): RetryPolicy {
  return retry(handleWhen(isRetryable), {
    maxAttempts: options.maxRetries,
    backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) =>
      backoffDelay(context.attempt, 'error' in context.result ? context.result.error : undefined, options),
    ),
  });
}
