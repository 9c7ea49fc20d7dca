/**
 * @sid/skills — a Voyager-style skill library for PIANO agents: built-in skills written against the
 * Body primitives, learned skills that run in an isolated-vm sandbox, retrieval through the
 * VectorIndex port, the Minecraft tech tree, progress measures and an "obtain X" planner.
 */

export { BUILTIN_SKILLS } from './builtin/index.js';
export { expectHolding, obtain, obtainItemSkill, obtainSkill } from './builtin/obtain.js';
export {
  attackSkill,
  blocksFor,
  chatSkill,
  collectBlocks,
  collectSkill,
  craftItemSkill,
  craftItems,
  depositSkill,
  dropOf,
  eatSkill,
  equipSkill,
  giveSkill,
  huntMobs,
  huntSkill,
  mineBlockSkill,
  moveToSkill,
  placeBlockSkill,
  smeltItems,
  smeltOutput,
  smeltSkill,
  withdrawSkill,
} from './builtin/primitive-skills.js';
export {
  makeIronPickaxeSkill,
  makeStonePickaxeSkill,
  makeWoodenPickaxeSkill,
  mineDiamondSkill,
  mineIronSkill,
  mineStoneSkill,
  smeltIronSkill,
} from './builtin/progression.js';
export { buildShelterSkill, SHELTER_MATERIALS, shelterLayout } from './builtin/shelter.js';
export { ensureStation, placeNearby } from './builtin/stations.js';
export { gatherWoodSkill, LOG_NAMES, makeCraftingTableSkill, makePlanksSkill, PLANK_NAMES } from './builtin/wood.js';
export { type ExecuteOptions, executeSkill, inventoryDelta, unmetExpectations } from './execute-skill.js';
export { type Embedder, modelEmbedder, OFFLINE_EMBEDDING_LABEL, offlineEmbedder } from './library/embedder.js';
export {
  type LearnAttempt,
  type LearnedSkillAnswer,
  type LearnResult,
  type LearnSkillOptions,
  learnedSkillAnswerSchema,
  learnSkill,
} from './library/learn-skill.js';
export { type AttemptFeedback, BOT_API_REFERENCE, learningPrompt } from './library/prompts.js';
export {
  type LibraryScope,
  type RetrievedSkill,
  SkillLibrary,
  type SkillLibraryOptions,
} from './library/skill-library.js';
export { learnedSkill, type SkillRecord, skillRecordSchema } from './library/skill-record.js';
export {
  emptyCounters,
  emptyStats,
  recordOutcome,
  type SkillCounters,
  type SkillStats,
} from './library/skill-stats.js';
export { planObtain } from './planner/plan-obtain.js';
export type {
  Plan,
  PlanContext,
  PlanFailure,
  PlanFailureCode,
  PlanSkill,
  PlanStep,
  PlanSuccess,
} from './planner/plan-types.js';
export {
  BRIDGE_PRIMITIVES,
  BRIDGE_QUERIES,
  type BridgeCall,
  type BridgePrimitive,
} from './sandbox/bridge-api.js';
export {
  DEFAULT_SANDBOX_LIMITS,
  entryFunctionName,
  runSandboxed,
  type SandboxRun,
} from './sandbox/run-sandboxed.js';
export type { SandboxError, SandboxErrorCode, SandboxLimits, SandboxResult } from './sandbox/sandbox-types.js';
export {
  type AnySkill,
  type BuiltinCode,
  defineSkill,
  type ExpectedItems,
  type ExpectedOutcome,
  must,
  type Skill,
  type SkillAction,
  type SkillContext,
  type SkillFailure,
  type SkillKind,
  type SkillOutcome,
  SkillStop,
} from './skill.js';
export { type Dimension, HUNTABLE_MOBS, NATURAL_BLOCKS, type NaturalSource } from './techtree/natural-sources.js';
export { type ProgressPoint, type ProgressSummary, ProgressTracker } from './techtree/progress.js';
export { FUEL_SMELTS, SMELTING_RECIPES, type SmeltingRecipe, smeltsPerFuel } from './techtree/smelting.js';
export { buildSourceTable, GAME_VERSION, type SourceTable, type SourceTableOptions } from './techtree/source-table.js';
export type { CraftSource, ItemCount, ItemSource, KillSource, MineSource, SmeltSource } from './techtree/sources.js';
export { stationOf } from './techtree/sources.js';
export { type ResolvedRoute, RouteMap, type RouteOptions, TechTree } from './techtree/tech-tree.js';
export {
  DIMENSION_TIER,
  TIER_NAMES,
  type Tier,
  TOOL_MILESTONES,
  type ToolMilestone,
  toolMilestoneOf,
} from './techtree/tiers.js';
