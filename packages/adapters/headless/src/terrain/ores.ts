/** How an ore is spread through the ground, after Minecraft 1.18+'s placed features. */
export interface OreSpec {
  /** Stone variant name; below y = 0 the `deepslate_` variant is placed instead. */
  ore: string;
  /** Vein attempts per chunk. */
  attempts: number;
  /** Blocks per vein (upper bound: only stone or deepslate is replaced). */
  size: number;
  /** `triangle`: most common at the middle of [minY, maxY]; `uniform`: equally likely. */
  shape: 'triangle' | 'uniform';
  minY: number;
  maxY: number;
}

/**
 * Ore distribution per chunk. Ranges and attempt counts follow Minecraft 1.21's overworld ore
 * features (coal high, iron around y 16, diamonds deep and rare). Coal is squeezed into y 0–128 with
 * more attempts because this terrain has no mountains to hold the upper coal band; vein sizes are reduced
 * because the headless world has no caves to expose them.
 */
export const ORES: readonly OreSpec[] = [
  { ore: 'coal_ore', attempts: 30, size: 14, shape: 'triangle', minY: 0, maxY: 128 },
  { ore: 'iron_ore', attempts: 10, size: 9, shape: 'triangle', minY: -24, maxY: 56 },
  { ore: 'iron_ore', attempts: 10, size: 4, shape: 'uniform', minY: -64, maxY: 72 },
  { ore: 'copper_ore', attempts: 16, size: 10, shape: 'triangle', minY: -16, maxY: 112 },
  { ore: 'gold_ore', attempts: 4, size: 9, shape: 'triangle', minY: -64, maxY: 32 },
  { ore: 'redstone_ore', attempts: 4, size: 8, shape: 'uniform', minY: -64, maxY: 15 },
  { ore: 'redstone_ore', attempts: 6, size: 8, shape: 'triangle', minY: -96, maxY: -32 },
  { ore: 'lapis_ore', attempts: 2, size: 7, shape: 'triangle', minY: -32, maxY: 32 },
  { ore: 'lapis_ore', attempts: 4, size: 7, shape: 'uniform', minY: -64, maxY: 64 },
  { ore: 'diamond_ore', attempts: 4, size: 3, shape: 'triangle', minY: -144, maxY: 16 },
];
