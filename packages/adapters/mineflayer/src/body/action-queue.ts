/** Why a queued action was stopped. */
export type StopCause = 'interrupted' | 'timeout';

interface Job {
  controller: AbortController;
}

/**
 * One body's motor actions, one at a time. Each action gets an AbortSignal; `interrupt()` aborts
 * the running action and everything waiting, and with `preempt` a new action aborts the running one
 * (a new controller decision stops pathfinding or digging at once, as in the headless world).
 */
export class ActionQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private running: Job | null = null;
  private readonly waiting = new Set<Job>();

  /**
   * Runs `task` after the actions before it. `task` receives a signal aborted on interrupt or
   * preemption; if the job is aborted before it starts, `cancelled()` gives its result instead.
   */
  run<T>(task: (signal: AbortSignal) => Promise<T>, cancelled: () => T, preempt: boolean): Promise<T> {
    const job: Job = { controller: new AbortController() };
    if (preempt) {
      this.running?.controller.abort('interrupted');
      for (const w of this.waiting) w.controller.abort('interrupted');
    }
    this.waiting.add(job);
    const result = this.tail.then(async () => {
      this.waiting.delete(job);
      if (job.controller.signal.aborted) return cancelled();
      this.running = job;
      try {
        return await task(job.controller.signal);
      } finally {
        if (this.running === job) this.running = null;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Aborts the running action and every waiting one. */
  interrupt(): void {
    this.running?.controller.abort('interrupted');
    for (const w of this.waiting) w.controller.abort('interrupted');
  }

  /** True while an action runs. */
  get busy(): boolean {
    return this.running !== null;
  }
}
