import { describe, expect, it } from 'vitest';
import { CRAFT_MS, HeadlessBody, SMELT_MS_PER_ITEM } from '../src/index.js';
import { bodyAt, flatWorld, GROUND, settle } from './helpers.js';

describe('crafting', () => {
  it('one oak log crafts into 4 oak planks', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('oak_log', 1);
    const out = await settle(clock, body.craft('oak_planks', 4));
    expect(out).toMatchObject({ ok: true, changes: { items: { oak_log: -1, oak_planks: 4 } }, durationMs: CRAFT_MS });
  });

  it('a crafting table needs 4 planks: with 3 the failure says how many are missing', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('oak_planks', 3);
    const out = await settle(clock, body.craft('crafting_table', 1));
    expect(out.ok).toBe(false);
    expect(out.reason).toMatchObject({ code: 'missing_items', items: [{ name: 'oak_planks', need: 4, have: 3 }] });
    body.grant('oak_planks', 1);
    const ok = await settle(clock, body.craft('crafting_table', 1));
    expect(ok.changes.items).toEqual({ crafting_table: 1, oak_planks: -4 });
  });

  it('3x3 recipes need a crafting table within 4.5 blocks', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('oak_planks', 6);
    body.grant('stick', 4);
    const far = await settle(clock, body.craft('wooden_pickaxe', 1));
    expect(far.reason?.code).toBe('needs_crafting_table');
    world.setBlock({ x: 8, y: GROUND, z: 0 }, 'crafting_table');
    expect((await settle(clock, body.craft('wooden_pickaxe', 1))).reason?.code).toBe('needs_crafting_table');
    world.setBlock({ x: 2, y: GROUND, z: 0 }, 'crafting_table');
    const near = await settle(clock, body.craft('wooden_pickaxe', 1));
    expect(near).toMatchObject({ ok: true, changes: { items: { oak_planks: -3, stick: -2, wooden_pickaxe: 1 } } });
  });

  it('count is in result items, rounded up to whole crafts; each craft may use another wood', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('oak_planks', 2);
    body.grant('birch_planks', 2);
    const out = await settle(clock, body.craft('stick', 5));
    expect(out.changes.items).toEqual({ birch_planks: -2, oak_planks: -2, stick: 8 });
    expect(out.durationMs).toBe(2 * CRAFT_MS);
  });

  it('items that are smelted, not crafted, say so', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const out = await settle(clock, body.craft('iron_ingot', 1));
    expect(out.ok).toBe(false);
    // iron_ingot is craftable from nuggets or a block, so the shortfall names an ingredient.
    expect(['missing_items', 'no_recipe']).toContain(out.reason?.code);
    const glass = await settle(clock, body.craft('glass', 1));
    expect(glass.reason).toMatchObject({ code: 'no_recipe', item: 'glass' });
    expect(glass.reason?.message).toContain('smelt sand');
  });
});

describe('digging', () => {
  it('a wooden pickaxe cannot harvest iron ore; a stone one can, and it drops raw iron', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const ore = { x: 2, y: GROUND, z: 0 };
    world.setBlock(ore, 'iron_ore');
    body.grant('wooden_pickaxe', 1);
    await settle(clock, body.equip('wooden_pickaxe'));
    const wooden = await settle(clock, body.dig(ore));
    expect(wooden.reason).toMatchObject({ code: 'needs_tool', block: 'iron_ore' });
    expect(wooden.reason?.code === 'needs_tool' && wooden.reason.tools).toContain('stone_pickaxe');
    expect(world.blockAt(ore)).toBe('iron_ore');
    body.grant('stone_pickaxe', 1);
    await settle(clock, body.equip('stone_pickaxe'));
    const stone = await settle(clock, body.dig(ore));
    expect(stone).toMatchObject({ ok: true, durationMs: 1150, changes: { items: { raw_iron: 1 } } });
    expect(stone.changes.blocks).toEqual([{ position: ore, from: 'iron_ore', to: 'air' }]);
    expect(world.blockAt(ore)).toBe('air');
  });

  it('diamond ore needs an iron pickaxe', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const ore = { x: 1, y: GROUND - 1, z: 1 };
    world.setBlock(ore, 'diamond_ore');
    body.grant('stone_pickaxe', 1);
    await settle(clock, body.equip('stone_pickaxe'));
    const out = await settle(clock, body.dig(ore));
    expect(out.reason).toMatchObject({ code: 'needs_tool', block: 'diamond_ore' });
    expect(out.reason?.code === 'needs_tool' && out.reason.tools[0]).toBe('iron_pickaxe');
    body.grant('iron_pickaxe', 1);
    await settle(clock, body.equip('iron_pickaxe'));
    expect((await settle(clock, body.dig(ore))).changes.items).toEqual({ diamond: 1 });
  });

  it('stone without a pickaxe drops nothing (refused at once); a block out of reach is too far', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    expect(world.blockAt({ x: 0, y: GROUND - 5, z: 0 })).toBe('stone');
    const far = await settle(clock, body.dig({ x: 0, y: GROUND - 6, z: 0 }));
    expect(far.reason).toMatchObject({ code: 'too_far', maxDistance: 4.5 });
    const near = { x: 2, y: GROUND, z: 0 };
    world.setBlock(near, 'stone');
    const out = await settle(clock, body.dig(near));
    expect(out.reason?.code).toBe('needs_tool');
    expect(out.durationMs).toBe(0);
    expect(world.blockAt(near)).toBe('stone');
  });

  it('collect finds, walks to and digs trees in a generated world', async () => {
    const { world, clock } = await flatWorld({ terrain: { treeDensity: 3 } });
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const out = await settle(clock, body.collect('oak_log', 3));
    expect(out.ok).toBe(true);
    const logs = Object.entries(out.changes.items ?? {}).filter(([k]) => k.endsWith('_log'));
    expect(logs.reduce((s, [, n]) => s + n, 0)).toBe(3);
    expect(out.changes.blocks).toHaveLength(3);
    expect(out.durationMs).toBeGreaterThanOrEqual(9000); // 3 s per log by hand, plus walking
  });

  it('collect("cobblestone") digs stone with the best pickaxe it carries', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('wooden_pickaxe', 1);
    body.grant('stone_pickaxe', 1);
    const out = await settle(clock, body.collect('cobblestone', 2));
    expect(out.ok).toBe(true);
    expect(out.changes.items?.cobblestone).toBe(2);
    expect(body.inventory.held).toBe('stone_pickaxe');
  });
});

describe('smelting, food, movement, items and chests', () => {
  it('smelting needs a furnace within reach and takes 10 s per item', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('raw_iron', 2);
    body.grant('coal', 1);
    expect((await settle(clock, body.smelt('raw_iron', 2))).reason?.code).toBe('needs_furnace');
    world.setBlock({ x: 2, y: GROUND, z: 0 }, 'furnace');
    const out = await settle(clock, body.smelt('iron_ingot', 2));
    expect(out).toMatchObject({ ok: true, durationMs: 2 * SMELT_MS_PER_ITEM });
    expect(out.changes.items).toEqual({ coal: -1, iron_ingot: 2, raw_iron: -2 });
    const noFuel = await settle(clock, body.smelt('raw_iron', 1));
    expect(noFuel.reason?.code).toBe('missing_items');
  });

  it('eating restores food from minecraft-data; a full agent is refused', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('bread', 2);
    expect((await settle(clock, body.eat('bread'))).reason?.code).toBe('invalid_argument');
    body.vitals.food = 10;
    const out = await settle(clock, body.eat('bread'));
    expect(out).toMatchObject({ ok: true, durationMs: 1600, changes: { items: { bread: -1 } } });
    expect(body.status().food).toBe(15);
  });

  it('hunger falls with work and time; starving hurts', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    await settle(clock, body.moveTo({ x: 400.5, y: GROUND, z: 0.5 }));
    expect(body.status().food).toBeLessThan(20);
    body.vitals.food = 0;
    body.vitals.saturation = 0;
    const events: string[] = [];
    body.onEvent((e) => events.push(e.type));
    await clock.runUntil(clock.now() + 20_000);
    expect(body.status().health).toBeLessThan(20);
    expect(events).toContain('damage');
  });

  it('walking takes distance / 4.317 s and can be interrupted midway', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const out = await settle(clock, body.moveTo({ x: 43.67, y: GROUND, z: 0.5 }));
    expect(out.ok).toBe(true);
    expect(out.durationMs).toBeGreaterThanOrEqual(10_000);
    expect(out.durationMs).toBeLessThan(10_500);
    const controller = new AbortController();
    const moving = body.moveTo({ x: 143.67, y: GROUND, z: 0.5 }, { signal: controller.signal });
    await clock.runUntil(clock.now() + 5_000);
    controller.abort();
    const stopped = await settle(clock, moving);
    expect(stopped.reason?.code).toBe('interrupted');
    expect(stopped.changes.position?.x).toBeGreaterThan(60);
    expect(stopped.changes.position?.x).toBeLessThan(70);
  });

  it('a new motor action interrupts the running one', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const first = body.moveTo({ x: 100, y: GROUND, z: 0 });
    await clock.runUntil(clock.now() + 1000);
    const second = body.moveTo({ x: 0, y: GROUND, z: 20 });
    const [a, b] = await settle(clock, Promise.all([first, second]));
    expect(a.reason?.code).toBe('interrupted');
    expect(b.ok).toBe(true);
  });

  it('give, drop and pick up', async () => {
    const { world, clock } = await flatWorld();
    const a = await bodyAt(world, 'a', 0.5, 0.5);
    const b = await bodyAt(world, 'b', 3.5, 0.5);
    const c = await bodyAt(world, 'c', 30.5, 0.5);
    a.grant('apple', 5);
    const picked: unknown[] = [];
    b.onEvent((e) => e.type === 'pickup' && picked.push(e));
    expect((await settle(clock, a.give('b', 'apple', 2))).ok).toBe(true);
    expect(b.inventory.count('apple')).toBe(2);
    expect(picked).toHaveLength(1);
    expect((await settle(clock, a.give('c', 'apple', 1))).reason?.code).toBe('too_far');
    const dropped = await settle(clock, a.drop('apple', 3));
    expect(dropped.changes.items).toEqual({ apple: -3 });
    const items = await c.findEntities({ kind: 'item', maxDistance: 64 });
    expect(items[0]?.name).toBe('apple x3');
    const walk = await settle(clock, c.moveTo({ entity: items[0]?.id as string }));
    expect(walk.ok).toBe(true);
    await clock.runUntil(clock.now() + 3000);
    expect(a.inventory.count('apple') + c.inventory.count('apple')).toBe(3);
  });

  it('chests: deposit, list and withdraw; configured chests exist at start', async () => {
    const { world, clock } = await flatWorld({
      chests: [{ position: { x: 2, y: GROUND, z: 0 }, items: [{ name: 'emerald', count: 3 }] }],
    });
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const chest = { x: 2, y: GROUND, z: 0 };
    body.grant('gold_ingot', 5);
    expect((await settle(clock, body.deposit(chest, 'gold_ingot', 2))).ok).toBe(true);
    const seen = await settle(clock, body.chestContents(chest));
    expect(seen.items).toEqual([
      { name: 'emerald', count: 3 },
      { name: 'gold_ingot', count: 2 },
    ]);
    expect((await settle(clock, body.withdraw(chest, 'emerald', 4))).reason).toMatchObject({
      code: 'missing_items',
      items: [{ name: 'emerald', need: 4, have: 3 }],
    });
    expect((await settle(clock, body.withdraw(chest, 'emerald', 3))).changes.items).toEqual({ emerald: 3 });
    expect((await settle(clock, body.chestContents({ x: 9, y: GROUND, z: 9 }))).reason?.code).toBe('not_found');
  });

  it('place puts a block next to another and refuses occupied spots', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('cobblestone', 2);
    const spot = { x: 2, y: GROUND, z: 0 };
    const out = await settle(clock, body.place('cobblestone', spot));
    expect(out.changes.blocks).toEqual([{ position: spot, from: 'air', to: 'cobblestone' }]);
    expect((await settle(clock, body.place('cobblestone', spot))).reason?.code).toBe('occupied');
    expect((await settle(clock, body.place('cobblestone', { x: 0, y: GROUND, z: 0 }))).reason?.code).toBe('occupied');
    body.grant('stick', 1);
    expect((await settle(clock, body.place('stick', { x: 3, y: GROUND, z: 0 }))).reason?.code).toBe('invalid_argument');
    expect((await settle(clock, body.place('cobble', { x: 3, y: GROUND, z: 0 }))).reason?.code).toBe('unknown_item');
    expect((await settle(clock, body.place('cobblestone', { x: 3, y: GROUND + 3, z: 0 }))).reason?.code).toBe(
      'unreachable',
    );
  });

  it('attacks hurt, kill, drop the inventory and respawn', async () => {
    const { world, clock } = await flatWorld({ respawnDelayMs: 1000 });
    const a = await bodyAt(world, 'a', 0.5, 0.5);
    const b = await bodyAt(world, 'b', 2.5, 0.5);
    a.grant('diamond_sword', 1);
    await settle(clock, a.equip('diamond_sword'));
    b.grant('bread', 4);
    const events: string[] = [];
    b.onEvent((e) => events.push(e.type));
    for (let i = 0; i < 3; i++) expect((await settle(clock, a.attack('b'))).ok).toBe(true);
    expect(b.dead).toBe(true);
    expect(events).toEqual(['damage', 'damage', 'damage', 'death']);
    expect((await settle(clock, b.moveTo({ x: 5, y: GROUND, z: 5 }))).reason?.code).toBe('dead');
    await clock.runUntil(clock.now() + 1500);
    expect(b.dead).toBe(false);
    expect(events.at(-1)).toBe('respawn');
    expect(b.status().health).toBe(20);
    await clock.runUntil(clock.now() + 2000);
    // The drops lay where b died; whoever stood nearest when they could be picked up took them.
    expect(a.inventory.count('bread') + b.inventory.count('bread')).toBe(4);
    expect(world.items.size).toBe(0);
  });

  it('perception lists self, inventory, nearby agents with direction, notable blocks and a text', async () => {
    const { world, clock } = await flatWorld();
    const a = await bodyAt(world, 'a', 0.5, 0.5);
    await bodyAt(world, 'b', 10.5, 0.5);
    world.setBlock({ x: 3, y: GROUND, z: 0 }, 'crafting_table');
    a.grant('oak_log', 2);
    const obs = await a.perceive();
    expect(obs.self).toMatchObject({ health: 20, food: 20, dead: false });
    expect(obs.inventory).toEqual([{ name: 'oak_log', count: 2 }]);
    expect(obs.entities[0]).toMatchObject({ id: 'b', kind: 'player', direction: 'east', distance: 10 });
    expect(obs.blocks.some((b) => b.name === 'crafting_table')).toBe(true);
    expect(obs.isDay).toBe(true);
    expect(obs.text).toContain('Agents nearby: b 10m east');
    await settle(clock, Promise.resolve());
    expect(HeadlessBody.REACH).toBe(4.5);
  });

  it('perception shows ores only once dug open; findBlocks finds buried ones', async () => {
    const { world, clock } = await flatWorld();
    const a = await bodyAt(world, 'a', 0.5, 0.5);
    const ore = { x: 2, y: GROUND - 2, z: 0 };
    world.setBlock(ore, 'iron_ore');
    expect((await a.perceive()).blocks.some((b) => b.name === 'iron_ore')).toBe(false);
    expect((await a.findBlocks({ name: 'iron_ore', maxDistance: 8 }))[0]?.position).toEqual(ore);
    a.grant('stone_pickaxe', 1);
    await settle(clock, a.equip('stone_pickaxe'));
    const above = { x: 2, y: GROUND - 1, z: 0 };
    expect((await settle(clock, a.dig(above))).ok).toBe(true);
    expect((await a.perceive()).blocks.some((b) => b.name === 'iron_ore')).toBe(true);
  });

  it('going underground costs tunnelling time with the best pickaxe carried', async () => {
    const { world, clock } = await flatWorld();
    const a = await bodyAt(world, 'a', 0.5, 0.5);
    const deep = { x: 0.5, y: GROUND - 10, z: 0.5 };
    const byHand = await settle(clock, a.moveTo(deep));
    expect(byHand.ok).toBe(true);
    expect(byHand.changes.position?.y).toBe(GROUND - 10);
    // 10 blocks of depth: by hand stone takes 7.5 s a block.
    expect(byHand.durationMs).toBeGreaterThanOrEqual(75_000);
    const b = await bodyAt(world, 'b', 20.5, 0.5);
    b.grant('stone_pickaxe', 1);
    const withPick = await settle(clock, b.moveTo({ x: 20.5, y: GROUND - 10, z: 0.5 }));
    expect(withPick.durationMs).toBeLessThan(byHand.durationMs / 5);
    expect((await b.perceive()).extra).toMatchObject({ underground: true, depth: 10 });
  });
});
