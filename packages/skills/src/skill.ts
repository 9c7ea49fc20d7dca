import type { ActionOutcome, Body, FailureReason, JsonObject, JsonValue, Observation, Vec3 } from '@sid/core';
import type { z } from 'zod';
import type { SandboxErrorCode } from './sandbox/sandbox-types.js';
import type { ItemCount } from './techtree/sources.js';
import type { TechTree } from './techtree/tech-tree.js';

/** Built-in skills are TypeScript functions; learned skills are JavaScript source run in the sandbox. */
export type SkillKind = 'builtin' | 'learned';

/** One expected inventory change: the summed delta of `item` (or any of several names) is at least `count`. */
export interface ExpectedItems {
  item: string | string[];
  count: number;
}

/**
 * What a skill promises to achieve, so Action Awareness can compare it with what happened: items
 * gained (a lower bound) and where the agent should end up.
 */
export interface ExpectedOutcome {
  items?: ExpectedItems[];
  position?: { target: Vec3; within: number };
}

/** Everything a built-in skill's code may use. Skills act only through `body`. */
export interface SkillContext {
  body: Body;
  tree: TechTree;
  signal?: AbortSignal;
  /** Runs another skill by name (composites); present when run through a library or `executeSkill`. */
  runSkill?: (name: string, params: JsonObject) => Promise<SkillOutcome>;
}

/**
 * The code of a built-in skill: throws {@link SkillStop} (via `must`) to fail with a reason. Declared
 * method-style so a `Skill<{ item: string }>` fits in a list of `AnySkill`: the runner always parses
 * the parameters with the skill's own schema before calling its code.
 */
export type BuiltinCode<P> = {
  run(ctx: SkillContext, params: P): Promise<JsonValue | undefined>;
}['run'];

/**
 * A skill: named, described in words (the description is what retrieval embeds), parameters checked
 * with zod, code, dependencies on other skills, items it needs and makes, and what it should achieve.
 */
export interface Skill<P extends JsonObject = JsonObject> {
  name: string;
  description: string;
  kind: SkillKind;
  params: z.ZodType<P>;
  /** A function for built-in skills; source text `async function name(bot, params) { … }` for learned ones. */
  code: BuiltinCode<P> | string;
  /** Names of skills this one calls. */
  dependencies: string[];
  /** Items that must be held (or that the skill gathers itself when it lists them in `dependencies`). */
  requires: ItemCount[];
  /** Items the skill makes. */
  produces: ItemCount[];
  /** Expected outcome for these parameters, given the observation before the run. */
  expect?(params: P, before: Observation, tree: TechTree): ExpectedOutcome;
}

/** A skill of any parameter type, as stored in a library. */
export type AnySkill = Skill<JsonObject>;

/** Why a skill failed: a Body failure reason, or one of the skill layer's own. */
export type SkillFailure =
  | FailureReason
  | { code: 'invalid_params'; message: string }
  | { code: 'expectation_not_met'; message: string; missing: string[] }
  | { code: 'sandbox'; message: string; sandbox: SandboxErrorCode }
  | { code: 'unknown_skill'; message: string; name: string; suggestions: string[] };

/** One primitive a skill called, with its result. */
export interface SkillAction {
  action: string;
  ok: boolean;
  reason?: FailureReason;
}

/** What running a skill did, compared with what it expected. */
export interface SkillOutcome {
  skill: string;
  ok: boolean;
  failure?: SkillFailure;
  /** The expectation, so Action Awareness can check it later too. */
  expected: ExpectedOutcome;
  /** Inventory deltas and final position, from observations before and after. */
  observed: { items: Record<string, number>; position: Vec3 };
  /** True when the observed changes satisfy the expectation. */
  matchedExpectation: boolean;
  actions: SkillAction[];
  value?: JsonValue;
  /** Lines a learned skill wrote with `bot.log`. */
  logs?: string[];
  /** Clock time the run took. */
  durationMs: number;
}

/** Thrown inside built-in skill code to stop with a structured reason. */
export class SkillStop extends Error {
  constructor(readonly reason: SkillFailure) {
    super(reason.message);
    this.name = 'SkillStop';
  }
}

/** Awaits a primitive and stops the skill with its reason if it failed. */
export async function must<T extends ActionOutcome>(outcome: Promise<T>): Promise<T> {
  const result = await outcome;
  if (!result.ok) {
    throw new SkillStop(result.reason ?? { code: 'error', message: 'a primitive failed without a reason' });
  }
  return result;
}

/** Identity helper that infers `P` from the zod schema. */
export function defineSkill<P extends JsonObject>(
  skill: Omit<Skill<P>, 'kind' | 'dependencies' | 'requires' | 'produces'> &
    Partial<Pick<Skill<P>, 'dependencies' | 'requires' | 'produces'>> & { code: BuiltinCode<P> },
): Skill<P> {
  return { dependencies: [], requires: [], produces: [], kind: 'builtin', ...skill };
}
