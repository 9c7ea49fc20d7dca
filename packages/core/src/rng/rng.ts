import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { hashString } from '../util/hash.js';

/** A seeded random number generator. Every source of randomness in a society is one of these. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in a random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one's seed and a label (same label, same stream). */
  fork(label: string): Rng;
  /** The seed this generator was created from. */
  readonly seed: string;
}

/**
 * Creates a seeded generator (xoroshiro128+ from pure-rand). The seed may be a number or a string;
 * `fork(label)` derives child streams by hashing, so adding a stream never shifts another one.
 */
export function createRng(seed: string | number): Rng {
  const seedText = String(seed);
  const gen = xoroshiro128plus(hashString(seedText));
  const rng: Rng = {
    seed: seedText,
    next: () => uniformFloat64(gen),
    int: (min, max) => uniformInt(gen, Math.ceil(min), Math.floor(max)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Rng.pick needs a non-empty array');
      return items[uniformInt(gen, 0, items.length - 1)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = uniformInt(gen, 0, i);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    fork: (label) => createRng(`${seedText}/${label}`),
  };
  return rng;
}
