import { defineSlot } from '@sid/core';
import { z } from 'zod';

/**
 * Turn-taking state for talking: who the agent is talking with, how many lines were exchanged in a
 * row, and when a finished conversation may start again. This is what stops two agents looping.
 */
export const conversationSlot = defineSlot({
  name: 'conversation',
  description: 'Current partner, lines exchanged in a row, cooldowns per partner, the last decision spoken.',
  schema: z.object({
    partner: z.string().nullable(),
    /** Lines exchanged with `partner` in a row (both directions). */
    turns: z.number().int().nonnegative(),
    lastSpokeAt: z.number(),
    /** Decision seq whose `say` was spoken last (each decision is spoken at most once). */
    lastSaidSeq: z.number().int(),
    /** Partner → clock time until which a new conversation with them is not started. */
    cooldownUntil: z.record(z.string(), z.number()),
    /** Lines heard and already counted (by `at`) so a line is counted once. */
    countedHeardUntil: z.number(),
    /** Lines this agent said since it last heard anyone. */
    unanswered: z.number().int().nonnegative(),
    sent: z.number().int().nonnegative(),
    heard: z.number().int().nonnegative(),
  }),
  initial: () => ({
    partner: null,
    turns: 0,
    lastSpokeAt: -1,
    lastSaidSeq: -1,
    cooldownUntil: {},
    countedHeardUntil: -1,
    unanswered: 0,
    sent: 0,
    heard: 0,
  }),
});
