import { z } from 'zod';
import { ConfigError } from '../util/errors.js';
import { budgetSchema } from './budgets.js';
import { modelSpecSchema } from './model-spec.js';
import { modelPriceSchema } from './price-table.js';

const positive = z.number().positive();

/**
 * The serializable part of a gateway's configuration (what fits in a JSON or YAML file). Every field
 * has a default, so `{}` is a valid config.
 */
export const gatewayConfigSchema = z
  .object({
    /**
     * Tier → model spec or fallback chain of specs, e.g.
     * `{ default: 'openai:gpt-4o-mini', strong: ['openai:gpt-4o', 'anthropic:claude-sonnet-4'] }`.
     * Calls whose tier has no entry go to `default`.
     */
    tiers: z.record(z.string(), z.union([modelSpecSchema, z.array(modelSpecSchema).min(1)])).default({}),
    /** Module name → tier, overriding the tier the module asks for. */
    moduleTiers: z.record(z.string(), z.string()).default({}),
    /** Module name → priority (higher first), for modules the gateway cannot otherwise rank. */
    modulePriorities: z.record(z.string(), z.number()).default({}),
    /** Calls in flight at most, across all models. */
    concurrency: z.number().int().positive().default(64),
    limits: z
      .object({
        requestsPerMinute: positive.optional(),
        tokensPerMinute: positive.optional(),
        windowMs: positive.default(60_000),
        /** Output tokens assumed for the rate-limit estimate when a request sets no `maxOutputTokens`. */
        defaultOutputTokens: z.number().int().nonnegative().default(512),
      })
      .strict()
      .prefault({}),
    retry: z
      .object({
        maxRetries: z.number().int().nonnegative().default(3),
        baseDelayMs: z.number().nonnegative().default(500),
        maxDelayMs: z.number().nonnegative().default(30_000),
        maxRetryAfterMs: z.number().nonnegative().default(60_000),
      })
      .strict()
      .prefault({}),
    /** Per attempt. */
    timeoutMs: positive.default(60_000),
    breaker: z
      .object({
        consecutiveFailures: z.number().int().positive().default(5),
        halfOpenAfterMs: positive.default(30_000),
      })
      .strict()
      .prefault({}),
    /** One repair attempt when structured output fails validation (default on). */
    repair: z.boolean().default(true),
    /** Opt-in exact-match response cache. */
    cache: z
      .object({ ttlMs: positive, maxEntries: z.number().int().positive().default(10_000) })
      .strict()
      .optional(),
    budgets: z.object({ run: budgetSchema.optional(), perAgent: budgetSchema.optional() }).strict().prefault({}),
    /** Model id (or `provider:*`) → price per million tokens. */
    prices: z.record(z.string(), modelPriceSchema).default({}),
  })
  .strict();

/** A gateway configuration as written by a user. */
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
/** A gateway configuration with every default filled in. */
export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** Validates a gateway configuration; every problem is reported with its path. */
export function parseGatewayConfig(input: unknown): GatewayConfig {
  const result = gatewayConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    throw new ConfigError(
      `invalid model gateway config:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
      issues,
    );
  }
  return result.data;
}
