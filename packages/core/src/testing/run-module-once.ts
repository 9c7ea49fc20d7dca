import { Agent, type AgentSpec } from '../agent/agent.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { EventLog } from '../events/event-log.js';
import type { SocietyEvent } from '../events/society-event.js';
import { MemoryStore } from '../inprocess/memory-store.js';
import { MemoryVectorIndex } from '../inprocess/memory-vector-index.js';
import { unconfiguredModel } from '../model/unconfigured-model.js';
import { type ModuleLike, toInstance } from '../module/define-module.js';
import type { Body } from '../ports/body.js';
import type { Model } from '../ports/model.js';
import type { VectorIndex } from '../ports/vector-index.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { createLogger } from '../util/logger.js';

export interface RunModuleOnceOptions {
  agentId?: string;
  /** Initial slot values (validated like any write). */
  initial?: AgentSpec['initial'];
  /** Other modules whose slots the agent should have (they do not run). */
  alongside?: readonly ModuleLike[];
  model?: Model;
  body?: Body;
  vectorIndex?: VectorIndex;
  /** Clock time of the run (default 10 000 ms). */
  at?: number;
  /** What started the run (default `cadence`). */
  trigger?: string;
  seed?: string;
}

export interface RunModuleOnceResult {
  agent: Agent;
  /** The run's error, if it threw. */
  error: unknown;
  /** Events the run produced (decisions, custom events, actions…). */
  events: SocietyEvent[];
}

/**
 * Runs one module once on a fresh agent, with the same context a society gives it (access checks,
 * model metadata, seeded RNG), and returns the agent and what happened: state in → writes out.
 * Meant for module tests, including third-party modules.
 */
export async function runModuleOnce(
  module: ModuleLike,
  options: RunModuleOnceOptions = {},
): Promise<RunModuleOnceResult> {
  const clock = new VirtualClock(options.at ?? 10_000);
  const seed = options.seed ?? 'test';
  const scheduler = new Scheduler(clock, { seed });
  const events = new EventLog('test', clock, new MemoryStore());
  const collected: SocietyEvent[] = [];
  events.subscribe((e) => collected.push(e));
  const instance = toInstance(module);
  const agent = new Agent({
    id: options.agentId ?? 'agent',
    modules: [instance, ...(options.alongside ?? [])],
    ...(options.initial ? { initial: options.initial } : {}),
  });
  agent.attach(
    {
      clock,
      seed,
      events,
      scheduler,
      model: options.model ?? unconfiguredModel,
      vectorIndex: options.vectorIndex ?? new MemoryVectorIndex(),
      logger: createLogger('silent'),
    },
    options.body ?? null,
  );
  const ctx = agent.createContext(instance, options.trigger ?? 'cadence', clock.now());
  let error: unknown;
  clock.run(); // lets clock.sleep() inside the run complete
  try {
    await instance.definition.run(ctx);
  } catch (e) {
    error = e;
  } finally {
    clock.pause();
  }
  return { agent, error, events: collected };
}
