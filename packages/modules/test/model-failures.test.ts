import { createScriptedModel, type ModuleLike, runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { controllerModule } from '../src/controller/controller-module.js';
import { goalGenerationModule } from '../src/goals/goal-generation-module.js';
import { planningModule } from '../src/planning/planning-module.js';
import { selfReflectionModule } from '../src/reflection/self-reflection-module.js';
import { socialAwarenessModule } from '../src/social/social-awareness-module.js';

const goal = {
  current: 'g',
  items: [
    { id: 'g', text: 'obtain stick', kind: 'obtain:stick', parent: null, status: 'active' as const, createdAt: 0 },
  ],
};
const heardChat = [{ from: 'bo', text: 'hi', mode: 'say' as const, at: 5, distance: 4 }];

// Every module that asks a model: what it needs in state for the call to happen, and the slot it writes.
const cases: [string, ModuleLike, Record<string, unknown>, string][] = [
  ['goals', goalGenerationModule, {}, 'goals'],
  ['social', socialAwarenessModule, { heardChat }, 'social'],
  ['controller', controllerModule, { goals: goal }, 'decision'],
  ['planning', planningModule, { goals: goal }, 'plan'],
  ['reflection', selfReflectionModule, {}, 'memoryMeta'],
];

describe('malformed model output, in every model-calling module', () => {
  it.each(cases)(
    '%s: rejected, retried once with the error, then counted and skipped without crashing',
    async (_name, module, initial, slot) => {
      const prompts: string[] = [];
      const model = createScriptedModel((call) => {
        prompts.push(call.request.messages.map((m) => m.content).join('\n'));
        return { nonsense: true };
      });
      const { agent, error, events } = await runModuleOnce(module, { model, initial, agentId: 'ada' });
      expect(error).toBeUndefined();
      expect(prompts).toHaveLength(2);
      expect(prompts[1]).toMatch(/previous answer was invalid/);
      expect(events.filter((e) => e.type === 'custom' && e.data.name === 'model.invalid_output')).toHaveLength(1);
      // Nothing the model said was written (goals may still close goals by observation).
      if (slot === 'decision') expect(agent.decision()).toBeNull();
      if (slot === 'social') expect(agent.state.get('social').others).toEqual({});
      if (slot === 'plan') expect((agent.state.get('plan') as { steps: unknown[] }).steps).toEqual([]);
      if (slot === 'memoryMeta')
        expect((agent.state.get('memoryMeta') as { insights: unknown[] }).insights).toEqual([]);
      if (slot === 'goals') expect(agent.state.get('goals').items).toEqual([]);
    },
  );
});
