import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'eventemitter3';
import type { Logger } from 'pino';
import { Agent, type AgentSpec } from '../agent/agent.js';
import { RealClock } from '../clock/real-clock.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { EventLog } from '../events/event-log.js';
import type { SocietyEvent } from '../events/society-event.js';
import { LocalCoordinator } from '../inprocess/local-coordinator.js';
import { MemoryBus } from '../inprocess/memory-bus.js';
import { MemoryStore } from '../inprocess/memory-store.js';
import { MemoryVectorIndex } from '../inprocess/memory-vector-index.js';
import { unconfiguredModel } from '../model/unconfigured-model.js';
import type { Environment, Vec3 } from '../ports/body.js';
import type { Bus } from '../ports/bus.js';
import type { Clock } from '../ports/clock.js';
import type { Coordinator } from '../ports/coordinator.js';
import type { Model } from '../ports/model.js';
import type { Checkpoint, Store } from '../ports/store.js';
import type { VectorIndex } from '../ports/vector-index.js';
import type { ModuleStatsSummary } from '../scheduler/module-stats.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { didYouMean } from '../util/did-you-mean.js';
import { SidError } from '../util/errors.js';
import { createLogger } from '../util/logger.js';

/** An agent to add: a built {@link Agent} or a spec, with an optional spawn point for its body. */
export type SocietyMember = Agent | (AgentSpec & { spawn?: Vec3; group?: string });

/** Everything a society is built from. Every port has an in-process default. */
export interface SocietyOptions {
  /** One seed for every RNG in the run (default 1). */
  seed?: string | number;
  /** `virtual` (default: deterministic, as fast as the CPU allows) or `real`, or a Clock. */
  clock?: 'virtual' | 'real' | Clock;
  /** Names this run in the store and event log (default: a random id). */
  runId?: string;
  agents?: readonly SocietyMember[];
  environment?: Environment;
  model?: Model;
  store?: Store;
  bus?: Bus;
  coordinator?: Coordinator;
  vectorIndex?: VectorIndex;
  logger?: Logger;
  /** How long `stop()` lets running modules finish, in wall ms (default 5000). */
  stopTimeoutMs?: number;
}

export type SocietyStatus = 'idle' | 'running' | 'paused' | 'stopping' | 'stopped';

interface SocietyEvents {
  started: [];
  paused: [];
  stopped: [{ reason: string }];
  checkpoint: [Checkpoint];
  error: [unknown];
  event: [SocietyEvent];
}

/**
 * A society: many agents, one scheduler, one clock, one event log, shared ports.
 * `start()` prepares bodies and schedules modules (and lets a real clock run); `runFor(ms)` lets time
 * run for `ms` of clock time and pauses; `stop()` ends the run gracefully and flushes the store.
 */
export class Society extends EventEmitter<SocietyEvents> {
  readonly runId: string;
  readonly seed: string;
  readonly clock: Clock;
  readonly events: EventLog;
  readonly scheduler: Scheduler;
  readonly store: Store;
  readonly bus: Bus;
  readonly coordinator: Coordinator;
  readonly vectorIndex: VectorIndex;
  readonly model: Model;
  readonly environment: Environment | null;
  readonly logger: Logger;
  private readonly members = new Map<string, Agent>();
  private readonly spawns = new Map<string, { spawn?: Vec3; group?: string }>();
  private status: SocietyStatus = 'idle';
  private readonly stopTimeoutMs: number;
  private environmentReady = false;

  constructor(options: SocietyOptions = {}) {
    super();
    this.seed = String(options.seed ?? 1);
    this.runId = options.runId ?? `run-${randomUUID().slice(0, 8)}`;
    this.clock =
      options.clock === 'real'
        ? new RealClock()
        : options.clock === undefined || options.clock === 'virtual'
          ? new VirtualClock()
          : options.clock;
    this.store = options.store ?? new MemoryStore();
    this.bus = options.bus ?? new MemoryBus();
    this.coordinator = options.coordinator ?? new LocalCoordinator();
    this.vectorIndex = options.vectorIndex ?? new MemoryVectorIndex();
    this.model = options.model ?? unconfiguredModel;
    this.environment = options.environment ?? null;
    this.logger = options.logger ?? createLogger();
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5000;
    this.events = new EventLog(this.runId, this.clock, this.store);
    this.events.on('error', (error) => this.emit('error', error));
    this.events.subscribe((event) => {
      if (this.listenerCount('event') > 0) this.emit('event', event);
    });
    this.scheduler = new Scheduler(this.clock, { seed: this.seed });
    if (this.clock.kind === 'real') this.clock.pause();
    for (const member of options.agents ?? []) this.register(member);
  }

  /** Current lifecycle status. */
  get state(): SocietyStatus {
    return this.status;
  }

  /** The agents, by id. */
  get agents(): ReadonlyMap<string, Agent> {
    return this.members;
  }

  agent(id: string): Agent {
    const agent = this.members.get(id);
    if (!agent)
      throw new SidError('unknown_agent', `no agent "${id}" in this society${didYouMean(id, this.members.keys())}`);
    return agent;
  }

  /** Adds an agent; if the society is running it starts at once. */
  async addAgent(member: SocietyMember): Promise<Agent> {
    const agent = this.register(member);
    if (this.status === 'running' || this.status === 'paused') {
      const [owned] = await this.coordinator.claim([agent.id], 30_000);
      if (owned === agent.id) await this.activate(agent);
    }
    return agent;
  }

  /** Removes an agent: its modules stop being scheduled and its body leaves the world. */
  async removeAgent(id: string, reason = 'removed'): Promise<void> {
    const agent = this.agent(id);
    this.scheduler.remove(id);
    agent.detach();
    this.members.delete(id);
    this.spawns.delete(id);
    await this.coordinator.release([id]);
    if (this.environment && this.environmentReady) await this.environment.removeBody(id);
    this.events.append('agent.removed', id, { reason });
  }

  /** Creates bodies, claims agents and schedules every module. On the real clock, time starts running. */
  async start(): Promise<void> {
    if (this.status === 'running') return;
    if (this.status === 'paused') {
      this.resume();
      return;
    }
    if (this.status !== 'idle') throw new SidError('society_state', `cannot start a society that is ${this.status}`);
    this.status = 'running';
    if (this.environment && !this.environmentReady) {
      await this.environment.init({ clock: this.clock, seed: this.seed });
      this.environmentReady = true;
    }
    const ids = [...this.members.keys()];
    const owned = new Set(await this.coordinator.claim(ids, 30_000));
    this.events.append('society.started', null, { seed: this.seed, clock: this.clock.kind, agents: ids });
    for (const agent of this.members.values()) {
      if (owned.has(agent.id)) await this.activate(agent);
    }
    this.emit('started');
    if (this.clock.kind === 'real') this.clock.run();
  }

  /** Lets clock time run for `ms` (starting the society if needed), then pauses. */
  async runFor(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new SidError('invalid_argument', `runFor needs a non-negative duration, got ${ms}`);
    if (this.status === 'idle') await this.start();
    if (this.status === 'paused') this.resume();
    if (this.status !== 'running') throw new SidError('society_state', `cannot run a society that is ${this.status}`);
    await this.clock.runUntil(this.clock.now() + ms);
    this.pause();
  }

  /** Stops time (virtual) or timers (real); nothing is lost, `runFor` or `start` continues. */
  pause(): void {
    if (this.status !== 'running') return;
    this.clock.pause();
    // Wall time goes on during a real-clock pause: cadences re-arm on resume instead of counting
    // every tick of the pause as missed.
    if (this.clock.kind === 'real') this.scheduler.pause();
    this.status = 'paused';
    this.emit('paused');
  }

  private resume(): void {
    this.status = 'running';
    if (this.clock.kind === 'real') {
      this.scheduler.resume();
      this.clock.run();
    }
  }

  /**
   * Ends the run: no new module runs; running ones get `stopTimeoutMs` to finish (time keeps running
   * for them), then are aborted; events and the store are flushed.
   */
  async stop(reason = 'stopped'): Promise<void> {
    if (this.status === 'stopped' || this.status === 'stopping') return;
    const wasStarted = this.status !== 'idle';
    this.status = 'stopping';
    this.scheduler.pause();
    if (wasStarted) {
      this.clock.run();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        this.scheduler.idle().then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), this.stopTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) this.logger.warn({ running: this.scheduler.running }, 'stop: module runs still going were aborted');
      this.clock.pause();
    }
    for (const agent of this.members.values()) agent.detach();
    await this.coordinator.release([...this.members.keys()]);
    this.events.append('society.stopped', null, { reason });
    await this.events.flush();
    for (const agent of this.members.values()) await this.store.saveAgent(this.runId, agent.state.snapshot());
    await this.store.flush();
    if (this.environment && this.environmentReady) await this.environment.close();
    this.status = 'stopped';
    this.emit('stopped', { reason });
  }

  /** Saves every agent's state, the world and the clock to the store, and returns the checkpoint. */
  async checkpoint(): Promise<Checkpoint> {
    const id = `cp-${String(this.events.lastSeq + 1).padStart(9, '0')}`;
    const checkpoint: Checkpoint = {
      id,
      runId: this.runId,
      at: this.clock.now(),
      createdAt: new Date().toISOString(),
      seed: this.seed,
      clock: this.clock.kind,
      eventSeq: this.events.lastSeq + 1,
      agents: [...this.members.values()].map((a) => a.state.snapshot()),
      environment: this.environment && this.environmentReady ? await this.environment.snapshot() : null,
      modules: Object.fromEntries(
        [...this.members.values()].map((a) => [a.id, a.modules.map((m) => m.definition.name)]),
      ),
    };
    this.events.append('checkpoint', null, { id });
    await this.events.flush();
    await this.store.saveCheckpoint(checkpoint);
    this.emit('checkpoint', checkpoint);
    return structuredClone(checkpoint);
  }

  /**
   * Restores agent states, the world and the clock from a checkpoint (or the store's latest for this
   * run). The society must have the same agents with the same modules; call before `start()`.
   */
  async restore(from?: Checkpoint | string): Promise<void> {
    if (this.status !== 'idle') throw new SidError('society_state', 'restore() must be called before start()');
    const checkpoint = typeof from === 'object' ? from : await this.store.loadCheckpoint(this.runId, from);
    if (!checkpoint) throw new SidError('no_checkpoint', `no checkpoint ${from ?? '(latest)'} for run "${this.runId}"`);
    if (checkpoint.seed !== this.seed) {
      throw new SidError(
        'checkpoint_mismatch',
        `checkpoint was made with seed "${checkpoint.seed}" but this society has seed "${this.seed}": a resumed run would not continue the same way`,
      );
    }
    if (checkpoint.clock !== this.clock.kind) {
      throw new SidError(
        'checkpoint_mismatch',
        `checkpoint was made on the ${checkpoint.clock} clock, this society uses the ${this.clock.kind} clock`,
      );
    }
    const inCheckpoint = new Set(checkpoint.agents.map((a) => a.agentId));
    const missing = [...inCheckpoint].filter((id) => !this.members.has(id));
    if (missing.length > 0) {
      throw new SidError('checkpoint_mismatch', `checkpoint has agents this society lacks: ${missing.join(', ')}`);
    }
    const extra = [...this.members.keys()].filter((id) => !inCheckpoint.has(id));
    if (extra.length > 0) {
      throw new SidError('checkpoint_mismatch', `this society has agents the checkpoint lacks: ${extra.join(', ')}`);
    }
    for (const [id, modules] of Object.entries(checkpoint.modules)) {
      const have = this.agent(id).modules.map((m) => m.definition.name);
      if (have.join(',') !== modules.join(',')) {
        throw new SidError(
          'checkpoint_mismatch',
          `agent "${id}" has modules [${have}] but the checkpoint has [${modules}]`,
        );
      }
    }
    // Validate every agent before changing any, so a bad checkpoint leaves the society as it was.
    for (const snapshot of checkpoint.agents) {
      this.agent(snapshot.agentId).state.validate(snapshot);
    }
    for (const snapshot of checkpoint.agents) this.agent(snapshot.agentId).state.restore(snapshot);
    // The clock first: the world re-arms its timers (respawns, day/night) from the checkpoint's time.
    this.clock.advanceTo(checkpoint.at);
    if (checkpoint.environment && this.environment) {
      if (!this.environmentReady) {
        await this.environment.init({ clock: this.clock, seed: this.seed });
        this.environmentReady = true;
      }
      await this.environment.restore(checkpoint.environment);
    }
    this.events.continueFrom(checkpoint.eventSeq);
  }

  /** Per-module scheduler counters across all agents. */
  stats(): Record<string, ModuleStatsSummary> {
    return this.scheduler.stats();
  }

  private register(member: SocietyMember): Agent {
    const agent = member instanceof Agent ? member : new Agent(member);
    if (this.members.has(agent.id))
      throw new SidError('duplicate_agent', `agent "${agent.id}" is already in the society`);
    if (this.status === 'stopping' || this.status === 'stopped') {
      throw new SidError('society_state', `cannot add agents to a society that is ${this.status}`);
    }
    this.members.set(agent.id, agent);
    if (!(member instanceof Agent)) {
      const { spawn, group } = member;
      this.spawns.set(agent.id, { ...(spawn ? { spawn } : {}), ...(group ? { group } : {}) });
    }
    return agent;
  }

  private async activate(agent: Agent): Promise<void> {
    const body = this.environment ? await this.environment.createBody(agent.id, this.spawns.get(agent.id)) : null;
    agent.attach(
      {
        clock: this.clock,
        seed: this.seed,
        events: this.events,
        scheduler: this.scheduler,
        model: this.model,
        vectorIndex: this.vectorIndex,
        logger: this.logger,
      },
      body,
    );
    this.events.append('agent.added', agent.id, { modules: agent.modules.map((m) => m.definition.name) });
    this.scheduler.add(agent);
  }
}

/** Builds a society from options. Nothing runs until `start()` or `runFor()`. */
export function createSociety(options: SocietyOptions = {}): Society {
  return new Society(options);
}
