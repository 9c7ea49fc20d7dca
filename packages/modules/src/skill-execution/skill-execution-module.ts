import { defineModule, type JsonObject, PRIORITY, TRIGGERS } from '@sid/core';
import { type AnySkill, BUILTIN_SKILLS, executeSkill, SkillLibrary, type SkillOutcome, TechTree } from '@sid/skills';
import { z } from 'zod';
import { planSlot } from '../slots/plan-slot.js';
import { type SkillAttempt, skillExecutionSlot } from '../slots/skill-execution-slot.js';
import { explore } from './explore.js';

export const skillExecutionOptions = z.object({
  /**
   * A skill library (shared by the society or per agent): skills run through it, so learned skills are
   * available and statistics are kept per skill and per agent; an action that names no known skill is
   * looked up by retrieval. Without one, the built-in skills run directly.
   */
  library: z.custom<SkillLibrary>((v) => v instanceof SkillLibrary, 'expected a SkillLibrary').optional(),
  /** Least retrieval similarity for running a retrieved skill for an unknown action. */
  minRetrievalScore: z.number().min(0).max(1).default(0.35),
  /** A failed decision is retried after this long (ms) unless a new decision arrives. */
  retryDelayMs: z.number().int().nonnegative().default(2_000),
  /** Attempts kept in `skillExecution.history`. */
  historySize: z.number().int().positive().default(30),
});

const SKILLS = new Map<string, AnySkill>(BUILTIN_SKILLS.map((s) => [s.name, s]));

/** The first parameter shape the skill accepts for a decision's target (skills name it differently). */
function paramsFor(skill: AnySkill | undefined, target: string | null): JsonObject {
  if (!skill || target === null) return {};
  const candidates: JsonObject[] = [
    { item: target },
    { name: target },
    { entity: target },
    { mob: target },
    { to: target },
  ];
  return candidates.find((c) => skill.params.safeParse(c).success) ?? { item: target };
}

/** Decision action → skill name (`obtain` is the planner-driven skill). */
function skillFor(action: string): string {
  return action === 'obtain' ? 'obtainItem' : action;
}

/**
 * Skill execution (reflex): turns the broadcast decision's action into a skill from @sid/skills
 * (`obtain X` plans from the tech tree and the inventory), runs it through the body, and records
 * what it expected and what happened for action awareness. A newer decision interrupts the running
 * skill (through `ctx.interruptSignal`). A failed decision is retried after `retryDelayMs` — without
 * action awareness nothing tells the controller to stop, which is what the ablation shows.
 *
 * Reads: plan (how many of an item the plan wants; what is held comes from the body). Writes: skillExecution. Triggers: decision broadcast; cadence 0.5 s (retries).
 */
export const skillExecutionModule = defineModule({
  name: 'skillExecution',
  description: 'Runs the decided action as a skill through the body; reports expected vs observed.',
  slots: [skillExecutionSlot, planSlot],
  reads: ['plan'],
  writes: ['skillExecution'],
  cadenceMs: 500,
  triggers: [TRIGGERS.decisionBroadcast],
  priority: PRIORITY.action,
  options: skillExecutionOptions,
  async run(ctx) {
    const decision = ctx.decision();
    const body = ctx.body;
    if (!decision?.action || decision.action === 'wait' || !body) return;
    const state = ctx.read(skillExecutionSlot);
    const name = skillFor(decision.action);
    const target = decision.target;
    // `obtain X` works until the inventory holds what the plan wants of X (default 1).
    const wanted = name === 'obtainItem' ? (ctx.read(planSlot).steps.find((s) => s.target === target)?.count ?? 1) : 1;
    const sameWork = state.skill === name && state.target === target;
    // A 'running' status seen here never finished (restored from a checkpoint taken mid-skill, or its run
    // was aborted): the scheduler never overlaps runs of this module, so it is safe to start over.
    if (sameWork && state.status === 'failed' && ctx.now() - state.finishedAt < ctx.options.retryDelayMs) return;
    if (sameWork && state.status === 'succeeded') {
      // Done already, unless an obtain is still short. The body is asked (not gameState): perception may
      // not have run since the skill finished.
      const short =
        name === 'obtainItem' &&
        (await body.perceive()).inventory.filter((s) => s.name === target).reduce((n, s) => n + s.count, 0) < wanted;
      if (!short) {
        // A newer decision with the same action and target (e.g. it only adds a line to say): same work, done.
        if (state.decisionSeq < decision.seq) ctx.write(skillExecutionSlot, { ...state, decisionSeq: decision.seq });
        return;
      }
    }
    const signal = ctx.interruptSignal;
    if (signal.aborted) return;
    const before = await body.perceive();
    const inventoryBefore: Record<string, number> = {};
    for (const s of before.inventory) inventoryBefore[s.name] = (inventoryBefore[s.name] ?? 0) + s.count;
    const library = ctx.options.library;
    let skill = library ? library.get(name) : SKILLS.get(name);
    if (!skill && library && name !== 'explore') {
      // Not a skill name: take the library's best match for what the controller asked for.
      const [best] = await library.retrieve(`${decision.action} ${target ?? ''} ${decision.intent}`, {
        k: 1,
        agentId: ctx.agentId,
      });
      if (best && best.score >= ctx.options.minRetrievalScore) skill = best.skill;
    }
    // A retrieved skill is recorded under its own name.
    const skillName = skill?.name ?? name;
    const params: JsonObject = name === 'obtainItem' ? { item: target ?? '', count: wanted } : paramsFor(skill, target);
    const expectedItems: Record<string, number> = {};
    if (skill?.expect) {
      const parsed = skill.params.safeParse(params);
      if (parsed.success) {
        for (const e of skill.expect(parsed.data, before, TechTree.default()).items ?? []) {
          if (typeof e.item === 'string') expectedItems[e.item] = e.count;
        }
      }
    }
    const startedAt = ctx.now();
    ctx.write(skillExecutionSlot, {
      ...state,
      status: 'running',
      skill: skillName,
      target,
      decisionSeq: decision.seq,
      expectedItems,
      inventoryBefore,
      startedAt,
      lastReason: null,
    });

    let ok: boolean;
    let reason: string | null = null;
    if (name === 'explore') {
      const outcome = await explore(body, ctx.rng, signal);
      ok = outcome.ok;
      reason = outcome.reason?.code ?? null;
    } else if (!skill) {
      ok = false;
      reason = 'unknown_skill';
    } else {
      const options = { signal, now: () => ctx.now() };
      const outcome: SkillOutcome = library
        ? await library.execute(skill.name, ctx.agentId, { body, signal }, params, options)
        : await executeSkill(skill, { body, tree: TechTree.default(), signal }, params, options);
      ok = outcome.ok;
      reason = outcome.failure?.code ?? null;
    }
    const interrupted = !ok && (signal.aborted || reason === 'interrupted');
    const attempt: SkillAttempt = { skill: skillName, target, ok, reason, decisionSeq: decision.seq, at: ctx.now() };
    ctx.emit('skill.finished', { skill: skillName, target, ok, reason, interrupted, decisionSeq: decision.seq });
    const latest = ctx.read(skillExecutionSlot);
    ctx.write(skillExecutionSlot, {
      ...latest,
      status: ok ? 'succeeded' : interrupted ? 'interrupted' : 'failed',
      finishedAt: ctx.now(),
      lastReason: reason,
      // Interruptions are the controller's choice, not failures of the action: they are not counted.
      history: interrupted ? latest.history : [...latest.history, attempt].slice(-ctx.options.historySize),
    });
  },
});
