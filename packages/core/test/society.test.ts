import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildSociety,
  ConfigError,
  createScriptedModel,
  createSociety,
  defineController,
  defineModule,
  defineSlot,
  loadSocietyConfig,
  MemoryStore,
  type SocietyEvent,
} from '../src/index.js';

const moodSlot = defineSlot({
  name: 'mood',
  schema: z.object({ value: z.number(), history: z.array(z.number()) }),
  initial: () => ({ value: 0, history: [] }),
});

/** A small society whose behaviour depends on the seeded RNG, chat-free, fully deterministic. */
function moodModules() {
  const mood = defineModule({
    name: 'mood',
    slots: [moodSlot],
    writes: ['mood'],
    cadenceMs: 700,
    run(ctx) {
      ctx.update(moodSlot, (m) => {
        const value = Math.round((m.value + ctx.rng.next() - 0.5) * 1000) / 1000;
        return { value, history: [...m.history, value].slice(-5) };
      });
    },
  });
  const controller = defineController({
    cadenceMs: 2000,
    decide: async (view, ctx) => {
      const answer = await ctx.model.generateObject({
        schemaName: 'choice',
        schema: z.object({ intent: z.string() }),
        messages: [{ role: 'user', content: view.text }],
      });
      return { intent: answer.object.intent };
    },
  });
  const model = createScriptedModel((call) => ({ intent: `mood is ${call.request.messages[0]?.content.length}` }));
  return { mood, controller, model };
}

async function runMoodSociety(seed: number, ms: number): Promise<SocietyEvent[]> {
  const { mood, controller, model } = moodModules();
  const society = createSociety({
    seed,
    runId: 'det',
    model,
    agents: Array.from({ length: 20 }, (_, i) => ({
      id: `a${i}`,
      modules: [mood, controller],
      bottleneck: { fields: [{ slot: 'mood' }] },
    })),
  });
  await society.runFor(ms);
  await society.stop();
  return society.events.read();
}

describe('society', () => {
  it('produces the same event log for the same seed, and a different one for another seed', async () => {
    const a = await runMoodSociety(42, 30_000);
    const b = await runMoodSociety(42, 30_000);
    const c = await runMoodSociety(43, 30_000);
    expect(a.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('resumes from a checkpoint exactly where the original run goes on', async () => {
    const { mood, controller, model } = moodModules();
    const make = (store: MemoryStore, runId: string) =>
      createSociety({
        seed: 7,
        runId,
        model,
        store,
        agents: ['x', 'y', 'z'].map((id) => ({
          id,
          modules: [mood, controller],
          bottleneck: { fields: [{ slot: 'mood' }] },
        })),
      });
    const store = new MemoryStore();
    const original = make(store, 'cp');
    await original.runFor(20_000);
    const checkpoint = await original.checkpoint();
    await original.runFor(20_000);
    const afterOriginal = (await original.events.read({ afterSeq: checkpoint.eventSeq })).filter(
      (e) => e.type !== 'society.stopped',
    );

    const resumed = make(store, 'cp-resumed');
    await resumed.restore(JSON.parse(JSON.stringify(checkpoint)));
    expect(resumed.agent('x').state.get('mood')).toEqual(checkpoint.agents[0]?.slots.mood?.value);
    await resumed.runFor(20_000);
    const afterResumed = (await resumed.events.read({ afterSeq: checkpoint.eventSeq })).filter(
      (e) => e.type !== 'society.started' && e.type !== 'agent.added',
    );
    const strip = (events: SocietyEvent[]) => events.map(({ seq: _seq, ...rest }) => rest);
    expect(strip(afterResumed)).toEqual(strip(afterOriginal));
    expect(resumed.agent('y').state.get('mood')).toEqual(original.agent('y').state.get('mood'));
    await original.stop();
    await resumed.stop();
  });

  it('refuses a checkpoint that does not fit, leaving the society unchanged', async () => {
    const { mood, controller, model } = moodModules();
    const society = createSociety({ model, agents: [{ id: 'x', modules: [mood, controller] }] });
    await society.runFor(5_000);
    const checkpoint = await society.checkpoint();
    const other = createSociety({ model, agents: [{ id: 'x', modules: [mood] }] });
    await expect(other.restore(checkpoint)).rejects.toThrow(
      /modules \[mood\] but the checkpoint has \[mood,controller\]/,
    );
    const otherSeed = createSociety({ model, seed: 999, agents: [{ id: 'x', modules: [mood, controller] }] });
    await expect(otherSeed.restore(checkpoint)).rejects.toThrow(/seed "1" but this society has seed "999"/);
    const extra = createSociety({
      model,
      agents: [
        { id: 'x', modules: [mood, controller] },
        { id: 'y', modules: [mood] },
      ],
    });
    await expect(extra.restore(checkpoint)).rejects.toThrow(/agents the checkpoint lacks: y/);
    const tampered = structuredClone(checkpoint);
    (tampered.agents[0]?.slots.mood as { value: unknown }).value = { value: 'high', history: [] };
    const fresh = createSociety({ model, agents: [{ id: 'x', modules: [mood, controller] }] });
    await expect(fresh.restore(tampered)).rejects.toThrow(/mood\.value/);
    expect(fresh.agent('x').state.get('mood')).toEqual({ value: 0, history: [] });
    await society.stop();
  });

  it('lets running modules finish on a graceful stop and flushes the store', async () => {
    let finished = 0;
    const slow = defineModule({
      name: 'slow',
      cadenceMs: 1000,
      async run(ctx) {
        await ctx.clock.sleep(5_000);
        finished++;
      },
    });
    const store = new MemoryStore();
    const society = createSociety({ runId: 'stop', store, agents: [{ id: 'a', modules: [slow] }] });
    await society.runFor(1_500);
    expect(society.scheduler.running).toBe(1);
    await society.stop('test over');
    expect(finished).toBe(1);
    expect(society.state).toBe('stopped');
    const stored = await store.readEvents('stop', { types: ['society.stopped'] });
    expect(stored[0]?.type === 'society.stopped' && stored[0].data.reason).toBe('test over');
    expect(await store.loadAgent('stop', 'a')).toBeDefined();
  });

  it('runs on the real clock too', async () => {
    let runs = 0;
    const tick = defineModule({
      name: 'tick',
      cadenceMs: 20,
      run() {
        runs++;
      },
    });
    const society = createSociety({ clock: 'real', agents: [{ id: 'a', modules: [tick] }] });
    await society.runFor(300);
    await society.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(society.stats().tick?.runs).toBe(runs);
  });
});

describe('society config', () => {
  const tick = defineModule({
    name: 'tick',
    cadenceMs: 1000,
    options: z.object({ step: z.number().default(1) }),
    run() {},
  });
  const registry = { tick };

  it('names the path and what was expected for every error', () => {
    let error: unknown;
    try {
      buildSociety(
        {
          seed: 1,
          clock: 'fast',
          agents: [
            { id: 'ok', modules: ['tick'] },
            { id: 'bad id!', modules: 3 },
          ],
        },
        { modules: registry },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['clock', 'agents.1.id', 'agents.1.modules']));
    expect((error as Error).message).toMatch(/clock: Invalid option: expected one of "virtual"\|"real"/);
  });

  it('suggests the closest module name for an unknown one', () => {
    expect(() => buildSociety({ agents: [{ id: 'a', modules: ['tik'] }] }, { modules: registry })).toThrow(
      /agents\.0\.modules\.0: unknown module "tik" \(did you mean "tick"\?\)/,
    );
  });

  it('validates module options against the module schema, with the path', () => {
    expect(() =>
      buildSociety(
        { agents: [{ id: 'a', modules: [{ name: 'tick', options: { step: 'two' } }] }] },
        { modules: registry },
      ),
    ).toThrow(/agents\.0\.modules\.0 \(tick\): invalid options: options\.step/);
  });

  it('expands groups and reads YAML files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sid-config-'));
    const file = join(dir, 'society.yaml');
    await writeFile(
      file,
      [
        'seed: 4',
        'modules: [tick]',
        'agents:',
        '  - id: mayor',
        '    traits: { persona: leader }',
        'groups:',
        '  - { prefix: farmer, count: 3 }',
      ].join('\n'),
    );
    const config = await loadSocietyConfig(file);
    const society = buildSociety(config, { modules: registry });
    expect([...society.agents.keys()]).toEqual(['mayor', 'farmer1', 'farmer2', 'farmer3']);
    expect(society.agent('mayor').state.get('traits').persona).toBe('leader');
    await writeFile(file, 'seed: 4\nagents: []\n');
    await expect(loadSocietyConfig(file)).rejects.toThrow(
      /society\.yaml: invalid society config:\n\s+agents: a society needs at least one agent/,
    );
  });
});
