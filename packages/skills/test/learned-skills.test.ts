import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChatMessage, createScriptedModel, MemoryStore, type ScriptedCall } from '@sid/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE_EMBEDDING_LABEL } from '../src/library/embedder.js';
import { learnSkill } from '../src/library/learn-skill.js';
import { SkillLibrary } from '../src/library/skill-library.js';
import { agent, world } from './helpers/world.js';

/** Recorded model answers: attempt 1 forgets the planks, attempt 2 (after feedback) makes them first. */
const FAILING_SKILL = `async function craftSticks(bot, params) {
  const sticks = await bot.craft('stick', 4);
  if (!sticks.ok) throw new Error('crafting sticks failed: ' + sticks.reason.message);
  return sticks.changes.items;
}`;
const WORKING_SKILL = `async function craftSticks(bot, params) {
  const inv = (await bot.perceive()).inventory;
  const logs = inv.find((s) => s.name.endsWith('_log'));
  if (!logs) throw new Error('no logs to make planks from');
  const planks = logs.name.replace('_log', '_planks');
  const made = await bot.craft(planks, 4);
  if (!made.ok) throw new Error(made.reason.message);
  bot.log('made', planks);
  const sticks = await bot.craft('stick', 4);
  if (!sticks.ok) throw new Error(sticks.reason.message);
  return sticks.changes.items;
}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sid-skills-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the learned-skill loop', () => {
  it('feeds a failure back, stores the working skill, retrieves it for a similar task, and keeps it across a restart', async () => {
    const prompts: string[] = [];
    const model = createScriptedModel((call: ScriptedCall) => {
      const text = call.request.messages.map((m: ChatMessage) => m.content).join('\n');
      prompts.push(text);
      return {
        name: 'craftSticks',
        description: 'Craft four sticks from the logs in the inventory, making planks first.',
        code: text.includes('Attempt 1 failed') ? WORKING_SKILL : FAILING_SKILL,
      };
    });
    const store = new MemoryStore();
    const library = await SkillLibrary.open({ store, directory: join(dir, 'vectors'), model });
    expect(library.embedder.label).toBe(OFFLINE_EMBEDDING_LABEL);

    const { world: w } = await world();
    const { body } = await agent(w, 'ann');
    body.grant('oak_log', 2);
    const result = await learnSkill({
      library,
      model,
      body,
      agentId: 'ann',
      task: 'craft 4 sticks',
      expected: { items: [{ item: 'stick', count: 4 }] },
      sandbox: { timeoutMs: 5000 },
    });

    expect(result.ok).toBe(true);
    expect(result.skillName).toBe('craftSticks');
    expect(result.attempts).toHaveLength(2);
    const [first, second] = result.attempts;
    expect(first?.outcome?.ok).toBe(false);
    expect(first?.outcome?.failure?.code).toBe('sandbox');
    expect(first?.outcome?.failure?.message).toMatch(/crafting sticks failed: missing 2 \w+_planks/);
    expect(second?.outcome?.ok).toBe(true);
    expect(second?.outcome?.observed.items.stick).toBe(4);
    expect(second?.outcome?.logs).toEqual(['made oak_planks']);

    // The second prompt carried the failure: the code, the error, the failed action's reason and a fresh observation.
    expect(prompts).toHaveLength(2);
    expect(prompts[0]).not.toContain('Attempt 1 failed');
    expect(prompts[1]).toContain('Attempt 1 failed.');
    expect(prompts[1]).toContain(FAILING_SKILL);
    expect(prompts[1]).toMatch(/\nError: crafting sticks failed: missing 2 \w+_planks/);
    expect(prompts[1]).toMatch(/Failed actions:\n- craft: missing 2 \w+_planks/);
    expect(prompts[1]).toMatch(/Observation after the attempt:\n.*Inventory: 2 oak_log/s);

    // Stored with its code and verification, and retrieved first for a similar task.
    expect(library.record('craftSticks')).toMatchObject({ code: WORKING_SKILL, createdBy: 'ann', attempts: 2 });
    const hits = await library.retrieve('make some sticks', { k: 5 });
    expect(hits.length).toBe(5);
    const learnedHits = await library.retrieve('make some sticks from logs', { kind: 'learned' });
    expect(learnedHits.map((h) => h.skill.name)).toEqual(['craftSticks']);
    expect(learnedHits[0]?.embedding).toBe(OFFLINE_EMBEDDING_LABEL);

    // Shared library: another agent runs it; statistics are kept per agent.
    const { body: bob } = await agent(w, 'bob');
    bob.grant('birch_log', 1);
    const run = await library.execute('craftSticks', 'bob', { body: bob });
    expect(run.ok).toBe(true);
    expect(run.observed.items).toMatchObject({ stick: 4, birch_log: -1 });
    const again = await library.execute('craftSticks', 'bob', { body: bob });
    expect(again.ok).toBe(false);
    const stats = library.statistics('craftSticks');
    expect(stats).toMatchObject({ attempts: 2, successes: 1, failures: { sandbox: 1 } });
    expect(stats.byAgent.bob).toMatchObject({ attempts: 2, successes: 1 });

    // Restart: a new library on the same store and index folder has the skill and its statistics.
    const reopened = await SkillLibrary.open({ store, directory: join(dir, 'vectors'), model });
    expect(reopened.record('craftSticks')?.code).toBe(WORKING_SKILL);
    expect(reopened.statistics('craftSticks').byAgent.bob?.attempts).toBe(2);
    const afterRestart = await reopened.retrieve('craft sticks please', { kind: 'learned' });
    expect(afterRestart[0]?.skill.name).toBe('craftSticks');
    const { body: cid } = await agent(w, 'cid');
    cid.grant('spruce_log', 1);
    expect((await reopened.execute('craftSticks', 'cid', { body: cid })).ok).toBe(true);
  });

  it('gives up after the attempt limit and stores nothing', async () => {
    let calls = 0;
    const model = createScriptedModel(() => {
      calls++;
      return { name: 'spin', description: 'Spins forever.', code: 'async function spin(bot) { for (;;) {} }' };
    });
    const library = await SkillLibrary.open({ model, builtins: [] });
    const { world: w } = await world();
    const { body } = await agent(w);
    const result = await learnSkill({
      library,
      model,
      body,
      agentId: 'ann',
      task: 'do something impossible',
      expected: { items: [{ item: 'diamond', count: 1 }] },
      maxAttempts: 3,
      sandbox: { timeoutMs: 200 },
    });
    expect(result.ok).toBe(false);
    expect(calls).toBe(3);
    expect(result.attempts.map((a) => a.outcome?.failure)).toEqual([
      expect.objectContaining({ code: 'sandbox', sandbox: 'timeout' }),
      expect.objectContaining({ code: 'sandbox', sandbox: 'timeout' }),
      expect.objectContaining({ code: 'sandbox', sandbox: 'timeout' }),
    ]);
    expect(library.learned()).toEqual([]);
  });

  it('a run that succeeds without achieving the goal is not stored (verification)', async () => {
    const model = createScriptedModel(() => ({
      name: 'pretend',
      description: 'Claims to mine diamonds.',
      code: `async function pretend(bot) { await bot.chat('I mined a diamond!'); return 'done'; }`,
    }));
    const library = await SkillLibrary.open({ model, builtins: [] });
    const { world: w } = await world();
    const { body } = await agent(w);
    const result = await learnSkill({
      library,
      model,
      body,
      agentId: 'ann',
      task: 'mine a diamond',
      expected: { items: [{ item: 'diamond', count: 1 }] },
      maxAttempts: 1,
    });
    expect(result.ok).toBe(false);
    expect(result.attempts[0]?.outcome?.failure).toMatchObject({
      code: 'expectation_not_met',
      missing: ['expected +1 diamond, got +0'],
    });
    expect(library.learned()).toEqual([]);
  });

  it('per-agent libraries are separate; name clashes get a suffix', async () => {
    const store = new MemoryStore();
    const ann = await SkillLibrary.open({ store, scope: { agent: 'ann' }, builtins: [] });
    const bob = await SkillLibrary.open({ store, scope: { agent: 'bob' }, builtins: [] });
    const record = {
      name: 'wave',
      description: 'Say hello to everyone nearby.',
      code: `async function wave(bot) { await bot.chat('hello'); }`,
      task: 'greet',
      expected: {},
      requires: [],
      produces: [],
      createdBy: 'ann',
      createdAt: '2026-01-01T00:00:00.000Z',
      attempts: 1,
    };
    expect(await ann.addLearned(record)).toBe('wave');
    expect(await ann.addLearned(record)).toBe('wave_2');
    expect(ann.record('wave_2')?.code).toBe(`async function wave_2(bot) { await bot.chat('hello'); }`);
    expect(bob.learned()).toEqual([]);
    expect((await SkillLibrary.open({ store, scope: { agent: 'ann' }, builtins: [] })).learned()).toHaveLength(2);
  });

  it('learned skills build on built-in skills through bot.skill, but cannot call learned ones', async () => {
    const library = await SkillLibrary.open();
    const base = {
      task: 'make a pickaxe',
      requires: [],
      produces: [],
      createdBy: 'ann',
      createdAt: '2026-01-01T00:00:00.000Z',
      attempts: 1,
    };
    await library.addLearned({
      ...base,
      name: 'pickaxeAndShout',
      description: 'Make a wooden pickaxe with the built-in skill, then tell everyone.',
      code: `async function pickaxeAndShout(bot) {
        const made = await bot.skill('makeWoodenPickaxe', {});
        if (!made.ok) throw new Error(made.failure.message);
        await bot.chat('I have a pickaxe');
        return made.observed.items.wooden_pickaxe;
      }`,
      expected: { items: [{ item: 'wooden_pickaxe', count: 1 }] },
    });
    await library.addLearned({
      ...base,
      name: 'callsLearned',
      description: 'Tries to run another learned skill.',
      code: `async function callsLearned(bot) { const r = await bot.skill('pickaxeAndShout', {}); return r.failure.message; }`,
      expected: {},
    });
    const { world: w } = await world();
    const { body } = await agent(w, 'ann');
    const outcome = await library.execute('pickaxeAndShout', 'ann', { body });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.value).toBe(1);
    expect(outcome.observed.items.wooden_pickaxe).toBe(1);
    // The built-in it called has statistics of its own.
    expect(library.statistics('makeWoodenPickaxe').byAgent.ann?.successes).toBe(1);
    const refused = await library.execute('callsLearned', 'ann', { body });
    expect(refused.value).toBe('learned skills can call built-in skills only, not pickaxeAndShout');
  });

  it('unknown skills fail with suggestions', async () => {
    const library = await SkillLibrary.open();
    const { world: w } = await world();
    const { body } = await agent(w);
    const outcome = await library.execute('makeIronPickax', 'ann', { body });
    expect(outcome.failure).toMatchObject({
      code: 'unknown_skill',
      suggestions: expect.arrayContaining(['makeIronPickaxe']),
    });
  });

  it('retrieves built-in skills by description (top 5)', async () => {
    const library = await SkillLibrary.open();
    const hits = await library.retrieve('make an iron pickaxe');
    expect(hits).toHaveLength(5);
    expect(hits[0]?.skill.name).toBe('makeIronPickaxe');
  });
});
