import { performance } from 'node:perf_hooks';
import type { Clock, TimerHandle } from '../ports/clock.js';
import { sleepOn } from './abortable-sleep.js';
import { type TimerEntry, TimerHeap } from './timer-heap.js';

/** Wall-clock time behind the same timer heap as the virtual clock: one OS timer for the whole process. */
export class RealClock implements Clock {
  readonly kind = 'real' as const;
  private origin = performance.now();
  private readonly heap = new TimerHeap();
  private armed: NodeJS.Timeout | undefined;
  private armedAt = Number.POSITIVE_INFINITY;
  private paused = false;

  now(): number {
    return performance.now() - this.origin;
  }

  setTimer(at: number, callback: () => void, order = 0): TimerHandle {
    const entry = this.heap.push(at, callback, order);
    if (at < this.armedAt) this.arm();
    return entry;
  }

  clearTimer(handle: TimerHandle): void {
    this.heap.cancel(handle as TimerEntry);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  hold(): () => void {
    return () => {};
  }

  runUntil(at: number): Promise<void> {
    this.run();
    const wait = Math.max(0, at - this.now());
    return new Promise((resolve) => setTimeout(resolve, wait));
  }

  run(): void {
    if (!this.paused) return;
    this.paused = false;
    this.arm();
  }

  pause(): void {
    this.paused = true;
    if (this.armed) clearTimeout(this.armed);
    this.armed = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  advanceTo(at: number): void {
    const delta = at - this.now();
    if (delta > 0) this.origin -= delta;
  }

  private arm(): void {
    if (this.paused) return;
    const top = this.heap.peek();
    if (this.armed) clearTimeout(this.armed);
    this.armed = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    if (top === undefined) return;
    this.armedAt = top.at;
    this.armed = setTimeout(this.fire, Math.max(0, top.at - this.now()));
  }

  private readonly fire = (): void => {
    this.armed = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = this.now();
    for (let entry = this.heap.peek(); entry !== undefined && entry.at <= now; entry = this.heap.peek()) {
      this.heap.pop();
      entry.callback();
    }
    this.arm();
  };
}
