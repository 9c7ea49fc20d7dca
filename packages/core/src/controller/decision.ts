import { z } from 'zod';

/**
 * The cognitive controller's decision. It is broadcast to every module of the agent; talking and
 * skill execution are conditioned on it so that what an agent says matches what it does.
 */
export const decisionSchema = z.object({
  /** One line: what the agent means to do now and why, in its own words. */
  intent: z.string().min(1).max(500),
  /** What to say, if anything (null: stay silent). */
  say: z.string().max(500).nullable(),
  /** Whom the line is for (an agent id), or null for everyone in range. */
  sayTo: z.string().max(64).nullable(),
  /** The action to take (a skill or primitive name), if any. */
  action: z.string().max(200).nullable(),
  /** The action's target: an item, a block, an agent id, a position as text. */
  target: z.string().max(200).nullable(),
  rationale: z.string().max(2000),
  /** Set by the core: when the decision was made and its sequence number for this agent. */
  at: z.number(),
  seq: z.number().int().nonnegative(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** What a controller returns; the core adds `at` and `seq`. */
export const decisionInputSchema = decisionSchema.omit({ at: true, seq: true }).extend({
  say: z.string().max(500).nullable().default(null),
  sayTo: z.string().max(64).nullable().default(null),
  action: z.string().max(200).nullable().default(null),
  target: z.string().max(200).nullable().default(null),
  rationale: z.string().max(2000).default(''),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;
