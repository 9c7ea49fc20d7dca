import { createSociety, defineController, TRIGGERS } from '@sid/core';
import { createHeadlessWorld } from '@sid/headless';
import { describe, expect, it } from 'vitest';
import { perceptionModule } from '../src/perception/perception-module.js';
import { skillExecutionModule } from '../src/skill-execution/skill-execution-module.js';
import { progressSlot } from '../src/slots/progress-slot.js';
import { skillExecutionSlot } from '../src/slots/skill-execution-slot.js';

/** A controller that wants one fixed thing, then (from 60 s on) another. */
const stubborn = (first: string, second: string) =>
  defineController({
    cadenceMs: 2_000,
    triggers: [],
    bottleneck: { fields: [{ slot: 'gameState', path: 'inventory' }] },
    decide: (_view, ctx) => ({ intent: 'work', action: 'obtain', target: ctx.now() < 60_000 ? first : second }),
  });

describe('perception and skill execution in the headless world', () => {
  it('perception copies what the body sees into state and records items first obtained', async () => {
    const society = createSociety({
      seed: 3,
      environment: createHeadlessWorld({ startingInventory: [{ name: 'oak_log', count: 2 }] }),
      agents: [{ id: 'ada', modules: [perceptionModule] }],
    });
    await society.runFor(2_000);
    const ada = society.agent('ada');
    const game = ada.state.get('gameState');
    expect(game.position).not.toBeNull();
    expect(game.inventory).toEqual([{ name: 'oak_log', count: 2 }]);
    expect(ada.state.get('environment').text.length).toBeGreaterThan(0);
    expect(Object.keys(ada.state.read(progressSlot).firstObtainedAt)).toEqual(['oak_log']);
    await society.stop();
  });

  it('skill execution runs the decided action, reports what it expected, and is interrupted by a change of mind', async () => {
    const society = createSociety({
      seed: 3,
      environment: createHeadlessWorld({}),
      agents: [
        { id: 'ada', modules: [perceptionModule, skillExecutionModule, stubborn('crafting_table', 'stone_pickaxe')] },
      ],
    });
    const finished: { skill: string; target: string; ok: boolean; interrupted: boolean }[] = [];
    society.events.subscribe((e) => {
      if (e.type === 'custom' && e.data.name === 'skill.finished')
        finished.push(e.data.data as (typeof finished)[number]);
    });
    await society.runFor(59_000);
    const done = society.agent('ada').state.read(skillExecutionSlot);
    expect(done).toMatchObject({
      status: 'succeeded',
      skill: 'obtainItem',
      target: 'crafting_table',
      expectedItems: { crafting_table: 1 },
    });
    expect(finished.some((f) => f.target === 'crafting_table' && f.ok)).toBe(true);
    await society.runFor(120_000);
    const later = society.agent('ada').state.read(skillExecutionSlot);
    expect(later.target).toBe('stone_pickaxe');
    expect(later.history.filter((h) => h.target === 'crafting_table' && h.ok).length).toBeGreaterThanOrEqual(1);
    const inventory = society
      .agent('ada')
      .state.get('gameState')
      .inventory.map((s) => s.name);
    expect(inventory).toContain('stone_pickaxe');
    await society.stop();
  });

  it('an action naming no skill fails with unknown_skill instead of throwing', async () => {
    const society = createSociety({
      seed: 3,
      environment: createHeadlessWorld({}),
      agents: [
        {
          id: 'ada',
          modules: [
            skillExecutionModule,
            defineController({
              cadenceMs: 2_000,
              triggers: [TRIGGERS.chatReceived],
              decide: () => ({ intent: 'dance', action: 'breakdance', target: null }),
            }),
          ],
        },
      ],
    });
    await society.runFor(5_000);
    expect(society.agent('ada').state.read(skillExecutionSlot)).toMatchObject({
      status: 'failed',
      lastReason: 'unknown_skill',
    });
    expect(society.stats().skillExecution?.errors).toBe(0);
    await society.stop();
  });
});
