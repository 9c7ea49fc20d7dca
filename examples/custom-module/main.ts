/**
 * Adds the third-party mood module to PIANO agents in a few lines, and shows it to the controller.
 *   npx tsx --conditions=@sid/source examples/custom-module/main.ts
 */
import { createSociety } from '@sid/core';
import { createHeadlessWorld } from '@sid/headless';
import { createOfflineModel, pianoAgent, pianoBottleneck } from '@sid/modules';
import { moodModule, moodSlot } from './mood-module.js';

export function buildMoodSociety(seed = 1) {
  return createSociety({
    seed,
    environment: createHeadlessWorld({ spawn: { points: [{ x: 0, z: 0 }], radius: 8 } }),
    model: createOfflineModel({ seed }),
    agents: ['ada', 'bo', 'cy'].map((id) => ({
      ...pianoAgent({ id, extra: [moodModule.with({ sensitivity: 0.5 })] }),
      // The controller sees the mood too: the PIANO bottleneck plus one field.
      bottleneck: { ...pianoBottleneck, fields: [...pianoBottleneck.fields, { slot: 'mood', label: 'Mood' }] },
    })),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const society = buildMoodSociety();
  await society.runFor(10 * 60_000);
  await society.stop();
  console.log('Model: offline (deterministic rule-based model; no LLM was called)');
  for (const agent of society.agents.values()) {
    const mood = agent.state.read(moodSlot);
    console.log(`${agent.id}: mood ${mood.value} (${mood.because})`);
  }
}
