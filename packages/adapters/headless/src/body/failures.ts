import type { ActionChanges, ActionOutcome, FailureReason, Vec3 } from '@sid/core';

/** Formats a position for messages: `(12, 64, -3)`. */
export function fmt(p: Vec3): string {
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

/** Builders for the structured reasons, with one-line messages fit for a prompt. */
export const reasons = {
  dead: (): FailureReason => ({ code: 'dead', message: 'you are dead; wait for respawn' }),
  interrupted: (what: string): FailureReason => ({ code: 'interrupted', message: `${what} was interrupted` }),
  invalid: (argument: string, message: string): FailureReason => ({ code: 'invalid_argument', argument, message }),
  unknownItem: (name: string, suggestions: string[]): FailureReason => ({
    code: 'unknown_item',
    name,
    suggestions,
    message: `no item called "${name}"${suggestions.length > 0 ? `; did you mean ${quote(suggestions)}?` : ''}`,
  }),
  unknownBlock: (name: string, suggestions: string[]): FailureReason => ({
    code: 'unknown_block',
    name,
    suggestions,
    message: `no block or item called "${name}"${suggestions.length > 0 ? `; did you mean ${quote(suggestions)}?` : ''}`,
  }),
  unknownAgent: (name: string, suggestions: string[]): FailureReason => ({
    code: 'unknown_agent',
    name,
    suggestions,
    message: `no agent or entity "${name}" in this world${suggestions.length > 0 ? `; did you mean ${quote(suggestions)}?` : ''}`,
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
    message: `${fmt(position)} is outside the world (${why})`,
  }),
  notFound: (what: string, message?: string): FailureReason => ({
    code: 'not_found',
    what,
    message: message ?? `no ${what} found`,
  }),
  occupied: (position: Vec3, by: string): FailureReason => ({
    code: 'occupied',
    position,
    message: `${fmt(position)} is occupied by ${by}`,
  }),
  unreachable: (message: string): FailureReason => ({ code: 'unreachable', message }),
  inventoryFull: (message = 'inventory is full'): FailureReason => ({ code: 'inventory_full', message }),
  needsTool: (block: string, tools: string[], hint: string): FailureReason => ({
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
