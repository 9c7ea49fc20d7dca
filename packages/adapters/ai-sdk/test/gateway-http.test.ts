import {
  BudgetExceededError,
  createModelGateway,
  type GatewayCallRecord,
  type GatewayNotice,
  type ModelGatewayOptions,
} from '@sid/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModelFromSpec } from '../src/index.js';
import { startWireServer, type WireServer } from './support/openai-wire-server.js';

// The gateway in front of real AI SDK clients talking HTTP to a local wire-format test server.
// Timing assertions are lower bounds and orderings only, so a loaded machine cannot make them flake.

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

const env = { OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k' };
const openai = () => createModelFromSpec(`openai:gpt-4o@${server.url}`, { env });
const anthropic = () => createModelFromSpec(`anthropic:claude-sonnet-4-0@${server.url}`, { env });
const fast = { retry: { baseDelayMs: 20, maxDelayMs: 1000 }, timeoutMs: 5000 } satisfies ModelGatewayOptions;
const ask = (content: string, module = 'talking', agentId = 'a1') => ({
  messages: [{ role: 'user' as const, content }],
  maxOutputTokens: 50,
  meta: { agentId, module },
});
const goal = z.object({ goal: z.string(), steps: z.array(z.string()).min(1) });

function watch(gateway: ReturnType<typeof createModelGateway>) {
  const calls: GatewayCallRecord[] = [];
  const notices: GatewayNotice[] = [];
  gateway.onCall((c) => calls.push(c));
  gateway.onNotice((n) => notices.push(n));
  return { calls, notices };
}

const gaps = (s: WireServer) => s.requests.slice(1).map((r, i) => r.at - (s.requests[i]?.at ?? 0));

describe('gateway over HTTP: retries', () => {
  it('retries 500 and 503 with growing, jittered backoff, then succeeds', async () => {
    const gateway = createModelGateway({ ...fast, model: openai() });
    const { calls, notices } = watch(gateway);
    server.fault({ type: 'status', status: 500 }, { type: 'status', status: 503 });
    const result = await gateway.generateText(ask('hi'));
    expect(result.text).toBe('echo: hi');
    expect(server.requests.map((r) => r.fault)).toEqual(['status', 'status', null]);
    const [first, second] = gaps(server);
    // Equal jitter: retry n waits at least half of base * 2^(n-1) (less 1 ms of timer rounding).
    expect(first).toBeGreaterThanOrEqual(9);
    expect(second).toBeGreaterThanOrEqual(19);
    expect(notices.filter((n) => n.type === 'retry').map((n) => (n as { attempt: number }).attempt)).toEqual([1, 2]);
    expect(calls).toMatchObject([{ ok: true, attempts: 3, module: 'talking', agentId: 'a1' }]);
  });

  it('honours Retry-After on 429', async () => {
    const gateway = createModelGateway({ ...fast, model: openai() });
    server.fault({ type: 'status', status: 429, retryAfter: '0.25' });
    await gateway.generateText(ask('hi'));
    expect(server.requests).toHaveLength(2);
    expect(gaps(server)[0]).toBeGreaterThanOrEqual(240);
  });

  it('gives up on a silent server after the per-call timeout, then retries', async () => {
    const gateway = createModelGateway({ ...fast, timeoutMs: 150, model: openai() });
    const { calls } = watch(gateway);
    server.fault({ type: 'timeout' });
    const result = await gateway.generateText(ask('slow?'));
    expect(result.text).toBe('echo: slow?');
    expect(gaps(server)[0]).toBeGreaterThanOrEqual(149);
    expect(calls[0]?.attempts).toBe(2);
  });

  it('retries connection resets and malformed JSON bodies, and waits out slow answers', async () => {
    const gateway = createModelGateway({ ...fast, model: openai() });
    server.fault({ type: 'reset' }, { type: 'malformed' }, { type: 'slow', ms: 60 });
    const result = await gateway.generateText(ask('x'));
    expect(result.text).toBe('echo: x');
    expect(server.requests.map((r) => r.fault)).toEqual(['reset', 'malformed', 'slow']);
  });

  it('does not retry a 400', async () => {
    const gateway = createModelGateway({ ...fast, model: openai() });
    server.fault({ type: 'status', status: 400, message: 'bad prompt' });
    await expect(gateway.generateText(ask('x'))).rejects.toMatchObject({ kind: 'bad_request' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('gateway over HTTP: circuit breaker and fallback', () => {
  it('opens after consecutive faults, fails fast while open, closes after a good trial call', async () => {
    const gateway = createModelGateway({
      ...fast,
      retry: { maxRetries: 0 },
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 150 },
      model: openai(),
    });
    const { notices } = watch(gateway);
    server.fault({ type: 'status', status: 500 }, { type: 'status', status: 503 });
    await expect(gateway.generateText(ask('1'))).rejects.toMatchObject({ status: 500 });
    await expect(gateway.generateText(ask('2'))).rejects.toMatchObject({ status: 503 });
    expect(gateway.breakerStates()).toEqual({ [`openai@${server.url}`]: 'open' });
    await expect(gateway.generateText(ask('3'))).rejects.toMatchObject({ code: 'circuit_open' });
    expect(server.requests).toHaveLength(2); // failed fast: the provider was not called
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await gateway.generateText(ask('4'))).text).toBe('echo: 4');
    expect(server.requests).toHaveLength(3);
    expect(notices.filter((n) => n.type === 'breaker').map((n) => (n as { state: string }).state)).toEqual([
      'open',
      'half_open',
      'closed',
    ]);
  });

  it('falls back to the next model of the chain when the first fails for good', async () => {
    const gateway = createModelGateway({
      ...fast,
      retry: { maxRetries: 1, baseDelayMs: 5 },
      model: [openai(), anthropic()],
    });
    const { calls, notices } = watch(gateway);
    server.fault({ type: 'status', status: 503 }, { type: 'status', status: 503 });
    const result = await gateway.generateText(ask('fb'));
    expect(result.model).toBe(`anthropic:claude-sonnet-4-0@${server.url}`);
    expect(server.requests.map((r) => r.api)).toEqual(['openai', 'openai', 'anthropic']);
    expect(notices.find((n) => n.type === 'fallback')).toMatchObject({
      from: `openai:gpt-4o@${server.url}`,
      to: `anthropic:claude-sonnet-4-0@${server.url}`,
    });
    expect(calls[0]).toMatchObject({ ok: true, attempts: 3, model: result.model });
  });
});

describe('gateway over HTTP: structured output', () => {
  it('repairs truncated output once, showing the model the validation error', async () => {
    const gateway = createModelGateway({ ...fast, model: openai() });
    const { notices } = watch(gateway);
    server.answers.object = () => ({ goal: 'craft a pickaxe', steps: ['get wood', 'make planks'] });
    server.fault({ type: 'truncated' });
    const result = await gateway.generateObject({ ...ask('plan'), schema: goal, schemaName: 'goal' });
    expect(result.object.steps).toEqual(['get wood', 'make planks']);
    expect(server.requests).toHaveLength(2);
    const repair = server.requests[1]?.texts ?? [];
    const full = JSON.stringify({ goal: 'craft a pickaxe', steps: ['get wood', 'make planks'] });
    expect(repair.at(-2)).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(repair.at(-1)).toMatch(/not a valid "goal" object[\s\S]*validation error/);
    expect(notices.some((n) => n.type === 'repair')).toBe(true);
    // The failed first answer still cost tokens: both are accounted.
    const total = server.totalUsage();
    expect(result.usage).toEqual({ inputTokens: total.input, outputTokens: total.output });
  });

  it('repairs a schema-invalid object on Anthropic too, and fails clearly after one repair', async () => {
    const gateway = createModelGateway({ ...fast, model: anthropic() });
    server.answers.object = () => ({ goal: 'fish', steps: ['find water'] });
    server.fault({ type: 'invalid', object: { goal: 3 } });
    expect((await gateway.generateObject({ ...ask('p'), schema: goal, schemaName: 'goal' })).object.goal).toBe('fish');
    server.fault({ type: 'invalid', object: { goal: 3 } }, { type: 'invalid', object: { steps: [] } });
    await expect(gateway.generateObject({ ...ask('q'), schema: goal, schemaName: 'goal' })).rejects.toMatchObject({
      kind: 'invalid_output',
    });
    expect(server.requests).toHaveLength(4);
  });
});

describe('gateway over HTTP: priority and limits', () => {
  it('serves higher-priority modules first under contention', async () => {
    const gateway = createModelGateway({ ...fast, concurrency: 1, model: openai() });
    server.latencyMs = 40;
    const blocker = gateway.generateText(ask('blocker', 'reflection'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const order = ['reflection', 'planning', 'social', 'talking', 'controller'];
    await Promise.all([blocker, ...order.map((module) => gateway.generateText(ask(module, module)))]);
    expect(server.requests.map((r) => r.texts.at(-1))).toEqual([
      'blocker',
      'controller',
      'talking',
      'social',
      'planning',
      'reflection',
    ]);
  });

  it('keeps priority order while calls wait for the rate limit', async () => {
    const gateway = createModelGateway({
      ...fast,
      concurrency: 8,
      limits: { requestsPerMinute: 1, windowMs: 120 },
      model: openai(),
    });
    await gateway.generateText(ask('first', 'reflection')); // uses up the window
    // The first waiter holds the model's admission (not pre-empted); everyone behind it is ranked.
    const head = gateway.generateText(ask('head', 'reflection'));
    const order = ['reflection', 'planning', 'social', 'talking', 'controller'];
    await Promise.all([head, ...order.map((module) => gateway.generateText(ask(module, module)))]);
    expect(server.requests.map((r) => r.texts.at(-1))).toEqual([
      'first',
      'head',
      'controller',
      'talking',
      'social',
      'planning',
      'reflection',
    ]);
  });

  it('never lets more than the RPM limit arrive in any window', async () => {
    const windowMs = 300;
    const gateway = createModelGateway({ ...fast, limits: { requestsPerMinute: 4, windowMs }, model: openai() });
    await Promise.all(Array.from({ length: 10 }, (_, i) => gateway.generateText(ask(`r${i}`))));
    const arrivals = server.requests.map((r) => r.at);
    for (const start of arrivals) {
      expect(arrivals.filter((t) => t >= start && t < start + windowMs).length).toBeLessThanOrEqual(4);
    }
    expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(2 * windowMs);
  });

  it('never lets more than the TPM limit (by the server’s usage) arrive in any window', async () => {
    const windowMs = 300;
    // Each call really uses ~105 tokens (the server echoes a 200-character prompt) and is estimated
    // at 134 before it is sent (prompt + maxOutputTokens 80), so about two fit in a window.
    const tokensPerMinute = 250;
    const gateway = createModelGateway({ ...fast, limits: { tokensPerMinute, windowMs }, model: openai() });
    const prompt = (i: number) => ({ ...ask(`${i}`.padEnd(200, '.')), maxOutputTokens: 80 });
    await Promise.all(Array.from({ length: 7 }, (_, i) => gateway.generateText(prompt(i))));
    expect(server.requests).toHaveLength(7);
    for (const start of server.requests) {
      const inWindow = server.requests.filter((r) => r.at >= start.at && r.at < start.at + windowMs);
      expect(inWindow.reduce((n, r) => n + r.usage.input + r.usage.output, 0)).toBeLessThanOrEqual(tokensPerMinute);
    }
    const used = server.requests[0]?.usage;
    expect((used?.input ?? 0) + (used?.output ?? 0)).toBeGreaterThan(100);
    expect((server.requests.at(-1)?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(2 * windowMs);
  });
});

describe('gateway over HTTP: accounting, budgets, cache', () => {
  it('accounts tokens per agent, module and model exactly as the server reported them', async () => {
    const gateway = createModelGateway({
      ...fast,
      model: openai(),
      prices: { 'openai:gpt-4o': { inputPerMillion: 2, outputPerMillion: 8 } },
    });
    server.answers.object = () => ({ goal: 'g', steps: ['s'] });
    await gateway.generateText(ask('one', 'talking', 'a1'));
    await gateway.generateText(ask('two two', 'planning', 'a2'));
    await gateway.generateObject({ ...ask('three', 'planning', 'a1'), schema: goal, schemaName: 'goal' });
    await gateway.embed({ texts: ['four', 'five'], meta: { agentId: 'a2', module: 'memory' } });
    const usage = gateway.usage();
    const server_ = server.totalUsage();
    expect(usage.total.inputTokens).toBe(server_.input);
    expect(usage.total.outputTokens).toBe(server_.output);
    const [r0, r1, r2, r3] = server.requests.map((r) => r.usage);
    expect(usage.byAgent.a1?.inputTokens).toBe((r0?.input ?? 0) + (r2?.input ?? 0));
    expect(usage.byModule.planning?.outputTokens).toBe((r1?.output ?? 0) + (r2?.output ?? 0));
    expect(usage.byModel['openai:text-embedding-3-small']?.inputTokens).toBe(r3?.input);
    const chat = [r0, r1, r2].reduce((n, r) => n + (r?.input ?? 0) * 2 + (r?.output ?? 0) * 8, 0) / 1e6;
    expect(usage.total.costUsd).toBeCloseTo(chat, 12);
    expect(usage.unpricedModels).toEqual(['openai:text-embedding-3-small']);
  });

  it('stops spending when a budget runs out, with one clear notice and an error on every later call', async () => {
    const gateway = createModelGateway({ ...fast, model: openai(), budgets: { perAgent: { tokens: 40 } } });
    const { notices, calls } = watch(gateway);
    await gateway.generateText(ask('spend '.repeat(20), 'talking', 'rich'));
    const spent = server.totalUsage();
    expect(spent.input + spent.output).toBeGreaterThanOrEqual(40);
    await expect(gateway.generateText(ask('more', 'talking', 'rich'))).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(gateway.generateText(ask('more', 'talking', 'rich'))).rejects.toThrow(/agent "rich" is used up/);
    expect((await gateway.generateText(ask('other agent', 'talking', 'poor'))).text).toBe('echo: other agent');
    expect(server.requests).toHaveLength(2);
    expect(notices.filter((n) => n.type === 'budget.exceeded')).toEqual([
      expect.objectContaining({ scope: 'agent', agentId: 'rich', limitTokens: 40 }),
    ]);
    expect(calls.filter((c) => !c.ok)).toHaveLength(2);
  });

  it('answers identical requests from the cache when enabled, and reports the hit ratio', async () => {
    const gateway = createModelGateway({ ...fast, model: openai(), cache: { ttlMs: 60_000 } });
    const { calls } = watch(gateway);
    const first = await gateway.generateText(ask('same'));
    const second = await gateway.generateText(ask('same'));
    await gateway.generateText(ask('different'));
    expect(second.text).toBe(first.text);
    expect(server.requests).toHaveLength(2);
    expect(calls.map((c) => c.cached)).toEqual([false, true, false]);
    expect(gateway.usage().cacheHitRatio).toBeCloseTo(1 / 3);
  });
});
