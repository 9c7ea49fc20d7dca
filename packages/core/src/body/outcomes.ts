import type { ActionChanges, ActionOutcome, FailureReason, Vec3 } from '../ports/body.js';

/**
 * Helpers every Body implementation shares, so that the headless world and real-server adapters
 * report outcomes and failures with the same codes and the same wording.
 */

/** Formats a position for messages: `(12, 64, -3)`. */
export function formatPosition(p: Vec3): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  return `(${r(p.x)}, ${r(p.y)}, ${r(p.z)})`;
}

/** A successful outcome. */
export function success(changes: ActionChanges, durationMs: number): ActionOutcome {
  return { ok: true, changes, durationMs };
}

/** A failed outcome; `changes` records anything that happened before the failure. */
export function failure(reason: FailureReason, durationMs = 0, changes: ActionChanges = {}): ActionOutcome {
  return { ok: false, reason, changes, durationMs };
}

const quote = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
const didYouMean = (s: string[]) => (s.length > 0 ? `; did you mean ${quote(s)}?` : '');

/** Builders for the structured failure reasons, with one-line messages fit for a prompt. */
export const reasons = {
  dead: (): FailureReason => ({ code: 'dead', message: 'you are dead; wait for respawn' }),
  interrupted: (what: string): FailureReason => ({ code: 'interrupted', message: `${what} was interrupted` }),
  invalid: (argument: string, message: string): FailureReason => ({ code: 'invalid_argument', argument, message }),
  unknownItem: (name: string, suggestions: string[]): FailureReason => ({
    code: 'unknown_item',
    name,
    suggestions,
    message: `no item called "${name}"${didYouMean(suggestions)}`,
  }),
  unknownBlock: (name: string, suggestions: string[]): FailureReason => ({
    code: 'unknown_block',
    name,
    suggestions,
    message: `no block or item called "${name}"${didYouMean(suggestions)}`,
  }),
  unknownAgent: (name: string, suggestions: string[]): FailureReason => ({
    code: 'unknown_agent',
    name,
    suggestions,
    message: `no agent or entity "${name}" in this world${didYouMean(suggestions)}`,
  }),
  missing: (items: { name: string; need: number; have: number }[]): FailureReason => ({
    code: 'missing_items',
    items,
    message: `missing ${items.map((i) => `${i.need - i.have} ${i.name} (have ${i.have} of ${i.need})`).join(', ')}`,
  }),
  tooFar: (what: string, distance: number, maxDistance: number): FailureReason => ({
    code: 'too_far',
    distance: Math.round(distance * 100) / 100,
    maxDistance,
    message: `${what} is ${Math.round(distance * 10) / 10} blocks away; must be within ${maxDistance}`,
  }),
  outOfWorld: (position: Vec3, why: string): FailureReason => ({
    code: 'out_of_world',
    position,
    message: `${formatPosition(position)} is outside the world (${why})`,
  }),
  notFound: (what: string, message?: string): FailureReason => ({
    code: 'not_found',
    what,
    message: message ?? `no ${what} found`,
  }),
  occupied: (position: Vec3, by: string): FailureReason => ({
    code: 'occupied',
    position,
    message: `${formatPosition(position)} is occupied by ${by}`,
  }),
  unreachable: (message: string): FailureReason => ({ code: 'unreachable', message }),
  inventoryFull: (message = 'inventory is full'): FailureReason => ({ code: 'inventory_full', message }),
  needsTool: (block: string, tools: string[], hint = ''): FailureReason => ({
    code: 'needs_tool',
    block,
    tools,
    message: `${block} needs ${tools.length > 0 ? `one of ${tools.slice(0, 3).join(', ')}${tools.length > 3 ? ' …' : ''}` : 'a tool'} to drop anything${hint}`,
  }),
  needsTable: (item: string): FailureReason => ({
    code: 'needs_crafting_table',
    message: `${item} needs a 3x3 grid: stand within 4.5 blocks of a crafting_table`,
  }),
  needsFurnace: (): FailureReason => ({
    code: 'needs_furnace',
    message: 'smelting needs a furnace within 4.5 blocks; place one first',
  }),
  noRecipe: (item: string, message: string): FailureReason => ({ code: 'no_recipe', item, message }),
  timeout: (what: string, afterMs: number): FailureReason => ({
    code: 'timeout',
    afterMs,
    message: `${what} did not finish within ${Math.round(afterMs / 100) / 10} s and was stopped`,
  }),
  serverRefused: (message: string): FailureReason => ({ code: 'server_refused', message }),
  notSupported: (message: string): FailureReason => ({ code: 'not_supported', message }),
  error: (message: string): FailureReason => ({ code: 'error', message }),
};

/** Validates a count argument: a positive integer no larger than `max`. */
export function checkCount(count: unknown, max = 2_304): FailureReason | null {
  if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0) {
    return reasons.invalid('count', `count must be a positive whole number, got ${String(count)}`);
  }
  if (count > max) return reasons.invalid('count', `count must be at most ${max}, got ${count}`);
  return null;
}

/** Validates that a value is a non-empty string name. */
export function checkName(name: unknown, argument: string): FailureReason | null {
  if (typeof name !== 'string' || name.trim() === '') {
    return reasons.invalid(
      argument,
      `${argument} must be a non-empty name, got ${JSON.stringify(name) ?? 'undefined'}`,
    );
  }
  return null;
}

/** Validates a position argument: three finite numbers. */
export function checkPosition(p: unknown): FailureReason | null {
  const v = p as Partial<Vec3> | null;
  if (!v || typeof v !== 'object' || ![v.x, v.y, v.z].every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return reasons.invalid('position', `position must be {x, y, z} numbers, got ${JSON.stringify(p) ?? 'undefined'}`);
  }
  return null;
}
