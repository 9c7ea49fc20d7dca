import type { ActionOutcome } from '@sid/core';
import { closestNames } from '@sid/core';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import { checkCount, checkName, failure, reasons, success } from '../../failures.js';
import { messageOf, sleep, untilAborted, within } from '../abort.js';
import {
  type ActionContext,
  countOf,
  inventoryCounts,
  itemDelta,
  openWithin,
  plain,
  REACH,
  reachTo,
} from '../context.js';
import { assisted, awaitItems } from './server-assist.js';

/** Server-assisted crafting is used only on the embedded test server, and only when configured. */
function useAssist(ctx: ActionContext): boolean {
  return ctx.config.embeddedTestServer && ctx.config.assistedCrafting;
}

/** A block of the given name within reach, or null. */
export function stationNear(bot: Bot, name: string): Block | null {
  const id = bot.registry.blocksByName[name]?.id;
  if (id === undefined) return null;
  const block = bot.findBlock({ matching: id, maxDistance: REACH + 1 });
  return block && reachTo(bot, plain(block.position)) <= REACH ? block : null;
}

/**
 * `craft`: crafts `count` items (rounded up to whole crafts) with mineflayer's `bot.craft`, at a
 * crafting table within reach for 3×3 recipes. When the server does not apply the craft in time, the
 * outcome is `timeout` or `server_refused` — never a pretended success.
 */
export async function craft(ctx: ActionContext, item: string, count: number): Promise<ActionOutcome> {
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const { bot } = ctx;
  const data = bot.registry.itemsByName[item];
  if (!data) return failure(reasons.unknownItem(item, closestNames(item, Object.keys(bot.registry.itemsByName))));
  const all = bot.recipesAll(data.id, null, true);
  if (all.length === 0)
    return failure(reasons.noRecipe(item, `${item} cannot be crafted (mine, smelt or find it instead)`));
  const perCraft = all[0]?.result.count ?? 1;
  const crafts = Math.ceil(count / perCraft);
  const before = inventoryCounts(bot);
  const started = countOf(bot, item);

  if (useAssist(ctx)) {
    const reply = await assisted(ctx, `/sidcraft ${item} ${crafts}`, ctx.config.timeouts.craftMs);
    if (!reply.ok) return failure(reply.reason, ctx.now() - ctx.startedAt);
    await awaitItems(ctx, item, started + reply.count);
    return success({ items: itemDelta(before, inventoryCounts(bot)) }, ctx.now() - ctx.startedAt);
  }

  const table = stationNear(bot, 'crafting_table');
  const possible = bot.recipesFor(data.id, null, crafts, table ?? null);
  if (possible.length === 0) {
    const small = bot.recipesAll(data.id, null, null);
    if (small.length === 0 && !table) return failure(reasons.needsTable(item));
    const recipe = (table ? all : small)[0] ?? all[0];
    const missing = (recipe?.delta ?? [])
      .filter((d) => d.count < 0)
      .map((d) => ({ name: bot.registry.items[d.id]?.name ?? String(d.id), need: -d.count * crafts, have: 0 }))
      .map((m) => ({ ...m, have: countOf(bot, m.name) }))
      .filter((m) => m.have < m.need);
    return failure(
      missing.length > 0
        ? reasons.missing(missing)
        : reasons.noRecipe(item, `no recipe for ${item} fits the inventory`),
    );
  }
  const recipe = possible[0];
  if (!recipe) return failure(reasons.noRecipe(item, `no recipe for ${item}`));
  const limit = ctx.config.timeouts.craftMs;
  let error: unknown = null;
  const done = await within(
    limit,
    untilAborted(ctx.signal, bot.craft(recipe, crafts, table ?? undefined), () =>
      bot.closeWindow(bot.currentWindow ?? bot.inventory),
    ).then(
      () => true,
      (e: unknown) => {
        if (ctx.signal.aborted) throw e;
        error = e;
        return false;
      },
    ),
  );
  if (done === null) {
    if (bot.currentWindow) bot.closeWindow(bot.currentWindow);
    return failure(reasons.timeout(`crafting ${item} (the server did not answer)`, limit), ctx.now() - ctx.startedAt, {
      items: itemDelta(before, inventoryCounts(bot)),
    });
  }
  // Give the server's slot updates a moment; then believe only the inventory.
  const deadline = Date.now() + 1_000;
  while (countOf(bot, item) < started + crafts * perCraft && Date.now() < deadline) await sleep(50, ctx.signal);
  const changes = { items: itemDelta(before, inventoryCounts(bot)) };
  if (countOf(bot, item) < started + crafts * perCraft) {
    const why = error ? messageOf(error) : 'the inventory did not change';
    return failure(
      reasons.serverRefused(`the server did not apply the craft of ${item}: ${why}`),
      ctx.now() - ctx.startedAt,
      changes,
    );
  }
  return success(changes, ctx.now() - ctx.startedAt);
}

/** Smelting outputs and what makes them (for the furnace path). */
const SMELT_INPUTS: Record<string, string[]> = {
  iron_ingot: ['raw_iron', 'iron_ore'],
  gold_ingot: ['raw_gold', 'gold_ore'],
  copper_ingot: ['raw_copper', 'copper_ore'],
  stone: ['cobblestone'],
  glass: ['sand'],
  charcoal: ['oak_log', 'birch_log', 'spruce_log', 'jungle_log', 'acacia_log', 'dark_oak_log'],
  cooked_beef: ['beef'],
  cooked_porkchop: ['porkchop'],
  cooked_chicken: ['chicken'],
  cooked_mutton: ['mutton'],
};
const FUELS = ['coal', 'charcoal', 'oak_log', 'oak_planks', 'stick'];
/** Vanilla furnace: 10 s per item. */
const SMELT_MS = 10_000;

/**
 * `smelt`: smelts `count` items into `item` at a furnace within reach with mineflayer's
 * `openFurnace` (fuel: the given one or the first carried). A server that does not open the furnace
 * or smelt in time gives `timeout` / `server_refused`.
 */
export async function smelt(
  ctx: ActionContext,
  item: string,
  count: number,
  fuel: string | undefined,
): Promise<ActionOutcome> {
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  const badCount = checkCount(count, 64);
  if (badCount) return failure(badCount);
  const { bot } = ctx;
  if (!bot.registry.itemsByName[item])
    return failure(reasons.unknownItem(item, closestNames(item, Object.keys(bot.registry.itemsByName))));
  const inputs = SMELT_INPUTS[item];
  if (!inputs) return failure(reasons.noRecipe(item, `nothing smelts into ${item}`));
  const before = inventoryCounts(bot);
  if (useAssist(ctx)) {
    const reply = await assisted(
      ctx,
      `/sidsmelt ${item} ${count}${fuel ? ` ${fuel}` : ''}`,
      ctx.config.timeouts.craftMs,
    );
    if (!reply.ok) return failure(reply.reason, ctx.now() - ctx.startedAt);
    await awaitItems(ctx, item, (before.get(item) ?? 0) + reply.count);
    return success({ items: itemDelta(before, inventoryCounts(bot)) }, ctx.now() - ctx.startedAt);
  }
  const furnaceBlock = stationNear(bot, 'furnace');
  if (!furnaceBlock) return failure(reasons.needsFurnace());
  if (ctx.config.embeddedTestServer) return failure(reasons.noContainersOnTestServer('furnaces'));
  const input = inputs.find((n) => countOf(bot, n) >= count);
  if (!input)
    return failure(reasons.missing([{ name: inputs[0] ?? item, need: count, have: countOf(bot, inputs[0] ?? item) }]));
  const fuelName = fuel ?? FUELS.find((f) => countOf(bot, f) > 0 && f !== input);
  if (!fuelName || countOf(bot, fuelName) < 1)
    return failure(reasons.missing([{ name: fuel ?? 'coal', need: 1, have: 0 }]));
  const reg = bot.registry;
  const limit = Math.min(ctx.config.timeouts.smeltMs, ctx.config.timeouts.containerMs + count * SMELT_MS * 1.5);
  const furnace = await openWithin(bot, ctx.signal, ctx.config.timeouts.containerMs, () =>
    bot.openFurnace(furnaceBlock),
  );
  if (!furnace)
    return failure(reasons.timeout('opening the furnace (the server did not answer)', ctx.config.timeouts.containerMs));
  try {
    const fuelItems = Math.min(countOf(bot, fuelName), Math.ceil(count / 1.5));
    const put = await within(
      ctx.config.timeouts.containerMs,
      untilAborted(
        ctx.signal,
        (async () => {
          await furnace.putFuel(reg.itemsByName[fuelName]?.id ?? 0, null, fuelItems);
          await furnace.putInput(reg.itemsByName[input]?.id ?? 0, null, count);
          return true;
        })(),
      ),
    );
    if (!put)
      return failure(
        reasons.timeout('loading the furnace', ctx.config.timeouts.containerMs),
        ctx.now() - ctx.startedAt,
      );
    let got = 0;
    const deadline = Date.now() + limit;
    while (got < count && Date.now() < deadline) {
      await sleep(500, ctx.signal);
      if (furnace.outputItem()) {
        const taken = await within(ctx.config.timeouts.containerMs, untilAborted(ctx.signal, furnace.takeOutput()));
        got += taken?.count ?? 0;
      }
    }
    const changes = { items: itemDelta(before, inventoryCounts(bot)) };
    if (got < count)
      return failure(
        reasons.timeout(`smelting ${count} ${item} (got ${got})`, limit),
        ctx.now() - ctx.startedAt,
        changes,
      );
    return success(changes, ctx.now() - ctx.startedAt);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return failure(reasons.serverRefused(`the furnace failed: ${messageOf(error)}`), ctx.now() - ctx.startedAt);
  } finally {
    furnace.close();
  }
}
