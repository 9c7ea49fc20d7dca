import type { BodyEvent } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { bodyAt, flatWorld, settle } from './helpers.js';

function heardBy(body: { onEvent(l: (e: BodyEvent) => void): () => void }): BodyEvent[] {
  const heard: BodyEvent[] = [];
  body.onEvent((e) => {
    if (e.type === 'chat') heard.push(e);
  });
  return heard;
}

describe('chat by range', () => {
  it('say reaches 32 blocks: heard at 20, not at 40', async () => {
    const { world, clock } = await flatWorld();
    const speaker = await bodyAt(world, 'speaker', 0.5, 0.5);
    const near = heardBy(await bodyAt(world, 'near', 20.5, 0.5));
    const far = heardBy(await bodyAt(world, 'far', 40.5, 0.5));
    const out = await settle(clock, speaker.chat('hello'));
    expect(out.ok).toBe(true);
    expect(near).toEqual([{ type: 'chat', from: 'speaker', text: 'hello', mode: 'say', distance: 20, at: 0 }]);
    expect(far).toEqual([]);
  });

  it('shout reaches 64 blocks', async () => {
    const { world, clock } = await flatWorld();
    const speaker = await bodyAt(world, 'speaker', 0.5, 0.5);
    const at40 = heardBy(await bodyAt(world, 'at40', 0.5, 40.5));
    const at70 = heardBy(await bodyAt(world, 'at70', 0.5, 70.5));
    await settle(clock, speaker.chat('everyone!', 'shout'));
    expect(at40.map((e) => e.type === 'chat' && e.mode)).toEqual(['shout']);
    expect(at70).toEqual([]);
  });

  it('a whisper at 10 blocks is not heard (too far); at 5 it is, and only by its target', async () => {
    const { world, clock } = await flatWorld();
    const speaker = await bodyAt(world, 'speaker', 0.5, 0.5);
    const target = heardBy(await bodyAt(world, 'target', 10.5, 0.5));
    const bystander = heardBy(await bodyAt(world, 'bystander', 0.5, 3.5));
    const far = await settle(clock, speaker.whisper('target', 'psst'));
    expect(far.reason).toMatchObject({ code: 'too_far', distance: 10, maxDistance: 8 });
    expect(target).toEqual([]);
    await settle(clock, speaker.moveTo({ x: 5.5, y: 67, z: 0.5 }));
    const near = await settle(clock, speaker.whisper('target', 'psst'));
    expect(near.ok).toBe(true);
    expect(target).toHaveLength(1);
    expect(target[0]).toMatchObject({ mode: 'whisper', from: 'speaker', distance: 5 });
    expect(bystander).toEqual([]);
  });

  it('whispering to an unknown agent suggests close names', async () => {
    const { world, clock } = await flatWorld();
    const speaker = await bodyAt(world, 'speaker', 0.5, 0.5);
    await bodyAt(world, 'alice', 2.5, 0.5);
    const out = await settle(clock, speaker.whisper('alcie', 'hi'));
    expect(out.reason).toMatchObject({ code: 'unknown_agent', name: 'alcie', suggestions: ['alice'] });
  });

  it('a walking listener hears by where it is now, not where its walk started', async () => {
    const { world, clock } = await flatWorld();
    const speaker = await bodyAt(world, 'speaker', 0.5, 0.5);
    const walker = await bodyAt(world, 'walker', 100.5, 0.5);
    const heard = heardBy(walker);
    const walking = walker.moveTo({ x: 0.5, y: 67, z: 0.5 });
    // After 17 s the walker has covered ~73 blocks and is ~27 blocks from the speaker.
    await clock.runUntil(17_000);
    await settle(clock, speaker.chat('you are close now'));
    expect(heard).toHaveLength(1);
    await settle(clock, walking);
  });

  it('day and night arrive as body events', async () => {
    const { world, clock } = await flatWorld();
    const body = await bodyAt(world, 'a', 0.5, 0.5);
    const phases: string[] = [];
    body.onEvent((e) => e.type === 'time' && phases.push(e.phase));
    await clock.runUntil(20 * 60_000);
    expect(phases).toEqual(['night', 'day']);
    expect(world.isDay()).toBe(true);
  });
});
