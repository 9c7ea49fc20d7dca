import { FUEL, SMELTING } from '@sid/headless';
import minecraftData from 'minecraft-data';
import { describe, expect, it } from 'vitest';
import { planObtain } from '../src/planner/plan-obtain.js';
import { SMELTING_RECIPES, smeltsPerFuel } from '../src/techtree/smelting.js';
import { GAME_VERSION } from '../src/techtree/source-table.js';
import { TechTree } from '../src/techtree/tech-tree.js';

const data = minecraftData(GAME_VERSION);
const tree = TechTree.default();
const harvestTools = (block: string) =>
  Object.keys(data.blocksByName[block]?.harvestTools ?? {}).map((id) => data.items[Number(id)]?.name);

/** The inputs of every minecraft-data recipe for `item`, as `name×count` sets. */
function recipeInputs(item: string): Set<string>[] {
  const id = data.itemsByName[item]?.id;
  const recipes = (id === undefined ? [] : (data.recipes[id] ?? [])) as {
    inShape?: (number | null)[][];
    ingredients?: (number | null)[];
  }[];
  return recipes.map((r) => {
    const ids = r.inShape ? r.inShape.flat() : (r.ingredients ?? []);
    const counts = new Map<string, number>();
    for (const i of ids)
      if (i !== null) counts.set(data.items[i]?.name ?? '?', (counts.get(data.items[i]?.name ?? '?') ?? 0) + 1);
    return new Set([...counts].map(([n, c]) => `${n}×${c}`));
  });
}

describe('tech tree tiers and steps for a dozen items, checked against minecraft-data', () => {
  const cases: { item: string; tier: number; steps: string[] }[] = [
    { item: 'oak_log', tier: 0, steps: ['oak_log'] },
    { item: 'oak_planks', tier: 1, steps: ['oak_log', 'oak_planks'] },
    { item: 'stick', tier: 1, steps: ['oak_log', 'oak_planks', 'stick'] },
    { item: 'crafting_table', tier: 2, steps: ['oak_log', 'oak_planks', 'crafting_table'] },
    {
      item: 'wooden_pickaxe',
      tier: 2,
      steps: ['oak_log', 'oak_planks', 'stick', 'crafting_table', 'wooden_pickaxe'],
    },
    {
      item: 'cobblestone',
      tier: 3,
      steps: ['oak_log', 'oak_planks', 'stick', 'crafting_table', 'wooden_pickaxe', 'cobblestone'],
    },
    {
      item: 'furnace',
      tier: 3,
      steps: ['oak_log', 'oak_planks', 'stick', 'crafting_table', 'wooden_pickaxe', 'cobblestone', 'furnace'],
    },
    {
      item: 'torch',
      tier: 3,
      steps: ['oak_log', 'oak_planks', 'stick', 'crafting_table', 'wooden_pickaxe', 'coal', 'torch'],
    },
    {
      item: 'iron_pickaxe',
      tier: 4,
      steps: [
        'oak_log',
        'oak_planks',
        'stick',
        'crafting_table',
        'wooden_pickaxe',
        'cobblestone',
        'stone_pickaxe',
        'furnace',
        'raw_iron',
        'iron_ingot',
        'iron_pickaxe',
      ],
    },
    {
      item: 'bucket',
      tier: 4,
      steps: [
        'oak_log',
        'oak_planks',
        'stick',
        'crafting_table',
        'wooden_pickaxe',
        'cobblestone',
        'stone_pickaxe',
        'furnace',
        'raw_iron',
        'iron_ingot',
        'bucket',
      ],
    },
    {
      item: 'diamond',
      tier: 5,
      steps: [
        'oak_log',
        'oak_planks',
        'stick',
        'crafting_table',
        'wooden_pickaxe',
        'cobblestone',
        'stone_pickaxe',
        'furnace',
        'raw_iron',
        'iron_ingot',
        'iron_pickaxe',
        'diamond',
      ],
    },
    { item: 'bread', tier: 2, steps: ['wheat', 'oak_log', 'oak_planks', 'crafting_table', 'bread'] },
    {
      item: 'cooked_beef',
      tier: 3,
      steps: [
        'beef',
        'oak_log',
        'oak_planks',
        'stick',
        'crafting_table',
        'wooden_pickaxe',
        'cobblestone',
        'furnace',
        'cooked_beef',
      ],
    },
  ];

  for (const { item, tier, steps } of cases) {
    it(`${item}: tier ${tier}`, () => {
      expect(tree.tier(item)).toBe(tier);
      const plan = planObtain(tree, item);
      expect(plan.ok).toBe(true);
      if (plan.ok) expect(plan.items).toEqual(steps);
    });
  }

  it('every crafted route matches a minecraft-data recipe exactly', () => {
    for (const item of [
      'stick',
      'crafting_table',
      'wooden_pickaxe',
      'stone_pickaxe',
      'furnace',
      'iron_pickaxe',
      'diamond_pickaxe',
      'bread',
      'torch',
      'bucket',
      'chest',
      'shield',
    ]) {
      const route = tree.route(item);
      expect(route?.source.kind, item).toBe('craft');
      if (route?.source.kind !== 'craft') continue;
      const chosen = new Set(route.source.inputs.map((i) => `${i.item}×${i.count}`));
      expect(
        recipeInputs(item).some((r) => r.size === chosen.size && [...r].every((x) => chosen.has(x))),
        item,
      ).toBe(true);
    }
  });

  it('3x3 recipes need a crafting table and 2x2 recipes do not', () => {
    expect(tree.route('iron_pickaxe')?.station).toBe('crafting_table');
    expect(tree.route('furnace')?.station).toBe('crafting_table');
    expect(tree.route('stick')?.station).toBeNull();
    expect(tree.route('crafting_table')?.station).toBeNull();
    expect(tree.route('oak_planks')?.station).toBeNull();
  });

  it('mined items use the cheapest tool minecraft-data says can harvest the block', () => {
    const expected: Record<string, { block: string; tool: string | null }> = {
      cobblestone: { block: 'stone', tool: 'wooden_pickaxe' },
      coal: { block: 'coal_ore', tool: 'wooden_pickaxe' },
      raw_iron: { block: 'iron_ore', tool: 'stone_pickaxe' },
      diamond: { block: 'diamond_ore', tool: 'iron_pickaxe' },
      obsidian: { block: 'obsidian', tool: 'diamond_pickaxe' },
      oak_log: { block: 'oak_log', tool: null },
      dirt: { block: 'dirt', tool: null },
    };
    for (const [item, { block, tool }] of Object.entries(expected)) {
      const route = tree.route(item);
      expect(route?.source.kind, item).toBe('mine');
      if (route?.source.kind !== 'mine') continue;
      expect(route.source.block, item).toBe(block);
      expect(route.tool, item).toBe(tool);
      if (tool) expect(harvestTools(block)).toContain(tool);
      else expect(harvestTools(block)).toEqual([]);
    }
    // minecraft-data: a wooden pickaxe cannot harvest iron ore, a stone one cannot harvest diamond ore.
    expect(harvestTools('iron_ore')).not.toContain('wooden_pickaxe');
    expect(harvestTools('diamond_ore')).not.toContain('stone_pickaxe');
  });

  it('smelted items come from the furnace table', () => {
    expect(tree.route('iron_ingot')?.source).toEqual({ kind: 'smelt', input: 'raw_iron', yield: 1 });
    expect(tree.route('glass')?.source).toEqual({ kind: 'smelt', input: 'sand', yield: 1 });
    expect(tree.route('iron_ingot')?.station).toBe('furnace');
  });

  it('nether and end items sit above the overworld tiers; unobtainable items have no tier', () => {
    expect(tree.tier('obsidian')).toBe(6);
    expect(tree.tier('netherite_ingot')).toBe(7);
    expect(tree.tier('blaze_powder')).toBe(7);
    expect(tree.tier('chorus_fruit')).toBe(8);
    expect(tree.tier('bedrock')).toBeNull();
    expect(tree.tier('command_block')).toBeNull();
  });

  it("agrees with the headless world's smelting and fuel tables", () => {
    for (const [input, output] of Object.entries(SMELTING)) {
      expect(SMELTING_RECIPES, `${input} -> ${output}`).toContainEqual({ input, output });
    }
    for (const [fuel, smelts] of Object.entries(FUEL)) expect(smeltsPerFuel(fuel), fuel).toBe(smelts);
  });

  it('a placed crafting table does not count as a raw source', () => {
    expect(tree.sources('crafting_table').every((s) => s.kind === 'craft')).toBe(true);
  });

  it('a cyclic recipe pair (iron ingot <-> iron block) resolves without looping', () => {
    expect(tree.route('iron_block')?.source).toEqual({
      kind: 'craft',
      inputs: [{ item: 'iron_ingot', count: 9 }],
      yield: 1,
      needsTable: true,
    });
    expect(tree.route('iron_ingot')?.source.kind).toBe('smelt');
  });

  it('favours what the agent holds or sees', () => {
    const routes = tree.routes({ prefer: ['birch_log'] });
    expect(routes.get('stick')?.source).toMatchObject({ inputs: [{ item: 'birch_planks', count: 2 }] });
  });
});
