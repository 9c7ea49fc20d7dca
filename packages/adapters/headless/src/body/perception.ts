import {
  type BlockSighting,
  compassDirection,
  type EntitySighting,
  type Observation,
  renderObservation,
} from '@sid/core';
import type { GameData } from '../rules/game-data.js';
import { distance } from '../world/spatial-index.js';
import type { HeadlessBody } from './headless-body.js';

/** Radius of the blocks an observation lists. */
export const OBSERVE_BLOCK_RADIUS = 16;
/** Radius of the entities and players an observation lists. */
export const OBSERVE_ENTITY_RADIUS = 32;
const MAX_LISTED = 12;

let notable: Set<number> | null = null;

/**
 * Blocks worth telling an agent about: logs, the work blocks agents place, and ores, which show only
 * once dug open (no x-ray; `findBlocks`, like mineflayer's, does find buried blocks).
 */
function notableIds(data: GameData): Set<number> {
  if (notable) return notable;
  notable = new Set();
  for (const b of data.blocksByName.values()) {
    if (b.name.endsWith('_ore') || b.name.endsWith('_log')) notable.add(b.id);
  }
  for (const name of ['crafting_table', 'furnace', 'chest']) notable.add(data.block(name).id);
  return notable;
}

/** `findBlocks`: unknown names are ignored (the port has no failure channel here). */
export function findBlocks(
  body: HeadlessBody,
  query: { name: string | string[]; maxDistance?: number; count?: number },
): BlockSighting[] {
  if (body.dead || query === null || typeof query !== 'object') return [];
  const data = body.world.data;
  const names = Array.isArray(query.name) ? query.name : [query.name];
  const ids = new Set<number>();
  for (const name of names) {
    const b = typeof name === 'string' ? data.blocksByName.get(name) : undefined;
    if (b) ids.add(b.id);
  }
  if (ids.size === 0) return [];
  const maxDistance = clamp(query.maxDistance, 32, 0, 128);
  const count = Math.floor(clamp(query.count, 16, 1, 256));
  return body.world.blocks.find(body.positionAt(body.now()), ids, maxDistance, count);
}

function clamp(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.min(max, Math.max(min, n));
}

/** `findEntities`: living agents and dropped items within range, nearest first. */
export function findEntities(
  body: HeadlessBody,
  query: { kind?: EntitySighting['kind']; maxDistance?: number },
): EntitySighting[] {
  if (body.dead) return [];
  const world = body.world;
  const now = body.now();
  const here = body.positionAt(now);
  const range = clamp(query?.maxDistance, OBSERVE_ENTITY_RADIUS, 0, 128);
  const kind = query?.kind;
  const out: EntitySighting[] = [];
  if (kind === undefined || kind === 'player') {
    for (const { body: other, distance: d } of world.bodiesWithin(here, range, body)) {
      const at = other.positionAt(now);
      out.push({
        id: other.agentId,
        kind: 'player',
        name: other.agentId,
        position: round(at),
        distance: r1(d),
        direction: compassDirection(here, at),
      });
    }
  }
  if (kind === undefined || kind === 'item') {
    world.itemIndex.forEachNear(here, range, (item) => {
      const d = distance(here, item.position);
      if (d > range || item.despawnAt <= now) return;
      out.push({
        id: item.id,
        kind: 'item',
        name: `${item.name} x${item.count}`,
        position: round(item.position),
        distance: r1(d),
        direction: compassDirection(here, item.position),
      });
    });
  }
  return out.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const round = (p: { x: number; y: number; z: number }) => ({ x: r1(p.x), y: r1(p.y), z: r1(p.z) });

/** A structured observation plus a short text for prompts. */
export function perceive(body: HeadlessBody): Observation {
  const world = body.world;
  const now = body.now();
  const here = body.positionAt(now);
  const status = body.status();
  const blocks: BlockSighting[] = [];
  if (!body.dead) {
    const perName = new Map<string, number>();
    for (const b of world.blocks.find(here, notableIds(world.data), OBSERVE_BLOCK_RADIUS, 24, {
      visibleOnly: true,
      singlePass: true,
    })) {
      const n = perName.get(b.name) ?? 0;
      if (n >= 2 || blocks.length >= MAX_LISTED) continue;
      perName.set(b.name, n + 1);
      blocks.push({ ...b, distance: r1(b.distance) });
    }
  }
  const entities = findEntities(body, {}).slice(0, MAX_LISTED * 2);
  const inventory = body.inventory.list();
  const timeOfDay = world.timeOfDay();
  const isDay = world.isDay();
  const surface = world.blocks.standY(Math.floor(here.x), Math.floor(here.z));
  const depth = Math.max(0, surface - Math.floor(here.y));
  const extra = {
    group: body.group,
    underground: depth > 0,
    depth,
    standingOn: world.blocks.nameAt({ x: here.x, y: here.y - 1, z: here.z }),
  };
  const obs: Observation = {
    agentId: body.agentId,
    at: now,
    self: { position: round(here), health: status.health, food: status.food, heldItem: status.held, dead: status.dead },
    inventory,
    equipment: body.inventory.equipment(),
    blocks,
    entities,
    timeOfDay,
    isDay,
    extra,
    text: '',
  };
  obs.text = renderObservation(obs);
  return obs;
}
