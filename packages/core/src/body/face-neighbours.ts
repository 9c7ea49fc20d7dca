/**
 * Offsets of the six blocks that share a face with a block (east, west, up, down, south, north).
 * Both worlds use them: a block is "exposed" or "supported" through these faces.
 */
export const FACE_NEIGHBOURS: readonly (readonly [number, number, number])[] = Object.freeze([
  [1, 0, 0],
  [-1, 0, 0],
  [0, 1, 0],
  [0, -1, 0],
  [0, 0, 1],
  [0, 0, -1],
] as const);
