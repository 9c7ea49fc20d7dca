import type { Vec3 } from '@sid/core';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Entity } from 'prismarine-entity';
import { Vec3 as V3 } from 'vec3';
import type { MineflayerConfig } from '../config.js';
import type { NameBook } from '../names.js';
import { untilAborted } from './abort.js';

/** How far a body reaches to dig, place, craft at a table or open a chest (as in the headless world). */
export const REACH = 4.5;
/** Player eye height. */
export const EYE_HEIGHT = 1.62;

/** What an action needs: the live bot, its signal, and the environment's settings. */
export interface ActionContext {
  /** The live bot. */
  bot: Bot;
  /** Aborted on interrupt, preemption, the caller's signal or the time limit. */
  signal: AbortSignal;
  config: MineflayerConfig;
  names: NameBook;
  /** Clock time when the action started. */
  startedAt: number;
  now(): number;
}

/** A plain position from a vec3. */
export function plain(v: { x: number; y: number; z: number }): Vec3 {
  return { x: v.x, y: v.y, z: v.z };
}

/** A vec3 from a plain position. */
export function vec(p: Vec3): V3 {
  return new V3(p.x, p.y, p.z);
}

/** Whole-block position. */
export function floored(p: Vec3): Vec3 {
  return { x: Math.floor(p.x), y: Math.floor(p.y), z: Math.floor(p.z) };
}

/** Distance between points. */
export function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}

/** Distance from the bot's eyes to the centre of a block. */
export function reachTo(bot: Bot, block: Vec3): number {
  const p = bot.entity.position;
  return distance({ x: p.x, y: p.y + EYE_HEIGHT, z: p.z }, { x: block.x + 0.5, y: block.y + 0.5, z: block.z + 0.5 });
}

/** The block at a position, or null where the chunk is not loaded. */
export function blockAt(bot: Bot, p: Vec3): Block | null {
  return bot.blockAt(vec(floored(p)));
}

/** Blocks a body can stand in or place into. */
export function isEmpty(block: Block): boolean {
  return block.boundingBox === 'empty' || block.name === 'air' || block.name === 'cave_air';
}

/** Counts of every item in the inventory by name. */
export function inventoryCounts(bot: Bot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of bot.inventory.items()) counts.set(item.name, (counts.get(item.name) ?? 0) + item.count);
  return counts;
}

/** How many of an item the bot carries. */
export function countOf(bot: Bot, name: string): number {
  let n = 0;
  for (const item of bot.inventory.items()) if (item.name === name) n += item.count;
  return n;
}

/** Inventory changes between two count maps (only non-zero deltas). */
export function itemDelta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const d = (after.get(name) ?? 0) - (before.get(name) ?? 0);
    if (d !== 0) out[name] = d;
  }
  return out;
}

/** The player entity of an agent or player name, if this bot can see it. */
export function playerEntity(bot: Bot, names: NameBook, agentOrUser: string): Entity | null {
  const username = bot.players[agentOrUser] ? agentOrUser : names.usernameOf(agentOrUser);
  const entity = bot.players[username]?.entity;
  // mineflayer keeps a despawned player's last entity on the player record; it is no sighting.
  return entity?.isValid ? entity : null;
}

/**
 * The item a dropped-item entity carries, or null. flying-squid sends item entities without the item
 * metadata, where prismarine-entity's `getDroppedItem` throws.
 */
export function droppedItem(e: Entity): { name: string; count: number } | null {
  try {
    const item = e.getDroppedItem();
    return item ? { name: item.name, count: item.count } : null;
  } catch {
    return null;
  }
}

/**
 * Drops a window the server opened but never filled. mineflayer's `closeWindow` would copy the
 * window's (empty) copy of the player inventory over the real one; this only tells the server.
 */
export function abandonWindow(bot: Bot): void {
  const window = bot.currentWindow;
  if (!window) return;
  bot._client.write('close_window', { windowId: window.id });
  bot.currentWindow = null;
}

/**
 * Opens a container window (chest, furnace) with a time limit. On a timeout, or when the caller is
 * stopped, the half-open window is dropped — and one that opens later is closed — because while
 * mineflayer believes a window is open it files updates under it and the body's inventory goes stale.
 */
export async function openWithin<W extends { close(): void }>(
  bot: Bot,
  signal: AbortSignal,
  ms: number,
  open: () => Promise<W>,
): Promise<W | null> {
  const pending = open();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  const closeStray = () => {
    pending.then(
      (w) => w.close(),
      () => undefined,
    );
    abandonWindow(bot);
  };
  try {
    const window = await untilAborted(signal, Promise.race([pending, timedOut]), closeStray);
    if (window === null) closeStray();
    return window;
  } finally {
    clearTimeout(timer);
  }
}
