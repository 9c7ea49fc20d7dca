import { describe, expect, it } from 'vitest';
import { SlidingWindowRateLimiter } from '../../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SlidingWindowRateLimiter', () => {
  it('lets at most the RPM limit through per window, first come first served', async () => {
    const limiter = new SlidingWindowRateLimiter({ requestsPerMinute: 3, windowMs: 120 });
    const granted: { i: number; at: number }[] = [];
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 7 }, async (_, i) => {
        const lease = await limiter.acquire({ key: 'm', tokens: 1 });
        granted.push({ i, at: performance.now() - start });
        await sleep(5);
        lease.settle(1);
      }),
    );
    expect(granted.map((g) => g.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // The 4th waits for the first three to finish and age out of the window.
    expect(granted[3]?.at).toBeGreaterThanOrEqual(120);
    expect(granted[6]?.at).toBeGreaterThanOrEqual(240);
  });

  it('counts estimated tokens while in flight and actual tokens once settled', async () => {
    const limiter = new SlidingWindowRateLimiter({ tokensPerMinute: 100, windowMs: 100 });
    const a = await limiter.acquire({ key: 'm', tokens: 60 });
    let second = false;
    const b = limiter.acquire({ key: 'm', tokens: 60 }).then((lease) => {
      second = true;
      return lease;
    });
    await sleep(10);
    expect(second).toBe(false); // 60 + 60 > 100 while the first is in flight
    a.settle(10); // it really used 10: 10 + 60 fits
    (await b).settle(0);
    expect(second).toBe(true);
  });

  it('keeps keys apart and lets an oversized call go alone', async () => {
    const limiter = new SlidingWindowRateLimiter({ requestsPerMinute: 1, tokensPerMinute: 10, windowMs: 50 });
    const x = await limiter.acquire({ key: 'x', tokens: 500 });
    const y = await limiter.acquire({ key: 'y', tokens: 1 });
    x.settle(500);
    y.settle(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const limiter = new SlidingWindowRateLimiter({ requestsPerMinute: 1, windowMs: 10_000 });
    (await limiter.acquire({ key: 'm', tokens: 0 })).settle(0);
    const controller = new AbortController();
    const waiting = limiter.acquire({ key: 'm', tokens: 0, signal: controller.signal });
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
  });
});
