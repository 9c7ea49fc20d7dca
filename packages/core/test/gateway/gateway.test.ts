import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  attachGatewayToSociety,
  BudgetExceededError,
  backoffDelay,
  CassetteReplay,
  createLogger,
  createModelGateway,
  createScriptedModel,
  createSociety,
  defineModule,
  estimateGatewayCost,
  ModelCallError,
  PRIORITY,
  parseCassette,
  parseRetryAfter,
  type ScriptedCall,
} from '../../src/index.js';

const ask = (content: string, meta: Record<string, string> = {}) => ({
  messages: [{ role: 'user' as const, content }],
  meta,
});

describe('model gateway with in-process models', () => {
  it('routes by tier and module, with the default tier as the catch-all', async () => {
    const strong = createScriptedModel(() => 'strong', 'strong-model');
    const cheap = createScriptedModel(() => 'cheap', 'cheap-model');
    const gateway = createModelGateway({ model: cheap, routes: { strong }, moduleTiers: { reflection: 'strong' } });
    expect((await gateway.generateText(ask('x', { tier: 'strong' }))).text).toBe('strong');
    expect((await gateway.generateText(ask('x', { module: 'reflection' }))).text).toBe('strong');
    expect((await gateway.generateText(ask('x', { tier: 'unknown' }))).text).toBe('cheap');
    expect(gateway.routeFor('talking', 'strong')).toEqual({ tier: 'strong', models: ['strong-model'] });
    expect(gateway.offline).toBe(true);
  });

  it('fails clearly when a tier has no route, when specs need a resolver, and with no model at all', async () => {
    const gateway = createModelGateway({ routes: { strong: createScriptedModel(() => 's') } });
    await expect(gateway.generateText(ask('x', { tier: 'cheap' }))).rejects.toThrow(/no model for tier "cheap"/);
    expect(() => createModelGateway({ tiers: { default: 'openai:gpt-4o' } })).toThrow(/resolveModel/);
    expect(() => createModelGateway({})).toThrow(/no model/);
    const planner = defineModule({ name: 'planner', cadenceMs: 1000, tier: 'cheap', run: () => {} });
    const society = createSociety({ model: gateway, agents: [{ id: 'a', modules: [planner] }] });
    expect(() => attachGatewayToSociety(gateway, society)).toThrow(/agent "a", module "planner".*tier "cheap"/);
  });

  it('repairs invalid structured output once with the validation error in the prompt', async () => {
    const seen: ScriptedCall[] = [];
    const model = createScriptedModel((call) => {
      seen.push(call);
      return seen.length === 1 ? { n: 'one' } : { n: 1 };
    });
    const gateway = createModelGateway({ model });
    const result = await gateway.generateObject({ ...ask('n?'), schema: z.object({ n: z.number() }), schemaName: 'n' });
    expect(result.object).toEqual({ n: 1 });
    const repair = seen[1]?.request.messages.at(-1)?.content ?? '';
    expect(repair).toMatch(/not a valid "n" object[\s\S]*n: /);
  });

  it('carries spending over a snapshot and restore, so budgets survive a checkpoint', async () => {
    const model = createScriptedModel(() => 'x'.repeat(400)); // ~100 tokens a call
    const before = createModelGateway({ model, budgets: { perAgent: { tokens: 60 } } });
    await before.generateText(ask('q', { agentId: 'a' }));
    const snapshot = JSON.parse(JSON.stringify(before.usageSnapshot()));
    const after = createModelGateway({ model, budgets: { perAgent: { tokens: 60 } } });
    after.restoreUsage(snapshot);
    expect(after.usage()).toEqual(before.usage());
    await expect(after.generateText(ask('q', { agentId: 'a' }))).rejects.toBeInstanceOf(BudgetExceededError);
  });

  it('backs off exponentially with equal jitter, and never less than Retry-After', () => {
    const options = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
    expect(backoffDelay(1, undefined, { ...options, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, undefined, { ...options, random: () => 0.999 })).toBeCloseTo(400, 0);
    expect(backoffDelay(10, undefined, { ...options, random: () => 0 })).toBe(500);
    const limited = new ModelCallError('429', { kind: 'rate_limit', model: 'm', retryAfterMs: 3000 });
    expect(backoffDelay(1, limited, { ...options, random: () => 0 })).toBe(3000);
    expect(parseRetryAfter({ 'Retry-After': '2' })).toBe(2000);
    expect(parseRetryAfter({ 'retry-after-ms': '150' })).toBe(150);
    expect(parseRetryAfter({ 'retry-after': new Date(Date.now() + 10_000).toUTCString() })).toBeGreaterThan(8000);
  });

  it('expires cached answers after their TTL', async () => {
    let now = 0;
    let n = 0;
    const gateway = createModelGateway({
      model: createScriptedModel(() => `answer ${++n}`),
      cache: { ttlMs: 1000 },
      now: () => now,
    });
    expect((await gateway.generateText(ask('q'))).text).toBe('answer 1');
    expect((await gateway.generateText(ask('q'))).text).toBe('answer 1');
    now = 1500;
    expect((await gateway.generateText(ask('q'))).text).toBe('answer 2');
    expect(gateway.usage().cacheHitRatio).toBeCloseTo(1 / 3);
  });
});

describe('model gateway in a society', () => {
  const chatter = defineModule({
    name: 'talking',
    cadenceMs: 1000,
    priority: PRIORITY.talking,
    async run(ctx) {
      await ctx.model.generateText({ messages: [{ role: 'user', content: 'hello '.repeat(20) }] });
    },
  });

  it('logs model.call events and a budget_exceeded event, then refuses to spend', async () => {
    const gateway = createModelGateway({ model: createScriptedModel(() => 'hi'), budgets: { run: { tokens: 100 } } });
    const society = createSociety({
      seed: 3,
      model: gateway,
      logger: createLogger('silent'),
      agents: [{ id: 'ada', modules: [chatter] }],
    });
    attachGatewayToSociety(gateway, society);
    await society.runFor(10_000);
    await society.stop();
    const events = await society.events.read();
    const calls = events.filter((e) => e.type === 'model.call');
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls[0]).toMatchObject({ agentId: 'ada', data: { module: 'talking', model: 'scripted', ok: true } });
    const exceeded = events.filter((e) => e.type === 'custom' && e.data.name === 'model.budget_exceeded');
    expect(exceeded).toHaveLength(1);
    expect(exceeded[0]).toMatchObject({ data: { data: { scope: 'run', limitTokens: 100 } } });
    const failedRuns = events.filter((e) => e.type === 'module.run' && !e.data.ok);
    expect(failedRuns.length).toBeGreaterThan(0);
    expect(failedRuns[0]?.type === 'module.run' && failedRuns[0].data.error).toMatch(/BudgetExceededError/);
    const spent = gateway.usage().total;
    expect(spent.inputTokens + spent.outputTokens).toBeGreaterThanOrEqual(100);
    await expect(gateway.generateText(ask('more'))).rejects.toBeInstanceOf(BudgetExceededError);
  });

  it('ranks calls by the calling module instance priority from the society', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const model = createScriptedModel(async (call) => {
      const module = call.request.meta?.module ?? '';
      if (module === 'blocker') await gate;
      order.push(module);
      return 'ok';
    });
    const gateway = createModelGateway({ model, concurrency: 1 });
    const mk = (name: string, priority: number) => defineModule({ name, triggers: ['never'], priority, run: () => {} });
    const society = createSociety({
      model: gateway,
      agents: [{ id: 'a', modules: [mk('blocker', 1), mk('low', 10), mk('custom-cc', 95), mk('mid', 55)] }],
    });
    attachGatewayToSociety(gateway, society);
    const first = gateway.generateText(ask('b', { agentId: 'a', module: 'blocker' }));
    const rest = ['low', 'mid', 'custom-cc'].map((module) =>
      gateway.generateText(ask(module, { agentId: 'a', module })),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await Promise.all([first, ...rest]);
    expect(order).toEqual(['blocker', 'custom-cc', 'mid', 'low']);
  });

  it('estimates a run’s cost from cadences, tiers and prices', () => {
    const gateway = createModelGateway({
      routes: {
        strong: createScriptedModel(() => '', 'openai:gpt-4o'),
        default: createScriptedModel(() => '', 'openai:mini'),
      },
      prices: { 'openai:gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 } },
    });
    const controller = defineModule({ name: 'cc', cadenceMs: 2000, tier: 'strong', run: () => {} });
    const talk = defineModule({ name: 'talk', cadenceMs: 1000, tier: 'cheap', run: () => {} });
    const reflex = defineModule({ name: 'reflex', cadenceMs: 500, run: () => {} });
    const onChat = defineModule({ name: 'reply', triggers: ['chat.received'], tier: 'cheap', run: () => {} });
    const agents = Array.from({ length: 10 }, () => ({
      modules: [controller, talk, reflex, onChat].map((m) => m.with({})),
    }));
    const estimate = estimateGatewayCost(gateway, {
      agents,
      durationMs: 60_000,
      tokensPerCall: { default: { input: 1000, output: 100 } },
    });
    expect(estimate.modules.map((m) => [m.module, m.model, m.calls])).toEqual([
      ['cc', 'openai:gpt-4o', 300],
      ['talk', 'openai:mini', 600],
    ]);
    expect(estimate.costUsd).toBeCloseTo((300 * (1000 * 2.5 + 100 * 10)) / 1e6, 10);
    expect(estimate.requestsPerMinute).toBe(900);
    expect(estimate.triggerOnly).toEqual(['reply']);
    expect(estimate.unpricedModels).toEqual(['openai:mini']);
  });

  it('reports a bad cassette line by number', () => {
    expect(() => parseCassette('{"v":1}\n', 'run.jsonl')).toThrow(/run\.jsonl:1: invalid entry/);
    expect(() => parseCassette('\nnot json', 'run.jsonl')).toThrow(/run\.jsonl:2: not JSON/);
    expect(new CassetteReplay([]).remaining).toBe(0);
  });
});
