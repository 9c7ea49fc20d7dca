import { defineModule, type ItemStack, PRIORITY, TRIGGERS } from '@sid/core';
import { z } from 'zod';
import { actionAwarenessSlot } from '../slots/action-awareness-slot.js';
import { progressSlot } from '../slots/progress-slot.js';
import { type SkillAttempt, skillExecutionSlot } from '../slots/skill-execution-slot.js';

export const actionAwarenessOptions = z.object({
  /** The same skill on the same target failing this many times in a row is flagged. */
  repeatedFailures: z.number().int().min(2).default(3),
  /** Checks in a row with no new unique item before "no progress" is flagged (240 × 0.5 s = 2 min). */
  noProgressChecks: z.number().int().min(2).default(240),
  /** A success is checked against the inventory only if it was read within this long after (ms). */
  freshWithinMs: z.number().int().positive().default(1_500),
  /** Clock time (ms) without moving, while movement keeps failing, before "stuck" is flagged. */
  stuckMs: z.number().int().positive().default(5_000),
});

function countOf(inventory: readonly ItemStack[], name: string): number {
  return inventory.filter((s) => s.name === name).reduce((n, s) => n + s.count, 0);
}

/** The trailing run of identical failed attempts (same skill, target and reason), if any. */
function trailingFailures(history: readonly SkillAttempt[]): { attempt: SkillAttempt; count: number } | null {
  const last = history[history.length - 1];
  if (!last || last.ok) return null;
  let count = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const a = history[i] as SkillAttempt;
    if (a.ok || a.skill !== last.skill || a.target !== last.target) break;
    count++;
  }
  return { attempt: last, count };
}

/**
 * Action awareness (reflex, no model): compares what skill execution expected with what the body and
 * inventory show. It flags hallucinated progress (a skill or a goal claims items the inventory lacks),
 * repeated failures of the same action, no progress for N checks, and being stuck, and writes a short
 * assessment the controller sees. The paper found agents without it stall and hallucinate progress.
 *
 * Reads: skillExecution, gameState, goals, progress. Writes: actionAwareness. Cadence 0.5 s and after
 * every action. Emits `awareness.failure` when it newly flags a problem (planning listens).
 */
export const actionAwarenessModule = defineModule({
  name: 'actionAwareness',
  description: 'Expected vs observed outcomes; flags hallucinated progress, repeated failures, no progress, stuck.',
  slots: [actionAwarenessSlot, skillExecutionSlot, progressSlot],
  reads: ['skillExecution', 'gameState', 'goals', 'progress', 'lastActionOutcome'],
  writes: ['actionAwareness'],
  cadenceMs: 500,
  triggers: [TRIGGERS.actionFinished],
  priority: PRIORITY.action,
  options: actionAwarenessOptions,
  run(ctx) {
    const o = ctx.options;
    const skill = ctx.read(skillExecutionSlot);
    const game = ctx.get('gameState');
    const previous = ctx.read(actionAwarenessSlot);
    const problems: string[] = [];
    const hallucinations: string[] = [];

    // A success is checked only against an inventory read right after it finished (perception runs after
    // every action); later the items may rightly be used up (logs become planks).
    const fresh = game.updatedAt >= skill.finishedAt && game.updatedAt - skill.finishedAt <= o.freshWithinMs;
    if (skill.status === 'succeeded' && fresh) {
      for (const [item, expected] of Object.entries(skill.expectedItems)) {
        const before = skill.inventoryBefore[item] ?? 0;
        const have = countOf(game.inventory, item);
        if (have < before + expected) {
          hallucinations.push(item);
          problems.push(`${skill.skill} reported success but I have ${have} ${item}, expected ${before + expected}`);
        }
      }
    }
    // A goal marked done for an item never actually held is progress claimed, not made.
    const obtained = ctx.read(progressSlot).firstObtainedAt;
    for (const goal of ctx.get('goals').items) {
      const item = goal.kind.startsWith('obtain:') ? goal.kind.slice(7) : null;
      if (goal.status === 'done' && item && obtained[item] === undefined && !hallucinations.includes(item)) {
        hallucinations.push(item);
        problems.push(`goal "${goal.text}" is marked done but I never had ${item}`);
      }
    }

    const failures = trailingFailures(skill.history);
    const repeated =
      failures && failures.count >= o.repeatedFailures
        ? {
            skill: failures.attempt.skill,
            target: failures.attempt.target,
            reason: failures.attempt.reason ?? 'unknown',
            count: failures.count,
          }
        : null;
    if (repeated)
      problems.push(
        `${repeated.skill} ${repeated.target ?? ''} failed ${repeated.count} times in a row (${repeated.reason}): try something else`,
      );

    const unique = Object.keys(obtained).length;
    const noProgressCycles = unique > previous.lastUniqueItems ? 0 : previous.noProgressCycles + 1;
    if (noProgressCycles >= o.noProgressChecks) problems.push(`no new item for ${noProgressCycles} checks`);

    const position = game.position;
    const moved =
      position === null ||
      previous.lastPosition === null ||
      Math.hypot(position.x - previous.lastPosition.x, position.z - previous.lastPosition.z) > 0.5;
    // Standing still is normal while crafting or smelting; stuck means movement itself keeps failing.
    const last = ctx.get('lastActionOutcome');
    const movementFailing =
      last !== null &&
      !last.ok &&
      ['moveTo', 'collect'].includes(last.action) &&
      ['unreachable', 'too_far'].includes(String(last.reason?.code));
    const stuck = skill.status === 'running' && !moved && movementFailing && ctx.now() - skill.startedAt > o.stuckMs;
    if (stuck) problems.push(`stuck: not moved while ${skill.skill} runs`);

    const assessment =
      problems.length > 0
        ? problems.join('; ')
        : skill.skill
          ? `${skill.skill} ${skill.target ?? ''}: ${skill.status}${skill.lastReason ? ` (${skill.lastReason})` : ''}`.trim()
          : 'No actions yet.';
    const newlyFlagged =
      (repeated !== null && previous.repeatedFailure?.count !== repeated.count) ||
      hallucinations.some((h) => !previous.hallucinations.includes(h)) ||
      (stuck && !previous.stuck);
    ctx.write(actionAwarenessSlot, {
      assessment,
      hallucinations,
      repeatedFailure: repeated,
      noProgressCycles,
      stuck,
      lastUniqueItems: unique,
      lastPosition: position,
      checkedAt: ctx.now(),
    });
    if (newlyFlagged) ctx.emit('awareness.failure', { assessment });
  },
});
