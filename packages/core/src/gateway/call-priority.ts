import { PRIORITY } from '../module/define-module.js';
import type { ModelCallMeta } from '../ports/model.js';

/** Call meta as the gateway reads it: callers may add an explicit priority. */
export interface GatewayCallMeta extends ModelCallMeta {
  /** Higher runs first (see PRIORITY); when absent the gateway looks the module up. */
  priority?: number;
}

/** Finds the priority of a module run on an agent (e.g. from a society's agents). */
export type PriorityLookup = (agentId: string | undefined, module: string | undefined) => number | undefined;

const builtin: Readonly<Record<string, number>> = PRIORITY;

/**
 * The priority of a call: explicit `meta.priority`, then the configured module priorities, then the
 * lookup (a society's module instances), then the built-in PRIORITY of a module with that name
 * (`controller`, `talking`, `planning`, …), then PRIORITY.normal.
 */
export function priorityOf(
  meta: GatewayCallMeta | undefined,
  configured: Readonly<Record<string, number>>,
  lookup: PriorityLookup | null,
): number {
  if (meta?.priority !== undefined) return meta.priority;
  const module = meta?.module;
  if (module !== undefined && configured[module] !== undefined) return configured[module];
  const found = lookup?.(meta?.agentId, module);
  if (found !== undefined) return found;
  if (module !== undefined && Object.hasOwn(builtin, module)) return builtin[module] as number;
  return PRIORITY.normal;
}
