import type { GameData } from '../rules/game-data.js';
import { localIndex, MIN_Y } from '../world/keys.js';
import { fractalNoise, hash3, hash01, valueNoise } from './noise.js';
import { ORES, type OreSpec } from './ores.js';

/** Terrain shape parameters (see the world config). */
export interface TerrainOptions {
  seaLevel: number;
  baseHeight: number;
  amplitude: number;
  treeDensity: number;
  oreAbundance: number;
}

/** One generated chunk: a height map and the blocks that are not plain layers (trees, ores). */
export interface Chunk {
  cx: number;
  cz: number;
  /** Surface block height per column (index `z * 16 + x`). */
  heights: Int16Array;
  /** 1 where the surface is sand (beaches, sea and lake beds). */
  sandy: Uint8Array;
  /** Sorted local indices of feature blocks, with their block ids alongside. */
  featureKeys: Int32Array;
  featureIds: Uint16Array;
  /**
   * Feature local indices grouped by feature block, each group sorted, for block searches: the
   * indices of block `id` are `byBlock[starts[k]] … byBlock[starts[k + 1] - 1]` with
   * `k = generator.featureSlot[id]`. Two flat arrays per chunk instead of a map of lists keep a search
   * to a couple of memory reads per chunk (most of a search's time is fetching chunks from memory).
   */
  byBlock: Int32Array;
  starts: Int32Array;
}

/** Block ids the layers use, looked up once. */
export interface LayerIds {
  air: number;
  water: number;
  grass: number;
  dirt: number;
  sand: number;
  stone: number;
  deepslate: number;
  bedrock: number;
}

/** Lazily generates chunks from a seed: grass and dirt over stone and deepslate, water, sand, trees, ores. */
export class TerrainGenerator {
  readonly ids: LayerIds;
  /** Block ids that can appear as features (ores, logs, leaves): only these are in chunk feature lists. */
  readonly featureIds: ReadonlySet<number>;
  /** Slot of each feature id in {@link Chunk.byBlock}, by block id; -1 for other ids. */
  readonly featureSlot: Int16Array;
  private readonly seed: number;
  private readonly scratch: FeatureScratch;
  /** Write positions of the counting sort in `generate`, reused. */
  private fill = new Int32Array(0);

  constructor(
    seed: number,
    readonly options: TerrainOptions,
    private readonly data: GameData,
  ) {
    this.seed = seed >>> 0;
    const id = (name: string) => data.block(name).id;
    this.ids = {
      air: id('air'),
      water: id('water'),
      grass: id('grass_block'),
      dirt: id('dirt'),
      sand: id('sand'),
      stone: id('stone'),
      deepslate: id('deepslate'),
      bedrock: id('bedrock'),
    };
    const features = ['oak_log', 'oak_leaves', 'birch_log', 'birch_leaves'];
    for (const spec of ORES) features.push(spec.ore, `deepslate_${spec.ore}`);
    this.featureIds = new Set(features.map(id));
    this.featureSlot = new Int16Array(Math.max(...this.featureIds) + 1).fill(-1);
    let slot = 0;
    for (const featureId of this.featureIds) this.featureSlot[featureId] = slot++;
    this.scratch = new FeatureScratch(this.featureSlot, Int32Array.from(this.featureIds));
  }

  /** Noise height at a lattice corner (every 4 blocks). */
  private cornerHeight(x: number, z: number): number {
    const n = fractalNoise(x, z, this.seed);
    return this.options.baseHeight + (n - 0.5) * 2 * this.options.amplitude;
  }

  /**
   * Surface height of a column: the noise is sampled every 4 blocks and interpolated between, which
   * makes a chunk's height map 16 times cheaper than sampling every column, with the same hills.
   */
  heightAt(x: number, z: number): number {
    const x0 = x & ~3;
    const z0 = z & ~3;
    const tx = (x - x0) / 4;
    const tz = (z - z0) / 4;
    const a = this.cornerHeight(x0, z0);
    const b = this.cornerHeight(x0 + 4, z0);
    const c = this.cornerHeight(x0, z0 + 4);
    const d = this.cornerHeight(x0 + 4, z0 + 4);
    return Math.round(a + (b - a) * tx + (c - a) * tz + (a - b - c + d) * tx * tz);
  }

  /** The layered (non-feature) block at a position, given its column's height and sandiness. */
  layerAt(x: number, y: number, z: number, height: number, sandy: boolean): number {
    const ids = this.ids;
    if (y > height) return y <= this.options.seaLevel ? ids.water : ids.air;
    if (y === MIN_Y) return ids.bedrock;
    if (y <= MIN_Y + 4 && hash01(x, y, z, this.seed ^ 0xbed) < (MIN_Y + 5 - y) / 5) return ids.bedrock;
    if (y >= height - 3) {
      if (sandy) return ids.sand;
      return y === height ? ids.grass : ids.dirt;
    }
    return y < 0 ? ids.deepslate : ids.stone;
  }

  /** Generates one chunk. */
  generate(cx: number, cz: number): Chunk {
    const heights = new Int16Array(256);
    const sandy = new Uint8Array(256);
    const sea = this.options.seaLevel;
    // 5 × 5 lattice corners cover the chunk; columns interpolate between them (see heightAt).
    const corners = new Float64Array(25);
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 5; i++) corners[j * 5 + i] = this.cornerHeight(cx * 16 + i * 4, cz * 16 + j * 4);
    }
    for (let lz = 0; lz < 16; lz++) {
      for (let lx = 0; lx < 16; lx++) {
        const i = lx >> 2;
        const j = lz >> 2;
        const tx = (lx & 3) / 4;
        const tz = (lz & 3) / 4;
        const a = corners[j * 5 + i] as number;
        const b = corners[j * 5 + i + 1] as number;
        const c = corners[(j + 1) * 5 + i] as number;
        const d = corners[(j + 1) * 5 + i + 1] as number;
        const h = Math.round(a + (b - a) * tx + (c - a) * tz + (a - b - c + d) * tx * tz);
        heights[lz * 16 + lx] = h;
        sandy[lz * 16 + lx] = h <= sea + 1 ? 1 : 0;
      }
    }
    const features = this.scratch;
    features.begin();
    this.placeOres(cx, cz, heights, features);
    this.placeTrees(cx, cz, heights, sandy, features);
    const { keys: featureKeys, ids: featureIds } = features.finish();
    // Group the (sorted) keys by feature slot with a counting sort, which keeps each group sorted.
    const slots = this.featureSlot;
    const starts = new Int32Array(this.featureIds.size + 1);
    for (let i = 0; i < featureIds.length; i++) (starts[(slots[featureIds[i] as number] as number) + 1] as number)++;
    for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
    if (this.fill.length < starts.length) this.fill = new Int32Array(starts.length);
    const fill = this.fill;
    fill.set(starts);
    const byBlock = new Int32Array(featureKeys.length);
    for (let i = 0; i < featureKeys.length; i++) {
      const k = slots[featureIds[i] as number] as number;
      byBlock[fill[k] as number] = featureKeys[i] as number;
      fill[k] = (fill[k] as number) + 1;
    }
    return { cx, cz, heights, sandy, featureKeys, featureIds, byBlock, starts };
  }

  private placeOres(cx: number, cz: number, heights: Int16Array, out: FeatureScratch): void {
    const ores = this.oreIds();
    for (let specIndex = 0; specIndex < ORES.length; specIndex++) {
      const spec = ORES[specIndex] as OreSpec;
      const attempts = Math.round(spec.attempts * this.options.oreAbundance);
      const stoneId = ores[specIndex * 2] as number;
      const deepId = ores[specIndex * 2 + 1] as number;
      // xorshiftStream, inlined: the same numbers without a closure call (and a boxed double) per draw.
      let st = hash3(cx, cz, 1000 + specIndex, this.seed) >>> 0 || 0x9e3779b9;
      const triangle = spec.shape === 'triangle';
      for (let a = 0; a < attempts; a++) {
        st ^= st << 13;
        st >>>= 0;
        st ^= st >>> 17;
        st ^= st << 5;
        st >>>= 0;
        let lx = Math.floor((st / 4_294_967_296) * 16);
        st ^= st << 13;
        st >>>= 0;
        st ^= st >>> 17;
        st ^= st << 5;
        st >>>= 0;
        let lz = Math.floor((st / 4_294_967_296) * 16);
        st ^= st << 13;
        st >>>= 0;
        st ^= st >>> 17;
        st ^= st << 5;
        st >>>= 0;
        let t = st / 4_294_967_296;
        if (triangle) {
          st ^= st << 13;
          st >>>= 0;
          st ^= st >>> 17;
          st ^= st << 5;
          st >>>= 0;
          t = (t + st / 4_294_967_296) / 2;
        }
        let y = Math.round(spec.minY + t * (spec.maxY - spec.minY));
        for (let b = 0; b < spec.size; b++) {
          const h = heights[lz * 16 + lx] as number;
          if (y > MIN_Y + 4 && y <= h - 4) out.set(localIndex(lx, y, lz), y < 0 ? deepId : stoneId);
          st ^= st << 13;
          st >>>= 0;
          st ^= st >>> 17;
          st ^= st << 5;
          st >>>= 0;
          const step = Math.floor((st / 4_294_967_296) * 6);
          if (step === 0) lx = Math.min(15, lx + 1);
          else if (step === 1) lx = Math.max(0, lx - 1);
          else if (step === 2) lz = Math.min(15, lz + 1);
          else if (step === 3) lz = Math.max(0, lz - 1);
          else if (step === 4) y += 1;
          else y -= 1;
        }
      }
    }
  }

  private oreIdList: Int32Array | null = null;

  /** Stone and deepslate block ids of each ORES entry, looked up once. */
  private oreIds(): Int32Array {
    if (!this.oreIdList) {
      const list = new Int32Array(ORES.length * 2);
      ORES.forEach((spec, i) => {
        list[i * 2] = this.data.block(spec.ore).id;
        list[i * 2 + 1] = this.data.block(`deepslate_${spec.ore}`).id;
      });
      this.oreIdList = list;
    }
    return this.oreIdList;
  }

  private placeTrees(cx: number, cz: number, heights: Int16Array, sandy: Uint8Array, out: FeatureScratch): void {
    const forest = valueNoise(cx * 16, cz * 16, 128, this.seed ^ 0x7ee);
    const count = Math.floor(forest * forest * 9 * this.options.treeDensity);
    const trunks: [number, number][] = [];
    const oakLog = this.data.block('oak_log').id;
    const oakLeaves = this.data.block('oak_leaves').id;
    const birchLog = this.data.block('birch_log').id;
    const birchLeaves = this.data.block('birch_leaves').id;
    for (let t = 0; t < count; t++) {
      const h3 = hash3(cx, cz, t, this.seed ^ 0x7ee5);
      // Trunks stay 2 blocks inside the chunk so the canopy never crosses a chunk border.
      const lx = 2 + (h3 % 12);
      const lz = 2 + ((h3 >>> 8) % 12);
      const col = lz * 16 + lx;
      if (sandy[col] === 1) continue;
      if (trunks.some(([x, z]) => Math.abs(x - lx) < 3 && Math.abs(z - lz) < 3)) continue;
      trunks.push([lx, lz]);
      const birch = (h3 >>> 16) % 5 === 0;
      const log = birch ? birchLog : oakLog;
      const leaves = birch ? birchLeaves : oakLeaves;
      const ground = heights[col] as number;
      const top = ground + 4 + ((h3 >>> 20) % 3);
      for (let y = top - 2; y <= top + 1; y++) {
        const radius = y >= top ? 1 : 2;
        for (let dz = -radius; dz <= radius; dz++) {
          for (let dx = -radius; dx <= radius; dx++) {
            const corner = Math.abs(dx) === radius && Math.abs(dz) === radius;
            if (corner && (y === top + 1 || hash01(lx + dx, y, lz + dz, this.seed ^ h3) < 0.5)) continue;
            const key = localIndex(lx + dx, y, lz + dz);
            if (!out.has(key)) out.set(key, leaves);
          }
        }
      }
      for (let y = ground + 1; y <= top; y++) out.set(localIndex(lx, y, lz), log);
    }
  }
}

/** The feature block at a local index, or -1 (binary search over the sorted keys). */
export function featureAt(chunk: Chunk, index: number): number {
  const keys = chunk.featureKeys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid] as number;
    if (k === index) return chunk.featureIds[mid] as number;
    if (k < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A reusable chunk-sized buffer for placing features: writes go to a flat array indexed by local
 * index (later writes win), and `finish` returns them sorted, so generating a chunk allocates only
 * its result.
 */
class FeatureScratch {
  /** Feature slot + 1 per local index (0 = none): one byte a block keeps the buffer small in the cache. */
  private readonly cells = new Uint8Array(16 * 16 * 384);
  private touched = new Int32Array(1024);
  private size = 0;

  constructor(
    /** Slot of each feature block id; `ids[slot]` is the id back. */
    private readonly slots: Int16Array,
    private readonly ids: Int32Array,
  ) {
    if (ids.length > 254) throw new Error('too many feature blocks');
  }

  begin(): void {
    this.size = 0;
  }

  set(index: number, id: number): void {
    if (this.cells[index] === 0) {
      if (this.size === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.size++] = index;
    }
    this.cells[index] = (this.slots[id] as number) + 1;
  }

  has(index: number): boolean {
    return this.cells[index] !== 0;
  }

  finish(): { keys: Int32Array; ids: Uint16Array } {
    const keys = this.touched.slice(0, this.size).sort();
    const ids = new Uint16Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const index = keys[i] as number;
      ids[i] = this.ids[(this.cells[index] as number) - 1] as number;
      this.cells[index] = 0;
    }
    return { keys, ids };
  }
}
