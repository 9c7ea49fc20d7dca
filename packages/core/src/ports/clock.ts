/** Handle returned by {@link Clock.setTimer}; pass it to {@link Clock.clearTimer}. */
export interface TimerHandle {
  readonly at: number;
}

/**
 * Time for a society. All times are milliseconds of simulated time since the clock's origin.
 * The real clock follows the wall clock; the virtual clock jumps to the next due timer as soon as
 * nothing is running, so a 30-minute society can finish in seconds and runs the same way every time.
 */
export interface Clock {
  readonly kind: 'real' | 'virtual';
  /** Simulated milliseconds since the origin. */
  now(): number;
  /**
   * Calls `callback` once when the clock reaches `at` (absolute time). Timers due at the same time
   * fire by ascending `order` (default 0), then in the order they were set.
   */
  setTimer(at: number, callback: () => void, order?: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /** Resolves after `ms` of clock time; rejects with the signal's reason if aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Keeps a virtual clock from advancing until the returned release function is called, e.g. while
   * a live network call is in flight. A no-op on the real clock.
   */
  hold(): () => void;
  /** Lets time run until `at`, resolving then. */
  runUntil(at: number): Promise<void>;
  /** Lets time run with no end (virtual: as fast as the CPU allows) until {@link Clock.pause}. */
  run(): void;
  /** Stops advancing (virtual) — pending timers stay queued. */
  pause(): void;
  /** Moves the origin so that `now()` equals `at` (used when restoring a checkpoint). Only forward. */
  advanceTo(at: number): void;
}
