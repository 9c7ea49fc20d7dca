import { defineModule, PRIORITY, TRIGGERS } from '@sid/core';
import { z } from 'zod';
import { progressSlot } from '../slots/progress-slot.js';

export const perceptionOptions = z.object({
  /** Blocks listed in the environment slot (nearest first). */
  maxBlocks: z.number().int().positive().default(8),
  /** Agents listed in the environment slot (nearest first). */
  maxAgents: z.number().int().positive().default(8),
});

/**
 * Perception (reflex, no model): reads the body's observation into `gameState`, `environment` and
 * `progress`. Every other module sees the world only through these slots.
 *
 * Reads: nothing. Writes: gameState, environment, progress. Cadence 1 s, and after every action.
 */
export const perceptionModule = defineModule({
  name: 'perception',
  description: 'Body observation → game state, surroundings and items ever obtained.',
  slots: [progressSlot],
  writes: ['gameState', 'environment', 'progress'],
  cadenceMs: 1_000,
  triggers: [TRIGGERS.actionFinished, TRIGGERS.bodyEvent('respawn')],
  priority: PRIORITY.perception,
  options: perceptionOptions,
  async run(ctx) {
    const body = ctx.body;
    if (!body) return;
    const o = await body.perceive();
    ctx.write('gameState', {
      position: o.self.position,
      health: o.self.health,
      food: o.self.food,
      heldItem: o.self.heldItem,
      inventory: o.inventory,
      dead: o.self.dead,
      timeOfDay: o.timeOfDay,
      updatedAt: o.at,
    });
    const agents = o.entities
      .filter((e) => e.kind === 'player' && e.name !== ctx.agentId)
      .slice(0, ctx.options.maxAgents);
    ctx.write('environment', {
      text: o.text,
      nearbyBlocks: o.blocks
        .slice(0, ctx.options.maxBlocks)
        .map((b) => ({ name: b.name, distance: b.distance, position: b.position })),
      nearbyAgents: agents.map((a) => ({ id: a.name, distance: a.distance })),
      updatedAt: o.at,
    });
    const known = ctx.read(progressSlot).firstObtainedAt;
    const fresh = o.inventory.filter((s) => s.count > 0 && known[s.name] === undefined);
    if (fresh.length > 0) {
      const firstObtainedAt = { ...known };
      for (const stack of fresh) firstObtainedAt[stack.name] = o.at;
      ctx.write(progressSlot, { firstObtainedAt });
    }
  },
});
