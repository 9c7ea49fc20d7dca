import type { ActionOptions, ActionOutcome, FailureReason, ItemStack, Vec3 } from '@sid/core';
import { checkCount, checkName, closestNames, failure, formatPosition, reasons, success } from '@sid/core';
import { armorOf } from '../../rules/combat.js';
import { eatTimeMs, foodValue, MAX_FOOD } from '../../rules/food.js';
import type { Inventory } from '../../world/inventory.js';
import { PICKUP_DELAY_MS } from '../../world/item-entity.js';
import { blockKey } from '../../world/keys.js';
import { distance } from '../../world/spatial-index.js';
import { HeadlessBody } from '../headless-body.js';

/** Game time of a quick inventory action (a click or a toss). */
const CLICK_MS = 250;

/** Validates the count, the item name, and that the inventory holds `count` of it. */
function checkHave(body: HeadlessBody, item: unknown, count: number): FailureReason | null {
  const badCount = checkCount(count);
  if (badCount) return badCount;
  const bad = checkName(item, 'item');
  if (bad) return bad;
  const name = item as string;
  if (!body.world.data.isItem(name)) return reasons.unknownItem(name, body.world.suggestItems(name));
  const have = body.inventory.count(name);
  if (have < count) return reasons.missing([{ name, need: count, have }]);
  return null;
}

async function timed(
  body: HeadlessBody,
  what: string,
  ms: number,
  options: ActionOptions,
  apply: () => ActionOutcome,
): Promise<ActionOutcome> {
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  try {
    if (!(await body.wait(ms, motor))) {
      return failure(body.dead ? reasons.dead() : reasons.interrupted(what), body.now() - startedAt);
    }
    const outcome = apply();
    return { ...outcome, durationMs: body.now() - startedAt };
  } finally {
    motor.end();
  }
}

/** `equip(item)`: holds a tool or item in the hand, wears armour, or puts a shield in the off hand. */
export async function equip(body: HeadlessBody, item: string, options: ActionOptions): Promise<ActionOutcome> {
  const inv = body.inventory;
  if (typeof item === 'string' && Object.values(inv.armor).includes(item)) return success({}, 0);
  const bad = checkHave(body, item, 1);
  if (bad) return failure(bad);
  return timed(body, 'equip', 50, options, () => {
    const ok = armorOf(item) ? inv.wear(item) : item === 'shield' ? inv.holdOffHand(item) : inv.hold(item);
    return ok ? success({}, 0) : failure(reasons.inventoryFull(`no free slot to swap ${item} into`));
  });
}

/** `eat(item)`: restores food and saturation from minecraft-data `foods`; refuses when not hungry. */
export async function eat(body: HeadlessBody, item: string, options: ActionOptions): Promise<ActionOutcome> {
  const bad = checkHave(body, item, 1);
  if (bad && bad.code !== 'missing_items') return failure(bad);
  const food = foodValue(item, body.world.data);
  if (!food) return failure(reasons.invalid('item', `${item} is not food`));
  if (bad) return failure(bad);
  if (body.vitals.food >= MAX_FOOD && !food.alwaysEdible) {
    return failure(
      reasons.invalid('item', `not hungry (food ${body.vitals.food}/${MAX_FOOD}); ${item} cannot be eaten now`),
    );
  }
  return timed(body, 'eat', eatTimeMs(item), options, () => {
    if (body.inventory.remove(item, 1) < 1) return failure(reasons.missing([{ name: item, need: 1, have: 0 }]));
    body.vitals.eat(food.food, food.saturation);
    const items: Record<string, number> = { [item]: -1 };
    if (food.remainder && body.inventory.add(food.remainder, 1) === 1) items[food.remainder] = 1;
    return success({ items }, 0);
  });
}

/** `drop(item, count)`: throws items on the ground (anyone can pick them up after 2 s). */
export async function drop(
  body: HeadlessBody,
  item: string,
  count: number,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const bad = checkHave(body, item, count);
  if (bad) return failure(bad);
  return timed(body, 'drop', CLICK_MS, options, () => {
    const removed = body.inventory.remove(item, count);
    if (removed > 0) body.world.spawnItem(item, removed, body.position, PICKUP_DELAY_MS);
    return success({ items: { [item]: -removed } }, 0);
  });
}

/** `give(agentId, item, count)`: hands items to a living agent within reach. */
export async function give(
  body: HeadlessBody,
  agentId: string,
  item: string,
  count: number,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const world = body.world;
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const badAgent = checkName(agentId, 'agentId');
  if (badAgent) return failure(badAgent);
  const other = world.bodies.get(agentId);
  if (!other) return failure(reasons.unknownAgent(agentId, closestNames(agentId, world.agentNames())));
  if (other === body) return failure(reasons.invalid('agentId', 'cannot give items to yourself'));
  if (other.dead) return failure(reasons.unreachable(`${agentId} is dead`));
  const bad = checkHave(body, item, count);
  if (bad) return failure(bad);
  const d = distance(body.positionAt(body.now()), other.positionAt(body.now()));
  if (d > HeadlessBody.REACH) return failure(reasons.tooFar(agentId, d, HeadlessBody.REACH));
  return timed(body, 'give', CLICK_MS, options, () => {
    if (other.dead) return failure(reasons.unreachable(`${agentId} is dead`));
    const removed = body.inventory.remove(item, count);
    const added = other.inventory.add(item, removed);
    if (added > 0) other.emit({ type: 'pickup', item, count: added, at: body.now() });
    // What does not fit lands at the receiver's feet.
    if (added < removed) world.spawnItem(item, removed - added, other.position, PICKUP_DELAY_MS);
    return success({ items: { [item]: -removed } }, 0);
  });
}

/** Finds the chest at a position within reach, or says why not. */
function chestAt(body: HeadlessBody, position: Vec3): { chest: Inventory } | FailureReason {
  const world = body.world;
  const bad = world.checkPosition(position);
  if (bad) return bad;
  const p = { x: Math.floor(position.x), y: Math.floor(position.y), z: Math.floor(position.z) };
  const name = world.data.blockById(world.blocks.idAt(p.x, p.y, p.z)).name;
  if (name !== 'chest') return reasons.notFound('chest', `there is no chest at ${formatPosition(p)} (found ${name})`);
  const reach = body.reachTo(p);
  if (reach > HeadlessBody.REACH) return reasons.tooFar(`the chest at ${formatPosition(p)}`, reach, HeadlessBody.REACH);
  return { chest: world.chests.at(blockKey(p.x, p.y, p.z)) };
}

/** `chestContents(position)`: lists what a chest within reach holds. */
export async function chestContents(
  body: HeadlessBody,
  position: Vec3,
  options: ActionOptions,
): Promise<ActionOutcome & { items?: ItemStack[] }> {
  const found = chestAt(body, position);
  if ('code' in found) return failure(found);
  let items: ItemStack[] = [];
  const outcome = await timed(body, 'opening the chest', CLICK_MS, options, () => {
    items = found.chest.list();
    return success({}, 0);
  });
  return outcome.ok ? { ...outcome, items } : outcome;
}

/** `deposit(position, item, count)`: moves items from the inventory into a chest within reach. */
export async function deposit(
  body: HeadlessBody,
  position: Vec3,
  item: string,
  count: number,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const bad = checkHave(body, item, count);
  if (bad) return failure(bad);
  const found = chestAt(body, position);
  if ('code' in found) return failure(found);
  if (found.chest.room(item) < count) {
    return failure(reasons.inventoryFull(`the chest has room for only ${found.chest.room(item)} ${item}`));
  }
  return timed(body, 'deposit', CLICK_MS, options, () => {
    const removed = body.inventory.remove(item, count);
    found.chest.add(item, removed);
    return success({ items: { [item]: -removed } }, 0);
  });
}

/** `withdraw(position, item, count)`: takes items out of a chest within reach. */
export async function withdraw(
  body: HeadlessBody,
  position: Vec3,
  item: string,
  count: number,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const badCount = checkCount(count);
  if (badCount) return failure(badCount);
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  if (!body.world.data.isItem(item)) return failure(reasons.unknownItem(item, body.world.suggestItems(item)));
  const found = chestAt(body, position);
  if ('code' in found) return failure(found);
  const inChest = found.chest.count(item);
  if (inChest < count) return failure(reasons.missing([{ name: item, need: count, have: inChest }]));
  if (body.inventory.room(item) < count) {
    return failure(reasons.inventoryFull(`inventory has room for only ${body.inventory.room(item)} ${item}`));
  }
  return timed(body, 'withdraw', CLICK_MS, options, () => {
    const removed = found.chest.remove(item, count);
    body.inventory.add(item, removed);
    return success({ items: { [item]: removed } }, 0);
  });
}
