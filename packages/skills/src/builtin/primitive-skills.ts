import type { FailureReason, JsonObject } from '@sid/core';
import { z } from 'zod';
import { defineSkill, must, type SkillContext, SkillStop } from '../skill.js';
import { SMELTING_RECIPES } from '../techtree/smelting.js';
import type { TechTree } from '../techtree/tech-tree.js';
import { itemCount, itemName, position } from './params.js';
import { ensureStation } from './stations.js';

const opts = (ctx: SkillContext) => (ctx.signal ? { signal: ctx.signal } : {});

/** The item mining one `block` yields by the tech tree (stone → cobblestone), or the name itself. */
export function dropOf(tree: TechTree, block: string): { item: string; perBlock: number } {
  for (const [item, sources] of tree.table.sources) {
    for (const s of sources) if (s.kind === 'mine' && s.block === block) return { item, perBlock: s.yield };
  }
  return { item: block, perBlock: 1 };
}

/** The natural blocks `name` means for collecting: the block itself, or the blocks that drop the item. */
export function blocksFor(tree: TechTree, name: string): { blocks: string[]; tools: string[] } {
  const blocks = new Set<string>();
  const tools = new Set<string>();
  for (const [item, sources] of tree.table.sources) {
    for (const s of sources) {
      if (s.kind !== 'mine' || (s.block !== name && item !== name)) continue;
      blocks.add(s.block);
      for (const t of s.tools) tools.add(t);
    }
  }
  if (blocks.size === 0) blocks.add(name);
  return { blocks: [...blocks], tools: [...tools] };
}

/** Equips a held tool that harvests `block` (or the blocks dropping that item), if one is needed and held. */
async function equipToolFor(ctx: SkillContext, block: string): Promise<void> {
  const tools = new Set(blocksFor(ctx.tree, block).tools);
  if (tools.size === 0) return;
  const held = (await ctx.body.perceive()).inventory.find((s) => tools.has(s.name) && s.count > 0);
  if (held) await ctx.body.equip(held.name, opts(ctx));
}

/** Collects `count` blocks of `name` (a block, or an item blocks drop), with the right tool equipped. */
export async function collectBlocks(ctx: SkillContext, name: string, count: number): Promise<void> {
  await equipToolFor(ctx, name);
  const first = await ctx.body.collect(name, count, opts(ctx));
  if (first.ok) return;
  if (first.reason?.code !== 'not_found')
    throw new SkillStop(first.reason ?? { code: 'error', message: 'collect failed' });
  // Nothing within the body's collect radius: walk towards the nearest one further away and retry.
  const gained = Object.values(first.changes.items ?? {}).reduce((a, b) => a + Math.max(0, b), 0);
  const far = await ctx.body.findBlocks({ name: blocksFor(ctx.tree, name).blocks, maxDistance: FAR_SEARCH, count: 1 });
  if (!far[0]) throw new SkillStop(first.reason);
  await must(ctx.body.moveTo(far[0].position, { range: 3, ...opts(ctx) }));
  await must(ctx.body.collect(name, Math.max(1, count - gained), opts(ctx)));
}

/** How far to look for blocks when none are within the body's own collect radius. */
const FAR_SEARCH = 128;

/** Crafts `count` of `item`, making sure a crafting table is within reach when the recipe needs one. */
export async function craftItems(ctx: SkillContext, item: string, count: number): Promise<void> {
  if (ctx.tree.route(item)?.station === 'crafting_table') await ensureStation(ctx, 'crafting_table');
  const first = await ctx.body.craft(item, count, opts(ctx));
  if (first.ok) return;
  if (first.reason?.code !== 'needs_crafting_table') throw new SkillStop(first.reason as FailureReason);
  await ensureStation(ctx, 'crafting_table');
  await must(ctx.body.craft(item, count, opts(ctx)));
}

/** The furnace output of `item` if it is an input, else `item` itself (it names the output). */
export function smeltOutput(item: string): string {
  return SMELTING_RECIPES.find((r) => r.input === item)?.output ?? item;
}

/** Smelts `count` of `item` with a furnace placed or found nearby. */
export async function smeltItems(ctx: SkillContext, item: string, count: number, fuel?: string): Promise<void> {
  await ensureStation(ctx, 'furnace');
  await must(ctx.body.smelt(item, count, fuel, opts(ctx)));
}

/** Hunts `count` mobs named `mob`: approach, attack until gone, pick up what they drop. */
export async function huntMobs(ctx: SkillContext, mob: string, count: number): Promise<void> {
  for (let killed = 0; killed < count; killed++) {
    const target = (await ctx.body.findEntities({ kind: 'mob', maxDistance: 48 })).find((e) => e.name === mob);
    if (!target) throw new SkillStop({ code: 'not_found', message: `no ${mob} within 48 blocks`, what: mob });
    for (let hit = 0; hit < 40; hit++) {
      const still = (await ctx.body.findEntities({ kind: 'mob', maxDistance: 48 })).find((e) => e.id === target.id);
      if (!still) break;
      if (still.distance > 2.5) await must(ctx.body.moveTo({ entity: target.id }, { range: 2, ...opts(ctx) }));
      const hitOutcome = await ctx.body.attack(target.id, opts(ctx));
      if (!hitOutcome.ok && hitOutcome.reason?.code !== 'too_far') break;
    }
    for (const item of await ctx.body.findEntities({ kind: 'item', maxDistance: 8 })) {
      await ctx.body.moveTo(item.position, { range: 0.5, ...opts(ctx) });
    }
  }
}

/** `moveTo`: walk to a position or to an entity / agent. */
export const moveToSkill = defineSkill({
  name: 'moveTo',
  description: 'Walk to a block position (x, y, z) or to a named agent or entity, stopping within range.',
  params: z.union([
    z.object({ x: z.number(), y: z.number(), z: z.number(), range: z.number().min(0).max(32).optional() }),
    z.object({ entity: z.string().min(1), range: z.number().min(0).max(32).optional() }),
  ]),
  expect: (p) => ('x' in p ? { position: { target: { x: p.x, y: p.y, z: p.z }, within: (p.range ?? 0) + 1.5 } } : {}),
  code: async (ctx, p) => {
    const target = 'x' in p ? { x: p.x, y: p.y, z: p.z } : { entity: p.entity };
    await must(ctx.body.moveTo(target, { ...(p.range !== undefined ? { range: p.range } : {}), ...opts(ctx) }));
    return null;
  },
});

/** `mineBlock`: dig one block at a position, or the nearest block of a kind. */
export const mineBlockSkill = defineSkill({
  name: 'mineBlock',
  description: 'Mine one block: the nearest block with the given name, or the block at a given position.',
  params: z.object({ name: itemName, position: position.optional() }),
  expect: (p, _before, tree) => ({ items: [{ item: dropOf(tree, p.name).item, count: 1 }] }),
  code: async (ctx, p) => {
    let target = p.position;
    if (!target) {
      const found = await ctx.body.findBlocks({ name: p.name, maxDistance: 48, count: 1 });
      if (!found[0]) throw new SkillStop({ code: 'not_found', message: `no ${p.name} within 48 blocks`, what: p.name });
      target = found[0].position;
    }
    await must(ctx.body.moveTo(target, { range: 3, ...opts(ctx) }));
    await equipToolFor(ctx, p.name);
    const dug = await must(ctx.body.dig(target, opts(ctx)));
    return (dug.changes.items ?? {}) as JsonObject;
  },
});

/** `collect`: gather several blocks of a kind (or blocks that drop an item). */
export const collectSkill = defineSkill({
  name: 'collect',
  description:
    'Collect several blocks of one kind, e.g. 4 oak_log, or name an item (cobblestone, raw_iron) to mine the blocks that drop it; equips the right tool.',
  params: z.object({ name: itemName, count: itemCount }),
  expect: (p, _before, tree) => {
    const { item, perBlock } = dropOf(tree, p.name);
    return { items: [{ item, count: p.count * perBlock }] };
  },
  code: async (ctx, p) => {
    await collectBlocks(ctx, p.name, p.count);
    return null;
  },
});

/** `placeBlock`: put a block from the inventory at a position. */
export const placeBlockSkill = defineSkill({
  name: 'placeBlock',
  description: 'Place a block from the inventory at a position (walks within reach first).',
  params: z.object({ item: itemName, position }),
  code: async (ctx, p) => {
    await must(ctx.body.moveTo(p.position, { range: 3, ...opts(ctx) }));
    await must(ctx.body.place(p.item, p.position, opts(ctx)));
    return null;
  },
});

/** `craftItem`: craft an item, using or placing a crafting table when the recipe needs one. */
export const craftItemSkill = defineSkill({
  name: 'craftItem',
  description: 'Craft an item from the inventory; finds or places a crafting table when the recipe needs one.',
  params: z.object({ item: itemName, count: itemCount.default(1) }),
  expect: (p) => ({ items: [{ item: p.item, count: p.count }] }),
  code: async (ctx, p) => {
    await craftItems(ctx, p.item, p.count);
    return null;
  },
});

/** `smelt`: smelt items in a furnace found or placed nearby. */
export const smeltSkill = defineSkill({
  name: 'smelt',
  description: 'Smelt items in a furnace (raw_iron into iron_ingot, beef into cooked_beef); finds or places a furnace.',
  params: z.object({ item: itemName, count: itemCount.default(1), fuel: itemName.optional() }),
  expect: (p) => ({ items: [{ item: smeltOutput(p.item), count: p.count }] }),
  code: async (ctx, p) => {
    await smeltItems(ctx, p.item, p.count, p.fuel);
    return null;
  },
});

/** `equip`: hold an item. */
export const equipSkill = defineSkill({
  name: 'equip',
  description: 'Hold an item from the inventory in the hand (tools, weapons) or wear armour.',
  params: z.object({ item: itemName }),
  code: async (ctx, p) => {
    await must(ctx.body.equip(p.item, opts(ctx)));
    return null;
  },
});

/** `eat`: eat a food item. */
export const eatSkill = defineSkill({
  name: 'eat',
  description: 'Eat a food item from the inventory to restore hunger.',
  params: z.object({ item: itemName }),
  code: async (ctx, p) => {
    await must(ctx.body.eat(p.item, opts(ctx)));
    return null;
  },
});

/** `attack`: hit an entity or agent once. */
export const attackSkill = defineSkill({
  name: 'attack',
  description: 'Attack an entity or agent by id, walking within reach first.',
  params: z.object({ entity: z.string().min(1) }),
  code: async (ctx, p) => {
    await ctx.body.moveTo({ entity: p.entity }, { range: 2, ...opts(ctx) });
    await must(ctx.body.attack(p.entity, opts(ctx)));
    return null;
  },
});

/** `hunt`: kill mobs of a kind and pick up their drops. */
export const huntSkill = defineSkill({
  name: 'hunt',
  description: 'Hunt mobs of one kind (cow, pig, spider, …) and pick up their drops.',
  params: z.object({ mob: z.string().min(1), count: itemCount.default(1), item: itemName.optional() }),
  expect: (p) => (p.item ? { items: [{ item: p.item, count: p.count }] } : {}),
  code: async (ctx, p) => {
    await huntMobs(ctx, p.mob, p.count);
    return null;
  },
});

/** `chat`: say something to agents in range. */
export const chatSkill = defineSkill({
  name: 'chat',
  description: 'Say a message to every agent in range (32 blocks), or shout it (64 blocks).',
  params: z.object({ text: z.string().min(1).max(256), mode: z.enum(['say', 'shout']).default('say') }),
  code: async (ctx, p) => {
    await must(ctx.body.chat(p.text, p.mode));
    return null;
  },
});

/** `give`: hand items to another agent. */
export const giveSkill = defineSkill({
  name: 'give',
  description: 'Give items to another agent, walking to them first.',
  params: z.object({ to: z.string().min(1), item: itemName, count: itemCount.default(1) }),
  code: async (ctx, p) => {
    await ctx.body.moveTo({ entity: p.to }, { range: 2, ...opts(ctx) });
    await must(ctx.body.give(p.to, p.item, p.count, opts(ctx)));
    return null;
  },
});

/** `deposit`: put items into a chest. */
export const depositSkill = defineSkill({
  name: 'deposit',
  description: 'Put items from the inventory into the chest at a position.',
  params: z.object({ position, item: itemName, count: itemCount.default(1) }),
  code: async (ctx, p) => {
    await must(ctx.body.moveTo(p.position, { range: 3, ...opts(ctx) }));
    await must(ctx.body.deposit(p.position, p.item, p.count, opts(ctx)));
    return null;
  },
});

/** `withdraw`: take items out of a chest. */
export const withdrawSkill = defineSkill({
  name: 'withdraw',
  description: 'Take items out of the chest at a position into the inventory.',
  params: z.object({ position, item: itemName, count: itemCount.default(1) }),
  expect: (p) => ({ items: [{ item: p.item, count: p.count }] }),
  code: async (ctx, p) => {
    await must(ctx.body.moveTo(p.position, { range: 3, ...opts(ctx) }));
    await must(ctx.body.withdraw(p.position, p.item, p.count, opts(ctx)));
    return null;
  },
});
