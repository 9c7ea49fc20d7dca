import type { BlockSighting, Vec3 } from '@sid/core';
import type { GameData } from '../rules/game-data.js';
import { type Chunk, featureAt, type TerrainGenerator } from '../terrain/generator.js';
import { blockKey, chunkCoords, chunkKey, localIndex, MAX_Y, MIN_Y, unpackBlockKey, unpackLocal } from './keys.js';

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
  /** Ores next to air (dug open by agents), per chunk, as block keys: what perception can see. */
  private readonly exposed = new Map<number, Set<number>>();
  private readonly oreIds: ReadonlySet<number>;
  /** The same changes grouped by chunk and block id, so searches skip the (mostly air) changes they do not want. */
  private readonly changesById = new Map<number, Map<number, Set<number>>>();
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
    this.oreIds = new Set([...generator.featureIds].filter((id) => data.blockById(id).name.endsWith('_ore')));
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
    let byId = this.changesById.get(key);
    if (!map || !byId) {
      map = new Map();
      byId = new Map();
      this.changes.set(key, map);
      this.changesById.set(key, byId);
    }
    const index = localIndex(x, y, z);
    const old = map.get(index);
    if (old !== undefined) byId.get(old)?.delete(index);
    map.set(index, id);
    let set = byId.get(id);
    if (!set) {
      set = new Set();
      byId.set(id, set);
    }
    set.add(index);
    if (this.data.blockById(id).passable) this.exposeAround(x, y, z);
    else if (this.oreIds.has(id) && NEIGHBOURS.some(([dx, dy, dz]) => this.passable(x + dx, y + dy, z + dz))) {
      // An ore placed in the open is visible at once.
      this.markExposed(x, y, z);
    }
  }

  private markExposed(x: number, y: number, z: number): void {
    const key = chunkKey(x >> 4, z >> 4);
    let set = this.exposed.get(key);
    if (!set) {
      set = new Set();
      this.exposed.set(key, set);
    }
    set.add(blockKey(x, y, z));
  }

  /** Marks ores around an opened block as visible. */
  private exposeAround(x: number, y: number, z: number): void {
    for (const [dx, dy, dz] of NEIGHBOURS) {
      const nx = x + dx;
      const ny = y + dy;
      const nz = z + dz;
      if (this.oreIds.has(this.idAt(nx, ny, nz))) this.markExposed(nx, ny, nz);
    }
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
      const { cx, cz } = chunkCoords(key);
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
    this.changesById.clear();
    this.exposed.clear();
  }

  /**
   * The nearest blocks of the given ids within `maxDistance` of `origin`, nearest first. Trees,
   * ores and placed blocks come from per-chunk indexes; layered blocks (stone, dirt, water …) from
   * the height map, one candidate per column, searched in rings outwards so that a near hit stops
   * the search early.
   */
  find(
    origin: Vec3,
    ids: ReadonlySet<number>,
    maxDistance: number,
    count: number,
    options: { visibleOnly?: boolean; singlePass?: boolean } = {},
  ): BlockSighting[] {
    const visible = options.visibleOnly === true;
    // Search a small sphere first: everything inside it is found, so if it holds `count` hits those
    // are the nearest ones and the big sphere is never scanned. Callers that expect to need the whole
    // sphere anyway (perception) skip straight to it.
    const first = options.singlePass ? maxDistance : 8;
    for (let radius = first; radius < maxDistance; radius *= 2) {
      const near = this.findWithin(origin, ids, radius, count, visible);
      if (near.length >= count) return near;
    }
    return this.findWithin(origin, ids, maxDistance, count, visible);
  }

  private findWithin(
    origin: Vec3,
    ids: ReadonlySet<number>,
    maxDistance: number,
    count: number,
    visible: boolean,
  ): BlockSighting[] {
    const hits = new Hits(origin, maxDistance, count);
    const ox = Math.floor(origin.x);
    const oz = Math.floor(origin.z);
    const r = Math.ceil(maxDistance);
    const max2 = maxDistance * maxDistance;
    const eyeY = origin.y + EYE_HEIGHT;
    // Feature lists are sorted by local index, which is y-major: binary-search the y band in reach.
    const loIndex = Math.max(0, Math.floor(eyeY - maxDistance) - MIN_Y) << 8;
    const hiIndex = ((Math.min(MAX_Y, Math.ceil(eyeY + maxDistance)) - MIN_Y + 1) << 8) - 1;
    // With `visible`, buried ores are skipped; ores count only once dug open (the exposed sets).
    const plan = this.planFor(ids);
    const featureIds = visible ? plan.visibleFeatureIds : plan.featureIds;
    // Many ids (perception): one pass over all features with a lookup mask beats one pass per id.
    const mask = visible ? null : plan.mask;
    // Chunks nearest first; once `count` hits are in, chunks farther than the count-th hit are skipped.
    const order: number[] = [];
    const near2: number[] = [];
    for (let cx = (ox - r) >> 4; cx <= (ox + r) >> 4; cx++) {
      const baseX = cx * 16;
      const ddx = origin.x < baseX ? baseX - origin.x : origin.x > baseX + 16 ? origin.x - baseX - 16 : 0;
      for (let cz = (oz - r) >> 4; cz <= (oz + r) >> 4; cz++) {
        const baseZ = cz * 16;
        const ddz = origin.z < baseZ ? baseZ - origin.z : origin.z > baseZ + 16 ? origin.z - baseZ - 16 : 0;
        const d2c = ddx * ddx + ddz * ddz;
        if (d2c > max2) continue;
        order.push(order.length);
        near2.push(d2c, cx, cz);
      }
    }
    order.sort((a, b) => (near2[a * 3] as number) - (near2[b * 3] as number) || a - b);
    for (const slot of order) {
      if ((near2[slot * 3] as number) > hits.bound()) break;
      const cx = near2[slot * 3 + 1] as number;
      const cz = near2[slot * 3 + 2] as number;
      const baseX = cx * 16;
      const baseZ = cz * 16;
      {
        const key = chunkKey(cx, cz);
        const changed = this.changes.get(key);
        if (featureIds.length > 0) {
          const chunk = this.chunk(cx, cz);
          if (mask) {
            const keys = chunk.featureKeys;
            const blockIds = chunk.featureIds;
            for (let i = lowerBound(keys, loIndex); i < keys.length; i++) {
              const index = keys[i] as number;
              if (index > hiIndex) break;
              const id = blockIds[i] as number;
              // A changed position is reported from the change list below, never twice.
              if (mask[id] !== 1 || changed?.has(index)) continue;
              hits.addLocal(baseX, baseZ, index, id);
            }
          } else {
            for (const id of featureIds) {
              const list = chunk.byBlock.get(id);
              if (!list) continue;
              for (let i = lowerBound(list, loIndex); i < list.length; i++) {
                const index = list[i] as number;
                if (index > hiIndex) break;
                if (!changed?.has(index)) hits.addLocal(baseX, baseZ, index, id);
              }
            }
          }
        }
        if (visible) {
          const open = this.exposed.get(key);
          if (open) {
            for (const blockAt of open) {
              const p = unpackBlockKey(blockAt);
              const id = this.idAt(p.x, p.y, p.z);
              if (ids.has(id) && this.oreIds.has(id)) hits.add(p.x, p.y, p.z, id);
            }
          }
        }
        const changedById = this.changesById.get(key);
        if (!changedById) continue;
        // Walk whichever is shorter: the wanted ids or the few ids this chunk's changes hold.
        // With `visible`, changed ores come only through the exposed sets above.
        if (ids.size <= changedById.size) {
          for (const id of ids) {
            const set = changedById.get(id);
            if (set && !(visible && this.oreIds.has(id)))
              for (const index of set) hits.addLocal(baseX, baseZ, index, id);
          }
        } else {
          for (const [id, set] of changedById) {
            if (ids.has(id) && !(visible && this.oreIds.has(id))) {
              for (const index of set) hits.addLocal(baseX, baseZ, index, id);
            }
          }
        }
      }
    }
    const layeredWanted = plan.layered;
    if (layeredWanted.length > 0) {
      hits.dedupe();
      this.findLayered(origin, layeredWanted, r, count, hits);
    }
    return hits.best().map(({ key, id, d2 }) => ({
      name: this.data.blockById(id).name,
      position: unpackBlockKey(key),
      distance: Math.sqrt(d2),
    }));
  }

  private readonly plans = new WeakMap<ReadonlySet<number>, SearchPlan>();

  /** What a set of ids needs searched, worked out once per set (callers reuse their sets). */
  private planFor(ids: ReadonlySet<number>): SearchPlan {
    let plan = this.plans.get(ids);
    if (!plan) {
      const all = [...ids];
      const featureIds = all.filter((id) => this.generator.featureIds.has(id));
      plan = {
        featureIds,
        visibleFeatureIds: featureIds.filter((id) => !this.oreIds.has(id)),
        layered: all.filter((id) => this.layered.has(id)),
        mask: featureIds.length > 4 ? this.maskOf(ids) : null,
      };
      this.plans.set(ids, plan);
    }
    return plan;
  }

  private readonly maskCache = new Map<string, Uint8Array>();

  /** A lookup table of block ids, cached by the id list (searches repeat the same few sets). */
  private maskOf(ids: ReadonlySet<number>): Uint8Array {
    const tag = [...ids].sort((a, b) => a - b).join(',');
    let mask = this.maskCache.get(tag);
    if (!mask) {
      mask = new Uint8Array(this.data.blocksById.size + 1024);
      for (const id of ids) mask[id] = 1;
      if (this.maskCache.size > 256) this.maskCache.clear();
      this.maskCache.set(tag, mask);
    }
    return mask;
  }

  private findLayered(origin: Vec3, ids: number[], r: number, count: number, hits: Hits): void {
    const ox = Math.floor(origin.x);
    const oz = Math.floor(origin.z);
    const eye = Math.floor(origin.y + EYE_HEIGHT);
    const sea = this.generator.options.seaLevel;
    const g = this.generator.ids;
    let enoughAt = -1;
    for (let ring = 0; ring <= r; ring++) {
      // Layer blocks are everywhere: once `count` hits are in, two more rings settle the nearest
      // (to within about a block) instead of proving it over a whole disc of columns.
      if (enoughAt < 0 && hits.size >= count) enoughAt = ring;
      if (enoughAt >= 0 && ring > enoughAt + 1) return;
      for (let dz = -ring; dz <= ring; dz++) {
        const edge = dz === -ring || dz === ring;
        const step = edge || ring === 0 ? 1 : 2 * ring;
        for (let dx = -ring; dx <= ring; dx += step) {
          const x = ox + dx;
          const z = oz + dz;
          const chunk = this.chunk(x >> 4, z >> 4);
          const col = (z & 15) * 16 + (x & 15);
          const h = chunk.heights[col] as number;
          const sandy = chunk.sandy[col] === 1;
          for (const id of ids) {
            let lo = MIN_Y;
            let hi = MIN_Y;
            if (id === g.water) {
              lo = h + 1;
              hi = sea;
            } else if (id === g.grass) {
              lo = h;
              hi = sandy ? h - 1 : h;
            } else if (id === g.dirt) {
              lo = h - 3;
              hi = sandy ? h - 4 : h - 1;
            } else if (id === g.sand) {
              lo = h - 3;
              hi = sandy ? h : h - 4;
            } else if (id === g.stone) {
              lo = Math.max(MIN_Y + 5, 0);
              hi = h - 4;
            } else if (id === g.deepslate) {
              lo = MIN_Y + 1;
              hi = Math.min(h - 4, -1);
            }
            if (lo > hi) continue;
            // Nearest y of the layer to the eye, then a few steps outwards past dug or ore blocks.
            const start = hi < eye ? hi : Math.max(lo, eye);
            for (let s = 0; s < 6; s++) {
              const y = s % 2 === 0 ? start + s / 2 : start - (s + 1) / 2;
              if (y < lo || y > hi) continue;
              if (this.idAt(x, y, z) === id) {
                hits.add(x, y, z, id);
                break;
              }
            }
          }
        }
      }
    }
  }
}

/**
 * Search hits as parallel numbers, bounded: once enough hits are in, only the nearest `count`
 * are kept and anything farther is refused, so a search through thousands of ores stays small.
 * Objects are made only for the hits returned.
 */
class Hits {
  private keys: number[] = [];
  private ids: number[] = [];
  private d2s: number[] = [];
  private seen: Set<number> | null = null;
  private readonly max2: number;
  private readonly eyeY: number;
  private limit2: number;

  constructor(
    private readonly origin: Vec3,
    maxDistance: number,
    private readonly count: number,
  ) {
    this.max2 = maxDistance * maxDistance;
    this.limit2 = this.max2;
    this.eyeY = origin.y + EYE_HEIGHT;
  }

  get size(): number {
    return this.keys.length;
  }

  /** From now on, ignore positions already hit (the layered scan can meet a changed block). */
  dedupe(): void {
    this.seen = new Set(this.keys);
  }

  /** A hit given as a chunk origin and a local index. */
  addLocal(baseX: number, baseZ: number, index: number, id: number): void {
    this.add(baseX + (index & 15), (index >> 8) + MIN_Y, baseZ + ((index >> 4) & 15), id);
  }

  /** A hit at a block position, kept when within range of the eyes and not beaten `count` times. */
  add(x: number, y: number, z: number, id: number): void {
    const dx = x + 0.5 - this.origin.x;
    const dy = y + 0.5 - this.eyeY;
    const dz = z + 0.5 - this.origin.z;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > this.limit2) return;
    const key = blockKey(x, y, z);
    if (this.seen !== null) {
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    this.keys.push(key);
    this.ids.push(id);
    this.d2s.push(d2);
    if (this.keys.length >= 4 * this.count + 64) this.compact();
  }

  /** The squared distance no further hit can beat: the count-th best so far, or the search radius. */
  bound(): number {
    if (this.keys.length < this.count) return this.max2;
    if (this.keys.length > this.count || this.limit2 === this.max2) this.compact();
    return this.limit2;
  }

  /** Keeps the nearest `count` hits (ties by position) and refuses anything farther from now on. */
  private compact(): void {
    const order = this.sortedOrder();
    order.length = Math.min(order.length, this.count);
    this.keys = order.map((i) => this.keys[i] as number);
    this.ids = order.map((i) => this.ids[i] as number);
    this.d2s = order.map((i) => this.d2s[i] as number);
    if (this.keys.length >= this.count) this.limit2 = this.d2s[this.keys.length - 1] as number;
  }

  private sortedOrder(): number[] {
    const order = this.keys.map((_, i) => i);
    const d2s = this.d2s;
    const keys = this.keys;
    order.sort((a, b) => (d2s[a] as number) - (d2s[b] as number) || (keys[a] as number) - (keys[b] as number));
    return order;
  }

  /** The nearest `count` hits; ties broken by position so results never depend on scan order. */
  best(): { key: number; id: number; d2: number }[] {
    const order = this.sortedOrder();
    if (order.length > this.count) order.length = this.count;
    return order.map((i) => ({ key: this.keys[i] as number, id: this.ids[i] as number, d2: this.d2s[i] as number }));
  }
}

/** The parts of a block search that depend only on the ids asked for. */
interface SearchPlan {
  featureIds: number[];
  visibleFeatureIds: number[];
  layered: number[];
  mask: Uint8Array | null;
}

const NEIGHBOURS: readonly [number, number, number][] = [
  [1, 0, 0],
  [-1, 0, 0],
  [0, 1, 0],
  [0, -1, 0],
  [0, 0, 1],
  [0, 0, -1],
];

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
