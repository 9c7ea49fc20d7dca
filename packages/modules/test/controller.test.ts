import { AgentState, builtinSlots, renderBottleneck, runModuleOnce, type SlotDefinition } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { actionAwarenessModule } from '../src/action-awareness/action-awareness-module.js';
import { controllerModule } from '../src/controller/controller-module.js';
import { pianoBottleneck } from '../src/controller/piano-bottleneck.js';
import { createOfflineModel } from '../src/offline/offline-model.js';
import { planningModule } from '../src/planning/planning-module.js';
import { actionAwarenessSlot } from '../src/slots/action-awareness-slot.js';
import { conversationSlot } from '../src/slots/conversation-slot.js';
import { talkingModule } from '../src/talking/talking-module.js';

const model = createOfflineModel();
const goal = {
  current: 'g1',
  items: [
    {
      id: 'g1',
      text: 'obtain stone_pickaxe',
      kind: 'obtain:stone_pickaxe',
      parent: null,
      status: 'active' as const,
      createdAt: 0,
    },
  ],
};
const plan = {
  goalId: 'g1',
  madeAt: 0,
  reason: '',
  steps: [
    { action: 'obtain', target: 'oak_log', count: 2, why: 'collect 2 oak_log' },
    { action: 'obtain', target: 'wooden_pickaxe', count: 1, why: 'craft 1 wooden_pickaxe' },
  ],
};
const withAwareness = [actionAwarenessModule, planningModule, talkingModule];

describe('controller with the offline model', () => {
  it('pursues the first plan step the inventory does not satisfy yet', async () => {
    const { agent, error } = await runModuleOnce(controllerModule, {
      model,
      alongside: withAwareness,
      initial: {
        goals: goal,
        plan,
        gameState: {
          ...(await import('@sid/core')).gameStateSlot.initial(),
          inventory: [{ name: 'oak_log', count: 2 }],
        },
      },
    });
    expect(error).toBeUndefined();
    expect(agent.decision()).toMatchObject({ action: 'obtain', target: 'wooden_pickaxe', say: null });
  });

  it('changes course when action awareness reports a repeated failure', async () => {
    const { agent } = await runModuleOnce(controllerModule, {
      model,
      alongside: withAwareness,
      initial: {
        goals: goal,
        plan,
        actionAwareness: {
          ...actionAwarenessSlot.initial(),
          assessment: 'collect oak_log failed 3 times',
          repeatedFailure: { skill: 'collect', target: 'oak_log', reason: 'not_found', count: 3 },
        },
      },
    });
    expect(agent.decision()).toMatchObject({ action: 'explore', target: null });
    expect(agent.decision()?.intent).toMatch(/keeps failing/);
  });

  it('cannot notice the failure when action awareness is ablated (not in its bottleneck)', async () => {
    const { agent } = await runModuleOnce(controllerModule, {
      model,
      alongside: [planningModule, talkingModule],
      initial: { goals: goal, plan },
    });
    expect(agent.decision()).toMatchObject({ action: 'obtain', target: 'oak_log' });
  });

  it('answers a line heard since its last decision, in character, unless the conversation is over', async () => {
    const heardChat = [
      { from: 'bo', text: 'hi ada, what are you doing?', mode: 'say' as const, at: 9_000, distance: 5 },
    ];
    const friendly = await runModuleOnce(controllerModule, {
      agentId: 'ada',
      model,
      alongside: withAwareness,
      initial: {
        goals: goal,
        heardChat,
        traits: {
          bigFive: { openness: 0.5, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.9, neuroticism: 0.2 },
          persona: '',
          role: null,
        },
      },
    });
    expect(friendly.agent.decision()?.say).toMatch(/bo/i);
    expect(friendly.agent.decision()?.say).toMatch(/stone_pickaxe|Thanks|Glad|Hi/);
    const over = await runModuleOnce(controllerModule, {
      agentId: 'ada',
      model,
      alongside: withAwareness,
      initial: {
        goals: goal,
        heardChat,
        conversation: { ...conversationSlot.initial(), cooldownUntil: { bo: 99_000 } },
      },
    });
    expect(over.agent.decision()?.say).toBeNull();
  });

  it('sees the agent only through the PIANO bottleneck, which omits slots the agent lacks', () => {
    const state = new AgentState('a', builtinSlots as readonly SlotDefinition[]);
    const view = renderBottleneck(state, pianoBottleneck);
    expect(Object.keys(view.fields)).not.toContain('actionAwareness');
    expect(Object.keys(view.fields)).toContain('goals');
  });
});
