import type { JsonObject, JsonPrimitive } from './json.js';

export interface VectorItem {
  id: string;
  vector: number[];
  metadata: JsonObject;
}

export interface VectorMatch {
  id: string;
  /** Cosine similarity, higher is closer. */
  score: number;
  metadata: JsonObject;
}

/**
 * The VectorIndex port: long-term memory and skill retrieval. Namespaces keep agents or libraries
 * apart. vectra (file-backed) by default; pgvector at scale.
 */
export interface VectorIndex {
  upsert(namespace: string, items: readonly VectorItem[]): Promise<void>;
  query(
    namespace: string,
    vector: readonly number[],
    options: { k: number; filter?: Record<string, JsonPrimitive> },
  ): Promise<VectorMatch[]>;
  delete(namespace: string, ids: readonly string[]): Promise<void>;
  count(namespace: string): Promise<number>;
}
