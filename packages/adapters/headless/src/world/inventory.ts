import type { ItemStack } from '@sid/core';
import { type ArmorSlot, armorOf } from '../rules/combat.js';

/** Main inventory size (hotbar 0–8 plus 27 storage slots), as in Minecraft. */
export const INVENTORY_SLOTS = 36;
/** Equipment keys, as mineflayer names its destinations. */
export const EQUIPMENT_KEYS = ['hand', 'off-hand', 'head', 'torso', 'legs', 'feet'] as const;

/** Plain-JSON image of an inventory. */
export interface InventoryImage {
  slots: ([string, number] | null)[];
  selected: number;
  armor: Partial<Record<ArmorSlot, string>>;
  offHand: [string, number] | null;
}

type Slot = { name: string; count: number } | null;

/** Totals of an inventory at one moment (see {@link Inventory.totals}). */
export interface InventoryTotals {
  names: string[];
  counts: number[];
}

/**
 * 36 slots of stacks limited by each item's stack size, a selected hotbar slot (the held item),
 * four armour slots and the off hand. Items are added to existing stacks first, then to empty slots.
 */
export class Inventory {
  private slots: Slot[];
  selected = 0;
  armor: Partial<Record<ArmorSlot, string>> = {};
  offHand: Slot = null;
  /** Sorted item names, kept until the next change (tool choice asks for them on every dig and move). */
  private namesCache: readonly string[] | null = null;

  /** `size` is 36 for a body, 27 for a chest. */
  constructor(
    private readonly stackSize: (name: string) => number,
    readonly size = INVENTORY_SLOTS,
  ) {
    this.slots = new Array<Slot>(size).fill(null);
  }

  /** How many of an item the main inventory holds (equipment excluded). */
  count(name: string): number {
    let n = 0;
    for (const s of this.slots) if (s !== null && s.name === name) n += s.count;
    return n;
  }

  /** How many of an item would still fit. */
  room(name: string): number {
    const max = this.stackSize(name);
    let n = 0;
    for (const s of this.slots) {
      if (s === null) n += max;
      else if (s.name === name) n += max - s.count;
    }
    return n;
  }

  /** Adds up to `count`; returns how many were added (the rest did not fit). */
  add(name: string, count: number): number {
    this.namesCache = null;
    const max = this.stackSize(name);
    let left = count;
    for (const s of this.slots) {
      if (left === 0) break;
      if (s !== null && s.name === name && s.count < max) {
        const take = Math.min(left, max - s.count);
        s.count += take;
        left -= take;
      }
    }
    for (let i = 0; i < this.slots.length && left > 0; i++) {
      if (this.slots[i] === null) {
        const take = Math.min(left, max);
        this.slots[i] = { name, count: take };
        left -= take;
      }
    }
    return count - left;
  }

  /** Removes up to `count` (storage slots first, the held stack last); returns how many were removed. */
  remove(name: string, count: number): number {
    this.namesCache = null;
    let left = count;
    // Slots in index order with the selected one moved last (what a stable sort on "is selected" gives).
    const selected = this.selected;
    const n = this.slots.length;
    for (let k = 0; k <= n && left > 0; k++) {
      const i = k < n ? k : selected;
      if (k < n && i === selected) continue;
      if (k === n && (selected < 0 || selected >= n || !Number.isInteger(selected))) break;
      const s = this.slots[i];
      if (s === null || s === undefined || s.name !== name) continue;
      const take = Math.min(left, s.count);
      s.count -= take;
      left -= take;
      if (s.count === 0) this.slots[i] = null;
    }
    return count - left;
  }

  /** The held item's name (the selected hotbar slot), or null for an empty hand. */
  get held(): string | null {
    return this.slots[this.selected]?.name ?? null;
  }

  /** Moves a stack of `name` into the selected hotbar slot (swapping). Returns false if absent. */
  hold(name: string): boolean {
    if (this.held === name) return true;
    const from = this.slots.findIndex((s) => s !== null && s.name === name);
    if (from < 0) return false;
    const tmp = this.slots[this.selected] ?? null;
    this.slots[this.selected] = this.slots[from] ?? null;
    this.slots[from] = tmp;
    return true;
  }

  /** Wears one armour piece from the inventory; the piece it replaces goes back. */
  wear(name: string): boolean {
    const armor = armorOf(name);
    if (!armor || this.count(name) === 0) return false;
    const old = this.armor[armor.slot];
    if (old !== undefined && this.room(old) === 0 && this.count(name) > 1) return false;
    this.remove(name, 1);
    if (old !== undefined) this.add(old, 1);
    this.armor[armor.slot] = name;
    return true;
  }

  /** Moves one stack of `name` into the off hand (swapping the old one back). */
  holdOffHand(name: string): boolean {
    this.namesCache = null;
    const from = this.slots.findIndex((s) => s !== null && s.name === name);
    if (from < 0) return false;
    const stack = this.slots[from] ?? null;
    this.slots[from] = this.offHand;
    this.offHand = stack;
    return true;
  }

  /** Total armour points and toughness worn. */
  armorValue(): { points: number; toughness: number } {
    let points = 0;
    let toughness = 0;
    for (const name of Object.values(this.armor)) {
      const a = name ? armorOf(name) : null;
      if (a) {
        points += a.points;
        toughness += a.toughness;
      }
    }
    return { points, toughness };
  }

  /** Items by name, summed over slots, sorted by name. */
  list(): ItemStack[] {
    const totals = new Map<string, number>();
    for (const s of this.slots) if (s !== null) totals.set(s.name, (totals.get(s.name) ?? 0) + s.count);
    return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => ({ name, count }));
  }

  /** Item counts by name (unsorted; cheaper than {@link list}). */
  counts(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const s of this.slots) if (s !== null) totals.set(s.name, (totals.get(s.name) ?? 0) + s.count);
    return totals;
  }

  /** Item totals by name, as two parallel arrays in order of first slot (cheaper than {@link counts} to make and diff). */
  totals(): InventoryTotals {
    const names: string[] = [];
    const counts: number[] = [];
    for (const s of this.slots) {
      if (s === null) continue;
      const at = names.indexOf(s.name);
      if (at < 0) {
        names.push(s.name);
        counts.push(s.count);
      } else {
        counts[at] = (counts[at] as number) + s.count;
      }
    }
    return { names, counts };
  }

  /** Names of items in the main inventory, sorted (a shared array: do not modify it). */
  names(): readonly string[] {
    if (this.namesCache === null) {
      // What `list().map((s) => s.name)` gives, without the totals: distinct names, sorted the same way.
      const names: string[] = [];
      for (const s of this.slots) if (s !== null && !names.includes(s.name)) names.push(s.name);
      for (let i = 1; i < names.length; i++) {
        const name = names[i] as string;
        let j = i;
        while (j > 0 && (names[j - 1] as string).localeCompare(name) > 0) {
          names[j] = names[j - 1] as string;
          j--;
        }
        names[j] = name;
      }
      this.namesCache = names;
    }
    return this.namesCache;
  }

  /** What `equipment` shows in an observation. */
  equipment(): Record<string, string | null> {
    return {
      hand: this.held,
      'off-hand': this.offHand?.name ?? null,
      head: this.armor.head ?? null,
      torso: this.armor.torso ?? null,
      legs: this.armor.legs ?? null,
      feet: this.armor.feet ?? null,
    };
  }

  /** Everything, main inventory and equipment, emptied (on death). */
  takeAll(): ItemStack[] {
    const out = this.list();
    for (const name of Object.values(this.armor)) if (name) out.push({ name, count: 1 });
    if (this.offHand) out.push({ name: this.offHand.name, count: this.offHand.count });
    this.slots = new Array<Slot>(this.size).fill(null);
    this.armor = {};
    this.offHand = null;
    this.namesCache = null;
    return out;
  }

  /** A deep copy, to try a change before committing it. */
  clone(): Inventory {
    const copy = new Inventory(this.stackSize, this.size);
    copy.copyFrom(this);
    return copy;
  }

  /** Makes this inventory a deep copy of another (the same as `restore(other.toJSON())`, without the image). */
  copyFrom(other: Inventory): void {
    const slots = new Array<Slot>(this.size).fill(null);
    const from = other.slots;
    for (let i = 0; i < from.length && i < this.size; i++) {
      const s = from[i];
      if (s !== null && s !== undefined) slots[i] = { name: s.name, count: s.count };
    }
    this.slots = slots;
    this.selected = other.selected;
    this.armor = { ...other.armor };
    this.offHand = other.offHand === null ? null : { name: other.offHand.name, count: other.offHand.count };
    this.namesCache = null;
  }

  toJSON(): InventoryImage {
    return {
      slots: this.slots.map((s) => (s === null ? null : [s.name, s.count])),
      selected: this.selected,
      armor: { ...this.armor },
      offHand: this.offHand === null ? null : [this.offHand.name, this.offHand.count],
    };
  }

  restore(image: InventoryImage): void {
    this.namesCache = null;
    this.slots = new Array<Slot>(this.size).fill(null);
    image.slots.forEach((s, i) => {
      if (s !== null && i < this.size) this.slots[i] = { name: s[0], count: s[1] };
    });
    this.selected = image.selected;
    this.armor = { ...image.armor };
    this.offHand = image.offHand === null ? null : { name: image.offHand[0], count: image.offHand[1] };
  }
}

/** Applies `changes` to `into` (name → delta), dropping zero entries. */
export function addDelta(into: Record<string, number>, name: string, delta: number): void {
  const next = (into[name] ?? 0) + delta;
  if (next === 0) delete into[name];
  else into[name] = next;
}
