/** Integer hash of (a, b, c, seed) to [0, 2^32): cheap, stateless and the same on every platform. */
export function hash3(a: number, b: number, c: number, seed: number): number {
  let h = seed ^ Math.imul(a, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ Math.imul(b, 0x165667b1);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ Math.imul(c, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** {@link hash3} scaled to [0, 1). */
export function hash01(a: number, b: number, c: number, seed: number): number {
  return hash3(a, b, c, seed) / 4_294_967_296;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

/** 2-D value noise in [0, 1): random values on a lattice of `scale` blocks, smoothly interpolated. */
export function valueNoise(x: number, z: number, scale: number, seed: number): number {
  const fx = x / scale;
  const fz = z / scale;
  const ix = Math.floor(fx);
  const iz = Math.floor(fz);
  const tx = smooth(fx - ix);
  const tz = smooth(fz - iz);
  const a = hash01(ix, iz, scale, seed);
  const b = hash01(ix + 1, iz, scale, seed);
  const c = hash01(ix, iz + 1, scale, seed);
  const d = hash01(ix + 1, iz + 1, scale, seed);
  return a + (b - a) * tx + (c - a) * tz + (a - b - c + d) * tx * tz;
}

/** Three octaves of value noise (scales 96, 32, 12), in [0, 1). */
export function fractalNoise(x: number, z: number, seed: number): number {
  return (
    valueNoise(x, z, 96, seed) * 0.6 +
    valueNoise(x, z, 32, seed ^ 0x51ed) * 0.3 +
    valueNoise(x, z, 12, seed ^ 0xa3) * 0.1
  );
}

/**
 * A fast stream of numbers in [0, 1) from a 32-bit seed (Marsaglia's xorshift32). Used inside one
 * chunk's generation, where hashing every draw would cost more than the rest of the chunk.
 */
export function xorshiftStream(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4_294_967_296;
  };
}
