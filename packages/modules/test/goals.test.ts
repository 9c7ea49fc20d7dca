import { runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { goalGenerationModule } from '../src/goals/goal-generation-module.js';
import { createOfflineModel } from '../src/offline/offline-model.js';

const model = createOfflineModel();

describe('goal generation', () => {
  it('proposes the next unobtained tech-tree milestone under a standing progress goal', async () => {
    const { agent } = await runModuleOnce(goalGenerationModule, {
      model,
      initial: { progress: { firstObtainedAt: { oak_log: 1, oak_planks: 2, stick: 3 } } },
    });
    const goals = agent.state.get('goals');
    const current = goals.items.find((g) => g.id === goals.current);
    expect(current?.kind).toBe('obtain:crafting_table');
    const parent = goals.items.find((g) => g.id === current?.parent);
    expect(parent?.kind).toBe('progress');
  });

  it('closes item goals by observation, not by the model, and moves on', async () => {
    const first = await runModuleOnce(goalGenerationModule, { model });
    const goals = first.agent.state.get('goals');
    expect(goals.items.find((g) => g.id === goals.current)?.kind).toBe('obtain:oak_log');
    const second = await runModuleOnce(goalGenerationModule, {
      model,
      at: 20_000,
      initial: { goals, progress: { firstObtainedAt: { oak_log: 15_000 } } },
    });
    const after = second.agent.state.get('goals');
    expect(after.items.find((g) => g.kind === 'obtain:oak_log')?.status).toBe('done');
    expect(after.items.find((g) => g.id === after.current)?.kind).toBe('obtain:oak_planks');
    // The standing progress goal is reused, not duplicated.
    expect(after.items.filter((g) => g.kind === 'progress')).toHaveLength(1);
  });

  it('gives an outgoing agent with company a social goal sometimes, and is deterministic', async () => {
    const run = (at: number) =>
      runModuleOnce(goalGenerationModule, {
        model,
        at,
        initial: {
          traits: {
            bigFive: { openness: 0.5, conscientiousness: 0.5, extraversion: 1, agreeableness: 0.5, neuroticism: 0.5 },
            persona: '',
            role: null,
          },
          environment: { text: '', nearbyBlocks: [], nearbyAgents: [{ id: 'bo', distance: 4 }], updatedAt: at },
        },
      });
    const kinds: string[] = [];
    for (let t = 1; t <= 10; t++)
      kinds.push(...(await run(t * 1000)).agent.state.get('goals').items.map((g) => g.kind));
    expect(kinds).toContain('social:bo');
    const again: string[] = [];
    for (let t = 1; t <= 10; t++)
      again.push(...(await run(t * 1000)).agent.state.get('goals').items.map((g) => g.kind));
    expect(again).toEqual(kinds);
  });
});
