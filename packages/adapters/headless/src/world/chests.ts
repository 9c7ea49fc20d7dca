import type { ItemStack } from '@sid/core';
import { Inventory, type InventoryImage } from './inventory.js';

/** A chest holds 27 slots. */
export const CHEST_SLOTS = 27;

/** Contents of every chest block, by block key. */
export class ChestStore {
  private readonly chests = new Map<number, Inventory>();

  constructor(private readonly stackSize: (name: string) => number) {}

  /** The chest at a block key, created empty on first use (a chest block always has contents). */
  at(key: number): Inventory {
    let chest = this.chests.get(key);
    if (!chest) {
      chest = new Inventory(this.stackSize, CHEST_SLOTS);
      this.chests.set(key, chest);
    }
    return chest;
  }

  /** Removes a chest (when its block is broken) and returns what it held. */
  remove(key: number): ItemStack[] {
    const chest = this.chests.get(key);
    this.chests.delete(key);
    return chest ? chest.list() : [];
  }

  clear(): void {
    this.chests.clear();
  }

  /** Every non-empty chest, in key order. */
  entries(): [number, InventoryImage][] {
    return [...this.chests.entries()]
      .filter(([, c]) => c.list().length > 0)
      .sort(([a], [b]) => a - b)
      .map(([k, c]) => [k, c.toJSON()]);
  }

  restore(key: number, image: InventoryImage): void {
    this.at(key).restore(image);
  }
}
