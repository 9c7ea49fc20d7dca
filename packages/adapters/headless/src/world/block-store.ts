import { type BlockSighting, FACE_NEIGHBOURS, type Vec3 } from '@sid/core';
import type { GameData } from '../rules/game-data.js';
import { type Chunk, featureAt, type TerrainGenerator } from '../terrain/generator.js';
import {
  blockKey,
  chunkCoords,
  chunkKey,
  localIndex,
  MAX_HORIZONTAL,
  MAX_Y,
  MIN_Y,
  unpackBlockKey,
  unpackLocal,
} from './keys.js';

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
  /** The chunk key `idAt` looked at last and its change map (reset whenever changes are made or cleared). */
  private changesKey = Number.NaN;
  private changesHere: Map<number, number> | undefined = undefined;
  private changedHere: ChangedBits | undefined = undefined;
  /** Per chunk, one bit per block that has a change (see {@link ChangedBits}); the change maps stay authoritative. */
  private readonly changedBits = new Map<number, ChangedBits>();
  private lastChunk: Chunk | null = null;
  /** Block ids that never show up in the generated layers or features (placed blocks only). */
  readonly layered: ReadonlySet<number>;
  /** 1 for block ids a body can stand in (see {@link passable}), by id: no map lookup or string test per call. */
  private readonly passableById: Uint8Array;

  /**
   * One word per chunk over the world's bounds (plus the longest search radius): which feature blocks
   * a generated chunk holds, and whether it has changes or exposed ores. Searches read this small,
   * dense table to pass over chunks that cannot hold a hit without touching the chunk itself (chunk
   * data scattered over the heap costs more to fetch than to scan). Chunks outside it are visited.
   */
  private readonly info: Uint32Array;
  private readonly infoX0: number;
  private readonly infoZ0: number;
  private readonly infoWidth: number;
  private readonly infoDepth: number;
  /** Generated chunks by info table index (the same objects as in `chunks`). */
  private readonly chunkAt: (Chunk | undefined)[];

  constructor(
    readonly generator: TerrainGenerator,
    private readonly data: GameData,
    bounds?: { minX: number; maxX: number; minZ: number; maxZ: number },
  ) {
    if (generator.featureIds.size > 27) throw new Error('too many feature blocks for the chunk info table');
    const margin = 160;
    // At most 2^18 chunks (a world of about 8000 × 8000 blocks): 3 MB of table. Larger worlds go without.
    const fits =
      bounds !== undefined &&
      (((bounds.maxX + margin) >> 4) - ((bounds.minX - margin) >> 4) + 1) *
        (((bounds.maxZ + margin) >> 4) - ((bounds.minZ - margin) >> 4) + 1) <=
        1 << 18;
    this.infoX0 = fits ? (bounds.minX - margin) >> 4 : 0;
    this.infoZ0 = fits ? (bounds.minZ - margin) >> 4 : 0;
    this.infoWidth = fits ? ((bounds.maxX + margin) >> 4) - this.infoX0 + 1 : 0;
    this.infoDepth = fits ? ((bounds.maxZ + margin) >> 4) - this.infoZ0 + 1 : 0;
    this.info = new Uint32Array(this.infoWidth * this.infoDepth);
    this.chunkAt = new Array<Chunk | undefined>(this.info.length).fill(undefined);
    const ids = generator.ids;
    this.layered = new Set([ids.water, ids.grass, ids.dirt, ids.sand, ids.stone, ids.deepslate, ids.bedrock]);
    this.oreIds = new Set([...generator.featureIds].filter((id) => data.blockById(id).name.endsWith('_ore')));
    let maxId = 0;
    for (const id of data.blocksById.keys()) maxId = Math.max(maxId, id);
    // Gaps in the ids would read as air, like `blockById` does.
    this.passableById = new Uint8Array(maxId + 1).fill(data.air.passable ? 1 : 0);
    for (const b of data.blocksById.values()) {
      this.passableById[b.id] = b.passable || b.name.endsWith('_leaves') ? 1 : 0;
    }
  }

  /** Number of chunks generated so far. */
  get chunkCount(): number {
    return this.chunks.size;
  }

  chunk(cx: number, cz: number): Chunk {
    const key = chunkKey(cx, cz);
    if (key === this.lastKey && this.lastChunk) return this.lastChunk;
    // Inside the info table's area chunks are found by array index, elsewhere by the map.
    const at = this.infoIndex(cx, cz);
    let chunk = at >= 0 ? this.chunkAt[at] : this.chunks.get(key);
    if (!chunk) {
      chunk = this.generator.generate(cx, cz);
      this.chunks.set(key, chunk);
      if (at >= 0) {
        this.chunkAt[at] = chunk;
        let held = 0;
        const starts = chunk.starts;
        for (let k = 0; k + 1 < starts.length; k++)
          if ((starts[k + 1] as number) > (starts[k] as number)) held |= 1 << k;
        this.info[at] = ((this.info[at] as number) | GENERATED | held) >>> 0;
      }
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
    const key = chunkKey(cx, cz);
    // Look-ups come in runs on one chunk (a column, a block's neighbours): remember its change map.
    if (key !== this.changesKey) {
      this.changesKey = key;
      this.changesHere = this.changes.get(key);
      this.changedHere = this.changedBits.get(key);
    }
    // The bit set answers "unchanged" (the usual answer) from one small array instead of a hash look-up.
    if (this.changedHere !== undefined && isChanged(this.changedHere, index)) {
      const changed = this.changesHere?.get(index);
      if (changed !== undefined) return changed;
    }
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
    this.changesKey = Number.NaN;
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
    let bits = this.changedBits.get(key);
    if (!bits) {
      bits = new Array<Uint8Array | null>(SECTIONS).fill(null);
      this.changedBits.set(key, bits);
    }
    const section = index >> 12;
    let sectionBits = bits[section];
    if (!sectionBits) {
      sectionBits = new Uint8Array(512);
      bits[section] = sectionBits;
    }
    sectionBits[(index & 4095) >> 3] = (sectionBits[(index & 4095) >> 3] as number) | (1 << (index & 7));
    const old = map.get(index);
    if (old !== undefined) byId.get(old)?.delete(index);
    map.set(index, id);
    let set = byId.get(id);
    if (!set) {
      set = new Set();
      byId.set(id, set);
    }
    set.add(index);
    const at = this.infoIndex(x >> 4, z >> 4);
    if (at >= 0) this.info[at] = ((this.info[at] as number) | (id === this.generator.ids.air ? DUG : CHANGED)) >>> 0;
    if (this.data.blockById(id).passable) this.exposeAround(x, y, z);
    else if (this.oreIds.has(id) && FACE_NEIGHBOURS.some(([dx, dy, dz]) => this.passable(x + dx, y + dy, z + dz))) {
      // An ore placed in the open is visible at once.
      this.markExposed(x, y, z);
    }
  }

  /** Index of a chunk in the info table, or -1 outside it. */
  private infoIndex(cx: number, cz: number): number {
    const ix = cx - this.infoX0;
    const iz = cz - this.infoZ0;
    if (ix < 0 || iz < 0 || ix >= this.infoWidth || iz >= this.infoDepth) return -1;
    return iz * this.infoWidth + ix;
  }

  private markExposed(x: number, y: number, z: number): void {
    const at = this.infoIndex(x >> 4, z >> 4);
    if (at >= 0) this.info[at] = ((this.info[at] as number) | EXPOSED) >>> 0;
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
    for (const [dx, dy, dz] of FACE_NEIGHBOURS) {
      const nx = x + dx;
      const ny = y + dy;
      const nz = z + dz;
      if (this.oreIds.has(this.idAt(nx, ny, nz))) this.markExposed(nx, ny, nz);
    }
  }

  /** True when a body can stand in the block (air, water, plants). */
  passable(x: number, y: number, z: number): boolean {
    const id = this.idAt(x, y, z);
    // Ids outside the table are unknown, which `blockById` treats as air (passable).
    return id < this.passableById.length ? this.passableById[id] === 1 : this.data.blockById(id).passable;
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
    this.changesKey = Number.NaN;
    this.changesHere = undefined;
    this.changedHere = undefined;
    this.changedBits.clear();
    for (let i = 0; i < this.info.length; i++)
      this.info[i] = ((this.info[i] as number) & ~(DUG | CHANGED | EXPOSED)) >>> 0;
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
    const featureSlot = this.generator.featureSlot;
    const wantMask = visible ? plan.visibleMask : plan.featureMask;
    const wantsAir = ids.has(this.generator.ids.air);
    // Chunks nearest first; once `count` hits are in, chunks farther than the count-th hit are skipped.
    const cx0 = (ox - r) >> 4;
    const cz0 = (oz - r) >> 4;
    const span = (((ox + r) >> 4) - cx0 + 1) * (((oz + r) >> 4) - cz0 + 1);
    if (chunkD2.length < span) {
      chunkD2 = new Float64Array(span);
      chunkXZ = new Int32Array(span * 2);
      chunkOrder = new Int32Array(span);
    }
    const d2c = chunkD2;
    const xz = chunkXZ;
    const order = chunkOrder;
    let slots = 0;
    for (let cx = cx0; cx <= (ox + r) >> 4; cx++) {
      const baseX = cx * 16;
      const ddx = origin.x < baseX ? baseX - origin.x : origin.x > baseX + 16 ? origin.x - baseX - 16 : 0;
      for (let cz = cz0; cz <= (oz + r) >> 4; cz++) {
        const baseZ = cz * 16;
        const ddz = origin.z < baseZ ? baseZ - origin.z : origin.z > baseZ + 16 ? origin.z - baseZ - 16 : 0;
        const d2 = ddx * ddx + ddz * ddz;
        if (d2 > max2) continue;
        d2c[slots] = d2;
        xz[slots * 2] = cx;
        xz[slots * 2 + 1] = cz;
        // Insertion sort by distance; equal distances keep slot order (a stable sort).
        let i = slots;
        while (i > 0 && (d2c[order[i - 1] as number] as number) > d2) {
          order[i] = order[i - 1] as number;
          i--;
        }
        order[i] = slots;
        slots++;
      }
    }
    const hits = HITS.reset(origin, maxDistance, count);
    for (let o = 0; o < slots; o++) {
      const slot = order[o] as number;
      if ((d2c[slot] as number) > hits.bound()) break;
      const cx = xz[slot * 2] as number;
      const cz = xz[slot * 2 + 1] as number;
      const baseX = cx * 16;
      const baseZ = cz * 16;
      const at = this.infoIndex(cx, cz);
      // Whether this chunk's change lists can hold anything wanted (air only if the search wants air).
      let changesWanted = true;
      if (at >= 0) {
        // Nothing this search wants can be here: no changes it may report (blocks dug to air count only
        // for a search for air), no exposed ores it may report, and either no features wanted or a
        // generated chunk without any of them. (Ungenerated chunks are visited, so chunks are generated
        // exactly as before.)
        const info = this.info[at] as number;
        if (
          (info & CHANGED) === 0 &&
          ((info & DUG) === 0 || !wantsAir) &&
          (!visible || (info & EXPOSED) === 0) &&
          (featureIds.length === 0 || ((info & GENERATED) !== 0 && (info & wantMask) === 0))
        ) {
          continue;
        }
        changesWanted = (info & CHANGED) !== 0 || ((info & DUG) !== 0 && wantsAir);
      }
      {
        const key = chunkKey(cx, cz);
        const changed = this.changedBits.get(key);
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
              if (mask[id] !== 1) continue;
              hits.addLocal(baseX, baseZ, index, id, changed);
            }
          } else {
            const list = chunk.byBlock;
            const starts = chunk.starts;
            for (const id of featureIds) {
              const slot = featureSlot[id] as number;
              const end = starts[slot + 1] as number;
              for (let i = lowerBound(list, loIndex, starts[slot] as number, end); i < end; i++) {
                const index = list[i] as number;
                if (index > hiIndex) break;
                hits.addLocal(baseX, baseZ, index, id, changed);
              }
            }
          }
        }
        if (visible) {
          const open = this.exposed.get(key);
          if (open) {
            for (const blockAt of open) {
              // unpackBlockKey, without the object.
              const y = (blockAt % 512) + MIN_Y;
              const xz = Math.floor(blockAt / 512);
              const z = (xz % 2_097_152) - MAX_HORIZONTAL;
              const x = Math.floor(xz / 2_097_152) - MAX_HORIZONTAL;
              // Out of reach (the cheap test) first, then what the block is now.
              if (!hits.reaches(x, y, z)) continue;
              const id = this.idAt(x, y, z);
              if (ids.has(id) && this.oreIds.has(id)) hits.add(x, y, z, id);
            }
          }
        }
        if (!changesWanted) continue;
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
    return hits.sightings(this.data);
  }

  private readonly plans = new WeakMap<ReadonlySet<number>, SearchPlan>();

  /** What a set of ids needs searched, worked out once per set (callers reuse their sets). */
  private planFor(ids: ReadonlySet<number>): SearchPlan {
    let plan = this.plans.get(ids);
    if (!plan) {
      const all = [...ids];
      const featureIds = all.filter((id) => this.generator.featureIds.has(id));
      const visibleFeatureIds = featureIds.filter((id) => !this.oreIds.has(id));
      const slots = this.generator.featureSlot;
      const maskOf = (list: number[]) => list.reduce((m, id) => m | (1 << (slots[id] as number)), 0);
      plan = {
        featureIds,
        visibleFeatureIds,
        featureMask: maskOf(featureIds),
        visibleMask: maskOf(visibleFeatureIds),
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
 * Search hits, bounded: only the nearest `count` are kept, in order (by squared distance, ties by
 * position), and anything that cannot beat the count-th is refused, so a search through thousands of
 * ores stays small. One instance is reused by every search (searches are synchronous), so a search
 * allocates only the objects it returns.
 */
class Hits {
  private keys: number[] = [];
  private ids: number[] = [];
  private d2s: number[] = [];
  /** Hits kept (at most `count`). */
  private kept = 0;
  /** Hits accepted so far, kept or since pushed out by nearer ones. */
  private accepted = 0;
  private dedupeOn = false;
  private max2 = 0;
  private originX = 0;
  private originZ = 0;
  private eyeY = 0;
  private count = 1;

  /** Starts a new search. */
  reset(origin: Vec3, maxDistance: number, count: number): this {
    this.max2 = maxDistance * maxDistance;
    this.originX = origin.x;
    this.originZ = origin.z;
    this.eyeY = origin.y + EYE_HEIGHT;
    this.count = count;
    this.kept = 0;
    this.accepted = 0;
    this.dedupeOn = false;
    return this;
  }

  /** True once `count` hits were found (the nearest ones may still be to come). */
  get size(): number {
    return this.accepted;
  }

  /** From now on, ignore positions already kept (the layered scan can meet a changed block). */
  dedupe(): void {
    this.dedupeOn = true;
  }

  /**
   * A hit given as a chunk origin and a local index; with `changed`, a generated feature that is
   * skipped when its block was changed (changed blocks are reported from the change lists, never
   * twice). The distance test comes first: it is cheaper and rejects most candidates.
   */
  addLocal(baseX: number, baseZ: number, index: number, id: number, changed?: ChangedBits): void {
    const x = baseX + (index & 15);
    const y = (index >> 8) + MIN_Y;
    const z = baseZ + ((index >> 4) & 15);
    if (changed !== undefined) {
      const dx = x + 0.5 - this.originX;
      const dy = y + 0.5 - this.eyeY;
      const dz = z + 0.5 - this.originZ;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 > (this.kept < this.count ? this.max2 : (this.d2s[this.count - 1] as number))) return;
      if (isChanged(changed, index)) return;
    }
    this.add(x, y, z, id);
  }

  /** False when a block there could not be kept (too far, or farther than `count` hits already kept). */
  reaches(x: number, y: number, z: number): boolean {
    const dx = x + 0.5 - this.originX;
    const dy = y + 0.5 - this.eyeY;
    const dz = z + 0.5 - this.originZ;
    const d2 = dx * dx + dy * dy + dz * dz;
    return d2 <= (this.kept < this.count ? this.max2 : (this.d2s[this.count - 1] as number));
  }

  /** A hit at a block position, kept when within range of the eyes and among the nearest `count`. */
  add(x: number, y: number, z: number, id: number): void {
    const dx = x + 0.5 - this.originX;
    const dy = y + 0.5 - this.eyeY;
    const dz = z + 0.5 - this.originZ;
    const d2 = dx * dx + dy * dy + dz * dz;
    const kept = this.kept;
    const count = this.count;
    const d2s = this.d2s;
    if (d2 > (kept < count ? this.max2 : (d2s[count - 1] as number))) return;
    const key = blockKey(x, y, z);
    const keys = this.keys;
    if (this.dedupeOn) {
      for (let i = 0; i < kept; i++) if (keys[i] === key) return;
    }
    this.accepted++;
    // Insertion into the sorted prefix; a hit that ties the last kept one but has a larger key falls off.
    let i = kept < count ? kept : count - 1;
    if (kept >= count) {
      const lastD2 = d2s[i] as number;
      if (d2 > lastD2 || (d2 === lastD2 && key > (keys[i] as number))) return;
    }
    const ids = this.ids;
    while (i > 0) {
      const pd2 = d2s[i - 1] as number;
      if (pd2 < d2 || (pd2 === d2 && (keys[i - 1] as number) < key)) break;
      d2s[i] = pd2;
      keys[i] = keys[i - 1] as number;
      ids[i] = ids[i - 1] as number;
      i--;
    }
    d2s[i] = d2;
    keys[i] = key;
    ids[i] = id;
    if (kept < count) this.kept = kept + 1;
  }

  /** The squared distance no further hit can beat: the count-th best so far, or the search radius. */
  bound(): number {
    return this.kept < this.count ? this.max2 : (this.d2s[this.count - 1] as number);
  }

  /** The nearest `count` hits as sightings, nearest first (ties by position, never by scan order). */
  sightings(data: GameData): BlockSighting[] {
    const out: BlockSighting[] = [];
    for (let i = 0; i < this.kept; i++) {
      out.push({
        name: data.blockById(this.ids[i] as number).name,
        position: unpackBlockKey(this.keys[i] as number),
        distance: Math.sqrt(this.d2s[i] as number),
      });
    }
    return out;
  }
}

/** The one search scratch (searches never nest). */
const HITS = new Hits();

/**
 * Scratch for the chunk order of one search: squared distance, chunk x and z per slot, and the slots
 * sorted nearest first (ties by slot), grown as needed and reused.
 */
let chunkD2 = new Float64Array(64);
let chunkXZ = new Int32Array(128);
let chunkOrder = new Int32Array(64);

/** The parts of a block search that depend only on the ids asked for. */
interface SearchPlan {
  featureIds: number[];
  visibleFeatureIds: number[];
  /** Bits of the feature slots (see the chunk info table) of `featureIds` and `visibleFeatureIds`. */
  featureMask: number;
  visibleMask: number;
  layered: number[];
  mask: Uint8Array | null;
}

/** 16-block-high sections of a chunk (384 blocks of height). */
const SECTIONS = (MAX_Y - MIN_Y + 1) >> 4;

/**
 * One bit per block of a chunk that was ever changed (set until the changes are cleared), in
 * 512-byte sections made on the first change in them. Local indices are y-major, so a section is the
 * index range `s * 4096 … s * 4096 + 4095`.
 */
type ChangedBits = (Uint8Array | null)[];

function isChanged(bits: ChangedBits, index: number): boolean {
  const section = bits[index >> 12];
  return section != null && ((section[(index & 4095) >> 3] as number) & (1 << (index & 7))) !== 0;
}

/** Chunk info bits (the low bits are feature slots; there are fewer than 27 feature blocks). */
const DUG = 1 << 27; // a block of the chunk was set to air
const GENERATED = 1 << 28;
const CHANGED = 1 << 29; // a block of the chunk was set to something other than air
const EXPOSED = 1 << 30;

/** First position in a sorted array (or its sorted range `from` … `to` - 1) whose value is at least `value`. */
function lowerBound(list: Int32Array, value: number, from = 0, to = list.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
