import { describe, expect, it } from 'vitest';
import { runSandboxed } from '../src/sandbox/run-sandboxed.js';
import { FakeBody } from './helpers/fake-body.js';

const limits = { timeoutMs: 1500, memoryMb: 32 };

describe('sandbox: ordinary skills', () => {
  it('runs an async function against the bot primitives and records the calls', async () => {
    const body = new FakeBody();
    const result = await runSandboxed({
      body,
      params: { logs: 2 },
      limits,
      source: `async function makeSticks(bot, params) {
        await bot.collect('oak_log', params.logs);
        const planks = await bot.craft('oak_planks', 8);
        const sticks = await bot.craft('stick', 4);
        bot.log('made', sticks.changes.items.stick, 'sticks');
        return { planks: planks.ok, sticks: sticks.ok };
      }`,
    });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.value).toEqual({ planks: true, sticks: true });
    expect(body.inventory.get('stick')).toBe(4);
    expect(result.calls.map((c) => c.primitive)).toEqual(['collect', 'craft', 'craft']);
    expect(result.calls[2]?.outcome?.ok).toBe(true);
    expect(result.logs).toEqual(['made 4 sticks']);
  });

  it('reports bad primitive arguments with the argument at fault', async () => {
    const result = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: `async function bad(bot) { await bot.craft('stick', -3); }`,
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('runtime_error');
    expect(result.error?.message).toMatch(/bad arguments to bot\.craft: 1: /);
  });

  it('seeds Math.random so runs replay identically', async () => {
    const source = 'async function roll(bot) { return [Math.random(), Math.random()]; }';
    const a = await runSandboxed({ body: new FakeBody(), limits, source, seed: 'ann' });
    const b = await runSandboxed({ body: new FakeBody(), limits, source, seed: 'ann' });
    const c = await runSandboxed({ body: new FakeBody(), limits, source, seed: 'bob' });
    expect(a.value).toEqual(b.value);
    expect(a.value).not.toEqual(c.value);
    for (const x of a.value as number[]) expect(x >= 0 && x < 1).toBe(true);
  });

  it('reports syntax errors and missing entry functions', async () => {
    const syntax = await runSandboxed({ body: new FakeBody(), limits, source: 'async function f(bot) { return ( }' });
    expect(syntax.error?.code).toBe('syntax_error');
    const none = await runSandboxed({ body: new FakeBody(), limits, source: 'const x = 1;' });
    expect(none.error?.code).toBe('no_function');
  });

  it('caps the number of primitive calls', async () => {
    const result = await runSandboxed({
      body: new FakeBody('spammer', 0),
      limits: { ...limits, maxCalls: 20 },
      source: `async function spam(bot) { for (;;) await bot.chat('hi'); }`,
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('bridge_limit');
    expect(result.calls).toHaveLength(20);
  });
});

describe('sandbox: bot.skill', () => {
  it('runs a host-side skill when the run offers one, and says so clearly when it does not', async () => {
    const asked: string[] = [];
    const offered = await runSandboxed({
      body: new FakeBody(),
      limits,
      callSkill: async (name, params) => {
        asked.push(`${name} ${JSON.stringify(params)}`);
        return { ok: true, observed: { items: { wooden_pickaxe: 1 } } };
      },
      source: `async function f(bot) { const r = await bot.skill('makeWoodenPickaxe', { count: 1 }); return r.observed.items; }`,
    });
    expect(offered.value).toEqual({ wooden_pickaxe: 1 });
    expect(asked).toEqual(['makeWoodenPickaxe {"count":1}']);
    const missing = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: `async function f(bot) { await bot.skill('makeWoodenPickaxe'); }`,
    });
    expect(missing.error?.message).toMatch(/bot\.skill is not available in this run/);
  });
});

describe('sandbox: hostile code is stopped with a clear error and the host keeps running', () => {
  async function hostStaysResponsive<T>(work: Promise<T>): Promise<{ value: T; ticks: number }> {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    try {
      return { value: await work, ticks };
    } finally {
      clearInterval(timer);
    }
  }

  it('an infinite loop times out while another agent finishes its skill', async () => {
    const looping = runSandboxed({
      body: new FakeBody('looper'),
      limits,
      source: 'async function f(bot) { while (true) {} }',
    });
    const goodBody = new FakeBody('neighbour');
    const good = runSandboxed({
      body: goodBody,
      limits,
      source: `async function ok(bot) { await bot.collect('oak_log', 3); return 'done'; }`,
    });
    const { value, ticks } = await hostStaysResponsive(Promise.all([looping, good]));
    const [loopResult, goodResult] = value;
    expect(loopResult.ok).toBe(false);
    expect(loopResult.error?.code).toBe('timeout');
    expect(loopResult.error?.message).toMatch(/did not finish within 1500 ms|ran too long/);
    expect(goodResult.ok).toBe(true);
    expect(goodResult.value).toBe('done');
    expect(goodResult.wallMs).toBeLessThan(1000);
    expect(goodBody.inventory.get('oak_log')).toBe(3);
    // The host event loop ran throughout: a 20 ms interval fired many times during the 1.5 s loop.
    expect(ticks).toBeGreaterThan(20);
  });

  it('an infinite loop after an await is cut off by the wall-time limit', async () => {
    const { value, ticks } = await hostStaysResponsive(
      runSandboxed({
        body: new FakeBody(),
        limits,
        source: `async function f(bot) { await bot.chat('starting'); let i = 0; for (;;) { i++; } }`,
      }),
    );
    expect(value.error?.code).toBe('timeout');
    expect(value.calls).toHaveLength(1);
    expect(ticks).toBeGreaterThan(20);
  });

  it('a memory bomb is killed at the memory limit', async () => {
    const result = await runSandboxed({
      body: new FakeBody(),
      limits: { timeoutMs: 10_000, memoryMb: 16 },
      source: `async function bomb(bot) { const hoard = []; for (;;) hoard.push(new Array(100000).fill('x'.repeat(10))); }`,
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('memory_limit');
    expect(result.error?.message).toMatch(/memory/);
    expect(result.wallMs).toBeLessThan(10_000);
  });

  it("require('fs') does not exist", async () => {
    const result = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: `async function steal(bot) { const fs = require('fs'); return fs.readFileSync('/etc/passwd', 'utf8'); }`,
    });
    expect(result.error?.code).toBe('runtime_error');
    expect(result.error?.message).toMatch(/ReferenceError: require is not defined/);
    expect(result.error?.message).toMatch(/only the bot primitives exist/);
  });

  it('dynamic import is refused', async () => {
    const result = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: `async function steal(bot) { const fs = await import('node:fs'); return typeof fs; }`,
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('runtime_error');
  });

  it('process.exit() does not exist and the host process survives', async () => {
    const result = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: 'async function quit(bot) { process.exit(1); }',
    });
    expect(result.error?.code).toBe('runtime_error');
    expect(result.error?.message).toMatch(/process is not defined/);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('timers and network do not exist', async () => {
    const timers = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: 'async function wait(bot) { await new Promise((r) => setTimeout(r, 10)); }',
    });
    expect(timers.error?.message).toMatch(/setTimeout is not defined/);
    const net = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: `async function call(bot) { return await fetch('http://example.com'); }`,
    });
    expect(net.error?.message).toMatch(/fetch is not defined/);
  });

  it('globalThis tampering cannot replace the bridge and does not reach the host', async () => {
    const replace = await runSandboxed({
      body: new FakeBody(),
      limits,
      source: `async function hijack(bot) { globalThis.bot = { craft: async () => ({ ok: true }) }; }`,
    });
    expect(replace.error?.code).toBe('runtime_error');
    expect(replace.error?.message).toMatch(/TypeError: Cannot assign to read only property 'bot'/);

    // Deleting the globals the bridge uses does not break it: it keeps its own references.
    const body = new FakeBody();
    const vandal = await runSandboxed({
      body,
      limits,
      source: `async function vandal(bot) {
        delete globalThis.JSON; globalThis.Promise = null; globalThis.Array = null;
        globalThis.leak = 'from the sandbox';
        const r = await bot.collect('oak_log', 2);
        return r.ok;
      }`,
    });
    expect(vandal.value).toBe(true);
    expect(body.inventory.get('oak_log')).toBe(2);
    expect((globalThis as Record<string, unknown>).leak).toBeUndefined();
    expect(typeof JSON.parse).toBe('function');

    // A fresh isolate per run: the next run sees clean globals.
    const next = await runSandboxed({ body, limits, source: 'async function look(bot) { return typeof JSON; }' });
    expect(next.value).toBe('object');
  });

  it('prototype pollution of the bridge throws and leaves the host and the next run untouched', async () => {
    const attempts = [
      `Object.prototype.polluted = 'yes'`,
      `Object.getPrototypeOf(bot) === null ? Object.setPrototypeOf(bot, { craft: 1 }) : 0`,
      `bot.craft = async () => ({ ok: true })`,
      `Function.prototype.apply = () => 'owned'`,
      `Promise.prototype.then = function () { return 'owned'; }`,
      `Array.prototype.filter = () => []`,
      `JSON.stringify = () => '{}'`,
      `Object.defineProperty(bot, 'collect', { value: () => 1 })`,
    ];
    for (const attempt of attempts) {
      const result = await runSandboxed({
        body: new FakeBody(),
        limits,
        source: `async function pollute(bot) { ${attempt}; return 'polluted'; }`,
      });
      expect(result.ok, attempt).toBe(false);
      expect(result.error?.code, attempt).toBe('runtime_error');
      expect(result.error?.message, attempt).toMatch(/TypeError/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const body = new FakeBody();
    const clean = await runSandboxed({
      body,
      limits,
      source: `async function check(bot) { const r = await bot.collect('oak_log', 1); return [({}).polluted ?? null, r.ok]; }`,
    });
    expect(clean.value).toEqual([null, true]);
  });

  it('a promise that never resolves is stopped by the wall-time limit', async () => {
    const { value, ticks } = await hostStaysResponsive(
      runSandboxed({
        body: new FakeBody(),
        limits,
        source: 'async function hang(bot) { await new Promise(() => {}); }',
      }),
    );
    expect(value.ok).toBe(false);
    expect(value.error?.code).toBe('timeout');
    expect(value.error?.message).toMatch(/never settles/);
    expect(value.wallMs).toBeGreaterThanOrEqual(1400);
    expect(ticks).toBeGreaterThan(20);
  });

  it('many agents at once: every hostile run is stopped, every ordinary run finishes', async () => {
    const hostile = [
      'async function a(bot) { for (;;) {} }',
      'async function b(bot) { const x = []; for (;;) x.push(new Array(100000).fill(1)); }',
      'async function c(bot) { await new Promise(() => {}); }',
      "async function d(bot) { require('child_process').execSync('rm -rf /'); }",
      "async function e(bot) { Object.prototype.then = () => 'owned'; }",
    ];
    const bodies = Array.from({ length: 10 }, (_, i) => new FakeBody(`agent${i}`));
    const runs = bodies.map((body, i) =>
      runSandboxed({
        body,
        limits: { timeoutMs: 1500, memoryMb: 16 },
        source:
          i % 2 === 0
            ? (hostile[i / 2] as string)
            : `async function work(bot) { await bot.collect('oak_log', ${i}); return ${i}; }`,
      }),
    );
    const results = await Promise.all(runs);
    for (const [i, result] of results.entries()) {
      if (i % 2 === 0) {
        expect(result.ok, `hostile ${i}`).toBe(false);
        expect(['timeout', 'memory_limit', 'runtime_error'], `hostile ${i}`).toContain(result.error?.code);
      } else {
        expect(result.value, `agent ${i}`).toBe(i);
        expect(bodies[i]?.inventory.get('oak_log')).toBe(i);
        expect(result.wallMs, `agent ${i}`).toBeLessThan(1000);
      }
    }
  });

  it('an abort signal stops a run at once', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await runSandboxed({
      body: new FakeBody(),
      limits: { ...limits, timeoutMs: 10_000 },
      signal: controller.signal,
      source: 'async function f(bot) { for (;;) {} }',
    });
    expect(result.error?.code).toBe('aborted');
    expect(result.wallMs).toBeLessThan(2000);
  });
});
