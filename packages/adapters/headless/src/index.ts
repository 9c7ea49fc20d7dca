/**
 * @sid/headless — a deterministic Minecraft-rules world (rules from minecraft-data 1.21.4) that
 * implements the `Environment` and `Body` ports of @sid/core, for development, tests and
 * 1000-agent societies with no Minecraft server.
 */

export { CRAFT_MS } from './body/actions/crafting.js';
export { COLLECT_RADIUS } from './body/actions/gathering.js';
export { ATTACK_REACH, CHAT_RANGE, MAX_CHAT_LENGTH } from './body/actions/social.js';
export { HeadlessBody } from './body/headless-body.js';
export { OBSERVE_BLOCK_RADIUS, OBSERVE_ENTITY_RADIUS } from './body/perception.js';
export {
  chestSchema,
  parseWorldConfig,
  townSchema,
  type WorldConfig,
  type WorldConfigInput,
  worldConfigSchema,
} from './config.js';
export { culturalTransmissionLayout, type PlannedAgent, planAgents } from './layout.js';
export { armorOf, damageAfterArmor, weaponStats } from './rules/combat.js';
export { bestToolFor, canHarvest, digTimeMs, harvestToolNames, TICK_MS, toolOf } from './rules/digging.js';
export { EXHAUSTION, foodValue, MAX_FOOD, MAX_HEALTH } from './rules/food.js';
export { type BlockInfo, GAME_VERSION, GameData, type ItemInfo } from './rules/game-data.js';
export { type LootEntry, lootTable, rollLoot } from './rules/loot.js';
export { type Recipe, recipesFor } from './rules/recipes.js';
export { FUEL, fuelNeeded, SMELT_MS_PER_ITEM, SMELTING, smeltingInputsFor } from './rules/smelting.js';
export { ORES, type OreSpec } from './terrain/ores.js';
export { createHeadlessWorld, DAY_TICKS, HeadlessWorld } from './world/headless-world.js';
export { INVENTORY_SLOTS } from './world/inventory.js';
export { ITEM_DESPAWN_MS, PICKUP_DELAY_MS, PICKUP_RANGE } from './world/item-entity.js';
export { MAX_Y, MIN_Y } from './world/keys.js';
export { type WorldSnapshot, worldSnapshotSchema } from './world/snapshot.js';
