import { createSociety, defineController, defineModule, runModuleOnce, type SocietyEvent, TRIGGERS } from '@sid/core';
import { createHeadlessWorld } from '@sid/headless';
import { describe, expect, it } from 'vitest';
import { conversationSlot } from '../src/slots/conversation-slot.js';
import { talkingModule } from '../src/talking/talking-module.js';

/** A controller as chatty as the worst LLM: it answers every line it hears, forever. */
const chattyController = defineController({
  cadenceMs: 2_000,
  triggers: [TRIGGERS.chatReceived],
  decide: (view, ctx) => {
    const heard = (view.fields.heardChat as { from: string; text: string }[] | undefined) ?? [];
    const last = heard[heard.length - 1];
    const n = ctx.decision()?.seq ?? 0;
    return {
      intent: 'chat',
      say: last ? `${ctx.agentId} answers ${last.from} (#${n})` : `hello from ${ctx.agentId} (#${n})`,
    };
  },
  bottleneck: { fields: [{ slot: 'heardChat', maxItems: 3 }] },
});

/** Keeps the agents standing still next to each other. */
const idle = defineModule({ name: 'idle', cadenceMs: 60_000, run() {} });

async function chatRun(maxTurns: number): Promise<SocietyEvent[]> {
  const world = createHeadlessWorld({ spawn: { points: [{ x: 0, z: 0 }], radius: 2 } });
  const society = createSociety({
    seed: 4,
    environment: world,
    agents: ['ada', 'bo'].map((id) => ({
      id,
      modules: [chattyController, talkingModule.with({ maxTurns, cooldownMs: 60_000, phrasing: 'verbatim' }), idle],
    })),
  });
  await society.runFor(5 * 60_000);
  await society.stop();
  return society.events.read();
}

describe('talking', () => {
  it('never lets two agents loop: a pair exchanges at most maxTurns lines in a row, then pauses', async () => {
    const events = await chatRun(4);
    const chats = events.filter((e): e is Extract<SocietyEvent, { type: 'chat' }> => e.type === 'chat');
    expect(chats.length).toBeGreaterThan(4);
    // Longest exchange: consecutive lines alternating between the two with no 30 s silence.
    let longest = 1;
    let run = 1;
    for (let i = 1; i < chats.length; i++) {
      const [prev, cur] = [chats[i - 1], chats[i]] as [SocietyEvent, SocietyEvent];
      run = cur.agentId !== prev.agentId && cur.at - prev.at <= 30_000 ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThanOrEqual(4 + 1);
    // No spam either: the controller wants to speak every 2 s, i.e. ~300 lines in 5 min.
    for (const id of ['ada', 'bo']) expect(chats.filter((c) => c.agentId === id).length).toBeLessThanOrEqual(30);
    const refusals = events.filter((e) => e.type === 'custom' && e.data.name === 'talking.refused');
    expect(refusals.length).toBeGreaterThan(0);
  });

  it('says exactly what the latest decision says, once per decision', async () => {
    const events = await chatRun(6);
    const says = new Map<string, string | null>(); // agent/seq → say
    const said = new Map<string, { decisionSeq: number; text: string }[]>();
    let chats = 0;
    for (const e of events) {
      if (e.type === 'decision' && e.agentId) says.set(`${e.agentId}/${e.data.seq}`, e.data.say);
      if (e.type === 'custom' && e.data.name === 'talking.said' && e.agentId) {
        const data = e.data.data as { decisionSeq: number; text: string };
        // The line comes from the agent's latest decision at the moment it speaks.
        expect(says.get(`${e.agentId}/${data.decisionSeq}`)).toBe(data.text);
        expect([...says.keys()].filter((k) => k.startsWith(`${e.agentId}/`)).pop()).toBe(
          `${e.agentId}/${data.decisionSeq}`,
        );
        said.set(e.agentId, [...(said.get(e.agentId) ?? []), data]);
      }
      if (e.type === 'chat' && e.agentId) {
        chats++;
        const mine = said.get(e.agentId) ?? [];
        expect(mine.map((m) => m.text)).toContain(e.data.text);
      }
    }
    expect(chats).toBeGreaterThan(4);
    for (const lines of said.values()) {
      const seqs = lines.map((l) => l.decisionSeq);
      expect(new Set(seqs).size).toBe(seqs.length); // each decision spoken at most once
    }
  });

  it('refuses to talk to itself', async () => {
    const { agent, events } = await runModuleOnce(talkingModule, {
      agentId: 'ada',
      initial: {
        decision: {
          intent: 'talk',
          say: 'hi me',
          sayTo: null,
          action: null,
          target: 'ada',
          rationale: '',
          at: 1,
          seq: 3,
        },
        heardChat: [{ from: 'ada', text: 'echo', mode: 'say', at: 1, distance: 0 }],
      },
      body: (await bodyFor('ada')).body,
    });
    expect(events.some((e) => e.type === 'chat')).toBe(false);
    expect(events.find((e) => e.type === 'custom' && e.data.name === 'talking.refused')?.data).toMatchObject({
      data: { reason: 'would talk to itself' },
    });
    expect(agent.state.read(conversationSlot).lastSaidSeq).toBe(3);
  });
});

async function bodyFor(id: string) {
  const world = createHeadlessWorld({});
  const { VirtualClock } = await import('@sid/core');
  await world.init({ clock: new VirtualClock(), seed: 'talk' });
  return { world, body: await world.createBody(id) };
}
