import { type Logger, pino } from 'pino';

/**
 * The default logger: pino to stderr (stdout stays free for a program's own output, e.g. a
 * benchmark's JSON line), level from `SID_LOG_LEVEL` or `warn`.
 */
export function createLogger(level = process.env.SID_LOG_LEVEL ?? 'warn'): Logger {
  return pino({ level, base: undefined }, pino.destination({ fd: 2, sync: true }));
}
