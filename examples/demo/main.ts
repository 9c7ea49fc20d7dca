/**
 * A small core-only society: 5 agents, three tiny modules, 10 simulated minutes on the virtual clock.
 * No world, no model, no key: it shows the runtime (state, scheduler, controller broadcast, events).
 */
import { createSociety, defineController, defineModule, TRIGGERS } from '@sid/core';

const TOPICS = ['trees', 'stone', 'the river', 'iron', 'neighbours', 'the weather'];

/** Every 3 s: picks something to think about (seeded, so every run is the same). */
const curiosity = defineModule({
  name: 'curiosity',
  writes: ['workingMemory'],
  cadenceMs: 3_000,
  run(ctx) {
    ctx.write('workingMemory', { focus: ctx.rng.pick(TOPICS), items: [] });
  },
});

/** The cognitive controller: sees only its bottleneck (the focus) and decides. */
const controller = defineController({
  cadenceMs: 2_000,
  decide: (view) => {
    const focus = String(view.fields['workingMemory.focus'] ?? '');
    return focus ? { intent: `look into ${focus}`, say: `I'm curious about ${focus}.` } : null;
  },
});

/** Runs on every broadcast: keeps a diary of decisions in short-term memory. */
const diary = defineModule({
  name: 'diary',
  writes: ['shortTermMemory'],
  triggers: [TRIGGERS.decisionBroadcast],
  run(ctx) {
    const decision = ctx.decision();
    if (!decision) return;
    ctx.update('shortTermMemory', (m) =>
      [...m, { at: ctx.now(), kind: 'decision', text: decision.intent, importance: 1 }].slice(-20),
    );
  },
});

const society = createSociety({
  seed: 2024,
  agents: ['ada', 'bo', 'cy', 'di', 'ed'].map((id) => ({
    id,
    modules: [curiosity, controller, diary],
    bottleneck: { fields: [{ slot: 'workingMemory', path: 'focus' }] },
  })),
});

const started = performance.now();
await society.runFor(10 * 60_000);
await society.stop('demo finished');

console.log(
  `Demo society: ${society.agents.size} agents, 10 simulated minutes in ${Math.round(performance.now() - started)} ms (virtual clock, seed ${society.seed})`,
);
for (const agent of society.agents.values()) {
  const memory = agent.state.get('shortTermMemory');
  console.log(
    `  ${agent.id.padEnd(4)} ${agent.state.get('decisionHistory').length} decisions in history; last: "${memory.at(-1)?.text ?? '-'}"`,
  );
}
for (const [name, stats] of Object.entries(society.stats())) {
  console.log(
    `  module ${name.padEnd(10)} runs ${String(stats.runs).padStart(5)}  skipped ${stats.skipped}  errors ${stats.errors}`,
  );
}
const decisions = await society.events.read({ types: ['decision'] });
console.log(`  ${decisions.length} decisions broadcast; event log holds ${society.events.lastSeq} events`);
