import { MemoryVectorIndex, runModuleOnce } from '@sid/core';
import { describe, expect, it } from 'vitest';
import { memoryModule } from '../src/memory/memory-module.js';
import { createOfflineModel } from '../src/offline/offline-model.js';

const model = createOfflineModel();

describe('memory module', () => {
  it('takes new chat and decisions into short-term memory once', async () => {
    const index = new MemoryVectorIndex();
    const initial = {
      heardChat: [{ from: 'bo', text: 'the river has sand', mode: 'say' as const, at: 100, distance: 5 }],
      decisionHistory: [
        {
          intent: 'get oak_log',
          say: null,
          sayTo: null,
          action: 'obtain',
          target: 'oak_log',
          rationale: '',
          at: 200,
          seq: 0,
        },
      ],
    };
    const first = await runModuleOnce(memoryModule, { initial, model, vectorIndex: index });
    expect(first.error).toBeUndefined();
    const stm = first.agent.state.get('shortTermMemory');
    expect(stm.map((m) => m.text)).toEqual(['bo said: the river has sand', 'I decided: get oak_log']);
    const second = await runModuleOnce(memoryModule, {
      initial: { ...initial, shortTermMemory: stm, memoryMeta: first.agent.state.get('memoryMeta') },
      model,
      vectorIndex: index,
    });
    expect(second.agent.state.get('shortTermMemory')).toHaveLength(2);
  });

  it('consolidates overflow: important memories go to long-term memory, the rest are dropped', async () => {
    const index = new MemoryVectorIndex();
    const shortTermMemory = Array.from({ length: 6 }, (_, i) => ({
      at: i,
      kind: 'obs',
      text: `memory ${i}`,
      importance: i % 2 === 0 ? 8 : 1,
    }));
    const { agent, error } = await runModuleOnce(memoryModule.with({ shortTermCapacity: 2 }), {
      agentId: 'ada',
      initial: { shortTermMemory },
      model,
      vectorIndex: index,
    });
    expect(error).toBeUndefined();
    expect(agent.state.get('shortTermMemory').map((m) => m.text)).toEqual(['memory 4', 'memory 5']);
    expect(await index.count('ltm/ada')).toBe(2);
    expect(agent.state.get('longTermMemory')).toMatchObject({ namespace: 'ltm/ada', entries: 2 });
  });

  it('recalls the most relevant long-term memories for the current goal into working memory', async () => {
    const index = new MemoryVectorIndex();
    const texts = [
      'iron ore is found deep underground near caves',
      'bo likes fishing at the lake',
      'oak trees grow by the river',
    ];
    const { embeddings } = await model.embed({ texts });
    await index.upsert(
      'ltm/ada',
      texts.map((text, i) => ({
        id: String(i),
        vector: embeddings[i] ?? [],
        metadata: { at: 0, kind: 'obs', text, importance: 5 },
      })),
    );
    const { agent } = await runModuleOnce(memoryModule.with({ recall: 1 }), {
      agentId: 'ada',
      model,
      vectorIndex: index,
      initial: {
        goals: {
          current: 'g1',
          items: [
            {
              id: 'g1',
              text: 'find iron ore underground',
              parent: null,
              status: 'active',
              kind: 'obtain:raw_iron',
              createdAt: 0,
            },
          ],
        },
      },
    });
    expect(agent.state.get('workingMemory')).toEqual({ focus: 'find iron ore underground', items: [texts[0]] });
  });
});
