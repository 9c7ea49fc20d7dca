import { runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { buildMoodSociety } from '../../examples/custom-module/main.js';
import { moodModule, moodSlot } from '../../examples/custom-module/mood-module.js';

describe('examples/custom-module: a third-party module in a PIANO prefab', () => {
  it('runs inside the society, and the controller sees it through the bottleneck', async () => {
    const society = buildMoodSociety(3);
    await society.runFor(5 * 60_000);
    await society.stop();
    for (const agent of society.agents.values()) {
      const mood = agent.state.read(moodSlot);
      expect(mood.because).toMatch(/items so far/);
      expect(agent.bottleneck().fields.mood).toEqual(mood);
    }
    expect(society.stats().mood?.runs).toBeGreaterThanOrEqual(3 * 59);
    expect(society.stats().mood?.errors).toBe(0);
  });

  it('state in → writes out: progress raises the mood, failures lower it', async () => {
    const alongside = (await import('@sid/modules')).PIANO_MODULES;
    const run = (items: number, failures: number) =>
      runModuleOnce(moodModule.with({ sensitivity: 1 }), {
        alongside: [alongside.perception, alongside.skillExecution],
        initial: {
          progress: { firstObtainedAt: Object.fromEntries(Array.from({ length: items }, (_, i) => [`item${i}`, i])) },
          skillExecution: {
            ...(alongside.skillExecution.slots[0]?.initial() as object),
            history: Array.from({ length: 5 }, (_, i) => ({
              skill: 's',
              target: null,
              ok: i >= failures,
              reason: null,
              decisionSeq: i,
              at: i,
            })),
          },
        },
      });
    const good = (await run(8, 0)).agent.state.read(moodSlot).value;
    const bad = (await run(1, 5)).agent.state.read(moodSlot).value;
    expect(good).toBeGreaterThan(0);
    expect(bad).toBeLessThan(0);
  });
});
