import type { ActionOutcome, MoveTarget, Vec3 } from '@sid/core';
import type { Bot } from 'mineflayer';
import { checkName, failure, fmt, reasons, success } from '../../failures.js';
import { ActionStopped, messageOf, untilAborted } from '../abort.js';
import { goals } from '../bot-factory.js';
import { type ActionContext, distance, plain, playerEntity } from '../context.js';

type Goal = InstanceType<typeof goals.GoalNear> | InstanceType<typeof goals.GoalBlock>;

/** What went wrong with a path, if anything. */
export type PathResult = { ok: true } | { ok: false; message: string };

/**
 * Walks the pathfinder to a goal. Stops at once on abort; a pathfinder that moves less than a block
 * in `stuckAfterMs`, or finds no path, gives `{ ok: false }` (reported as `unreachable`).
 */
export async function goto(ctx: ActionContext, goal: Goal): Promise<PathResult> {
  const { bot } = ctx;
  let lastPos = bot.entity.position.clone();
  let lastMoveAt = Date.now();
  let stuck = false;
  const watchdog = setInterval(() => {
    const p = bot.entity?.position;
    if (!p) return;
    if (p.distanceTo(lastPos) >= 1) {
      lastPos = p.clone();
      lastMoveAt = Date.now();
    } else if (Date.now() - lastMoveAt > ctx.config.stuckAfterMs) {
      stuck = true;
      bot.pathfinder.stop();
    }
  }, 250);
  try {
    await untilAborted(ctx.signal, bot.pathfinder.goto(goal), () => bot.pathfinder.stop());
    if (stuck) return { ok: false, message: 'the pathfinder got stuck' };
    return { ok: true };
  } catch (error) {
    if (error instanceof ActionStopped) throw error;
    if (stuck) return { ok: false, message: 'the pathfinder got stuck' };
    return { ok: false, message: messageOf(error) };
  } finally {
    clearInterval(watchdog);
  }
}

/** A goal within `range` blocks of a point (0: that very block). */
export function goalNear(p: Vec3, range: number): Goal {
  return range <= 0
    ? new goals.GoalBlock(Math.floor(p.x), Math.floor(p.y), Math.floor(p.z))
    : new goals.GoalNear(p.x, p.y, p.z, range);
}

function targetPosition(ctx: ActionContext, target: MoveTarget): Vec3 | { reason: ActionOutcome } {
  if (target && typeof target === 'object' && 'entity' in target) {
    const bad = checkName(target.entity, 'entity');
    if (bad) return { reason: failure(bad) };
    const e = playerEntity(ctx.bot, ctx.names, target.entity) ?? entityById(ctx.bot, target.entity);
    if (!e) return { reason: failure(reasons.unknownAgent(target.entity, [])) };
    return plain(e.position);
  }
  const p = target as Partial<Vec3> | null;
  if (!p || ![p.x, p.y, p.z].every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return {
      reason: failure(
        reasons.invalid('target', `target must be {x, y, z} or {entity}, got ${JSON.stringify(target) ?? 'undefined'}`),
      ),
    };
  }
  return { x: p.x as number, y: p.y as number, z: p.z as number };
}

/** An entity by its numeric id as a string (items, mobs). */
export function entityById(bot: Bot, id: string) {
  return /^\d+$/.test(id) ? (bot.entities[Number(id)] ?? null) : null;
}

/** `moveTo`: pathfinds to a position or near an entity; `unreachable` when no path or stuck. */
export async function moveTo(
  ctx: ActionContext,
  target: MoveTarget,
  range: number | undefined,
): Promise<ActionOutcome> {
  const at = targetPosition(ctx, target);
  if ('reason' in at) return at.reason;
  const isEntity = typeof target === 'object' && target !== null && 'entity' in target;
  const r = typeof range === 'number' && Number.isFinite(range) && range >= 0 ? range : isEntity ? 2 : 1;
  const result = await goto(ctx, goalNear(at, r));
  const here = plain(ctx.bot.entity.position);
  const d = distance(here, at);
  if (!result.ok || d > r + 1.5) {
    const why = result.ok ? `stopped ${Math.round(d * 10) / 10} blocks short` : result.message;
    return failure(reasons.unreachable(`cannot reach ${fmt(at)}: ${why}`), ctx.now() - ctx.startedAt, {
      position: here,
    });
  }
  return success({ position: here }, ctx.now() - ctx.startedAt);
}
