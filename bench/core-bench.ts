/**
 * Scheduler benchmark: N agents × M trivial modules (read a slot, write a slot) at the design notes'
 * cadences, on the virtual or the real clock.
 *
 *   npm run bench:core -- --agents 1000 --modules 9 --clock virtual --sim-seconds 600
 *   npm run bench:core -- --agents 1000 --modules 9 --clock real --seconds 20
 *
 * Prints progress to stderr and, as the last stdout line, one JSON object; also writes it to
 * .bench-results/core-<clock>.json. The baseline in the same run: on the virtual clock, the same
 * module functions called in a bare loop (no scheduler); on the real clock, one setInterval per
 * module per agent (what the scheduler replaces).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import {
  createSociety,
  defineModule,
  defineSlot,
  LatencyHistogram,
  MemoryStore,
  type ModuleDefinition,
} from '@sid/core';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const program = new Command()
  .option('--agents <n>', 'agents', positiveInt, 1000)
  .option('--modules <n>', 'modules per agent (1-9)', positiveInt, 9)
  .option('--clock <kind>', 'virtual or real', 'virtual')
  .option('--sim-seconds <n>', 'simulated seconds (virtual clock)', positiveInt, 600)
  .option('--seconds <n>', 'wall seconds (real clock)', positiveInt, 20)
  .option('--no-baseline', 'skip the baseline measurement')
  .parse();
const opts = program.opts<{
  agents: number;
  modules: number;
  clock: string;
  simSeconds: number;
  seconds: number;
  baseline: boolean;
}>();
if (opts.clock !== 'virtual' && opts.clock !== 'real') program.error('--clock must be virtual or real');
if (opts.modules > 9) program.error('--modules is at most 9');

/** The design notes' cadences: action awareness, skills, talking, CC, memory, social, goals, planning, reflection. */
const CADENCES = [500, 500, 1000, 2000, 3000, 5000, 7500, 15000, 30000].slice(0, opts.modules);

function benchModules(): ModuleDefinition[] {
  return CADENCES.map((cadenceMs, i) => {
    const slot = defineSlot({ name: `bench${i}`, schema: z.number(), initial: () => 0 });
    const source = i === 0 ? `bench${CADENCES.length - 1}` : `bench${i - 1}`;
    return defineModule({
      name: `m${i}`,
      slots: [slot],
      reads: [source],
      writes: [slot.name],
      cadenceMs,
      run(ctx) {
        ctx.write(slot.name, ((ctx.get(source) as number) + 1) % 1000);
      },
    }) as ModuleDefinition;
  });
}

function rssMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const rssBefore = rssMB();
  const modules = benchModules();
  // Keep only the newest events in memory: the bench measures the scheduler, not event retention.
  const store = new MemoryStore({ maxEventsPerRun: 200_000 });
  const society = createSociety({
    seed: 1,
    clock: opts.clock as 'virtual' | 'real',
    store,
    agents: Array.from({ length: opts.agents }, (_, i) => ({ id: `agent${i}`, modules })),
  });
  const wallStart = performance.now();
  let simSeconds: number;
  if (opts.clock === 'virtual') {
    const step = 30_000;
    for (let t = 0; t < opts.simSeconds * 1000; t += step) {
      await society.runFor(Math.min(step, opts.simSeconds * 1000 - t));
      log(
        `sim ${Math.round(society.clock.now() / 1000)}s / ${opts.simSeconds}s, wall ${((performance.now() - wallStart) / 1000).toFixed(1)}s`,
      );
    }
    simSeconds = opts.simSeconds;
  } else {
    await society.runFor(opts.seconds * 1000);
    simSeconds = opts.seconds;
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const rssAfter = rssMB();
  const lag = new LatencyHistogram();
  let moduleRuns = 0;
  let skipped = 0;
  for (const stats of society.scheduler.rawStats().values()) {
    lag.merge(stats.lag);
    moduleRuns += stats.runs;
    skipped += stats.skipped;
  }
  await society.stop();

  const result: Record<string, unknown> = {
    agents: opts.agents,
    modules: opts.modules,
    clock: opts.clock,
    simSeconds,
    wallSeconds: round(wallSeconds),
    moduleRuns,
    skipped,
    runsPerSecond: Math.round(moduleRuns / wallSeconds),
    rssPerAgentMB: round((rssAfter - rssBefore) / opts.agents, 3),
    lagP50Ms: lag.percentile(0.5),
    lagP99Ms: lag.percentile(0.99),
    lagMaxMs: round(lag.max),
    node: process.version,
  };
  if (opts.baseline)
    Object.assign(result, opts.clock === 'virtual' ? bareLoopBaseline(moduleRuns) : await intervalBaseline());
  await mkdir('.bench-results', { recursive: true });
  await writeFile(`.bench-results/core-${opts.clock}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
}

function round(n: number, digits = 2): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

/** The same number of read-one-slot/write-one-slot calls in a bare loop: the floor the scheduler adds to. */
function bareLoopBaseline(calls: number) {
  const slots = new Array<number>(opts.agents * CADENCES.length).fill(0);
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const j = i % slots.length;
    slots[j] = ((slots[(j + 1) % slots.length] as number) + 1) % 1000;
  }
  const seconds = (performance.now() - start) / 1000;
  return { baseline: 'bare loop, no scheduler', baselineRunsPerSecond: Math.round(calls / Math.max(seconds, 1e-9)) };
}

/** One setInterval per (agent, module), the pattern the scheduler replaces; lag measured the same way. */
async function intervalBaseline() {
  const lag = new LatencyHistogram();
  const timers: NodeJS.Timeout[] = [];
  const state = new Array<number>(opts.agents * CADENCES.length).fill(0);
  const rssBefore = rssMB();
  const start = performance.now();
  for (let a = 0; a < opts.agents; a++) {
    CADENCES.forEach((cadence, m) => {
      const phase = ((a * 7919 + m * 104729) % cadence) | 0;
      let due = start + phase + cadence;
      const first = setTimeout(() => {
        timers.push(
          setInterval(() => {
            const now = performance.now();
            lag.record(now - due);
            due += cadence;
            const k = a * CADENCES.length + m;
            state[k] = ((state[(k + 1) % state.length] as number) + 1) % 1000;
          }, cadence),
        );
      }, phase);
      timers.push(first);
    });
  }
  await new Promise((resolve) => setTimeout(resolve, opts.seconds * 1000));
  const rssAfter = rssMB();
  for (const t of timers) clearInterval(t);
  return {
    baseline: 'setInterval per module per agent',
    baselineRuns: lag.count,
    baselineLagP50Ms: lag.percentile(0.5),
    baselineLagP99Ms: lag.percentile(0.99),
    baselineRssPerAgentMB: round((rssAfter - rssBefore) / opts.agents, 3),
  };
}

await main();
