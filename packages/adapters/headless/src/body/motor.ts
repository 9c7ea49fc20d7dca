import type { Clock, TimerHandle } from '@sid/core';

/**
 * One run of a body's motor (a move, a dig, a craft …). It waits on clock timers directly and is
 * cancelled by the next motor action, by death, or by the caller's AbortSignal. Waiting this way
 * costs one timer per wait and no event listener, which matters with thousands of bodies.
 */
export class MotorRun {
  /** True once the run was interrupted; every later wait resolves false at once. */
  cancelled = false;
  private pending: { handle: TimerHandle; resolve: (ok: boolean) => void } | null = null;
  private detach: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    signal?: AbortSignal,
    private readonly onEnd?: (run: MotorRun) => void,
  ) {
    if (!signal) return;
    if (signal.aborted) {
      this.cancelled = true;
      return;
    }
    const onAbort = () => this.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    this.detach = () => signal.removeEventListener('abort', onAbort);
  }

  /** Interrupts the run: a pending wait resolves false now. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      this.clock.clearTimer(pending.handle);
      pending.resolve(false);
    }
  }

  /** Waits `ms` of clock time; resolves true when the time passed, false when interrupted. */
  sleep(ms: number): Promise<boolean> {
    if (this.cancelled) return Promise.resolve(false);
    if (!(ms > 0) || !Number.isFinite(ms)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const handle = this.clock.setTimer(this.clock.now() + ms, () => {
        this.pending = null;
        resolve(true);
      });
      this.pending = { handle, resolve };
    });
  }

  /** Releases the caller's signal and tells the owner the run is over. */
  end(): void {
    this.detach?.();
    this.detach = null;
    this.onEnd?.(this);
  }
}
