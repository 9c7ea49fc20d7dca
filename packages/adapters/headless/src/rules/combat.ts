import { toolOf } from './digging.js';

const TIERS = ['wooden', 'golden', 'stone', 'iron', 'diamond', 'netherite'];
const SWORD = [4, 4, 5, 6, 7, 8];
const AXE = [7, 7, 9, 9, 9, 10];
const AXE_SPEED = [0.8, 1, 0.8, 0.9, 1, 1];
const PICKAXE = [2, 2, 3, 4, 5, 6];
const SHOVEL = [2.5, 2.5, 3.5, 4.5, 5.5, 6.5];

/** Damage of one fully charged hit and the attack speed (hits per second) of the held item. */
export function weaponStats(item: string | null): { damage: number; attacksPerSecond: number } {
  const tool = toolOf(item);
  const tier = tool?.tier ? TIERS.indexOf(tool.tier) : -1;
  if (!tool || tier < 0) return { damage: 1, attacksPerSecond: 4 };
  switch (tool.kind) {
    case 'sword':
      return { damage: SWORD[tier] as number, attacksPerSecond: 1.6 };
    case 'axe':
      return { damage: AXE[tier] as number, attacksPerSecond: AXE_SPEED[tier] as number };
    case 'pickaxe':
      return { damage: PICKAXE[tier] as number, attacksPerSecond: 1.2 };
    case 'shovel':
      return { damage: SHOVEL[tier] as number, attacksPerSecond: 1 };
    default:
      return { damage: 1, attacksPerSecond: 4 };
  }
}

/** Armour slots and the equipment key each piece goes to. */
export type ArmorSlot = 'head' | 'torso' | 'legs' | 'feet';

const ARMOR_POINTS: Record<string, [number, number, number, number]> = {
  leather: [1, 3, 2, 1],
  golden: [2, 5, 3, 1],
  chainmail: [2, 5, 4, 1],
  iron: [2, 6, 5, 2],
  diamond: [3, 8, 6, 3],
  netherite: [3, 8, 6, 3],
};
const PIECES: Record<string, ArmorSlot> = { helmet: 'head', chestplate: 'torso', leggings: 'legs', boots: 'feet' };
const SLOT_INDEX: Record<ArmorSlot, number> = { head: 0, torso: 1, legs: 2, feet: 3 };

/** `iron_helmet` → { slot: 'head', points: 2, toughness: 0 }; null when the item is not armour. */
export function armorOf(item: string): { slot: ArmorSlot; points: number; toughness: number } | null {
  if (item === 'turtle_helmet') return { slot: 'head', points: 2, toughness: 0 };
  const match = /^(leather|golden|chainmail|iron|diamond|netherite)_(helmet|chestplate|leggings|boots)$/.exec(item);
  if (!match) return null;
  const slot = PIECES[match[2] as string] as ArmorSlot;
  const material = match[1] as string;
  const points = (ARMOR_POINTS[material] as number[])[SLOT_INDEX[slot]] as number;
  const toughness = material === 'diamond' ? 2 : material === 'netherite' ? 3 : 0;
  return { slot, points, toughness };
}

/** Damage after armour, by Minecraft's formula. */
export function damageAfterArmor(damage: number, armorPoints: number, toughness: number): number {
  const reduction = Math.min(20, Math.max(armorPoints / 5, armorPoints - damage / (2 + toughness / 4)));
  return damage * (1 - reduction / 25);
}
