import type { ItemStack } from '@sid/core';
import { smeltsPerFuel } from '../techtree/smelting.js';
import type { ResolvedRoute, RouteMap, TechTree } from '../techtree/tech-tree.js';
import type { Plan, PlanContext, PlanStep } from './plan-types.js';

/** Fuels the planner uses from the inventory before making planks, best first. */
const FUEL_PREFERENCE = ['coal', 'charcoal', 'coal_block'];

function inventoryMap(inventory: readonly ItemStack[] = []): Map<string, number> {
  const map = new Map<string, number>();
  for (const stack of inventory) map.set(stack.name, (map.get(stack.name) ?? 0) + stack.count);
  return map;
}

/** Picks the furnace fuel: coal-like items held, else any held planks or logs, else the cheapest planks. */
function chooseFuel(routes: RouteMap, inventory: Map<string, number>): string {
  for (const fuel of FUEL_PREFERENCE) if ((inventory.get(fuel) ?? 0) > 0) return fuel;
  for (const [name, count] of inventory) if (count > 0 && smeltsPerFuel(name) >= 1.5) return name;
  let best = 'oak_planks';
  for (const item of routes.items()) {
    if (item.endsWith('_planks') && smeltsPerFuel(item) > 0) {
      if ((routes.get(item)?.cost ?? Number.POSITIVE_INFINITY) < (routes.get(best)?.cost ?? Number.POSITIVE_INFINITY))
        best = item;
    }
  }
  return best;
}

/** Items a route consumes per batch (inputs, fuel excluded). */
function inputsOf(route: ResolvedRoute): { item: string; count: number }[] {
  const s = route.source;
  if (s.kind === 'craft') return s.inputs;
  if (s.kind === 'smelt') return [{ item: s.input, count: 1 }];
  return [];
}

/** Tools and stations a route needs but does not consume. */
function keptOf(route: ResolvedRoute): string[] {
  return [route.tool, route.station].filter((x): x is string => x !== null);
}

/**
 * Explains why `item` has no route: follows the unrestricted route down to the first dependency
 * that is missing under the current restrictions, e.g. "diamond_pickaxe needs diamond; diamond
 * comes from diamond_ore, which this world does not have".
 */
function describeUnobtainable(
  tree: TechTree,
  routes: RouteMap,
  item: string,
  worldLimited: boolean,
): { code: 'unobtainable' | 'not_in_world'; reason: string } {
  const chain: string[] = [];
  let current = item;
  for (let depth = 0; depth < 32; depth++) {
    const unrestricted = tree.route(current);
    if (!unrestricted) break;
    const missing = [...inputsOf(unrestricted).map((i) => i.item), ...keptOf(unrestricted)].find((d) => !routes.get(d));
    if (!missing) break;
    chain.push(`${current} needs ${missing}`);
    current = missing;
  }
  const prefix = chain.length > 0 ? `${chain.join('; ')}; ` : '';
  const from = tree.sources(current).flatMap((s) => (s.kind === 'mine' ? [s.block] : s.kind === 'kill' ? [s.mob] : []));
  if (worldLimited && from.length > 0) {
    return {
      code: 'not_in_world',
      reason: `${prefix}${current} comes from ${from.join(', ')}, which this world does not have`,
    };
  }
  if (tree.sources(current).length === 0) {
    return {
      code: 'unobtainable',
      reason: `${prefix}${current} cannot be obtained in survival: no recipe makes it, no furnace smelts it, no natural block or huntable mob drops it`,
    };
  }
  return { code: 'unobtainable', reason: `${prefix}${current} needs ingredients that cannot be obtained` };
}

/**
 * Plans "obtain `count` × `item`": a dependency-ordered list of skill steps from the tech tree and
 * the agent's inventory. Quantities are totalled before any step (material requirements planning),
 * so each item is gathered or crafted once. Tools and stations are made once and kept; a tool of a
 * better material already held counts. Tool wear is not modelled.
 */
export function planObtain(tree: TechTree, item: string, count = 1, context: PlanContext = {}): Plan {
  if (!Number.isInteger(count) || count < 1) {
    return { ok: false, item, count, code: 'invalid_count', reason: `count must be a positive integer, got ${count}` };
  }
  if (!tree.has(item)) {
    const suggestions = tree.suggest(item);
    const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
    return {
      ok: false,
      item,
      count,
      code: 'unknown_item',
      reason: `"${item}" is not a Minecraft item${hint}`,
      suggestions,
    };
  }
  const inventory = inventoryMap(context.inventory);
  const prefer = [...inventory.keys(), ...(context.nearbyBlocks ?? [])];
  const routes = tree.routes({
    prefer,
    ...(context.worldBlocks ? { worldBlocks: context.worldBlocks } : {}),
    ...(context.worldMobs ? { worldMobs: context.worldMobs } : {}),
  });
  const limited = context.worldBlocks !== undefined || context.worldMobs !== undefined;
  const target = routes.get(item);
  if (!target) {
    return { ok: false, item, count, ...describeUnobtainable(tree, routes, item, limited) };
  }
  const fuel = chooseFuel(routes, inventory);
  const hasTool = (route: ResolvedRoute) =>
    route.source.kind === 'mine' && route.source.tools.some((t) => (inventory.get(t) ?? 0) > 0);

  // 1. Depth-first post-order over the chosen routes: dependencies before dependents.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    const route = routes.get(name);
    if (route) {
      for (const input of inputsOf(route)) visit(input.item);
      if (route.source.kind === 'smelt') visit(fuel);
      for (const kept of keptOf(route)) visit(kept);
    }
    visiting.delete(name);
    order.push(name);
  };
  visit(item);
  // Stable sort by tier keeps dependencies first (a dependency's tier is never higher) and groups
  // work by stage of progression.
  const tierOf = (name: string) => routes.tier(name) ?? Number.POSITIVE_INFINITY;
  const execution = order
    .map((name, index) => ({ name, index }))
    .sort((a, b) => tierOf(a.name) - tierOf(b.name) || a.index - b.index)
    .map((x) => x.name);

  for (const name of execution) {
    if (!routes.get(name)) {
      return { ok: false, item, count, ...describeUnobtainable(tree, routes, name, limited) };
    }
  }

  // 2. Demand, dependents first: consumption adds up; a kept tool or station is needed once.
  const consume = new Map<string, number>([[item, count]]);
  const keep = new Set<string>();
  const produce = new Map<string, { batches: number; amount: number }>();
  const add = (name: string, n: number) => consume.set(name, (consume.get(name) ?? 0) + n);
  for (const name of [...execution].reverse()) {
    const route = routes.get(name) as ResolvedRoute;
    const needed = (consume.get(name) ?? 0) + (keep.has(name) ? 1 : 0);
    const missing = needed - (inventory.get(name) ?? 0);
    if (missing <= 0) continue;
    const perBatch = route.source.yield;
    const batches = Math.ceil(missing / perBatch);
    produce.set(name, { batches, amount: batches * perBatch });
    for (const input of inputsOf(route)) add(input.item, input.count * batches);
    if (route.source.kind === 'smelt') add(fuel, Math.ceil(batches / smeltsPerFuel(fuel)));
    if (route.station && (inventory.get(route.station) ?? 0) === 0) keep.add(route.station);
    if (route.tool && !hasTool(route)) keep.add(route.tool);
  }

  // 3. Steps in execution order, with the inventory simulated alongside.
  const steps: PlanStep[] = [];
  const after = new Map(inventory);
  for (const name of execution) {
    const made = produce.get(name);
    if (!made) continue;
    const route = routes.get(name) as ResolvedRoute;
    for (const input of inputsOf(route))
      after.set(input.item, (after.get(input.item) ?? 0) - input.count * made.batches);
    if (route.source.kind === 'smelt') {
      after.set(fuel, (after.get(fuel) ?? 0) - Math.ceil(made.batches / smeltsPerFuel(fuel)));
    }
    after.set(name, (after.get(name) ?? 0) + made.amount);
    const needs = keptOf(route);
    const base = { item: name, count: made.amount, tier: route.tier, ...(needs.length > 0 ? { needs } : {}) };
    const s = route.source;
    switch (s.kind) {
      case 'craft':
        steps.push({
          ...base,
          skill: 'craftItem',
          params: { item: name, count: made.amount },
          text: `craft ${made.amount} ${name}`,
        });
        break;
      case 'smelt':
        steps.push({
          ...base,
          skill: 'smelt',
          from: s.input,
          params: { item: s.input, count: made.batches, fuel },
          text: `smelt ${made.batches} ${s.input} into ${name} with ${fuel}`,
        });
        break;
      case 'mine':
        steps.push({
          ...base,
          skill: 'collect',
          from: s.block,
          params: { block: s.block, count: made.batches, item: name },
          text: `mine ${made.batches} ${s.block} for ${name}${route.tool ? ` with ${route.tool}` : ''}`,
        });
        break;
      case 'kill':
        steps.push({
          ...base,
          skill: 'hunt',
          from: s.mob,
          params: { mob: s.mob, count: made.batches, item: name },
          text: `hunt ${made.batches} ${s.mob} for ${name}`,
        });
        break;
    }
  }

  const expectedInventory = [...after]
    .filter(([, n]) => n > 0)
    .map(([name, n]) => ({ name, count: n }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    ok: true,
    item,
    count,
    tier: target.tier,
    steps,
    items: steps.map((s) => s.item),
    expectedInventory,
  };
}
