/** Lowest block y (world height limits of Minecraft 1.18+: -64 … 319). */
export const MIN_Y = -64;
/** Highest block y. */
export const MAX_Y = 319;
/**
 * |x| and |z| stay below this (262 144 blocks), so that chunk keys fit in V8's small integers: maps
 * keyed by them then hash without allocating.
 */
export const MAX_HORIZONTAL = 1 << 18;

const CHUNK_OFFSET = 1 << 14;

/** A chunk's key from chunk coordinates (a 30-bit integer). */
export function chunkKey(cx: number, cz: number): number {
  return ((cx + CHUNK_OFFSET) << 15) | (cz + CHUNK_OFFSET);
}

/** Chunk coordinates from a chunk key. */
export function chunkCoords(key: number): { cx: number; cz: number } {
  return { cx: (key >> 15) - CHUNK_OFFSET, cz: (key & 0x7fff) - CHUNK_OFFSET };
}

/** Index of a block inside its chunk: y (9 bits) · z (4) · x (4). */
export function localIndex(x: number, y: number, z: number): number {
  return ((y - MIN_Y) << 8) | ((z & 15) << 4) | (x & 15);
}

/** Local index → in-chunk x, z and world y. */
export function unpackLocal(index: number): { lx: number; y: number; lz: number } {
  return { lx: index & 15, lz: (index >> 4) & 15, y: (index >> 8) + MIN_Y };
}

/** Key of an integer block position, unique across the world. */
export function blockKey(x: number, y: number, z: number): number {
  return ((x + MAX_HORIZONTAL) * 2_097_152 + (z + MAX_HORIZONTAL)) * 512 + (y - MIN_Y);
}

/** Block key → position. */
export function unpackBlockKey(key: number): { x: number; y: number; z: number } {
  const y = (key % 512) + MIN_Y;
  const xz = Math.floor(key / 512);
  const z = (xz % 2_097_152) - MAX_HORIZONTAL;
  const x = Math.floor(xz / 2_097_152) - MAX_HORIZONTAL;
  return { x, y, z };
}
