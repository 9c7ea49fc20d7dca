/**
 * Which blocks and mobs exist in a fresh world, and how easy they are to reach. minecraft-data
 * knows what every block drops but not which blocks generate naturally, so without this list a
 * crafting table would look "raw" (mining a placed one drops it). Costs are relative effort used
 * only to choose between routes: 1 common surface block, higher for rarer or deeper ones.
 */

/** The dimension a natural source lives in; the nether and the end raise an item's tier. */
export type Dimension = 'overworld' | 'nether' | 'end';

/** A naturally generated block or a huntable mob. */
export interface NaturalSource {
  cost: number;
  dimension: Dimension;
}

const WOODS = ['oak', 'spruce', 'birch', 'jungle', 'acacia', 'dark_oak', 'mangrove', 'cherry', 'pale_oak'];

const overworld: Record<string, number> = {
  stone: 1,
  dirt: 1,
  grass_block: 1,
  sand: 1,
  gravel: 1,
  clay: 2,
  red_sand: 2,
  sandstone: 1,
  red_sandstone: 2,
  granite: 1,
  diorite: 1,
  andesite: 1,
  deepslate: 2,
  tuff: 2,
  calcite: 3,
  coarse_dirt: 2,
  podzol: 2,
  mud: 2,
  snow: 2,
  snow_block: 2,
  ice: 2,
  packed_ice: 3,
  obsidian: 4,
  mossy_cobblestone: 4,
  moss_block: 3,
  coal_ore: 1.5,
  iron_ore: 2,
  copper_ore: 2,
  gold_ore: 4,
  redstone_ore: 4,
  lapis_ore: 4,
  diamond_ore: 6,
  emerald_ore: 8,
  deepslate_coal_ore: 3,
  deepslate_iron_ore: 3,
  deepslate_copper_ore: 3,
  deepslate_gold_ore: 5,
  deepslate_redstone_ore: 5,
  deepslate_lapis_ore: 5,
  deepslate_diamond_ore: 7,
  deepslate_emerald_ore: 9,
  short_grass: 1,
  tall_grass: 1,
  fern: 2,
  dead_bush: 4,
  dandelion: 2,
  poppy: 2,
  blue_orchid: 4,
  allium: 4,
  azure_bluet: 3,
  red_tulip: 3,
  orange_tulip: 3,
  white_tulip: 3,
  pink_tulip: 3,
  oxeye_daisy: 3,
  cornflower: 3,
  lily_of_the_valley: 4,
  sunflower: 4,
  lilac: 4,
  rose_bush: 4,
  peony: 4,
  sugar_cane: 2,
  cactus: 3,
  pumpkin: 3,
  melon: 3,
  bamboo: 4,
  kelp: 3,
  seagrass: 3,
  sea_pickle: 5,
  sweet_berry_bush: 4,
  wheat: 3,
  carrots: 4,
  potatoes: 4,
  beetroots: 4,
  brown_mushroom: 3,
  red_mushroom: 3,
  vine: 3,
  lily_pad: 3,
  cobweb: 5,
  pointed_dripstone: 4,
  dripstone_block: 4,
  amethyst_cluster: 6,
  bee_nest: 6,
};
for (const [i, wood] of WOODS.entries()) {
  // Oak first: it grows nearly everywhere; the rest cost a little more so oak wins ties.
  overworld[`${wood}_log`] = i === 0 ? 1 : 1.2;
  overworld[`${wood}_leaves`] = 1.5;
}

const nether: Record<string, number> = {
  netherrack: 1,
  nether_quartz_ore: 2,
  nether_gold_ore: 2,
  soul_sand: 2,
  soul_soil: 2,
  glowstone: 3,
  basalt: 2,
  blackstone: 2,
  gilded_blackstone: 5,
  ancient_debris: 10,
  crimson_stem: 2,
  warped_stem: 2,
  nether_wart: 4,
  magma_block: 2,
  shroomlight: 4,
};

const end: Record<string, number> = { end_stone: 1, chorus_plant: 2, chorus_flower: 3 };

function table(entries: Record<string, number>, dimension: Dimension): [string, NaturalSource][] {
  return Object.entries(entries).map(([name, cost]) => [name, { cost, dimension }]);
}

/** Naturally generated blocks by name. */
export const NATURAL_BLOCKS: ReadonlyMap<string, NaturalSource> = new Map([
  ...table(overworld, 'overworld'),
  ...table(nether, 'nether'),
  ...table(end, 'end'),
]);

/** Mobs an agent can hunt for their regular drops (rare drops are ignored). */
export const HUNTABLE_MOBS: ReadonlyMap<string, NaturalSource> = new Map([
  ...table(
    {
      cow: 3,
      pig: 3,
      sheep: 3,
      chicken: 3,
      rabbit: 5,
      cod: 4,
      salmon: 4,
      squid: 5,
      zombie: 4,
      skeleton: 5,
      spider: 5,
      creeper: 6,
      enderman: 10,
      slime: 8,
    },
    'overworld',
  ),
  ...table({ blaze: 8, ghast: 10, magma_cube: 6, wither_skeleton: 10, strider: 6, hoglin: 6 }, 'nether'),
  ...table({ shulker: 10 }, 'end'),
]);
