import { defineModule, PRIORITY } from '@sid/core';
import { planObtain, TechTree } from '@sid/skills';
import { z } from 'zod';
import { askObject } from '../prompt/ask-model.js';
import { renderTemplate } from '../prompt/render-template.js';
import { planSlot, planStepSchema } from '../slots/plan-slot.js';
import { skillExecutionSlot } from '../slots/skill-execution-slot.js';

/** What the model returns: ordered steps and why. */
export const planOutputSchema = z.object({
  steps: z.array(planStepSchema).min(1).max(12),
  rationale: z.string().max(500),
});
export type PlanOutput = z.infer<typeof planOutputSchema>;

export const PLAN_PROMPT = `You are {{agentId}} in Minecraft. Current goal: {{goal}}.
Inventory: {{inventory}}.
The tech-tree planner suggests these steps (in dependency order): {{suggested}}
{{failure}}
Write a plan of up to 12 steps ({"action": "obtain" | "explore" | "wait", "target": item or null, "count": how many to hold, "why": ...}).`;

export const planningOptions = z.object({ prompt: z.string().default(PLAN_PROMPT) });

/**
 * Planning (model, strong tier): a multi-step plan for the current item goal. The tech-tree planner
 * from @sid/skills proposes dependency-ordered steps from the inventory; the model may keep or
 * revise them. Revised when action awareness reports a failure (`awareness.failure`). Cadence 15 s.
 *
 * Reads: goals, gameState, skillExecution (the last failure). Writes: plan.
 */
export const planningModule = defineModule({
  name: 'planning',
  description: 'A multi-step plan for the current goal, from the tech tree; revised on failure.',
  // Not actionAwareness: declaring its slot here would put it back into agents that ablate it.
  slots: [planSlot, skillExecutionSlot],
  reads: ['goals', 'gameState', 'skillExecution'],
  writes: ['plan'],
  cadenceMs: 15_000,
  triggers: ['awareness.failure'],
  priority: PRIORITY.planning,
  tier: 'strong',
  options: planningOptions,
  async run(ctx) {
    const goals = ctx.get('goals');
    const goal = goals.items.find((g) => g.id === goals.current);
    const item = goal?.kind.startsWith('obtain:') ? goal.kind.slice(7) : null;
    if (!goal || !item) {
      if (ctx.read(planSlot).steps.length > 0)
        ctx.write(planSlot, { goalId: goal?.id ?? null, steps: [], madeAt: ctx.now(), reason: 'no item goal' });
      return;
    }
    const inventory = ctx.get('gameState').inventory;
    const plan = planObtain(TechTree.default(), item, 1, { inventory });
    const suggested = plan.ok
      ? plan.steps.map((s) => ({ action: 'obtain', target: s.item, count: s.count, why: s.text }))
      : [];
    const lastAttempt = ctx.read(skillExecutionSlot).history.at(-1);
    const failure = !plan.ok
      ? plan.reason
      : lastAttempt && !lastAttempt.ok
        ? `${lastAttempt.skill} ${lastAttempt.target ?? ''} failed (${lastAttempt.reason ?? 'unknown'})`
        : '';
    const context = { agentId: ctx.agentId, goal: goal.text, item, inventory, suggested, failure };
    const answer = await askObject(ctx, {
      schemaName: 'plan',
      schema: planOutputSchema,
      system: 'You plan steps for a Minecraft agent. Answer with JSON only.',
      prompt: renderTemplate(ctx.options.prompt, {
        agentId: ctx.agentId,
        goal: goal.text,
        inventory: inventory.map((s) => `${s.count} ${s.name}`).join(', ') || 'empty',
        suggested: suggested.map((s) => `${s.why} (hold ${s.count} ${s.target})`).join('; ') || 'none',
        failure: failure ? `Problem to work around: ${failure}` : '',
      }),
      context,
    });
    if (!answer) return;
    ctx.write(planSlot, {
      goalId: goal.id,
      steps: answer.steps,
      madeAt: ctx.now(),
      reason: ctx.trigger === 'awareness.failure' ? `revised after: ${failure}` : answer.rationale,
    });
  },
});
