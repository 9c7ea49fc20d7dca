import { setTimeout as sleep } from 'node:timers/promises';
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

/** A retry is about to be made. */
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: unknown;
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

/**
 * Runs `attempt` until it succeeds, fails with an error that is not {@link isRetryable}, runs out of
 * retries, or `signal` aborts (also during a backoff, which then rejects with the signal's reason).
 *
 * A plain loop rather than cockatiel's retry policy: the gateway computes its own backoff (equal
 * jitter, Retry-After) anyway, and the policy's `execute` kept two async frames and about 1 KB alive
 * per call in flight, which at a thousand concurrent calls showed up as GC time in
 * `bench/gateway-bench.ts`.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  signal: AbortSignal | undefined,
  onRetry: (event: RetryEvent) => void,
): Promise<T> {
  for (let retry = 1; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry > options.maxRetries || !isRetryable(error) || signal?.aborted) throw error;
      const delayMs = backoffDelay(retry, error, options);
      onRetry({ attempt: retry, delayMs, error });
      try {
        await sleep(delayMs, undefined, signal ? { signal } : undefined);
      } catch (sleepError) {
        throw signal?.aborted ? signal.reason : sleepError;
      }
    }
  }
}
