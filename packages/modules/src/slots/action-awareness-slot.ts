import { defineSlot } from '@sid/core';
import { z } from 'zod';

/** Action awareness's assessment: what went as expected, what did not, and what the agent may be wrong about. */
export const actionAwarenessSlot = defineSlot({
  name: 'actionAwareness',
  description: 'Expected-vs-observed checks: hallucinated progress, repeated failures, no progress, stuck.',
  schema: z.object({
    assessment: z.string(),
    /** Items a skill or goal claims that the inventory does not show. */
    hallucinations: z.array(z.string()),
    repeatedFailure: z
      .object({ skill: z.string(), target: z.string().nullable(), reason: z.string(), count: z.number() })
      .nullable(),
    /** Awareness cycles in a row with no new item. */
    noProgressCycles: z.number().int().nonnegative(),
    stuck: z.boolean(),
    /** Unique items known at the previous check (to measure progress). */
    lastUniqueItems: z.number().int().nonnegative(),
    lastPosition: z.object({ x: z.number(), y: z.number(), z: z.number() }).nullable(),
    checkedAt: z.number(),
  }),
  initial: () => ({
    assessment: 'No actions yet.',
    hallucinations: [],
    repeatedFailure: null,
    noProgressCycles: 0,
    stuck: false,
    lastUniqueItems: 0,
    lastPosition: null,
    checkedAt: 0,
  }),
});
