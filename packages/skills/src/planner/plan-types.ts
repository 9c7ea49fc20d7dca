import type { ItemStack, JsonObject } from '@sid/core';
import type { Tier } from '../techtree/tiers.js';

/** What a plan step does, named after the built-in skill that performs it. */
export type PlanSkill = 'collect' | 'craftItem' | 'smelt' | 'hunt';

/** One step of a plan: run `skill` with `params`; afterwards the inventory should hold `expect`. */
export interface PlanStep {
  skill: PlanSkill;
  params: JsonObject;
  /** The item this step produces and how many (crafting may make more than needed). */
  item: string;
  count: number;
  tier: Tier;
  /** Block mined, mob hunted, or item smelted, when relevant. */
  from?: string;
  /** Tool or station this step needs. */
  needs?: string[];
  /** One-line human description, e.g. `craft 4 stick`. */
  text: string;
}

/** Why a request cannot be planned. */
export type PlanFailureCode = 'unknown_item' | 'invalid_count' | 'unobtainable' | 'not_in_world';

/** A successful plan: steps in dependency order. */
export interface PlanSuccess {
  ok: true;
  item: string;
  count: number;
  tier: Tier;
  steps: PlanStep[];
  /** Distinct items the plan produces, in order (the `steps` of the techtree CLI). */
  items: string[];
  /** Inventory expected after the last step (a lower bound: drops can be generous). */
  expectedInventory: ItemStack[];
}

/** A request that cannot be planned, with a reason fit for a prompt. */
export interface PlanFailure {
  ok: false;
  item: string;
  count: number;
  code: PlanFailureCode;
  reason: string;
  suggestions?: string[];
}

/** The planner's answer. */
export type Plan = PlanSuccess | PlanFailure;

/** Context for planning: what the agent holds and sees. */
export interface PlanContext {
  inventory?: readonly ItemStack[];
  /** Blocks the agent can see; they are favoured when routes cost about the same. */
  nearbyBlocks?: Iterable<string>;
  /** Blocks that exist in this world at all; mining anything else is impossible. */
  worldBlocks?: Iterable<string>;
  /** Mobs that exist in this world; hunting anything else is impossible (the headless world has none). */
  worldMobs?: Iterable<string>;
}
