import type { AnySkill } from '../skill.js';
import { obtainItemSkill } from './obtain.js';
import {
  attackSkill,
  chatSkill,
  collectSkill,
  craftItemSkill,
  depositSkill,
  eatSkill,
  equipSkill,
  giveSkill,
  huntSkill,
  mineBlockSkill,
  moveToSkill,
  placeBlockSkill,
  smeltSkill,
  withdrawSkill,
} from './primitive-skills.js';
import {
  makeIronPickaxeSkill,
  makeStonePickaxeSkill,
  makeWoodenPickaxeSkill,
  mineDiamondSkill,
  mineIronSkill,
  mineStoneSkill,
  smeltIronSkill,
} from './progression.js';
import { buildShelterSkill } from './shelter.js';
import { gatherWoodSkill, makeCraftingTableSkill, makePlanksSkill } from './wood.js';

/** Every built-in skill, primitives first, then composites in tech-tree order. */
export const BUILTIN_SKILLS: readonly AnySkill[] = [
  moveToSkill,
  mineBlockSkill,
  collectSkill,
  placeBlockSkill,
  craftItemSkill,
  smeltSkill,
  equipSkill,
  eatSkill,
  attackSkill,
  huntSkill,
  chatSkill,
  giveSkill,
  depositSkill,
  withdrawSkill,
  obtainItemSkill,
  gatherWoodSkill,
  makePlanksSkill,
  makeCraftingTableSkill,
  makeWoodenPickaxeSkill,
  mineStoneSkill,
  makeStonePickaxeSkill,
  mineIronSkill,
  smeltIronSkill,
  makeIronPickaxeSkill,
  mineDiamondSkill,
  buildShelterSkill,
];
