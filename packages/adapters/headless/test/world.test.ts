import { VirtualClock } from '@sid/core';
import { describe, expect, it } from 'vitest';
import {
  createHeadlessWorld,
  culturalTransmissionLayout,
  type HeadlessBody,
  type HeadlessWorld,
  planAgents,
} from '../src/index.js';
import { settle } from './helpers.js';

/** Runs the same little script of actions on a fresh world and returns it. */
async function scriptedRun(seed: string): Promise<HeadlessWorld> {
  const clock = new VirtualClock();
  const world = createHeadlessWorld();
  await world.init({ clock, seed });
  const a = (await world.createBody('a')) as HeadlessBody;
  const b = (await world.createBody('b')) as HeadlessBody;
  a.grant('stone_pickaxe', 1);
  b.grant('stone_pickaxe', 1);
  await settle(clock, Promise.all([a.collect('oak_log', 2), b.collect('cobblestone', 3)]));
  await settle(clock, Promise.all([a.craft('oak_planks', 8), b.collect('coal', 2), a.chat('hello')]));
  await settle(clock, a.drop('oak_planks', 2));
  await clock.runUntil(clock.now() + 60_000);
  return world;
}

describe('the world', () => {
  it('is deterministic: same seed and actions give the same world hash; another seed differs', async () => {
    const first = await scriptedRun('seed-1');
    const second = await scriptedRun('seed-1');
    const other = await scriptedRun('seed-2');
    expect(first.hash()).toBe(second.hash());
    expect(first.hash()).not.toBe(other.hash());
    expect(first.snapshotData().blocks.length).toBeGreaterThan(3);
  });

  it('generates terrain lazily with trees, water, sand, ores by depth and a bedrock floor', async () => {
    const clock = new VirtualClock();
    const world = createHeadlessWorld();
    await world.init({ clock, seed: 'terrain' });
    const counts = new Map<string, number>();
    for (let x = 0; x < 128; x++) {
      for (let z = 0; z < 128; z++) {
        for (let y = -64; y < 100; y++) {
          const name = world.blocks.nameAt({ x, y, z });
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
    }
    expect(world.blocks.nameAt({ x: 5, y: -64, z: 5 })).toBe('bedrock');
    for (const name of [
      'stone',
      'deepslate',
      'dirt',
      'grass_block',
      'oak_log',
      'oak_leaves',
      'water',
      'sand',
      'coal_ore',
      'iron_ore',
    ]) {
      expect(counts.get(name) ?? 0, name).toBeGreaterThan(0);
    }
    const diamonds = (counts.get('diamond_ore') ?? 0) + (counts.get('deepslate_diamond_ore') ?? 0);
    const iron = (counts.get('iron_ore') ?? 0) + (counts.get('deepslate_iron_ore') ?? 0);
    const coal = (counts.get('coal_ore') ?? 0) + (counts.get('deepslate_coal_ore') ?? 0);
    // Realistic rarity: coal > iron > diamond, diamonds only deep.
    expect(coal).toBeGreaterThan(iron);
    expect(iron).toBeGreaterThan(diamonds * 2);
    expect(diamonds).toBeGreaterThan(0);
    // Chunks are generated only when touched: the 128 × 128 scan made 8 × 8 of them.
    expect(world.blocks.chunkCount).toBe(64);
    const deep = world.blocks.find(
      { x: 64, y: 70, z: 64 },
      new Set([world.data.block('deepslate_diamond_ore').id]),
      96,
      50,
    );
    expect(deep.length).toBeGreaterThan(0);
    expect(deep.every((b) => b.position.y < 0)).toBe(true);
  });

  it('snapshot and restore round-trip through JSON: blocks, bodies, chests and items', async () => {
    const clock = new VirtualClock();
    const config = { chests: [{ position: { x: 3, z: 3 }, items: [{ name: 'emerald', count: 2 }] }] };
    const world = createHeadlessWorld(config);
    await world.init({ clock, seed: 'snap' });
    const a = (await world.createBody('a', { spawn: { x: 1, y: 0, z: 1 } })) as HeadlessBody;
    a.grant('stone_pickaxe', 1);
    await settle(clock, a.collect('cobblestone', 2));
    await settle(clock, a.drop('cobblestone', 1));
    a.vitals.food = 12;
    const saved = JSON.parse(JSON.stringify(await world.snapshot()));
    const hash = world.hash();

    const clock2 = new VirtualClock();
    const copy = createHeadlessWorld(config);
    await copy.init({ clock: clock2, seed: 'snap' });
    clock2.advanceTo(clock.now());
    await copy.restore(saved);
    const a2 = (await copy.createBody('a')) as HeadlessBody;
    expect(copy.hash()).toBe(hash);
    expect(a2.inventory.count('cobblestone')).toBe(1);
    expect(a2.status().food).toBe(12);
    expect(a2.position).toEqual(a.position);
    expect(copy.items.size).toBe(1);
    await expect(copy.restore({ format: 'nope' })).rejects.toThrow(/snapshot/);
  });

  it('lays out towns from config: agents of a town spawn inside it', async () => {
    const layout = culturalTransmissionLayout();
    const planned = planAgents(layout, 302);
    expect(planned).toHaveLength(6 * 33 + 302);
    const clock = new VirtualClock();
    const world = createHeadlessWorld(layout);
    await world.init({ clock, seed: 'towns' });
    const town = layout.towns?.[0];
    for (const agent of planned.slice(0, 33)) {
      const body = (await world.createBody(agent.id, agent.group ? { group: agent.group } : {})) as HeadlessBody;
      const dx = body.position.x - (town?.center.x ?? 0);
      const dz = body.position.z - (town?.center.z ?? 0);
      expect(Math.hypot(dx, dz)).toBeLessThanOrEqual(51);
    }
  });
});
