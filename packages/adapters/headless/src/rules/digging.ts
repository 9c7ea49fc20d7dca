import type { BlockInfo, GameData } from './game-data.js';

/** Milliseconds in one Minecraft game tick (20 ticks per second). */
export const TICK_MS = 50;

/** Tool kinds that speed up digging. */
export type ToolKind = 'pickaxe' | 'shovel' | 'axe' | 'hoe' | 'shears' | 'sword';

const TIER_ORDER = ['wooden', 'golden', 'stone', 'iron', 'diamond', 'netherite'] as const;

/** `stone_pickaxe` → { kind: 'pickaxe', tier: 'stone' }; null for items that are not tools. */
export function toolOf(itemName: string | null): { kind: ToolKind; tier: string | null } | null {
  const tool = cachedToolOf(itemName);
  return tool === null ? null : { kind: tool.kind, tier: tool.tier };
}

const toolCache = new Map<string, Readonly<{ kind: ToolKind; tier: string | null }> | null>();

/** {@link toolOf} without the copy, for the rules' own hot paths (item names repeat; the regex ran per dig). */
function cachedToolOf(itemName: string | null): Readonly<{ kind: ToolKind; tier: string | null }> | null {
  if (itemName === null) return null;
  let tool = toolCache.get(itemName);
  if (tool === undefined) {
    tool = parseTool(itemName);
    if (toolCache.size >= 4096) toolCache.clear();
    toolCache.set(itemName, tool);
  }
  return tool;
}

function parseTool(itemName: string): { kind: ToolKind; tier: string | null } | null {
  if (itemName === 'shears') return { kind: 'shears', tier: null };
  const match = /^(wooden|golden|stone|iron|diamond|netherite)_(pickaxe|shovel|axe|hoe|sword)$/.exec(itemName);
  if (!match) return null;
  return { kind: match[2] as ToolKind, tier: match[1] as string };
}

/** The tool kind that digs a block fastest, from its minecraft-data material. */
export function preferredTool(block: BlockInfo): ToolKind | null {
  const m = block.material;
  // `incorrect_for_*_tool` materials are the tier-gated pickaxe blocks (ores, obsidian).
  if (m.includes('mineable/pickaxe') || m.startsWith('incorrect_for_')) return 'pickaxe';
  if (m.includes('mineable/shovel')) return 'shovel';
  if (m.includes('mineable/axe')) return 'axe';
  if (m.includes('leaves')) return 'shears';
  if (m.includes('mineable/hoe')) return 'hoe';
  if (m === 'coweb') return 'sword';
  return null;
}

/** Whether the held item (null = hand) gets drops from the block. */
export function canHarvest(block: BlockInfo, heldItemId: number | null): boolean {
  if (block.harvestTools === null) return true;
  return heldItemId !== null && block.harvestTools.has(heldItemId);
}

/** Tool names that can harvest the block, weakest first; empty when the hand will do. */
export function harvestToolNames(block: BlockInfo, data: GameData): string[] {
  if (block.harvestTools === null) return [];
  const names = [...block.harvestTools].map((id) => data.itemName(id)).filter((n): n is string => n !== null);
  return names.sort((a, b) => tierRank(a) - tierRank(b) || a.localeCompare(b));
}

function tierRank(name: string): number {
  const tier = cachedToolOf(name)?.tier;
  const index = TIER_ORDER.indexOf((tier ?? 'wooden') as (typeof TIER_ORDER)[number]);
  return Math.max(index, 0);
}

/** Speed multiplier of the held item on the block (1 for the hand or a wrong tool). */
export function toolSpeed(block: BlockInfo, heldItemName: string | null, data: GameData): number {
  const tool = cachedToolOf(heldItemName);
  if (!tool || heldItemName === null) return 1;
  const wanted = preferredTool(block);
  if (wanted !== tool.kind) return 1;
  const materials = data.raw.materials as Record<string, Record<string, number>>;
  // Tier-gated pickaxe blocks carry a data material with no pickaxe speeds: use the pickaxe table.
  const table = block.material.startsWith('incorrect_for_') ? materials['mineable/pickaxe'] : materials[block.material];
  const id = data.itemsByName.get(heldItemName)?.id;
  const speed = id === undefined ? undefined : table?.[String(id)];
  return speed ?? 1;
}

/**
 * Game time to break a block with the held item, by Minecraft's formula: damage per tick is
 * speed / hardness / 30 (or / 100 without a harvesting tool); the block breaks after ceil(1 / damage)
 * ticks. Returns null for unbreakable blocks (bedrock, liquids).
 */
export function digTimeMs(block: BlockInfo, heldItemName: string | null, data: GameData): number | null {
  // The rules are fixed per block and item, so the blocks of the data (not look-alike objects) cache their times.
  if (data.blocksById.get(block.id) !== block) return computeDigTimeMs(block, heldItemName, data);
  let times = digTimes.get(block);
  if (!times) {
    times = new Map();
    digTimes.set(block, times);
  }
  let ms = times.get(heldItemName);
  if (ms === undefined) {
    ms = computeDigTimeMs(block, heldItemName, data);
    if (times.size >= 1024) times.clear();
    times.set(heldItemName, ms);
  }
  return ms;
}

const digTimes = new WeakMap<BlockInfo, Map<string | null, number | null>>();

function computeDigTimeMs(block: BlockInfo, heldItemName: string | null, data: GameData): number | null {
  if (!block.diggable || block.hardness < 0 || block.name === 'water' || block.name === 'lava') return null;
  if (block.hardness === 0) return TICK_MS;
  const heldId = heldItemName === null ? null : (data.itemsByName.get(heldItemName)?.id ?? null);
  const speed = toolSpeed(block, heldItemName, data);
  const damage = speed / block.hardness / (canHarvest(block, heldId) ? 30 : 100);
  if (damage >= 1) return TICK_MS;
  return Math.ceil(1 / damage) * TICK_MS;
}

/** Among the item names given, the one that harvests the block fastest (null = the hand is best). */
export function bestToolFor(block: BlockInfo, itemNames: Iterable<string>, data: GameData): string | null {
  let best: string | null = null;
  let bestMs = canHarvest(block, null) ? (digTimeMs(block, null, data) ?? Number.POSITIVE_INFINITY) : Infinity;
  for (const name of itemNames) {
    if (!cachedToolOf(name)) continue;
    const id = data.itemsByName.get(name)?.id ?? null;
    if (!canHarvest(block, id)) continue;
    const ms = digTimeMs(block, name, data) ?? Number.POSITIVE_INFINITY;
    if (ms < bestMs) {
      best = name;
      bestMs = ms;
    }
  }
  return best;
}
