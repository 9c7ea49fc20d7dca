/**
 * Model gateway overhead benchmark: N chat calls at C concurrency to a local OpenAI-wire-format test
 * server, through the gateway (in front of the @sid/ai-sdk provider) and through the raw AI SDK
 * client, in alternating rounds so both see the same machine state.
 *
 *   npm run bench:gateway -- --calls 10000 --concurrency 1000
 *   npm run bench:gateway -- --server-latency 20 --limits   # with a network-like delay / RPM limiter on
 *
 * The server runs in a child process by default so its CPU does not blur the client's numbers. The
 * npm script runs Node with --expose-gc so that every round starts from a collected heap: otherwise
 * the garbage one path leaves behind is collected during the other path's round and charged to it.
 * Prints progress to stderr and, as the last stdout line, one JSON object; also writes it to
 * .bench-results/gateway.json.
 */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createOpenAI } from '@ai-sdk/openai';
import { createModelFromSpec } from '@sid/ai-sdk';
import { createModelGateway, LatencyHistogram, type Model } from '@sid/core';
import { generateText } from 'ai';
import { Command, InvalidArgumentError } from 'commander';
import { startWireServer } from '../packages/adapters/ai-sdk/test/support/openai-wire-server.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
};
const nonNegative = (v: string) => {
  const n = Number(v);
  if (!(n >= 0)) throw new InvalidArgumentError('must be a non-negative number');
  return n;
};

const program = new Command()
  .option('--calls <n>', 'calls per path (gateway and raw each)', positiveInt, 10_000)
  .option('--concurrency <n>', 'calls in flight at once', positiveInt, 1000)
  .option('--rounds <n>', 'alternating rounds per path', positiveInt, 10)
  .option('--server-latency <ms>', 'delay the test server adds to each answer', nonNegative, 0)
  .option('--limits', 'also run the RPM/TPM limiter (with limits far above the load)', false)
  .option('--in-process-server', 'run the test server in this process', false)
  .option('--serve', 'internal: run only the test server and report its URL to the parent', false)
  .parse();
const opts = program.opts<{
  calls: number;
  concurrency: number;
  rounds: number;
  serverLatency: number;
  limits: boolean;
  inProcessServer: boolean;
  serve: boolean;
}>();

/** Starts the wire server here (child mode or in-process) and returns its URL and a stop function. */
async function serveHere(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await startWireServer();
  server.latencyMs = opts.serverLatency;
  // Keep memory flat over 20 000 calls: the request log is for tests, not the bench.
  server.requests.push = () => 0;
  return { url: server.url, stop: () => server.stop() };
}

async function serveInChild(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', '--server-latency', String(opts.serverLatency)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(String(m)));
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

type Call = (i: number) => Promise<unknown>;

/** Full collection (only with --expose-gc, which `npm run bench:gateway` passes). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs `count` calls with `concurrency` workers, recording each call's latency. */
async function round(
  call: Call,
  count: number,
  concurrency: number,
  histogram: LatencyHistogram,
): Promise<{ wallMs: number; cpuMs: number }> {
  collectGarbage?.();
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await call(i);
      histogram.record(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** CPU µs per call the gateway itself adds, over a model that answers at once. */
async function gatewaySelfCost(): Promise<number> {
  const instant: Model = {
    id: 'instant',
    offline: false,
    generateText: async () => ({ text: 'hello', usage: { inputTokens: 5, outputTokens: 1 }, model: 'instant' }),
    generateObject: async () => {
      throw new Error('not used');
    },
    embed: async () => {
      throw new Error('not used');
    },
  };
  const gateway = createModelGateway({ model: instant, concurrency: opts.concurrency });
  const calls = 50_000;
  const run = async (call: (i: number) => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    for (let b = 0; b < calls; b += 1000) await Promise.all(Array.from({ length: 1000 }, (_, k) => call(b + k)));
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / calls;
  };
  const ask = (i: number) => ({
    messages: [{ role: 'user' as const, content: `call ${i}` }],
    meta: { agentId: `a${i % 100}`, module: 'talking' },
  });
  await run((i) => gateway.generateText(ask(i))); // warm-up
  const viaGateway = await run((i) => gateway.generateText(ask(i)));
  const direct = await run((i) => instant.generateText(ask(i)));
  return Number((viaGateway - direct).toFixed(1));
}

/**
 * Heap the gateway keeps per call in flight, over a model that has not answered yet: what a thousand
 * concurrent calls hold for their whole duration (and the collector then has to trace and move).
 */
async function gatewayRetainedBytes(): Promise<number | null> {
  if (!collectGarbage) return null;
  const answers: (() => void)[] = [];
  const pending: Model = {
    id: 'pending',
    offline: false,
    generateText: () =>
      new Promise((resolve) =>
        answers.push(() => resolve({ text: 'hello', usage: { inputTokens: 5, outputTokens: 1 }, model: 'pending' })),
      ),
    generateObject: async () => {
      throw new Error('not used');
    },
    embed: async () => {
      throw new Error('not used');
    },
  };
  const gateway = createModelGateway({ model: pending, concurrency: 1_000_000 });
  const inFlight = 10_000;
  const ask = (i: number) => ({
    messages: [{ role: 'user' as const, content: `call ${i}` }],
    meta: { agentId: `a${i % 100}`, module: 'talking' },
  });
  const measure = async (call: (i: number) => Promise<unknown>) => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const calls = Array.from({ length: inFlight }, (_, i) => call(i));
    collectGarbage();
    const held = process.memoryUsage().heapUsed - before;
    for (const answer of answers.splice(0)) answer();
    await Promise.all(calls);
    return held / inFlight;
  };
  await measure((i) => gateway.generateText(ask(i))); // warm-up
  const viaGateway = await measure((i) => gateway.generateText(ask(i)));
  const direct = await measure((i) => pending.generateText(ask(i)));
  return Math.round(viaGateway - direct);
}

async function main(): Promise<void> {
  if (opts.serve) {
    const { url } = await serveHere();
    process.send?.(url);
    return;
  }
  const server = opts.inProcessServer ? await serveHere() : await serveInChild();
  const env = { OPENAI_API_KEY: 'bench' };
  const spec = `openai:gpt-4o-mini@${server.url}`;
  const gateway = createModelGateway({
    model: createModelFromSpec(spec, { env }),
    concurrency: opts.concurrency,
    ...(opts.limits ? { limits: { requestsPerMinute: 10_000_000, tokensPerMinute: 1_000_000_000 } } : {}),
  });
  const raw = createOpenAI({ apiKey: 'bench', baseURL: server.url }).chat('gpt-4o-mini');
  const prompt = (i: number) => [{ role: 'user' as const, content: `call ${i}: say hello` }];
  const viaGateway: Call = (i) =>
    gateway.generateText({
      messages: prompt(i),
      maxOutputTokens: 16,
      meta: { agentId: `a${i % 100}`, module: 'talking' },
    });
  const viaRaw: Call = (i) => generateText({ model: raw, messages: prompt(i), maxOutputTokens: 16, maxRetries: 0 });

  if (!collectGarbage) {
    process.stderr.write('note: run with node --expose-gc (as npm run bench:gateway does) for collected-heap rounds\n');
  }
  const selfCost = await gatewaySelfCost();
  const retainedBytes = await gatewayRetainedBytes();
  // Warm up both paths (JIT, sockets) before measuring.
  await round(viaGateway, Math.min(2000, opts.calls), opts.concurrency, new LatencyHistogram());
  await round(viaRaw, Math.min(2000, opts.calls), opts.concurrency, new LatencyHistogram());

  const gatewayHist = new LatencyHistogram();
  const rawHist = new LatencyHistogram();
  const totals = { gateway: { wallMs: 0, cpuMs: 0 }, raw: { wallMs: 0, cpuMs: 0 } };
  // p50 ratio of each gateway round to the raw round next to it: machine load drifts between rounds.
  const pairRatios: number[] = [];
  const perRound = Math.ceil(opts.calls / opts.rounds);
  for (let r = 0, done = 0; done < opts.calls; r++, done += perRound) {
    const n = Math.min(perRound, opts.calls - done);
    // Alternate which path goes first so neither always follows the other.
    const order: ['gateway' | 'raw', Call, LatencyHistogram][] = [
      ['gateway', viaGateway, gatewayHist],
      ['raw', viaRaw, rawHist],
    ];
    if (r % 2 === 1) order.reverse();
    const roundP50 = { gateway: 0, raw: 0 };
    for (const [name, call, hist] of order) {
      const own = new LatencyHistogram();
      const spent = await round(call, n, opts.concurrency, own);
      hist.merge(own);
      roundP50[name] = own.percentile(0.5);
      totals[name].wallMs += spent.wallMs;
      totals[name].cpuMs += spent.cpuMs;
    }
    pairRatios.push(roundP50.gateway / roundP50.raw);
    process.stderr.write(`round ${r + 1}: ${done + n}/${opts.calls} calls per path\n`);
  }
  await server.stop();

  const usage = gateway.usage();
  const result = {
    bench: 'gateway',
    calls: opts.calls,
    concurrency: opts.concurrency,
    rounds: opts.rounds,
    serverLatencyMs: opts.serverLatency,
    serverInProcess: opts.inProcessServer,
    limiter: opts.limits,
    gatewayP50Ms: gatewayHist.percentile(0.5),
    gatewayP99Ms: gatewayHist.percentile(0.99),
    rawP50Ms: rawHist.percentile(0.5),
    rawP99Ms: rawHist.percentile(0.99),
    // Gateway p50 / raw p50, estimated round by round (each gateway round against the raw round run
    // right next to it, median over rounds): the pooled ratio below mixes rounds taken under different
    // machine load and swings with it.
    overheadRatio: Number(median(pairRatios).toFixed(3)),
    roundRatios: pairRatios.map((r) => Number(r.toFixed(3))),
    pooledP50Ratio: Number((gatewayHist.percentile(0.5) / rawHist.percentile(0.5)).toFixed(3)),
    gatewayCallsPerSecond: Math.round((opts.calls / totals.gateway.wallMs) * 1000),
    rawCallsPerSecond: Math.round((opts.calls / totals.raw.wallMs) * 1000),
    // CPU this process spent per call: unlike latency, hardly moved by other processes on a shared machine.
    gatewayCpuUsPerCall: Math.round((totals.gateway.cpuMs / opts.calls) * 1000),
    rawCpuUsPerCall: Math.round((totals.raw.cpuMs / opts.calls) * 1000),
    cpuOverheadRatio: Number((totals.gateway.cpuMs / totals.raw.cpuMs).toFixed(3)),
    // The gateway's own CPU per call, over an in-process model that answers at once (no HTTP): what the
    // gateway adds, measured without the network stack and hardly moved by machine load.
    gatewaySelfCpuUsPerCall: selfCost,
    // Heap the gateway holds per call in flight (null without --expose-gc).
    gatewayRetainedBytesPerCall: retainedBytes,
    collectedHeapRounds: collectGarbage !== undefined,
    loadAverage1m: loadavg()[0],
    gatewayFailedCalls: usage.total.failedCalls,
    node: process.version,
    cpus: availableParallelism(),
  };
  await mkdir('.bench-results', { recursive: true });
  await writeFile('.bench-results/gateway.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
