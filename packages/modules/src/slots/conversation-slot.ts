import { defineSlot } from '@sid/core';
import { z } from 'zod';

/** Lines exchanged with one partner in a row (both directions), and when the last one was. */
export const threadSchema = z.object({ turns: z.number().int().nonnegative(), lastAt: z.number() });

/**
 * Turn-taking state for talking: one thread per partner (so a third agent cannot reset a count),
 * cooldowns for ended conversations, and counters. This is what stops two agents looping.
 */
export const conversationSlot = defineSlot({
  name: 'conversation',
  description: 'Threads per partner (lines in a row), cooldowns, the last decision spoken, counters.',
  schema: z.object({
    /** The agent last spoken to. */
    partner: z.string().nullable(),
    threads: z.record(z.string(), threadSchema),
    lastSpokeAt: z.number(),
    /** Decision seq whose `say` was spoken or dropped last (each decision is spoken at most once). */
    lastSaidSeq: z.number().int(),
    /** Partner → clock time until which a new conversation with them is not started. */
    cooldownUntil: z.record(z.string(), z.number()),
    /** Lines heard up to this time have been counted. */
    countedHeardUntil: z.number(),
    /** How many lines at exactly `countedHeardUntil` were counted. */
    countedAtCursor: z.number().int().nonnegative(),
    /** Lines this agent said since it last heard anyone. */
    unanswered: z.number().int().nonnegative(),
    sent: z.number().int().nonnegative(),
    heard: z.number().int().nonnegative(),
  }),
  initial: () => ({
    partner: null,
    threads: {},
    lastSpokeAt: -1,
    lastSaidSeq: -1,
    cooldownUntil: {},
    countedHeardUntil: -1,
    countedAtCursor: 0,
    unanswered: 0,
    sent: 0,
    heard: 0,
  }),
});
