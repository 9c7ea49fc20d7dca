import type { FailureReason, Vec3 } from '@sid/core';
import { must, type SkillContext, SkillStop } from '../skill.js';

/** How close a station must be to use it (the headless world's reach is 4.5 blocks). */
const STATION_REACH = 4;
/** How far to look for an existing station before placing a new one. */
const STATION_SEARCH = 24;

/** Offsets around the agent's feet to try when placing a block, nearest first. */
const PLACE_OFFSETS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [2, 0],
  [0, 2],
  [-2, 0],
  [0, -2],
];

/** Failures that mean "try another spot" when placing. */
const TRY_ELSEWHERE = new Set(['occupied', 'unreachable', 'too_far', 'out_of_world', 'invalid_argument']);

/** Places `item` on a free spot next to the agent; returns where. */
export async function placeNearby(ctx: SkillContext, item: string): Promise<Vec3> {
  const here = (await ctx.body.perceive()).self.position;
  const base = { x: Math.floor(here.x), y: Math.floor(here.y), z: Math.floor(here.z) };
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  let last: FailureReason | undefined;
  for (const dy of [0, 1]) {
    for (const [dx, dz] of PLACE_OFFSETS) {
      const spot = { x: base.x + dx, y: base.y + dy, z: base.z + dz };
      const outcome = await ctx.body.place(item, spot, signal);
      if (outcome.ok) return spot;
      last = outcome.reason;
      if (!last || !TRY_ELSEWHERE.has(last.code))
        throw new SkillStop(last ?? { code: 'error', message: 'place failed' });
    }
  }
  // Walled in (e.g. in a tunnel): clear a neighbouring block and put the item there.
  for (const [dx, dz] of PLACE_OFFSETS.slice(0, 4)) {
    const spot = { x: base.x + dx, y: base.y, z: base.z + dz };
    if (!(await ctx.body.dig(spot, signal)).ok) continue;
    const outcome = await ctx.body.place(item, spot, signal);
    if (outcome.ok) return spot;
    last = outcome.reason;
  }
  throw new SkillStop(last ?? { code: 'unreachable', message: `no free spot to place ${item}` });
}

/**
 * Makes sure a crafting table or furnace is within reach: walks to one nearby, or places one from the
 * inventory. Fails with `needs_crafting_table` / `needs_furnace` when neither is possible.
 */
export async function ensureStation(ctx: SkillContext, station: 'crafting_table' | 'furnace'): Promise<void> {
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  const found = await ctx.body.findBlocks({ name: station, maxDistance: STATION_SEARCH, count: 1 });
  const nearest = found[0];
  if (nearest) {
    if (nearest.distance > STATION_REACH) await must(ctx.body.moveTo(nearest.position, { range: 2, ...signal }));
    return;
  }
  const held = (await ctx.body.perceive()).inventory.some((s) => s.name === station && s.count > 0);
  if (!held) {
    throw new SkillStop(
      station === 'crafting_table'
        ? { code: 'needs_crafting_table', message: 'no crafting table nearby or in the inventory' }
        : { code: 'needs_furnace', message: 'no furnace nearby or in the inventory' },
    );
  }
  await placeNearby(ctx, station);
}
