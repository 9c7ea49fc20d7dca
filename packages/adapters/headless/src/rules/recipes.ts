import type { GameData } from './game-data.js';

/** One way to craft an item, normalised from minecraft-data (item names, summed ingredient counts). */
export interface Recipe {
  result: string;
  /** Items one craft yields. */
  count: number;
  /** Ingredient name → how many one craft consumes. */
  ingredients: Record<string, number>;
  /** Items left in the grid after crafting (e.g. empty buckets from a cake). */
  remainders: Record<string, number>;
  /** True when the shape is wider or taller than 2, or a shapeless recipe has more than 4 items. */
  needsTable: boolean;
}

type RawItem = number | null | number[] | { id: number | null; count?: number };

function itemId(raw: RawItem): number | null {
  if (raw === null || typeof raw === 'number') return raw;
  if (Array.isArray(raw)) return raw[0] ?? null;
  return raw.id;
}

function countOf(raw: RawItem): number {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw.count ?? 1) : 1;
}

let index: Map<string, Recipe[]> | null = null;

/** Every shaped and shapeless recipe of the pinned version, by result item name, built once. */
export function recipeIndex(data: GameData): Map<string, Recipe[]> {
  if (index) return index;
  index = new Map();
  const raw = data.raw.recipes as unknown as Record<string, unknown[]>;
  for (const list of Object.values(raw)) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const recipe = normalise(entry as Record<string, unknown>, data);
      if (!recipe) continue;
      const bucket = index.get(recipe.result) ?? [];
      bucket.push(recipe);
      index.set(recipe.result, bucket);
    }
  }
  return index;
}

function add(into: Record<string, number>, raw: RawItem, data: GameData): boolean {
  const id = itemId(raw);
  if (id === null) return true;
  const name = data.itemName(id);
  if (name === null) return false;
  into[name] = (into[name] ?? 0) + countOf(raw);
  return true;
}

function normalise(entry: Record<string, unknown>, data: GameData): Recipe | null {
  const resultRaw = entry.result as RawItem;
  const resultId = itemId(resultRaw);
  const result = resultId === null ? null : data.itemName(resultId);
  if (result === null) return null;
  const ingredients: Record<string, number> = {};
  const remainders: Record<string, number> = {};
  let needsTable = false;
  if (Array.isArray(entry.inShape)) {
    const rows = entry.inShape as RawItem[][];
    needsTable = rows.length > 2 || rows.some((row) => row.length > 2);
    for (const row of rows) for (const cell of row) if (!add(ingredients, cell, data)) return null;
    if (Array.isArray(entry.outShape)) {
      for (const row of entry.outShape as RawItem[][]) for (const cell of row) add(remainders, cell, data);
    }
  } else if (Array.isArray(entry.ingredients)) {
    const list = entry.ingredients as RawItem[];
    needsTable = list.length > 4;
    for (const cell of list) if (!add(ingredients, cell, data)) return null;
  } else {
    return null;
  }
  if (Object.keys(ingredients).length === 0) return null;
  return { result, count: countOf(resultRaw), ingredients, remainders, needsTable };
}

/** The recipes that make an item (empty when it cannot be crafted). */
export function recipesFor(item: string, data: GameData): Recipe[] {
  return recipeIndex(data).get(item) ?? [];
}
