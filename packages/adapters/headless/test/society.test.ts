import { createSociety, defineModule } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { createHeadlessWorld, type HeadlessWorld } from '../src/index.js';

const gatherer = defineModule({
  name: 'gatherer',
  cadenceMs: 5_000,
  async run(ctx) {
    const body = ctx.body;
    if (!body) return;
    const out = await body.collect('oak_log', 1, { signal: ctx.signal });
    await body.chat(out.ok ? 'I got a log' : `no luck: ${out.reason?.code}`);
  },
});

const idle = defineModule({ name: 'idle', cadenceMs: 30_000, run() {} });

function build(world: HeadlessWorld) {
  return createSociety({
    environment: world,
    clock: 'virtual',
    seed: 7,
    runId: 'headless-society',
    agents: [
      { id: 'alice', modules: [gatherer], spawn: { x: 0, y: 0, z: 0 } },
      { id: 'bob', modules: [idle], spawn: { x: 6, y: 0, z: 0 } },
    ],
  });
}

describe('inside a real society', () => {
  it('runs on the virtual clock: actions take game time, chat reaches listeners, checkpoints restore the world', async () => {
    const world = createHeadlessWorld({ terrain: { treeDensity: 3 } });
    const society = build(world);
    const started = Date.now();
    await society.runFor(120_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    const heard = society.agent('bob').state.get('heardChat');
    expect(heard.some((h) => h.from === 'alice' && h.text === 'I got a log')).toBe(true);
    const alice = world.body('alice');
    const logs = alice?.inventory.list().filter((s) => s.name.endsWith('_log')) ?? [];
    expect(logs.reduce((n, s) => n + s.count, 0)).toBeGreaterThanOrEqual(5);
    const last = society.agent('alice').state.get('lastActionOutcome');
    expect(last).toMatchObject({ ok: true });

    const checkpoint = await society.checkpoint();
    expect(checkpoint.environment).toMatchObject({ format: 'sid-headless-world/1' });
    const hash = world.hash();
    await society.stop();

    const copy = createHeadlessWorld({ terrain: { treeDensity: 3 } });
    const resumed = build(copy);
    await resumed.restore(checkpoint);
    await resumed.start();
    resumed.pause();
    expect(copy.hash()).toBe(hash);
    await resumed.stop();
  });
});
