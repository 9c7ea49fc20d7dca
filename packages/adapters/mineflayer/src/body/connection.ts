import type { Bot } from 'mineflayer';
import type { MineflayerConfig } from '../config.js';
import { messageOf } from './abort.js';
import { createBot } from './bot-factory.js';

/** What a connection tells its body. */
export interface ConnectionHooks {
  /** A new bot has spawned (first connect or after a reconnect). */
  onBot(bot: Bot, reconnected: boolean): void;
  /** The connection dropped or the server kicked the bot; a reconnect follows unless closed. */
  onDisconnect(reason: string): void;
  /** Reconnecting gave up after the configured attempts. */
  onGiveUp(reason: string): void;
}

/**
 * One agent's connection to the server: connects, and after a kick or a dropped connection
 * reconnects with exponential backoff and jitter until it spawns again or runs out of attempts.
 */
export class BotConnection {
  /** The live bot, or null while disconnected. */
  bot: Bot | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempts = 0;

  constructor(
    private readonly config: MineflayerConfig,
    readonly username: string,
    private readonly hooks: ConnectionHooks,
  ) {}

  /** Connects and waits for the first spawn; rejects with the reason on failure. */
  async connect(): Promise<void> {
    await this.spawnOnce(false);
  }

  /** True while a bot is spawned. */
  get connected(): boolean {
    return this.bot !== null;
  }

  private spawnOnce(reconnected: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const bot = createBot(this.config, this.username);
      let kickReason: string | null = null;
      let settled = false;
      const timer = setTimeout(
        () => fail(`no spawn within ${this.config.timeouts.connectMs} ms`),
        this.config.timeouts.connectMs,
      );
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        bot.removeAllListeners();
        bot.on('error', () => undefined);
        try {
          bot.end(reason);
        } catch {
          // Already closed.
        }
        reject(new Error(reason));
      };
      bot.on('error', (error: Error) => {
        if (!settled) fail(messageOf(error));
      });
      bot.on('kicked', (reason: unknown) => {
        kickReason = kickText(reason);
        if (!settled) fail(`kicked: ${kickReason}`);
      });
      bot.once('end', (reason: string) => {
        if (!settled) return fail(`connection closed: ${reason}`);
        if (this.bot === bot) this.lost(kickReason ? `kicked: ${kickReason}` : `connection closed: ${reason}`);
      });
      bot.once('spawn', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.closed) {
          bot.quit();
          return reject(new Error('connection closed'));
        }
        this.bot = bot;
        this.attempts = 0;
        this.hooks.onBot(bot, reconnected);
        resolve();
      });
    });
  }

  private lost(reason: string): void {
    this.bot = null;
    if (this.closed) return;
    this.hooks.onDisconnect(reason);
    this.scheduleReconnect(reason);
  }

  private scheduleReconnect(reason: string): void {
    const r = this.config.reconnect;
    if (!r.enabled || this.attempts >= r.maxAttempts) {
      this.hooks.onGiveUp(reason);
      return;
    }
    const delay = Math.min(r.maxDelayMs, r.baseDelayMs * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
    this.attempts++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed) return;
      this.spawnOnce(true).catch((error: unknown) => this.scheduleReconnect(messageOf(error)));
    }, delay);
  }

  /** Leaves the server for good. */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const bot = this.bot;
    this.bot = null;
    if (bot) {
      try {
        bot.quit();
      } catch {
        // Already gone.
      }
    }
  }
}

/** Kick reasons arrive as text or chat components; keep the words. */
function kickText(reason: unknown): string {
  if (typeof reason === 'string') {
    try {
      return kickText(JSON.parse(reason));
    } catch {
      return reason;
    }
  }
  if (reason && typeof reason === 'object') {
    const r = reason as { text?: unknown; extra?: unknown; value?: unknown; type?: unknown };
    // NBT chat components (1.20.3+): { type: 'compound', value: { text: { type: 'string', value } } }.
    if (r.type !== undefined && r.value !== undefined) return kickText(r.value);
    if (r.text && typeof r.text === 'object') return kickText(r.text);
    if (typeof r.text === 'string' || Array.isArray(r.extra)) {
      const extra = Array.isArray(r.extra) ? r.extra.map(kickText).join('') : '';
      return `${typeof r.text === 'string' ? r.text : ''}${extra}`;
    }
    if (r.value !== undefined) return kickText(r.value);
  }
  return String(reason);
}
