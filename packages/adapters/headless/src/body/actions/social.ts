import type { ActionOptions, ActionOutcome, ChatMode } from '@sid/core';
import { checkName, closestNames, failure, reasons, success } from '@sid/core';
import { weaponStats } from '../../rules/combat.js';
import { EXHAUSTION } from '../../rules/food.js';
import { distance } from '../../world/spatial-index.js';
import type { HeadlessBody } from '../headless-body.js';

/** How far each chat mode carries, in blocks. */
export const CHAT_RANGE: Readonly<Record<ChatMode, number>> = Object.freeze({ say: 32, whisper: 8, shout: 64 });
/** Minecraft's chat message limit. */
export const MAX_CHAT_LENGTH = 256;
/** Melee reach (Minecraft survival: 3 blocks). */
export const ATTACK_REACH = 3;

function checkText(text: unknown) {
  if (typeof text !== 'string' || text.trim() === '') return reasons.invalid('text', 'text must be a non-empty string');
  if (text.length > MAX_CHAT_LENGTH) {
    return reasons.invalid('text', `text is ${text.length} characters; the limit is ${MAX_CHAT_LENGTH}`);
  }
  return null;
}

/** `chat(text, mode)`: every living agent within range hears it as a `chat` body event. */
export async function chat(body: HeadlessBody, text: string, mode: 'say' | 'shout'): Promise<ActionOutcome> {
  const bad = checkText(text);
  if (bad) return failure(bad);
  if (mode !== 'say' && mode !== 'shout')
    return failure(reasons.invalid('mode', `mode must be "say" or "shout", got ${String(mode)}`));
  const now = body.now();
  const from = body.positionAt(now);
  const { bodies, distances } = body.world.hearersWithin(from, CHAT_RANGE[mode], body);
  for (let i = 0; i < bodies.length; i++) {
    const d = distances[i] as number;
    (bodies[i] as HeadlessBody).emit({
      type: 'chat',
      from: body.agentId,
      text,
      mode,
      distance: Math.round(d * 10) / 10,
      at: now,
    });
  }
  return success({}, 0);
}

/** `whisper(agentId, text)`: heard only by that agent, and only within 8 blocks. */
export async function whisper(body: HeadlessBody, agentId: string, text: string): Promise<ActionOutcome> {
  const badName = checkName(agentId, 'agentId');
  if (badName) return failure(badName);
  const bad = checkText(text);
  if (bad) return failure(bad);
  const world = body.world;
  const other = world.bodies.get(agentId);
  if (!other) return failure(reasons.unknownAgent(agentId, closestNames(agentId, world.agentNames())));
  if (other === body) return failure(reasons.invalid('agentId', 'cannot whisper to yourself'));
  if (other.dead) return failure(reasons.unreachable(`${agentId} is dead and cannot hear`));
  const now = body.now();
  const d = distance(body.positionAt(now), other.positionAt(now));
  if (d > CHAT_RANGE.whisper) return failure(reasons.tooFar(agentId, d, CHAT_RANGE.whisper));
  other.emit({ type: 'chat', from: body.agentId, text, mode: 'whisper', distance: Math.round(d * 10) / 10, at: now });
  return success({}, 0);
}

/** `attack(agentId)`: one fully charged hit with the held item on an agent within 3 blocks. */
export async function attack(body: HeadlessBody, entityId: string, options: ActionOptions): Promise<ActionOutcome> {
  const badName = checkName(entityId, 'entityId');
  if (badName) return failure(badName);
  const world = body.world;
  const target = world.bodies.get(entityId);
  if (!target) {
    if (world.items.has(entityId))
      return failure(reasons.invalid('entityId', `${entityId} is an item; pick it up instead`));
    return failure(reasons.unknownAgent(entityId, closestNames(entityId, world.agentNames())));
  }
  if (target === body) return failure(reasons.invalid('entityId', 'cannot attack yourself'));
  if (target.dead) return failure(reasons.notFound(entityId, `${entityId} is already dead`));
  const reachNow = () => distance(body.positionAt(body.now()), target.positionAt(body.now()));
  const d = reachNow();
  if (d > ATTACK_REACH) return failure(reasons.tooFar(entityId, d, ATTACK_REACH));
  const weapon = weaponStats(body.inventory.held);
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  try {
    if (!(await body.wait(1000 / weapon.attacksPerSecond, motor))) {
      return failure(body.dead ? reasons.dead() : reasons.interrupted('attack'), body.now() - startedAt);
    }
    if (target.dead) return failure(reasons.notFound(entityId, `${entityId} is already dead`), body.now() - startedAt);
    const after = reachNow();
    if (after > ATTACK_REACH) return failure(reasons.tooFar(entityId, after, ATTACK_REACH), body.now() - startedAt);
    body.vitals.exert(EXHAUSTION.perAttack);
    target.hurt(weapon.damage, `attacked by ${body.agentId}`);
    return success({}, body.now() - startedAt);
  } finally {
    motor.end();
  }
}
