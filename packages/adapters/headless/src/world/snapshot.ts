import { ConfigError } from '@sid/core';
import { z } from 'zod';

const vec3 = z.object({ x: z.number(), y: z.number(), z: z.number() });
const stack = z.tuple([z.string(), z.number().int().positive()]);
const inventory = z.object({
  slots: z.array(stack.nullable()),
  selected: z.number().int().min(0).max(8),
  armor: z.object({
    head: z.string().optional(),
    torso: z.string().optional(),
    legs: z.string().optional(),
    feet: z.string().optional(),
  }),
  offHand: stack.nullable(),
});

/** A body as saved in a world snapshot. */
export const bodyImageSchema = z.object({
  id: z.string(),
  group: z.string().nullable(),
  spawn: vec3,
  position: vec3,
  health: z.number(),
  food: z.number(),
  saturation: z.number(),
  exhaustion: z.number(),
  vitalsAt: z.number(),
  dead: z.boolean(),
  inventory,
});

/** The plain-JSON image of a headless world, saved in society checkpoints. */
export const worldSnapshotSchema = z.object({
  format: z.literal('sid-headless-world/1'),
  version: z.string(),
  seed: z.string(),
  at: z.number(),
  counters: z.object({ items: z.number().int(), loot: z.number().int() }),
  /** Changed blocks only: [x, y, z, block name]. */
  blocks: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int(), z.string()])),
  chests: z.array(z.object({ key: z.number(), inventory })),
  bodies: z.array(bodyImageSchema),
  pendingBodies: z.array(bodyImageSchema),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      count: z.number().int().positive(),
      position: vec3,
      pickupAt: z.number(),
      despawnAt: z.number(),
    }),
  ),
});

/** A body as saved in a snapshot. */
export type BodyImage = z.infer<typeof bodyImageSchema>;
/** The plain-JSON image of a headless world. */
export type WorldSnapshot = z.infer<typeof worldSnapshotSchema>;

/** Validates a snapshot; throws a ConfigError naming the bad paths. */
export function parseWorldSnapshot(value: unknown): WorldSnapshot {
  const parsed = worldSnapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    throw new ConfigError(
      `invalid headless world snapshot:\n${issues
        .slice(0, 10)
        .map((i) => `${i.path}: ${i.message}`)
        .join('\n')}`,
      issues,
    );
  }
  return parsed.data;
}
