import { performance } from 'node:perf_hooks';
import type { ModuleInstance } from '../module/define-module.js';
import type { ModuleContext } from '../module/module-context.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import { createRng } from '../rng/rng.js';
import { ModuleStats, type ModuleStatsSummary } from './module-stats.js';

/** How the scheduler reaches an agent. Implemented by {@link Agent}. */
export interface SchedulableAgent {
  readonly id: string;
  readonly modules: readonly ModuleInstance[];
  createContext(instance: ModuleInstance, trigger: string, dueAt: number): ModuleContext;
  onRunFinished(instance: ModuleInstance, result: RunResult): void;
  onRunSkipped(instance: ModuleInstance): void;
}

export interface RunResult {
  ok: boolean;
  error: unknown;
  trigger: string;
  /** Clock time the run took. */
  simMs: number;
}

interface Task {
  readonly agent: SchedulableAgent;
  readonly instance: ModuleInstance;
  readonly stats: ModuleStats;
  running: boolean;
  /** A trigger arrived while running: run once more afterwards (coalesced). */
  pendingTrigger: string | null;
  /** A triggered run is queued for the current instant. */
  triggerQueued: boolean;
  timer: TimerHandle | null;
  nextDue: number;
  runs: number;
  removed: boolean;
  onCadence: () => void;
}

export interface SchedulerOptions {
  /** Seeds each (agent, module) cadence phase. */
  seed: string;
  /** Give each (agent, module) a seeded phase in [0, cadence) so agents do not fire in lockstep (default true). */
  jitter?: boolean;
}

/**
 * Drives every module of every local agent from the clock's single timer heap.
 * - Runs of one module on one agent never overlap: a cadence tick that finds the previous run still
 *   going is skipped and counted; a trigger that arrives meanwhile is coalesced into one rerun.
 * - Cadences keep their phase (due times are phase + k·cadence), so slow runs do not cause drift.
 * - Runs due at the same instant start in priority order (higher first).
 * - A thrown error or rejected promise is counted and reported; it never stops other modules.
 */
export class Scheduler {
  private readonly tasks = new Map<string, Task[]>();
  private readonly triggerIndex = new Map<string, Map<string, Task[]>>();
  private readonly moduleStats = new Map<string, ModuleStats>();
  private active = true;
  private runningCount = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly options: SchedulerOptions,
  ) {}

  /** Number of module runs in progress. */
  get running(): number {
    return this.runningCount;
  }

  /** Starts scheduling an agent's modules. */
  add(agent: SchedulableAgent): void {
    if (this.tasks.has(agent.id)) throw new Error(`agent "${agent.id}" is already scheduled`);
    const tasks: Task[] = [];
    const byTrigger = new Map<string, Task[]>();
    const ordered = [...agent.modules].sort((a, b) => b.priority - a.priority);
    for (const instance of ordered) {
      const name = instance.definition.name;
      let stats = this.moduleStats.get(name);
      if (!stats) {
        stats = new ModuleStats();
        this.moduleStats.set(name, stats);
      }
      const task: Task = {
        agent,
        instance,
        stats,
        running: false,
        pendingTrigger: null,
        triggerQueued: false,
        timer: null,
        nextDue: 0,
        runs: 0,
        removed: false,
        onCadence: () => this.fireCadence(task),
      };
      tasks.push(task);
      for (const trigger of instance.definition.triggers) {
        const list = byTrigger.get(trigger) ?? [];
        list.push(task);
        byTrigger.set(trigger, list);
      }
    }
    this.tasks.set(agent.id, tasks);
    this.triggerIndex.set(agent.id, byTrigger);
    if (this.active) for (const task of tasks) this.arm(task);
  }

  /** Stops scheduling an agent; runs in progress finish on their own. */
  remove(agentId: string): void {
    for (const task of this.tasks.get(agentId) ?? []) {
      task.removed = true;
      if (task.timer) this.clock.clearTimer(task.timer);
      task.timer = null;
    }
    this.tasks.delete(agentId);
    this.triggerIndex.delete(agentId);
  }

  /** Runs, at once, every module of the agent that listens for `name`. */
  trigger(agentId: string, name: string): void {
    const tasks = this.triggerIndex.get(agentId)?.get(name);
    if (!tasks || !this.active) return;
    const now = this.clock.now();
    for (const task of tasks) {
      if (task.triggerQueued) {
        task.stats.skipped++;
        continue;
      }
      this.queueTriggeredRun(task, name, now);
    }
  }

  /** Starts a triggered run at `now`, after whatever is already due then (higher priority first). */
  private queueTriggeredRun(task: Task, trigger: string, now: number): void {
    task.triggerQueued = true;
    this.clock.setTimer(
      now,
      () => {
        task.triggerQueued = false;
        if (!task.removed && this.active) this.start(task, trigger, now);
      },
      -task.instance.priority,
    );
  }

  /** Stops starting new runs (running ones go on). */
  pause(): void {
    if (!this.active) return;
    this.active = false;
    for (const tasks of this.tasks.values()) {
      for (const task of tasks) {
        if (task.timer) this.clock.clearTimer(task.timer);
        task.timer = null;
      }
    }
  }

  /** Starts scheduling again after {@link Scheduler.pause}; cadences keep their phase. */
  resume(): void {
    if (this.active) return;
    this.active = true;
    for (const tasks of this.tasks.values()) for (const task of tasks) this.arm(task);
  }

  /** Resolves when no module run is in progress. */
  idle(): Promise<void> {
    if (this.runningCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Per-module counters across all agents. */
  stats(): Record<string, ModuleStatsSummary> {
    const out: Record<string, ModuleStatsSummary> = {};
    for (const [name, stats] of [...this.moduleStats].sort(([a], [b]) => a.localeCompare(b))) {
      out[name] = stats.summary();
    }
    return out;
  }

  /** Raw counters (with histograms) for aggregation, e.g. by benchmarks. */
  rawStats(): ReadonlyMap<string, ModuleStats> {
    return this.moduleStats;
  }

  /** Finished runs per module for one agent. */
  agentRuns(agentId: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const task of this.tasks.get(agentId) ?? []) out[task.instance.definition.name] = task.runs;
    return out;
  }

  private arm(task: Task): void {
    const cadence = task.instance.cadenceMs;
    if (cadence === null) return;
    // Each (agent, module) has a fixed phase in [0, cadence) from the seed. Due times are always
    // phase + k * cadence, so a society resumed from a checkpoint fires exactly when the original would have.
    const phase =
      this.options.jitter === false
        ? 0
        : Math.floor(
            createRng(`${this.options.seed}/jitter/${task.agent.id}/${task.instance.definition.name}`).next() * cadence,
          );
    const now = this.clock.now();
    // Strictly after now: a run due exactly at `now` already happened before a pause or checkpoint.
    task.nextDue = now < phase ? phase : phase + (Math.floor((now - phase) / cadence) + 1) * cadence;
    task.timer = this.clock.setTimer(task.nextDue, task.onCadence, -task.instance.priority);
  }

  private fireCadence(task: Task): void {
    task.timer = null;
    if (task.removed || !this.active) return;
    const cadence = task.instance.cadenceMs as number;
    const due = task.nextDue;
    const now = this.clock.now();
    let next = due + cadence;
    if (next <= now) {
      // Far behind (real clock under load): drop the missed ticks rather than firing a burst.
      const missed = Math.floor((now - next) / cadence) + 1;
      task.stats.skipped += missed;
      next += missed * cadence;
    }
    task.nextDue = next;
    task.timer = this.clock.setTimer(next, task.onCadence, -task.instance.priority);
    this.start(task, 'cadence', due);
  }

  private start(task: Task, trigger: string, dueAt: number): void {
    if (task.running) {
      task.stats.skipped++;
      if (trigger !== 'cadence') task.pendingTrigger = trigger;
      task.agent.onRunSkipped(task.instance);
      return;
    }
    const startSim = this.clock.now();
    let ctx: ModuleContext;
    try {
      ctx = task.agent.createContext(task.instance, trigger, dueAt);
      const definition = task.instance.definition;
      if (definition.relevant !== undefined && !definition.relevant(ctx)) {
        task.stats.idle++;
        return;
      }
    } catch (error) {
      task.stats.errors++;
      task.agent.onRunFinished(task.instance, { ok: false, error, trigger, simMs: 0 });
      return;
    }
    task.stats.lag.record(startSim - dueAt);
    task.running = true;
    this.runningCount++;
    const startWall = performance.now();
    let result: Promise<void> | void;
    try {
      result = task.instance.definition.run(ctx);
    } catch (error) {
      this.finish(task, trigger, startSim, startWall, error, false);
      return;
    }
    if (result !== undefined && typeof (result as Promise<void>).then === 'function') {
      (result as Promise<void>).then(
        () => this.finish(task, trigger, startSim, startWall, undefined, true),
        (error: unknown) => this.finish(task, trigger, startSim, startWall, error, false),
      );
    } else {
      this.finish(task, trigger, startSim, startWall, undefined, true);
    }
  }

  private finish(task: Task, trigger: string, startSim: number, startWall: number, error: unknown, ok: boolean): void {
    const wallMs = performance.now() - startWall;
    const stats = task.stats;
    stats.runs++;
    task.runs++;
    stats.runWallMsTotal += wallMs;
    if (wallMs > stats.runWallMsMax) stats.runWallMsMax = wallMs;
    if (!ok) stats.errors++;
    task.running = false;
    this.runningCount--;
    try {
      task.agent.onRunFinished(task.instance, { ok, error, trigger, simMs: this.clock.now() - startSim });
    } finally {
      const pending = task.pendingTrigger;
      if (pending !== null && !task.removed && this.active) {
        task.pendingTrigger = null;
        this.queueTriggeredRun(task, pending, this.clock.now());
      }
      if (this.runningCount === 0 && this.idleWaiters.length > 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }
}
