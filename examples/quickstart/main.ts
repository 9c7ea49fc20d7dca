/**
 * `npm start`: runs a PIANO society with no key and no server — 5 agents (change with --agents) in
 * the headless world, 30 simulated minutes on the virtual clock, the offline model. Prints a summary
 * and writes runs/<run-id>/report.json and runs/<run-id>/events.jsonl; the report path is the last line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeEventsAsJsonl } from '@sid/core';
import { buildRunReport, OFFLINE_MODEL_LABEL } from '@sid/modules';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { buildQuickstart } from './quickstart-society.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const opts = new Command('quickstart')
  .description('Run a PIANO society on the embedded defaults (headless world, offline model, virtual clock).')
  .option('--agents <n>', 'number of agents', positiveInt, 5)
  .option('--minutes <n>', 'simulated minutes', positiveInt, 30)
  .option('--seed <seed>', 'seed for everything', '1')
  .option('--out <dir>', 'where runs are written', 'runs')
  .option('--no-progress', 'no progress bar')
  .parse()
  .opts<{ agents: number; minutes: number; seed: string; out: string; progress: boolean }>();

const runId = `quickstart-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-seed${opts.seed}`;
const dir = join(opts.out, runId);
await mkdir(dir, { recursive: true });
const { society, gateway, library } = await buildQuickstart({ agents: opts.agents, seed: opts.seed, runId });
const events = writeEventsAsJsonl(society.events, join(dir, 'events.jsonl'));

console.log(`PIANO quickstart: ${opts.agents} agents, ${opts.minutes} simulated minutes, seed ${opts.seed}`);
console.log(`Model: ${OFFLINE_MODEL_LABEL}`);

const totalMs = opts.minutes * 60_000;
const stepMs = 10_000;
const bar =
  opts.progress && process.stderr.isTTY
    ? new SingleBar({ format: '  {bar} {percentage}% | sim {value}/{total} s | {eta}s left', stream: process.stderr })
    : null;
bar?.start(totalMs / 1000, 0);
const started = performance.now();
let lastTenth = 0;
for (let done = 0; done < totalMs; done += stepMs) {
  await society.runFor(Math.min(stepMs, totalMs - done));
  const simSeconds = Math.round(society.clock.now() / 1000);
  bar?.update(simSeconds);
  const tenth = Math.floor((simSeconds / (totalMs / 1000)) * 10);
  if (!bar && tenth > lastTenth) {
    lastTenth = tenth;
    process.stderr.write(
      `  ${tenth * 10}% (sim ${simSeconds} s, wall ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  }
}
bar?.stop();
await society.stop('quickstart finished');
await events.close();
const wallSeconds = (performance.now() - started) / 1000;
const report = buildRunReport(society, {
  model: OFFLINE_MODEL_LABEL,
  offlineModel: true,
  wallSeconds,
  usage: gateway.usage(),
  skills: Object.fromEntries(library.list().map((skill) => [skill.name, library.statistics(skill.name)])),
});
const reportPath = join(dir, 'report.json');
await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);

console.log(`\nRan ${report.simSeconds} simulated seconds in ${report.wallSeconds} s wall time.`);
console.log('\nAgents                 items  tier  goals(done/active)  said  heard  decisions');
for (const a of report.agents) {
  console.log(
    `  ${a.id.padEnd(20)} ${String(a.uniqueItems).padStart(5)} ${String(a.maxTier).padStart(5)}  ${`${a.goals.done}/${a.goals.active}`.padStart(17)} ${String(a.chatsSent).padStart(5)} ${String(a.chatsHeard).padStart(6)} ${String(a.decisions).padStart(10)}`,
  );
  console.log(`      ${a.items.join(', ') || '(nothing yet)'}`);
}
console.log(`Society: ${report.society.uniqueItems} unique items, highest tier ${report.society.maxTier}`);
console.log('\nModules                 runs  errors  model calls');
for (const [name, runs] of Object.entries(report.moduleRuns)) {
  console.log(
    `  ${name.padEnd(20)} ${String(runs).padStart(6)} ${String(report.moduleErrors[name] ?? 0).padStart(7)} ${String(report.modelCalls[name] ?? 0).padStart(12)}`,
  );
}
console.log('\nSkills (shared library)      attempts  successes');
for (const [name, stats] of Object.entries(report.skills).filter(([, st]) => st.attempts > 0)) {
  console.log(`  ${name.padEnd(26)} ${String(stats.attempts).padStart(8)} ${String(stats.successes).padStart(10)}`);
}
console.log(
  `Tokens (estimated by the offline model): ${report.tokens.input} in, ${report.tokens.output} out — no LLM was called, nothing was spent.`,
);
console.log(`Events: ${join(dir, 'events.jsonl')}`);
console.log(reportPath);
