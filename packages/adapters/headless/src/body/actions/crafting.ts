import type { ActionOptions, ActionOutcome } from '@sid/core';
import { checkCount, checkName, failure, reasons, success } from '@sid/core';
import { type Recipe, recipesFor } from '../../rules/recipes.js';
import {
  FUEL,
  FUEL_PREFERENCE,
  fuelNeeded,
  SMELT_MS_PER_ITEM,
  SMELTING,
  smeltingInputsFor,
} from '../../rules/smelting.js';
import type { Inventory } from '../../world/inventory.js';
import { HeadlessBody } from '../headless-body.js';

/** Game time per craft (one grid fill). Minecraft has no crafting delay; a bot needs a few clicks. */
export const CRAFT_MS = 250;

/** True when a block of this name is within reach of the body. */
export function blockWithinReach(body: HeadlessBody, name: string): boolean {
  const id = body.world.data.block(name).id;
  return body.world.blocks.find(body.position, new Set([id]), HeadlessBody.REACH, 1).length > 0;
}

const entryCache = new WeakMap<Record<string, number>, [string, number][]>();

/** `Object.entries` of a recipe's (never modified) ingredient or remainder table, made once. */
function entriesOf(table: Record<string, number>): [string, number][] {
  let entries = entryCache.get(table);
  if (!entries) {
    entries = Object.entries(table);
    entryCache.set(table, entries);
  }
  return entries;
}

function affordable(inv: Inventory, recipe: Recipe): boolean {
  for (const [name, n] of entriesOf(recipe.ingredients)) if (inv.count(name) < n) return false;
  return true;
}

function shortfall(inv: Inventory, recipe: Recipe, crafts: number): { name: string; need: number; have: number }[] {
  return entriesOf(recipe.ingredients)
    .map(([name, n]) => ({ name, need: n * crafts, have: inv.count(name) }))
    .filter((i) => i.have < i.need);
}

/**
 * `craft(item, count)`: `count` is how many result items are wanted, rounded up to whole crafts (one
 * oak_log crafts 4 oak_planks). Each craft uses the first recipe variant the inventory can pay for, so
 * mixed wood types work. All or nothing: the crafts are tried on a copy of the inventory first.
 */
export async function craft(
  body: HeadlessBody,
  item: string,
  count: number,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const data = body.world.data;
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  if (!data.isItem(item)) return failure(reasons.unknownItem(item, body.world.suggestItems(item)));
  const recipes = recipesFor(item, data);
  if (recipes.length === 0) {
    const smelted = smeltingInputsFor(item);
    const hint = smelted.length > 0 ? `; smelt ${smelted[0]} in a furnace instead` : '';
    return failure(reasons.noRecipe(item, `${item} has no crafting recipe${hint}`));
  }
  const trial = body.inventory.clone();
  let made = 0;
  let crafts = 0;
  let needsTable = false;
  while (made < count) {
    const recipe = recipes.find((r) => affordable(trial, r));
    if (!recipe) {
      const perCraft = (recipes[0] as Recipe).count;
      const remaining = Math.ceil((count - made) / perCraft);
      // Report the variant closest to affordable, so the message names what to gather.
      const best = recipes
        .map((r) => shortfall(trial, r, remaining))
        .sort((a, b) => a.reduce((s, i) => s + i.need - i.have, 0) - b.reduce((s, i) => s + i.need - i.have, 0))[0];
      const current = body.inventory;
      const items = (best ?? []).map((i) => ({
        ...i,
        need: i.need + (current.count(i.name) - trial.count(i.name)),
        have: current.count(i.name),
      }));
      return failure(reasons.missing(items));
    }
    for (const [name, n] of entriesOf(recipe.ingredients)) trial.remove(name, n);
    for (const [name, n] of entriesOf(recipe.remainders))
      if (recipe.ingredients[name] === undefined) trial.add(name, n);
    if (trial.add(item, recipe.count) < recipe.count) return failure(reasons.inventoryFull(`no room for ${item}`));
    needsTable ||= recipe.needsTable;
    made += recipe.count;
    crafts++;
  }
  if (needsTable && !blockWithinReach(body, 'crafting_table')) return failure(reasons.needsTable(item));
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  try {
    if (!(await body.wait(CRAFT_MS * crafts, motor))) {
      return failure(body.dead ? reasons.dead() : reasons.interrupted('craft'), body.now() - startedAt);
    }
    const before = body.inventoryCounts();
    body.inventory.copyFrom(trial);
    return success({ items: body.inventoryDelta(before) }, body.now() - startedAt);
  } finally {
    motor.end();
  }
}

/**
 * `smelt(item, count, fuel?)`: `item` is what goes in (`raw_iron`) or what should come out
 * (`iron_ingot`). Needs a furnace within reach; takes 10 s per item; without `fuel` the best fuel in
 * the inventory is used. Interrupted smelting keeps what finished.
 */
export async function smelt(
  body: HeadlessBody,
  item: string,
  count: number,
  fuel: string | undefined,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const world = body.world;
  const data = world.data;
  const inv = body.inventory;
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  const badCount = checkCount(count, 64 * 36);
  if (badCount) return failure(badCount);
  if (!data.isItem(item)) return failure(reasons.unknownItem(item, world.suggestItems(item)));
  let input = item;
  if (SMELTING[item] === undefined) {
    const inputs = smeltingInputsFor(item);
    if (inputs.length === 0) return failure(reasons.noRecipe(item, `${item} cannot be smelted or made by smelting`));
    input = [...inputs].sort((a, b) => inv.count(b) - inv.count(a))[0] as string;
  }
  const output = SMELTING[input] as string;
  if (fuel !== undefined) {
    const badFuel = checkName(fuel, 'fuel');
    if (badFuel) return failure(badFuel);
    if (!data.isItem(fuel)) return failure(reasons.unknownItem(fuel, world.suggestItems(fuel)));
    if (FUEL[fuel] === undefined) {
      return failure(reasons.invalid('fuel', `${fuel} does not burn; use ${FUEL_PREFERENCE.slice(0, 4).join(', ')} …`));
    }
  }
  const haveInput = inv.count(input);
  const spare = (name: string) => inv.count(name) - (name === input ? count : 0);
  const chosen = fuel ?? FUEL_PREFERENCE.find((f) => spare(f) >= fuelNeeded(f, count)) ?? null;
  const missing: { name: string; need: number; have: number }[] = [];
  if (haveInput < count) missing.push({ name: input, need: count, have: haveInput });
  if (chosen === null) missing.push({ name: 'coal', need: fuelNeeded('coal', count), have: inv.count('coal') });
  else if (spare(chosen) < fuelNeeded(chosen, count)) {
    missing.push({
      name: chosen,
      need: fuelNeeded(chosen, count) + (chosen === input ? count : 0),
      have: inv.count(chosen),
    });
  }
  if (missing.length > 0) return failure(reasons.missing(missing));
  if (!blockWithinReach(body, 'furnace')) return failure(reasons.needsFurnace());
  const fuelItem = chosen as string;
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  const before = body.inventoryCounts();
  let burned = 0;
  try {
    for (let done = 0; done < count; done++) {
      if (!(await body.wait(SMELT_MS_PER_ITEM, motor))) {
        const reason = body.dead ? reasons.dead() : reasons.interrupted(`smelting (${done} of ${count} done)`);
        return failure(reason, body.now() - startedAt, { items: body.inventoryDelta(before) });
      }
      const needFuel = fuelNeeded(fuelItem, done + 1);
      if (needFuel > burned) burned += inv.remove(fuelItem, needFuel - burned);
      inv.remove(input, 1);
      if (inv.add(output, 1) < 1) world.spawnItem(output, 1, body.position, 0);
    }
    body.pickUpNearby();
    return success({ items: body.inventoryDelta(before) }, body.now() - startedAt);
  } finally {
    motor.end();
  }
}
