/**
 * Furnace recipes and fuels for Minecraft 1.21.4. minecraft-data has no smelting data, so this
 * table is kept by hand from the game's recipe files (`minecraft:smelting`). It covers every
 * recipe a survival player uses for progression, food and building; dye-from-flower and
 * decorative variants that need blocks the tech tree does not reach are included where cheap.
 *
 * The headless world keeps its own smelting table; if you change one, check the other.
 */

/** One furnace recipe: `input` smelts into one `output`. */
export interface SmeltingRecipe {
  input: string;
  output: string;
}

const LOG_WOODS = ['oak', 'spruce', 'birch', 'jungle', 'acacia', 'dark_oak', 'mangrove', 'cherry', 'pale_oak'] as const;

const TERRACOTTA_COLOURS = [
  'white',
  'orange',
  'magenta',
  'light_blue',
  'yellow',
  'lime',
  'pink',
  'gray',
  'light_gray',
  'cyan',
  'purple',
  'blue',
  'brown',
  'green',
  'red',
  'black',
] as const;

const pairs: [string, string][] = [
  // ores and raw metals
  ['raw_iron', 'iron_ingot'],
  ['iron_ore', 'iron_ingot'],
  ['deepslate_iron_ore', 'iron_ingot'],
  ['raw_gold', 'gold_ingot'],
  ['gold_ore', 'gold_ingot'],
  ['deepslate_gold_ore', 'gold_ingot'],
  ['nether_gold_ore', 'gold_ingot'],
  ['raw_copper', 'copper_ingot'],
  ['copper_ore', 'copper_ingot'],
  ['deepslate_copper_ore', 'copper_ingot'],
  ['coal_ore', 'coal'],
  ['deepslate_coal_ore', 'coal'],
  ['diamond_ore', 'diamond'],
  ['deepslate_diamond_ore', 'diamond'],
  ['emerald_ore', 'emerald'],
  ['deepslate_emerald_ore', 'emerald'],
  ['lapis_ore', 'lapis_lazuli'],
  ['deepslate_lapis_ore', 'lapis_lazuli'],
  ['redstone_ore', 'redstone'],
  ['deepslate_redstone_ore', 'redstone'],
  ['nether_quartz_ore', 'quartz'],
  ['ancient_debris', 'netherite_scrap'],
  // food
  ['beef', 'cooked_beef'],
  ['porkchop', 'cooked_porkchop'],
  ['chicken', 'cooked_chicken'],
  ['mutton', 'cooked_mutton'],
  ['rabbit', 'cooked_rabbit'],
  ['cod', 'cooked_cod'],
  ['salmon', 'cooked_salmon'],
  ['potato', 'baked_potato'],
  ['kelp', 'dried_kelp'],
  // building blocks
  ['sand', 'glass'],
  ['red_sand', 'glass'],
  ['cobblestone', 'stone'],
  ['stone', 'smooth_stone'],
  ['sandstone', 'smooth_sandstone'],
  ['red_sandstone', 'smooth_red_sandstone'],
  ['quartz_block', 'smooth_quartz'],
  ['stone_bricks', 'cracked_stone_bricks'],
  ['cobbled_deepslate', 'deepslate'],
  ['deepslate_bricks', 'cracked_deepslate_bricks'],
  ['deepslate_tiles', 'cracked_deepslate_tiles'],
  ['nether_bricks', 'cracked_nether_bricks'],
  ['polished_blackstone_bricks', 'cracked_polished_blackstone_bricks'],
  ['basalt', 'smooth_basalt'],
  ['clay', 'terracotta'],
  ['clay_ball', 'brick'],
  ['netherrack', 'nether_brick'],
  ['resin_clump', 'resin_brick'],
  // misc
  ['cactus', 'green_dye'],
  ['sea_pickle', 'lime_dye'],
  ['wet_sponge', 'sponge'],
  ['chorus_fruit', 'popped_chorus_fruit'],
  ['iron_pickaxe', 'iron_nugget'],
  ['iron_sword', 'iron_nugget'],
  ['golden_pickaxe', 'gold_nugget'],
  ['golden_sword', 'gold_nugget'],
];

for (const wood of LOG_WOODS) {
  for (const form of ['log', 'wood', 'stripped_{}_log', 'stripped_{}_wood']) {
    const name = form.includes('{}') ? form.replace('{}', wood) : `${wood}_${form}`;
    pairs.push([name, 'charcoal']);
  }
}
for (const colour of TERRACOTTA_COLOURS) pairs.push([`${colour}_terracotta`, `${colour}_glazed_terracotta`]);

/** Every furnace recipe the tech tree and planner know, input → output. */
export const SMELTING_RECIPES: readonly SmeltingRecipe[] = Object.freeze(
  pairs.map(([input, output]) => Object.freeze({ input, output })),
);

/**
 * How many items one unit of a fuel smelts (burn time / 200 ticks). Planks and logs are listed by
 * suffix in {@link smeltsPerFuel}.
 */
export const FUEL_SMELTS: Readonly<Record<string, number>> = Object.freeze({
  lava_bucket: 100,
  coal_block: 80,
  dried_kelp_block: 20,
  blaze_rod: 12,
  coal: 8,
  charcoal: 8,
  bamboo_raft: 6,
  crafting_table: 1.5,
  stick: 0.5,
  bamboo: 0.25,
});

/** Items one unit of `fuel` smelts, or 0 when it is not a fuel. */
export function smeltsPerFuel(fuel: string): number {
  const known = FUEL_SMELTS[fuel];
  if (known !== undefined) return known;
  // Nether wood does not burn.
  if (fuel.startsWith('crimson') || fuel.startsWith('warped')) return 0;
  if (fuel.endsWith('_planks') || fuel.endsWith('_log') || fuel.endsWith('_wood') || fuel.endsWith('_stem')) return 1.5;
  if (fuel.endsWith('_slab') && !fuel.includes('stone') && !fuel.includes('brick')) return 0.75;
  return 0;
}
