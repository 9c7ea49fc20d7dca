import type { Dimension } from './natural-sources.js';

/** An item and how many of it. */
export interface ItemCount {
  item: string;
  count: number;
}

/** Crafted from `inputs`; `yield` items per craft; 3x3 recipes need a crafting table. */
export interface CraftSource {
  kind: 'craft';
  inputs: ItemCount[];
  yield: number;
  needsTable: boolean;
}

/** Smelted in a furnace from one `input`. */
export interface SmeltSource {
  kind: 'smelt';
  input: string;
  yield: 1;
}

/** Dug from a natural `block`; `tools` lists the tools that harvest it (empty: by hand). */
export interface MineSource {
  kind: 'mine';
  block: string;
  tools: string[];
  /** Guaranteed drops per block (the low end of the loot range). */
  yield: number;
  dimension: Dimension;
}

/** Dropped by a huntable `mob`. */
export interface KillSource {
  kind: 'kill';
  mob: string;
  yield: number;
  dimension: Dimension;
}

/** One way to obtain an item. */
export type ItemSource = CraftSource | SmeltSource | MineSource | KillSource;

/** The station an item source needs in the world, if any. */
export function stationOf(source: ItemSource): 'crafting_table' | 'furnace' | null {
  if (source.kind === 'craft') return source.needsTable ? 'crafting_table' : null;
  if (source.kind === 'smelt') return 'furnace';
  return null;
}
