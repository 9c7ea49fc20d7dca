import type { Logger } from 'pino';
import {
  type BottleneckSpec,
  type BottleneckView,
  defaultBottleneck,
  renderBottleneck,
} from '../controller/bottleneck.js';
import { type Decision, type DecisionInput, decisionInputSchema } from '../controller/decision.js';
import type { EventLog } from '../events/event-log.js';
import { type ModuleInstance, type ModuleLike, TRIGGERS, toInstance } from '../module/define-module.js';
import type { ModuleContext } from '../module/module-context.js';
import type { Body, BodyEvent } from '../ports/body.js';
import type { Clock } from '../ports/clock.js';
import type { JsonValue } from '../ports/json.js';
import type { Model } from '../ports/model.js';
import type { VectorIndex } from '../ports/vector-index.js';
import type { RunResult, SchedulableAgent, Scheduler } from '../scheduler/scheduler.js';
import { AgentState } from '../state/agent-state.js';
import { builtinSlots, type SlotName, type SlotTypeMap } from '../state/builtin-slots.js';
import type { SlotDefinition } from '../state/slot.js';
import { didYouMean } from '../util/did-you-mean.js';
import { SidError } from '../util/errors.js';
import { type ActionRecord, instrumentBody } from './instrument-body.js';
import { withCallMeta } from './model-meta.js';
import { type InstanceAccess, RunContext } from './run-context.js';

/** Everything needed to build one agent. */
export interface AgentSpec {
  /** Unique in the society: letters, digits, `_` and `-`, up to 32 characters (also the in-game name). */
  id: string;
  modules: readonly ModuleLike[];
  /** Extra slots beyond the built-ins and those the modules declare. */
  slots?: readonly SlotDefinition[];
  /** Initial values for slots, validated like any write. */
  initial?: Partial<{ [N in SlotName]: SlotTypeMap[N] }> & Record<string, unknown>;
  /** What the cognitive controller sees (default: the controller module's own, else {@link defaultBottleneck}). */
  bottleneck?: BottleneckSpec;
  /** Decisions kept in `decisionHistory` (default 20). */
  decisionHistory?: number;
  /** Chat lines kept in `heardChat` (default 30). */
  heardChatLimit?: number;
}

/** Services a society lends its agents. */
export interface AgentRuntime {
  clock: Clock;
  seed: string;
  events: EventLog;
  scheduler: Scheduler;
  model: Model;
  vectorIndex: VectorIndex;
  logger: Logger;
}

const idRule = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * One agent: its state, its modules and (once in a society) its body and services. Modules never talk
 * to each other directly, only through the state and the controller's broadcast.
 */
export class Agent implements SchedulableAgent {
  readonly id: string;
  readonly state: AgentState;
  readonly modules: readonly ModuleInstance[];
  readonly bottleneckSpec: BottleneckSpec;
  private readonly maxDecisions: number;
  private readonly maxHeard: number;
  private readonly access = new Map<ModuleInstance, InstanceAccess>();
  private runtime: AgentRuntime | null = null;
  private wrappedBody: Body | null = null;
  private unsubscribeBody: (() => void) | null = null;
  private abort = new AbortController();
  /** Replaced at every decision: aborting it interrupts work done for the previous decision. */
  private decisionEpoch = new AbortController();
  private interruptCache: { epoch: AbortController; signal: AbortSignal } | null = null;

  constructor(spec: AgentSpec) {
    if (!idRule.test(spec.id)) {
      throw new SidError('agent_spec', `agent id "${spec.id}" must be 1-32 letters, digits, _ or -`);
    }
    this.id = spec.id;
    this.modules = spec.modules.map((m) => toInstance(m));
    const names = new Set<string>();
    for (const m of this.modules) {
      if (names.has(m.definition.name)) {
        throw new SidError('agent_spec', `agent "${spec.id}" has module "${m.definition.name}" twice`);
      }
      names.add(m.definition.name);
    }
    this.state = new AgentState(spec.id, builtinSlots as readonly SlotDefinition[]);
    for (const slot of spec.slots ?? []) this.state.register(slot);
    for (const m of this.modules) for (const slot of m.definition.slots) this.state.register(slot);
    for (const m of this.modules) this.access.set(m, this.checkAccess(m));
    for (const [name, value] of Object.entries(spec.initial ?? {})) {
      if (value !== undefined) this.state.write(name, value as never, 'init');
    }
    const controllerDefault = this.modules.find((m) => m.definition.controller && m.definition.bottleneck)?.definition
      .bottleneck;
    this.bottleneckSpec = spec.bottleneck ?? controllerDefault ?? defaultBottleneck;
    renderBottleneck(this.state, this.bottleneckSpec); // fails now, not in the first controller run
    this.maxDecisions = spec.decisionHistory ?? 20;
    this.maxHeard = spec.heardChatLimit ?? 30;
  }

  /** The agent's body (instrumented), once a society gave it one. */
  get body(): Body | null {
    return this.wrappedBody;
  }

  /** The latest broadcast decision. */
  decision(): Decision | null {
    return this.state.get('decision');
  }

  /** Aborted when the agent stops. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Aborted when the agent stops or a newer decision is broadcast. */
  get interruptSignal(): AbortSignal {
    const epoch = this.decisionEpoch;
    if (this.interruptCache?.epoch !== epoch) {
      this.interruptCache = { epoch, signal: AbortSignal.any([this.abort.signal, epoch.signal]) };
    }
    return this.interruptCache.signal;
  }

  /** Called by the society when the agent joins it. */
  attach(runtime: AgentRuntime, body: Body | null): void {
    this.runtime = runtime;
    this.abort = new AbortController();
    for (const access of this.access.values()) {
      access.model = null;
      access.log = null;
    }
    if (body) this.setBody(body);
  }

  /** Called by the society when the agent leaves it or the society stops. */
  detach(): void {
    this.abort.abort(new SidError('stopped', `agent "${this.id}" stopped`));
    this.unsubscribeBody?.();
    this.unsubscribeBody = null;
  }

  /** Validates a controller's output, records it and broadcasts it to every module listening. */
  decide(input: DecisionInput, by = 'controller'): Decision {
    const runtime = this.requireRuntime();
    const parsed = decisionInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new SidError(
        'invalid_decision',
        `decision from "${by}" is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
    }
    const previous = this.decision();
    const decision: Decision = {
      ...parsed.data,
      at: runtime.clock.now(),
      seq: previous === null ? 0 : previous.seq + 1,
    };
    const stored = this.state.write('decision', decision, by) as Decision;
    this.state.update('decisionHistory', (h) => [...h, stored].slice(-this.maxDecisions), by);
    runtime.events.append('decision', this.id, stored);
    // Only a change of what to do interrupts work in progress; a decision that just adds a line to say does not.
    if (previous === null || previous.action !== stored.action || previous.target !== stored.target) {
      const previousEpoch = this.decisionEpoch;
      this.decisionEpoch = new AbortController();
      previousEpoch.abort(new SidError('interrupted', `a new decision (#${stored.seq}) replaced the previous one`));
    }
    runtime.scheduler.trigger(this.id, TRIGGERS.decisionBroadcast);
    return stored;
  }

  /** The state as the controller sees it. */
  bottleneck(): BottleneckView {
    return renderBottleneck(this.state, this.bottleneckSpec);
  }

  /** Logs a custom event and triggers modules listening for it. */
  emit(name: string, data: JsonValue = null): void {
    const runtime = this.requireRuntime();
    runtime.events.append('custom', this.id, { name, data });
    runtime.scheduler.trigger(this.id, name);
  }

  createContext(instance: ModuleInstance, trigger: string, dueAt: number): ModuleContext {
    const runtime = this.requireRuntime();
    const access = this.access.get(instance) as InstanceAccess;
    return new RunContext(this, runtime, instance, access, trigger, dueAt);
  }

  onRunFinished(instance: ModuleInstance, result: RunResult): void {
    const runtime = this.runtime;
    if (!runtime) return;
    const error = result.ok ? null : describeError(result.error);
    runtime.events.append('module.run', this.id, {
      module: instance.definition.name,
      ok: result.ok,
      error,
      simMs: result.simMs,
      trigger: result.trigger,
    });
    if (!result.ok) {
      runtime.logger.warn({ agent: this.id, module: instance.definition.name, error }, 'module run failed');
    }
  }

  onRunSkipped(instance: ModuleInstance): void {
    this.runtime?.events.append('module.skipped', this.id, { module: instance.definition.name, reason: 'overlap' });
  }

  /** Model and logger for one module instance, created once. */
  modelFor(instance: ModuleInstance, access: InstanceAccess): Model {
    const runtime = this.requireRuntime();
    if (!access.model) {
      access.model = withCallMeta(
        runtime.model,
        {
          agentId: this.id,
          module: instance.definition.name,
          priority: instance.priority,
          ...(instance.tier !== null ? { tier: instance.tier } : {}),
        },
        // Live models hold the virtual clock while they answer; in-process ones need not.
        runtime.model.offline ? null : runtime.clock,
      );
    }
    return access.model;
  }

  loggerFor(instance: ModuleInstance, access: InstanceAccess): Logger {
    const runtime = this.requireRuntime();
    if (!access.log) access.log = runtime.logger.child({ agent: this.id, module: instance.definition.name });
    return access.log;
  }

  private setBody(body: Body): void {
    const runtime = this.requireRuntime();
    this.wrappedBody = instrumentBody(
      body,
      () => runtime.clock.now(),
      (record) => this.onAction(record),
    );
    this.unsubscribeBody = body.onEvent((event) => this.onBodyEvent(event));
  }

  private onAction(record: ActionRecord): void {
    const runtime = this.runtime;
    if (!runtime) return;
    const { action, args, outcome } = record;
    if (action === 'chat' || action === 'whisper') {
      const text = String((action === 'chat' ? args[0] : args[1]) ?? '');
      const mode = action === 'whisper' ? 'whisper' : ((args[1] as 'say' | 'shout' | undefined) ?? 'say');
      if (outcome.ok) {
        runtime.events.append('chat', this.id, { text, mode, to: action === 'whisper' ? String(args[0]) : null });
      }
    }
    // Failed chat is an action outcome too: nothing was said, and the reason is logged.
    if ((action !== 'chat' && action !== 'whisper') || !outcome.ok) {
      runtime.events.append('action', this.id, {
        action,
        args,
        ok: outcome.ok,
        reason: outcome.reason ?? null,
        durationMs: outcome.durationMs,
      });
    }
    this.state.write(
      'lastActionOutcome',
      {
        action,
        ok: outcome.ok,
        reason: outcome.reason ? { ...outcome.reason } : null,
        expected: null,
        startedAt: record.startedAt,
        finishedAt: runtime.clock.now(),
      },
      'body',
    );
    runtime.scheduler.trigger(this.id, TRIGGERS.actionFinished);
  }

  private onBodyEvent(event: BodyEvent): void {
    const runtime = this.runtime;
    if (!runtime) return;
    if (event.type === 'chat') {
      if (event.from === this.id) return;
      const heard = { from: event.from, text: event.text, mode: event.mode, at: event.at, distance: event.distance };
      this.state.update('heardChat', (list) => [...list, heard].slice(-this.maxHeard), 'body');
      runtime.events.append('chat.heard', this.id, {
        from: event.from,
        text: event.text,
        mode: event.mode,
        distance: event.distance,
      });
      runtime.scheduler.trigger(this.id, TRIGGERS.chatReceived);
      return;
    }
    if (event.type === 'death' || event.type === 'respawn') {
      const dead = event.type === 'death';
      this.state.update('gameState', (g) => ({ ...g, dead, updatedAt: event.at }), 'body');
    }
    runtime.scheduler.trigger(this.id, TRIGGERS.bodyEvent(event.type));
  }

  private checkAccess(instance: ModuleInstance): InstanceAccess {
    const def = instance.definition;
    const known = this.state.slotNames();
    for (const slot of [...def.reads, ...def.writes]) {
      if (!this.state.has(slot)) {
        throw new SidError(
          'module_definition',
          `module "${def.name}" uses slot "${slot}" that no module or agent declares${didYouMean(slot, known)}`,
        );
      }
    }
    // A controller sees the rest of the state only through the bottleneck (ctx.bottleneck()).
    const readable = new Set([...def.reads, ...def.writes, 'decision']);
    // The decision slots change only through decide(), which records and broadcasts.
    const writable = new Set(def.writes.filter((slot) => slot !== 'decision' && slot !== 'decisionHistory'));
    return { readable, writable, model: null, log: null };
  }

  private requireRuntime(): AgentRuntime {
    if (!this.runtime) throw new SidError('not_attached', `agent "${this.id}" is not part of a running society`);
    return this.runtime;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Builds an agent from a spec; add it to a society with `society.addAgent()`. */
export function createAgent(spec: AgentSpec): Agent {
  return new Agent(spec);
}
