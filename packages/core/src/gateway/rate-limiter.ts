import { estimateTokens } from '../model/estimate-tokens.js';
import { SidError } from '../util/errors.js';
import type { AnyRequest } from './call-outcome.js';

/** A granted slot in the rate limit; settle it with the tokens the call really used. */
export interface RateLimitLease {
  /** The call finished: replace the estimate with the tokens it really used (0 if it failed). */
  settle(actualTokens: number): void;
}

/** What a caller asks the limiter for. */
export interface RateLimitRequest {
  /** Limits are kept per key; the gateway passes the model id. */
  key: string;
  /** Estimated tokens (prompt + maximum output) before the call. */
  tokens: number;
  signal?: AbortSignal;
}

/**
 * Requests-per-minute and tokens-per-minute limits. The in-process {@link SlidingWindowRateLimiter} is
 * the default; a Redis adapter can implement this interface to share the limits across processes.
 */
export interface RateLimiter {
  /** Resolves when the call may start. */
  acquire(request: RateLimitRequest): Promise<RateLimitLease>;
}

/** Limits for {@link SlidingWindowRateLimiter}. */
export interface RateLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Length of the window the limits are counted over (default 60 000 ms; shorter in tests). */
  windowMs?: number;
  /** Clock in ms (default `performance.now`; injectable for tests). */
  now?: () => number;
}

interface Held {
  tokens: number;
  expiresAt: number;
}

interface Waiter {
  tokens: number;
  resolve: (lease: RateLimitLease) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** One key's window: calls in flight plus settled calls until they age out. */
class Window {
  inFlight = 0;
  inFlightTokens = 0;
  /** Settled calls in settle order, so expiries are increasing. */
  settled: Held[] = [];
  head = 0;
  settledTokens = 0;
  waiters: Waiter[] = [];
  timer: NodeJS.Timeout | null = null;
}

/**
 * An in-process sliding-window limiter. A call occupies its window from the moment it is let through
 * until `windowMs` after it finished, so however long the network takes, the provider never sees more
 * than the limit arrive in any window. Token use is estimated up front and corrected when the call
 * settles. Waiters are served first come, first served.
 */
export class SlidingWindowRateLimiter implements RateLimiter {
  private readonly rpm: number;
  private readonly tpm: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly windows = new Map<string, Window>();

  constructor(limits: RateLimits) {
    this.rpm = limits.requestsPerMinute ?? Number.POSITIVE_INFINITY;
    this.tpm = limits.tokensPerMinute ?? Number.POSITIVE_INFINITY;
    this.windowMs = limits.windowMs ?? 60_000;
    // Monotonic and sub-millisecond: window edges must not move with wall-clock adjustments.
    this.now = limits.now ?? (() => performance.now());
    if (!(this.rpm > 0) || !(this.tpm > 0) || !(this.windowMs > 0)) {
      throw new SidError('invalid_argument', 'rate limits must be positive numbers');
    }
  }

  acquire(request: RateLimitRequest): Promise<RateLimitLease> {
    if (request.signal?.aborted) return Promise.reject(request.signal.reason);
    const window = this.windowFor(request.key);
    return new Promise<RateLimitLease>((resolve, reject) => {
      const waiter: Waiter = {
        tokens: Math.max(0, request.tokens),
        resolve,
        reject,
        signal: request.signal,
        onAbort: () => {
          const index = window.waiters.indexOf(waiter);
          if (index >= 0) window.waiters.splice(index, 1);
          reject(request.signal?.reason);
          this.pump(window);
        },
      };
      request.signal?.addEventListener('abort', waiter.onAbort, { once: true });
      window.waiters.push(waiter);
      this.pump(window);
    });
  }

  private windowFor(key: string): Window {
    let window = this.windows.get(key);
    if (!window) {
      window = new Window();
      this.windows.set(key, window);
    }
    return window;
  }

  private prune(window: Window, now: number): void {
    while (window.head < window.settled.length && (window.settled[window.head] as Held).expiresAt <= now) {
      window.settledTokens -= (window.settled[window.head] as Held).tokens;
      window.head++;
    }
    if (window.head > 1024 && window.head * 2 > window.settled.length) {
      window.settled = window.settled.slice(window.head);
      window.head = 0;
    }
  }

  private fits(window: Window, tokens: number): boolean {
    const count = window.inFlight + window.settled.length - window.head;
    const used = window.inFlightTokens + window.settledTokens;
    // A single call larger than the whole token limit may still go alone, or it would wait forever.
    return count < this.rpm && (used + tokens <= this.tpm || count === 0);
  }

  private pump(window: Window): void {
    const now = this.now();
    this.prune(window, now);
    while (window.waiters.length > 0 && this.fits(window, (window.waiters[0] as Waiter).tokens)) {
      const waiter = window.waiters.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.grant(window, waiter.tokens));
    }
    if (window.timer) {
      clearTimeout(window.timer);
      window.timer = null;
    }
    // Only settled calls age out on a timer; calls in flight wake the pump when they settle.
    if (window.waiters.length > 0 && window.head < window.settled.length) {
      const next = (window.settled[window.head] as Held).expiresAt;
      window.timer = setTimeout(() => this.pump(window), Math.max(1, next - now));
    }
  }

  private grant(window: Window, tokens: number): RateLimitLease {
    window.inFlight++;
    window.inFlightTokens += tokens;
    let settled = false;
    return {
      settle: (actualTokens: number) => {
        if (settled) return;
        settled = true;
        window.inFlight--;
        window.inFlightTokens -= tokens;
        const held = { tokens: Math.max(0, actualTokens), expiresAt: this.now() + this.windowMs };
        window.settled.push(held);
        window.settledTokens += held.tokens;
        this.pump(window);
      },
    };
  }
}

/**
 * Tokens a request is assumed to use before it is sent: its prompt (or the texts to embed) plus
 * `maxOutputTokens`, or `defaultOutputTokens` when it sets none. The lease corrects it afterwards.
 */
export function estimateRequestTokens(request: AnyRequest, defaultOutputTokens: number): number {
  if ('texts' in request) return request.texts.reduce((n, t) => n + estimateTokens(t), 0);
  let input = estimateTokens(request.system ?? '');
  for (const m of request.messages) input += estimateTokens(m.content) + 4;
  return input + (request.maxOutputTokens ?? defaultOutputTokens);
}
