import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAgent,
  createSociety,
  defineModule,
  type ModuleDefinition,
  type SchedulableAgent,
  Scheduler,
  VirtualClock,
} from '../src/index.js';

describe('Scheduler on the virtual clock', () => {
  it('never overlaps runs of one module on one agent and counts the skips (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 50, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 5, maxLength: 30 }),
        async (cadenceMs, durations) => {
          let active = 0;
          let maxActive = 0;
          let calls = 0;
          const slow = defineModule({
            name: 'slow',
            cadenceMs,
            async run(ctx) {
              const duration = durations[calls++ % durations.length] as number;
              active++;
              maxActive = Math.max(maxActive, active);
              await ctx.clock.sleep(duration);
              active--;
            },
          });
          const society = createSociety({ seed: 3, agents: [{ id: 'a', modules: [slow] }] });
          await society.runFor(20_000);
          const stats = society.stats().slow;
          expect(maxActive).toBe(1);
          expect(stats?.runs).toBeGreaterThan(0);
          // Every cadence tick either started a run or was counted as skipped.
          const ticks = Math.floor(20_000 / cadenceMs);
          expect((stats?.runs ?? 0) + (stats?.skipped ?? 0) + society.scheduler.running).toBeGreaterThanOrEqual(
            ticks - 1,
          );
          await society.stop();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keeps cadence exactly: runs are cadenceMs apart in clock time', async () => {
    const times: number[] = [];
    const tick = defineModule({
      name: 'tick',
      cadenceMs: 500,
      run(ctx) {
        times.push(ctx.now());
      },
    });
    const society = createSociety({ seed: 9, agents: [{ id: 'a', modules: [tick] }] });
    await society.runFor(60_000);
    expect(times.length).toBeGreaterThanOrEqual(119);
    expect(times.length).toBeLessThanOrEqual(120);
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBe(500);
    await society.stop();
  });

  it('does not drift when runs take most of the cadence', async () => {
    const starts: number[] = [];
    const busy = defineModule({
      name: 'busy',
      cadenceMs: 1000,
      async run(ctx) {
        starts.push(ctx.now());
        await ctx.clock.sleep(900);
      },
    });
    const society = createSociety({ seed: 1, agents: [{ id: 'a', modules: [busy] }] });
    await society.runFor(30_000);
    const phase = (starts[0] as number) % 1000;
    expect(starts.every((t) => t % 1000 === phase)).toBe(true);
    await society.stop();
  });

  it('is fair across 1000 agents: every agent gets the same number of runs (±1)', async () => {
    const perAgent = new Map<string, number>();
    const ping = defineModule({
      name: 'ping',
      cadenceMs: 1000,
      run(ctx) {
        perAgent.set(ctx.agentId, (perAgent.get(ctx.agentId) ?? 0) + 1);
      },
    });
    const agents = Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, modules: [ping] }));
    const society = createSociety({ seed: 5, agents });
    await society.runFor(30_000);
    const counts = [...perAgent.values()];
    expect(perAgent.size).toBe(1000);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(29);
    await society.stop();
  });

  it('jitters start times so agents do not fire in lockstep', async () => {
    const firstRun = new Map<string, number>();
    const ping = defineModule({
      name: 'ping',
      cadenceMs: 2000,
      run(ctx) {
        if (!firstRun.has(ctx.agentId)) firstRun.set(ctx.agentId, ctx.now());
      },
    });
    const society = createSociety({
      seed: 5,
      agents: Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, modules: [ping] })),
    });
    await society.runFor(2_000);
    expect(new Set(firstRun.values()).size).toBeGreaterThan(25);
    await society.stop();
  });

  it('keeps running other modules when one throws, and counts the errors', async () => {
    let good = 0;
    const bad = defineModule({
      name: 'bad',
      cadenceMs: 100,
      run() {
        throw new Error('boom');
      },
    });
    const badAsync = defineModule({
      name: 'badAsync',
      cadenceMs: 100,
      async run() {
        throw new Error('async boom');
      },
    });
    const ok = defineModule({
      name: 'ok',
      cadenceMs: 100,
      run() {
        good++;
      },
    });
    const society = createSociety({ agents: [{ id: 'a', modules: [bad, badAsync, ok] }] });
    await society.runFor(1_000);
    const stats = society.stats();
    expect(stats.bad?.errors).toBe(stats.bad?.runs);
    expect(stats.badAsync?.errors).toBeGreaterThanOrEqual(9);
    expect(good).toBeGreaterThanOrEqual(9);
    const failures = await society.events.read({ types: ['module.run'] });
    expect(failures.some((e) => e.type === 'module.run' && e.data.error === 'Error: async boom')).toBe(true);
    await society.stop();
  });

  it('coalesces triggers that arrive while a run is going into one rerun', async () => {
    const clock = new VirtualClock();
    const scheduler = new Scheduler(clock, { seed: 'x' });
    let runs = 0;
    const listener = defineModule({
      name: 'listener',
      triggers: ['poke'],
      async run(ctx) {
        runs++;
        await ctx.clock.sleep(100);
      },
    });
    const agent = createAgent({ id: 'a', modules: [listener] });
    const host: SchedulableAgent = {
      id: 'a',
      modules: agent.modules,
      createContext: (instance, trigger) =>
        ({ clock, trigger, agentId: 'a', module: instance.definition.name }) as unknown as ReturnType<
          SchedulableAgent['createContext']
        >,
      onRunFinished: () => {},
      onRunSkipped: () => {},
    };
    scheduler.add(host);
    scheduler.trigger('a', 'poke');
    await clock.runUntil(10);
    for (let i = 0; i < 5; i++) scheduler.trigger('a', 'poke');
    await clock.runUntil(1_000);
    expect(runs).toBe(2);
    expect(scheduler.stats().listener?.skipped).toBeGreaterThanOrEqual(4);
  });

  it('starts runs due at the same instant in priority order, higher first', async () => {
    const order: string[] = [];
    const make = (name: string, priority: number) =>
      defineModule({
        name,
        priority,
        triggers: ['go'],
        run() {
          order.push(name);
        },
      });
    const kick = defineModule({
      name: 'kick',
      cadenceMs: 1000,
      run(ctx) {
        ctx.emit('go');
      },
    });
    const society = createSociety({
      agents: [{ id: 'a', modules: [make('low', 10), make('high', 90), make('mid', 50), kick] }],
    });
    await society.runFor(1_000);
    expect(order).toEqual(['high', 'mid', 'low']);
    await society.stop();
  });

  it('rejects bad module definitions at definition time', () => {
    expect(() => defineModule({ name: 'x', run() {} })).toThrow(/needs cadenceMs, triggers, or both/);
    expect(() => defineModule({ name: 'bad name', cadenceMs: 1, run() {} })).toThrow(/must match/);
    expect(() => defineModule({ name: 'neg', cadenceMs: -5, run() {} })).toThrow(/positive/);
    const m = defineModule({ name: 'reader', cadenceMs: 100, reads: ['goalz'], run() {} }) as ModuleDefinition;
    expect(() => createAgent({ id: 'a', modules: [m] })).toThrow(/slot "goalz".*did you mean "goals"/);
  });

  it('stops a module from reading or writing slots it did not declare', async () => {
    const errors: string[] = [];
    const sneaky = defineModule({
      name: 'sneaky',
      cadenceMs: 100,
      reads: ['goals'],
      run(ctx) {
        ctx.write('goals', { current: null, items: [] });
      },
    });
    const society = createSociety({ agents: [{ id: 'a', modules: [sneaky] }] });
    society.events.subscribe((e) => {
      if (e.type === 'module.run' && e.data.error) errors.push(e.data.error);
    });
    await society.runFor(200);
    expect(errors[0]).toMatch(/ModuleAccessError: module "sneaky" wrote slot "goals" without declaring it in writes/);
    await society.stop();
  });
});
