import { defineModule, type MemoryEntry, PRIORITY } from '@sid/core';
import { z } from 'zod';
import { memoryMetaSlot } from '../slots/memory-meta-slot.js';
import { skillExecutionSlot } from '../slots/skill-execution-slot.js';
import { longTermNamespace, retrievalWeightsSchema, retrieveMemories } from './retrieval.js';

export const memoryOptions = z.object({
  /** Entries kept in short-term memory; older ones are consolidated. */
  shortTermCapacity: z.number().int().positive().default(40),
  /** Entries at least this important go to long-term memory when they leave short-term memory. */
  longTermMinImportance: z.number().min(0).max(10).default(3),
  /** Memories recalled into working memory for the current focus. */
  recall: z.number().int().min(0).max(10).default(3),
  weights: retrievalWeightsSchema.default({ recency: 1, importance: 1, relevance: 1, decayPerMinute: 0.99 }),
});

/** Importance (0–10) by kind, a cheap stand-in for asking a model to rate every memory. */
const IMPORTANCE: Record<string, number> = { chat: 4, decision: 2, success: 4, failure: 5, insight: 7 };

/**
 * Memory (no chat model; embeddings only): takes new chat, decisions and skill attempts into
 * short-term memory, consolidates what overflows into long-term memory (VectorIndex), and keeps the
 * current focus with the most relevant recollections in working memory.
 *
 * Reads: heardChat, decisionHistory, goals, skillExecution. Writes: shortTermMemory, longTermMemory,
 * workingMemory, memoryMeta. Cadence 3 s.
 */
export const memoryModule = defineModule({
  name: 'memory',
  description: 'Working, short-term and long-term memory with recency/importance/relevance retrieval.',
  slots: [memoryMetaSlot, skillExecutionSlot],
  reads: ['heardChat', 'decisionHistory', 'goals', 'skillExecution'],
  writes: ['shortTermMemory', 'longTermMemory', 'workingMemory', 'memoryMeta'],
  cadenceMs: 3_000,
  priority: PRIORITY.memory,
  tier: 'cheap',
  options: memoryOptions,
  async run(ctx) {
    const meta = ctx.read(memoryMetaSlot);
    const since = meta.ingestedUntil;
    const fresh: MemoryEntry[] = [];
    for (const line of ctx.get('heardChat')) {
      if (line.at > since)
        fresh.push({
          at: line.at,
          kind: 'chat',
          text: `${line.from} said: ${line.text}`,
          importance: IMPORTANCE.chat ?? 4,
        });
    }
    for (const d of ctx.get('decisionHistory')) {
      if (d.at > since)
        fresh.push({
          at: d.at,
          kind: 'decision',
          text: `I decided: ${d.intent}`,
          importance: IMPORTANCE.decision ?? 2,
        });
    }
    for (const a of ctx.read(skillExecutionSlot).history) {
      if (a.at > since) {
        const text = a.ok
          ? `${a.skill} ${a.target ?? ''} worked`
          : `${a.skill} ${a.target ?? ''} failed: ${a.reason ?? 'unknown'}`;
        fresh.push({
          at: a.at,
          kind: a.ok ? 'success' : 'failure',
          text,
          importance: (a.ok ? IMPORTANCE.success : IMPORTANCE.failure) ?? 3,
        });
      }
    }
    fresh.sort((a, b) => a.at - b.at);
    let shortTerm = [...ctx.get('shortTermMemory'), ...fresh];
    const overflow = shortTerm.length - ctx.options.shortTermCapacity;
    if (overflow > 0) {
      const leaving = shortTerm.slice(0, overflow);
      shortTerm = shortTerm.slice(overflow);
      const keep = leaving.filter((m) => m.importance >= ctx.options.longTermMinImportance);
      if (keep.length > 0) {
        const { embeddings } = await ctx.model.embed({ texts: keep.map((m) => m.text), signal: ctx.signal });
        const namespace = longTermNamespace(ctx.agentId);
        await ctx.vectorIndex.upsert(
          namespace,
          keep.map((m, i) => ({
            id: `${ctx.agentId}:${m.at}:${i}:${m.kind}`,
            vector: embeddings[i] ?? [],
            metadata: { at: m.at, kind: m.kind, text: m.text, importance: m.importance },
          })),
        );
        ctx.write('longTermMemory', {
          namespace,
          entries: await ctx.vectorIndex.count(namespace),
          consolidatedAt: ctx.now(),
        });
      }
    }
    if (fresh.length > 0 || overflow > 0) ctx.write('shortTermMemory', shortTerm);
    const latest = fresh.length > 0 ? (fresh[fresh.length - 1] as MemoryEntry).at : since;
    if (latest !== since) ctx.write(memoryMetaSlot, { ...meta, ingestedUntil: latest });

    const goals = ctx.get('goals');
    const focus = goals.items.find((g) => g.id === goals.current)?.text ?? ctx.decision()?.intent ?? '';
    const current = ctx.get('workingMemory');
    // A recall costs an embedding call: redo it only when the focus or long-term memory has changed.
    const lastRecall = ctx.read(memoryMetaSlot).recalledAt;
    if (current.focus === focus && lastRecall >= ctx.get('longTermMemory').consolidatedAt) return;
    const recalled =
      focus && ctx.options.recall > 0
        ? await retrieveMemories({
            agentId: ctx.agentId,
            query: focus,
            now: ctx.now(),
            model: ctx.model,
            index: ctx.vectorIndex,
            weights: ctx.options.weights,
            k: ctx.options.recall,
            signal: ctx.signal,
          })
        : [];
    ctx.write('workingMemory', { focus, items: recalled.map((m) => m.text) });
    ctx.update(memoryMetaSlot, (m) => ({ ...m, recalledAt: ctx.now() }));
  },
});
