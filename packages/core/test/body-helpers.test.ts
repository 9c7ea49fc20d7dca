import { describe, expect, it } from 'vitest';
import {
  checkCount,
  checkName,
  checkPosition,
  compassDirection,
  type Observation,
  reasons,
  renderObservation,
} from '../src/index.js';

describe('shared Body helpers', () => {
  it('builds failure reasons with codes, details and prompt-ready messages', () => {
    expect(reasons.unknownItem('oak_plank', ['oak_planks'])).toEqual({
      code: 'unknown_item',
      name: 'oak_plank',
      suggestions: ['oak_planks'],
      message: 'no item called "oak_plank"; did you mean "oak_planks"?',
    });
    expect(reasons.missing([{ name: 'stick', need: 2, have: 1 }]).message).toBe('missing 1 stick (have 1 of 2)');
    expect(reasons.timeout('dig', 2500).message).toBe('dig did not finish within 2.5 s and was stopped');
  });

  it('rejects bad arguments as structured reasons naming the argument', () => {
    expect(checkCount(-3)?.message).toBe('count must be a positive whole number, got -3');
    expect(checkCount(3)).toBeNull();
    expect(checkName('', 'item')).toMatchObject({ code: 'invalid_argument', argument: 'item' });
    expect(checkPosition({ x: 1, y: Number.NaN, z: 0 })).toMatchObject({
      code: 'invalid_argument',
      argument: 'position',
    });
    expect(checkPosition({ x: 1, y: 2, z: 3 })).toBeNull();
  });

  it('names compass directions with north at -z', () => {
    const o = { x: 0, y: 64, z: 0 };
    expect(compassDirection(o, { x: 0, y: 64, z: -10 })).toBe('north');
    expect(compassDirection(o, { x: 10, y: 64, z: 0 })).toBe('east');
    expect(compassDirection(o, { x: -7, y: 64, z: 7 })).toBe('south-west');
    expect(compassDirection(o, { x: 0.2, y: 70, z: 0.1 })).toBe('here');
  });

  it('renders an observation as a few prompt lines', () => {
    const obs: Observation = {
      agentId: 'ada',
      at: 0,
      self: { position: { x: 1.4, y: 64, z: -2.6 }, health: 18, food: 20, heldItem: null, dead: false },
      inventory: [{ name: 'oak_log', count: 3 }],
      equipment: {},
      blocks: [{ name: 'stone', position: { x: 0, y: 63, z: 0 }, distance: 1.2 }],
      entities: [
        { id: 'bo', kind: 'player', name: 'bo', position: { x: 5, y: 64, z: 0 }, distance: 4.2, direction: 'east' },
      ],
      timeOfDay: 1000,
      isDay: true,
      extra: {},
      text: '',
    };
    expect(renderObservation(obs).split('\n')).toEqual([
      'You are at (1, 64, -3); health 18/20, food 20/20; holding nothing.',
      'It is day (time 1000).',
      'Inventory: 3 oak_log.',
      'Blocks nearby: stone 1m.',
      'Agents nearby: bo 4m east.',
    ]);
  });
});
