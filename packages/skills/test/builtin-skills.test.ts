import type { BodyEvent, JsonObject } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SKILLS } from '../src/builtin/index.js';
import { shelterLayout } from '../src/builtin/shelter.js';
import { executeSkill } from '../src/execute-skill.js';
import type { AnySkill, SkillOutcome } from '../src/skill.js';
import { agent, world } from './helpers/world.js';

const skill = (name: string): AnySkill => {
  const found = BUILTIN_SKILLS.find((s) => s.name === name);
  if (!found) throw new Error(`no built-in skill ${name}`);
  return found;
};

async function run(
  name: string,
  ctx: Parameters<typeof executeSkill>[1],
  params: JsonObject = {},
): Promise<SkillOutcome> {
  return executeSkill(skill(name), ctx, params);
}

/** A skill succeeded and what happened matches what it said would happen. */
function expectSuccess(outcome: SkillOutcome): void {
  expect(outcome.failure, JSON.stringify(outcome.failure)).toBeUndefined();
  expect(outcome.ok).toBe(true);
  expect(outcome.matchedExpectation).toBe(true);
}

async function feet(body: { perceive(): Promise<{ self: { position: { x: number; y: number; z: number } } }> }) {
  const p = (await body.perceive()).self.position;
  return { x: Math.floor(p.x), y: Math.floor(p.y), z: Math.floor(p.z) };
}

describe('built-in primitive skills in the headless world', () => {
  it('moveTo walks to a position and ends where it said', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    const start = await feet(body);
    const target = { x: start.x + 6, y: start.y, z: start.z + 2 };
    const outcome = await run('moveTo', ctx, { ...target, range: 1 });
    expectSuccess(outcome);
    expect(outcome.expected.position?.target).toEqual(target);
    expect(Math.hypot(outcome.observed.position.x - target.x, outcome.observed.position.z - target.z)).toBeLessThan(
      2.5,
    );
  });

  it('mineBlock digs the nearest block of a kind and expects its drop', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    const f = await feet(body);
    w.setBlock({ x: f.x + 2, y: f.y, z: f.z }, 'oak_log');
    const outcome = await run('mineBlock', ctx, { name: 'oak_log' });
    expectSuccess(outcome);
    expect(outcome.expected.items).toEqual([{ item: 'oak_log', count: 1 }]);
    expect(outcome.observed.items.oak_log).toBe(1);
  });

  it('collect gathers several blocks; stone is expected to give cobblestone', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    body.grant('wooden_pickaxe', 1);
    const outcome = await run('collect', ctx, { name: 'stone', count: 3 });
    expectSuccess(outcome);
    expect(outcome.expected.items).toEqual([{ item: 'cobblestone', count: 3 }]);
    expect(outcome.observed.items.cobblestone).toBeGreaterThanOrEqual(3);
    expect(outcome.actions.map((a) => a.action)).toEqual(['equip', 'collect']);
  });

  it('collect without the right tool fails with needs_tool', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    const outcome = await run('collect', ctx, { name: 'iron_ore', count: 1 });
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.code).toBe('needs_tool');
  });

  it('placeBlock puts a block from the inventory into the world', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    body.grant('cobblestone', 1);
    const f = await feet(body);
    const spot = { x: f.x + 1, y: f.y, z: f.z };
    w.setBlock(spot, 'air');
    const outcome = await run('placeBlock', ctx, { item: 'cobblestone', position: spot });
    expectSuccess(outcome);
    expect(w.blockAt(spot)).toBe('cobblestone');
    expect(outcome.observed.items.cobblestone).toBe(-1);
  });

  it('craftItem places the crafting table it holds when the recipe needs one', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    body.grant('oak_planks', 3);
    body.grant('stick', 2);
    const without = await run('craftItem', ctx, { item: 'wooden_pickaxe', count: 1 });
    expect(without.ok).toBe(false);
    expect(without.failure?.code).toBe('needs_crafting_table');
    body.grant('crafting_table', 1);
    const outcome = await run('craftItem', ctx, { item: 'wooden_pickaxe', count: 1 });
    expectSuccess(outcome);
    expect(outcome.observed.items).toMatchObject({ wooden_pickaxe: 1, crafting_table: -1, oak_planks: -3, stick: -2 });
    expect((await body.findBlocks({ name: 'crafting_table', maxDistance: 5 })).length).toBe(1);
  });

  it('smelt places a furnace and turns raw iron into ingots', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    body.grant('raw_iron', 2);
    body.grant('furnace', 1);
    body.grant('coal', 1);
    const outcome = await run('smelt', ctx, { item: 'raw_iron', count: 2 });
    expectSuccess(outcome);
    expect(outcome.expected.items).toEqual([{ item: 'iron_ingot', count: 2 }]);
    expect(outcome.observed.items).toMatchObject({ iron_ingot: 2, raw_iron: -2, coal: -1 });
  });

  it('equip and eat', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    body.grant('stone_pickaxe', 1);
    expectSuccess(await run('equip', ctx, { item: 'stone_pickaxe' }));
    expect((await body.perceive()).self.heldItem).toBe('stone_pickaxe');
    body.grant('bread', 1);
    body.vitals.food = 10;
    const eaten = await run('eat', ctx, { item: 'bread' });
    expectSuccess(eaten);
    expect((await body.perceive()).self.food).toBeGreaterThan(10);
    expect(eaten.observed.items.bread).toBe(-1);
  });

  it('attack, chat and give between two agents', async () => {
    const { world: w } = await world();
    const { body: a, ctx } = await agent(w, 'ann');
    const b = await w.createBody('bob', { spawn: (await a.perceive()).self.position });
    const heard: BodyEvent[] = [];
    b.onEvent((e) => heard.push(e));
    expectSuccess(await run('chat', ctx, { text: 'hello bob' }));
    expect(heard).toContainEqual(expect.objectContaining({ type: 'chat', from: 'ann', text: 'hello bob' }));

    a.grant('oak_log', 3);
    const gave = await run('give', ctx, { to: 'bob', item: 'oak_log', count: 2 });
    expectSuccess(gave);
    expect((await b.perceive()).inventory).toContainEqual({ name: 'oak_log', count: 2 });

    const before = (await b.perceive()).self.health;
    expectSuccess(await run('attack', ctx, { entity: 'bob' }));
    expect((await b.perceive()).self.health).toBeLessThan(before);
  });

  it('deposit into and withdraw from a chest', async () => {
    const { world: w } = await world({ chests: [{ position: { x: 3, z: 3 }, items: [{ name: 'bread', count: 5 }] }] });
    const { body, ctx } = await agent(w);
    const chest = (await body.findBlocks({ name: 'chest', maxDistance: 32 }))[0];
    expect(chest).toBeDefined();
    const { x, y, z } = chest?.position ?? { x: 0, y: 0, z: 0 };
    const position = { x, y, z };
    const taken = await run('withdraw', ctx, { position, item: 'bread', count: 2 });
    expectSuccess(taken);
    expect(taken.observed.items.bread).toBe(2);
    body.grant('cobblestone', 4);
    const put = await run('deposit', ctx, { position, item: 'cobblestone', count: 4 });
    expectSuccess(put);
    expect(put.observed.items.cobblestone).toBe(-4);
    const contents = await body.chestContents(position);
    expect(contents.items).toEqual(
      expect.arrayContaining([
        { name: 'bread', count: 3 },
        { name: 'cobblestone', count: 4 },
      ]),
    );
  });

  it('hunt reports a clear failure where there are no mobs (the headless world has none)', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    const outcome = await run('hunt', ctx, { mob: 'cow', count: 1, item: 'beef' });
    expect(outcome.ok).toBe(false);
    expect(outcome.failure).toMatchObject({ code: 'not_found', message: 'no cow within 48 blocks' });
  });

  it('invalid parameters are refused before anything runs', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    const outcome = await run('craftItem', ctx, { item: 'stick', count: -1 });
    expect(outcome.failure?.code).toBe('invalid_params');
    expect(outcome.actions).toEqual([]);
  });
});

describe('built-in composite skills from an empty inventory', () => {
  it('gatherWood, makePlanks, makeCraftingTable', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    const wood = await run('gatherWood', ctx, { count: 3 });
    expectSuccess(wood);
    const planks = await run('makePlanks', ctx, { count: 8 });
    expectSuccess(planks);
    const table = await run('makeCraftingTable', ctx);
    expectSuccess(table);
    expect(table.observed.items.crafting_table).toBe(1);
  });

  it('makeWoodenPickaxe, mineStone, makeStonePickaxe', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    expectSuccess(await run('makeWoodenPickaxe', ctx));
    const stone = await run('mineStone', ctx, { count: 5 });
    expectSuccess(stone);
    expect(stone.observed.items.cobblestone).toBeGreaterThanOrEqual(5);
    expectSuccess(await run('makeStonePickaxe', ctx));
  });

  it('mineIron and smeltIron from nothing', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    const iron = await run('mineIron', ctx, { count: 2 });
    expectSuccess(iron);
    expect(iron.observed.items.raw_iron).toBeGreaterThanOrEqual(2);
    const ingots = await run('smeltIron', ctx, { count: 2 });
    expectSuccess(ingots);
    expect(ingots.observed.items.iron_ingot).toBeGreaterThanOrEqual(2);
  });

  it('makeIronPickaxe from nothing succeeds and matches its expectation', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    expect((await body.perceive()).inventory).toEqual([]);
    const outcome = await run('makeIronPickaxe', ctx);
    expectSuccess(outcome);
    expect(outcome.expected).toEqual({ items: [{ item: 'iron_pickaxe', count: 1 }] });
    expect(outcome.observed.items.iron_pickaxe).toBe(1);
    // The whole chain ran on Body primitives only.
    const used = new Set(outcome.actions.map((a) => a.action));
    expect([...used].every((a) => ['collect', 'moveTo', 'craft', 'place', 'smelt', 'equip'].includes(a))).toBe(true);
    expect(used).toContain('smelt');
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('mineDiamond with an iron pickaxe', async () => {
    const { world: w } = await world({ terrain: { oreAbundance: 4 } });
    const { body, ctx } = await agent(w);
    body.grant('iron_pickaxe', 1);
    const outcome = await run('mineDiamond', ctx);
    expectSuccess(outcome);
    expect(outcome.observed.items.diamond).toBeGreaterThanOrEqual(1);
  });

  it('buildShelter closes walls and a roof around the agent', async () => {
    const { world: w } = await world();
    const { body, ctx } = await agent(w);
    body.grant('cobblestone', 30);
    const f = await feet(body);
    const outcome = await run('buildShelter', ctx);
    expectSuccess(outcome);
    for (const cell of shelterLayout(f)) expect(w.blockAt(cell), JSON.stringify(cell)).not.toBe('air');
  });

  it('obtainItem explains an item the world cannot give', async () => {
    const { world: w } = await world();
    const { ctx } = await agent(w);
    const outcome = await run('obtainItem', ctx, { item: 'bedrock' });
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.message).toMatch(/bedrock cannot be obtained in survival/);
  });
});
