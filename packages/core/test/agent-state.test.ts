import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentState, builtinSlots, defineSlot, type SlotDefinition, StateValidationError } from '../src/index.js';

const scoreSlot = defineSlot({
  name: 'score',
  schema: z.object({ points: z.number().int().min(0), tags: z.array(z.string()) }),
  initial: () => ({ points: 0, tags: [] }),
});

function makeState(): AgentState {
  return new AgentState('alice', [...(builtinSlots as readonly SlotDefinition[]), scoreSlot]);
}

describe('AgentState', () => {
  it('starts every built-in slot from a valid initial value', () => {
    const state = makeState();
    expect(state.slotNames()).toEqual(expect.arrayContaining(['gameState', 'goals', 'decision', 'traits', 'score']));
    expect(state.get('goals')).toEqual({ current: null, items: [] });
    expect(state.version()).toBe(0);
  });

  it('rejects a bad write with the slot and zod path, and keeps the old value', () => {
    const state = makeState();
    state.write('score', { points: 3, tags: ['a'] });
    let error: unknown;
    try {
      state.write('score', { points: -1, tags: ['a', 7] } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateValidationError);
    const message = (error as Error).message;
    expect(message).toContain('slot "score"');
    expect(message).toContain('score.points');
    expect(message).toContain('score.tags.1');
    expect(state.get('score')).toEqual({ points: 3, tags: ['a'] });
    expect(state.version('score')).toBe(1);
  });

  it('names close slots when an unknown one is read', () => {
    const state = makeState();
    expect(() => state.get('goal')).toThrow(/no slot "goal".*did you mean "goals"/);
  });

  it('versions writes and emits change events with who wrote', () => {
    const state = makeState();
    const changes: { slot: string; version: number; by: string }[] = [];
    state.on('change', (c) => changes.push({ slot: c.slot, version: c.version, by: c.by }));
    state.write('score', { points: 1, tags: [] }, 'memory');
    state.write('score', { ...state.read(scoreSlot), points: state.read(scoreSlot).points + 1 }, 'goals');
    expect(changes).toEqual([
      { slot: 'score', version: 1, by: 'memory' },
      { slot: 'score', version: 2, by: 'goals' },
    ]);
    expect(state.version()).toBe(2);
  });

  it('freezes values so state cannot change behind validation', () => {
    const state = makeState();
    state.write('score', { points: 1, tags: ['x'] });
    const value = state.read(scoreSlot);
    expect(() => {
      value.tags.push('y');
    }).toThrow(TypeError);
    expect(state.read(scoreSlot).tags).toEqual(['x']);
  });

  it('round-trips snapshot and restore for arbitrary valid values (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.string(), { maxLength: 5 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            kind: fc.string(),
            text: fc.string(),
            importance: fc.integer({ min: 0, max: 10 }),
          }),
          {
            maxLength: 5,
          },
        ),
        (points, tags, memories) => {
          const a = makeState();
          a.write('score', { points, tags });
          a.write('shortTermMemory', memories);
          const snapshot = JSON.parse(JSON.stringify(a.snapshot()));
          const b = makeState();
          b.restore(snapshot);
          expect(b.snapshot()).toEqual(a.snapshot());
          expect(b.version('score')).toBe(1);
        },
      ),
    );
  });

  it('restores nothing when any slot of a snapshot is invalid', () => {
    const state = makeState();
    state.write('score', { points: 5, tags: [] });
    const snapshot = state.snapshot();
    const bad = structuredClone(snapshot);
    (bad.slots.workingMemory as { value: unknown }).value = { focus: 'x', items: [] };
    (bad.slots.score as { value: unknown }).value = { points: 'many', tags: [] };
    const fresh = makeState();
    expect(() => fresh.restore(bad)).toThrow(/score\.points/);
    expect(fresh.get('workingMemory')).toEqual({ focus: '', items: [] });
    expect(() =>
      fresh.restore({ ...snapshot, slots: { ...snapshot.slots, scores: { value: 1, version: 1 } } }),
    ).toThrow(/scores.*did you mean "score"/);
  });
});
