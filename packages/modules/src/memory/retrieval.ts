import type { MemoryEntry, Model, VectorIndex } from '@sid/core';
import { z } from 'zod';

/** Weights of the Generative Agents retrieval score (all 1 by default, as in that paper). */
export const retrievalWeightsSchema = z.object({
  recency: z.number().min(0).default(1),
  importance: z.number().min(0).default(1),
  relevance: z.number().min(0).default(1),
  /** Recency decays by this factor per simulated minute. */
  decayPerMinute: z.number().gt(0).max(1).default(0.99),
});
export type RetrievalWeights = z.output<typeof retrievalWeightsSchema>;

export interface ScoredMemory extends MemoryEntry {
  score: number;
  relevance: number;
}

/** Namespace of an agent's long-term memory in the vector index. */
export const longTermNamespace = (agentId: string) => `ltm/${agentId}`;

/**
 * Ranks long-term memories for a query by recency + importance + relevance (Generative Agents,
 * Park et al. 2023), each normalised to [0, 1] and weighted. Candidates are the `pool` nearest by
 * embedding; the best `k` are returned.
 */
export async function retrieveMemories(input: {
  agentId: string;
  query: string;
  now: number;
  model: Model;
  index: VectorIndex;
  weights: RetrievalWeights;
  k: number;
  pool?: number;
  signal?: AbortSignal;
}): Promise<ScoredMemory[]> {
  const namespace = longTermNamespace(input.agentId);
  if ((await input.index.count(namespace)) === 0) return [];
  const { embeddings } = await input.model.embed({
    texts: [input.query],
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const vector = embeddings[0];
  if (!vector) return [];
  const matches = await input.index.query(namespace, vector, { k: input.pool ?? input.k * 4 });
  const w = input.weights;
  const scored = matches.map((m): ScoredMemory => {
    const at = Number(m.metadata.at ?? 0);
    const importance = Number(m.metadata.importance ?? 1);
    const minutes = Math.max(0, (input.now - at) / 60_000);
    const recency = w.decayPerMinute ** minutes;
    const relevance = Math.max(0, m.score);
    return {
      at,
      kind: String(m.metadata.kind ?? 'memory'),
      text: String(m.metadata.text ?? ''),
      importance,
      relevance,
      score: w.recency * recency + w.importance * (importance / 10) + w.relevance * relevance,
    };
  });
  return scored.sort((a, b) => b.score - a.score || a.at - b.at).slice(0, input.k);
}
