import type { JsonObject, Observation } from '@sid/core';
import { z } from 'zod';
import { planObtain } from '../planner/plan-obtain.js';
import type { PlanStep } from '../planner/plan-types.js';
import { defineSkill, type ExpectedOutcome, type Skill, type SkillContext, SkillStop } from '../skill.js';
import { itemCount, itemName } from './params.js';
import { collectBlocks, craftItems, huntMobs, smeltItems } from './primitive-skills.js';
import { LOG_NAMES } from './wood.js';

/** How many times `obtain` replans after a step fails (drops and worlds are not always as planned). */
const MAX_REPLANS = 3;

function held(observation: Observation, item: string): number {
  return observation.inventory.filter((s) => s.name === item).reduce((n, s) => n + s.count, 0);
}

async function runStep(ctx: SkillContext, step: PlanStep): Promise<void> {
  const p = step.params as Record<string, string | number>;
  switch (step.skill) {
    case 'collect':
      return collectBlocks(ctx, String(p.block), Number(p.count));
    case 'craftItem':
      return craftItems(ctx, String(p.item), Number(p.count));
    case 'smelt':
      return smeltItems(ctx, String(p.item), Number(p.count), p.fuel === undefined ? undefined : String(p.fuel));
    case 'hunt':
      return huntMobs(ctx, String(p.mob), Number(p.count));
  }
}

/**
 * Obtains `count` of `item` until the inventory holds that many: plans from the tech tree and the
 * current inventory, runs the steps, and replans from a fresh observation when a step fails.
 */
export async function obtain(ctx: SkillContext, item: string, count: number): Promise<JsonObject> {
  let lastError: SkillStop | null = null;
  for (let attempt = 0; attempt <= MAX_REPLANS; attempt++) {
    const observation = await ctx.body.perceive();
    if (held(observation, item) >= count) return { item, held: held(observation, item) };
    // Which wood grows here decides which planks to make.
    const trees = await ctx.body.findBlocks({ name: [...LOG_NAMES], maxDistance: 128, count: 1 });
    const plan = planObtain(ctx.tree, item, count, {
      inventory: observation.inventory,
      nearbyBlocks: [...observation.blocks.map((b) => b.name), ...trees.map((b) => b.name)],
    });
    if (!plan.ok) {
      throw new SkillStop(
        plan.code === 'unknown_item'
          ? { code: 'unknown_item', message: plan.reason, name: item, suggestions: plan.suggestions ?? [] }
          : { code: 'no_recipe', message: plan.reason, item },
      );
    }
    try {
      for (const step of plan.steps) await runStep(ctx, step);
    } catch (error) {
      if (!(error instanceof SkillStop)) throw error;
      lastError = error;
      // Only shortfalls are worth replanning; a missing tool or block will not fix itself.
      if (!['missing_items', 'not_found', 'needs_crafting_table', 'needs_furnace'].includes(error.reason.code))
        throw error;
    }
  }
  const final = await ctx.body.perceive();
  if (held(final, item) >= count) return { item, held: held(final, item) };
  throw lastError ?? new SkillStop({ code: 'error', message: `could not obtain ${count} ${item}` });
}

/** Expectation of an obtain-style skill: end up holding `count` (gain what is missing). */
export function expectHolding(item: string, count: number, before: Observation): ExpectedOutcome {
  const missing = Math.max(0, count - held(before, item));
  return missing > 0 ? { items: [{ item, count: missing }] } : {};
}

/** `obtainItem`: the general planner-driven skill. */
export const obtainItemSkill = defineSkill({
  name: 'obtainItem',
  description:
    'Obtain any item by planning from the tech tree: gathers, crafts and smelts everything needed, in order, until the inventory holds the count.',
  params: z.object({ item: itemName, count: itemCount.default(1) }),
  dependencies: ['collect', 'craftItem', 'smelt', 'hunt'],
  expect: (p, before) => expectHolding(p.item, p.count, before),
  code: (ctx, p) => obtain(ctx, p.item, p.count),
});

/** Defines a named composite that obtains one item (e.g. makeStonePickaxe). */
export function obtainSkill(options: {
  name: string;
  description: string;
  item: string;
  defaultCount?: number;
  dependencies: string[];
  requires?: { item: string; count: number }[];
}): Skill<{ count: number }> {
  return defineSkill({
    name: options.name,
    description: options.description,
    params: z.object({ count: itemCount.default(options.defaultCount ?? 1) }),
    dependencies: options.dependencies,
    requires: options.requires ?? [],
    produces: [{ item: options.item, count: options.defaultCount ?? 1 }],
    expect: (p, before) => expectHolding(options.item, p.count, before),
    code: (ctx, p) => obtain(ctx, options.item, p.count),
  });
}
