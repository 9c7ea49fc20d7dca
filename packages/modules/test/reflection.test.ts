import { MemoryVectorIndex, runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../src/offline/offline-model.js';
import { selfReflectionModule } from '../src/reflection/self-reflection-module.js';
import { memoryMetaSlot } from '../src/slots/memory-meta-slot.js';
import { skillExecutionSlot } from '../src/slots/skill-execution-slot.js';

const failed = (at: number) => ({
  skill: 'collect',
  target: 'oak_log',
  ok: false,
  reason: 'not_found',
  decisionSeq: at,
  at,
});

describe('self-reflection', () => {
  it('writes insights into long-term memory, once each however often it reflects', async () => {
    const index = new MemoryVectorIndex();
    const initial = {
      progress: { firstObtainedAt: { oak_log: 1, stick: 2 } },
      skillExecution: { ...skillExecutionSlot.initial(), history: [failed(1), failed(2), failed(3)] },
      social: {
        others: { bo: { summary: '', sentiment: 0.6, likeability: 8, lastSeenAt: 1, interactions: 3 } },
        selfImage: '',
      },
    };
    const first = await runModuleOnce(selfReflectionModule, {
      agentId: 'ada',
      model: createOfflineModel(),
      vectorIndex: index,
      initial,
    });
    const insights = first.agent.state.read(memoryMetaSlot).insights;
    expect(insights).toEqual([
      'I have obtained 2 kinds of items, most recently oak_log, stick.',
      'collect oak_log failed 3 times (not_found); I should prepare better first.',
      'I get along well with bo.',
    ]);
    expect(await index.count('ltm/ada')).toBe(3);
    await runModuleOnce(selfReflectionModule, {
      agentId: 'ada',
      model: createOfflineModel(),
      vectorIndex: index,
      initial,
      at: 50_000,
    });
    expect(await index.count('ltm/ada')).toBe(3);
  });
});
