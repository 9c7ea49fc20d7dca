import { z } from 'zod';

/** Milliseconds each primitive may take before it is stopped and reported as `timeout`. */
export const timeoutsSchema = z
  .object({
    connectMs: z.number().int().positive().default(20_000),
    moveMs: z.number().int().positive().default(60_000),
    digMs: z.number().int().positive().default(20_000),
    collectMs: z.number().int().positive().default(120_000),
    placeMs: z.number().int().positive().default(6_000),
    craftMs: z.number().int().positive().default(8_000),
    smeltMs: z.number().int().positive().default(60_000),
    containerMs: z.number().int().positive().default(8_000),
    itemMs: z.number().int().positive().default(6_000),
    attackMs: z.number().int().positive().default(4_000),
    chatMs: z.number().int().positive().default(2_000),
  })
  .prefault({});

/** Backoff for reconnecting after a kick or a dropped connection. */
export const reconnectSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** First delay; doubled on each failed attempt, with ±25% jitter. */
    baseDelayMs: z.number().int().positive().default(1_000),
    maxDelayMs: z.number().int().positive().default(30_000),
    /** Attempts before giving up (the body then stays disconnected and says so). */
    maxAttempts: z.number().int().nonnegative().default(20),
  })
  .prefault({});

/** Configuration of the mineflayer environment. */
export const mineflayerConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(1).max(65_535).default(25_565),
  /** Game version; 1.21.4 is the newest that flying-squid 1.12 and mineflayer 4.25 share. */
  version: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)?$/, 'a game version like 1.21.4')
    .default('1.21.4'),
  /** Prepended to each agent id to make its Minecraft username (16 characters at most in all). */
  usernamePrefix: z
    .string()
    .regex(/^[A-Za-z0-9_]{0,10}$/, 'letters, digits and _ only, at most 10')
    .default(''),
  /** `offline` for servers in offline mode (flying-squid, local Paper); `microsoft` for online servers. */
  auth: z.enum(['offline', 'microsoft']).default('offline'),
  /**
   * True only for the embedded flying-squid test server started by `startTestServer`. It enables the
   * server-assisted crafting and smelting commands there (see `assistedCrafting`).
   */
  embeddedTestServer: z.boolean().default(false),
  /**
   * Craft and smelt through the embedded test server's `/sidcraft` and `/sidsmelt` commands instead
   * of crafting windows (flying-squid has none). Ignored unless `embeddedTestServer` is true.
   */
  assistedCrafting: z.boolean().default(false),
  /** Client view distance in chunks; small saves memory (≈2.6 MB per idle bot at 2). */
  viewDistance: z.number().int().min(2).max(32).default(2),
  /** A new motor action interrupts the running one (`preempt`, like the headless world) or waits (`queue`). */
  actionPolicy: z.enum(['preempt', 'queue']).default('preempt'),
  /** Chat ranges in blocks; the server delivers everything, the body drops what is out of range. */
  chatRange: z
    .object({
      say: z.number().positive().default(32),
      whisper: z.number().positive().default(8),
      shout: z.number().positive().default(64),
    })
    .prefault({}),
  /** A pathfinder that moves less than a block in this long is stuck: the move fails as `unreachable`. */
  stuckAfterMs: z.number().int().positive().default(6_000),
  timeouts: timeoutsSchema,
  reconnect: reconnectSchema,
});

/** Validated configuration (every default filled in). */
export type MineflayerConfig = z.infer<typeof mineflayerConfigSchema>;
/** Configuration as users write it (every field optional). */
export type MineflayerConfigInput = z.input<typeof mineflayerConfigSchema>;

/** Validates a configuration and fills in defaults; throws a readable error on bad input. */
export function parseMineflayerConfig(input: MineflayerConfigInput = {}): MineflayerConfig {
  const result = mineflayerConfigSchema.safeParse(input);
  if (!result.success) throw new Error(`invalid mineflayer config: ${z.prettifyError(result.error)}`);
  return result.data;
}
