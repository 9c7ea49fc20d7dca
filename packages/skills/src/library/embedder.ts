import { hashEmbedding, type Model } from '@sid/core';

/** Turns skill descriptions and tasks into vectors, and says honestly what it is. */
export interface Embedder {
  /** e.g. `openai:text-embedding-3-small`, or `offline:hash-embedding`. */
  readonly label: string;
  /** True for the offline hashed-word embedding: retrieval then matches words, not meaning. */
  readonly offline: boolean;
  embed(texts: string[], agentId?: string): Promise<number[][]>;
}

/** Label of the offline embedding, shown wherever retrieval results are reported. */
export const OFFLINE_EMBEDDING_LABEL =
  'offline:hash-embedding (hashed word unigrams and bigrams; word overlap, not meaning)';

/** The offline hashed-word embedding: no model, no key, deterministic. */
export function offlineEmbedder(): Embedder {
  return {
    label: OFFLINE_EMBEDDING_LABEL,
    offline: true,
    embed: async (texts) => texts.map((t) => hashEmbedding(t)),
  };
}

/**
 * Embeddings from the Model port when the model is a real one; the offline embedding otherwise (an
 * offline model has no meaning-aware embedding to offer, so it is labelled as offline).
 */
export function modelEmbedder(model: Model | undefined): Embedder {
  if (!model || model.offline) return offlineEmbedder();
  return {
    label: model.id,
    offline: false,
    async embed(texts, agentId) {
      const result = await model.embed({ texts, meta: { module: 'skills', ...(agentId ? { agentId } : {}) } });
      return result.embeddings;
    },
  };
}
