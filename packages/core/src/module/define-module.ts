import { z } from 'zod';
import type { BottleneckSpec } from '../controller/bottleneck.js';
import type { SlotDefinition } from '../state/slot.js';
import { SidError } from '../util/errors.js';
import type { ModuleContext } from './module-context.js';

/** Built-in trigger names. Modules may also trigger on any name another module `emit()`s. */
export const TRIGGERS = {
  /** The cognitive controller broadcast a new decision. */
  decisionBroadcast: 'decision.broadcast',
  /** The body heard a chat line from another agent. */
  chatReceived: 'chat.received',
  /** A body primitive finished (ok or not). */
  actionFinished: 'action.finished',
  /**
   * Body events: `body.pickup`, `body.damage`, `body.death`, `body.respawn`, `body.time`, `body.disconnect`,
   * `body.reconnect`, and from real servers `body.player_joined`, `body.player_left`, `body.block_update`,
   * `body.dig_completed`, `body.goal_reached`, `body.kicked`.
   */
  bodyEvent: (type: string) => `body.${type}`,
} as const;

/** Module priority: higher runs first when several are due at once and wins model-gateway contention. */
export const PRIORITY = {
  controller: 90,
  talking: 80,
  action: 80,
  perception: 70,
  social: 50,
  memory: 40,
  planning: 30,
  reflection: 20,
  normal: 50,
} as const;

/** What a module author writes. */
export interface ModuleSpec<O> {
  /** Unique within an agent; letters, digits, `-` and `_`. */
  name: string;
  description?: string;
  /** Slots this module may read (it may always read what it writes, and the latest decision). */
  reads?: readonly string[];
  /** Slots this module may write. */
  writes?: readonly string[];
  /** Slots this module introduces, with schemas. They are registered on every agent that uses the module. */
  slots?: readonly SlotDefinition[];
  /** Run every `cadenceMs` of clock time. A module needs a cadence, triggers, or both. */
  cadenceMs?: number;
  /** Also run at once when one of these events happens (see {@link TRIGGERS}). */
  triggers?: readonly string[];
  /** See {@link PRIORITY}; default 50. */
  priority?: number;
  /** Model tier the module asks the gateway for, e.g. `strong` or `cheap`. */
  tier?: string;
  /** Schema of the module's options; defaults fill what the user leaves out. */
  options?: z.ZodType<O>;
  /** A cheap check; when it returns false the run is skipped (counted as idle). E.g. social modules when nobody is near. */
  relevant?: (ctx: ModuleContext<O>) => boolean;
  /** Marks the cognitive controller: it sees the bottleneck view and may call `ctx.decide()`. */
  controller?: boolean;
  /** Controllers only: the bottleneck used for agents that do not set their own. */
  bottleneck?: BottleneckSpec;
  /** The work. Keep no state between runs outside the agent state. */
  run(ctx: ModuleContext<O>): Promise<void> | void;
}

/** A validated module definition, as returned by {@link defineModule}. */
export interface ModuleDefinition<O = unknown> {
  readonly kind: 'sid.module';
  readonly name: string;
  readonly description: string;
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  readonly slots: readonly SlotDefinition[];
  readonly cadenceMs: number | null;
  readonly triggers: readonly string[];
  readonly priority: number;
  readonly tier: string | null;
  readonly optionsSchema: z.ZodType<O>;
  readonly controller: boolean;
  /** Controllers only: the default bottleneck for agents that do not set one. */
  readonly bottleneck: BottleneckSpec | null;
  /** Method syntax on purpose: modules with different option types fit in one list. */
  relevant?(ctx: ModuleContext<O>): boolean;
  run(ctx: ModuleContext<O>): Promise<void> | void;
  /** Binds options (validated now, so a bad option fails before the society starts). */
  with(options: Partial<O>, overrides?: ModuleOverrides): ModuleInstance<O>;
}

/** Per-use changes to a module's schedule. */
export interface ModuleOverrides {
  cadenceMs?: number;
  priority?: number;
  tier?: string;
}

/** A module bound to its options, ready to add to an agent. */
export interface ModuleInstance<O = unknown> {
  readonly definition: ModuleDefinition<O>;
  readonly options: O;
  readonly cadenceMs: number | null;
  readonly priority: number;
  readonly tier: string | null;
}

const nameRule = /^[a-zA-Z][\w-]{0,63}$/;

/**
 * Defines a PIANO module: a stateless function over the agent state that runs at its own cadence
 * and/or on triggers. Misconfiguration is reported here, at definition time, not mid-run.
 */
export function defineModule<O = Record<string, never>>(spec: ModuleSpec<O>): ModuleDefinition<O> {
  if (!nameRule.test(spec.name)) {
    throw new SidError('module_definition', `module name "${spec.name}" must match ${nameRule}`);
  }
  const where = `module "${spec.name}"`;
  if (spec.cadenceMs === undefined && (spec.triggers === undefined || spec.triggers.length === 0)) {
    throw new SidError('module_definition', `${where} needs cadenceMs, triggers, or both`);
  }
  if (spec.cadenceMs !== undefined && !(Number.isFinite(spec.cadenceMs) && spec.cadenceMs > 0)) {
    throw new SidError('module_definition', `${where}: cadenceMs must be a positive number, got ${spec.cadenceMs}`);
  }
  if (typeof spec.run !== 'function') throw new SidError('module_definition', `${where} needs a run(ctx) function`);
  const writes = [...(spec.writes ?? [])];
  if (spec.controller) {
    for (const slot of ['decision', 'decisionHistory']) if (!writes.includes(slot)) writes.push(slot);
  }
  const optionsSchema = (spec.options ?? z.object({}).strict()) as z.ZodType<O>;
  const definition: ModuleDefinition<O> = {
    kind: 'sid.module',
    name: spec.name,
    description: spec.description ?? '',
    reads: Object.freeze([...(spec.reads ?? [])]),
    writes: Object.freeze(writes),
    slots: Object.freeze([...(spec.slots ?? [])]),
    cadenceMs: spec.cadenceMs ?? null,
    triggers: Object.freeze([...(spec.triggers ?? [])]),
    priority: spec.priority ?? PRIORITY.normal,
    tier: spec.tier ?? null,
    optionsSchema,
    controller: spec.controller ?? false,
    bottleneck: spec.bottleneck ?? null,
    ...(spec.relevant ? { relevant: spec.relevant } : {}),
    run: spec.run,
    with(options, overrides = {}) {
      return instantiateModule(definition, options, overrides, where);
    },
  };
  return Object.freeze(definition);
}

/** Validates options for a module and applies schedule overrides. */
export function instantiateModule<O>(
  definition: ModuleDefinition<O>,
  options: unknown,
  overrides: ModuleOverrides = {},
  where = `module "${definition.name}"`,
): ModuleInstance<O> {
  const parsed = definition.optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${['options', ...i.path.map(String)].join('.')}: ${i.message}`)
      .join('; ');
    throw new SidError('module_options', `${where}: invalid options: ${detail}`);
  }
  if (overrides.cadenceMs !== undefined && !(overrides.cadenceMs > 0)) {
    throw new SidError('module_options', `${where}: cadenceMs must be positive, got ${overrides.cadenceMs}`);
  }
  return Object.freeze({
    definition,
    options: parsed.data,
    cadenceMs: overrides.cadenceMs ?? definition.cadenceMs,
    priority: overrides.priority ?? definition.priority,
    tier: overrides.tier ?? definition.tier,
  });
}

/** A module as an agent accepts it: a definition (default options) or an instance with options. */
export type ModuleLike = ModuleDefinition<unknown> | ModuleInstance<unknown>;

/** Accepts a definition (default options) or an instance. */
export function toInstance(module: ModuleLike): ModuleInstance {
  if ('kind' in module && module.kind === 'sid.module') return instantiateModule(module, undefined);
  return module as ModuleInstance;
}
