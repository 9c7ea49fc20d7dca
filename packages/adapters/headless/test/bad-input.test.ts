import { ConfigError, type Vec3 } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { createHeadlessWorld, parseWorldConfig } from '../src/index.js';
import { bodyAt, flatWorld, GROUND, settle } from './helpers.js';

describe('bad input gives structured failures, never exceptions', () => {
  it('unknown names come with suggestions', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const craft = await settle(clock, body.craft('oak_plank', 1));
    expect(craft.reason).toMatchObject({ code: 'unknown_item', name: 'oak_plank' });
    expect(craft.reason?.code === 'unknown_item' && craft.reason.suggestions).toContain('oak_planks');
    const collect = await settle(clock, body.collect('iron_oar', 1));
    expect(collect.reason?.code).toBe('unknown_block');
    expect(collect.reason?.code === 'unknown_block' && collect.reason.suggestions).toContain('iron_ore');
    expect((await settle(clock, body.smelt('raw_iron', 1, 'coals'))).reason?.code).toBe('unknown_item');
    expect((await settle(clock, body.smelt('raw_iron', 1, 'dirt'))).reason?.code).toBe('invalid_argument');
    expect((await settle(clock, body.eat('stone'))).reason?.code).toBe('invalid_argument');
    expect(await body.findBlocks({ name: 'not_a_block' })).toEqual([]);
  });

  it('negative, fractional and absurd counts are invalid arguments', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.grant('oak_log', 4);
    for (const count of [-1, 0, 1.5, Number.NaN, 1e9]) {
      const out = await settle(clock, body.craft('oak_planks', count));
      expect(out.reason).toMatchObject({ code: 'invalid_argument', argument: 'count' });
    }
    expect((await settle(clock, body.drop('oak_log', -3))).reason?.code).toBe('invalid_argument');
    expect(body.inventory.count('oak_log')).toBe(4);
  });

  it('positions outside the world are out_of_world; malformed ones are invalid', async () => {
    const { world, clock } = await flatWorld({ bounds: { minX: -100, maxX: 100, minZ: -100, maxZ: 100 } });
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const outside = await settle(clock, body.moveTo({ x: 500, y: GROUND, z: 0 }));
    expect(outside.reason).toMatchObject({ code: 'out_of_world', position: { x: 500, y: GROUND, z: 0 } });
    expect((await settle(clock, body.dig({ x: 0, y: 400, z: 0 }))).reason?.code).toBe('out_of_world');
    expect((await settle(clock, body.dig({ x: 0, y: -65, z: 0 }))).reason?.code).toBe('out_of_world');
    const nan = await settle(clock, body.moveTo({ x: Number.NaN, y: 0, z: 0 }));
    expect(nan.reason?.code).toBe('invalid_argument');
    const garbage = await settle(clock, body.dig(null as unknown as Vec3));
    expect(garbage.reason?.code).toBe('invalid_argument');
    const noEntity = await settle(clock, body.moveTo({ entity: 'ghost' }));
    expect(noEntity.reason?.code).toBe('unknown_agent');
  });

  it('collecting water or bedrock is a structured failure, not a stuck timer', async () => {
    const { world, clock } = await flatWorld({ terrain: { seaLevel: 70 } });
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const water = await settle(clock, body.collect('water', 1));
    expect(water.reason?.code).toBe('invalid_argument');
    expect(Number.isFinite(clock.now())).toBe(true);
    const bedrock = await settle(clock, body.collect('bedrock', 1));
    expect(bedrock.ok).toBe(false);
    expect(Number.isFinite(clock.now())).toBe(true);
  });

  it('bedrock cannot be broken; air cannot be dug', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    world.setBlock({ x: 1, y: GROUND, z: 0 }, 'bedrock');
    expect((await settle(clock, body.dig({ x: 1, y: GROUND, z: 0 }))).reason?.code).toBe('invalid_argument');
    expect((await settle(clock, body.dig({ x: 1, y: GROUND + 1, z: 0 }))).reason?.code).toBe('not_found');
  });

  it('acting while dead fails with "dead"; looking around returns nothing', async () => {
    const { world, clock } = await flatWorld({ respawnDelayMs: 60_000 });
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    body.hurt(100, 'test');
    expect(body.dead).toBe(true);
    for (const out of await settle(
      clock,
      Promise.all([body.moveTo({ x: 3, y: GROUND, z: 3 }), body.chat('hi'), body.craft('stick', 1), body.eat('bread')]),
    )) {
      expect(out.reason?.code).toBe('dead');
    }
    expect(await body.findEntities()).toEqual([]);
    expect((await body.perceive()).self.dead).toBe(true);
  });

  it('chat text must be a non-empty string of at most 256 characters', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    expect((await settle(clock, body.chat(''))).reason?.code).toBe('invalid_argument');
    expect((await settle(clock, body.chat('x'.repeat(300)))).reason?.code).toBe('invalid_argument');
    expect((await settle(clock, body.chat('hi', 'yell' as 'say'))).reason?.code).toBe('invalid_argument');
  });

  it('a bad world config fails early with every problem and a suggestion', () => {
    expect(() =>
      parseWorldConfig({
        chests: [{ position: { x: 0, z: 0 }, items: [{ name: 'iron_ingots', count: 1 }] }],
        towns: [{ name: 'bad town', center: { x: 0, z: 0 }, radius: -1 }],
      }),
    ).toThrow(ConfigError);
    try {
      parseWorldConfig({ startingInventory: [{ name: 'iron_ingots', count: 1 }] });
    } catch (error) {
      expect((error as Error).message).toContain('startingInventory.0.name: unknown item "iron_ingots"');
      expect((error as Error).message).toContain('"iron_ingot"');
    }
    expect(() => createHeadlessWorld({ version: '1.20.1' as '1.21.4' })).toThrow(/version/);
  });
});
