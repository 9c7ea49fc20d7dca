import { instrumentBody, type JsonObject, type Observation } from '@sid/core';
import { runSandboxed } from './sandbox/run-sandboxed.js';
import type { SandboxLimits } from './sandbox/sandbox-types.js';
import {
  type AnySkill,
  type ExpectedOutcome,
  type SkillAction,
  type SkillContext,
  type SkillFailure,
  type SkillOutcome,
  SkillStop,
} from './skill.js';

/** Options for one skill run. */
export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Limits for learned skills' sandbox. */
  sandbox?: SandboxLimits;
  /** Clock time source for `durationMs`; default `Date.now`. */
  now?: () => number;
  /** Seed of a learned skill's `Math.random` (default: the skill's name). */
  seed?: string;
}

/** What sandboxed code sees of a skill it ran with `bot.skill`. */
function summarize(outcome: SkillOutcome): JsonObject {
  return {
    ok: outcome.ok,
    ...(outcome.failure ? { failure: { code: outcome.failure.code, message: outcome.failure.message } } : {}),
    observed: { items: outcome.observed.items, position: { ...outcome.observed.position } },
  };
}

function inventoryCounts(observation: Observation): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of observation.inventory) counts.set(s.name, (counts.get(s.name) ?? 0) + s.count);
  return counts;
}

/** Inventory deltas between two observations. */
export function inventoryDelta(before: Observation, after: Observation): Record<string, number> {
  const a = inventoryCounts(before);
  const b = inventoryCounts(after);
  const delta: Record<string, number> = {};
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(name) ?? 0) - (a.get(name) ?? 0);
    if (d !== 0) delta[name] = d;
  }
  return delta;
}

/** Lists what the observed changes miss of the expectation (empty when it is met). */
export function unmetExpectations(
  expected: ExpectedOutcome,
  items: Record<string, number>,
  position: { x: number; y: number; z: number },
): string[] {
  const missing: string[] = [];
  for (const want of expected.items ?? []) {
    const names = Array.isArray(want.item) ? want.item : [want.item];
    const got = names.reduce((sum, n) => sum + (items[n] ?? 0), 0);
    if (got < want.count) {
      const label = names.length > 3 ? `${names.slice(0, 3).join('/')}/…` : names.join('/');
      missing.push(`expected +${want.count} ${label}, got ${got >= 0 ? '+' : ''}${got}`);
    }
  }
  if (expected.position) {
    const { target, within } = expected.position;
    const d = Math.hypot(position.x - target.x, position.y - target.y, position.z - target.z);
    if (d > within)
      missing.push(
        `expected to be within ${within} of (${target.x}, ${target.y}, ${target.z}), ended ${d.toFixed(1)} away`,
      );
  }
  return missing;
}

/**
 * Runs a skill on a body: checks the parameters, observes before and after, runs the code (built-in
 * directly, learned in the sandbox), and compares the observed changes with the skill's expectation.
 * A run only counts as successful when the code succeeded and the expectation is met.
 */
export async function executeSkill(
  skill: AnySkill,
  context: SkillContext,
  rawParams: unknown,
  options: ExecuteOptions = {},
): Promise<SkillOutcome> {
  const now = options.now ?? Date.now;
  const started = now();
  const actions: SkillAction[] = [];
  // The core's wrapper (the same one a society puts around every body) records each primitive's outcome.
  const body = instrumentBody(context.body, now, ({ action, outcome }) =>
    actions.push({ action, ok: outcome.ok, ...(outcome.reason ? { reason: outcome.reason } : {}) }),
  );
  const before = await context.body.perceive();
  const parsed = skill.params.safeParse(rawParams ?? {});
  const finish = async (
    failure: SkillFailure | undefined,
    expected: ExpectedOutcome,
    value?: unknown,
  ): Promise<SkillOutcome> => {
    const after = await context.body.perceive();
    const items = inventoryDelta(before, after);
    const missing = unmetExpectations(expected, items, after.self.position);
    const matched = missing.length === 0;
    const finalFailure: SkillFailure | undefined =
      failure ??
      (matched ? undefined : { code: 'expectation_not_met', message: `${skill.name}: ${missing.join('; ')}`, missing });
    return {
      skill: skill.name,
      ok: finalFailure === undefined,
      ...(finalFailure ? { failure: finalFailure } : {}),
      expected,
      observed: { items, position: after.self.position },
      matchedExpectation: matched,
      actions,
      ...(value !== undefined ? { value: value as SkillOutcome['value'] } : {}),
      durationMs: now() - started,
    };
  };
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
    return finish({ code: 'invalid_params', message: `${skill.name}: ${message}` }, {});
  }
  const params = parsed.data as JsonObject;
  const expected = skill.expect?.(params, before, context.tree) ?? {};
  if (typeof skill.code === 'string') {
    const runSkill = context.runSkill;
    const result = await runSandboxed({
      source: skill.code,
      body: context.body,
      params,
      seed: options.seed ?? skill.name,
      ...(runSkill
        ? { callSkill: async (name: string, innerParams: JsonObject) => summarize(await runSkill(name, innerParams)) }
        : {}),
      ...(options.sandbox ? { limits: options.sandbox } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const call of result.calls) {
      if (call.outcome) {
        actions.push({
          action: call.primitive,
          ok: call.outcome.ok,
          ...(call.outcome.reason ? { reason: call.outcome.reason } : {}),
        });
      }
    }
    const failure: SkillFailure | undefined = result.error
      ? { code: 'sandbox', message: result.error.message, sandbox: result.error.code }
      : undefined;
    const outcome = await finish(failure, expected, result.value);
    return result.logs.length > 0 ? { ...outcome, logs: result.logs } : outcome;
  }
  try {
    const value = await skill.code({ ...context, body, ...(options.signal ? { signal: options.signal } : {}) }, params);
    return finish(undefined, expected, value);
  } catch (error) {
    if (error instanceof SkillStop) return finish(error.reason, expected);
    return finish(
      { code: 'error', message: `${skill.name} threw: ${error instanceof Error ? error.message : String(error)}` },
      expected,
    );
  }
}
