import type {
  ActionChanges,
  ActionOptions,
  ActionOutcome,
  BlockSighting,
  Body,
  BodyEvent,
  EntitySighting,
  FailureReason,
  ItemStack,
  MoveTarget,
  Observation,
  TimerHandle,
  Vec3,
} from '@sid/core';
import { closestNames, failure, reasons, success } from '@sid/core';
import { damageAfterArmor } from '../rules/combat.js';
import { bestToolFor, digTimeMs, TICK_MS } from '../rules/digging.js';
import { EXHAUSTION } from '../rules/food.js';
import { EYE_HEIGHT } from '../world/block-store.js';
import type { HeadlessWorld } from '../world/headless-world.js';
import { Inventory, type InventoryTotals } from '../world/inventory.js';
import { type ItemEntity, PICKUP_RANGE } from '../world/item-entity.js';
import { MIN_Y } from '../world/keys.js';
import type { BodyImage } from '../world/snapshot.js';
import { distance } from '../world/spatial-index.js';
import { craft, smelt } from './actions/crafting.js';
import { collect, dig, place } from './actions/gathering.js';
import { chestContents, deposit, drop, eat, equip, give, withdraw } from './actions/items.js';
import { attack, chat, whisper } from './actions/social.js';
import { MotorRun } from './motor.js';
import { findBlocks, findEntities, perceive } from './perception.js';
import { Vitals } from './vitals.js';

/** A move segment in progress: the body is interpolated between `from` and `to`. */
interface Motion {
  from: Vec3;
  to: Vec3;
  t0: number;
  t1: number;
}

/**
 * One agent's body in the headless world. Every primitive validates its input and returns a
 * structured {@link ActionOutcome}; none throws. Motor actions (all but chat, whisper and the
 * look-ups) share one motor: starting one interrupts the one running, like a new pathfinder goal on
 * a real bot.
 */
export class HeadlessBody implements Body {
  /** Moves advance in segments of at most this many blocks, so positions are never staler than that. */
  static readonly MAX_SEGMENT = 8;
  /** Walking speed in blocks per second (Minecraft: 4.317). */
  static readonly WALK_SPEED = 4.317;
  /** How far a body reaches to dig, place, craft at a table or open a chest. */
  static readonly REACH = 4.5;

  /** @internal */ position: Vec3;
  /** @internal */ motion: Motion | null = null;
  /** @internal */ readonly inventory: Inventory;
  /** @internal */ readonly vitals: Vitals;
  /** True between death and respawn. */
  dead = false;
  /** Event listeners in subscription order, each once; replaced (never changed in place) on (un)subscribe. */
  private listeners: readonly ((event: BodyEvent) => void)[] = [];
  private motor: MotorRun | null = null;
  private respawnTimer: TimerHandle | null = null;

  constructor(
    /** @internal */ readonly world: HeadlessWorld,
    readonly agentId: string,
    readonly group: string | null,
    /** Where the body respawns. */
    public spawn: Vec3,
  ) {
    this.position = { ...spawn };
    this.inventory = new Inventory((name) => world.data.stackSize(name));
    this.vitals = new Vitals(world.clock.now(), world.config.hunger);
  }

  // ---- the Body port ---------------------------------------------------------------------------

  /** Self, inventory, notable blocks, agents and items nearby, time of day, and a short text. */
  perceive(): Promise<Observation> {
    try {
      this.refresh();
      return Promise.resolve(perceive(this));
    } catch (error) {
      // A bug in perception must not stop the agent: report what is certain, and the error.
      const message = error instanceof Error ? error.message : String(error);
      return Promise.resolve({
        agentId: this.agentId,
        at: this.now(),
        self: {
          position: { ...this.position },
          health: this.vitals.health,
          food: this.vitals.food,
          heldItem: this.inventory.held,
          dead: this.dead,
        },
        inventory: this.inventory.list(),
        equipment: this.inventory.equipment(),
        blocks: [],
        entities: [],
        timeOfDay: 0,
        isDay: true,
        extra: { error: message },
        text: `Perception failed: ${message}`,
      });
    }
  }

  /** Nearest blocks of the given names (buried ones too), default within 32 blocks; unknown names give none. */
  findBlocks(query: { name: string | string[]; maxDistance?: number; count?: number }): Promise<BlockSighting[]> {
    return Promise.resolve(this.safeList(() => findBlocks(this, query)));
  }

  /** Agents and dropped items within range (default 32), nearest first. */
  findEntities(query: { kind?: EntitySighting['kind']; maxDistance?: number } = {}): Promise<EntitySighting[]> {
    return Promise.resolve(this.safeList(() => findEntities(this, query)));
  }

  /** Walks in a straight line at 4.317 blocks/s to a position or near an agent or item. */
  moveTo(target: MoveTarget, options: ActionOptions & { range?: number } = {}): Promise<ActionOutcome> {
    return this.act(() => this.doMoveTo(target, options));
  }

  /** Breaks a block within 4.5 blocks with the held item; drops go to the inventory. */
  dig(position: Vec3, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => dig(this, position, options));
  }

  /** Finds, walks to and breaks `count` blocks of (or dropping) `name`, with the best tool carried. */
  collect(name: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => collect(this, name, count, options));
  }

  /** Places a block from the inventory next to another block within reach. */
  place(item: string, position: Vec3, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => place(this, item, position, options));
  }

  /** Crafts `count` result items (rounded up to whole crafts); 3×3 recipes need a table within 4.5 blocks. */
  craft(item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => craft(this, item, count, options));
  }

  /** Smelts `count` items at a furnace within reach, 10 s each, with the given or best carried fuel. */
  smelt(item: string, count: number, fuel?: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => smelt(this, item, count, fuel, options));
  }

  /** Holds a tool, wears armour or puts a shield in the off hand. */
  equip(item: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => equip(this, item, options));
  }

  /** Eats one item (1.6 s); refused on a full food bar. */
  eat(item: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => eat(this, item, options));
  }

  /** Throws items on the ground (pickable after 2 s). */
  drop(item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => drop(this, item, count, options));
  }

  /** Hands items to a living agent within 4.5 blocks. */
  give(agentId: string, item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => give(this, agentId, item, count, options));
  }

  /** Lists a chest within reach. */
  chestContents(position: Vec3, options: ActionOptions = {}): Promise<ActionOutcome & { items?: ItemStack[] }> {
    return this.act(() => chestContents(this, position, options));
  }

  /** Puts items into a chest within reach. */
  deposit(position: Vec3, item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => deposit(this, position, item, count, options));
  }

  /** Takes items out of a chest within reach. */
  withdraw(position: Vec3, item: string, count: number, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => withdraw(this, position, item, count, options));
  }

  /** One fully charged hit on an agent within 3 blocks. */
  attack(entityId: string, options: ActionOptions = {}): Promise<ActionOutcome> {
    return this.act(() => attack(this, entityId, options));
  }

  /** Says (32 blocks) or shouts (64 blocks) to every living agent in range. */
  chat(text: string, mode: 'say' | 'shout' = 'say'): Promise<ActionOutcome> {
    return this.act(() => chat(this, text, mode));
  }

  /** Speaks to one agent within 8 blocks. */
  whisper(agentId: string, text: string): Promise<ActionOutcome> {
    return this.act(() => whisper(this, agentId, text));
  }

  /** Subscribes to chat, pickup, damage, death, respawn and day/night events. */
  onEvent(listener: (event: BodyEvent) => void): () => void {
    if (!this.listeners.includes(listener)) this.listeners = [...this.listeners, listener];
    return () => {
      if (this.listeners.includes(listener)) this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  // ---- state shared with the action modules ----------------------------------------------------

  /** @internal The clock's time. */
  now(): number {
    return this.world.clock.now();
  }

  /** Where the body is at clock time `at` (between segment ends while walking). */
  positionAt(at: number): Vec3 {
    const m = this.motion;
    if (!m) return this.position;
    const f = m.t1 <= m.t0 ? 1 : Math.min(1, Math.max(0, (at - m.t0) / (m.t1 - m.t0)));
    return {
      x: m.from.x + (m.to.x - m.from.x) * f,
      y: m.from.y + (m.to.y - m.from.y) * f,
      z: m.from.z + (m.to.z - m.from.z) * f,
    };
  }

  /** @internal `distance(point, positionAt(at))`, without making the position object. */
  distanceAt(at: number, point: Vec3): number {
    const m = this.motion;
    let x: number;
    let y: number;
    let z: number;
    if (!m) {
      x = this.position.x;
      y = this.position.y;
      z = this.position.z;
    } else {
      const f = m.t1 <= m.t0 ? 1 : Math.min(1, Math.max(0, (at - m.t0) / (m.t1 - m.t0)));
      x = m.from.x + (m.to.x - m.from.x) * f;
      y = m.from.y + (m.to.y - m.from.y) * f;
      z = m.from.z + (m.to.z - m.from.z) * f;
    }
    const dx = point.x - x;
    const dy = point.y - y;
    const dz = point.z - z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** @internal Distance from the eyes to the centre of a block. */
  reachTo(block: Vec3, from: Vec3 = this.position): number {
    return distance(
      { x: from.x, y: from.y + EYE_HEIGHT, z: from.z },
      { x: block.x + 0.5, y: block.y + 0.5, z: block.z + 0.5 },
    );
  }

  /** @internal Sends an event to this body's listeners; a throwing listener cannot break the world. */
  emit(event: BodyEvent): void {
    // Subscribing and unsubscribing replace the array, so this loop sees the listeners as they were.
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        (listeners[i] as (event: BodyEvent) => void)(event);
      } catch {
        // Listeners belong to the society; their errors are theirs to report.
      }
    }
  }

  /** @internal Brings hunger and health up to the clock. */
  refresh(): void {
    this.vitals.advance(this.now(), (at, health) =>
      this.emit({ type: 'damage', amount: 1, health, cause: 'starvation', at }),
    );
  }

  /** @internal Takes the motor, interrupting whatever motor action was running. */
  beginMotor(signal?: AbortSignal): MotorRun {
    this.motor?.cancel();
    const run = new MotorRun(this.world.clock, signal, this.releaseMotor);
    this.motor = run;
    return run;
  }

  /** One function per body (not per action) that frees the motor when its run ends. */
  private readonly releaseMotor = (run: MotorRun): void => {
    if (this.motor === run) this.motor = null;
  };

  /** While a `moveTo` runs, what it picked up (its only inventory change), instead of diffing inventories. */
  private pickupLog: Record<string, number> | null = null;

  /** @internal Waits `ms` of clock time (rounded up to whole ticks); false when interrupted. */
  async wait(ms: number, run: MotorRun): Promise<boolean> {
    const ticks = Math.ceil(ms / TICK_MS - 1e-9) * TICK_MS;
    const ok = await run.sleep(ticks);
    return ok && !this.dead;
  }

  /** @internal Inventory counts now, to diff against later. */
  inventoryCounts(): InventoryTotals {
    return this.inventory.totals();
  }

  /** @internal What changed in the inventory since `before` (names in code-unit order, as `sort()` gives). */
  inventoryDelta(before: InventoryTotals): Record<string, number> {
    const after = this.inventory.totals();
    const names: string[] = [];
    for (let i = 0; i < after.names.length; i++) {
      const name = after.names[i] as string;
      const j = before.names.indexOf(name);
      if (j < 0 || before.counts[j] !== after.counts[i]) names.push(name);
    }
    for (const name of before.names) if (!after.names.includes(name)) names.push(name);
    for (let i = 1; i < names.length; i++) {
      const name = names[i] as string;
      let j = i;
      while (j > 0 && (names[j - 1] as string) > name) {
        names[j] = names[j - 1] as string;
        j--;
      }
      names[j] = name;
    }
    const out: Record<string, number> = {};
    for (const name of names) {
      const a = after.names.indexOf(name);
      const b = before.names.indexOf(name);
      out[name] = (a < 0 ? 0 : (after.counts[a] as number)) - (b < 0 ? 0 : (before.counts[b] as number));
    }
    return out;
  }

  /** @internal Walks in a straight line to `dest` (then tunnels `tunnelMs`); false when interrupted. */
  async walk(dest: Vec3, run: MotorRun, tunnelMs = 0): Promise<boolean> {
    const start = this.position;
    const total = distance(start, dest);
    let done = 0;
    while (done < total - 1e-9) {
      const seg = Math.min(HeadlessBody.MAX_SEGMENT, total - done);
      const f = (done + seg) / total;
      const next = {
        x: start.x + (dest.x - start.x) * f,
        y: start.y + (dest.y - start.y) * f,
        z: start.z + (dest.z - start.z) * f,
      };
      const ms = Math.max(TICK_MS, Math.ceil(((seg / HeadlessBody.WALK_SPEED) * 1000) / TICK_MS) * TICK_MS);
      const t0 = this.now();
      this.motion = { from: this.position, to: next, t0, t1: t0 + ms };
      const ok = await this.wait(ms, run);
      if (!ok) {
        this.position = this.positionAt(this.now());
        this.motion = null;
        this.world.bodyIndex.set(this, this.position);
        this.vitals.exert(distance(start, this.position) * EXHAUSTION.perBlockWalked);
        return false;
      }
      this.position = next;
      this.motion = null;
      this.world.bodyIndex.set(this, next);
      done += seg;
    }
    this.position = { ...dest };
    this.world.bodyIndex.set(this, this.position);
    this.vitals.exert(total * EXHAUSTION.perBlockWalked);
    if (tunnelMs > 0 && !(await this.wait(tunnelMs, run))) return false;
    this.pickUpNearby();
    return true;
  }

  /**
   * @internal Where a body stands to reach `target`: on the ground of its column, or at the target
   * itself when it is underground (reached by tunnelling). Also the tunnelling time from here.
   */
  destinationFor(target: Vec3): { dest: Vec3; tunnelMs: number } | FailureReason {
    const blocks = this.world.blocks;
    const x = Math.floor(target.x);
    const z = Math.floor(target.z);
    const stand = blocks.standY(x, z);
    let y = stand;
    if (target.y < stand - 1) {
      y = Math.floor(target.y);
      if (y <= MIN_Y || blocks.idAt(x, y, z) === blocks.generator.ids.bedrock) {
        return reasons.unreachable(`(${x}, ${y}, ${z}) is inside bedrock`);
      }
    }
    const depth = Math.max(0, stand - y);
    const here = this.position;
    const hereDepth = Math.max(0, blocks.standY(Math.floor(here.x), Math.floor(here.z)) - Math.floor(here.y));
    const dig = Math.max(0, depth - hereDepth);
    return { dest: { x: target.x, y, z: target.z }, tunnelMs: dig > 0 ? dig * this.tunnelMsPerBlock(y) : 0 };
  }

  private tunnelMsPerBlock(y: number): number {
    const data = this.world.data;
    const rock = data.block(y < 0 ? 'deepslate' : 'stone');
    const tool = bestToolFor(rock, this.inventory.names(), data);
    return digTimeMs(rock, tool, data) ?? 10_000;
  }

  /** @internal Picks up every item within reach of the feet. */
  pickUpNearby(): void {
    if (this.dead) return;
    for (const item of this.world.itemsWithin(this.position, PICKUP_RANGE)) this.pickUp(item);
  }

  /** @internal Takes as much of an item entity as fits. */
  pickUp(item: ItemEntity): void {
    if (this.dead) return;
    const taken = this.inventory.add(item.name, item.count);
    if (taken === 0) return;
    item.count -= taken;
    if (this.pickupLog) this.pickupLog[item.name] = (this.pickupLog[item.name] ?? 0) + taken;
    if (item.count === 0) this.world.removeItem(item);
    this.emit({ type: 'pickup', item: item.name, count: taken, at: this.now() });
  }

  /** @internal Health loss from any cause; kills at 0. */
  hurt(amount: number, cause: string): void {
    if (this.dead) return;
    this.refresh();
    const { points, toughness } = this.inventory.armorValue();
    const dealt = Math.round(damageAfterArmor(amount, points, toughness) * 10) / 10;
    this.vitals.health = Math.max(0, Math.round((this.vitals.health - dealt) * 10) / 10);
    this.vitals.exert(EXHAUSTION.perDamage);
    this.emit({ type: 'damage', amount: dealt, health: this.vitals.health, cause, at: this.now() });
    if (this.vitals.health <= 0) this.die(cause);
  }

  private die(cause: string): void {
    this.dead = true;
    this.motor?.cancel();
    this.motor = null;
    this.position = this.positionAt(this.now());
    this.motion = null;
    for (const stack of this.inventory.takeAll()) this.world.spawnItem(stack.name, stack.count, this.position, 2_000);
    this.emit({ type: 'death', cause, at: this.now() });
    const clock = this.world.clock;
    this.respawnTimer = clock.setTimer(clock.now() + this.world.config.respawnDelayMs, () => this.respawn());
  }

  private respawn(): void {
    this.respawnTimer = null;
    this.dead = false;
    this.vitals.reset(this.now());
    this.position = this.world.standingAt(this.spawn);
    this.world.bodyIndex.set(this, this.position);
    this.giveStartingItems();
    this.emit({ type: 'respawn', position: { ...this.position }, at: this.now() });
  }

  /** @internal Fills the inventory with the configured starting items. */
  giveStartingItems(): void {
    for (const item of this.world.config.startingInventory) this.inventory.add(item.name, item.count);
  }

  /** @internal Stops timers and the motor (body removed or world closed). */
  dispose(): void {
    this.motor?.cancel();
    this.motor = null;
    if (this.respawnTimer) this.world.clock.clearTimer(this.respawnTimer);
    this.respawnTimer = null;
    this.listeners = [];
  }

  /** @internal The body as saved in a snapshot. */
  image(): BodyImage {
    this.refresh();
    return {
      id: this.agentId,
      group: this.group,
      spawn: { ...this.spawn },
      position: { ...this.positionAt(this.now()) },
      health: this.vitals.health,
      food: this.vitals.food,
      saturation: this.vitals.saturation,
      exhaustion: Math.round(this.vitals.exhaustion * 1e6) / 1e6,
      vitalsAt: this.vitals.at,
      dead: this.dead,
      inventory: this.inventory.toJSON(),
    };
  }

  /** @internal Replaces this body's state with a saved one. */
  applyImage(image: BodyImage): void {
    this.motor?.cancel();
    this.motor = null;
    this.motion = null;
    this.spawn = { ...image.spawn };
    this.position = { ...image.position };
    this.vitals.health = image.health;
    this.vitals.food = image.food;
    this.vitals.saturation = image.saturation;
    this.vitals.exhaustion = image.exhaustion;
    this.vitals.at = image.vitalsAt;
    this.inventory.restore(image.inventory);
    if (this.respawnTimer) this.world.clock.clearTimer(this.respawnTimer);
    this.respawnTimer = null;
    this.dead = image.dead;
    if (this.dead) {
      const clock = this.world.clock;
      this.respawnTimer = clock.setTimer(clock.now() + this.world.config.respawnDelayMs, () => this.respawn());
    }
  }

  /** Adds items directly (scenario setup and tests); returns how many fit. */
  grant(item: string, count: number): number {
    if (!this.world.data.isItem(item)) throw new Error(`unknown item "${item}"`);
    return this.inventory.add(item, count);
  }

  /** Health, food and the held item right now. */
  status(): { health: number; food: number; saturation: number; held: string | null; dead: boolean } {
    this.refresh();
    return {
      health: this.vitals.health,
      food: this.vitals.food,
      saturation: this.vitals.saturation,
      held: this.inventory.held,
      dead: this.dead,
    };
  }

  // ---- movement --------------------------------------------------------------------------------

  private async doMoveTo(target: MoveTarget, options: ActionOptions & { range?: number }): Promise<ActionOutcome> {
    const startedAt = this.now();
    let goal: Vec3;
    let range = options.range;
    if (range !== undefined && (typeof range !== 'number' || !Number.isFinite(range) || range < 0)) {
      return failure(reasons.invalid('range', `range must be a non-negative number, got ${String(range)}`));
    }
    if (target !== null && typeof target === 'object' && 'entity' in target) {
      const id = String(target.entity);
      const body = this.world.bodies.get(id);
      const item = this.world.items.get(id);
      if (body && !body.dead && body !== this) {
        goal = body.positionAt(this.now());
        range ??= 2;
      } else if (item) {
        goal = item.position;
        range ??= 0.5;
      } else if (body === this) {
        return failure(reasons.invalid('target', 'cannot move to yourself'));
      } else {
        const known = [...this.world.bodies.keys(), ...this.world.items.keys()];
        if (body?.dead) return failure(reasons.unreachable(`${id} is dead`));
        return failure(reasons.unknownAgent(id, closestNames(id, known)));
      }
    } else {
      const bad = this.world.checkPosition(target, 'target');
      if (bad) return failure(bad);
      goal = target as Vec3;
      range ??= 0;
    }
    const here = this.position;
    const d = distance(here, goal);
    if (d <= Math.max(range, 0.25)) return success({ position: { ...here } }, 0);
    let approach = goal;
    if (range > 0) {
      const f = range / d;
      approach = {
        x: goal.x + (here.x - goal.x) * f,
        y: goal.y + (here.y - goal.y) * f,
        z: goal.z + (here.z - goal.z) * f,
      };
    }
    const plan = this.destinationFor(approach);
    if ('code' in plan) return failure(plan);
    const motor = this.beginMotor(options.signal);
    try {
      const items: Record<string, number> = {};
      this.pickupLog = items;
      const ok = await this.walk(plan.dest, motor, plan.tunnelMs);
      if (this.pickupLog === items) this.pickupLog = null;
      const changes: ActionChanges = {
        position: { ...this.position },
        ...(Object.keys(items).length > 0 ? { items } : {}),
      };
      if (!ok)
        return failure(this.dead ? reasons.dead() : reasons.interrupted('moveTo'), this.now() - startedAt, changes);
      return success(changes, this.now() - startedAt);
    } finally {
      motor.end();
    }
  }

  // ---- guards ----------------------------------------------------------------------------------

  /** Runs a primitive: dead bodies fail, hunger catches up, and no exception escapes. */
  private async act<T extends ActionOutcome>(run: () => Promise<T>): Promise<T> {
    const startedAt = this.now();
    try {
      if (this.dead) return failure(reasons.dead()) as T;
      this.refresh();
      const outcome = await run();
      this.refresh();
      return outcome;
    } catch (error) {
      return failure(
        { code: 'error', message: error instanceof Error ? error.message : String(error) },
        this.now() - startedAt,
      ) as T;
    }
  }

  private safeList<T>(run: () => T[]): T[] {
    try {
      this.refresh();
      return run();
    } catch {
      return [];
    }
  }
}
