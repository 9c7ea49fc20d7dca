import { createScriptedModel, createSociety, runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../src/offline/offline-model.js';
import { socialAwarenessModule } from '../src/social/social-awareness-module.js';

const heard = (from: string, text: string, at: number) => ({ from, text, mode: 'say' as const, at, distance: 6 });

describe('social awareness', () => {
  it('likes agents who speak kindly more than agents who are curt (offline model)', async () => {
    const { agent, error } = await runModuleOnce(socialAwarenessModule, {
      agentId: 'ada',
      model: createOfflineModel(),
      initial: {
        heardChat: [
          heard('bo', 'Thanks Ada, glad you are here. Want to share some wood?', 10),
          heard('cy', 'Go away, I am busy. Stop it.', 20),
        ],
      },
    });
    expect(error).toBeUndefined();
    const others = agent.state.get('social').others;
    expect(others.bo?.likeability).toBeGreaterThan(5);
    expect(others.cy?.likeability).toBeLessThan(5);
    expect(others.bo?.summary).toContain('glad you are here');
    expect(others.bo?.interactions).toBe(1);
  });

  it('is not engaged when nobody is near and nobody spoke, and is once someone has', async () => {
    const run = async (initial: Record<string, unknown>) => {
      const society = createSociety({
        model: createOfflineModel(),
        agents: [{ id: 'ada', modules: [socialAwarenessModule], initial }],
      });
      await society.runFor(20_000);
      await society.stop();
      return society.stats().social;
    };
    const alone = await run({});
    expect(alone?.runs).toBe(0);
    expect(alone?.idle).toBeGreaterThanOrEqual(3);
    const spokenTo = await run({ heardChat: [heard('bo', 'hello ada', 5)] });
    expect(spokenTo?.runs).toBeGreaterThanOrEqual(1);
  });

  it('ignores model output about agents it never met', async () => {
    const model = createScriptedModel(() => ({
      updates: [
        { agent: 'bo', summary: 'kind', sentiment: 0.5, likeability: 8 },
        { agent: 'mallory', summary: 'invented', sentiment: -1, likeability: 0 },
        { agent: 'ada', summary: 'myself', sentiment: 1, likeability: 10 },
      ],
      selfImage: 'liked',
    }));
    const { agent } = await runModuleOnce(socialAwarenessModule, {
      agentId: 'ada',
      model,
      initial: { heardChat: [heard('bo', 'hello', 5)] },
    });
    expect(Object.keys(agent.state.get('social').others)).toEqual(['bo']);
  });

  it('retries malformed output once with the validation error, then counts it and changes nothing', async () => {
    const prompts: string[] = [];
    let calls = 0;
    const flaky = createScriptedModel((call) => {
      prompts.push(call.request.messages.map((m) => m.content).join('\n'));
      calls++;
      return calls === 1
        ? { updates: [{ agent: 'bo', likeability: 42 }] }
        : { updates: [{ agent: 'bo', summary: 'ok', sentiment: 0, likeability: 6 }], selfImage: '' };
    });
    const repaired = await runModuleOnce(socialAwarenessModule, {
      agentId: 'ada',
      model: flaky,
      initial: { heardChat: [heard('bo', 'hi', 5)] },
    });
    expect(calls).toBe(2);
    expect(prompts[1]).toMatch(/previous answer was invalid/);
    expect(repaired.agent.state.get('social').others.bo?.likeability).toBe(6);

    const broken = createScriptedModel(() => 'not even json');
    const failed = await runModuleOnce(socialAwarenessModule, {
      agentId: 'ada',
      model: broken,
      initial: { heardChat: [heard('bo', 'hi', 5)] },
    });
    expect(failed.error).toBeUndefined();
    expect(failed.agent.state.get('social').others).toEqual({});
    expect(failed.events.filter((e) => e.type === 'custom' && e.data.name === 'model.invalid_output')).toHaveLength(1);
  });
});
