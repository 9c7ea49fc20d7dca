import { closestNames } from '@sid/core';
import { buildSourceTable, type SourceTable, type SourceTableOptions } from './source-table.js';
import { type ItemSource, stationOf } from './sources.js';
import { DIMENSION_TIER, type Tier } from './tiers.js';

/** The way the tree chose to obtain an item: its cheapest source, with the tool picked for mining. */
export interface ResolvedRoute {
  item: string;
  source: ItemSource;
  /** Cheapest tool that harvests the block, for `mine` sources that need one. */
  tool: string | null;
  station: 'crafting_table' | 'furnace' | null;
  /** Relative effort per item; only meaningful for comparing routes. */
  cost: number;
  tier: Tier;
}

/** How to choose routes. */
export interface RouteOptions {
  /**
   * Items and blocks to favour (an agent's inventory, blocks it can see): mining them counts as half
   * the effort, so e.g. an agent next to birch trees makes birch planks.
   */
  prefer?: Iterable<string>;
  /** Only these blocks can be mined (e.g. what a headless world generates); default: all natural blocks. */
  worldBlocks?: Iterable<string>;
  /** Only these mobs can be hunted (e.g. `[]` in the headless world, which has none); default: all huntable mobs. */
  worldMobs?: Iterable<string>;
}

// Effort weights: a craft or smelt step, and how much of a tool's or station's own cost one use carries.
const CRAFT_STEP = 0.5;
const SMELT_STEP = 1;
const FUEL_EFFORT = 0.5;
const AMORTIZE = 10;
/** Route resolutions kept per tree (least recently used dropped first). */
const ROUTE_CACHE_SIZE = 128;

/** The best route for every obtainable item under one set of {@link RouteOptions}. */
export class RouteMap {
  constructor(private readonly routes: ReadonlyMap<string, ResolvedRoute>) {}

  /** The chosen route for `item`, or undefined when it cannot be obtained. */
  get(item: string): ResolvedRoute | undefined {
    return this.routes.get(item);
  }

  /** The item's tier, or null when it cannot be obtained. */
  tier(item: string): Tier | null {
    return this.routes.get(item)?.tier ?? null;
  }

  /** Every obtainable item. */
  items(): string[] {
    return [...this.routes.keys()];
  }
}

/**
 * The Minecraft tech tree: for every item, the ways to obtain it (recipes, smelting, block and mob
 * drops), the tools and stations they need, and a tier. Build it once and share it.
 */
export class TechTree {
  private defaultRoutes: RouteMap | undefined;
  private readonly cache = new Map<string, RouteMap>();
  private leafNames: Set<string> | undefined;
  private static shared: TechTree | undefined;

  constructor(readonly table: SourceTable) {}

  /** Builds a tree from minecraft-data and the given tables. */
  static build(options: SourceTableOptions = {}): TechTree {
    return new TechTree(buildSourceTable(options));
  }

  /** One shared tree for the pinned game version (built on first use, ~100 ms). */
  static default(): TechTree {
    TechTree.shared ??= TechTree.build();
    return TechTree.shared;
  }

  /** The game version the tree was built for. */
  get version(): string {
    return this.table.version;
  }

  /** True when `item` is a known item name. */
  has(item: string): boolean {
    return this.table.items.has(item);
  }

  /** Known item names closest to a misspelt one. */
  suggest(name: string): string[] {
    return closestNames(name, this.table.items);
  }

  /** All ways to obtain `item` (possibly none). */
  sources(item: string): readonly ItemSource[] {
    return this.table.sources.get(item) ?? [];
  }

  /** The item's tier along its cheapest route, or null when it cannot be obtained. */
  tier(item: string): Tier | null {
    return this.routes().tier(item);
  }

  /** The chosen route for `item` with default options. */
  route(item: string): ResolvedRoute | undefined {
    return this.routes().get(item);
  }

  /**
   * Chooses the cheapest route for every item. Results are cached by the options that can change
   * them (only preferred names that are mined or hunted matter), so a thousand agents planning with
   * similar surroundings share a few resolutions instead of ~15 ms each.
   */
  routes(options?: RouteOptions): RouteMap {
    if (!options) {
      this.defaultRoutes ??= this.resolve({});
      return this.defaultRoutes;
    }
    const key = this.cacheKey(options);
    const cached = this.cache.get(key);
    if (cached) {
      // Re-insert so the map's order is least recently used first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const resolved = this.resolve(options);
    this.cache.set(key, resolved);
    if (this.cache.size > ROUTE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return resolved;
  }

  private cacheKey(options: RouteOptions): string {
    if (!this.leafNames) {
      this.leafNames = new Set();
      for (const [item, list] of this.table.sources) {
        for (const s of list) {
          if (s.kind === 'mine') this.leafNames.add(s.block).add(item);
          if (s.kind === 'kill') this.leafNames.add(s.mob).add(item);
        }
      }
    }
    const leaves = this.leafNames;
    const prefer = [...new Set(options.prefer ?? [])].filter((n) => leaves.has(n)).sort();
    const world = options.worldBlocks ? [...new Set(options.worldBlocks)].sort().join(',') : '*';
    const mobs = options.worldMobs ? [...new Set(options.worldMobs)].sort().join(',') : '*';
    return `${prefer.join(',')}|${world}|${mobs}`;
  }

  private resolve(options: RouteOptions): RouteMap {
    const prefer = new Set(options.prefer ?? []);
    const world = options.worldBlocks ? new Set(options.worldBlocks) : null;
    const worldMobs = options.worldMobs ? new Set(options.worldMobs) : null;
    const { naturalBlocks, mobs, sources } = this.table;
    const cost = new Map<string, number>();
    const chosen = new Map<string, { source: ItemSource; tool: string | null }>();
    const costOf = (item: string) => cost.get(item) ?? Number.POSITIVE_INFINITY;

    const leaf = (base: number, names: string[]) => (names.some((n) => prefer.has(n)) ? base / 2 : base);
    const evaluate = (item: string, source: ItemSource): { cost: number; tool: string | null } => {
      const stationCost = (s: string | null) => (s ? costOf(s) / AMORTIZE : 0);
      switch (source.kind) {
        case 'craft': {
          let sum = CRAFT_STEP + stationCost(stationOf(source));
          for (const input of source.inputs) sum += input.count * costOf(input.item);
          return { cost: sum / source.yield, tool: null };
        }
        case 'smelt':
          return { cost: SMELT_STEP + FUEL_EFFORT + costOf(source.input) + stationCost('furnace'), tool: null };
        case 'mine': {
          if (world && !world.has(source.block)) return { cost: Number.POSITIVE_INFINITY, tool: null };
          const base = leaf(naturalBlocks.get(source.block)?.cost ?? 1, [source.block, item]);
          if (source.tools.length === 0) return { cost: base / source.yield, tool: null };
          let tool: string | null = null;
          for (const t of source.tools) if (tool === null || costOf(t) < costOf(tool)) tool = t;
          const toolCost = tool === null ? Number.POSITIVE_INFINITY : costOf(tool);
          return { cost: (base + toolCost / AMORTIZE) / source.yield, tool };
        }
        case 'kill':
          if (worldMobs && !worldMobs.has(source.mob)) return { cost: Number.POSITIVE_INFINITY, tool: null };
          return { cost: leaf(mobs.get(source.mob)?.cost ?? 5, [source.mob, item]) / source.yield, tool: null };
      }
    };

    // Bellman–Ford style relaxation: every step and leaf costs > 0, so the chosen routes never loop.
    for (let pass = 0, changed = true; changed && pass < 200; pass++) {
      changed = false;
      for (const [item, list] of sources) {
        for (const source of list) {
          const result = evaluate(item, source);
          if (result.cost < costOf(item) - 1e-9) {
            cost.set(item, result.cost);
            chosen.set(item, { source, tool: result.tool });
            changed = true;
          }
        }
      }
    }

    const tiers = new Map<string, Tier>();
    const tierOf = (item: string, depth = 0): Tier => {
      const known = tiers.get(item);
      if (known !== undefined) return known;
      const route = chosen.get(item);
      if (!route || depth > 64) return Number.POSITIVE_INFINITY;
      const { source, tool } = route;
      let tier: Tier;
      switch (source.kind) {
        case 'craft':
          tier = Math.max(
            source.needsTable || item === 'crafting_table' ? 2 : 1,
            ...source.inputs.map((i) => tierOf(i.item, depth + 1)),
            source.needsTable ? tierOf('crafting_table', depth + 1) : 0,
          );
          break;
        case 'smelt':
          tier = Math.max(tierOf(source.input, depth + 1), tierOf('furnace', depth + 1));
          break;
        case 'mine':
          tier = Math.max(DIMENSION_TIER[source.dimension], tool ? tierOf(tool, depth + 1) + 1 : 0);
          break;
        case 'kill':
          tier = DIMENSION_TIER[source.dimension];
          break;
      }
      tiers.set(item, tier);
      return tier;
    };

    const routes = new Map<string, ResolvedRoute>();
    for (const [item, { source, tool }] of chosen) {
      routes.set(item, { item, source, tool, station: stationOf(source), cost: costOf(item), tier: tierOf(item) });
    }
    return new RouteMap(routes);
  }
}
