import { defineSlot } from '@sid/core';
import { z } from 'zod';

/** One finished skill attempt, kept for action awareness and reports. */
export const skillAttemptSchema = z.object({
  skill: z.string(),
  target: z.string().nullable(),
  ok: z.boolean(),
  reason: z.string().nullable(),
  decisionSeq: z.number().int(),
  at: z.number(),
});
export type SkillAttempt = z.infer<typeof skillAttemptSchema>;

/** What skill execution is doing, what it expects to happen, and its recent attempts. */
export const skillExecutionSlot = defineSlot({
  name: 'skillExecution',
  description: 'Current skill, its expected outcome (items, position), its status and recent attempts.',
  schema: z.object({
    status: z.enum(['idle', 'running', 'succeeded', 'failed', 'interrupted']),
    skill: z.string().nullable(),
    target: z.string().nullable(),
    decisionSeq: z.number().int(),
    /** Items the skill promised to add to the inventory (name → count). */
    expectedItems: z.record(z.string(), z.number()),
    /** Inventory counts when the skill started, to check the promise against. */
    inventoryBefore: z.record(z.string(), z.number()),
    startedAt: z.number(),
    finishedAt: z.number(),
    lastReason: z.string().nullable(),
    history: z.array(skillAttemptSchema),
  }),
  initial: () => ({
    status: 'idle' as const,
    skill: null,
    target: null,
    decisionSeq: -1,
    expectedItems: {},
    inventoryBefore: {},
    startedAt: 0,
    finishedAt: 0,
    lastReason: null,
    history: [],
  }),
});
