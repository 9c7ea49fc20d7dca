import { runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { actionAwarenessModule } from '../src/action-awareness/action-awareness-module.js';
import { skillExecutionSlot } from '../src/slots/skill-execution-slot.js';

const idle = skillExecutionSlot.initial();
const attempt = (ok: boolean, at: number) => ({
  skill: 'craftItem',
  target: 'stone_pickaxe',
  ok,
  reason: ok ? null : 'missing_items',
  decisionSeq: 1,
  at,
});

describe('action awareness', () => {
  it('flags hallucinated progress: a skill reported success but the item is not in the inventory', async () => {
    const { agent, events } = await runModuleOnce(actionAwarenessModule, {
      initial: {
        skillExecution: {
          ...idle,
          status: 'succeeded',
          skill: 'makeWoodenPickaxe',
          expectedItems: { wooden_pickaxe: 1 },
          finishedAt: 50,
        },
        gameState: {
          ...(await import('@sid/core')).gameStateSlot.initial(),
          inventory: [{ name: 'stick', count: 2 }],
          updatedAt: 60,
        },
      },
    });
    const awareness = agent.state.get('actionAwareness') as { hallucinations: string[]; assessment: string };
    expect(awareness.hallucinations).toEqual(['wooden_pickaxe']);
    expect(awareness.assessment).toMatch(/reported success but I have 0 wooden_pickaxe/);
    expect(events.some((e) => e.type === 'custom' && e.data.name === 'awareness.failure')).toBe(true);
  });

  it('does not flag a success when the inventory shows the item', async () => {
    const { agent } = await runModuleOnce(actionAwarenessModule, {
      initial: {
        skillExecution: {
          ...idle,
          status: 'succeeded',
          skill: 'makeWoodenPickaxe',
          target: 'wooden_pickaxe',
          expectedItems: { wooden_pickaxe: 1 },
          finishedAt: 50,
        },
        gameState: {
          ...(await import('@sid/core')).gameStateSlot.initial(),
          inventory: [{ name: 'wooden_pickaxe', count: 1 }],
          updatedAt: 60,
        },
      },
    });
    const awareness = agent.state.get('actionAwareness') as {
      hallucinations: string[];
      assessment: string;
      repeatedFailure: unknown;
    };
    expect(awareness.hallucinations).toEqual([]);
    expect(awareness.repeatedFailure).toBeNull();
    expect(awareness.assessment).toBe('makeWoodenPickaxe wooden_pickaxe: succeeded');
  });

  it('flags the same action failing three times in a row, and not twice', async () => {
    const twice = await runModuleOnce(actionAwarenessModule, {
      initial: {
        skillExecution: {
          ...idle,
          status: 'failed',
          history: [attempt(true, 1), attempt(false, 2), attempt(false, 3)],
        },
      },
    });
    expect((twice.agent.state.get('actionAwareness') as { repeatedFailure: unknown }).repeatedFailure).toBeNull();
    const thrice = await runModuleOnce(actionAwarenessModule, {
      initial: {
        skillExecution: {
          ...idle,
          status: 'failed',
          history: [attempt(false, 1), attempt(false, 2), attempt(false, 3)],
        },
      },
    });
    const awareness = thrice.agent.state.get('actionAwareness') as { repeatedFailure: unknown; assessment: string };
    expect(awareness.repeatedFailure).toEqual({
      skill: 'craftItem',
      target: 'stone_pickaxe',
      reason: 'missing_items',
      count: 3,
    });
    expect(awareness.assessment).toMatch(/failed 3 times in a row \(missing_items\): try something else/);
  });

  it('flags a goal marked done for an item the agent never had, not one it used up', async () => {
    const { agent } = await runModuleOnce(actionAwarenessModule, {
      initial: {
        goals: {
          current: null,
          items: [
            {
              id: 'g',
              text: 'obtain iron_ingot',
              kind: 'obtain:iron_ingot',
              parent: null,
              status: 'done',
              createdAt: 0,
            },
          ],
        },
      },
    });
    expect((agent.state.get('actionAwareness') as { hallucinations: string[] }).hallucinations).toEqual(['iron_ingot']);
    const usedUp = await runModuleOnce(actionAwarenessModule, {
      initial: {
        progress: { firstObtainedAt: { iron_ingot: 5 } },
        goals: {
          current: null,
          items: [
            {
              id: 'g',
              text: 'obtain iron_ingot',
              kind: 'obtain:iron_ingot',
              parent: null,
              status: 'done',
              createdAt: 0,
            },
          ],
        },
      },
    });
    expect((usedUp.agent.state.get('actionAwareness') as { hallucinations: string[] }).hallucinations).toEqual([]);
  });
});
