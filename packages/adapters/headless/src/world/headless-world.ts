import { createHash } from 'node:crypto';
import {
  type Body,
  type BodyEvent,
  type Clock,
  closestNames,
  createRng,
  type Environment,
  type EnvironmentContext,
  type FailureReason,
  hashString,
  type JsonObject,
  type Rng,
  reasons,
  type TimerHandle,
  type Vec3,
} from '@sid/core';
import { HeadlessBody } from '../body/headless-body.js';
import { parseWorldConfig, type WorldConfig, type WorldConfigInput } from '../config.js';
import { TICK_MS } from '../rules/digging.js';
import { GameData } from '../rules/game-data.js';
import { TerrainGenerator } from '../terrain/generator.js';
import { BlockStore } from './block-store.js';
import { ChestStore } from './chests.js';
import { ITEM_DESPAWN_MS, type ItemEntity, PICKUP_RANGE } from './item-entity.js';
import { blockKey, MAX_Y, MIN_Y } from './keys.js';
import { type BodyImage, parseWorldSnapshot, type WorldSnapshot } from './snapshot.js';
import { distance, SpatialIndex } from './spatial-index.js';

/** One Minecraft day: 24000 ticks, 20 minutes. */
export const DAY_TICKS = 24_000;
const NIGHT_START = 13_000;
const DAY_START = 23_000;

/**
 * The headless world: a deterministic Minecraft-rules {@link Environment}. Terrain comes from the seed,
 * rules from minecraft-data 1.21.4, and every duration from the society's clock, so a virtual clock
 * runs a society as fast as the CPU allows and the same seed and actions give the same world.
 */
export class HeadlessWorld implements Environment {
  readonly kind = 'headless';
  readonly config: WorldConfig;
  readonly data: GameData;
  /** Bodies by agent id. */
  readonly bodies = new Map<string, HeadlessBody>();
  /** Bodies by position (for chat range and perception). */
  readonly bodyIndex = new SpatialIndex<HeadlessBody>();
  /** Dropped items by id and by position. */
  readonly items = new Map<string, ItemEntity>();
  readonly itemIndex = new SpatialIndex<ItemEntity>();
  readonly chests: ChestStore;
  private context: { clock: Clock; seed: string } | null = null;
  private blockStore: BlockStore | null = null;
  private nextItemId = 1;
  private lootRolls = 0;
  private dayTimer: TimerHandle | null = null;
  private readonly pendingBodies = new Map<string, BodyImage>();

  constructor(config: WorldConfigInput = {}) {
    this.config = parseWorldConfig(config);
    this.data = GameData.get();
    this.chests = new ChestStore((name) => this.data.stackSize(name));
  }

  /** The society's clock (available after `init`). */
  get clock(): Clock {
    return this.requireContext().clock;
  }

  /** The effective seed: the config's, else the society's. */
  get seed(): string {
    return this.requireContext().seed;
  }

  /** Blocks of the world (available after `init`). */
  get blocks(): BlockStore {
    if (!this.blockStore) throw new Error('the headless world is not initialised: call init() first');
    return this.blockStore;
  }

  /** Takes the society's clock and seed, prepares terrain generation and places configured chests. */
  async init(context: EnvironmentContext): Promise<void> {
    const seed = this.config.seed !== undefined ? String(this.config.seed) : context.seed;
    this.context = { clock: context.clock, seed };
    const generator = new TerrainGenerator(hashString(`${seed}/terrain`), this.config.terrain, this.data);
    this.blockStore = new BlockStore(generator, this.data, this.config.bounds);
    const chestId = this.data.block('chest').id;
    for (const chest of this.config.chests) {
      const x = Math.floor(chest.position.x);
      const z = Math.floor(chest.position.z);
      const y = chest.position.y !== undefined ? Math.floor(chest.position.y) : this.blocks.standY(x, z);
      this.blocks.setId(x, y, z, chestId);
      const box = this.chests.at(blockKey(x, y, z));
      for (const item of chest.items) box.add(item.name, item.count);
    }
    this.scheduleDayCycle();
  }

  /** A body at `spawn` (dropped onto the ground), in the town named by `group`, or at a spawn point. */
  async createBody(agentId: string, options: { spawn?: Vec3; group?: string } = {}): Promise<Body> {
    this.requireContext();
    const existing = this.bodies.get(agentId);
    if (existing) return existing;
    const spawn = options.spawn ? this.standingAt(options.spawn) : this.spawnPointFor(agentId, options.group);
    const body = new HeadlessBody(this, agentId, options.group ?? null, spawn);
    const image = this.pendingBodies.get(agentId);
    if (image) {
      body.applyImage(image);
      this.pendingBodies.delete(agentId);
    } else {
      body.giveStartingItems();
    }
    this.bodies.set(agentId, body);
    this.bodyIndex.set(body, body.position);
    return body;
  }

  /** Takes a body out of the world (its timers and running action stop). */
  async removeBody(agentId: string): Promise<void> {
    const body = this.bodies.get(agentId);
    if (!body) return;
    body.dispose();
    this.bodies.delete(agentId);
    this.bodyIndex.delete(body);
  }

  /** The body of an agent (typed as the headless body, for tests and scenario setup). */
  body(agentId: string): HeadlessBody | undefined {
    return this.bodies.get(agentId);
  }

  /** Plain JSON: changed blocks, chests, bodies, item entities and counters (terrain comes from the seed). */
  async snapshot(): Promise<JsonObject> {
    return this.snapshotData() as unknown as JsonObject;
  }

  /** The snapshot as a typed object (the same data `snapshot()` returns). */
  snapshotData(): WorldSnapshot {
    const blocks: [number, number, number, string][] = [];
    for (const b of this.blocks.changedBlocks()) blocks.push([b.x, b.y, b.z, this.data.blockById(b.id).name]);
    const now = this.clock.now();
    return {
      format: 'sid-headless-world/1',
      version: this.config.version,
      seed: this.seed,
      at: now,
      counters: { items: this.nextItemId, loot: this.lootRolls },
      blocks,
      chests: this.chests.entries().map(([key, inv]) => ({ key, inventory: inv })),
      bodies: [...this.bodies.values()].sort((a, b) => a.agentId.localeCompare(b.agentId)).map((b) => b.image()),
      pendingBodies: [...this.pendingBodies.values()].sort((a, b) => a.id.localeCompare(b.id)),
      items: [...this.items.values()]
        .sort((a, b) => Number(a.id.slice(5)) - Number(b.id.slice(5)))
        .map((i) => ({
          id: i.id,
          name: i.name,
          count: i.count,
          position: i.position,
          pickupAt: i.pickupAt,
          despawnAt: i.despawnAt,
        })),
    };
  }

  /** Applies a snapshot (validated first); bodies created later take their saved state. */
  async restore(snapshot: JsonObject): Promise<void> {
    const data = parseWorldSnapshot(snapshot);
    this.requireContext();
    this.blocks.clearChanges();
    for (const [x, y, z, name] of data.blocks) {
      const block = this.data.blocksByName.get(name);
      if (block) this.blocks.setId(x, y, z, block.id);
    }
    this.chests.clear();
    for (const chest of data.chests) this.chests.restore(chest.key, chest.inventory);
    for (const item of this.items.values()) if (item.timer) this.clock.clearTimer(item.timer);
    this.items.clear();
    this.itemIndex.clear();
    this.nextItemId = data.counters.items;
    this.lootRolls = data.counters.loot;
    for (const item of data.items) this.addItemEntity({ ...item, timer: null });
    this.pendingBodies.clear();
    for (const image of [...data.bodies, ...data.pendingBodies]) {
      const body = this.bodies.get(image.id);
      if (body) {
        body.applyImage(image);
        this.bodyIndex.set(body, body.position);
      } else {
        this.pendingBodies.set(image.id, image);
      }
    }
  }

  /** Stops every timer the world set (day cycle, items, respawns, running actions). */
  async close(): Promise<void> {
    if (!this.context) return;
    if (this.dayTimer) this.clock.clearTimer(this.dayTimer);
    this.dayTimer = null;
    for (const item of this.items.values()) if (item.timer) this.clock.clearTimer(item.timer);
    for (const body of this.bodies.values()) body.dispose();
  }

  /** A SHA-256 of the snapshot: equal hashes mean equal worlds (blocks, bodies, chests, items). */
  hash(): string {
    const { at: _at, ...rest } = this.snapshotData();
    return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  }

  /** The block name at a position (coordinates are floored). */
  blockAt(position: Vec3): string {
    return this.blocks.nameAt(position);
  }

  /**
   * Sets a block (scenario setup and tests). A chest gets empty contents; replacing a chest drops
   * its contents. Throws on an unknown block name.
   */
  setBlock(position: Vec3, name: string): void {
    const block = this.data.blocksByName.get(name);
    if (!block)
      throw new Error(
        `unknown block "${name}"${closestNames(name, this.data.blocksByName.keys()).map((n) => ` (did you mean "${n}"?)`)[0] ?? ''}`,
      );
    const x = Math.floor(position.x);
    const y = Math.floor(position.y);
    const z = Math.floor(position.z);
    const key = blockKey(x, y, z);
    if (this.blocks.nameAt({ x, y, z }) === 'chest' && name !== 'chest') this.chests.remove(key);
    this.blocks.setId(x, y, z, block.id);
    if (name === 'chest') this.chests.at(key);
  }

  // ---- helpers the bodies use ------------------------------------------------------------------

  /** Minecraft time of day in ticks (0–23999). */
  timeOfDay(): number {
    return (this.config.startTimeOfDay + Math.floor(this.clock.now() / TICK_MS)) % DAY_TICKS;
  }

  /** Day lasts from tick 23000 to 13000; monsters would roam in between. */
  isDay(): boolean {
    const t = this.timeOfDay();
    return t < NIGHT_START || t >= DAY_START;
  }

  /** Why a position is not a valid place in this world, or null when it is. */
  checkPosition(p: unknown, argument = 'position'): FailureReason | null {
    if (p === null || typeof p !== 'object') return reasons.invalid(argument, `${argument} must be {x, y, z}`);
    const { x, y, z } = p as Record<string, unknown>;
    if (![x, y, z].every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return reasons.invalid(argument, `${argument} must have finite numbers x, y and z`);
    }
    const pos = p as Vec3;
    const b = this.config.bounds;
    if (pos.x < b.minX || pos.x > b.maxX + 1 || pos.z < b.minZ || pos.z > b.maxZ + 1) {
      return reasons.outOfWorld(pos, `x must be in [${b.minX}, ${b.maxX}] and z in [${b.minZ}, ${b.maxZ}]`);
    }
    if (pos.y < MIN_Y || pos.y > MAX_Y) return reasons.outOfWorld(pos, `y must be in [${MIN_Y}, ${MAX_Y}]`);
    return null;
  }

  /** Where a body ends up standing for a requested spawn point (dropped onto the ground). */
  standingAt(p: Vec3): Vec3 {
    const b = this.config.bounds;
    const x = Math.min(b.maxX, Math.max(b.minX, Math.floor(p.x)));
    const z = Math.min(b.maxZ, Math.max(b.minZ, Math.floor(p.z)));
    return { x: x + 0.5, y: this.blocks.standY(x, z), z: z + 0.5 };
  }

  /** A deterministic spawn point: inside the agent's town, else around a configured spawn point. */
  spawnPointFor(agentId: string, group?: string): Vec3 {
    const rng = createRng(`${this.seed}/spawn/${agentId}`);
    const town = group ? this.config.towns.find((t) => t.name === group) : undefined;
    const points = this.config.spawn.points;
    const center = town?.center ?? (points[hashString(agentId) % points.length] as { x: number; z: number });
    const radius = town?.radius ?? this.config.spawn.radius;
    let best: Vec3 | null = null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const angle = rng.next() * Math.PI * 2;
      const r = radius * Math.sqrt(rng.next());
      const spot = this.standingAt({ x: center.x + Math.cos(angle) * r, y: 0, z: center.z + Math.sin(angle) * r });
      best ??= spot;
      // Prefer dry land: sea level and below is water or a beach.
      if (spot.y > this.config.terrain.seaLevel + 1) return spot;
    }
    return best as Vec3;
  }

  /** Living bodies within `range` of a point, nearest first (exact distances, moving bodies included). */
  bodiesWithin(center: Vec3, range: number, except?: HeadlessBody): { body: HeadlessBody; distance: number }[] {
    const out: { body: HeadlessBody; distance: number }[] = [];
    const now = this.clock.now();
    this.bodyIndex.forEachNear(center, range + HeadlessBody.MAX_SEGMENT, (body) => {
      if (body === except || body.dead) return;
      const d = body.distanceAt(now, center);
      if (d <= range) out.push({ body, distance: d });
    });
    return out.sort((a, b) => a.distance - b.distance || a.body.agentId.localeCompare(b.body.agentId));
  }

  /**
   * What {@link bodiesWithin} gives, as two parallel arrays (bodies and distances, in the same order)
   * instead of an object per body: chat reaches a whole town on every line.
   */
  hearersWithin(center: Vec3, range: number, except?: HeadlessBody): { bodies: HeadlessBody[]; distances: number[] } {
    const bodies: HeadlessBody[] = [];
    const distances: number[] = [];
    const now = this.clock.now();
    this.bodyIndex.forEachNear(center, range + HeadlessBody.MAX_SEGMENT, (body) => {
      if (body === except || body.dead) return;
      const d = body.distanceAt(now, center);
      if (d > range) return;
      // Insertion by (distance, agent id): the order bodiesWithin's stable sort gives.
      let i = bodies.length;
      bodies.push(body);
      distances.push(d);
      while (i > 0) {
        const prev = bodies[i - 1] as HeadlessBody;
        const pd = distances[i - 1] as number;
        if (!((pd - d || prev.agentId.localeCompare(body.agentId)) > 0)) break;
        bodies[i] = prev;
        distances[i] = pd;
        i--;
      }
      bodies[i] = body;
      distances[i] = d;
    });
    return { bodies, distances };
  }

  /** Ids of agents in the world, for suggestions. */
  agentNames(): string[] {
    return [...this.bodies.keys()];
  }

  /** Close item names for an unknown one. */
  suggestItems(name: string): string[] {
    return closestNames(name, this.data.itemsByName.keys());
  }

  /** Close block names for an unknown one. */
  suggestBlocks(name: string): string[] {
    return closestNames(name, this.data.blocksByName.keys());
  }

  /** A fresh generator for one loot roll; the counter is saved in snapshots, so rolls replay exactly. */
  lootRng(p: Vec3): Rng {
    this.lootRolls++;
    return createRng(`${this.seed}/loot/${p.x},${p.y},${p.z}/${this.lootRolls}`);
  }

  /** Drops items into the world as an entity. */
  spawnItem(name: string, count: number, position: Vec3, pickupDelayMs: number): ItemEntity {
    const now = this.clock.now();
    const item: ItemEntity = {
      id: `item-${this.nextItemId++}`,
      name,
      count,
      position: { ...position },
      pickupAt: now + pickupDelayMs,
      despawnAt: now + ITEM_DESPAWN_MS,
      timer: null,
    };
    this.addItemEntity(item);
    return item;
  }

  private addItemEntity(item: ItemEntity): void {
    this.items.set(item.id, item);
    this.itemIndex.set(item, item.position);
    this.scheduleItem(item);
  }

  /** One timer per item: first when it can be picked up (by a body standing there), then despawn. */
  private scheduleItem(item: ItemEntity): void {
    const now = this.clock.now();
    const at = item.pickupAt > now ? item.pickupAt : item.despawnAt;
    item.timer = this.clock.setTimer(at, () => {
      item.timer = null;
      if (!this.items.has(item.id)) return;
      if (this.clock.now() >= item.despawnAt) {
        this.removeItem(item);
        return;
      }
      const taker = this.bodiesWithin(item.position, PICKUP_RANGE)[0];
      if (taker) taker.body.pickUp(item);
      if (this.items.has(item.id)) this.scheduleItem(item);
    });
  }

  /** Removes an item entity (picked up or despawned). */
  removeItem(item: ItemEntity): void {
    if (item.timer) this.clock.clearTimer(item.timer);
    item.timer = null;
    this.items.delete(item.id);
    this.itemIndex.delete(item);
  }

  /** Items a body at `position` can pick up now. */
  itemsWithin(position: Vec3, range: number): ItemEntity[] {
    const now = this.clock.now();
    const out: ItemEntity[] = [];
    this.itemIndex.forEachNear(position, range, (item) => {
      if (item.pickupAt <= now && item.despawnAt > now && distance(position, item.position) <= range) out.push(item);
    });
    return out.sort(
      (a, b) => distance(position, a.position) - distance(position, b.position) || a.id.localeCompare(b.id),
    );
  }

  /** Sends an event to every living body (day/night). */
  broadcast(event: BodyEvent): void {
    for (const body of this.bodies.values()) if (!body.dead) body.emit(event);
  }

  private scheduleDayCycle(): void {
    const t = this.timeOfDay();
    const toNight = (NIGHT_START - t + DAY_TICKS) % DAY_TICKS || DAY_TICKS;
    const toDay = (DAY_START - t + DAY_TICKS) % DAY_TICKS || DAY_TICKS;
    const ticks = Math.min(toNight, toDay);
    const at = (Math.floor(this.clock.now() / TICK_MS) + ticks) * TICK_MS;
    this.dayTimer = this.clock.setTimer(at, () => {
      this.broadcast({ type: 'time', phase: this.isDay() ? 'day' : 'night', at: this.clock.now() });
      this.scheduleDayCycle();
    });
  }

  private requireContext(): { clock: Clock; seed: string } {
    if (!this.context) throw new Error('the headless world is not initialised: call init() first');
    return this.context;
  }
}

/** Creates a headless world; validates the config now (throws a ConfigError listing every problem). */
export function createHeadlessWorld(config: WorldConfigInput = {}): HeadlessWorld {
  return new HeadlessWorld(config);
}
