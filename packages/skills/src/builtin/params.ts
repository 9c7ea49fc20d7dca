import { z } from 'zod';

/** Zod pieces shared by built-in skill parameter schemas. */
export const itemName = z.string().min(1).max(100).describe('a Minecraft item or block name, e.g. oak_log');
/** A positive count of items or blocks. */
export const itemCount = z.number().int().min(1).max(4096);
/** A block position. */
export const position = z.object({ x: z.number(), y: z.number(), z: z.number() });
