import type { Clock, TimerHandle } from '@sid/core';

/**
 * One run of a body's motor (a move, a dig, a craft …). It waits on clock timers directly and is
 * cancelled by the next motor action, by death, or by the caller's AbortSignal. Waiting this way
 * costs one timer per wait and no event listener, which matters with thousands of bodies.
 */
export class MotorRun {
  /** True once the run was interrupted; every later wait resolves false at once. */
  cancelled = false;
  /** The timer and resolver of the wait in progress (at most one: waits of a run are sequential). */
  private pendingHandle: TimerHandle | null = null;
  private pendingResolve: ((ok: boolean) => void) | null = null;
  /** The timer callback, made once per run (not per wait). */
  private onTimer: (() => void) | null = null;
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
    const handle = this.pendingHandle;
    const resolve = this.pendingResolve;
    this.pendingHandle = null;
    this.pendingResolve = null;
    if (handle !== null && resolve !== null) {
      this.clock.clearTimer(handle);
      resolve(false);
    }
  }

  /** Waits `ms` of clock time; resolves true when the time passed, false when interrupted. */
  sleep(ms: number): Promise<boolean> {
    if (this.cancelled) return Promise.resolve(false);
    if (!(ms > 0) || !Number.isFinite(ms)) return Promise.resolve(true);
    if (this.pendingResolve !== null) return this.sleepAlongside(ms);
    this.onTimer ??= () => {
      const resolve = this.pendingResolve;
      this.pendingHandle = null;
      this.pendingResolve = null;
      resolve?.(true);
    };
    return new Promise<boolean>((resolve) => {
      this.pendingHandle = this.clock.setTimer(this.clock.now() + ms, this.onTimer as () => void);
      this.pendingResolve = resolve;
    });
  }

  /**
   * A wait started while another is pending (the world never does this; a caller could): it gets its
   * own timer callback, resolves true when its time passed, and a cancel does not reach it.
   */
  private sleepAlongside(ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      this.clock.setTimer(this.clock.now() + ms, () => resolve(true));
    });
  }

  /** Releases the caller's signal and tells the owner the run is over. */
  end(): void {
    this.detach?.();
    this.detach = null;
    this.onEnd?.(this);
  }
}
