import type {
  ActionOptions,
  ActionOutcome,
  BlockSighting,
  Body,
  BodyEvent,
  EntitySighting,
  ItemStack,
  MoveTarget,
  Observation,
  Vec3,
} from '@sid/core';
import type { Bot } from 'mineflayer';
import type { MineflayerConfig } from '../config.js';
import { failure, reasons } from '../failures.js';
import type { NameBook } from '../names.js';
import { ActionStopped, messageOf } from './abort.js';
import { ActionQueue } from './action-queue.js';
import { craft, smelt } from './actions/crafting.js';
import { collect, dig, place } from './actions/gathering.js';
import { attack, chestContents, deposit, drop, eat, equip, give, withdraw } from './actions/items.js';
import { moveTo } from './actions/movement.js';
import { chat, whisper } from './actions/social.js';
import { Movements } from './bot-factory.js';
import { BotConnection } from './connection.js';
import type { ActionContext } from './context.js';
import { bridgeEvents, type WorldEvent } from './event-bridge.js';
import { findBlocks, findEntities, perceive } from './perception.js';

/** Which time limit applies to a primitive. */
type TimeoutKey = keyof MineflayerConfig['timeouts'];

/** What a body needs from its environment. */
export interface BodyHost {
  /** The environment's validated configuration. */
  config: MineflayerConfig;
  /** Agent ids ↔ usernames. */
  names: NameBook;
  /** The society's clock time. */
  now(): number;
}

/**
 * One agent's body on a real Minecraft server, through mineflayer. Every primitive validates its input,
 * runs through the body's action queue with a time limit and an AbortSignal, and returns a structured
 * {@link ActionOutcome}; none throws. The connection reconnects with backoff after a kick or a drop.
 */
export class MineflayerBody implements Body {
  private readonly listeners = new Set<(event: BodyEvent) => void>();
  private readonly worldListeners = new Set<(event: WorldEvent) => void>();
  private readonly queue = new ActionQueue();
  private readonly connection: BotConnection;
  private detach: (() => void) | null = null;
  private dead = false;
  private gaveUp: string | null = null;

  constructor(
    /** The agent this body belongs to. */
    readonly agentId: string,
    /** Its Minecraft username (prefix + agent id, shortened when needed). */
    readonly username: string,
    private readonly host: BodyHost,
  ) {
    this.connection = new BotConnection(host.config, username, {
      onBot: (bot, reconnected) => this.attach(bot, reconnected),
      onDisconnect: (reason) => {
        this.detach?.();
        this.detach = null;
        this.queue.interrupt();
        if (reason.startsWith('kicked')) this.emitWorld({ type: 'kicked', reason, at: this.host.now() });
        this.emit({ type: 'disconnect', reason, at: this.host.now() });
      },
      onGiveUp: (reason) => {
        this.gaveUp = reason;
      },
    });
  }

  /** Connects and waits for the first spawn. */
  async connect(): Promise<void> {
    await this.connection.connect();
  }

  /** The live mineflayer bot, or null while disconnected (for advanced use; actions are the port). */
  get bot(): Bot | null {
    return this.connection.bot;
  }

  /** True while connected and spawned. */
  get connected(): boolean {
    return this.connection.connected;
  }

  /** True between death and respawn. */
  get isDead(): boolean {
    return this.dead;
  }

  private attach(bot: Bot, reconnected: boolean): void {
    this.gaveUp = null;
    this.dead = false;
    const movements = new Movements(bot);
    movements.allowSprinting = true;
    bot.pathfinder.setMovements(movements);
    bot.pathfinder.thinkTimeout = 5_000;
    this.detach = bridgeEvents(bot, this.host.config, this.host.names, {
      emit: (e) => this.emit(e),
      emitWorld: (e) => this.emitWorld(e),
      now: () => this.host.now(),
      setDead: (d) => {
        this.dead = d;
        if (d) this.queue.interrupt();
      },
      isDead: () => this.dead,
    });
    if (reconnected) this.emit({ type: 'reconnect', at: this.host.now() });
  }

  // ---- the Body port ---------------------------------------------------------------------------

  /** Self, inventory, notable blocks, players, items and mobs nearby, time, weather, biome and a short text. */
  async perceive(): Promise<Observation> {
    const bot = this.connection.bot;
    const facts = {
      connected: bot !== null,
      server: this.host.config.embeddedTestServer ? 'embedded-test' : 'minecraft',
    };
    if (!bot?.entity) return this.offline(facts, this.gaveUp ?? 'not connected to the server');
    try {
      return perceive(bot, this.agentId, this.host.names, this.host.now(), this.dead, facts);
    } catch (error) {
      return this.offline(facts, `perception failed: ${messageOf(error)}`);
    }
  }

  private offline(facts: Record<string, string | boolean>, why: string): Observation {
    return {
      agentId: this.agentId,
      at: this.host.now(),
      self: { position: { x: 0, y: 0, z: 0 }, health: 0, food: 0, heldItem: null, dead: this.dead },
      inventory: [],
      equipment: {},
      blocks: [],
      entities: [],
      timeOfDay: 0,
      isDay: true,
      extra: { ...facts, error: why },
      text: `You cannot see the world: ${why}.`,
    };
  }

  /** Nearest blocks of the given names (buried ones too), default within 32 blocks. */
  async findBlocks(query: { name: string | string[]; maxDistance?: number; count?: number }): Promise<BlockSighting[]> {
    const bot = this.connection.bot;
    if (!bot?.entity || this.dead) return [];
    try {
      return findBlocks(bot, query);
    } catch {
      return [];
    }
  }

  /** Players, dropped items and mobs within range (default 32), nearest first. */
  async findEntities(query: { kind?: EntitySighting['kind']; maxDistance?: number } = {}): Promise<EntitySighting[]> {
    const bot = this.connection.bot;
    if (!bot?.entity || this.dead) return [];
    try {
      return findEntities(bot, this.host.names, query);
    } catch {
      return [];
    }
  }

  /** Pathfinds to a position or near a player; a stuck or pathless pathfinder gives `unreachable`. */
  moveTo(target: MoveTarget, options: ActionOptions & { range?: number } = {}): Promise<ActionOutcome> {
    return this.act('moving', 'moveMs', options, (ctx) => moveTo(ctx, target, options.range));
  }

  /** Breaks a block within 4.5 blocks with the best tool carried and picks up its drop. */
  dig(position: Vec3, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('digging', 'digMs', options, (ctx) => dig(ctx, position));
  }

  /** Finds, walks to and breaks `count` blocks of (or dropping) `name`, picking up the drops. */
  collect(name: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('collect', 'collectMs', options, (ctx) => collect(ctx, name, count));
  }

  /** Places a block from the inventory next to another block within reach. */
  place(item: string, position: Vec3, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('place', 'placeMs', options, (ctx) => place(ctx, item, position));
  }

  /** Crafts with `bot.craft` (or, on the embedded test server when configured, server-assisted). */
  craft(item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('craft', 'craftMs', options, (ctx) => craft(ctx, item, count), 2_000);
  }

  /** Smelts at a furnace within reach with `openFurnace` (or server-assisted on the embedded test server). */
  smelt(item: string, count: number, fuel?: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('smelt', 'smeltMs', options, (ctx) => smelt(ctx, item, count, fuel), 2_000);
  }

  /** Holds a tool, wears armour or puts a shield in the off hand. */
  equip(item: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('equip', 'itemMs', options, (ctx) => equip(ctx, item));
  }

  /** Eats one food item. */
  eat(item: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('eat', 'itemMs', options, (ctx) => eat(ctx, item), 1_000);
  }

  /** Throws items on the ground. */
  drop(item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('drop', 'itemMs', options, (ctx) => drop(ctx, item, count));
  }

  /** Throws items to a player within 4.5 blocks. */
  give(agentId: string, item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('give', 'itemMs', options, (ctx) => give(ctx, agentId, item, count));
  }

  /** Lists a chest within reach (`openContainer`). */
  chestContents(position: Vec3, options: ActionOptions = {}): Promise<ActionOutcome & { items?: ItemStack[] }> {
    return this.act('chest', 'containerMs', options, (ctx) => chestContents(ctx, position), 2_000);
  }

  /** Puts items into a chest within reach. */
  deposit(position: Vec3, item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('deposit', 'containerMs', options, (ctx) => deposit(ctx, position, item, count), 10_000);
  }

  /** Takes items out of a chest within reach. */
  withdraw(position: Vec3, item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('withdraw', 'containerMs', options, (ctx) => withdraw(ctx, position, item, count), 10_000);
  }

  /** One hit on a player or mob within 3 blocks. */
  attack(entityId: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act('attack', 'attackMs', options, (ctx) => attack(ctx, entityId));
  }

  /** Says (32 blocks) or shouts (64 blocks); not queued behind motor actions. */
  async chat(text: string, mode: 'say' | 'shout' = 'say'): Promise<ActionOutcome> {
    const r = this.ready();
    if ('outcome' in r) return r.outcome;
    try {
      return chat(r.bot, text, mode);
    } catch (error) {
      return failure(reasons.error(`chat failed: ${messageOf(error)}`));
    }
  }

  /** Whispers (`/tell`) to one player within 8 blocks; not queued behind motor actions. */
  async whisper(agentId: string, text: string): Promise<ActionOutcome> {
    const r = this.ready();
    if ('outcome' in r) return r.outcome;
    try {
      return whisper(r.bot, this.host.names, this.host.config, agentId, text);
    } catch (error) {
      return failure(reasons.error(`whisper failed: ${messageOf(error)}`));
    }
  }

  /** Subscribes to every body event: chat, pickup, damage, death, respawn, day/night, (re)connection, and the server's world events. */
  onEvent(listener: (event: BodyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Subscribes to the world events only (joins, leaves, block updates, digs, goals reached, kicks). */
  onWorldEvent(listener: (event: WorldEvent) => void): () => void {
    this.worldListeners.add(listener);
    return () => {
      this.worldListeners.delete(listener);
    };
  }

  /** Stops the running action and every queued one at once (pathfinding, digging). */
  interrupt(): void {
    this.queue.interrupt();
  }

  /** Leaves the server and stops reconnecting. */
  close(): void {
    this.queue.interrupt();
    this.detach?.();
    this.detach = null;
    this.connection.close();
  }

  // ---- internals -------------------------------------------------------------------------------

  private ready(): { bot: Bot } | { outcome: ActionOutcome } {
    const bot = this.connection.bot;
    if (!bot?.entity) {
      return {
        outcome: failure(this.gaveUp ? reasons.error(`disconnected for good: ${this.gaveUp}`) : reasons.notConnected()),
      };
    }
    if (this.dead) return { outcome: failure(reasons.dead()) };
    return { bot };
  }

  /**
   * Runs a motor action through the queue with its time limit; the caller's signal, an interrupt, a
   * preempting action or the time limit stop it at once.
   */
  private act<T extends ActionOutcome>(
    what: string,
    timeout: TimeoutKey,
    options: ActionOptions,
    run: (ctx: ActionContext) => Promise<T | ActionOutcome>,
    extraMs = 0,
  ): Promise<T | ActionOutcome> {
    const startedAt = this.host.now();
    const interrupted = () => failure(reasons.interrupted(what), this.host.now() - startedAt);
    if (options?.signal?.aborted) return Promise.resolve(interrupted());
    const preempt = this.host.config.actionPolicy === 'preempt';
    return this.queue.run(
      async (queueSignal) => {
        const r = this.ready();
        if ('outcome' in r) return r.outcome;
        const bot = r.bot;
        const limit = this.host.config.timeouts[timeout] + extraMs;
        const timer = new AbortController();
        const handle = setTimeout(() => timer.abort('timeout'), limit);
        const signals = [queueSignal, timer.signal, ...(options?.signal ? [options.signal] : [])];
        const signal = AbortSignal.any(signals);
        const ctx: ActionContext = {
          bot,
          signal,
          config: this.host.config,
          names: this.host.names,
          startedAt,
          now: () => this.host.now(),
        };
        try {
          return await run(ctx);
        } catch (error) {
          if (error instanceof ActionStopped || signal.aborted) {
            if (this.dead) return failure(reasons.dead(), this.host.now() - startedAt);
            if (timer.signal.aborted && !queueSignal.aborted && !options?.signal?.aborted) {
              return failure(reasons.timeout(what, limit), this.host.now() - startedAt);
            }
            if (!this.connection.bot) return failure(reasons.notConnected(), this.host.now() - startedAt);
            return interrupted();
          }
          return failure(reasons.error(`${what} failed: ${messageOf(error)}`), this.host.now() - startedAt);
        } finally {
          clearTimeout(handle);
        }
      },
      interrupted,
      preempt,
    );
  }

  private emit(event: BodyEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // Listeners belong to the society; their errors are theirs to report.
      }
    }
  }

  private emitWorld(event: WorldEvent): void {
    this.emit(event);
    for (const listener of [...this.worldListeners]) {
      try {
        listener(event);
      } catch {
        // As above.
      }
    }
  }
}
