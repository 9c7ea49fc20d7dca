/**
 * Furnace rules. minecraft-data has no furnace recipes, so this is a small table for what the tech
 * tree needs, with Minecraft's results. Every smelt takes {@link SMELT_MS_PER_ITEM} of game time.
 */
export const SMELT_MS_PER_ITEM = 10_000;

const LOGS = ['oak', 'spruce', 'birch', 'jungle', 'acacia', 'dark_oak', 'mangrove', 'cherry', 'pale_oak'];

/** Input item → output item. */
export const SMELTING: Readonly<Record<string, string>> = Object.freeze({
  raw_iron: 'iron_ingot',
  raw_gold: 'gold_ingot',
  raw_copper: 'copper_ingot',
  iron_ore: 'iron_ingot',
  deepslate_iron_ore: 'iron_ingot',
  gold_ore: 'gold_ingot',
  deepslate_gold_ore: 'gold_ingot',
  copper_ore: 'copper_ingot',
  deepslate_copper_ore: 'copper_ingot',
  sand: 'glass',
  red_sand: 'glass',
  cobblestone: 'stone',
  stone: 'smooth_stone',
  cobbled_deepslate: 'deepslate',
  clay_ball: 'brick',
  netherrack: 'nether_brick',
  cactus: 'green_dye',
  kelp: 'dried_kelp',
  potato: 'baked_potato',
  beef: 'cooked_beef',
  porkchop: 'cooked_porkchop',
  chicken: 'cooked_chicken',
  mutton: 'cooked_mutton',
  rabbit: 'cooked_rabbit',
  cod: 'cooked_cod',
  salmon: 'cooked_salmon',
  ...Object.fromEntries(LOGS.flatMap((w) => [`${w}_log`, `${w}_wood`].map((log) => [log, 'charcoal']))),
});

/** Fuel item → how many items one of it smelts (Minecraft burn time / 200 ticks). */
export const FUEL: Readonly<Record<string, number>> = Object.freeze({
  coal: 8,
  charcoal: 8,
  coal_block: 80,
  lava_bucket: 100,
  blaze_rod: 12,
  dried_kelp_block: 20,
  stick: 0.5,
  bamboo: 0.25,
  crafting_table: 1.5,
  ...Object.fromEntries(
    LOGS.flatMap((w) => [
      [`${w}_log`, 1.5],
      [`${w}_wood`, 1.5],
      [`${w}_planks`, 1.5],
      [`${w}_slab`, 0.75],
    ]),
  ),
});

/** Fuel items to use, best first (most items per fuel item). */
export const FUEL_PREFERENCE: readonly string[] = Object.keys(FUEL).sort(
  (a, b) => (FUEL[b] as number) - (FUEL[a] as number) || a.localeCompare(b),
);

/** How many fuel items smelting `count` items needs. */
export function fuelNeeded(fuel: string, count: number): number {
  const per = FUEL[fuel];
  return per === undefined ? Number.POSITIVE_INFINITY : Math.ceil(count / per - 1e-9);
}

/** Inputs that smelt into `output` (e.g. `iron_ingot` ← raw_iron, iron_ore, …). */
export function smeltingInputsFor(output: string): string[] {
  return Object.entries(SMELTING)
    .filter(([, out]) => out === output)
    .map(([input]) => input);
}
