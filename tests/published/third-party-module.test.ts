// Written as a user would: against the published entry points (dist/, resolved by package name
// with no source condition), defining a third-party module with its own slot.
import { createRequire } from 'node:module';
import { createSociety, defineController, defineModule, defineSlot, TRIGGERS } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

declare module '@sid/core' {
  interface SlotTypeMap {
    weather: { raining: boolean; changes: number };
  }
}

const weatherSlot = defineSlot({
  name: 'weather',
  description: 'What the agent believes about the weather.',
  schema: z.object({ raining: z.boolean(), changes: z.number().int().nonnegative() }),
  initial: () => ({ raining: false, changes: 0 }),
});

const weatherWatcher = defineModule({
  name: 'weather-watcher',
  description: 'Third-party module: flips its belief about rain now and then.',
  slots: [weatherSlot],
  writes: ['weather'],
  cadenceMs: 5_000,
  options: z.object({ flipChance: z.number().min(0).max(1).default(0.5) }),
  run(ctx) {
    if (ctx.rng.next() < ctx.options.flipChance) {
      ctx.update('weather', (w) => ({ raining: !w.raining, changes: w.changes + 1 }));
    }
  },
});

const umbrella = defineModule({
  name: 'umbrella',
  reads: ['weather'],
  writes: ['workingMemory'],
  triggers: [TRIGGERS.decisionBroadcast],
  run(ctx) {
    const decision = ctx.decision();
    ctx.write('workingMemory', {
      focus: decision?.intent ?? '',
      items: [ctx.get('weather').raining ? 'umbrella up' : 'umbrella down'],
    });
  },
});

const controller = defineController({
  cadenceMs: 3_000,
  decide: (view) => ({ intent: view.text.includes('"raining":true') ? 'stay dry' : 'go outside' }),
});

describe('a third-party module against the published @sid/core', () => {
  it('resolves @sid/core from dist, not from sources', () => {
    const require = createRequire(import.meta.url);
    expect(require.resolve('@sid/core')).toMatch(/packages\/core\/dist\/index\.cjs$/);
    const cjs = require('@sid/core') as typeof import('@sid/core');
    expect(typeof cjs.createSociety).toBe('function');
  });

  it('runs in a society: its slot is registered, validated and read by others', async () => {
    const society = createSociety({
      seed: 11,
      agents: [
        {
          id: 'ada',
          modules: [weatherWatcher.with({ flipChance: 0.9 }), umbrella, controller],
          bottleneck: { fields: [{ slot: 'weather' }] },
        },
      ],
    });
    await society.runFor(60_000);
    const ada = society.agent('ada');
    const weather = ada.state.get('weather');
    expect(weather.changes).toBeGreaterThan(3);
    const memory = ada.state.get('workingMemory');
    expect(memory.items[0]).toBe(weather.raining ? 'umbrella up' : 'umbrella down');
    expect(() => ada.state.write('weather', { raining: 'maybe', changes: 0 } as never)).toThrow(/weather\.raining/);
    expect(() => weatherWatcher.with({ flipChance: 2 })).toThrow(/options\.flipChance/);
    await society.stop();
  });
});
