import { ModelCallError, type ModelFailureKind, parseRetryAfter } from '@sid/core';
import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  LoadAPIKeyError,
  NoContentGeneratedError,
  NoObjectGeneratedError,
  RetryError,
  TypeValidationError,
} from 'ai';

function kindForStatus(status: number): ModelFailureKind {
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500) return 'server';
  if (status >= 200 && status < 300) return 'bad_response';
  return 'bad_request';
}

/**
 * Translates an AI SDK error into a {@link ModelCallError} the gateway can act on: HTTP status,
 * `Retry-After`, and whether the answer was merely invalid structured output (repairable). Aborts
 * pass through untouched.
 */
export function toModelCallError(error: unknown, model: string, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof ModelCallError) return error;
  if (RetryError.isInstance(error)) return toModelCallError(error.lastError, model, signal);
  if (NoObjectGeneratedError.isInstance(error)) {
    const usage = error.usage
      ? { inputTokens: error.usage.inputTokens ?? 0, outputTokens: error.usage.outputTokens ?? 0 }
      : undefined;
    const truncated = error.finishReason === 'length' ? ' (the answer was cut off at the output token limit)' : '';
    return new ModelCallError(`${model} returned structured output that does not parse or validate${truncated}`, {
      kind: 'invalid_output',
      model,
      ...(error.text !== undefined ? { rawText: error.text } : {}),
      ...(usage ? { usage } : {}),
      cause: error,
    });
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const kind: ModelFailureKind =
      status === undefined ? (error.isRetryable ? 'network' : 'unknown') : kindForStatus(status);
    const retryAfterMs = parseRetryAfter(error.responseHeaders);
    return new ModelCallError(`${model}: ${status !== undefined ? `HTTP ${status}: ` : ''}${error.message}`, {
      kind,
      model,
      ...(status !== undefined ? { status } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  if (
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error) ||
    NoContentGeneratedError.isInstance(error)
  ) {
    return new ModelCallError(`${model} sent a response that could not be read: ${error.message}`, {
      kind: 'bad_response',
      model,
      cause: error,
    });
  }
  if (LoadAPIKeyError.isInstance(error)) {
    return new ModelCallError(`${model}: ${error.message}`, { kind: 'auth', model, cause: error });
  }
  if (error instanceof TypeError && /fetch failed|terminated|socket/i.test(error.message)) {
    return new ModelCallError(`${model}: network error: ${error.message}`, { kind: 'network', model, cause: error });
  }
  return error;
}
