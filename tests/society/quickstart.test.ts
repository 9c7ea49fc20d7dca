// The README's society, end to end: PIANO agents in the headless world with the offline model.
import type { SocietyEvent } from '@sid/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuickstart } from '../../examples/quickstart/quickstart-society.js';

type Custom = Extract<SocietyEvent, { type: 'custom' }>;
const customs = (events: SocietyEvent[], name: string) =>
  events.filter((e): e is Custom => e.type === 'custom' && e.data.name === name);

describe('quickstart society: 5 PIANO agents, 30 simulated minutes', () => {
  let events: SocietyEvent[];
  let items: Map<string, string[]>;

  beforeAll(async () => {
    const { society } = await buildQuickstart({ agents: 5, seed: 1 });
    await society.runFor(30 * 60_000);
    await society.stop();
    events = await society.events.read();
    items = new Map(
      [...society.agents.values()].map((a) => [
        a.id,
        Object.keys((a.state.get('progress') as { firstObtainedAt: object }).firstObtainedAt),
      ]),
    );
  }, 180_000);

  it('makes real progress: every agent obtains at least 5 unique items, one crafts a stone pickaxe', () => {
    expect(items.size).toBe(5);
    for (const [, got] of items) expect(got.length).toBeGreaterThanOrEqual(5);
    expect([...items.values()].some((got) => got.includes('stone_pickaxe'))).toBe(true);
    // Progress is observed, not claimed: a craft action for the pickaxe actually succeeded.
    expect(
      events.some(
        (e) => e.type === 'action' && e.data.action === 'craft' && e.data.ok && e.data.args[0] === 'stone_pickaxe',
      ),
    ).toBe(true);
  });

  it('says what it decided: every line spoken is the say of the decision current at that moment', () => {
    const say = new Map<string, string | null>();
    const latestSeq = new Map<string, number>();
    let lines = 0;
    for (const e of events) {
      if (e.type === 'decision' && e.agentId) {
        say.set(`${e.agentId}/${e.data.seq}`, e.data.say);
        latestSeq.set(e.agentId, e.data.seq);
      }
      if (e.type === 'custom' && e.data.name === 'talking.said' && e.agentId) {
        const d = e.data.data as { decisionSeq: number; text: string };
        expect(d.decisionSeq).toBe(latestSeq.get(e.agentId));
        expect(say.get(`${e.agentId}/${d.decisionSeq}`)).toBe(d.text);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(5);
    const chats = events.filter((e) => e.type === 'chat');
    expect(chats).toHaveLength(lines);
  });

  it('never talks to itself', () => {
    for (const e of customs(events, 'talking.said'))
      expect((e.data.data as { to: string | null }).to).not.toBe(e.agentId);
    for (const e of events) if (e.type === 'chat.heard') expect(e.data.from).not.toBe(e.agentId);
  });

  it('no pair of agents exchanges more than a bounded number of lines in a row', () => {
    const chats = events.filter((e) => e.type === 'chat');
    const byPair = new Map<string, { at: number; from: string }[]>();
    for (const e of customs(events, 'talking.said')) {
      const to = (e.data.data as { to: string | null }).to;
      if (!to || !e.agentId) continue;
      const pair = [e.agentId, to].sort().join('+');
      byPair.set(pair, [...(byPair.get(pair) ?? []), { at: e.at, from: e.agentId }]);
    }
    expect(chats.length).toBeGreaterThan(0);
    for (const lines of byPair.values()) {
      let run = 1;
      for (let i = 1; i < lines.length; i++) {
        const [prev, cur] = [lines[i - 1], lines[i]] as [{ at: number }, { at: number }];
        run = cur.at - prev.at <= 30_000 ? run + 1 : 1;
        expect(run).toBeLessThanOrEqual(6 + 1); // talking's default maxTurns is 6
      }
    }
  });

  it('runs without module errors', () => {
    const errors = events.filter((e) => e.type === 'module.run' && !e.data.ok);
    expect(errors.map((e) => (e.type === 'module.run' ? `${e.data.module}: ${e.data.error}` : ''))).toEqual([]);
  });
});

describe('reproducibility of the whole stack', () => {
  it('two runs with the same seed produce the same event log', async () => {
    const run = async () => {
      const { society } = await buildQuickstart({ agents: 3, seed: 7, runId: 'repro' });
      await society.runFor(5 * 60_000);
      await society.stop();
      return society.events.read();
    };
    const a = await run();
    const b = await run();
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  }, 120_000);
});

describe('ablation: action awareness', () => {
  /** Failed skill attempts that repeat the agent's previous failed attempt (same skill and target). */
  function repeatedFailures(events: SocietyEvent[]): number {
    let repeats = 0;
    const last = new Map<string, string>();
    for (const e of customs(events, 'skill.finished')) {
      const d = e.data.data as { skill: string; target: string | null; ok: boolean; interrupted: boolean };
      if (d.interrupted || !e.agentId) continue;
      if (d.ok) {
        last.delete(e.agentId);
        continue;
      }
      const key = `${d.skill}/${d.target}`;
      if (last.get(e.agentId) === key) repeats++;
      last.set(e.agentId, key);
    }
    return repeats;
  }

  it('without it, the same seed shows many more repeated failing actions (sparse forest)', async () => {
    const sparse = { terrain: { seaLevel: 62, baseHeight: 66, amplitude: 12, treeDensity: 0.12, oreAbundance: 1 } };
    const run = async (without: 'actionAwareness'[]) => {
      const { society } = await buildQuickstart({ agents: 5, seed: 1, without, world: sparse });
      await society.runFor(15 * 60_000);
      await society.stop();
      return repeatedFailures(await society.events.read());
    };
    const withAwareness = await run([]);
    const without = await run(['actionAwareness']);
    expect(without).toBeGreaterThan(50);
    expect(without).toBeGreaterThan(3 * withAwareness);
  }, 180_000);
});
