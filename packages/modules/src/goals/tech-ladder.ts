/**
 * The default progression an agent climbs when nothing else drives it: the tech-tree milestones from
 * bare hands to diamond tools, in dependency order. Goal generation proposes the first one not yet
 * obtained; skill execution plans each through @sid/skills.
 */
export const DEFAULT_TECH_LADDER = [
  'oak_log',
  'oak_planks',
  'stick',
  'crafting_table',
  'wooden_pickaxe',
  'cobblestone',
  'stone_pickaxe',
  'stone_axe',
  'furnace',
  'coal',
  'raw_iron',
  'iron_ingot',
  'iron_pickaxe',
  'iron_sword',
  'diamond',
  'diamond_pickaxe',
] as const;
