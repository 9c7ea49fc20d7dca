import { describe, expect, it } from 'vitest';
import {
  canHarvest,
  digTimeMs,
  foodValue,
  GameData,
  harvestToolNames,
  lootTable,
  recipesFor,
  SMELTING,
} from '../src/index.js';

const data = GameData.get();
const id = (item: string) => data.itemsByName.get(item)?.id ?? null;

describe('rules from minecraft-data 1.21.4', () => {
  it('one oak log crafts into 4 oak planks, from the inventory grid', () => {
    const [recipe] = recipesFor('oak_planks', data);
    expect(recipe?.ingredients).toEqual({ oak_log: 1 });
    expect(recipe?.count).toBe(4);
    expect(recipe?.needsTable).toBe(false);
  });

  it('a crafting table takes 4 planks (2x2, no table needed)', () => {
    const recipes = recipesFor('crafting_table', data);
    expect(recipes.find((r) => r.ingredients.oak_planks === 4)).toBeDefined();
    expect(recipes.every((r) => !r.needsTable)).toBe(true);
  });

  it('a wooden pickaxe needs a 3x3 grid: 3 planks and 2 sticks', () => {
    const recipe = recipesFor('wooden_pickaxe', data).find((r) => r.ingredients.oak_planks !== undefined);
    expect(recipe).toMatchObject({ ingredients: { oak_planks: 3, stick: 2 }, count: 1, needsTable: true });
  });

  it('a wooden pickaxe cannot harvest iron ore but a stone one can', () => {
    const ore = data.block('iron_ore');
    expect(canHarvest(ore, id('wooden_pickaxe'))).toBe(false);
    expect(canHarvest(ore, id('stone_pickaxe'))).toBe(true);
    expect(canHarvest(ore, null)).toBe(false);
  });

  it('diamond ore needs an iron pickaxe or better', () => {
    const ore = data.block('diamond_ore');
    expect(canHarvest(ore, id('stone_pickaxe'))).toBe(false);
    expect(canHarvest(ore, id('iron_pickaxe'))).toBe(true);
    expect(harvestToolNames(ore, data)[0]).toBe('iron_pickaxe');
  });

  it('iron ore drops raw iron, stone drops cobblestone, logs drop themselves', () => {
    expect(lootTable('iron_ore', data).map((e) => e.item)).toEqual(['raw_iron']);
    expect(lootTable('stone', data).map((e) => e.item)).toEqual(['cobblestone']);
    expect(lootTable('oak_log', data).map((e) => e.item)).toEqual(['oak_log']);
    expect(lootTable('diamond_ore', data)).toEqual([{ item: 'diamond', chance: 1, min: 1, max: 1 }]);
  });

  it('dig times follow the Minecraft formula', () => {
    // Oak log by hand: 1 / 2 / 30 per tick → 60 ticks = 3 s.
    expect(digTimeMs(data.block('oak_log'), null, data)).toBe(3000);
    // Stone with a wooden pickaxe: 2 / 1.5 / 30 → 23 ticks = 1.15 s.
    expect(digTimeMs(data.block('stone'), 'wooden_pickaxe', data)).toBe(1150);
    // Iron ore with a stone pickaxe: 4 / 3 / 30 → 23 ticks.
    expect(digTimeMs(data.block('iron_ore'), 'stone_pickaxe', data)).toBe(1150);
    expect(digTimeMs(data.block('bedrock'), 'diamond_pickaxe', data)).toBeNull();
  });

  it('smelting and food tables', () => {
    expect(SMELTING.raw_iron).toBe('iron_ingot');
    expect(SMELTING.sand).toBe('glass');
    expect(SMELTING.oak_log).toBe('charcoal');
    expect(foodValue('bread', data)).toMatchObject({ food: 5, saturation: 6 });
    expect(foodValue('stone', data)).toBeNull();
  });

  it('every recipe in the data normalises to known item names', () => {
    let total = 0;
    for (const item of data.itemsByName.keys()) {
      for (const r of recipesFor(item, data)) {
        total++;
        for (const name of Object.keys(r.ingredients)) expect(data.isItem(name)).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(1000);
  });
});
