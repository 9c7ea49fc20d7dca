import { describe, expect, it } from 'vitest';
import { AttemptTimeoutError, withTimeout } from '../../src/gateway/call-timeout.js';
import { createModelGateway, createScriptedModel } from '../../src/index.js';

describe('per-attempt timeout', () => {
  it('aborts the attempt signal and rejects at the deadline', async () => {
    let seen: AbortSignal | undefined;
    const started = performance.now();
    await expect(
      withTimeout(40, undefined, (signal) => {
        seen = signal;
        return new Promise(() => {}); // ignores the signal entirely
      }),
    ).rejects.toBeInstanceOf(AttemptTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(seen?.aborted).toBe(true);
  });

  it('follows the caller’s signal and leaves a finished attempt alone', async () => {
    const controller = new AbortController();
    const pending = withTimeout(10_000, controller.signal, () => new Promise(() => {}));
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
    let signal: AbortSignal | undefined;
    await expect(
      withTimeout(10_000, undefined, async (s) => {
        signal = s;
        return 7;
      }),
    ).resolves.toBe(7);
    expect(signal?.aborted).toBe(false);
  });

  it('turns a model that never answers into a timeout failure of the call', async () => {
    const gateway = createModelGateway({
      model: createScriptedModel(() => new Promise(() => {})),
      timeoutMs: 30,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    await expect(gateway.generateText({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      kind: 'timeout',
    });
  });
});
