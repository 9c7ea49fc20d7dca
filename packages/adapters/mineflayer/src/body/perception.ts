import {
  type BlockSighting,
  compassDirection,
  type EntitySighting,
  FACE_NEIGHBOURS,
  type Observation,
  renderObservation,
} from '@sid/core';
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { NameBook } from '../names.js';
import { blockAt, distance, droppedItem, isEmpty, plain } from './context.js';

/** Radius of the blocks an observation lists (as in the headless world). */
export const OBSERVE_BLOCK_RADIUS = 16;
/** Radius of the entities and players an observation lists. */
export const OBSERVE_ENTITY_RADIUS = 32;
const MAX_LISTED = 12;
const MAX_HEALTH = 20;
const MAX_FOOD = 20;

const r1 = (n: number) => Math.round(n * 10) / 10;
const round = (p: { x: number; y: number; z: number }) => ({ x: r1(p.x), y: r1(p.y), z: r1(p.z) });

function clamp(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.min(max, Math.max(min, n));
}

/** `findBlocks`: nearest blocks of the given names (buried ones too); unknown names give none. */
export function findBlocks(
  bot: Bot,
  query: { name: string | string[]; maxDistance?: number; count?: number },
): BlockSighting[] {
  if (query === null || typeof query !== 'object') return [];
  const names = Array.isArray(query.name) ? query.name : [query.name];
  const ids = names.flatMap((n) =>
    typeof n === 'string' && bot.registry.blocksByName[n] ? [bot.registry.blocksByName[n].id] : [],
  );
  if (ids.length === 0) return [];
  const maxDistance = clamp(query.maxDistance, 32, 0, 128);
  const count = Math.floor(clamp(query.count, 16, 1, 256));
  const here = bot.entity.position;
  return bot
    .findBlocks({ matching: ids, maxDistance, count })
    .map((p) => ({
      name: bot.blockAt(p)?.name ?? 'unknown',
      position: plain(p),
      distance: r1(distance(here, { x: p.x + 0.5, y: p.y + 0.5, z: p.z + 0.5 })),
    }))
    .sort((a, b) => a.distance - b.distance);
}

function kindOf(e: Entity): EntitySighting['kind'] {
  if (e.type === 'player') return 'player';
  if (e.name === 'item') return 'item';
  if (e.type === 'mob' || e.type === 'hostile') return 'mob';
  return 'other';
}

function itemName(e: Entity): string {
  const dropped = droppedItem(e);
  return dropped ? `${dropped.name} x${dropped.count}` : 'item';
}

/** `findEntities`: players, dropped items and mobs within range (default 32), nearest first. */
export function findEntities(
  bot: Bot,
  names: NameBook,
  query: { kind?: EntitySighting['kind']; maxDistance?: number } = {},
): EntitySighting[] {
  const here = bot.entity.position;
  const range = clamp(query?.maxDistance, OBSERVE_ENTITY_RADIUS, 0, 128);
  const out: EntitySighting[] = [];
  for (const e of Object.values(bot.entities)) {
    if (e === bot.entity || !e.isValid) continue;
    const kind = kindOf(e);
    if (query?.kind !== undefined && query.kind !== kind) continue;
    if (kind === 'player' && (!e.username || e.username === bot.username)) continue;
    const d = distance(here, e.position);
    if (d > range) continue;
    const agent = kind === 'player' && e.username ? names.agentOf(e.username) : null;
    out.push({
      id: agent ?? String(e.id),
      kind,
      name: agent ?? (kind === 'item' ? itemName(e) : (e.name ?? e.type)),
      position: round(e.position),
      distance: r1(d),
      direction: compassDirection(here, e.position),
    });
  }
  return out.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
}

/** Ids of blocks worth telling an agent about: logs, ores, and the work blocks agents place. */
function notableIds(bot: Bot): number[] {
  return Object.values(bot.registry.blocksByName)
    .filter(
      (b) =>
        b.name.endsWith('_ore') || b.name.endsWith('_log') || ['crafting_table', 'furnace', 'chest'].includes(b.name),
    )
    .map((b) => b.id);
}

const notableCache = new WeakMap<object, number[]>();

/** True when a block touches air (no x-ray: buried ores are not "seen"). */
function exposed(bot: Bot, p: { x: number; y: number; z: number }): boolean {
  for (const [dx, dy, dz] of FACE_NEIGHBOURS) {
    const b = blockAt(bot, { x: p.x + dx, y: p.y + dy, z: p.z + dz });
    if (b && isEmpty(b)) return true;
  }
  return false;
}

function equipment(bot: Bot): Record<string, string | null> {
  const slot = (i: number) => bot.inventory.slots[i]?.name ?? null;
  return {
    hand: bot.heldItem?.name ?? null,
    'off-hand': slot(45),
    head: slot(5),
    torso: slot(6),
    legs: slot(7),
    feet: slot(8),
  };
}

/** A structured observation plus a short text, in the headless world's shape. */
export function perceive(
  bot: Bot,
  agentId: string,
  names: NameBook,
  at: number,
  dead: boolean,
  extraFacts: Record<string, string | number | boolean>,
): Observation {
  const here = bot.entity.position;
  const blocks: BlockSighting[] = [];
  if (!dead) {
    let ids = notableCache.get(bot.registry);
    if (!ids) {
      ids = notableIds(bot);
      notableCache.set(bot.registry, ids);
    }
    const perName = new Map<string, number>();
    for (const p of bot.findBlocks({ matching: ids, maxDistance: OBSERVE_BLOCK_RADIUS, count: 48 })) {
      const name = bot.blockAt(p)?.name;
      if (!name || !exposed(bot, p)) continue;
      const n = perName.get(name) ?? 0;
      if (n >= 2 || blocks.length >= MAX_LISTED) continue;
      perName.set(name, n + 1);
      blocks.push({
        name,
        position: plain(p),
        distance: r1(distance(here, { x: p.x + 0.5, y: p.y + 0.5, z: p.z + 0.5 })),
      });
    }
    blocks.sort((a, b) => a.distance - b.distance);
  }
  const counts = new Map<string, number>();
  for (const item of bot.inventory.items()) counts.set(item.name, (counts.get(item.name) ?? 0) + item.count);
  const biome = bot.blockAt(here)?.biome?.name;
  const obs: Observation = {
    agentId,
    at,
    self: {
      position: round(here),
      health: Math.round(bot.health ?? MAX_HEALTH),
      food: Math.round(bot.food ?? MAX_FOOD),
      heldItem: bot.heldItem?.name ?? null,
      dead,
    },
    inventory: [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name)),
    equipment: equipment(bot),
    blocks,
    entities: findEntities(bot, names, {}).slice(0, MAX_LISTED * 2),
    timeOfDay: bot.time.timeOfDay,
    isDay: bot.time.isDay,
    extra: {
      weather: bot.thunderState > 0 ? 'thunder' : bot.isRaining ? 'rain' : 'clear',
      ...(biome ? { biome } : {}),
      dimension: String(bot.game.dimension),
      ...extraFacts,
    },
    text: '',
  };
  obs.text = renderObservation(obs);
  return obs;
}
