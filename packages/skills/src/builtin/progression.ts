import { obtainSkill } from './obtain.js';

/** `makeWoodenPickaxe`: logs → planks, sticks, crafting table → wooden pickaxe. */
export const makeWoodenPickaxeSkill = obtainSkill({
  name: 'makeWoodenPickaxe',
  description:
    'Make a wooden pickaxe from scratch: chop wood, craft planks, sticks and a crafting table, then the pickaxe.',
  item: 'wooden_pickaxe',
  dependencies: ['gatherWood', 'makePlanks', 'makeCraftingTable', 'craftItem'],
  requires: [
    { item: 'oak_planks', count: 3 },
    { item: 'stick', count: 2 },
  ],
});

/** `mineStone`: cobblestone with a pickaxe (made first if needed). */
export const mineStoneSkill = obtainSkill({
  name: 'mineStone',
  description: 'Mine stone for cobblestone with a pickaxe, making a wooden pickaxe first if there is none.',
  item: 'cobblestone',
  defaultCount: 3,
  dependencies: ['makeWoodenPickaxe', 'collect'],
  requires: [{ item: 'wooden_pickaxe', count: 1 }],
});

/** `makeStonePickaxe`. */
export const makeStonePickaxeSkill = obtainSkill({
  name: 'makeStonePickaxe',
  description:
    'Make a stone pickaxe: mine 3 cobblestone with a wooden pickaxe and craft it with 2 sticks at a crafting table.',
  item: 'stone_pickaxe',
  dependencies: ['mineStone', 'makeCraftingTable', 'craftItem'],
  requires: [
    { item: 'cobblestone', count: 3 },
    { item: 'stick', count: 2 },
  ],
});

/** `mineIron`: raw iron with a stone pickaxe. */
export const mineIronSkill = obtainSkill({
  name: 'mineIron',
  description: 'Mine iron ore for raw iron with a stone (or better) pickaxe, making one first if needed.',
  item: 'raw_iron',
  defaultCount: 3,
  dependencies: ['makeStonePickaxe', 'collect'],
  requires: [{ item: 'stone_pickaxe', count: 1 }],
});

/** `smeltIron`: raw iron into iron ingots in a furnace. */
export const smeltIronSkill = obtainSkill({
  name: 'smeltIron',
  description:
    'Smelt raw iron into iron ingots in a furnace (built from 8 cobblestone if needed), fuelled with planks or coal.',
  item: 'iron_ingot',
  defaultCount: 3,
  dependencies: ['mineIron', 'smelt', 'craftItem'],
  requires: [
    { item: 'raw_iron', count: 3 },
    { item: 'furnace', count: 1 },
  ],
});

/** `makeIronPickaxe`: the whole chain from nothing to an iron pickaxe. */
export const makeIronPickaxeSkill = obtainSkill({
  name: 'makeIronPickaxe',
  description:
    'Make an iron pickaxe from scratch: wood, wooden and stone pickaxes, furnace, iron ore, ingots, then the pickaxe.',
  item: 'iron_pickaxe',
  dependencies: ['smeltIron', 'makeCraftingTable', 'craftItem'],
  requires: [
    { item: 'iron_ingot', count: 3 },
    { item: 'stick', count: 2 },
  ],
});

/** `mineDiamond`: diamonds with an iron pickaxe. */
export const mineDiamondSkill = obtainSkill({
  name: 'mineDiamond',
  description: 'Mine diamond ore deep underground with an iron (or better) pickaxe, making one first if needed.',
  item: 'diamond',
  dependencies: ['makeIronPickaxe', 'collect'],
  requires: [{ item: 'iron_pickaxe', count: 1 }],
});
