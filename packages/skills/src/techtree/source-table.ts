import minecraftData from 'minecraft-data';
import { HUNTABLE_MOBS, NATURAL_BLOCKS, type NaturalSource } from './natural-sources.js';
import { SMELTING_RECIPES, type SmeltingRecipe } from './smelting.js';
import type { ItemCount, ItemSource } from './sources.js';

/** The game version whose data the SDK pins (the headless world uses the same). */
export const GAME_VERSION = '1.21.4';

/** What the tech tree is built from; every field has a default for {@link GAME_VERSION}. */
export interface SourceTableOptions {
  version?: string;
  /** Furnace recipes; default {@link SMELTING_RECIPES}. */
  smelting?: readonly SmeltingRecipe[];
  /** Naturally generated blocks; default {@link NATURAL_BLOCKS}. */
  naturalBlocks?: ReadonlyMap<string, NaturalSource>;
  /** Huntable mobs; default {@link HUNTABLE_MOBS}. */
  mobs?: ReadonlyMap<string, NaturalSource>;
}

/** Every known item with all the ways to obtain it, plus the raw data used. */
export interface SourceTable {
  version: string;
  items: ReadonlySet<string>;
  sources: ReadonlyMap<string, readonly ItemSource[]>;
  naturalBlocks: ReadonlyMap<string, NaturalSource>;
  mobs: ReadonlyMap<string, NaturalSource>;
}

type RawRecipeItem =
  | number
  | null
  | []
  | [number | null]
  | [number | null, number]
  | { id: number | null; count?: number };

function recipeItemId(raw: RawRecipeItem): number | null {
  if (raw === null || typeof raw === 'number') return raw;
  if (Array.isArray(raw)) return raw[0] ?? null;
  return raw.id;
}

function countInputs(ids: (number | null)[], names: (id: number) => string | undefined): ItemCount[] | null {
  const counts = new Map<string, number>();
  for (const id of ids) {
    if (id === null) continue;
    const name = names(id);
    if (name === undefined) return null;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([item, count]) => ({ item, count }));
}

/** Reads recipes, block loot and mob loot from minecraft-data and adds the smelting table. */
export function buildSourceTable(options: SourceTableOptions = {}): SourceTable {
  const version = options.version ?? GAME_VERSION;
  const data = minecraftData(version);
  const naturalBlocks = options.naturalBlocks ?? NATURAL_BLOCKS;
  const mobs = options.mobs ?? HUNTABLE_MOBS;
  const itemName = (id: number) => data.items[id]?.name;
  const sources = new Map<string, ItemSource[]>();
  const add = (item: string, source: ItemSource) => {
    const list = sources.get(item);
    if (list) list.push(source);
    else sources.set(item, [source]);
  };

  for (const [resultId, recipes] of Object.entries(data.recipes)) {
    if (!Array.isArray(recipes)) continue;
    for (const recipe of recipes) {
      const result = recipe.result as RawRecipeItem;
      const id = recipeItemId(result);
      const name = id === null ? itemName(Number(resultId)) : itemName(id);
      if (name === undefined) continue;
      const yieldCount =
        typeof result === 'object' && result !== null && !Array.isArray(result) ? (result.count ?? 1) : 1;
      let inputs: ItemCount[] | null;
      let needsTable: boolean;
      if ('inShape' in recipe) {
        const rows = recipe.inShape as RawRecipeItem[][];
        inputs = countInputs(rows.flat().map(recipeItemId), itemName);
        needsTable = rows.length > 2 || rows.some((row) => row.length > 2);
      } else {
        const ingredients = recipe.ingredients as RawRecipeItem[];
        inputs = countInputs(ingredients.map(recipeItemId), itemName);
        needsTable = ingredients.length > 4;
      }
      if (!inputs || inputs.length === 0) continue;
      add(name, { kind: 'craft', inputs, yield: yieldCount, needsTable });
    }
  }

  const items = new Set(data.itemsArray.map((i) => i.name));
  for (const { input, output } of options.smelting ?? SMELTING_RECIPES) {
    if (items.has(input) && items.has(output)) add(output, { kind: 'smelt', input, yield: 1 });
  }

  for (const [blockName, natural] of naturalBlocks) {
    const block = data.blocksByName[blockName];
    if (!block) continue;
    const tools = Object.keys(block.harvestTools ?? {})
      .map((id) => itemName(Number(id)))
      .filter((n): n is string => n !== undefined);
    const loot = data.blockLoot[blockName];
    // Loot entries that need silk touch are skipped: agents mine with plain tools.
    const drops = loot
      ? loot.drops.filter((d) => !d.silkTouch).map((d) => ({ item: d.item, min: d.stackSizeRange[0] ?? 1 }))
      : block.drops.map((id) => ({ item: itemName(Number(id)) ?? '', min: 1 }));
    const seen = new Set<string>();
    for (const drop of drops) {
      if (!items.has(drop.item) || seen.has(drop.item)) continue;
      seen.add(drop.item);
      add(drop.item, {
        kind: 'mine',
        block: blockName,
        tools,
        yield: Math.max(1, drop.min),
        dimension: natural.dimension,
      });
    }
  }

  for (const [mob, natural] of mobs) {
    const loot = data.entityLoot[mob];
    if (!loot) continue;
    // Only regular drops: a zombie's rare iron ingot is not a way to get iron.
    for (const drop of loot.drops.filter((d) => d.dropChance >= 0.5)) {
      if (!items.has(drop.item)) continue;
      add(drop.item, {
        kind: 'kill',
        mob,
        yield: Math.max(1, drop.stackSizeRange[0] ?? 1),
        dimension: natural.dimension,
      });
    }
  }

  return { version, items, sources, naturalBlocks, mobs };
}
