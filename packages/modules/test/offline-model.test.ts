import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decisionOutputSchema } from '../src/controller/controller-module.js';
import { createOfflineModel } from '../src/offline/offline-model.js';

describe('offline model', () => {
  it('answers the same context the same way, and labels itself offline', async () => {
    const model = createOfflineModel({ seed: 3 });
    const ask = () =>
      model.generateObject({
        schemaName: 'decision',
        schema: decisionOutputSchema,
        messages: [{ role: 'user', content: 'decide' }],
        context: {
          agentId: 'a',
          now: 10,
          view: {
            goals: { current: 'g', items: [{ id: 'g', kind: 'obtain:stick', text: 'obtain stick', status: 'active' }] },
          },
        },
      });
    const a = await ask();
    const b = await ask();
    expect(a).toEqual(b);
    expect(a.object).toMatchObject({ action: 'obtain', target: 'stick' });
    expect(model.offline).toBe(true);
    expect(a.model).toBe('offline');
    expect(a.usage.inputTokens).toBeGreaterThan(0);
  });

  it('refuses a schema it has no rules for, naming the ones it knows', async () => {
    const model = createOfflineModel();
    await expect(
      model.generateObject({
        schemaName: 'poem',
        schema: z.object({ text: z.string() }),
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toThrow(/no answer for "poem" \(it knows: decision, goals, plan, reflection, social, utterance\)/);
  });

  it('never throws on odd context: missing or wrongly typed fields get defaults', async () => {
    const model = createOfflineModel();
    const result = await model.generateObject({
      schemaName: 'decision',
      schema: decisionOutputSchema,
      messages: [{ role: 'user', content: 'x' }],
      context: { view: { goals: 7, heardChat: 'nope', 'plan.steps': [null, 3] } },
    });
    // No usable goal or plan: the default ladder's first item.
    expect(result.object).toMatchObject({ action: 'obtain', target: 'oak_log' });
  });

  it('can be extended with answerers for third-party schemas', async () => {
    const model = createOfflineModel({ answerers: { weather: (context) => ({ raining: context.month === 'april' }) } });
    const result = await model.generateObject({
      schemaName: 'weather',
      schema: z.object({ raining: z.boolean() }),
      messages: [{ role: 'user', content: 'x' }],
      context: { month: 'april' },
    });
    expect(result.object.raining).toBe(true);
  });
});
