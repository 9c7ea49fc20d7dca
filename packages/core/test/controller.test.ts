import { describe, expect, it } from 'vitest';
import {
  AgentState,
  builtinSlots,
  createSociety,
  defineController,
  defineModule,
  renderBottleneck,
  type SlotDefinition,
  TRIGGERS,
} from '../src/index.js';

describe('bottleneck', () => {
  it('rejects a misspelt field option with its path', () => {
    const state = new AgentState('a', builtinSlots as readonly SlotDefinition[]);
    expect(() => renderBottleneck(state, { fields: [{ slot: 'goals', maxitems: 3 } as never] })).toThrow(
      /bottleneck\.fields\.0/,
    );
  });

  it('keeps who spoke when it shows chat lines', () => {
    const state = new AgentState('a', builtinSlots as readonly SlotDefinition[]);
    state.write('heardChat', [{ from: 'bo', text: 'hello', mode: 'say', at: 1, distance: 3 }]);
    expect(renderBottleneck(state, { fields: [{ slot: 'heardChat' }] }).text).toContain('- bo: hello');
  });

  it('shows only the configured slots, in order, with item and character limits', () => {
    const state = new AgentState('a', builtinSlots as readonly SlotDefinition[]);
    state.write(
      'shortTermMemory',
      Array.from({ length: 10 }, (_, i) => ({ at: i, kind: 'obs', text: `event ${i}`, importance: 1 })),
    );
    state.write('workingMemory', { focus: 'x'.repeat(500), items: [] });
    state.write('traits', { ...state.get('traits'), persona: 'a careful miner' });
    const view = renderBottleneck(state, {
      fields: [
        { slot: 'traits', path: 'persona', label: 'Persona' },
        { slot: 'shortTermMemory', maxItems: 3, label: 'Recent' },
        { slot: 'workingMemory', maxChars: 50, label: 'Focus' },
      ],
    });
    expect(Object.keys(view.fields)).toEqual(['traits.persona', 'shortTermMemory', 'workingMemory']);
    expect(view.fields.shortTermMemory).toHaveLength(3);
    expect(view.text).toContain('event 9');
    expect(view.text).not.toContain('event 6');
    expect(view.text.indexOf('Persona')).toBeLessThan(view.text.indexOf('Recent'));
    const focus = view.text.slice(view.text.indexOf('Focus:\n') + 7);
    expect(focus.length).toBeLessThanOrEqual(50);
    expect(focus.endsWith('…')).toBe(true);
    expect(view.text).not.toContain('gameState');
  });
});

describe('decision broadcast', () => {
  it('runs subscribed modules at once, before their next cadence, and they read the decision', async () => {
    const seen: { at: number; intent: string | undefined; decidedAt: number | undefined }[] = [];
    const controller = defineController({
      cadenceMs: 2000,
      decide: (_view, ctx) => ({ intent: `go at ${ctx.now()}`, action: 'explore' }),
    });
    const executor = defineModule({
      name: 'executor',
      cadenceMs: 60_000,
      triggers: [TRIGGERS.decisionBroadcast],
      run(ctx) {
        const d = ctx.decision();
        seen.push({ at: ctx.now(), intent: d?.intent, decidedAt: d?.at });
      },
    });
    const society = createSociety({ seed: 2, agents: [{ id: 'a', modules: [controller, executor] }] });
    await society.runFor(10_000);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const s of seen) {
      expect(s.at).toBe(s.decidedAt);
      expect(s.intent).toBe(`go at ${s.at}`);
    }
    const history = society.agent('a').state.get('decisionHistory');
    expect(history.map((d) => d.seq)).toEqual(history.map((_, i) => i));
    await society.stop();
  });

  it('keeps a bounded decision history', async () => {
    const controller = defineController({ cadenceMs: 100, decide: () => ({ intent: 'wait' }) });
    const society = createSociety({ agents: [{ id: 'a', modules: [controller], decisionHistory: 5 }] });
    await society.runFor(5_000);
    const history = society.agent('a').state.get('decisionHistory');
    expect(history).toHaveLength(5);
    expect(history[4]?.seq).toBe(society.agent('a').decision()?.seq as number);
    await society.stop();
  });

  it('rejects an invalid decision without changing the current one', async () => {
    let n = 0;
    const controller = defineController({
      cadenceMs: 1000,
      decide: () => (n++ === 0 ? { intent: 'first' } : { intent: '' }),
    });
    const society = createSociety({ agents: [{ id: 'a', modules: [controller] }] });
    await society.runFor(3_000);
    expect(society.agent('a').decision()?.intent).toBe('first');
    expect(society.stats().controller?.errors).toBeGreaterThanOrEqual(1);
    await society.stop();
  });

  it('refuses direct writes to the decision slots, even when declared', async () => {
    const errors: string[] = [];
    const forger = defineModule({
      name: 'forger',
      cadenceMs: 100,
      writes: ['decision'],
      run(ctx) {
        ctx.write('decision', {
          intent: 'forged',
          say: null,
          sayTo: null,
          action: null,
          target: null,
          rationale: '',
          at: 0,
          seq: 99,
        });
      },
    });
    const society = createSociety({ agents: [{ id: 'a', modules: [forger] }] });
    society.events.subscribe((e) => {
      if (e.type === 'module.run' && e.data.error) errors.push(e.data.error);
    });
    await society.runFor(150);
    expect(errors[0]).toMatch(/decisions go through ctx.decide\(\)/);
    expect(society.agent('a').decision()).toBeNull();
    await society.stop();
  });

  it('lets only controllers decide or see the bottleneck', async () => {
    const errors: string[] = [];
    const impostor = defineModule({
      name: 'impostor',
      cadenceMs: 100,
      run(ctx) {
        ctx.decide({ intent: 'take over' });
      },
    });
    const society = createSociety({ agents: [{ id: 'a', modules: [impostor] }] });
    society.events.subscribe((e) => {
      if (e.type === 'module.run' && e.data.error) errors.push(e.data.error);
    });
    await society.runFor(150);
    expect(errors[0]).toMatch(/not a controller/);
    expect(society.agent('a').decision()).toBeNull();
    await society.stop();
  });
});
