import type { JsonObject } from './json.js';

/** A position in blocks. */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface ItemStack {
  name: string;
  count: number;
}

/**
 * Why a primitive failed. Every variant has a machine-readable `code` and a one-line `message`
 * fit for a prompt; the extra fields say precisely what was wrong.
 */
export type FailureReason =
  | { code: 'missing_items'; message: string; items: { name: string; need: number; have: number }[] }
  | { code: 'needs_tool'; message: string; block: string; tools: string[] }
  | { code: 'needs_crafting_table'; message: string }
  | { code: 'needs_furnace'; message: string }
  | { code: 'no_recipe'; message: string; item: string }
  | { code: 'unreachable'; message: string }
  | { code: 'too_far'; message: string; distance: number; maxDistance: number }
  | { code: 'unknown_item'; message: string; name: string; suggestions: string[] }
  | { code: 'unknown_block'; message: string; name: string; suggestions: string[] }
  | { code: 'unknown_agent'; message: string; name: string; suggestions: string[] }
  | { code: 'not_found'; message: string; what: string }
  | { code: 'inventory_full'; message: string }
  | { code: 'interrupted'; message: string }
  | { code: 'dead'; message: string }
  | { code: 'invalid_argument'; message: string; argument: string }
  | { code: 'out_of_world'; message: string; position: Vec3 }
  | { code: 'occupied'; message: string; position: Vec3 }
  | { code: 'timeout'; message: string; afterMs: number }
  | { code: 'server_refused'; message: string }
  | { code: 'not_supported'; message: string }
  | { code: 'error'; message: string };

export type FailureCode = FailureReason['code'];

/** A block that changed because of an action. */
export interface BlockChange {
  position: Vec3;
  from: string;
  to: string;
}

/** What an action changed: inventory deltas by item name, the new position, blocks changed. */
export interface ActionChanges {
  items?: Record<string, number>;
  position?: Vec3;
  blocks?: BlockChange[];
}

/** The result of every Body primitive. Failures are values, never exceptions. */
export interface ActionOutcome {
  ok: boolean;
  reason?: FailureReason;
  changes: ActionChanges;
  /** Clock time the action took. */
  durationMs: number;
}

export interface BlockSighting {
  name: string;
  position: Vec3;
  distance: number;
}

export interface EntitySighting {
  id: string;
  kind: 'player' | 'item' | 'mob' | 'other';
  name: string;
  position: Vec3;
  distance: number;
  /** Compass direction from the observer, e.g. `north-east`. */
  direction: string;
}

/** A structured observation of the world from one body, plus a short text rendering for prompts. */
export interface Observation {
  agentId: string;
  at: number;
  self: {
    position: Vec3;
    health: number;
    food: number;
    heldItem: string | null;
    dead: boolean;
  };
  inventory: ItemStack[];
  equipment: Record<string, string | null>;
  blocks: BlockSighting[];
  entities: EntitySighting[];
  /** Minecraft time of day, 0–24000 ticks. */
  timeOfDay: number;
  isDay: boolean;
  /** Extra environment-specific facts (weather, biome, …). */
  extra: JsonObject;
  text: string;
}

export type ChatMode = 'say' | 'whisper' | 'shout';

/** Things that happen to a body without it acting. */
export type BodyEvent =
  | { type: 'chat'; from: string; text: string; mode: ChatMode; distance: number | null; at: number }
  | { type: 'pickup'; item: string; count: number; at: number }
  | { type: 'damage'; amount: number; health: number; cause: string; at: number }
  | { type: 'death'; cause: string; at: number }
  | { type: 'respawn'; position: Vec3; at: number }
  | { type: 'time'; phase: 'day' | 'night'; at: number }
  | { type: 'disconnect'; reason: string; at: number }
  | { type: 'reconnect'; at: number }
  // What a real server reports that the headless world does not produce (yet):
  | { type: 'player_joined'; agentId: string; username: string; at: number }
  | { type: 'player_left'; agentId: string; username: string; at: number }
  | { type: 'block_update'; position: Vec3; from: string; to: string; at: number }
  | { type: 'dig_completed'; position: Vec3; block: string; at: number }
  | { type: 'goal_reached'; position: Vec3; at: number }
  | { type: 'kicked'; reason: string; at: number };

/** Options every action takes: an AbortSignal lets a new decision interrupt it. */
export interface ActionOptions {
  signal?: AbortSignal;
}

/** Where to move: a position, or near a named entity / agent. */
export type MoveTarget = Vec3 | { entity: string };

/**
 * The Body port: what an agent can perceive and do in a world. Skills are written only against
 * these primitives, so they run unchanged in the headless world and on a real Minecraft server.
 */
export interface Body {
  readonly agentId: string;
  perceive(): Promise<Observation>;
  findBlocks(query: { name: string | string[]; maxDistance?: number; count?: number }): Promise<BlockSighting[]>;
  findEntities(query?: { kind?: EntitySighting['kind']; maxDistance?: number }): Promise<EntitySighting[]>;
  moveTo(target: MoveTarget, options?: ActionOptions & { range?: number }): Promise<ActionOutcome>;
  dig(position: Vec3, options?: ActionOptions): Promise<ActionOutcome>;
  collect(name: string, count: number, options?: ActionOptions): Promise<ActionOutcome>;
  place(item: string, position: Vec3, options?: ActionOptions): Promise<ActionOutcome>;
  craft(item: string, count: number, options?: ActionOptions): Promise<ActionOutcome>;
  smelt(item: string, count: number, fuel?: string, options?: ActionOptions): Promise<ActionOutcome>;
  equip(item: string, options?: ActionOptions): Promise<ActionOutcome>;
  eat(item: string, options?: ActionOptions): Promise<ActionOutcome>;
  drop(item: string, count: number, options?: ActionOptions): Promise<ActionOutcome>;
  give(agentId: string, item: string, count: number, options?: ActionOptions): Promise<ActionOutcome>;
  chestContents(position: Vec3, options?: ActionOptions): Promise<ActionOutcome & { items?: ItemStack[] }>;
  deposit(position: Vec3, item: string, count: number, options?: ActionOptions): Promise<ActionOutcome>;
  withdraw(position: Vec3, item: string, count: number, options?: ActionOptions): Promise<ActionOutcome>;
  attack(entityId: string, options?: ActionOptions): Promise<ActionOutcome>;
  /** Speaks to everyone in range: `say` 32 blocks, `shout` 64. */
  chat(text: string, mode?: 'say' | 'shout'): Promise<ActionOutcome>;
  /** Speaks to one agent within 8 blocks. */
  whisper(agentId: string, text: string): Promise<ActionOutcome>;
  /** Subscribes to body events; returns the unsubscribe function. */
  onEvent(listener: (event: BodyEvent) => void): () => void;
}

/** What the society hands an environment before bodies are created. */
export interface EnvironmentContext {
  clock: import('./clock.js').Clock;
  seed: string;
}

/**
 * The Environment port: a world that makes bodies. The headless world is the default; the mineflayer
 * adapter connects to real servers.
 */
export interface Environment {
  /** e.g. `headless`, `mineflayer`. */
  readonly kind: string;
  init(context: EnvironmentContext): Promise<void>;
  createBody(agentId: string, options?: { spawn?: Vec3; group?: string }): Promise<Body>;
  removeBody(agentId: string): Promise<void>;
  /** Plain-JSON image of the world, saved in checkpoints. */
  snapshot(): Promise<JsonObject>;
  restore(snapshot: JsonObject): Promise<void>;
  close(): Promise<void>;
}
