import { ConfigError, closestNames } from '@sid/core';
import { z } from 'zod';
import { GAME_VERSION, GameData } from './rules/game-data.js';
import { MAX_HORIZONTAL, MAX_Y, MIN_Y } from './world/keys.js';

const itemStackSchema = z.object({ name: z.string().min(1), count: z.number().int().positive() }).strict();
const pointSchema = z.object({ x: z.number().finite(), y: z.number().finite().optional(), z: z.number().finite() });

/** A town: agents of its `group` spawn within `radius` blocks of `center`. */
export const townSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'use 1-32 letters, digits, _ or -'),
    center: pointSchema,
    radius: z.number().positive().max(10_000),
    /** How many agents live there (used by {@link planSpawns}). */
    agents: z.number().int().nonnegative().default(0),
  })
  .strict();

/** A chest placed at world creation (e.g. the tax chest of the collective-rules experiment). */
export const chestSchema = z
  .object({
    position: pointSchema,
    items: z.array(itemStackSchema).max(27).default([]),
  })
  .strict();

/** Everything the headless world can be configured with; every field has a default. */
export const worldConfigSchema = z
  .object({
    /** Overrides the society's seed for terrain and drops. */
    seed: z.union([z.string(), z.number()]).optional(),
    /** The only supported game version. */
    version: z.literal(GAME_VERSION).default(GAME_VERSION),
    /** Horizontal limits; positions outside are `out_of_world`. */
    bounds: z
      .object({
        minX: z
          .number()
          .int()
          .min(-MAX_HORIZONTAL + 1),
        maxX: z
          .number()
          .int()
          .max(MAX_HORIZONTAL - 1),
        minZ: z
          .number()
          .int()
          .min(-MAX_HORIZONTAL + 1),
        maxZ: z
          .number()
          .int()
          .max(MAX_HORIZONTAL - 1),
      })
      .strict()
      .refine((b) => b.minX < b.maxX && b.minZ < b.maxZ, 'min must be below max')
      .default({ minX: -100_000, maxX: 100_000, minZ: -100_000, maxZ: 100_000 }),
    /** Where agents without a town spawn: around these points (round-robin by agent), within `radius`. */
    spawn: z
      .object({
        points: z
          .array(pointSchema)
          .min(1)
          .default([{ x: 0, z: 0 }]),
        radius: z.number().nonnegative().default(8),
      })
      .strict()
      .default({ points: [{ x: 0, z: 0 }], radius: 8 }),
    towns: z.array(townSchema).default([]),
    chests: z.array(chestSchema).default([]),
    /** Items every new body starts with (and gets again on respawn). */
    startingInventory: z.array(itemStackSchema).default([]),
    terrain: z
      .object({
        seaLevel: z
          .number()
          .int()
          .min(MIN_Y + 2)
          .max(MAX_Y - 64)
          .default(62),
        baseHeight: z
          .number()
          .int()
          .min(MIN_Y + 16)
          .max(MAX_Y - 64)
          .default(66),
        amplitude: z.number().min(0).max(60).default(12),
        /** 0 = no trees, 1 = Minecraft-like forests and plains. */
        treeDensity: z.number().min(0).max(4).default(1),
        /** Multiplies ore vein attempts (1 = Minecraft-like rarity). */
        oreAbundance: z.number().min(0).max(10).default(1),
      })
      .strict()
      .default({ seaLevel: 62, baseHeight: 66, amplitude: 12, treeDensity: 1, oreAbundance: 1 }),
    /** Minecraft time of day when the clock is at 0 (0 = sunrise, 6000 = noon, 13000 = night). */
    startTimeOfDay: z.number().int().min(0).max(23_999).default(1_000),
    /** Game time a dead body waits before respawning. */
    respawnDelayMs: z.number().int().nonnegative().default(5_000),
    /** Hunger on (Minecraft-like) or off (food stays full). */
    hunger: z.boolean().default(true),
  })
  .strict();

/** A validated world config with defaults filled in. */
export type WorldConfig = z.output<typeof worldConfigSchema>;
/** What callers may pass (every field optional). */
export type WorldConfigInput = z.input<typeof worldConfigSchema>;

/**
 * Validates a world config, fills defaults, and checks item names against minecraft-data. Throws a
 * {@link ConfigError} listing every problem with its path, e.g. `chests.0.items.1.name: unknown item
 * "iron_ingots" (did you mean "iron_ingot"?)`.
 */
export function parseWorldConfig(input: unknown = {}): WorldConfig {
  const parsed = worldConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    throw new ConfigError(`invalid world config:\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`, issues);
  }
  const config = parsed.data;
  const data = GameData.get();
  const issues: { path: string; message: string }[] = [];
  const checkItems = (items: { name: string }[], path: string) => {
    items.forEach((item, i) => {
      if (!data.isItem(item.name)) {
        const close = closestNames(item.name, data.itemsByName.keys());
        const hint = close.length > 0 ? ` (did you mean ${close.map((c) => `"${c}"`).join(', ')}?)` : '';
        issues.push({ path: `${path}.${i}.name`, message: `unknown item "${item.name}"${hint}` });
      }
    });
  };
  checkItems(config.startingInventory, 'startingInventory');
  config.chests.forEach((chest, i) => {
    checkItems(chest.items, `chests.${i}.items`);
  });
  const b = config.bounds;
  const inBounds = (p: { x: number; z: number }) => p.x >= b.minX && p.x <= b.maxX && p.z >= b.minZ && p.z <= b.maxZ;
  config.towns.forEach((t, i) => {
    if (!inBounds(t.center)) issues.push({ path: `towns.${i}.center`, message: 'outside bounds' });
  });
  config.chests.forEach((c, i) => {
    if (!inBounds(c.position)) issues.push({ path: `chests.${i}.position`, message: 'outside bounds' });
  });
  config.spawn.points.forEach((p, i) => {
    if (!inBounds(p)) issues.push({ path: `spawn.points.${i}`, message: 'outside bounds' });
  });
  const names = new Set<string>();
  config.towns.forEach((t, i) => {
    if (names.has(t.name)) issues.push({ path: `towns.${i}.name`, message: `duplicate town "${t.name}"` });
    names.add(t.name);
  });
  if (issues.length > 0) {
    throw new ConfigError(`invalid world config:\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`, issues);
  }
  return config;
}
