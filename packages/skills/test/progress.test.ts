import { describe, expect, it } from 'vitest';
import { ProgressTracker } from '../src/techtree/progress.js';
import { TechTree } from '../src/techtree/tech-tree.js';

describe('progress measures', () => {
  it('tracks unique items per agent and society, max tier and tool milestones', () => {
    const tracker = new ProgressTracker(TechTree.default(), 1000);
    expect(
      tracker.record(
        'ann',
        [
          { name: 'oak_log', count: 3 },
          { name: 'dirt', count: 0 },
        ],
        1100,
      ),
    ).toEqual(['oak_log']);
    tracker.record('ann', ['oak_planks', 'stick', 'crafting_table', 'wooden_pickaxe'], 1500);
    tracker.record('bob', ['oak_log', 'cobblestone', 'stone_pickaxe'], 2000);
    tracker.record('ann', ['oak_log', 'raw_iron', 'iron_ingot', 'iron_sword'], 4000);

    const ann = tracker.summary('ann');
    expect(ann.uniqueItems).toBe(8);
    expect(ann.maxTier).toBe(4);
    expect(ann.milestones).toEqual({ wooden: 500, stone: null, iron: 3000, diamond: null });
    expect(ann.timeline).toEqual([
      { at: 1100, uniqueItems: 1 },
      { at: 1500, uniqueItems: 5 },
      { at: 4000, uniqueItems: 8 },
    ]);

    const society = tracker.summary();
    expect(society.uniqueItems).toBe(10);
    expect(society.milestones).toEqual({ wooden: 500, stone: 1000, iron: 3000, diamond: null });
    expect(tracker.meanUniqueItemsPerAgent()).toBe((8 + 3) / 2);

    const restored = ProgressTracker.fromJSON(TechTree.default(), tracker.toJSON());
    expect(restored.summary('ann')).toEqual(ann);
    expect(restored.summary().uniqueItems).toBe(10);
  });
});
