import { hashString } from '../util/hash.js';

/**
 * An offline embedding: hashed word unigrams and bigrams into a fixed-size, L2-normalised vector.
 * It needs no model or key and keeps retrieval working in offline runs. It captures word overlap,
 * not meaning: label results that depend on it as offline.
 */
export function hashEmbedding(text: string, dimensions = 256): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const add = (token: string, weight: number) => {
    const h = hashString(token);
    const index = h % dimensions;
    vector[index] = (vector[index] as number) + ((h >>> 16) & 1 ? weight : -weight);
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i] as string, 1);
    if (i + 1 < words.length) add(`${words[i]} ${words[i + 1]}`, 0.5);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}
