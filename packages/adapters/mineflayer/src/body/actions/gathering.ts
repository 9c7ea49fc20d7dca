import type { ActionOutcome, BlockChange, FailureReason, Vec3 } from '@sid/core';
import { closestNames } from '@sid/core';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import { checkCount, checkName, checkPosition, failure, fmt, reasons, success } from '../../failures.js';
import { messageOf, sleep, untilAborted } from '../abort.js';
import {
  type ActionContext,
  blockAt,
  distance,
  floored,
  inventoryCounts,
  isEmpty,
  itemDelta,
  plain,
  REACH,
  reachTo,
  vec,
} from '../context.js';
import { goalNear, goto } from './movement.js';

/** mineflayer-tool (loaded with collectblock): picks the best carried tool for a block. */
interface ToolPlugin {
  equipForBlock(block: Block, options?: Record<string, unknown>): Promise<void>;
}

/** How far `collect` looks for blocks. */
export const COLLECT_RADIUS = 48;

function needsTool(bot: Bot, block: Block): FailureReason | null {
  const tools = block.harvestTools;
  if (!tools) return null;
  const ids = Object.keys(tools).map(Number);
  if (bot.inventory.items().some((i) => ids.includes(i.type))) return null;
  return reasons.needsTool(
    block.name,
    ids.map((id) => bot.registry.items[id]?.name ?? String(id)),
  );
}

/** Walks onto the item a broken block dropped, so it is picked up (what a player does). */
async function pickUpDrop(ctx: ActionContext, at: Vec3): Promise<void> {
  const { bot } = ctx;
  const centre = { x: at.x + 0.5, y: at.y + 0.5, z: at.z + 0.5 };
  const before = bot.inventory.items().reduce((n, i) => n + i.count, 0);
  const deadline = Date.now() + 2_500;
  while (Date.now() < deadline) {
    const total = bot.inventory.items().reduce((n, i) => n + i.count, 0);
    if (total > before) return;
    const drop = Object.values(bot.entities).find((e) => e.name === 'item' && distance(e.position, centre) < 3);
    if (drop && distance(bot.entity.position, drop.position) > 0.8) {
      await goto(ctx, goalNear(plain(drop.position), 0));
    } else {
      await sleep(100, ctx.signal);
    }
  }
}

/** Breaks one block within reach with the best tool carried; picks up its drop. */
async function breakBlock(ctx: ActionContext, block: Block): Promise<{ change?: BlockChange; reason?: FailureReason }> {
  const { bot } = ctx;
  const missingTool = needsTool(bot, block);
  if (missingTool) return { reason: missingTool };
  try {
    const tool = (bot as Bot & { tool?: ToolPlugin }).tool;
    if (tool) await untilAborted(ctx.signal, tool.equipForBlock(block, {}));
    await untilAborted(ctx.signal, bot.dig(block, true), () => bot.stopDigging());
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return {
      reason: reasons.serverRefused(`digging ${block.name} at ${fmt(block.position)} failed: ${messageOf(error)}`),
    };
  }
  const after = bot.blockAt(block.position);
  if (after && !isEmpty(after)) {
    return { reason: reasons.serverRefused(`the server kept the ${block.name} at ${fmt(block.position)}`) };
  }
  await pickUpDrop(ctx, plain(block.position));
  return { change: { position: plain(block.position), from: block.name, to: after?.name ?? 'air' } };
}

/** `dig`: breaks a block within 4.5 blocks with the best tool carried; its drop is picked up. */
export async function dig(ctx: ActionContext, position: Vec3): Promise<ActionOutcome> {
  const bad = checkPosition(position);
  if (bad) return failure(bad);
  const { bot } = ctx;
  const p = floored(position);
  const block = blockAt(bot, p);
  if (!block) return failure(reasons.unreachable(`${fmt(p)} is not loaded; move closer first`));
  if (isEmpty(block)) return failure(reasons.notFound('block', `there is no block at ${fmt(p)}, only ${block.name}`));
  const reach = reachTo(bot, p);
  if (reach > REACH) return failure(reasons.tooFar(`${block.name} at ${fmt(p)}`, reach, REACH));
  if (!block.diggable) return failure(reasons.invalid('position', `${block.name} at ${fmt(p)} cannot be broken`));
  const before = inventoryCounts(bot);
  const broken = await breakBlock(ctx, block);
  const changes = {
    items: itemDelta(before, inventoryCounts(bot)),
    ...(broken.change ? { blocks: [broken.change] } : {}),
  };
  if (broken.reason) return failure(broken.reason, ctx.now() - ctx.startedAt, changes);
  return success(changes, ctx.now() - ctx.startedAt);
}

/** The block ids `collect(name)` digs: the named block (and its deepslate twin) and every block dropping that item. */
function collectTargets(bot: Bot, name: string): number[] | FailureReason {
  const reg = bot.registry;
  const ids = new Set<number>();
  const block = reg.blocksByName[name];
  if (block && block.name !== 'air') {
    ids.add(block.id);
    const twin = name.startsWith('deepslate_')
      ? reg.blocksByName[name.slice(10)]
      : reg.blocksByName[`deepslate_${name}`];
    if (twin && name.includes('_ore')) ids.add(twin.id);
  }
  const item = reg.itemsByName[name];
  if (item) {
    for (const b of Object.values(reg.blocksByName)) {
      if (b.drops.some((d) => (typeof d === 'number' ? d : (d as { drop?: number | { id: number } }).drop) === item.id))
        ids.add(b.id);
    }
  }
  if (ids.size === 0) {
    return reasons.unknownBlock(
      name,
      closestNames(name, [...Object.keys(reg.blocksByName), ...Object.keys(reg.itemsByName)]),
    );
  }
  return [...ids];
}

/** `collect`: finds, walks to and breaks `count` blocks of (or dropping) `name`, picking up the drops. */
export async function collect(ctx: ActionContext, name: string, count: number): Promise<ActionOutcome> {
  const badName = checkName(name, 'name');
  if (badName) return failure(badName);
  const badCount = checkCount(count, 256);
  if (badCount) return failure(badCount);
  const { bot } = ctx;
  const targets = collectTargets(bot, name);
  if (!Array.isArray(targets)) return failure(targets);
  const before = inventoryCounts(bot);
  const blocks: BlockChange[] = [];
  const skipped = new Set<string>();
  let lastReason: FailureReason | null = null;
  const changes = () => ({ items: itemDelta(before, inventoryCounts(bot)), ...(blocks.length > 0 ? { blocks } : {}) });
  while (blocks.length < count) {
    const candidates = bot
      .findBlocks({ matching: targets, maxDistance: COLLECT_RADIUS, count: 32 })
      .filter((p) => !skipped.has(`${p.x},${p.y},${p.z}`));
    const next = candidates[0];
    if (!next) break;
    const key = `${next.x},${next.y},${next.z}`;
    const block = bot.blockAt(next);
    if (!block) {
      skipped.add(key);
      continue;
    }
    const toolProblem = needsTool(bot, block);
    if (toolProblem) {
      lastReason = toolProblem;
      skipped.add(key);
      continue;
    }
    if (reachTo(bot, plain(next)) > REACH - 0.5) {
      const path = await goto(ctx, goalNear({ x: next.x + 0.5, y: next.y, z: next.z + 0.5 }, 2));
      if (!path.ok || reachTo(bot, plain(next)) > REACH) {
        lastReason = reasons.unreachable(`cannot get within reach of ${block.name} at ${fmt(next)}`);
        skipped.add(key);
        continue;
      }
    }
    const broken = await breakBlock(ctx, bot.blockAt(next) ?? block);
    if (broken.reason) {
      lastReason = broken.reason;
      skipped.add(key);
      continue;
    }
    if (broken.change) blocks.push(broken.change);
  }
  if (blocks.length >= count) return success(changes(), ctx.now() - ctx.startedAt);
  const reason =
    lastReason ??
    reasons.notFound(name, `found only ${blocks.length} of ${count} ${name} within ${COLLECT_RADIUS} blocks`);
  return failure(reason, ctx.now() - ctx.startedAt, changes());
}

const FACES: Vec3[] = [
  { x: 0, y: -1, z: 0 },
  { x: 0, y: 1, z: 0 },
  { x: 1, y: 0, z: 0 },
  { x: -1, y: 0, z: 0 },
  { x: 0, y: 0, z: 1 },
  { x: 0, y: 0, z: -1 },
];

/** `place`: puts a block from the inventory at a free spot within reach, against a neighbouring block. */
export async function place(ctx: ActionContext, item: string, position: Vec3): Promise<ActionOutcome> {
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  const bad = checkPosition(position);
  if (bad) return failure(bad);
  const { bot } = ctx;
  const reg = bot.registry;
  if (!reg.itemsByName[item])
    return failure(reasons.unknownItem(item, closestNames(item, Object.keys(reg.itemsByName))));
  if (!reg.blocksByName[item]) return failure(reasons.invalid('item', `${item} is not a block and cannot be placed`));
  const stack = bot.inventory.items().find((i) => i.name === item);
  if (!stack) return failure(reasons.missing([{ name: item, need: 1, have: 0 }]));
  const p = floored(position);
  const there = blockAt(bot, p);
  if (!there) return failure(reasons.unreachable(`${fmt(p)} is not loaded; move closer first`));
  const reach = reachTo(bot, p);
  if (reach > REACH) return failure(reasons.tooFar(fmt(p), reach, REACH));
  if (!isEmpty(there)) return failure(reasons.occupied(p, there.name));
  for (const e of Object.values(bot.entities)) {
    if (e.type !== 'player') continue;
    const f = floored(e.position);
    if (f.x === p.x && f.z === p.z && (f.y === p.y || f.y + 1 === p.y)) {
      return failure(reasons.occupied(p, e === bot.entity ? 'you' : `player ${e.username ?? e.id}`));
    }
  }
  let support: Block | null = null;
  let face: Vec3 | null = null;
  for (const f of FACES) {
    const b = blockAt(bot, { x: p.x + f.x, y: p.y + f.y, z: p.z + f.z });
    if (b && b.boundingBox === 'block') {
      support = b;
      face = { x: -f.x, y: -f.y, z: -f.z };
      break;
    }
  }
  if (!support || !face) return failure(reasons.unreachable(`nothing to place ${item} against at ${fmt(p)}`));
  const before = inventoryCounts(bot);
  try {
    await untilAborted(ctx.signal, bot.equip(stack, 'hand'));
    await untilAborted(ctx.signal, bot.placeBlock(support, vec(face)));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const now = bot.blockAt(vec(p));
    if (now?.name !== item) {
      return failure(
        reasons.serverRefused(`placing ${item} at ${fmt(p)} failed: ${messageOf(error)}`),
        ctx.now() - ctx.startedAt,
      );
    }
  }
  const placed = bot.blockAt(vec(p));
  if (placed?.name !== item) {
    return failure(reasons.serverRefused(`the server did not place ${item} at ${fmt(p)}`), ctx.now() - ctx.startedAt);
  }
  return success(
    { items: itemDelta(before, inventoryCounts(bot)), blocks: [{ position: p, from: there.name, to: item }] },
    ctx.now() - ctx.startedAt,
  );
}
