/**
 * @sid/skills — a Voyager-style skill library for PIANO agents: built-in skills written against the
 * Body primitives, learned skills that run in an isolated-vm sandbox, retrieval through the
 * VectorIndex port, the Minecraft tech tree, progress measures and an "obtain X" planner.
 */

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
