import { BrokenCircuitError } from 'cockatiel';
import { SidError } from '../util/errors.js';
import { AttemptTimeoutError } from './call-timeout.js';
import { ModelCallError } from './model-call-error.js';

/**
 * What a failed attempt is reported as: the caller's own abort reason when it gave up, a `timeout`
 * ModelCallError for a missed deadline (so it is retried and counts against the breaker), and a
 * `circuit_open` error when the provider's breaker refused the call.
 */
export function toAttemptFailure(
  error: unknown,
  modelId: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof AttemptTimeoutError) {
    return new ModelCallError(`${modelId} did not answer within ${timeoutMs} ms`, {
      kind: 'timeout',
      model: modelId,
      cause: error,
    });
  }
  if (error instanceof BrokenCircuitError) {
    return new SidError(
      'circuit_open',
      `the circuit breaker for ${modelId}'s provider is open after repeated failures; not calling it for now`,
    );
  }
  return error;
}

/** One line for a call record or notice: `code: message` for SDK errors, `Name: message` otherwise. */
export function describeFailure(error: unknown): string {
  if (error instanceof SidError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
