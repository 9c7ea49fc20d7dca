/** Raised when an attempt runs past its deadline. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

/**
 * Runs `fn` with a signal that aborts after `ms` (or when `parent` aborts), and rejects at the
 * deadline even if `fn` ignores the signal.
 *
 * Hand-written rather than cockatiel's `timeout()` for cost: on the gateway's hot path that policy's
 * derived controller, abort-event listener and race took ~10% of a provider call's CPU in
 * `bench/gateway-bench.ts`; this needs one controller and one timer per attempt, and a listener only
 * when the caller passed a signal.
 */
export function withTimeout<T>(
  ms: number,
  parent: AbortSignal | undefined,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (parent?.aborted) return Promise.reject(parent.reason);
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, abortReason?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
      if (abortReason !== undefined) controller.abort(abortReason);
      outcome();
    };
    const fail = (reason: unknown) => finish(() => reject(reason), reason);
    const onParentAbort = () => fail(parent?.reason);
    const timer = setTimeout(() => fail(new AttemptTimeoutError(ms)), ms);
    parent?.addEventListener('abort', onParentAbort, { once: true });
    let attempt: Promise<T>;
    try {
      attempt = fn(controller.signal);
    } catch (error) {
      finish(() => reject(error));
      return;
    }
    attempt.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
