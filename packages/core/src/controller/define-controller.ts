import type { z } from 'zod';
import { defineModule, type ModuleDefinition, PRIORITY, TRIGGERS } from '../module/define-module.js';
import type { ModuleContext } from '../module/module-context.js';
import type { BottleneckSpec, BottleneckView } from './bottleneck.js';
import type { DecisionInput } from './decision.js';

/** What a cognitive controller author writes: look at the bottleneck view, return a decision or null. */
export interface ControllerSpec<O> {
  name?: string;
  description?: string;
  /** Default 2000 ms (the design notes' cadence). */
  cadenceMs?: number;
  /** Triggers besides the cadence (default: chat heard). Replaces the default list. */
  triggers?: readonly string[];
  tier?: string;
  options?: z.ZodType<O>;
  /** The bottleneck for agents that do not set their own (default: the core's `defaultBottleneck`). */
  bottleneck?: BottleneckSpec;
  decide(view: BottleneckView, ctx: ModuleContext<O>): Promise<DecisionInput | null> | DecisionInput | null;
}

/**
 * Defines the cognitive controller: the only module that makes high-level decisions. It sees the
 * state only through the agent's bottleneck, and its decision is broadcast to every module.
 */
export function defineController<O = Record<string, never>>(spec: ControllerSpec<O>): ModuleDefinition<O> {
  return defineModule<O>({
    name: spec.name ?? 'controller',
    description: spec.description ?? 'Cognitive controller: decides through the bottleneck and broadcasts.',
    cadenceMs: spec.cadenceMs ?? 2000,
    triggers: spec.triggers ?? [TRIGGERS.chatReceived],
    priority: PRIORITY.controller,
    controller: true,
    ...(spec.tier !== undefined ? { tier: spec.tier } : {}),
    ...(spec.bottleneck !== undefined ? { bottleneck: spec.bottleneck } : {}),
    ...(spec.options !== undefined ? { options: spec.options } : {}),
    async run(ctx) {
      const decision = await spec.decide(ctx.bottleneck(), ctx);
      if (decision !== null) ctx.decide(decision);
    },
  });
}
