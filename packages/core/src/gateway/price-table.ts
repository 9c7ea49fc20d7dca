import { z } from 'zod';
import type { ModelUsage } from '../ports/model.js';

/** What a model costs, in US dollars per million tokens. */
export const modelPriceSchema = z
  .object({
    inputPerMillion: z.number().nonnegative(),
    outputPerMillion: z.number().nonnegative(),
  })
  .strict();

/** Price of one model. */
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/**
 * Prices by model id (`openai:gpt-4o`) or by provider wildcard (`openai-compatible:*`). The SDK ships
 * no prices — they change too often to be right for long — so models without an entry cost 0 and are
 * reported as unpriced.
 */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** The price for a model id, trying the exact id, the id without its `@baseURL`, then `provider:*`. */
export function priceOf(prices: PriceTable, modelId: string): ModelPrice | undefined {
  const withoutUrl = modelId.replace(/@https?:\/\/.*$/, '');
  const provider = modelId.split(':')[0] ?? modelId;
  return prices[modelId] ?? prices[withoutUrl] ?? prices[`${provider}:*`];
}

/** Cost of one call's usage in US dollars (0 when the model has no price). */
export function costOf(prices: PriceTable, modelId: string, usage: ModelUsage): number {
  const price = priceOf(prices, modelId);
  if (!price) return 0;
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}
