import type { Vec3 } from '@sid/core';

const CELL = 32;

function cellKey(cx: number, cz: number): number {
  // Cells are 32 blocks, so ±262 144 blocks fit in 14 bits per axis: a small-integer key.
  return ((cx + 8_192) << 14) | (cz + 8_192);
}

/**
 * A uniform grid (32-block cells, x/z only) of things with positions: bodies, dropped items. Range
 * queries touch only the cells that overlap the range, so chat and perception cost the same with 10
 * or 10 000 agents spread over a map.
 */
export class SpatialIndex<T> {
  private readonly cells = new Map<number, Set<T>>();
  private readonly where = new Map<T, number>();

  get size(): number {
    return this.where.size;
  }

  /** Inserts or moves an entry. */
  set(item: T, position: Vec3): void {
    const key = cellKey(Math.floor(position.x / CELL), Math.floor(position.z / CELL));
    const old = this.where.get(item);
    if (old === key) return;
    if (old !== undefined) this.cells.get(old)?.delete(item);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new Set();
      this.cells.set(key, cell);
    }
    cell.add(item);
    this.where.set(item, key);
  }

  delete(item: T): void {
    const old = this.where.get(item);
    if (old === undefined) return;
    const cell = this.cells.get(old);
    cell?.delete(item);
    if (cell && cell.size === 0) this.cells.delete(old);
    this.where.delete(item);
  }

  /** Calls `visit` for entries whose cell overlaps the square of half-width `radius` around `center` (a superset). */
  forEachNear(center: Vec3, radius: number, visit: (item: T) => void): void {
    const x0 = Math.floor((center.x - radius) / CELL);
    const x1 = Math.floor((center.x + radius) / CELL);
    const z0 = Math.floor((center.z - radius) / CELL);
    const z1 = Math.floor((center.z + radius) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cz = z0; cz <= z1; cz++) {
        const cell = this.cells.get(cellKey(cx, cz));
        if (cell) for (const item of cell) visit(item);
      }
    }
  }

  clear(): void {
    this.cells.clear();
    this.where.clear();
  }
}

/** Euclidean distance. */
export function distance(a: Vec3, b: Vec3): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  const dz = a.z - b.z;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}
