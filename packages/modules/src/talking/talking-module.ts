import { defineModule, PRIORITY, TRIGGERS } from '@sid/core';
import { z } from 'zod';
import { sanitizeUtterance } from '../prompt/untrusted.js';
import { conversationSlot } from '../slots/conversation-slot.js';
import { phraseUtterance, TALKING_PROMPT } from './utterance.js';

export const talkingOptions = z.object({
  /** Lines exchanged in a row with one partner (both directions) before the conversation is ended. */
  maxTurns: z.number().int().min(1).default(6),
  /** After a conversation ends, no new one with the same partner for this long (ms). */
  cooldownMs: z.number().int().nonnegative().default(60_000),
  /** Silence after which lines with a partner no longer count as the same conversation (ms). */
  conversationTimeoutMs: z.number().int().positive().default(30_000),
  /** Having spoken last to a partner, wait this long for a reply before speaking to them again (ms). */
  replyWaitMs: z.number().int().nonnegative().default(8_000),
  /** Lines said in a row with no answer from anyone before the agent stops talking (until the timeout). */
  maxUnanswered: z.number().int().min(1).default(2),
  /** Shortest time between two lines of this agent (ms): no chat spam whatever the controller wants. */
  minIntervalMs: z.number().int().nonnegative().default(3_000),
  /** `model`: the line is phrased by the model from the decision (cheap tier); `verbatim`: the decision's words. */
  phrasing: z.enum(['model', 'verbatim']).default('model'),
  /** Prompt for phrasing; placeholders: agentId, persona, intent, say, to, heard. */
  prompt: z.string().default(TALKING_PROMPT),
  /** `say` (32 blocks) or `shout` (64). */
  mode: z.enum(['say', 'shout']).default('say'),
});

type Conversation = ReturnType<typeof conversationSlot.initial>;

/** Counts one line in the thread with `partner`, starting a new thread after a silence. */
function countLine(conv: Conversation, partner: string, at: number, timeoutMs: number): void {
  const thread = conv.threads[partner];
  conv.threads[partner] =
    thread && at - thread.lastAt <= timeoutMs ? { turns: thread.turns + 1, lastAt: at } : { turns: 1, lastAt: at };
}

/**
 * Talking (model, cheap tier): speaks only what the controller's latest decision says — phrased by the
 * model from the decision (or verbatim), once per decision — so talk matches action. It never addresses the agent itself; keeps a thread per partner;
 * does not speak twice in a row to a partner who has not answered; ends a conversation after
 * `maxTurns` lines in a row with a cooldown; stops after `maxUnanswered` lines nobody answers; and
 * keeps `minIntervalMs` between lines — so two agents can never loop and no agent can spam (what
 * mindcraft users report).
 *
 * Reads: heardChat, environment, traits. Writes: conversation. Triggers: decision broadcast, chat heard; 1 s cadence.
 */
export const talkingModule = defineModule({
  name: 'talking',
  description: 'Says what the controller decided, once, with turn-taking and an end to every conversation.',
  slots: [conversationSlot],
  reads: ['heardChat', 'environment', 'traits'],
  writes: ['conversation'],
  cadenceMs: 1_000,
  triggers: [TRIGGERS.decisionBroadcast, TRIGGERS.chatReceived],
  priority: PRIORITY.talking,
  tier: 'cheap',
  options: talkingOptions,
  async run(ctx) {
    const o = ctx.options;
    const now = ctx.now();
    const stored = ctx.read(conversationSlot);
    const conv: Conversation = {
      ...stored,
      threads: { ...stored.threads },
      cooldownUntil: { ...stored.cooldownUntil },
    };
    const heardChat = ctx.get('heardChat');
    // Lines are in time order; several can share a millisecond, so the cursor is (time, lines counted at it).
    let seenAtCursor = 0;
    for (const line of heardChat) {
      if (line.at < conv.countedHeardUntil || line.from === ctx.agentId) continue;
      if (line.at === conv.countedHeardUntil) {
        seenAtCursor++;
        if (seenAtCursor <= conv.countedAtCursor) continue;
        conv.countedAtCursor = seenAtCursor;
      } else {
        conv.countedHeardUntil = line.at;
        conv.countedAtCursor = 1;
        seenAtCursor = 1;
      }
      conv.heard++;
      conv.unanswered = 0;
      countLine(conv, line.from, line.at, o.conversationTimeoutMs);
    }
    // Forget threads and cooldowns that no longer matter, so the slot stays small.
    for (const [who, t] of Object.entries(conv.threads))
      if (now - t.lastAt > o.conversationTimeoutMs) delete conv.threads[who];
    for (const [who, until] of Object.entries(conv.cooldownUntil)) if (until <= now) delete conv.cooldownUntil[who];

    const decision = ctx.decision();
    const body = ctx.body;
    if (decision === null || decision.say === null || decision.seq <= conv.lastSaidSeq || !body) {
      ctx.write(conversationSlot, conv);
      return;
    }
    const known = new Set([...ctx.get('environment').nearbyAgents.map((a) => a.id), ...heardChat.map((l) => l.from)]);
    const agentOrNull = (id: string | null) => (id !== null && known.has(id) ? id : null);
    // Whom the line is for: the decision says so, else its target if that is an agent, else whoever
    // spoke last within the timeout (a reply to nobody in particular is still a reply to them).
    const recentSpeaker =
      [...heardChat].reverse().find((l) => l.from !== ctx.agentId && now - l.at <= o.conversationTimeoutMs)?.from ??
      null;
    const addressee =
      decision.sayTo === ctx.agentId
        ? ctx.agentId
        : (agentOrNull(decision.sayTo) ?? agentOrNull(decision.target) ?? recentSpeaker);
    const refuse = (why: string) => {
      conv.lastSaidSeq = decision.seq; // this decision's line is dropped, not retried
      ctx.write(conversationSlot, conv);
      ctx.emit('talking.refused', { reason: why, decisionSeq: decision.seq, to: addressee });
    };
    if (addressee === ctx.agentId || decision.target === ctx.agentId) return refuse('would talk to itself');
    if (addressee !== null && (conv.cooldownUntil[addressee] ?? -1) > now)
      return refuse(`conversation with ${addressee} has ended`);
    const thread = addressee !== null ? conv.threads[addressee] : undefined;
    if (addressee !== null && thread && thread.turns >= o.maxTurns) {
      conv.cooldownUntil[addressee] = now + o.cooldownMs;
      delete conv.threads[addressee];
      return refuse(`conversation with ${addressee} reached ${o.maxTurns} lines`);
    }
    if (conv.unanswered >= o.maxUnanswered && now - conv.lastSpokeAt <= o.conversationTimeoutMs) {
      return refuse(`nobody answered my last ${conv.unanswered} lines`);
    }
    const spokeLastTo =
      addressee !== null &&
      conv.partner === addressee &&
      conv.lastSpokeAt >= (thread?.lastAt ?? -1) &&
      conv.lastSpokeAt >= 0;
    const tooSoon = conv.lastSpokeAt >= 0 && now - conv.lastSpokeAt < o.minIntervalMs;
    if (tooSoon || (spokeLastTo && now - conv.lastSpokeAt < o.replyWaitMs)) {
      ctx.write(conversationSlot, conv); // not this agent's turn yet: retried on the next cadence
      return;
    }
    let line = decision.say;
    if (o.phrasing === 'model') {
      const heard = heardChat.slice(-4).map((l) => ({ from: l.from, text: l.text }));
      const persona = ctx.get('traits').persona;
      line =
        (await phraseUtterance(ctx, {
          prompt: o.prompt,
          say: decision.say,
          intent: decision.intent,
          to: addressee,
          persona,
          heard,
        })) ?? decision.say;
    }
    // Phrasing takes time: if the controller decided again meanwhile, this line is stale — the newer
    // decision's line is spoken on the next run instead.
    if (ctx.decision()?.seq !== decision.seq) {
      ctx.write(conversationSlot, conv);
      return;
    }
    const text = sanitizeUtterance(line);
    if (text === '') return refuse('nothing to say');
    // Recorded before speaking: ties each chat line to the decision it comes from.
    ctx.emit('talking.said', { decisionSeq: decision.seq, text, to: addressee });
    const outcome = await body.chat(text, o.mode);
    const after: Conversation = { ...conv, lastSaidSeq: decision.seq };
    if (outcome.ok) {
      const at = ctx.now();
      after.sent++;
      after.unanswered = now - conv.lastSpokeAt > o.conversationTimeoutMs ? 1 : conv.unanswered + 1;
      after.lastSpokeAt = at;
      if (addressee !== null) {
        after.partner = addressee;
        after.threads = { ...conv.threads };
        countLine(after, addressee, at, o.conversationTimeoutMs);
      }
    }
    ctx.write(conversationSlot, after);
  },
});
