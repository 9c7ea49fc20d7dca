import type { GameData } from './game-data.js';

/** Full health (Minecraft's 10 hearts). */
export const MAX_HEALTH = 20;
/** Full food bar. */
export const MAX_FOOD = 20;
/** Exhaustion that costs one saturation point (or one food point when saturation is 0). */
export const EXHAUSTION_PER_POINT = 4;
/** Regeneration and starvation act once per this interval (80 ticks). */
export const VITALS_STEP_MS = 4_000;
/** Exhaustion costs of work (Minecraft's values; walking is charged like sprinting, see docs). */
export const EXHAUSTION = {
  perBlockWalked: 0.1,
  perBlockDug: 0.005,
  perAttack: 0.1,
  perDamage: 0.1,
  perHealthHealed: 6,
  /** Not in Minecraft: a small idle cost so that hunger falls with time, as the design asks. */
  perSecondIdle: 0.01,
} as const;

/** Time to eat one item (32 ticks; dried kelp 16). */
export function eatTimeMs(item: string): number {
  return item === 'dried_kelp' ? 800 : 1_600;
}

/** Items that can be eaten even with a full food bar. */
const ALWAYS_EDIBLE = new Set(['golden_apple', 'enchanted_golden_apple', 'chorus_fruit', 'honey_bottle']);

/** What is left in the hand after eating. */
const REMAINDER: Record<string, string> = {
  mushroom_stew: 'bowl',
  rabbit_stew: 'bowl',
  beetroot_soup: 'bowl',
  suspicious_stew: 'bowl',
  honey_bottle: 'glass_bottle',
};

/** Food points and saturation of an edible item, from minecraft-data `foods`; null when inedible. */
export function foodValue(
  item: string,
  data: GameData,
): { food: number; saturation: number; alwaysEdible: boolean; remainder: string | null } | null {
  const food = data.raw.foodsByName[item];
  if (!food) return null;
  return {
    food: food.foodPoints,
    saturation: food.saturation,
    alwaysEdible: ALWAYS_EDIBLE.has(item),
    remainder: REMAINDER[item] ?? null,
  };
}
