import { defineSlot } from '@sid/core';
import { z } from 'zod';

/** A step of a plan: a skill (or `obtain`) and its target. */
export const planStepSchema = z.object({
  action: z.string().min(1).max(80),
  target: z.string().max(80).nullable(),
  /** How many of `target` the step should leave in the inventory. */
  count: z.number().int().positive().default(1),
  why: z.string().max(200),
});
export type PlanStep = z.infer<typeof planStepSchema>;

/** The current multi-step plan for the current goal. */
export const planSlot = defineSlot({
  name: 'plan',
  description: 'Steps for the current goal, when made and why it was last revised.',
  schema: z.object({
    goalId: z.string().nullable(),
    steps: z.array(planStepSchema),
    madeAt: z.number(),
    reason: z.string(),
  }),
  initial: () => ({ goalId: null, steps: [], madeAt: 0, reason: '' }),
});
