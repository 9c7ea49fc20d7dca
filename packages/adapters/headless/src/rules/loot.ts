import type { Rng } from '@sid/core';
import type { GameData } from './game-data.js';

/** One possible drop of a block, for an unenchanted tool. */
export interface LootEntry {
  item: string;
  chance: number;
  min: number;
  max: number;
}

const leaves = (sapling: string, extra: LootEntry[] = []): LootEntry[] => [
  { item: sapling, chance: 0.05, min: 1, max: 1 },
  { item: 'stick', chance: 0.02, min: 1, max: 2 },
  ...extra,
];

/**
 * Where minecraft-data's `blockLoot` is lossy (it flattens alternatives, fortune and shears into one
 * list), the values below are Minecraft's own drops for an unenchanted tool and no shears.
 */
const OVERRIDES: Record<string, LootEntry[]> = {
  oak_leaves: leaves('oak_sapling', [{ item: 'apple', chance: 0.005, min: 1, max: 1 }]),
  dark_oak_leaves: leaves('dark_oak_sapling', [{ item: 'apple', chance: 0.005, min: 1, max: 1 }]),
  birch_leaves: leaves('birch_sapling'),
  spruce_leaves: leaves('spruce_sapling'),
  jungle_leaves: leaves('jungle_sapling'),
  acacia_leaves: leaves('acacia_sapling'),
  cherry_leaves: leaves('cherry_sapling'),
  gravel: [
    { item: 'gravel', chance: 0.9, min: 1, max: 1 },
    { item: 'flint', chance: 0.1, min: 1, max: 1 },
  ],
  short_grass: [{ item: 'wheat_seeds', chance: 0.125, min: 1, max: 1 }],
  redstone_ore: [{ item: 'redstone', chance: 1, min: 4, max: 5 }],
  deepslate_redstone_ore: [{ item: 'redstone', chance: 1, min: 4, max: 5 }],
  lapis_ore: [{ item: 'lapis_lazuli', chance: 1, min: 4, max: 9 }],
  deepslate_lapis_ore: [{ item: 'lapis_lazuli', chance: 1, min: 4, max: 9 }],
  copper_ore: [{ item: 'raw_copper', chance: 1, min: 2, max: 5 }],
  deepslate_copper_ore: [{ item: 'raw_copper', chance: 1, min: 2, max: 5 }],
};

interface RawDrop {
  item: string;
  dropChance: number;
  stackSizeRange: [number, number] | number[];
  silkTouch?: boolean;
  noSilkTouch?: boolean;
}

const cache = new Map<string, LootEntry[]>();

/**
 * The drop table of a block without silk touch: silk-touch-only entries are removed, the no-silk
 * alternative always drops, and counts take the low end of the data's range (its upper end is the
 * Fortune maximum), except for the {@link OVERRIDES}.
 */
export function lootTable(blockName: string, data: GameData): LootEntry[] {
  const hit = cache.get(blockName);
  if (hit) return hit;
  let table = OVERRIDES[blockName];
  if (!table) {
    const raw = (data.raw.blockLoot as Record<string, { drops: RawDrop[] } | undefined>)[blockName];
    table = (raw?.drops ?? [])
      .filter((d) => !d.silkTouch && data.isItem(d.item))
      .map((d) => {
        const low = Math.max(1, Math.floor(d.stackSizeRange[0] ?? 1));
        return { item: d.item, chance: d.noSilkTouch ? 1 : Math.min(1, d.dropChance), min: low, max: low };
      });
  }
  cache.set(blockName, table);
  return table;
}

/** Rolls the drops of one broken block. */
export function rollLoot(blockName: string, data: GameData, rng: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of lootTable(blockName, data)) {
    if (entry.chance < 1 && rng.next() >= entry.chance) continue;
    const count = entry.min === entry.max ? entry.min : rng.int(entry.min, entry.max);
    out[entry.item] = (out[entry.item] ?? 0) + count;
  }
  return out;
}

/** Blocks whose drops include the item (e.g. `cobblestone` ← stone, `raw_iron` ← iron ores). */
export function sourceBlocksOf(itemName: string, candidates: Iterable<string>, data: GameData): string[] {
  const out: string[] = [];
  for (const block of candidates) {
    if (lootTable(block, data).some((e) => e.item === itemName && e.chance >= 0.5)) out.push(block);
  }
  return out;
}
