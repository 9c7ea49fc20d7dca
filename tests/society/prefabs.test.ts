import { createSociety } from '@sid/core';
import { createHeadlessWorld } from '@sid/headless';
import {
  baselineAgent,
  createOfflineModel,
  pianoAgent,
  withoutActionAwareness,
  withoutSocialAwareness,
} from '@sid/modules';
import { describe, expect, it } from 'vitest';

const names = (member: ReturnType<typeof pianoAgent>) =>
  ('modules' in member ? member.modules : []).map((m) => ('definition' in m ? m.definition.name : m.name));

describe('prefabs', () => {
  it('compose the paper comparisons as one-line variants', () => {
    expect(names(pianoAgent({ id: 'a' }))).toEqual([
      'perception',
      'memory',
      'actionAwareness',
      'goals',
      'social',
      'talking',
      'skillExecution',
      'controller',
      'planning',
      'reflection',
    ]);
    expect(names(baselineAgent({ id: 'a' }))).toEqual(['perception', 'memory', 'skillExecution', 'controller']);
    expect(names(withoutActionAwareness({ id: 'a' }))).not.toContain('actionAwareness');
    expect(names(withoutSocialAwareness({ id: 'a' }))).not.toContain('social');
  });

  it('gives ablated agents no trace of the removed module, not even its slot', async () => {
    const society = createSociety({ agents: [withoutActionAwareness({ id: 'a' })] });
    expect(society.agent('a').state.has('actionAwareness')).toBe(false);
    expect(Object.keys(society.agent('a').bottleneck().fields)).not.toContain('actionAwareness');
  });

  it('draws missing Big Five traits from the agent id, the same every time', () => {
    const a = pianoAgent({ id: 'ada', bigFive: { agreeableness: 0.9 } });
    const b = pianoAgent({ id: 'ada', bigFive: { agreeableness: 0.9 } });
    expect(a).toEqual(b);
    expect(('initial' in a ? a.initial : {})?.traits?.bigFive.agreeableness).toBe(0.9);
  });

  it('lets the baseline (skill execution + memory + controller) progress with the offline model', async () => {
    const society = createSociety({
      seed: 2,
      environment: createHeadlessWorld({}),
      model: createOfflineModel({ seed: 2 }),
      agents: [baselineAgent({ id: 'base' })],
    });
    await society.runFor(10 * 60_000);
    await society.stop();
    const obtained = Object.keys(
      (society.agent('base').state.get('progress') as { firstObtainedAt: object }).firstObtainedAt,
    );
    expect(obtained).toEqual(expect.arrayContaining(['oak_log', 'oak_planks', 'crafting_table']));
  });
});
