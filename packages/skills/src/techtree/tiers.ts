/**
 * Tech-tree tiers. An item's tier is the highest stage of progression its cheapest route passes
 * through: raw world items are 0, hand-crafted items 1, anything needing a crafting table 2, then
 * one tier per pickaxe material needed along the way, then the nether and the end.
 */
export const TIER_NAMES = [
  'raw',
  'processed',
  'wooden (tools and tables)',
  'stone',
  'iron',
  'diamond',
  'beyond diamond',
  'nether',
  'end',
] as const;

/** A tier number, 0–8; see {@link TIER_NAMES}. */
export type Tier = number;

/** Lowest tier of anything that comes from the nether or the end (a portal is needed first). */
export const DIMENSION_TIER = { overworld: 0, nether: 7, end: 8 } as const;

/** Tool materials whose first tool marks a progress milestone, in order. */
export const TOOL_MILESTONES = ['wooden', 'stone', 'iron', 'diamond'] as const;

/** A tool-material milestone: `wooden`, `stone`, `iron` or `diamond`. */
export type ToolMilestone = (typeof TOOL_MILESTONES)[number];

const TOOL_KINDS = ['pickaxe', 'axe', 'shovel', 'hoe', 'sword'];

/** The milestone an item completes (e.g. `stone_axe` → `stone`), or null. */
export function toolMilestoneOf(item: string): ToolMilestone | null {
  for (const material of TOOL_MILESTONES) {
    if (TOOL_KINDS.some((kind) => item === `${material}_${kind}`)) return material;
  }
  return null;
}
