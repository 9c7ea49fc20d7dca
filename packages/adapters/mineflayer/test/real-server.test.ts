import type { BodyEvent } from '@sid/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MineflayerBody,
  type MineflayerEnvironment,
  startTestServer,
  type TestServer,
  type WorldEvent,
} from '../src/index.js';
import { afterLogin, environmentFor, GROUND, stopAndCheck, waitFor } from './helpers.js';

// One embedded flying-squid server and two bots for the whole file (real server, real bots).
let server: TestServer | undefined;
let env: MineflayerEnvironment;
let ada: MineflayerBody;
let bob: MineflayerBody;
const heard: Record<string, BodyEvent[]> = { ada: [], bob: [] };
const adaWorld: WorldEvent[] = [];

beforeAll(async () => {
  server = await startTestServer({ port: 0, world: { seed: 7 } });
  env = await environmentFor(server, {
    reconnect: { baseDelayMs: 300 },
    timeouts: { craftMs: 3_000, containerMs: 3_000 },
  });
  ada = (await env.createBody('ada')) as MineflayerBody;
  ada.onWorldEvent((e) => adaWorld.push(e));
  bob = (await env.createBody('bob')) as MineflayerBody;
  ada.onEvent((e) => heard.ada?.push(e));
  bob.onEvent((e) => heard.bob?.push(e));
  await afterLogin();
});

afterAll(async () => {
  await env?.close();
  await stopAndCheck(server);
});

const chats = (who: string) => (heard[who] ?? []).filter((e) => e.type === 'chat');

describe('mineflayer body on the embedded server', () => {
  it('spawns both bots on the ground and perceives itself', async () => {
    const obs = await ada.perceive();
    expect(obs.agentId).toBe('ada');
    expect(obs.self.position.y).toBeCloseTo(GROUND, 0);
    expect(obs.self.health).toBeGreaterThan(0);
    expect(obs.self.dead).toBe(false);
    expect(obs.text).toContain('You are at');
  });

  it('perceives the other bot with the right distance', async () => {
    await server?.teleport('bob', { x: 5.5, y: GROUND, z: 0.5 });
    await server?.teleport('ada', { x: 0.5, y: GROUND, z: 0.5 });
    const seen = await waitFor(async () => {
      const e = (await ada.findEntities({ kind: 'player' })).find((p) => p.id === 'bob');
      return e !== undefined && Math.abs(e.distance - 5) < 0.6;
    });
    expect(seen).toBe(true);
    const obs = await ada.perceive();
    const other = obs.entities.find((e) => e.id === 'bob');
    expect(other).toMatchObject({ kind: 'player', name: 'bob', direction: 'east' });
    expect(other?.distance).toBeCloseTo(5, 0);
  });

  it('hears chat within range and not beyond it; shouts carry farther', async () => {
    expect((await ada.chat('hello bob')).ok).toBe(true);
    expect(await waitFor(() => chats('bob').some((e) => e.type === 'chat' && e.text === 'hello bob'))).toBe(true);
    const near = chats('bob').find((e) => e.type === 'chat' && e.text === 'hello bob');
    expect(near).toMatchObject({ from: 'ada', mode: 'say' });

    await server?.teleport('bob', { x: 45.5, y: GROUND, z: 0.5 });
    // The listener filters by its own position and the speaker's: wait until bob knows he moved.
    expect(await waitFor(async () => (await bob.perceive()).self.position.x > 40)).toBe(true);
    await ada.chat('too far to hear');
    await ada.chat('can you hear me now', 'shout');
    expect(await waitFor(() => chats('bob').some((e) => e.type === 'chat' && e.text === 'can you hear me now'))).toBe(
      true,
    );
    expect(chats('bob').some((e) => e.type === 'chat' && e.text === 'too far to hear')).toBe(false);
    expect(chats('bob').find((e) => e.type === 'chat' && e.text === 'can you hear me now')).toMatchObject({
      mode: 'shout',
    });
  });

  it('whispers to one bot within 8 blocks and refuses farther ones', async () => {
    const far = await ada.whisper('bob', 'secret');
    expect(far.ok).toBe(false);
    expect(far.reason?.code).toBe('too_far');
    await server?.teleport('bob', { x: 3.5, y: GROUND, z: 0.5 });
    await waitFor(
      async () => ((await ada.findEntities({ kind: 'player' })).find((p) => p.id === 'bob')?.distance ?? 99) < 4,
    );
    expect((await ada.whisper('bob', 'psst')).ok).toBe(true);
    expect(await waitFor(() => chats('bob').some((e) => e.type === 'chat' && e.text === 'psst'))).toBe(true);
    expect(chats('bob').find((e) => e.type === 'chat' && e.text === 'psst')).toMatchObject({
      from: 'ada',
      mode: 'whisper',
    });
    expect((await ada.whisper('nobody', 'hi')).reason?.code).toBe('unknown_agent');
  });

  it('pathfinds to a point 15 blocks away', async () => {
    const out = await ada.moveTo({ x: 15.5, y: GROUND, z: 0.5 });
    expect(out.reason).toBeUndefined();
    expect(out.ok).toBe(true);
    const p = (await ada.perceive()).self.position;
    expect(Math.hypot(p.x - 15.5, p.z - 0.5)).toBeLessThan(2.5);
    expect(adaWorld.some((e) => e.type === 'goal_reached')).toBe(true);
    expect(adaWorld.some((e) => e.type === 'player_joined' && e.agentId === 'bob')).toBe(true);
  });

  it('reports a place it cannot walk to as unreachable', async () => {
    const here = (await ada.perceive()).self.position;
    const out = await ada.moveTo({ x: here.x + 3, y: GROUND + 12, z: here.z });
    expect(out.ok).toBe(false);
    expect(out.reason?.code).toBe('unreachable');
  });

  it('stops pathfinding at once when interrupted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const move = ada.moveTo({ x: 15.5, y: GROUND, z: 40.5 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const out = await move;
    expect(out.ok).toBe(false);
    expect(out.reason?.code).toBe('interrupted');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('digs a block and picks up its drop', async () => {
    const here = (await ada.perceive()).self.position;
    const target = { x: Math.floor(here.x) + 2, y: GROUND - 1, z: Math.floor(here.z) };
    const out = await ada.dig(target);
    expect(out.reason).toBeUndefined();
    expect(out.changes.blocks?.[0]).toMatchObject({ from: 'grass_block', to: 'air' });
    expect(out.changes.items?.dirt).toBe(1);
    expect(
      adaWorld.some((e) => e.type === 'dig_completed' && e.block === 'grass_block'),
      JSON.stringify(adaWorld),
    ).toBe(true);
    expect(adaWorld.some((e) => e.type === 'block_update' && e.to === 'air')).toBe(true);
    expect((await ada.dig({ x: here.x + 30, y: GROUND - 1, z: here.z })).reason?.code).toBe('too_far');
    expect((await ada.dig({ x: here.x, y: GROUND + 3, z: here.z })).reason?.code).toBe('not_found');
  });

  it('places a block from the inventory', async () => {
    const here = (await ada.perceive()).self.position;
    const spot = { x: Math.floor(here.x) - 1, y: GROUND, z: Math.floor(here.z) };
    const out = await ada.place('dirt', spot);
    expect(out.reason).toBeUndefined();
    expect(out.changes.blocks?.[0]).toMatchObject({ to: 'dirt' });
    expect((await ada.place('dirt', spot)).reason?.code).toMatch(/occupied|missing_items/);
    expect((await ada.place('diamond_block', { ...spot, x: spot.x - 1 })).reason?.code).toBe('missing_items');
  });

  it('collects logs from the generated trees', async () => {
    const out = await ada.collect('oak_log', 2);
    expect(out.reason).toBeUndefined();
    expect(out.ok).toBe(true);
    expect(out.changes.items?.oak_log ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('returns a structured refusal for crafting on the plain server, within its timeout', async () => {
    const started = Date.now();
    const out = await ada.craft('oak_planks', 4);
    expect(out.ok).toBe(false);
    expect(['timeout', 'server_refused']).toContain(out.reason?.code);
    expect(Date.now() - started).toBeLessThan(3_000 + 2_000 + 1_500);
    expect((await ada.craft('stick', 4)).reason?.code).toBe('missing_items');
    expect((await ada.craft('diamond_sword', 1)).reason?.code).toMatch(/needs_crafting_table|missing_items/);
    expect((await ada.craft('cobblestone', 1)).reason?.code).toBe('no_recipe');
  });

  it('dies, says so, respawns and says that too', async () => {
    const events: BodyEvent[] = [];
    const off = bob.onEvent((e) => events.push(e));
    await server?.setHealth('bob', 0);
    expect(await waitFor(() => events.some((e) => e.type === 'death'))).toBe(true);
    expect(await waitFor(() => events.some((e) => e.type === 'respawn'), 8_000)).toBe(true);
    off();
    expect((await bob.perceive()).self.dead).toBe(false);
  });

  it('reconnects after the server kicks a bot', async () => {
    const events: BodyEvent[] = [];
    const off = bob.onEvent((e) => events.push(e));
    await server?.kick('bob', 'test kick');
    expect(await waitFor(() => events.some((e) => e.type === 'disconnect'), 5_000)).toBe(true);
    expect((await bob.chat('are you there')).ok).toBe(false);
    expect(await waitFor(() => events.some((e) => e.type === 'reconnect'), 20_000)).toBe(true);
    off();
    expect(events.find((e) => e.type === 'disconnect')).toMatchObject({ reason: expect.stringContaining('test kick') });
    expect((await bob.perceive()).extra.connected).toBe(true);
    expect((await bob.chat('back again')).ok).toBe(true);
  });
});

describe('what the embedded server cannot do, reported as structured failures', () => {
  it('chests on the embedded server: not_supported at once, and the bot stays healthy', async () => {
    const here = (await ada.perceive()).self.position;
    const spot = { x: Math.floor(here.x) + 1, y: GROUND, z: Math.floor(here.z) + 1 };
    await server?.setBlock(spot, 'chest');
    await waitFor(async () => (await ada.findBlocks({ name: 'chest', maxDistance: 4 })).length > 0);
    await server?.give('ada', 'cobblestone', 3);
    await waitFor(async () => (await ada.perceive()).inventory.some((s) => s.name === 'cobblestone'));
    const out = await ada.deposit(spot, 'cobblestone', 2);
    expect(out.reason?.code).toBe('not_supported');
    expect((await ada.chestContents(spot)).reason?.code).toBe('not_supported');
    expect((await ada.deposit({ ...spot, x: spot.x + 5 }, 'cobblestone', 2)).reason?.code).toBe('not_found');
    await server?.give('ada', 'apple', 1);
    expect(await waitFor(async () => (await ada.perceive()).inventory.some((s) => s.name === 'apple'))).toBe(true);
  });

  it('smelting without a furnace and eating on a full food bar are refused', async () => {
    expect((await ada.smelt('iron_ingot', 1)).reason?.code).toBe('needs_furnace');
    await server?.give('ada', 'bread', 1);
    await waitFor(async () => (await ada.perceive()).inventory.some((s) => s.name === 'bread'));
    expect((await ada.eat('bread')).reason?.code).toBe('invalid_argument');
    expect((await ada.eat('cobblestone')).reason?.code).toBe('invalid_argument');
  });

  it('a primitive that outlives its time limit stops and says timeout', async () => {
    const slow = await environmentFor(server as TestServer, { timeouts: { moveMs: 400 } });
    try {
      const body = (await slow.createBody('dee')) as MineflayerBody;
      const out = await body.moveTo({ x: 0.5, y: GROUND, z: 40.5 });
      expect(out.ok).toBe(false);
      expect(out.reason).toMatchObject({ code: 'timeout', afterMs: 400 });
    } finally {
      await slow.close();
    }
  });
});
