import type { Clock, TimerHandle } from '../ports/clock.js';
import { sleepOn } from './abortable-sleep.js';
import { type TimerEntry, TimerHeap } from './timer-heap.js';

/**
 * Deterministic simulated time. Each turn of the pump fires every timer due at the earliest pending
 * time, then yields one macrotask (`setImmediate`) so that all promise chains those timers started
 * settle before time moves again. With in-process work only, the order of events depends on the seed
 * alone, never on the machine's speed.
 */
export class VirtualClock implements Clock {
  readonly kind = 'virtual' as const;
  private current = 0;
  private readonly heap = new TimerHeap();
  private holds = 0;
  private limit = Number.NEGATIVE_INFINITY;
  private pumpScheduled = false;
  private waiters: { at: number; resolve: () => void }[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(at: number, callback: () => void, order = 0): TimerHandle {
    const entry = this.heap.push(Math.max(at, this.current), callback, order);
    this.schedulePump();
    return entry;
  }

  clearTimer(handle: TimerHandle): void {
    this.heap.cancel(handle as TimerEntry);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.schedulePump();
    };
  }

  runUntil(at: number): Promise<void> {
    if (at > this.limit) this.limit = at;
    const done = new Promise<void>((resolve) => this.waiters.push({ at, resolve }));
    this.schedulePump();
    return done;
  }

  run(): void {
    this.limit = Number.POSITIVE_INFINITY;
    this.schedulePump();
  }

  pause(): void {
    this.limit = this.current;
  }

  advanceTo(at: number): void {
    if (at > this.current) this.current = at;
  }

  /** Number of timers still queued (for tests and diagnostics). */
  get pendingTimers(): number {
    return this.heap.size;
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.holds > 0) return;
    this.pumpScheduled = true;
    setImmediate(this.pump);
  }

  private readonly pump = (): void => {
    this.pumpScheduled = false;
    if (this.holds > 0) return;
    const top = this.heap.peek();
    if (top === undefined || top.at > this.limit) {
      // Nothing left before the limit: time jumps to the limit and waiting callers resume.
      if (Number.isFinite(this.limit) && this.limit > this.current) this.current = this.limit;
      this.releaseWaiters();
      return;
    }
    const at = top.at;
    this.current = at;
    this.releaseWaiters();
    for (let entry = this.heap.peek(); entry !== undefined && entry.at === at; entry = this.heap.peek()) {
      this.heap.pop();
      entry.callback();
    }
    this.schedulePump();
  };

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.at <= this.current);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.at > this.current);
    for (const w of ready) w.resolve();
  }
}
