import minecraftData from 'minecraft-data';

/** The one Minecraft version whose rules the headless world follows (the newest flying-squid serves). */
export const GAME_VERSION = '1.21.4';

/** A block as the world uses it: only the fields the rules need. */
export interface BlockInfo {
  id: number;
  name: string;
  hardness: number;
  diggable: boolean;
  /** minecraft-data's material tag, e.g. `mineable/pickaxe` or `incorrect_for_wooden_tool`. */
  material: string;
  /** Item ids of tools that can harvest the block; `null` when any tool (or the hand) will do. */
  harvestTools: ReadonlySet<number> | null;
  /** True when an agent can stand in it and place into it (air, water, plants). */
  passable: boolean;
}

/** An item as the world uses it. */
export interface ItemInfo {
  id: number;
  name: string;
  stackSize: number;
}

type McData = ReturnType<typeof minecraftData>;

let cached: GameData | null = null;

/** Indexed minecraft-data for {@link GAME_VERSION}, loaded once per process (it is large). */
export class GameData {
  readonly raw: McData;
  readonly blocksById = new Map<number, BlockInfo>();
  readonly blocksByName = new Map<string, BlockInfo>();
  readonly itemsById = new Map<number, ItemInfo>();
  readonly itemsByName = new Map<string, ItemInfo>();
  readonly air: BlockInfo;

  private constructor() {
    this.raw = minecraftData(GAME_VERSION);
    for (const b of this.raw.blocksArray) {
      const info: BlockInfo = {
        id: b.id,
        name: b.name,
        hardness: b.hardness ?? -1,
        diggable: b.diggable,
        material: b.material ?? 'default',
        harvestTools: b.harvestTools
          ? new Set(
              Object.entries(b.harvestTools)
                .filter(([, ok]) => ok)
                .map(([id]) => Number(id)),
            )
          : null,
        passable: b.boundingBox === 'empty',
      };
      this.blocksById.set(info.id, info);
      this.blocksByName.set(info.name, info);
    }
    for (const i of this.raw.itemsArray) {
      const info: ItemInfo = { id: i.id, name: i.name, stackSize: i.stackSize };
      this.itemsById.set(info.id, info);
      this.itemsByName.set(info.name, info);
    }
    this.air = this.block('air');
  }

  /** The shared instance. */
  static get(): GameData {
    if (!cached) cached = new GameData();
    return cached;
  }

  /** A block by name; throws on an unknown name (callers validate first, see {@link isBlock}). */
  block(name: string): BlockInfo {
    const b = this.blocksByName.get(name);
    if (!b) throw new Error(`unknown block ${name}`);
    return b;
  }

  /** A block by numeric id (air for an unknown id, which cannot happen with ids from this data). */
  blockById(id: number): BlockInfo {
    return this.blocksById.get(id) ?? this.air;
  }

  /** True for a block name of this version. */
  isBlock(name: string): boolean {
    return this.blocksByName.has(name);
  }

  /** True for an item name of this version. */
  isItem(name: string): boolean {
    return this.itemsByName.has(name);
  }

  /** How many of this item fit in one inventory slot (64 for unknown names). */
  stackSize(name: string): number {
    return this.itemsByName.get(name)?.stackSize ?? 64;
  }

  /** The name of an item id, or null. */
  itemName(id: number): string | null {
    return this.itemsById.get(id)?.name ?? null;
  }
}
