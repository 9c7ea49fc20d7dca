import type { Logger } from 'pino';
import type { BottleneckView } from '../controller/bottleneck.js';
import type { Decision, DecisionInput } from '../controller/decision.js';
import type { ModuleInstance } from '../module/define-module.js';
import type { ModuleContext } from '../module/module-context.js';
import type { Body } from '../ports/body.js';
import type { Clock } from '../ports/clock.js';
import type { JsonValue } from '../ports/json.js';
import type { Model } from '../ports/model.js';
import type { VectorIndex } from '../ports/vector-index.js';
import { createRng, type Rng } from '../rng/rng.js';
import type { SlotDefinition } from '../state/slot.js';
import { didYouMean } from '../util/did-you-mean.js';
import { ModuleAccessError } from '../util/errors.js';
import type { Agent, AgentRuntime } from './agent.js';

/** What one module instance may touch on its agent, and its model and logger (created once). */
export interface InstanceAccess {
  readable: Set<string>;
  writable: Set<string>;
  model: Model | null;
  log: Logger | null;
}

/** The per-run context object; methods live on the prototype so a run costs one small allocation. */
export class RunContext implements ModuleContext<unknown> {
  private rngCache: Rng | null = null;
  /** Captured at start: a decision broadcast after this run began aborts it. */
  readonly interruptSignal: AbortSignal;

  constructor(
    private readonly agent: Agent,
    private readonly runtime: AgentRuntime,
    private readonly instance: ModuleInstance,
    private readonly access: InstanceAccess,
    readonly trigger: string,
    private readonly dueAt: number,
  ) {
    this.interruptSignal = agent.interruptSignal;
  }

  get agentId(): string {
    return this.agent.id;
  }
  get module(): string {
    return this.instance.definition.name;
  }
  get options(): unknown {
    return this.instance.options;
  }
  get signal(): AbortSignal {
    return this.agent.signal;
  }
  get clock(): Clock {
    return this.runtime.clock;
  }
  get rng(): Rng {
    if (!this.rngCache) this.rngCache = createRng(`${this.runtime.seed}/${this.agent.id}/${this.module}/${this.dueAt}`);
    return this.rngCache;
  }
  get log(): Logger {
    return this.agent.loggerFor(this.instance, this.access);
  }
  get model(): Model {
    return this.agent.modelFor(this.instance, this.access);
  }
  get body(): Body | null {
    return this.agent.body;
  }
  get vectorIndex(): VectorIndex {
    return this.runtime.vectorIndex;
  }
  now(): number {
    return this.runtime.clock.now();
  }
  get(name: string): never {
    if (!this.access.readable.has(name)) {
      throw new ModuleAccessError(
        `module "${this.module}" read slot "${name}" without declaring it in reads${didYouMean(name, this.access.readable)}`,
      );
    }
    return this.agent.state.get(name) as never;
  }
  read<T>(slot: SlotDefinition<T>): T {
    return this.get(slot.name) as T;
  }
  write(slot: string | SlotDefinition, value: unknown): never {
    const name = typeof slot === 'string' ? slot : slot.name;
    if (name === 'decision' || name === 'decisionHistory') {
      throw new ModuleAccessError(
        `module "${this.module}" wrote slot "${name}" directly: decisions go through ctx.decide()`,
      );
    }
    if (!this.access.writable.has(name)) {
      throw new ModuleAccessError(
        `module "${this.module}" wrote slot "${name}" without declaring it in writes${didYouMean(name, this.access.writable)}`,
      );
    }
    return this.agent.state.write(name, value as never, this.module) as never;
  }
  update(slot: string | SlotDefinition, fn: (current: never) => unknown): never {
    const name = typeof slot === 'string' ? slot : slot.name;
    return this.write(name, fn(this.get(name)));
  }
  decision(): Decision | null {
    return this.agent.decision();
  }
  decide(input: DecisionInput): Decision {
    if (!this.instance.definition.controller) {
      throw new ModuleAccessError(`module "${this.module}" is not a controller and cannot decide`);
    }
    return this.agent.decide(input, this.module);
  }
  bottleneck(): BottleneckView {
    if (!this.instance.definition.controller) {
      throw new ModuleAccessError(`module "${this.module}" is not a controller; only controllers see the bottleneck`);
    }
    return this.agent.bottleneck();
  }
  emit(name: string, data: JsonValue = null): void {
    this.agent.emit(name, data);
  }
}
