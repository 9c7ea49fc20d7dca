import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attachGatewayToSociety,
  CassetteRecorder,
  CassetteReplay,
  createLogger,
  createModelGateway,
  createSociety,
  defineModule,
  type ModelGateway,
  PRIORITY,
  type SocietyEvent,
} from '@sid/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModelFromSpec } from '../src/index.js';
import { startWireServer, type WireServer } from './support/openai-wire-server.js';

// Records a small society run through the gateway and real HTTP providers, then replays the cassette
// with the server gone and compares the two event logs.

const env = { OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k' };
const plan = z.object({ goal: z.string(), steps: z.array(z.string()) });

const talking = defineModule({
  name: 'talking',
  cadenceMs: 1000,
  priority: PRIORITY.talking,
  tier: 'cheap',
  async run(ctx) {
    const reply = await ctx.model.generateText({
      system: 'You are a villager.',
      messages: [{ role: 'user', content: `${ctx.agentId} at ${ctx.now()}: say something` }],
      maxOutputTokens: 40,
    });
    ctx.emit('said', { text: reply.text });
  },
});

const planning = defineModule({
  name: 'planning',
  cadenceMs: 2300,
  priority: PRIORITY.planning,
  tier: 'strong',
  async run(ctx) {
    const { object } = await ctx.model.generateObject({
      messages: [{ role: 'user', content: `plan for ${ctx.agentId} at ${ctx.now()}` }],
      schema: plan,
      schemaName: 'plan',
    });
    ctx.emit('planned', { goal: object.goal, steps: object.steps });
  },
});

function buildSociety(gateway: ModelGateway) {
  const society = createSociety({
    seed: 42,
    runId: 'record-replay',
    model: gateway,
    logger: createLogger('silent'),
    agents: [
      { id: 'ada', modules: [talking, planning] },
      { id: 'bo', modules: [talking, planning] },
    ],
  });
  attachGatewayToSociety(gateway, society);
  return society;
}

async function run(gateway: ModelGateway): Promise<SocietyEvent[]> {
  const society = buildSociety(gateway);
  await society.runFor(6000);
  await society.stop('done');
  return society.events.read();
}

let server: WireServer;
let dir: string;
beforeEach(async () => {
  server = await startWireServer();
  dir = await mkdtemp(join(tmpdir(), 'sid-cassette-'));
});
afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('record and replay', () => {
  it('replays a recorded society run exactly, with no server and no key', async () => {
    let n = 0;
    server.answers.text = (r) => `line ${++n} for ${r.texts.at(-1)}`;
    server.answers.object = (r) => ({ goal: `goal ${++n}`, steps: [String(r.texts.at(-1))] });
    server.latencyMs = 5;
    // A failure that ends a module run, and a transient one the gateway retries away.
    server.fault({ type: 'status', status: 400, message: 'refused' }, { type: 'status', status: 503 });
    const path = join(dir, 'run.jsonl');
    const recorder = new CassetteRecorder(path);
    const live = createModelGateway({
      retry: { baseDelayMs: 5 },
      routes: {
        cheap: createModelFromSpec(`openai:gpt-4o-mini@${server.url}`, { env }),
        strong: createModelFromSpec(`anthropic:claude-sonnet-4-0@${server.url}`, { env }),
      },
      record: recorder,
    });
    const recorded = await run(live);
    await recorder.close();
    await server.stop();

    const calls = recorded.filter((e) => e.type === 'model.call');
    expect(calls.length).toBeGreaterThanOrEqual(15);
    expect(calls.some((e) => e.type === 'model.call' && !e.data.ok)).toBe(true);
    expect(recorded.some((e) => e.type === 'module.run' && e.data.error?.includes('refused'))).toBe(true);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(calls.length);

    const replay = await CassetteReplay.load(path);
    const replayed = await run(createModelGateway({ replay }));
    expect(replayed).toEqual(recorded);
    expect(replay.remaining).toBe(0);
  });

  it('replays calls made at the same instant in the order the network answered them', async () => {
    const kicker = defineModule({
      name: 'kicker',
      cadenceMs: 1000,
      run: (ctx) => ctx.emit('go'),
    });
    const asker = (name: string, priority: number) =>
      defineModule({
        name,
        triggers: ['go'],
        priority,
        async run(ctx) {
          const r = await ctx.model.generateText({ messages: [{ role: 'user', content: `${name} ${ctx.now()}` }] });
          ctx.emit('heard', { text: r.text });
        },
      });
    // `first` asks first (higher priority) but the server answers it last.
    server.delayFor = (r) => (String(r.texts.at(-1)).startsWith('first') ? 40 : 0);
    const recorder = new CassetteRecorder();
    const model = createModelFromSpec(`openai:gpt-4o@${server.url}`, { env });
    const build = (gateway: ModelGateway) => {
      const society = createSociety({
        seed: 1,
        runId: 'same-instant',
        model: gateway,
        logger: createLogger('silent'),
        agents: [{ id: 'ada', modules: [kicker, asker('first', 60), asker('second', 40)] }],
      });
      attachGatewayToSociety(gateway, society);
      return society;
    };
    const events = async (gateway: ModelGateway) => {
      const society = build(gateway);
      await society.runFor(3500);
      await society.stop();
      return society.events.read();
    };
    const recorded = await events(createModelGateway({ model, record: recorder }));
    const heard = recorded.filter((e) => e.type === 'custom' && e.data.name === 'heard');
    expect(heard.map((e) => (e.type === 'custom' ? String((e.data.data as { text: string }).text) : ''))[0]).toMatch(
      /^echo: second/,
    );
    const replayed = await events(createModelGateway({ replay: new CassetteReplay(recorder.entries) }));
    expect(replayed).toEqual(recorded);
  });

  it('a call missing from the cassette is a clear error, or goes live when asked', async () => {
    const recorder = new CassetteRecorder();
    const model = createModelFromSpec(`openai:gpt-4o@${server.url}`, { env });
    const live = createModelGateway({ model, record: recorder });
    const ask = (content: string) => ({
      messages: [{ role: 'user' as const, content }],
      meta: { agentId: 'a', module: 'm' },
    });
    await live.generateText(ask('recorded'));

    const strict = createModelGateway({ replay: new CassetteReplay(recorder.entries) });
    expect((await strict.generateText(ask('recorded'))).text).toBe('echo: recorded');
    await expect(strict.generateText(ask('recorded'))).rejects.toThrow(
      /no recorded text call for agent "a", module "m"/,
    );

    const lenient = createModelGateway({ replay: new CassetteReplay(recorder.entries), onMissing: 'live', model });
    await lenient.generateText(ask('recorded'));
    expect((await lenient.generateText(ask('new'))).text).toBe('echo: new');
    expect(server.requests).toHaveLength(2);
  });
});
