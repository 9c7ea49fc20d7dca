import { describe, expect, it } from 'vitest';
import { ModelCallError } from '../../src/gateway/model-call-error.js';
import { type RetryEvent, withRetries } from '../../src/gateway/retry-policy.js';

const options = { maxRetries: 2, baseDelayMs: 20, maxDelayMs: 1000, maxRetryAfterMs: 1000, random: () => 0 };
const transient = () => new ModelCallError('overloaded', { kind: 'server', model: 'm', status: 503 });

describe('withRetries', () => {
  it('retries transient failures with growing backoff, then gives up with the last error', async () => {
    const events: RetryEvent[] = [];
    const starts: number[] = [];
    const error = transient();
    await expect(
      withRetries(
        async () => {
          starts.push(performance.now());
          throw error;
        },
        options,
        undefined,
        (e) => events.push(e),
      ),
    ).rejects.toBe(error);
    expect(starts).toHaveLength(3);
    // Equal jitter with random() = 0 gives half the nominal delay: 10 ms, then 20 ms.
    expect(events.map((e) => [e.attempt, e.delayMs])).toEqual([
      [1, 10],
      [2, 20],
    ]);
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(9);
    expect((starts[2] as number) - (starts[1] as number)).toBeGreaterThanOrEqual(19);
  });

  it('does not retry an error that is not transient', async () => {
    let attempts = 0;
    const error = new ModelCallError('bad key', { kind: 'auth', model: 'm', status: 401 });
    await expect(
      withRetries(
        async () => {
          attempts++;
          throw error;
        },
        options,
        undefined,
        () => {},
      ),
    ).rejects.toBe(error);
    expect(attempts).toBe(1);
  });

  it('stops waiting as soon as the caller aborts during a backoff', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const started = performance.now();
    const run = withRetries(
      async () => {
        attempts++;
        throw transient();
      },
      { ...options, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      controller.signal,
      () => setTimeout(() => controller.abort(new Error('caller gave up')), 5),
    );
    await expect(run).rejects.toThrow('caller gave up');
    expect(attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
