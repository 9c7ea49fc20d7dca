import { describe, expect, it } from 'vitest';
import { planObtain } from '../src/planner/plan-obtain.js';
import type { PlanSuccess } from '../src/planner/plan-types.js';
import { TechTree } from '../src/techtree/tech-tree.js';

const tree = TechTree.default();

function ok(plan: ReturnType<typeof planObtain>): PlanSuccess {
  if (!plan.ok) throw new Error(plan.reason);
  return plan;
}

const texts = (plan: PlanSuccess) => plan.steps.map((s) => s.text);

describe('planner: obtain X (n)', () => {
  it('wooden pickaxe from nothing', () => {
    expect(texts(ok(planObtain(tree, 'wooden_pickaxe')))).toEqual([
      'mine 3 oak_log for oak_log',
      'craft 12 oak_planks',
      'craft 4 stick',
      'craft 1 crafting_table',
      'craft 1 wooden_pickaxe',
    ]);
  });

  it('stone pickaxe from nothing', () => {
    expect(texts(ok(planObtain(tree, 'stone_pickaxe')))).toEqual([
      'mine 3 oak_log for oak_log',
      'craft 12 oak_planks',
      'craft 4 stick',
      'craft 1 crafting_table',
      'craft 1 wooden_pickaxe',
      'mine 3 stone for cobblestone with wooden_pickaxe',
      'craft 1 stone_pickaxe',
    ]);
  });

  it('iron pickaxe from nothing: furnace before smelting, fuel counted', () => {
    const plan = ok(planObtain(tree, 'iron_pickaxe'));
    expect(texts(plan)).toEqual([
      'mine 4 oak_log for oak_log',
      'craft 16 oak_planks',
      'craft 8 stick',
      'craft 1 crafting_table',
      'craft 1 wooden_pickaxe',
      'mine 11 stone for cobblestone with wooden_pickaxe',
      'craft 1 stone_pickaxe',
      'craft 1 furnace',
      'mine 3 iron_ore for raw_iron with stone_pickaxe',
      'smelt 3 raw_iron into iron_ingot with oak_planks',
      'craft 1 iron_pickaxe',
    ]);
    expect(plan.tier).toBe(4);
    const held = Object.fromEntries(plan.expectedInventory.map((s) => [s.name, s.count]));
    expect(held).toMatchObject({ iron_pickaxe: 1, stone_pickaxe: 1, wooden_pickaxe: 1, furnace: 1, crafting_table: 1 });
    expect(held.iron_ingot).toBeUndefined();
  });

  it('diamond pickaxe from nothing', () => {
    const plan = ok(planObtain(tree, 'diamond_pickaxe'));
    expect(plan.items.slice(-4)).toEqual(['iron_ingot', 'iron_pickaxe', 'diamond', 'diamond_pickaxe']);
    expect(texts(plan)).toContain('mine 3 diamond_ore for diamond with iron_pickaxe');
    expect(plan.tier).toBe(5);
  });

  it('furnace and bread', () => {
    expect(texts(ok(planObtain(tree, 'furnace')))).toEqual([
      'mine 3 oak_log for oak_log',
      'craft 12 oak_planks',
      'craft 4 stick',
      'craft 1 crafting_table',
      'craft 1 wooden_pickaxe',
      'mine 8 stone for cobblestone with wooden_pickaxe',
      'craft 1 furnace',
    ]);
    expect(texts(ok(planObtain(tree, 'bread', 2)))).toEqual([
      'mine 6 wheat for wheat',
      'mine 1 oak_log for oak_log',
      'craft 4 oak_planks',
      'craft 1 crafting_table',
      'craft 2 bread',
    ]);
  });

  it('uses the inventory: tools held are not remade, materials held are not gathered', () => {
    const plan = ok(
      planObtain(tree, 'stone_pickaxe', 1, {
        inventory: [
          { name: 'iron_pickaxe', count: 1 },
          { name: 'stick', count: 2 },
          { name: 'crafting_table', count: 1 },
        ],
      }),
    );
    expect(texts(plan)).toEqual(['mine 3 stone for cobblestone with wooden_pickaxe', 'craft 1 stone_pickaxe']);
    // A better pickaxe already satisfies the tool requirement for stone.
    expect(plan.items).not.toContain('wooden_pickaxe');
  });

  it('nothing to do when the inventory already holds the item', () => {
    const plan = ok(planObtain(tree, 'stick', 3, { inventory: [{ name: 'stick', count: 5 }] }));
    expect(plan.steps).toEqual([]);
  });

  it('plans carry skill names and params for execution', () => {
    const [first, second] = ok(planObtain(tree, 'oak_planks', 4)).steps;
    expect(first).toMatchObject({ skill: 'collect', params: { block: 'oak_log', count: 1, item: 'oak_log' } });
    expect(second).toMatchObject({ skill: 'craftItem', params: { item: 'oak_planks', count: 4 } });
  });

  it('favours nearby wood', () => {
    const plan = ok(planObtain(tree, 'stick', 4, { nearbyBlocks: ['spruce_log'] }));
    expect(plan.items).toEqual(['spruce_log', 'spruce_planks', 'stick']);
  });

  describe('impossible requests get a clear reason', () => {
    it('a mob this world does not have', () => {
      const plan = planObtain(tree, 'cooked_beef', 1, { worldMobs: [] });
      expect(plan).toMatchObject({ ok: false, code: 'not_in_world' });
      if (!plan.ok) {
        expect(plan.reason).toBe('cooked_beef needs beef; beef comes from cow, which this world does not have');
      }
      // With cows around it is fine.
      expect(planObtain(tree, 'cooked_beef', 1, { worldMobs: ['cow'] }).ok).toBe(true);
    });

    it('unknown item, with suggestions', () => {
      const plan = planObtain(tree, 'diamond_pikaxe');
      expect(plan).toMatchObject({
        ok: false,
        code: 'unknown_item',
        suggestions: expect.arrayContaining(['diamond_pickaxe']),
      });
      if (!plan.ok)
        expect(plan.reason).toMatch(/"diamond_pikaxe" is not a Minecraft item \(did you mean diamond_pickaxe/);
    });
    it('an item survival cannot obtain', () => {
      const plan = planObtain(tree, 'bedrock');
      expect(plan).toMatchObject({ ok: false, code: 'unobtainable' });
      if (!plan.ok) expect(plan.reason).toMatch(/bedrock cannot be obtained in survival/);
    });
    it('a bad count', () => {
      expect(planObtain(tree, 'stick', 0)).toMatchObject({ ok: false, code: 'invalid_count' });
      expect(planObtain(tree, 'stick', 1.5)).toMatchObject({ ok: false, code: 'invalid_count' });
    });
    it('a block this world does not have', () => {
      const plan = planObtain(tree, 'diamond_pickaxe', 1, {
        worldBlocks: ['oak_log', 'stone', 'iron_ore', 'coal_ore', 'grass_block'],
      });
      expect(plan).toMatchObject({ ok: false, code: 'not_in_world' });
      if (!plan.ok)
        expect(plan.reason).toBe(
          'diamond_pickaxe needs diamond; diamond comes from diamond_ore, deepslate_diamond_ore, which this world does not have',
        );
    });
  });
});
