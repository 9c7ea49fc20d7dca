import type { ActionOptions, ActionOutcome, BlockChange, BlockSighting, FailureReason, Vec3 } from '@sid/core';
import {
  checkCount,
  checkName,
  closestNames,
  FACE_NEIGHBOURS,
  failure,
  formatPosition,
  reasons,
  success,
} from '@sid/core';
import { bestToolFor, canHarvest, digTimeMs, harvestToolNames } from '../../rules/digging.js';
import { EXHAUSTION } from '../../rules/food.js';
import type { BlockInfo } from '../../rules/game-data.js';
import { lootTable, rollLoot } from '../../rules/loot.js';
import { recipesFor } from '../../rules/recipes.js';
import { blockKey } from '../../world/keys.js';
import { HeadlessBody } from '../headless-body.js';
import type { MotorRun } from '../motor.js';

/** Blocks that count as empty space. */
const EMPTY = new Set(['air', 'cave_air', 'void_air']);
/** How far `collect` looks for blocks. */
export const COLLECT_RADIUS = 32;
/** Block drops spill at the block; they can be picked up after half a second. */
const DROP_DELAY_MS = 500;

const sourceCache = new Map<string, string[]>();

/** Blocks that drop an item at least half the time (e.g. `raw_iron` ← iron_ore, deepslate_iron_ore). */
function sourcesOf(body: HeadlessBody, item: string): string[] {
  const hit = sourceCache.get(item);
  if (hit) return hit;
  const data = body.world.data;
  const out: string[] = [];
  for (const block of data.blocksByName.values()) {
    if (!block.diggable || block.hardness < 0) continue;
    if (lootTable(block.name, data).some((e) => e.item === item && e.chance >= 0.5)) out.push(block.name);
  }
  sourceCache.set(item, out);
  return out;
}

/**
 * What `collect(name)` digs: the named block with its deepslate twin, plus every block that drops the
 * named item (so `collect('cobblestone')` digs stone and `collect('raw_iron')` digs iron ore).
 */
function collectTargets(body: HeadlessBody, name: string): Set<number> | FailureReason {
  const data = body.world.data;
  // The same name always gives the same set; reusing it also lets the block store reuse its search plan.
  const hit = targetCache.get(name);
  if (hit) return hit;
  const names = new Set<string>();
  if (data.isBlock(name) && !EMPTY.has(name)) {
    names.add(name);
    if (name.endsWith('_ore') && data.isBlock(`deepslate_${name}`)) names.add(`deepslate_${name}`);
    if (name.startsWith('deepslate_') && name.endsWith('_ore')) names.add(name.slice('deepslate_'.length));
  }
  if (data.isItem(name)) for (const source of sourcesOf(body, name)) names.add(source);
  if (names.size === 0) {
    return reasons.unknownBlock(
      name,
      closestNames(name, new Set([...data.blocksByName.keys(), ...data.itemsByName.keys()])),
    );
  }
  const targets = new Set([...names].map((n) => data.block(n).id));
  if (targetCache.size >= 1024) targetCache.clear();
  targetCache.set(name, targets);
  return targets;
}

/** Block ids `collect` digs, by the name asked for (only names that resolved). */
const targetCache = new Map<string, Set<number>>();

/**
 * Sorts sightings by squared distance from `here`, stably (what `Array.prototype.sort` with that
 * comparator gives), by insertion: the lists are a few entries long.
 */
function sortByDistance(list: BlockSighting[], here: Vec3): void {
  const d2s: number[] = [];
  for (const b of list) {
    d2s.push((b.position.x - here.x) ** 2 + (b.position.y - here.y) ** 2 + (b.position.z - here.z) ** 2);
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as BlockSighting;
    const d2 = d2s[i] as number;
    let j = i;
    while (j > 0 && (d2s[j - 1] as number) - d2 > 0) {
      list[j] = list[j - 1] as BlockSighting;
      d2s[j] = d2s[j - 1] as number;
      j--;
    }
    list[j] = item;
    d2s[j] = d2;
  }
}

interface Broken {
  change?: BlockChange;
  reason?: FailureReason;
}

/** Breaks one block with the given tool (already validated); drops go to the inventory. */
async function breakBlock(
  body: HeadlessBody,
  p: Vec3,
  block: BlockInfo,
  tool: string | null,
  motor: MotorRun,
): Promise<Broken> {
  const world = body.world;
  const data = world.data;
  const ms = digTimeMs(block, tool, data) as number;
  if (!(await body.wait(ms, motor))) return { reason: body.dead ? reasons.dead() : reasons.interrupted('digging') };
  if (world.blocks.idAt(p.x, p.y, p.z) !== block.id) {
    return { reason: reasons.notFound(block.name, `the ${block.name} at ${formatPosition(p)} was already broken`) };
  }
  world.blocks.setId(p.x, p.y, p.z, data.air.id);
  const centre = { x: p.x + 0.5, y: p.y + 0.5, z: p.z + 0.5 };
  if (block.name === 'chest') {
    for (const stack of world.chests.remove(blockKey(p.x, p.y, p.z)))
      world.spawnItem(stack.name, stack.count, centre, DROP_DELAY_MS);
  }
  const heldId = tool === null ? null : (data.itemsByName.get(tool)?.id ?? null);
  if (canHarvest(block, heldId)) {
    const drops = rollLoot(block.name, data, world.lootRng(p));
    for (const [item, count] of Object.entries(drops)) {
      // Drops land in the inventory as if the agent stepped onto them; what does not fit stays on the ground.
      const added = body.inventory.add(item, count);
      if (added < count) world.spawnItem(item, count - added, centre, DROP_DELAY_MS);
    }
  }
  body.vitals.exert(EXHAUSTION.perBlockDug);
  return { change: { position: { ...p }, from: block.name, to: 'air' } };
}

function toolHint(body: HeadlessBody, tools: string[]): string {
  const owned = tools.find((t) => body.inventory.count(t) > 0);
  return owned ? `; you have ${owned}: equip it` : '';
}

/** `dig(position)`: breaks the block within reach with the held item. */
export async function dig(body: HeadlessBody, position: Vec3, options: ActionOptions): Promise<ActionOutcome> {
  const world = body.world;
  const bad = world.checkPosition(position);
  if (bad) return failure(bad);
  const p = { x: Math.floor(position.x), y: Math.floor(position.y), z: Math.floor(position.z) };
  const block = world.data.blockById(world.blocks.idAt(p.x, p.y, p.z));
  if (EMPTY.has(block.name))
    return failure(reasons.notFound('block', `there is no block at ${formatPosition(p)}, only air`));
  const reach = body.reachTo(p);
  if (reach > HeadlessBody.REACH)
    return failure(reasons.tooFar(`${block.name} at ${formatPosition(p)}`, reach, HeadlessBody.REACH));
  const held = body.inventory.held;
  if (digTimeMs(block, held, world.data) === null) {
    return failure(reasons.invalid('position', `${block.name} at ${formatPosition(p)} cannot be broken`));
  }
  const heldId = held === null ? null : (world.data.itemsByName.get(held)?.id ?? null);
  if (!canHarvest(block, heldId)) {
    const tools = harvestToolNames(block, world.data);
    return failure(reasons.needsTool(block.name, tools, toolHint(body, tools)));
  }
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  try {
    const before = body.inventoryCounts();
    const broken = await breakBlock(body, p, block, held, motor);
    const items = body.inventoryDelta(before);
    const changes = { items, ...(broken.change ? { blocks: [broken.change] } : {}) };
    if (broken.reason) return failure(broken.reason, body.now() - startedAt, changes);
    return success(changes, body.now() - startedAt);
  } finally {
    motor.end();
  }
}

/**
 * `collect(name, count)`: finds the nearest blocks (or blocks that drop the item), walks to each,
 * picks the best tool from the inventory, breaks `count` blocks and picks up the drops. Dropped items
 * of that name lying nearby are picked up first (each stack counts as one).
 */
export async function collect(
  body: HeadlessBody,
  name: string,
  count: number,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const badName = checkName(name, 'name');
  if (badName) return failure(badName);
  const badCount = checkCount(count, 256);
  if (badCount) return failure(badCount);
  const targets = collectTargets(body, name);
  if (!(targets instanceof Set)) return failure(targets);
  const world = body.world;
  const data = world.data;
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  const before = body.inventoryCounts();
  const blocks: BlockChange[] = [];
  const changes = () => ({
    items: body.inventoryDelta(before),
    position: { ...body.position },
    ...(blocks.length > 0 ? { blocks } : {}),
  });
  const skip = new Set<string>();
  let candidates: BlockSighting[] = [];
  let done = 0;
  let lastReason: FailureReason | null = null;
  try {
    for (let attempt = 0; done < count && attempt < count * 4 + 16; attempt++) {
      if (motor.cancelled) return failure(reasons.interrupted('collect'), body.now() - startedAt, changes());
      const loose = world.itemsWithin(body.position, COLLECT_RADIUS).find((i) => i.name === name);
      if (loose) {
        if (
          !(await body.walk(
            { ...loose.position, y: world.blocks.standY(Math.floor(loose.position.x), Math.floor(loose.position.z)) },
            motor,
          ))
        ) {
          return failure(
            body.dead ? reasons.dead() : reasons.interrupted('collect'),
            body.now() - startedAt,
            changes(),
          );
        }
        if (!world.items.has(loose.id)) done++;
        else skip.add(loose.id);
        continue;
      }
      // One search yields several candidates; later ones are re-checked (another agent may have
      // dug them) and re-sorted by distance from where the body now stands.
      if (candidates.length === 0) {
        candidates = world.blocks
          .find(body.position, targets, COLLECT_RADIUS, count - done + 4 + skip.size)
          .filter((b) => !skip.has(`${b.position.x},${b.position.y},${b.position.z}`));
        if (candidates.length === 0) break;
      } else {
        sortByDistance(candidates, body.position);
      }
      const found = candidates.shift() as BlockSighting;
      const p = found.position;
      const tag = `${p.x},${p.y},${p.z}`;
      const block = data.block(found.name);
      if (world.blocks.idAt(p.x, p.y, p.z) !== block.id) continue;
      if (digTimeMs(block, null, data) === null) {
        // Water, lava, bedrock: nothing to break.
        lastReason = reasons.invalid('name', `${block.name} cannot be broken or collected`);
        skip.add(tag);
        continue;
      }
      const tool = bestToolFor(block, body.inventory.names(), data);
      const toolId = tool === null ? null : (data.itemsByName.get(tool)?.id ?? null);
      if (!canHarvest(block, toolId)) {
        const tools = harvestToolNames(block, data);
        lastReason = reasons.needsTool(block.name, tools, '');
        skip.add(tag);
        continue;
      }
      if (tool !== null) body.inventory.hold(tool);
      if (body.reachTo(p) > HeadlessBody.REACH - 0.25) {
        const here = body.position;
        let dx = here.x - (p.x + 0.5);
        let dz = here.z - (p.z + 0.5);
        const len = Math.hypot(dx, dz);
        if (len < 1e-6) [dx, dz] = [1, 0];
        const f = len < 1e-6 ? 1.5 : 1.5 / len;
        const plan = body.destinationFor({ x: p.x + 0.5 + dx * f, y: p.y, z: p.z + 0.5 + dz * f });
        if ('code' in plan || body.reachTo(p, plan.dest) > HeadlessBody.REACH) {
          lastReason = reasons.unreachable(`cannot get within reach of ${block.name} at ${formatPosition(p)}`);
          skip.add(tag);
          continue;
        }
        if (!(await body.walk(plan.dest, motor, plan.tunnelMs))) {
          return failure(
            body.dead ? reasons.dead() : reasons.interrupted('collect'),
            body.now() - startedAt,
            changes(),
          );
        }
      }
      const broken = await breakBlock(body, p, block, tool, motor);
      if (broken.change) {
        blocks.push(broken.change);
        done++;
      } else if (broken.reason?.code === 'not_found') {
        skip.add(tag);
      } else if (broken.reason) {
        return failure(broken.reason, body.now() - startedAt, changes());
      }
    }
    body.pickUpNearby();
    if (done >= count) return success(changes(), body.now() - startedAt);
    const craftable = recipesFor(name, data).length > 0 ? `; it can be crafted instead` : '';
    const reason =
      lastReason ??
      reasons.notFound(name, `found only ${done} of ${count} ${name} within ${COLLECT_RADIUS} blocks${craftable}`);
    return failure(reason, body.now() - startedAt, changes());
  } finally {
    motor.end();
  }
}

/** `place(item, position)`: puts a block from the inventory into empty space next to another block. */
export async function place(
  body: HeadlessBody,
  item: string,
  position: Vec3,
  options: ActionOptions,
): Promise<ActionOutcome> {
  const world = body.world;
  const data = world.data;
  const badName = checkName(item, 'item');
  if (badName) return failure(badName);
  if (!data.isItem(item)) return failure(reasons.unknownItem(item, world.suggestItems(item)));
  const block = data.blocksByName.get(item);
  if (!block || EMPTY.has(item)) return failure(reasons.invalid('item', `${item} is not a block and cannot be placed`));
  const have = body.inventory.count(item);
  if (have < 1) return failure(reasons.missing([{ name: item, need: 1, have }]));
  const bad = world.checkPosition(position);
  if (bad) return failure(bad);
  const p = { x: Math.floor(position.x), y: Math.floor(position.y), z: Math.floor(position.z) };
  const reach = body.reachTo(p);
  if (reach > HeadlessBody.REACH) return failure(reasons.tooFar(`${formatPosition(p)}`, reach, HeadlessBody.REACH));
  const there = data.blockById(world.blocks.idAt(p.x, p.y, p.z));
  if (!there.passable) return failure(reasons.occupied(p, there.name));
  const now = body.now();
  for (const { body: other } of world.bodiesWithin({ x: p.x + 0.5, y: p.y, z: p.z + 0.5 }, 2)) {
    const at = other.positionAt(now);
    if (
      Math.floor(at.x) === p.x &&
      Math.floor(at.z) === p.z &&
      (Math.floor(at.y) === p.y || Math.floor(at.y) + 1 === p.y)
    ) {
      return failure(reasons.occupied(p, `agent ${other.agentId}`));
    }
  }
  const support = FACE_NEIGHBOURS.some(([dx, dy, dz]) => {
    const n = data.blockById(world.blocks.idAt(p.x + dx, p.y + dy, p.z + dz)).name;
    return !EMPTY.has(n) && n !== 'water' && n !== 'lava';
  });
  if (!support) return failure(reasons.unreachable(`nothing to place ${item} against at ${formatPosition(p)}`));
  const startedAt = body.now();
  const motor = body.beginMotor(options.signal);
  try {
    if (!(await body.wait(250, motor))) {
      return failure(body.dead ? reasons.dead() : reasons.interrupted('place'), body.now() - startedAt);
    }
    const now2 = data.blockById(world.blocks.idAt(p.x, p.y, p.z));
    if (!now2.passable) return failure(reasons.occupied(p, now2.name), body.now() - startedAt);
    if (body.inventory.remove(item, 1) < 1) return failure(reasons.missing([{ name: item, need: 1, have: 0 }]));
    world.blocks.setId(p.x, p.y, p.z, block.id);
    if (item === 'chest') world.chests.at(blockKey(p.x, p.y, p.z));
    return success(
      { items: { [item]: -1 }, blocks: [{ position: p, from: now2.name, to: item }] },
      body.now() - startedAt,
    );
  } finally {
    motor.end();
  }
}
