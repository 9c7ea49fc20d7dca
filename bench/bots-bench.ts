/**
 * Real-server bots benchmark: connects N idle bots through the mineflayer adapter to an embedded
 * flying-squid test server running in another process, and measures connect time, this process's
 * resident memory growth per bot, and chat round trips between two bots. The last stdout line is one
 * JSON object with the figures, also written to .bench-results/bots.json.
 *
 *   npm run bench:bots -- --bots 50
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { RealClock } from '@sid/core';
import { type MineflayerBody, MineflayerEnvironment, startTestServer } from '@sid/mineflayer';
import { Command } from 'commander';

const program = new Command()
  .name('bots-bench')
  .option('--bots <n>', 'number of bots', (v) => Number.parseInt(v, 10), 50)
  .option('--batch <n>', 'bots connecting at once', (v) => Number.parseInt(v, 10), 10)
  .option('--chats <n>', 'chat round trips to time', (v) => Number.parseInt(v, 10), 20)
  .option('--out <dir>', 'where to write the JSON result', '.bench-results')
  .parse();

const opts = program.opts<{ bots: number; batch: number; chats: number; out: string }>();
if (!(opts.bots >= 2) || !(opts.batch > 0) || !(opts.chats > 0)) {
  console.error('--bots must be at least 2; --batch and --chats positive');
  process.exit(2);
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory after letting timers settle (and a GC when node runs with --expose-gc). */
async function settledRss(): Promise<number> {
  await sleep(2_000);
  gc?.();
  return process.memoryUsage().rss;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};

const server = await startTestServer({ port: 0, maxPlayers: opts.bots + 10, viewDistance: 2 });
const env = new MineflayerEnvironment({
  host: server.host,
  port: server.port,
  embeddedTestServer: true,
  timeouts: { connectMs: 60_000 },
});
await env.init({ clock: new RealClock(), seed: 'bench' });
try {
  // Load mineflayer's code and data once before the baseline, so the figure is per bot, not per process.
  await env.createBody('warmup');
  await env.removeBody('warmup');
  const before = await settledRss();

  const started = performance.now();
  const bodies: MineflayerBody[] = [];
  for (let i = 0; i < opts.bots; i += opts.batch) {
    const ids = Array.from({ length: Math.min(opts.batch, opts.bots - i) }, (_, k) => `bot${i + k + 1}`);
    bodies.push(...((await Promise.all(ids.map((id) => env.createBody(id)))) as MineflayerBody[]));
  }
  const connectSeconds = (performance.now() - started) / 1000;
  const after = await settledRss();

  const [a, b] = bodies as [MineflayerBody, MineflayerBody];
  const trips: number[] = [];
  for (let i = 0; i < opts.chats; i++) {
    const text = `ping ${i}`;
    const t0 = performance.now();
    const heard = new Promise<number>((resolve) => {
      const off = b.onEvent((e) => {
        if (e.type === 'chat' && e.text === text) {
          off();
          resolve(performance.now() - t0);
        }
      });
      setTimeout(() => {
        off();
        resolve(Number.NaN);
      }, 5_000);
    });
    await a.chat(text);
    trips.push(await heard);
  }
  const heardTrips = trips.filter((t) => Number.isFinite(t));

  const result = {
    bench: 'bots',
    bots: opts.bots,
    connectSeconds: Math.round(connectSeconds * 100) / 100,
    rssPerBotMB: Math.round(((after - before) / MB / opts.bots) * 100) / 100,
    rssBeforeMB: Math.round(before / MB),
    rssAfterMB: Math.round(after / MB),
    chatRoundTripMs: Math.round(median(heardTrips) * 10) / 10,
    chatsLost: trips.length - heardTrips.length,
    gcExposed: gc !== undefined,
    serverEntities: await server.entityCount(),
    node: process.version,
    cpus: os.cpus().length,
  };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'bots.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${opts.bots} bots connected in ${result.connectSeconds} s; ${result.rssPerBotMB} MB per bot; chat ${result.chatRoundTripMs} ms`,
  );
  console.log(JSON.stringify(result));
} finally {
  await env.close();
  await server.stop();
}
