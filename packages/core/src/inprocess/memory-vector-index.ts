import type { JsonPrimitive } from '../ports/json.js';
import type { VectorIndex, VectorItem, VectorMatch } from '../ports/vector-index.js';

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * An exact (brute-force cosine) vector index in memory. Fine for tests and small runs; use the
 * vectra or pgvector adapters for persistence and size.
 */
export class MemoryVectorIndex implements VectorIndex {
  private readonly spaces = new Map<string, Map<string, VectorItem>>();

  async upsert(namespace: string, items: readonly VectorItem[]): Promise<void> {
    let space = this.spaces.get(namespace);
    if (!space) {
      space = new Map();
      this.spaces.set(namespace, space);
    }
    for (const item of items) space.set(item.id, structuredClone(item));
  }

  async query(
    namespace: string,
    vector: readonly number[],
    options: { k: number; filter?: Record<string, JsonPrimitive> },
  ): Promise<VectorMatch[]> {
    const space = this.spaces.get(namespace);
    if (!space) return [];
    const filter = options.filter ? Object.entries(options.filter) : [];
    const matches: VectorMatch[] = [];
    for (const item of space.values()) {
      if (filter.some(([key, value]) => item.metadata[key] !== value)) continue;
      matches.push({ id: item.id, score: cosine(vector, item.vector), metadata: structuredClone(item.metadata) });
    }
    matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return matches.slice(0, options.k);
  }

  async delete(namespace: string, ids: readonly string[]): Promise<void> {
    const space = this.spaces.get(namespace);
    for (const id of ids) space?.delete(id);
  }

  async count(namespace: string): Promise<number> {
    return this.spaces.get(namespace)?.size ?? 0;
  }
}
