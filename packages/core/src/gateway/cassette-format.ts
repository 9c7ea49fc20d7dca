import { z } from 'zod';

const usageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number() }).strict();
const jsonValue: z.ZodType<unknown> = z.json();

/** What a recorded call returned: text, an object, embeddings, or the error it ended with. */
export const cassetteOutcomeSchema = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      model: z.string(),
      usage: usageSchema,
      /** What the call cost when recorded (so budgets in dollars replay exactly). */
      costUsd: z.number().nonnegative().optional(),
      cached: z.boolean(),
      text: z.string().optional(),
      object: jsonValue.optional(),
      embeddings: z.array(z.array(z.number())).optional(),
    })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      model: z.string(),
      usage: usageSchema,
      /** What the call cost when recorded (so budgets in dollars replay exactly). */
      costUsd: z.number().nonnegative().optional(),
      error: z.object({ name: z.string(), code: z.string().nullable(), message: z.string() }).strict(),
    })
    .strict(),
]);

/** One line of a JSONL cassette: one logical model call as the gateway finished it. */
export const cassetteEntrySchema = z
  .object({
    v: z.literal(1),
    /** Order in which calls finished during recording. */
    seq: z.number().int().nonnegative(),
    /** sha-256 of the request fingerprint, agent and module. */
    key: z.string(),
    /** 0 for the first call with this key, 1 for the second, … */
    occurrence: z.number().int().nonnegative(),
    agentId: z.string().nullable(),
    module: z.string().nullable(),
    request: z
      .object({
        kind: z.enum(['text', 'object', 'embed']),
        tier: z.string(),
        system: z.string().nullable(),
        messages: z
          .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }).strict())
          .nullable(),
        texts: z.array(z.string()).nullable(),
        schemaName: z.string().nullable(),
        temperature: z.number().nullable(),
        maxOutputTokens: z.number().nullable(),
        context: jsonValue.nullable().default(null),
      })
      .strict(),
    outcome: cassetteOutcomeSchema,
    /** Wall time the call took when recorded, retries included. */
    latencyMs: z.number().nonnegative(),
    recordedAt: z.string(),
  })
  .strict();

/** One recorded call. */
export type CassetteEntry = z.infer<typeof cassetteEntrySchema>;
/** What a recorded call returned. */
export type CassetteOutcome = z.infer<typeof cassetteOutcomeSchema>;
