import { defineSlot } from '@sid/core';
import { z } from 'zod';

/** The memory module's cursors, so that each chat line or action is remembered once. */
export const memoryMetaSlot = defineSlot({
  name: 'memoryMeta',
  description: 'Up to when chat, decisions and skill attempts have been taken into short-term memory.',
  schema: z.object({
    ingestedUntil: z.number(),
    insights: z.array(z.string()),
    /** When working memory last recalled from long-term memory (a recall is redone only when needed). */
    recalledAt: z.number().default(-1),
  }),
  initial: () => ({ ingestedUntil: -1, insights: [], recalledAt: -1 }),
});
