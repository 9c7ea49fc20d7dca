/** Thrown inside an action when its signal aborts; the runner turns it into `interrupted` or `timeout`. */
export class ActionStopped extends Error {
  constructor(readonly why: unknown) {
    super('action stopped');
    this.name = 'ActionStopped';
  }
}

/**
 * Waits for `promise` unless `signal` aborts first; then runs `stop` (e.g. stop the pathfinder or
 * digging) and rejects with {@link ActionStopped}. The original promise's later rejection is swallowed.
 */
export function untilAborted<T>(signal: AbortSignal, promise: Promise<T>, stop: () => void = () => {}): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    safely(stop);
    return Promise.reject(new ActionStopped(signal.reason));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      safely(stop);
      reject(new ActionStopped(signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Sleeps `ms` unless the signal aborts first (then rejects with {@link ActionStopped}). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return untilAborted(
    signal,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
    () => clearTimeout(timer),
  );
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // Stopping is best effort: the bot may already be gone.
  }
}

/** A readable message from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Waits for a server round trip at most `ms`; `null` when it did not answer in time (it is not cancelled). */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
