/**
 * Headless world benchmark: N agents issue a realistic mix of Body primitives (move, collect, craft,
 * chat, perceive) on the virtual clock for a span of game time. The last stdout line is one JSON
 * object with the figures, also written to .bench-results/.
 *
 *   npm run bench:world -- --agents 1000 --sim-minutes 10
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { createRng, type Rng, VirtualClock } from '@sid/core';
import { createHeadlessWorld, culturalTransmissionLayout, type HeadlessBody, planAgents } from '@sid/headless';
import { Command } from 'commander';

const program = new Command()
  .name('world-bench')
  .option('--agents <n>', 'number of agents', (v) => Number.parseInt(v, 10), 1000)
  .option('--sim-minutes <n>', 'game minutes to simulate', (v) => Number.parseFloat(v), 10)
  .option('--seed <seed>', 'world and behaviour seed', 'bench')
  .option('--out <dir>', 'where to write the JSON result', '.bench-results')
  .parse();

const opts = program.opts<{ agents: number; simMinutes: number; seed: string; out: string }>();
if (!(opts.agents > 0) || !(opts.simMinutes > 0)) {
  console.error('--agents and --sim-minutes must be positive numbers');
  process.exit(2);
}

const counts = {
  actions: 0,
  ok: 0,
  failed: 0,
  byAction: {} as Record<string, number>,
  failures: {} as Record<string, number>,
};
let chatHeard = 0;

function record(action: string, outcome: { ok: boolean; reason?: { code: string } }): void {
  counts.actions++;
  counts.byAction[action] = (counts.byAction[action] ?? 0) + 1;
  if (outcome.ok) counts.ok++;
  else {
    counts.failed++;
    const code = outcome.reason?.code ?? 'unknown';
    counts.failures[code] = (counts.failures[code] ?? 0) + 1;
  }
}

/** One agent's behaviour: think for a moment (as if waiting for a model), then act. */
async function live(body: HeadlessBody, clock: VirtualClock, rng: Rng, until: number): Promise<void> {
  const lines = ['anyone seen iron?', 'I have spare planks', 'meet at the chest', 'night is coming', 'hello'];
  while (clock.now() < until) {
    // Model latency between actions, in whole game ticks.
    await clock.sleep(rng.int(10, 50) * 50);
    if (clock.now() >= until) return;
    const roll = rng.next();
    if (roll < 0.3) {
      const p = body.position;
      const target = { x: p.x + rng.int(-24, 24), y: p.y, z: p.z + rng.int(-24, 24) };
      record('moveTo', await body.moveTo(target));
    } else if (roll < 0.5) {
      record(
        'collect',
        await body.collect(rng.pick(['oak_log', 'birch_log', 'cobblestone', 'dirt', 'coal']), rng.int(1, 3)),
      );
    } else if (roll < 0.65) {
      const item = body.inventory.count('oak_planks') >= 4 ? rng.pick(['crafting_table', 'stick']) : 'oak_planks';
      record('craft', await body.craft(item, 4));
    } else if (roll < 0.83) {
      record('chat', await body.chat(rng.pick(lines), rng.next() < 0.1 ? 'shout' : 'say'));
    } else if (roll < 0.9) {
      // Dig the ground underfoot (dirt by hand, stone with the pickaxe) or a block beside it.
      const p = body.position;
      const below = {
        x: Math.floor(p.x) + rng.int(-1, 1),
        y: Math.floor(p.y) - 1,
        z: Math.floor(p.z) + rng.int(-1, 1),
      };
      record('dig', await body.dig(below));
    } else if (roll < 0.96) {
      await body.perceive();
      counts.byAction.perceive = (counts.byAction.perceive ?? 0) + 1;
      counts.actions++;
      counts.ok++;
    } else {
      const results = await body.findBlocks({ name: ['iron_ore', 'coal_ore'], maxDistance: 24, count: 4 });
      record('findBlocks', {
        ok: results.length > 0,
        ...(results.length > 0 ? {} : { reason: { code: 'not_found' } }),
      });
    }
  }
}

async function main(): Promise<void> {
  const simMs = Math.round(opts.simMinutes * 60_000);
  const clock = new VirtualClock();
  const layout = culturalTransmissionLayout();
  const world = createHeadlessWorld({
    ...layout,
    startingInventory: [
      { name: 'wooden_pickaxe', count: 1 },
      { name: 'bread', count: 4 },
    ],
  });
  await world.init({ clock, seed: opts.seed });
  // The fixed cost (minecraft-data, recipe index) is paid once per process; per-agent memory is what comes after.
  const rssBase = process.memoryUsage().rss;
  const towns = planAgents(layout, 0);
  const planned = [...towns.slice(0, opts.agents), ...planAgents({}, Math.max(0, opts.agents - towns.length))].slice(
    0,
    opts.agents,
  );
  const bodies: HeadlessBody[] = [];
  for (const agent of planned) {
    const body = (await world.createBody(agent.id, agent.group ? { group: agent.group } : {})) as HeadlessBody;
    body.onEvent((e) => {
      if (e.type === 'chat') chatHeard++;
    });
    bodies.push(body);
  }
  const setupSeconds = process.uptime();
  const rng = createRng(opts.seed);
  // Main-thread garbage-collection pauses during the run (a large share of the cost with 1000 agents).
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for (const body of bodies) void live(body, clock, rng.fork(body.agentId), simMs);
  await clock.runUntil(simMs);
  clock.pause();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  for (const entry of gcObserver.takeRecords()) gcMs += entry.duration;
  gcObserver.disconnect();
  // On a shared machine wall time includes waiting for a core; CPU time shows the world's own cost.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mem = process.memoryUsage();
  const simSeconds = simMs / 1000;
  const result = {
    bench: 'world',
    agents: opts.agents,
    simSeconds,
    wallSeconds: round(wallSeconds, 3),
    speedup: round(simSeconds / wallSeconds, 1),
    cpuSeconds: round(cpuSeconds, 3),
    speedupPerCpuSecond: round(simSeconds / cpuSeconds, 1),
    gcSeconds: round(gcMs / 1000, 3),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
    actions: counts.actions,
    actionsPerSecond: round(counts.actions / wallSeconds, 0),
    actionsOk: counts.ok,
    actionsFailed: counts.failed,
    byAction: counts.byAction,
    failures: counts.failures,
    chatEventsDelivered: chatHeard,
    rssMB: round(mem.rss / 1e6, 1),
    heapUsedMB: round(mem.heapUsed / 1e6, 1),
    rssPerAgentMB: round((mem.rss - rssBase) / 1e6 / opts.agents, 3),
    rssFixedMB: round(rssBase / 1e6, 1),
    chunksGenerated: world.blocks.chunkCount,
    changedBlocks: world.snapshotData().blocks.length,
    // Same seed and agents, same world: equal hashes across versions show a change kept the behaviour.
    worldHash: world.hash(),
    itemEntities: world.items.size,
    setupSeconds: round(setupSeconds, 2),
    seed: opts.seed,
    node: process.version,
    at: new Date().toISOString(),
  };
  await world.close();
  mkdirSync(opts.out, { recursive: true });
  const file = join(opts.out, `world-${opts.agents}-agents-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${file}`);
  console.log(JSON.stringify(result));
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
