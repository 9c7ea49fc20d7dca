import { defineSlot } from '@sid/core';
import { z } from 'zod';

/** Every item the agent has ever held, with when it first had it: the paper's unique-items measure. */
export const progressSlot = defineSlot({
  name: 'progress',
  description: 'Items ever obtained (name → first time held).',
  schema: z.object({ firstObtainedAt: z.record(z.string(), z.number()) }),
  initial: () => ({ firstObtainedAt: {} }),
});
