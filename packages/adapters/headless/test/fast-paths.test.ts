import { VirtualClock } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { createHeadlessWorld, digTimeMs, GameData, toolOf } from '../src/index.js';
import { featureAt } from '../src/terrain/generator.js';
import { Inventory } from '../src/world/inventory.js';
import { bodyAt, flatWorld, GROUND } from './helpers.js';

/**
 * The caches and indexes behind the world's speed (chunk info table, grouped feature lists, inventory
 * name cache, rule caches) must give exactly what the plain computations give.
 */
/** Bounds small enough for the chunk info table (the default bounds are too large for one). */
const SMALL = { minX: -300, maxX: 300, minZ: -300, maxZ: 300 };
const hasTable = (world: { blocks: unknown }) => (world.blocks as { info: Uint32Array }).info.length > 0;

describe('fast paths', () => {
  it('searches still see dug (air), placed and exposed blocks in chunks they would otherwise pass over', async () => {
    const { world } = await flatWorld({ bounds: SMALL });
    expect(hasTable(world)).toBe(true);
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    // A flat world without trees: chunks hold ores only, so log searches pass over untouched chunks.
    expect(await body.findBlocks({ name: 'oak_log', maxDistance: 32 })).toEqual([]);
    world.setBlock({ x: 20, y: GROUND, z: 3 }, 'oak_log');
    expect((await body.findBlocks({ name: 'oak_log', maxDistance: 32 }))[0]?.position).toEqual({
      x: 20,
      y: GROUND,
      z: 3,
    });
    // A search for air reports blocks dug to air (and nothing else: air is neither layer nor feature).
    world.setBlock({ x: -18, y: GROUND - 1, z: 2 }, 'air');
    expect((await body.findBlocks({ name: 'air', maxDistance: 32 })).map((b) => b.position)).toEqual([
      { x: -18, y: GROUND - 1, z: 2 },
    ]);
    // An ore dug open in a chunk shows in perception.
    world.setBlock({ x: 3, y: GROUND - 1, z: 0 }, 'iron_ore');
    world.setBlock({ x: 3, y: GROUND, z: 0 }, 'air');
    const seen = await body.perceive();
    expect(seen.blocks.map((b) => b.name)).toContain('iron_ore');
  });

  it('a restore forgets changes and the search index follows', async () => {
    const { world } = await flatWorld({ bounds: SMALL });
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const empty = await world.snapshot();
    world.setBlock({ x: 40, y: GROUND, z: 40 }, 'oak_log');
    expect(await body.findBlocks({ name: 'oak_log', maxDistance: 64 })).toHaveLength(1);
    await world.restore(empty);
    expect(await body.findBlocks({ name: 'oak_log', maxDistance: 64 })).toEqual([]);
    world.setBlock({ x: 41, y: GROUND, z: 40 }, 'oak_log');
    expect(await body.findBlocks({ name: 'oak_log', maxDistance: 64 })).toHaveLength(1);
  });

  it('searches are the same with and without the chunk info table (only worlds of small bounds have one)', async () => {
    const found = async (small: boolean) => {
      const clock = new VirtualClock();
      const world = createHeadlessWorld({
        bounds: small ? SMALL : { minX: -200_000, maxX: 200_000, minZ: -200_000, maxZ: 200_000 },
      });
      await world.init({ clock, seed: 'fast-paths' });
      expect(hasTable(world)).toBe(small);
      const body = await world.createBody('a', { spawn: { x: 10, y: 0, z: 10 } });
      world.setBlock({ x: 30, y: 60, z: 30 }, 'birch_log');
      const out = [];
      for (const name of ['birch_log', 'oak_log', 'coal_ore', 'iron_ore', 'stone', 'air']) {
        out.push(await body.findBlocks({ name, maxDistance: 48, count: 8 }));
      }
      return out;
    };
    expect(await found(true)).toEqual(await found(false));
  });

  it('grouped feature lists hold exactly the features of each block, sorted', async () => {
    const { world } = await flatWorld({ terrain: { treeDensity: 1, amplitude: 20 } });
    const generator = world.blocks.generator;
    for (const [cx, cz] of [
      [0, 0],
      [3, -2],
      [-7, 5],
    ] as const) {
      const chunk = generator.generate(cx, cz);
      for (const id of generator.featureIds) {
        const slot = generator.featureSlot[id] as number;
        const group = [...chunk.byBlock.subarray(chunk.starts[slot], chunk.starts[slot + 1])];
        const expected = [...chunk.featureKeys].filter((_, i) => chunk.featureIds[i] === id);
        expect(group).toEqual(expected);
        for (const index of group) expect(featureAt(chunk, index)).toBe(id);
      }
    }
  });

  it('inventory: names sorted and cached until a change; remove takes the held stack last; copies are deep', () => {
    const inv = new Inventory((name) => GameData.get().stackSize(name));
    inv.add('stick', 3);
    inv.add('dirt', 70);
    inv.add('apple', 1);
    expect(inv.names()).toEqual(['apple', 'dirt', 'stick']);
    expect(inv.names()).toBe(inv.names());
    inv.hold('dirt');
    expect(inv.remove('dirt', 10)).toBe(10);
    // The 64-stack in the hand is used last: the other dirt stack (6) went first.
    expect(inv.held).toBe('dirt');
    expect(inv.count('dirt')).toBe(60);
    inv.remove('apple', 1);
    expect(inv.names()).toEqual(['dirt', 'stick']);
    const copy = inv.clone();
    const viaImage = new Inventory((name) => GameData.get().stackSize(name));
    viaImage.restore(inv.toJSON());
    expect(copy.toJSON()).toEqual(viaImage.toJSON());
    copy.add('stick', 1);
    expect(inv.count('stick')).toBe(3);
  });

  it('inventory deltas: changed, new and emptied names, in code-unit order', async () => {
    const { world } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('stick', 3);
    body.grant('oak_log', 2);
    body.grant('apple', 70);
    const before = body.inventoryCounts();
    body.inventory.remove('oak_log', 2);
    body.inventory.add('birch_planks', 4);
    body.inventory.add('apple', 1);
    const delta = body.inventoryDelta(before);
    expect(delta).toEqual({ apple: 1, birch_planks: 4, oak_log: -2 });
    expect(Object.keys(delta)).toEqual(['apple', 'birch_planks', 'oak_log']);
    expect(body.inventoryDelta(body.inventoryCounts())).toEqual({});
  });

  it('rule caches: toolOf returns fresh objects; dig times match for the data blocks and look-alikes', () => {
    const a = toolOf('iron_pickaxe');
    if (a) a.tier = 'changed';
    expect(toolOf('iron_pickaxe')).toEqual({ kind: 'pickaxe', tier: 'iron' });
    const data = GameData.get();
    const stone = data.block('stone');
    for (const held of [null, 'wooden_pickaxe', 'iron_pickaxe', 'stick', 'no_such_item']) {
      expect(digTimeMs(stone, held, data)).toBe(digTimeMs({ ...stone }, held, data));
    }
    expect(digTimeMs({ ...stone, hardness: 50 }, null, data)).toBeGreaterThan(digTimeMs(stone, null, data) as number);
  });

  it('chat hearers come in the order bodiesWithin gives (distance, then agent id)', async () => {
    const { world } = await flatWorld();
    const speaker = await bodyAt(world, 's', 0.5, 0.5);
    for (const [id, x, z] of [
      ['d', 4.5, 0.5],
      ['b', 0.5, 4.5],
      ['c', -3.5, 0.5],
      ['a', 0.5, -3.5],
      ['e', 20.5, 9.5],
      ['far', 40.5, 0.5],
    ] as const) {
      await bodyAt(world, id, x, z);
    }
    const { bodies, distances } = world.hearersWithin(speaker.position, 32, speaker);
    const expected = world.bodiesWithin(speaker.position, 32, speaker);
    expect(bodies.map((b) => b.agentId)).toEqual(expected.map((e) => e.body.agentId));
    expect(distances).toEqual(expected.map((e) => e.distance));
    // a, b, c and d are all 4 blocks away: the agent id decides.
    expect(bodies.map((b) => b.agentId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a listener that unsubscribes while an event is delivered does not stop the others', async () => {
    const { world, clock } = await flatWorld();
    const speaker = await bodyAt(world, 'a', 0.5, 0.5);
    const hearer = await bodyAt(world, 'b', 2.5, 0.5);
    const heard: string[] = [];
    const off = hearer.onEvent(() => {
      heard.push('first');
      off();
    });
    hearer.onEvent(() => heard.push('second'));
    const again = () => heard.push('third');
    hearer.onEvent(again);
    hearer.onEvent(again);
    clock.run();
    await speaker.chat('hello');
    await speaker.chat('again');
    clock.pause();
    expect(heard).toEqual(['first', 'second', 'third', 'second', 'third']);
  });
});
