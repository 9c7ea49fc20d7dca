import type { ActionOutcome, FailureReason, ItemStack, Vec3 } from '@sid/core';
import { closestNames } from '@sid/core';
import type { Bot } from 'mineflayer';
import { checkCount, checkName, checkPosition, failure, fmt, reasons, success } from '../../failures.js';
import { messageOf, untilAborted, within } from '../abort.js';
import {
  type ActionContext,
  blockAt,
  countOf,
  distance,
  floored,
  inventoryCounts,
  itemDelta,
  openWithin,
  plain,
  playerEntity,
  REACH,
  reachTo,
} from '../context.js';

function checkHave(bot: Bot, name: string, count: number): FailureReason | null {
  const bad = checkName(name, 'item');
  if (bad) return bad;
  if (!bot.registry.itemsByName[name])
    return reasons.unknownItem(name, closestNames(name, Object.keys(bot.registry.itemsByName)));
  const have = countOf(bot, name);
  return have < count ? reasons.missing([{ name, need: count, have }]) : null;
}

type Destination = 'hand' | 'head' | 'torso' | 'legs' | 'feet' | 'off-hand';

function destinationOf(name: string): Destination {
  if (name.endsWith('_helmet')) return 'head';
  if (name.endsWith('_chestplate')) return 'torso';
  if (name.endsWith('_leggings')) return 'legs';
  if (name.endsWith('_boots')) return 'feet';
  if (name === 'shield') return 'off-hand';
  return 'hand';
}

/** `equip`: holds a tool, wears armour or puts a shield in the off hand. */
export async function equip(ctx: ActionContext, item: string): Promise<ActionOutcome> {
  const bad = checkHave(ctx.bot, item, 1);
  if (bad) return failure(bad);
  const stack = ctx.bot.inventory.items().find((i) => i.name === item);
  if (!stack) return failure(reasons.missing([{ name: item, need: 1, have: 0 }]));
  try {
    await untilAborted(ctx.signal, ctx.bot.equip(stack, destinationOf(item)));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return failure(reasons.serverRefused(`equipping ${item} failed: ${messageOf(error)}`), ctx.now() - ctx.startedAt);
  }
  return success({}, ctx.now() - ctx.startedAt);
}

/** `eat`: eats one food item; refused on a full food bar. */
export async function eat(ctx: ActionContext, item: string): Promise<ActionOutcome> {
  const { bot } = ctx;
  const bad = checkHave(bot, item, 1);
  if (bad && bad.code !== 'missing_items') return failure(bad);
  if (!bot.registry.foodsByName[item]) return failure(reasons.invalid('item', `${item} is not food`));
  if (bad) return failure(bad);
  if (bot.food >= 20)
    return failure(reasons.invalid('item', `not hungry (food ${bot.food}/20); ${item} cannot be eaten now`));
  const stack = bot.inventory.items().find((i) => i.name === item);
  if (!stack) return failure(reasons.missing([{ name: item, need: 1, have: 0 }]));
  const before = inventoryCounts(bot);
  const limit = ctx.config.timeouts.itemMs;
  try {
    await untilAborted(ctx.signal, bot.equip(stack, 'hand'));
    const done = await within(
      limit,
      untilAborted(ctx.signal, bot.consume()).then(() => true),
    );
    if (done === null)
      return failure(reasons.timeout(`eating ${item} (the server did not confirm)`, limit), ctx.now() - ctx.startedAt);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return failure(reasons.serverRefused(`eating ${item} failed: ${messageOf(error)}`), ctx.now() - ctx.startedAt);
  }
  return success({ items: itemDelta(before, inventoryCounts(bot)) }, ctx.now() - ctx.startedAt);
}

/** `drop`: throws items on the ground. */
export async function drop(ctx: ActionContext, item: string, count: number): Promise<ActionOutcome> {
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const bad = checkHave(ctx.bot, item, count);
  if (bad) return failure(bad);
  return toss(ctx, item, count);
}

async function toss(ctx: ActionContext, item: string, count: number): Promise<ActionOutcome> {
  const { bot } = ctx;
  const before = inventoryCounts(bot);
  const id = bot.registry.itemsByName[item]?.id ?? -1;
  try {
    await untilAborted(ctx.signal, bot.toss(id, null, count));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return failure(reasons.serverRefused(`dropping ${item} failed: ${messageOf(error)}`), ctx.now() - ctx.startedAt);
  }
  return success({ items: itemDelta(before, inventoryCounts(bot)) }, ctx.now() - ctx.startedAt);
}

/** `give`: throws items to a player within 4.5 blocks (they pick them up). */
export async function give(ctx: ActionContext, agentId: string, item: string, count: number): Promise<ActionOutcome> {
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const badAgent = checkName(agentId, 'agentId');
  if (badAgent) return failure(badAgent);
  const { bot } = ctx;
  const target = playerEntity(bot, ctx.names, agentId);
  if (!target)
    return failure(
      reasons.unknownAgent(
        agentId,
        closestNames(
          agentId,
          Object.keys(bot.players).map((u) => ctx.names.agentOf(u)),
        ),
      ),
    );
  if (target === bot.entity) return failure(reasons.invalid('agentId', 'cannot give items to yourself'));
  const bad = checkHave(bot, item, count);
  if (bad) return failure(bad);
  const d = distance(bot.entity.position, target.position);
  if (d > REACH) return failure(reasons.tooFar(agentId, d, REACH));
  await untilAborted(ctx.signal, bot.lookAt(target.position.offset(0, 1.2, 0), true));
  return toss(ctx, item, count);
}

/** The chest block at a position within reach, or why not. */
function chestAt(ctx: ActionContext, position: Vec3) {
  const bad = checkPosition(position);
  if (bad) return bad;
  const p = floored(position);
  const block = blockAt(ctx.bot, p);
  if (!block || !['chest', 'trapped_chest', 'barrel'].includes(block.name)) {
    return reasons.notFound('chest', `there is no chest at ${fmt(p)} (found ${block?.name ?? 'nothing loaded'})`);
  }
  const reach = reachTo(ctx.bot, p);
  if (reach > REACH) return reasons.tooFar(`the chest at ${fmt(p)}`, reach, REACH);
  return block;
}

/**
 * Opens a chest with mineflayer's `openContainer`, runs `use`, and closes it; a server that does not
 * open it in time gives `timeout`.
 */
async function withChest<T extends ActionOutcome>(
  ctx: ActionContext,
  position: Vec3,
  use: (chest: Awaited<ReturnType<Bot['openContainer']>>) => Promise<T>,
): Promise<ActionOutcome | T> {
  const found = chestAt(ctx, position);
  if ('code' in found) return failure(found);
  if (ctx.config.embeddedTestServer) return failure(reasons.noContainersOnTestServer('chests'));
  const limit = ctx.config.timeouts.containerMs;
  const chest = await openWithin(ctx.bot, ctx.signal, limit, () => ctx.bot.openContainer(found));
  if (!chest)
    return failure(reasons.timeout('opening the chest (the server did not answer)', limit), ctx.now() - ctx.startedAt);
  try {
    const result = await within(limit, untilAborted(ctx.signal, use(chest)));
    return result ?? failure(reasons.timeout('using the chest', limit), ctx.now() - ctx.startedAt);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return failure(reasons.serverRefused(`the chest failed: ${messageOf(error)}`), ctx.now() - ctx.startedAt);
  } finally {
    chest.close();
  }
}

/** `chestContents`: lists a chest within reach. */
export function chestContents(ctx: ActionContext, position: Vec3): Promise<ActionOutcome & { items?: ItemStack[] }> {
  return withChest(ctx, position, async (chest) => {
    const counts = new Map<string, number>();
    for (const i of chest.containerItems()) counts.set(i.name, (counts.get(i.name) ?? 0) + i.count);
    const items = [...counts].map(([name, count]) => ({ name, count }));
    return { ...success({}, ctx.now() - ctx.startedAt), items };
  });
}

/** `deposit`: puts items into a chest within reach. */
export async function deposit(ctx: ActionContext, position: Vec3, item: string, count: number): Promise<ActionOutcome> {
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const bad = checkHave(ctx.bot, item, count);
  if (bad) return failure(bad);
  const before = inventoryCounts(ctx.bot);
  return withChest(ctx, position, async (chest) => {
    await chest.deposit(ctx.bot.registry.itemsByName[item]?.id ?? -1, null, count);
    return success({ items: itemDelta(before, inventoryCounts(ctx.bot)) }, ctx.now() - ctx.startedAt);
  });
}

/** `withdraw`: takes items out of a chest within reach. */
export async function withdraw(
  ctx: ActionContext,
  position: Vec3,
  item: string,
  count: number,
): Promise<ActionOutcome> {
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  if (!ctx.bot.registry.itemsByName[item])
    return failure(reasons.unknownItem(item, closestNames(item, Object.keys(ctx.bot.registry.itemsByName))));
  const before = inventoryCounts(ctx.bot);
  return withChest(ctx, position, async (chest) => {
    const inChest = chest
      .containerItems()
      .filter((i) => i.name === item)
      .reduce((n, i) => n + i.count, 0);
    if (inChest < count) return failure(reasons.missing([{ name: item, need: count, have: inChest }]));
    await chest.withdraw(ctx.bot.registry.itemsByName[item]?.id ?? -1, null, count);
    return success({ items: itemDelta(before, inventoryCounts(ctx.bot)) }, ctx.now() - ctx.startedAt);
  });
}

/** Melee reach (Minecraft survival: 3 blocks). */
export const ATTACK_REACH = 3;

/** `attack`: one hit on a player (by agent id) or an entity (by numeric id) within 3 blocks. */
export async function attack(ctx: ActionContext, entityId: string): Promise<ActionOutcome> {
  const bad = checkName(entityId, 'entityId');
  if (bad) return failure(bad);
  const { bot } = ctx;
  const target =
    playerEntity(bot, ctx.names, entityId) ?? (/^\d+$/.test(entityId) ? bot.entities[Number(entityId)] : undefined);
  if (!target)
    return failure(
      reasons.unknownAgent(
        entityId,
        closestNames(
          entityId,
          Object.keys(bot.players).map((u) => ctx.names.agentOf(u)),
        ),
      ),
    );
  if (target === bot.entity) return failure(reasons.invalid('entityId', 'cannot attack yourself'));
  if (target.name === 'item') return failure(reasons.invalid('entityId', `${entityId} is an item; pick it up instead`));
  const d = distance(bot.entity.position, target.position);
  if (d > ATTACK_REACH) return failure(reasons.tooFar(entityId, d, ATTACK_REACH));
  await untilAborted(ctx.signal, bot.lookAt(target.position.offset(0, (target.height ?? 1.8) * 0.8, 0), true));
  bot.attack(target);
  return success({ position: plain(bot.entity.position) }, ctx.now() - ctx.startedAt);
}
