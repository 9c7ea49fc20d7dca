import { defineModule, PRIORITY, TRIGGERS } from '@sid/core';
import { z } from 'zod';
import { sanitizeUtterance } from '../prompt/untrusted.js';
import { conversationSlot } from '../slots/conversation-slot.js';

export const talkingOptions = z.object({
  /** Lines exchanged in a row with one partner (both directions) before the conversation is ended. */
  maxTurns: z.number().int().min(1).default(6),
  /** After a conversation ends, no new one with the same partner for this long (ms). */
  cooldownMs: z.number().int().nonnegative().default(60_000),
  /** Silence after which a conversation counts as over (ms). */
  conversationTimeoutMs: z.number().int().positive().default(30_000),
  /** Having spoken last, wait this long for a reply before speaking to the same partner again (ms). */
  replyWaitMs: z.number().int().nonnegative().default(8_000),
  /** Lines said in a row with no answer from anyone before the agent stops talking (until the timeout). */
  maxUnanswered: z.number().int().min(1).default(2),
  /** Shortest time between two lines of this agent (ms): no chat spam whatever the controller wants. */
  minIntervalMs: z.number().int().nonnegative().default(3_000),
  /** `say` (32 blocks) or `shout` (64). */
  mode: z.enum(['say', 'shout']).default('say'),
});

/**
 * Talking (reflex by default): speaks only what the controller's latest decision says, once per
 * decision, so talk matches action. It never addresses the agent itself, takes turns (does not speak
 * twice in a row to a partner who has not answered), ends a conversation after `maxTurns` lines with
 * a cooldown, stops after `maxUnanswered` lines nobody answers, and keeps `minIntervalMs` between
 * lines — so two agents can never loop and no agent can spam (what mindcraft users report).
 *
 * Reads: heardChat, environment. Writes: conversation. Triggers: decision broadcast, chat heard; 1 s cadence.
 */
export const talkingModule = defineModule({
  name: 'talking',
  description: 'Says what the controller decided, once, with turn-taking and an end to every conversation.',
  slots: [conversationSlot],
  reads: ['heardChat', 'environment'],
  writes: ['conversation'],
  cadenceMs: 1_000,
  triggers: [TRIGGERS.decisionBroadcast, TRIGGERS.chatReceived],
  priority: PRIORITY.talking,
  options: talkingOptions,
  async run(ctx) {
    const o = ctx.options;
    const now = ctx.now();
    const conv = { ...ctx.read(conversationSlot), cooldownUntil: { ...ctx.read(conversationSlot).cooldownUntil } };
    // Last line either way; -1 before anything was said or heard.
    let lastActivity = Math.max(conv.lastSpokeAt, conv.countedHeardUntil);
    for (const line of ctx.get('heardChat')) {
      if (line.at <= conv.countedHeardUntil || line.from === ctx.agentId) continue;
      conv.countedHeardUntil = line.at;
      conv.heard++;
      conv.unanswered = 0;
      const silence = lastActivity < 0 ? Number.POSITIVE_INFINITY : line.at - lastActivity;
      if (conv.partner === null || silence > o.conversationTimeoutMs) {
        conv.partner = line.from;
        conv.turns = 0;
      }
      if (line.from === conv.partner) conv.turns++;
      lastActivity = Math.max(lastActivity, line.at);
    }
    const decision = ctx.decision();
    const body = ctx.body;
    const pending = decision !== null && decision.say !== null && decision.seq > conv.lastSaidSeq;
    if (!pending || !body) {
      ctx.write(conversationSlot, conv);
      return;
    }
    const heardChat = ctx.get('heardChat');
    const known = new Set([...ctx.get('environment').nearbyAgents.map((a) => a.id), ...heardChat.map((l) => l.from)]);
    // Whom a line goes to: the decision's target if it is an agent, else the current partner, else
    // whoever spoke last within the timeout (a reply to nobody in particular is still a reply).
    const recentSpeaker =
      [...heardChat].reverse().find((l) => l.from !== ctx.agentId && now - l.at <= o.conversationTimeoutMs)?.from ??
      null;
    const addressee =
      decision.target !== null && known.has(decision.target) ? decision.target : (conv.partner ?? recentSpeaker);
    const refuse = (why: string) => {
      conv.lastSaidSeq = decision.seq; // this decision's line is dropped, not retried
      ctx.write(conversationSlot, conv);
      ctx.emit('talking.refused', { reason: why, decisionSeq: decision.seq });
    };
    if (addressee === ctx.agentId || decision.target === ctx.agentId) return refuse('would talk to itself');
    if (addressee !== null && (conv.cooldownUntil[addressee] ?? -1) > now)
      return refuse(`conversation with ${addressee} has ended`);
    if (addressee !== null && addressee === conv.partner && conv.turns >= o.maxTurns) {
      conv.cooldownUntil[addressee] = now + o.cooldownMs;
      conv.partner = null;
      conv.turns = 0;
      return refuse(`conversation reached ${o.maxTurns} lines`);
    }
    if (conv.unanswered >= o.maxUnanswered && now - conv.lastSpokeAt <= o.conversationTimeoutMs) {
      return refuse(`nobody answered my last ${conv.unanswered} lines`);
    }
    if (conv.lastSpokeAt >= 0 && now - conv.lastSpokeAt < o.minIntervalMs) {
      ctx.write(conversationSlot, conv); // too soon after the last line; retried on the next cadence
      return;
    }
    const spokeLast =
      conv.lastSpokeAt >= 0 && conv.lastSpokeAt >= lastActivity && addressee === conv.partner && addressee !== null;
    if (spokeLast && now - conv.lastSpokeAt < o.replyWaitMs) {
      ctx.write(conversationSlot, conv); // wait for the partner's turn; retried on the next cadence
      return;
    }
    const text = sanitizeUtterance(decision.say ?? '');
    if (text === '') return refuse('nothing to say');
    // Recorded before speaking: ties each chat line to the decision it comes from.
    ctx.emit('talking.said', { decisionSeq: decision.seq, text, to: addressee });
    const outcome = await body.chat(text, o.mode);
    const after = { ...conv, lastSaidSeq: decision.seq };
    if (outcome.ok) {
      after.sent++;
      after.unanswered = now - conv.lastSpokeAt > o.conversationTimeoutMs ? 1 : conv.unanswered + 1;
      after.lastSpokeAt = ctx.now();
      if (addressee !== null) {
        after.turns = addressee === conv.partner ? conv.turns + 1 : 1;
        after.partner = addressee;
      }
    }
    ctx.write(conversationSlot, after);
  },
});
