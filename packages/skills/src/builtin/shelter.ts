import type { Vec3 } from '@sid/core';
import { z } from 'zod';
import { defineSkill, must, SkillStop } from '../skill.js';
import { collectBlocks } from './primitive-skills.js';

/** Blocks a shelter may be built from, in order of preference. */
export const SHELTER_MATERIALS = [
  'cobblestone',
  'dirt',
  'oak_planks',
  'spruce_planks',
  'birch_planks',
  'stone',
] as const;

/** Wall and roof positions of a one-block-high-room shelter around `feet` (walls 2 high, a roof above). */
export function shelterLayout(feet: Vec3): Vec3[] {
  const cells: Vec3[] = [];
  for (const dy of [0, 1]) {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dz = -1; dz <= 1; dz++) {
        if (dx !== 0 || dz !== 0) cells.push({ x: feet.x + dx, y: feet.y + dy, z: feet.z + dz });
      }
    }
  }
  for (let dx = -1; dx <= 1; dx++)
    for (let dz = -1; dz <= 1; dz++) cells.push({ x: feet.x + dx, y: feet.y + 2, z: feet.z + dz });
  return cells;
}

/** `buildShelter`: a closed 1x1 room (walls 2 high and a roof) around the agent. */
export const buildShelterSkill = defineSkill({
  name: 'buildShelter',
  description:
    'Build a small closed shelter around yourself (walls two blocks high and a roof) from cobblestone, dirt or planks, digging dirt first if short.',
  params: z.object({}),
  dependencies: ['collect', 'placeBlock'],
  requires: [{ item: 'dirt', count: 25 }],
  expect: (_p, before) => ({ position: { target: before.self.position, within: 1.5 } }),
  code: async (ctx) => {
    const signal = ctx.signal ? { signal: ctx.signal } : {};
    const start = await ctx.body.perceive();
    const feet = {
      x: Math.floor(start.self.position.x),
      y: Math.floor(start.self.position.y),
      z: Math.floor(start.self.position.z),
    };
    const cells = shelterLayout(feet);
    const have = (name: string, inv = start.inventory) =>
      inv.filter((s) => s.name === name).reduce((n, s) => n + s.count, 0);
    let material = SHELTER_MATERIALS.find((m) => have(m) >= cells.length);
    if (!material) {
      await collectBlocks(ctx, 'dirt', cells.length - have('dirt'));
      material = 'dirt';
      // Collecting walked away: come back to the spot the shelter surrounds.
      await must(ctx.body.moveTo({ x: feet.x + 0.5, y: feet.y, z: feet.z + 0.5 }, { range: 0, ...signal }));
    }
    let placed = 0;
    for (const cell of cells) {
      const outcome = await ctx.body.place(material, cell, signal);
      if (outcome.ok) placed++;
      else if (outcome.reason?.code !== 'occupied')
        throw new SkillStop(outcome.reason ?? { code: 'error', message: 'place failed' });
    }
    return { material, placed, cells: cells.length };
  },
});
