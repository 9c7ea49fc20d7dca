import type { BlockSighting, Vec3 } from '@sid/core';
import type { GameData } from '../rules/game-data.js';
import { type Chunk, featureAt, type TerrainGenerator } from '../terrain/generator.js';
import { blockKey, chunkKey, localIndex, MAX_Y, MIN_Y, unpackLocal } from './keys.js';

/** Eye height above the feet, used for reach. */
export const EYE_HEIGHT = 1.62;

/**
 * Every block in the world: generated chunks (created on first touch) overlaid with the blocks
 * actions changed. Only changes are stored per block, so an untouched world costs a height map and a
 * feature list per visited chunk.
 */
export class BlockStore {
  private readonly chunks = new Map<number, Chunk>();
  /** Changed blocks per chunk: local index → block id. */
  private readonly changes = new Map<number, Map<number, number>>();
  private lastKey = Number.NaN;
  private lastChunk: Chunk | null = null;
  /** Block ids that never show up in the generated layers or features (placed blocks only). */
  readonly layered: ReadonlySet<number>;

  constructor(
    readonly generator: TerrainGenerator,
    private readonly data: GameData,
  ) {
    const ids = generator.ids;
    this.layered = new Set([ids.water, ids.grass, ids.dirt, ids.sand, ids.stone, ids.deepslate, ids.bedrock]);
  }

  /** Number of chunks generated so far. */
  get chunkCount(): number {
    return this.chunks.size;
  }

  chunk(cx: number, cz: number): Chunk {
    const key = chunkKey(cx, cz);
    if (key === this.lastKey && this.lastChunk) return this.lastChunk;
    let chunk = this.chunks.get(key);
    if (!chunk) {
      chunk = this.generator.generate(cx, cz);
      this.chunks.set(key, chunk);
    }
    this.lastKey = key;
    this.lastChunk = chunk;
    return chunk;
  }

  /** The block id at integer coordinates (air outside the height limits). */
  idAt(x: number, y: number, z: number): number {
    if (y < MIN_Y || y > MAX_Y) return this.generator.ids.air;
    const cx = x >> 4;
    const cz = z >> 4;
    const index = localIndex(x, y, z);
    const changed = this.changes.get(chunkKey(cx, cz))?.get(index);
    if (changed !== undefined) return changed;
    const chunk = this.chunk(cx, cz);
    const feature = featureAt(chunk, index);
    if (feature >= 0) return feature;
    const col = (z & 15) * 16 + (x & 15);
    return this.generator.layerAt(x, y, z, chunk.heights[col] as number, chunk.sandy[col] === 1);
  }

  /** The block name at a position (coordinates are floored). */
  nameAt(p: Vec3): string {
    return this.data.blockById(this.idAt(Math.floor(p.x), Math.floor(p.y), Math.floor(p.z))).name;
  }

  /** Sets a block (by id) at integer coordinates. */
  setId(x: number, y: number, z: number, id: number): void {
    const key = chunkKey(x >> 4, z >> 4);
    let map = this.changes.get(key);
    if (!map) {
      map = new Map();
      this.changes.set(key, map);
    }
    map.set(localIndex(x, y, z), id);
  }

  /** True when a body can stand in the block (air, water, plants). */
  passable(x: number, y: number, z: number): boolean {
    const b = this.data.blockById(this.idAt(x, y, z));
    return b.passable || b.name.endsWith('_leaves');
  }

  /** The generated surface height of a column (ignores changes). */
  surfaceHeight(x: number, z: number): number {
    const chunk = this.chunk(x >> 4, z >> 4);
    return chunk.heights[(z & 15) * 16 + (x & 15)] as number;
  }

  /**
   * The y a body stands at in a column, starting from the generated surface: it sinks through dug
   * holes (and water) and climbs over placed blocks.
   */
  standY(x: number, z: number): number {
    let y = this.surfaceHeight(x, z) + 1;
    while (y > MIN_Y + 1 && this.passable(x, y - 1, z)) y--;
    for (let i = 0; i < 32 && !this.passable(x, y, z); i++) y++;
    return y;
  }

  /** Every changed block, as world positions with block ids, in a stable order. */
  *changedBlocks(): Generator<{ x: number; y: number; z: number; id: number }> {
    const keys = [...this.changes.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const cx = Math.floor(key / 131_072) - 65_536;
      const cz = (key % 131_072) - 65_536;
      const map = this.changes.get(key) as Map<number, number>;
      for (const index of [...map.keys()].sort((a, b) => a - b)) {
        const { lx, y, lz } = unpackLocal(index);
        yield { x: cx * 16 + lx, y, z: cz * 16 + lz, id: map.get(index) as number };
      }
    }
  }

  /** Forgets every change (before a restore). */
  clearChanges(): void {
    this.changes.clear();
  }

  /**
   * The nearest blocks of the given ids within `maxDistance` of `origin`, nearest first. Trees,
   * ores and placed blocks come from per-chunk indexes; layered blocks (stone, dirt, water …) from
   * the height map, one candidate per column, searched in rings outwards so that a near hit stops
   * the search early.
   */
  find(origin: Vec3, ids: ReadonlySet<number>, maxDistance: number, count: number): BlockSighting[] {
    // Search a small sphere first: everything inside it is found, so if it holds `count` hits those
    // are the nearest ones and the big sphere is never scanned.
    for (let radius = 8; radius < maxDistance; radius *= 2) {
      const near = this.findWithin(origin, ids, radius, count);
      if (near.length >= count) return near;
    }
    return this.findWithin(origin, ids, maxDistance, count);
  }

  private findWithin(origin: Vec3, ids: ReadonlySet<number>, maxDistance: number, count: number): BlockSighting[] {
    const found: BlockSighting[] = [];
    const ox = Math.floor(origin.x);
    const oz = Math.floor(origin.z);
    const eyeY = origin.y + EYE_HEIGHT;
    const r = Math.ceil(maxDistance);
    const max2 = maxDistance * maxDistance;
    // Feature lists are sorted by local index, which is y-major: binary-search the y band in reach.
    const loIndex = Math.max(0, Math.floor(eyeY - maxDistance) - MIN_Y) << 8;
    const hiIndex = ((Math.min(MAX_Y, Math.ceil(eyeY + maxDistance)) - MIN_Y + 1) << 8) - 1;
    const push = (x: number, y: number, z: number, id: number, d2: number) => {
      found.push({ name: this.data.blockById(id).name, position: { x, y, z }, distance: Math.sqrt(d2) });
    };
    for (let cx = (ox - r) >> 4; cx <= (ox + r) >> 4; cx++) {
      const baseX = cx * 16;
      const ddx = origin.x < baseX ? baseX - origin.x : origin.x > baseX + 16 ? origin.x - baseX - 16 : 0;
      for (let cz = (oz - r) >> 4; cz <= (oz + r) >> 4; cz++) {
        const baseZ = cz * 16;
        const ddz = origin.z < baseZ ? baseZ - origin.z : origin.z > baseZ + 16 ? origin.z - baseZ - 16 : 0;
        if (ddx * ddx + ddz * ddz > max2) continue;
        const chunk = this.chunk(cx, cz);
        const changed = this.changes.get(chunkKey(cx, cz));
        for (const id of ids) {
          const list = chunk.byBlock.get(id);
          if (!list) continue;
          for (let i = lowerBound(list, loIndex); i < list.length; i++) {
            const index = list[i] as number;
            if (index > hiIndex) break;
            const x = baseX + (index & 15);
            const z = baseZ + ((index >> 4) & 15);
            const y = (index >> 8) + MIN_Y;
            const dx = x + 0.5 - origin.x;
            const dy = y + 0.5 - eyeY;
            const dz = z + 0.5 - origin.z;
            const d2 = dx * dx + dy * dy + dz * dz;
            // A changed position is reported from the change list below, never twice.
            if (d2 <= max2 && (changed === undefined || !changed.has(index))) push(x, y, z, id, d2);
          }
        }
        if (changed) {
          for (const [index, id] of changed) {
            if (!ids.has(id)) continue;
            const x = baseX + (index & 15);
            const z = baseZ + ((index >> 4) & 15);
            const y = (index >> 8) + MIN_Y;
            const dx = x + 0.5 - origin.x;
            const dy = y + 0.5 - eyeY;
            const dz = z + 0.5 - origin.z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 <= max2) push(x, y, z, id, d2);
          }
        }
      }
    }
    const layeredWanted = [...ids].filter((id) => this.layered.has(id));
    if (layeredWanted.length > 0) {
      const seen = new Set(found.map((f) => blockKey(f.position.x, f.position.y, f.position.z)));
      this.findLayered(origin, layeredWanted, r, count, found, (x, y, z, id) => {
        const key = blockKey(x, y, z);
        if (seen.has(key)) return;
        const dx = x + 0.5 - origin.x;
        const dy = y + 0.5 - eyeY;
        const dz = z + 0.5 - origin.z;
        const d2 = dx * dx + dy * dy + dz * dz;
        if (d2 > max2) return;
        seen.add(key);
        push(x, y, z, id, d2);
      });
    }
    found.sort(
      (a, b) =>
        a.distance - b.distance ||
        a.position.x - b.position.x ||
        a.position.y - b.position.y ||
        a.position.z - b.position.z,
    );
    if (found.length > count) found.length = count;
    return found;
  }

  private findLayered(
    origin: Vec3,
    ids: number[],
    r: number,
    count: number,
    found: BlockSighting[],
    consider: (x: number, y: number, z: number, id: number) => void,
  ): void {
    const ox = Math.floor(origin.x);
    const oz = Math.floor(origin.z);
    const eye = Math.floor(origin.y + EYE_HEIGHT);
    const sea = this.generator.options.seaLevel;
    const g = this.generator.ids;
    for (let ring = 0; ring <= r; ring++) {
      // Stop once `count` hits are nearer than anything this ring can hold.
      if (found.length >= count) {
        const sorted = found.map((f) => f.distance).sort((a, b) => a - b);
        if ((sorted[count - 1] as number) < ring - 1) return;
      }
      for (let dz = -ring; dz <= ring; dz++) {
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dz)) !== ring) continue;
          const x = ox + dx;
          const z = oz + dz;
          const h = this.surfaceHeight(x, z);
          const sandy = this.chunk(x >> 4, z >> 4).sandy[(z & 15) * 16 + (x & 15)] === 1;
          for (const id of ids) {
            let lo: number;
            let hi: number;
            if (id === g.water) [lo, hi] = [h + 1, sea];
            else if (id === g.grass) [lo, hi] = sandy ? [1, 0] : [h, h];
            else if (id === g.dirt) [lo, hi] = sandy ? [1, 0] : [h - 3, h - 1];
            else if (id === g.sand) [lo, hi] = sandy ? [h - 3, h] : [1, 0];
            else if (id === g.stone) [lo, hi] = [Math.max(0, MIN_Y + 5), h - 4];
            else if (id === g.deepslate) [lo, hi] = [MIN_Y + 1, Math.min(-1, h - 4)];
            else [lo, hi] = [MIN_Y, MIN_Y];
            if (lo > hi) continue;
            // Nearest y of the layer to the eye, then a few steps outwards past dug or ore blocks.
            const start = Math.min(hi, Math.max(lo, eye));
            for (let step = 0; step < 6; step++) {
              const y = step % 2 === 0 ? start + step / 2 : start - (step + 1) / 2;
              if (y < lo || y > hi) continue;
              if (this.idAt(x, y, z) === id) {
                consider(x, y, z, id);
                break;
              }
            }
          }
        }
      }
    }
  }
}

/** First position in a sorted array whose value is at least `value`. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
