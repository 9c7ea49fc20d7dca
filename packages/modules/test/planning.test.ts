import { gameStateSlot, runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../src/offline/offline-model.js';
import { planningModule } from '../src/planning/planning-module.js';
import { planSlot } from '../src/slots/plan-slot.js';

const goal = (item: string) => ({
  current: 'g',
  items: [
    { id: 'g', text: `obtain ${item}`, kind: `obtain:${item}`, parent: null, status: 'active' as const, createdAt: 0 },
  ],
});

describe('planning', () => {
  it('plans the tech-tree route to the current item goal, with counts', async () => {
    const { agent } = await runModuleOnce(planningModule, {
      model: createOfflineModel(),
      initial: { goals: goal('iron_pickaxe') },
    });
    const plan = agent.state.read(planSlot);
    const targets = plan.steps.map((s) => s.target);
    expect(plan.goalId).toBe('g');
    for (const [before, after] of [
      ['crafting_table', 'wooden_pickaxe'],
      ['wooden_pickaxe', 'stone_pickaxe'],
      ['furnace', 'iron_ingot'],
      ['iron_ingot', 'iron_pickaxe'],
    ] as const) {
      expect(targets.indexOf(before)).toBeLessThan(targets.indexOf(after));
    }
    expect(plan.steps.find((s) => s.target === 'iron_ingot')?.count).toBe(3);
  });

  it('starts from what the inventory already holds', async () => {
    const { agent } = await runModuleOnce(planningModule, {
      model: createOfflineModel(),
      initial: {
        goals: goal('stone_pickaxe'),
        gameState: {
          ...gameStateSlot.initial(),
          inventory: [
            { name: 'wooden_pickaxe', count: 1 },
            { name: 'stick', count: 4 },
          ],
        },
      },
    });
    const targets = agent.state.read(planSlot).steps.map((s) => s.target);
    expect(targets).not.toContain('wooden_pickaxe');
    expect(targets).toContain('cobblestone');
  });

  it('says why when the goal cannot be planned, and explores', async () => {
    const { agent } = await runModuleOnce(planningModule, {
      model: createOfflineModel(),
      initial: { goals: goal('diamond_pikaxe') },
    });
    const plan = agent.state.read(planSlot);
    expect(plan.steps).toEqual([expect.objectContaining({ action: 'explore', target: null })]);
    expect(plan.steps[0]?.why).toMatch(/diamond_pikaxe/);
  });

  it('records a revision when action awareness reports a failure', async () => {
    const { agent } = await runModuleOnce(planningModule, {
      model: createOfflineModel(),
      trigger: 'awareness.failure',
      initial: { goals: goal('stick') },
    });
    expect(agent.state.read(planSlot).reason).toMatch(/^revised after/);
  });
});
