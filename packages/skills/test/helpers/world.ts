import { type Body, VirtualClock } from '@sid/core';
import { createHeadlessWorld, type HeadlessBody, type HeadlessWorld, type WorldConfigInput } from '@sid/headless';
import type { SkillContext } from '../../src/skill.js';
import { TechTree } from '../../src/techtree/tech-tree.js';

/** A headless world with its default terrain (trees, stone, ores by depth) on a virtual clock. */
export async function world(
  config: WorldConfigInput = {},
  seed = 'skills',
): Promise<{ world: HeadlessWorld; clock: VirtualClock }> {
  const clock = new VirtualClock();
  const w = createHeadlessWorld(config);
  await w.init({ clock, seed });
  // Time runs as fast as the CPU allows for the whole test.
  clock.run();
  return { world: w, clock };
}

/** A body and a skill context for it. */
export async function agent(w: HeadlessWorld, id = 'steve'): Promise<{ body: HeadlessBody; ctx: SkillContext }> {
  const body = (await w.createBody(id)) as HeadlessBody;
  return { body, ctx: { body: body as Body, tree: TechTree.default() } };
}
