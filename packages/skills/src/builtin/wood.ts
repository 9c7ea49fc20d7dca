import { z } from 'zod';
import { defineSkill, SkillStop } from '../skill.js';
import { expectHolding, obtain } from './obtain.js';
import { itemCount } from './params.js';
import { collectBlocks, craftItems } from './primitive-skills.js';

/** Every log kind whose planks make sticks and tables. */
export const LOG_NAMES = [
  'oak_log',
  'birch_log',
  'spruce_log',
  'jungle_log',
  'acacia_log',
  'dark_oak_log',
  'mangrove_log',
  'cherry_log',
  'pale_oak_log',
] as const;

/** Planks made from each log. */
export const PLANK_NAMES = LOG_NAMES.map((l) => l.replace('_log', '_planks'));

/** `gatherWood`: chop the nearest trees of any kind. */
export const gatherWoodSkill = defineSkill({
  name: 'gatherWood',
  description: 'Chop logs from the nearest trees (any wood), by hand or with an axe.',
  params: z.object({ count: itemCount.default(4) }),
  dependencies: ['collect'],
  produces: [{ item: 'oak_log', count: 4 }],
  expect: (p) => ({ items: [{ item: [...LOG_NAMES], count: p.count }] }),
  code: async (ctx, p) => {
    const found = await ctx.body.findBlocks({ name: [...LOG_NAMES], maxDistance: 64, count: 1 });
    const log = found[0]?.name;
    if (!log) throw new SkillStop({ code: 'not_found', message: 'no trees within 64 blocks', what: 'log' });
    await collectBlocks(ctx, log, p.count);
    return { log };
  },
});

/** `makePlanks`: craft planks from held logs, chopping a tree first when there are none. */
export const makePlanksSkill = defineSkill({
  name: 'makePlanks',
  description: 'Craft wooden planks from logs in the inventory; chops a tree first if there are no logs.',
  params: z.object({ count: itemCount.default(4) }),
  dependencies: ['gatherWood', 'craftItem'],
  requires: [{ item: 'oak_log', count: 1 }],
  produces: [{ item: 'oak_planks', count: 4 }],
  expect: (p) => ({ items: [{ item: PLANK_NAMES, count: p.count }] }),
  code: async (ctx, p) => {
    const logsNeeded = Math.ceil(p.count / 4);
    const inventory = (await ctx.body.perceive()).inventory;
    let log = inventory.find((s) => (LOG_NAMES as readonly string[]).includes(s.name) && s.count >= logsNeeded)?.name;
    if (!log) {
      const found = await ctx.body.findBlocks({ name: [...LOG_NAMES], maxDistance: 64, count: 1 });
      log = found[0]?.name;
      if (!log)
        throw new SkillStop({ code: 'not_found', message: 'no logs held and no trees within 64 blocks', what: 'log' });
      const have = inventory.find((s) => s.name === log)?.count ?? 0;
      await collectBlocks(ctx, log, logsNeeded - have);
    }
    const planks = log.replace('_log', '_planks');
    await craftItems(ctx, planks, p.count);
    return { planks };
  },
});

/** `makeCraftingTable`: planks into a crafting table. */
export const makeCraftingTableSkill = defineSkill({
  name: 'makeCraftingTable',
  description: 'Make a crafting table from 4 planks, chopping wood first if needed.',
  params: z.object({}),
  dependencies: ['makePlanks', 'craftItem'],
  requires: [{ item: 'oak_planks', count: 4 }],
  produces: [{ item: 'crafting_table', count: 1 }],
  expect: (_p, before) => expectHolding('crafting_table', 1, before),
  code: (ctx) => obtain(ctx, 'crafting_table', 1),
});
