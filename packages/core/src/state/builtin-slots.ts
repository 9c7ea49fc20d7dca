import { z } from 'zod';
import { decisionSchema } from '../controller/decision.js';
import { defineSlot } from './slot.js';

/** A position in the world, in blocks. */
export const vec3Schema = z.object({ x: z.number(), y: z.number(), z: z.number() });

/** An item stack in an inventory. */
export const itemStackSchema = z.object({ name: z.string().min(1), count: z.number().int().nonnegative() });

/** Game state and proprioception: what the body knows about itself. */
export const gameStateSlot = defineSlot({
  name: 'gameState',
  description: 'Position, health, food, held item, inventory and time as the body last reported them.',
  schema: z.object({
    position: vec3Schema.nullable(),
    health: z.number().min(0),
    food: z.number().min(0),
    heldItem: z.string().nullable(),
    inventory: z.array(itemStackSchema),
    dead: z.boolean(),
    timeOfDay: z.number().nullable(),
    updatedAt: z.number(),
  }),
  initial: () => ({
    position: null,
    health: 20,
    food: 20,
    heldItem: null,
    inventory: [],
    dead: false,
    timeOfDay: null,
    updatedAt: 0,
  }),
});

/** Working memory: what the agent is attending to right now. */
export const workingMemorySlot = defineSlot({
  name: 'workingMemory',
  description: 'Current focus and the few facts held in mind for it.',
  schema: z.object({ focus: z.string(), items: z.array(z.string()) }),
  initial: () => ({ focus: '', items: [] }),
});

/** One remembered observation, chat line, action or reflection. */
export const memoryEntrySchema = z.object({
  at: z.number(),
  kind: z.string(),
  text: z.string(),
  importance: z.number().min(0).max(10).default(1),
});
export type MemoryEntry = z.infer<typeof memoryEntrySchema>;

/** Short-term memory: recent entries, bounded by the memory module. */
export const shortTermMemorySlot = defineSlot({
  name: 'shortTermMemory',
  description: 'Recent observations, chats and actions, newest last.',
  schema: z.array(memoryEntrySchema),
  initial: () => [],
});

/** Long-term memory lives in a VectorIndex; the state keeps a handle to it. */
export const longTermMemorySlot = defineSlot({
  name: 'longTermMemory',
  description: 'Handle of the long-term memory index (namespace, size, last consolidation).',
  schema: z.object({ namespace: z.string(), entries: z.number().int().nonnegative(), consolidatedAt: z.number() }),
  initial: () => ({ namespace: '', entries: 0, consolidatedAt: 0 }),
});

/** What the agent thinks of another agent. */
export const socialEntrySchema = z.object({
  summary: z.string(),
  sentiment: z.number().min(-1).max(1),
  likeability: z.number().min(0).max(10),
  lastSeenAt: z.number(),
  interactions: z.number().int().nonnegative(),
});

/** Social awareness: one entry per agent met, and the agent's guess of how others see it. */
export const socialSlot = defineSlot({
  name: 'social',
  description: 'Summary, sentiment and likeability per other agent; how others seem to see this agent.',
  schema: z.object({ others: z.record(z.string(), socialEntrySchema), selfImage: z.string() }),
  initial: () => ({ others: {}, selfImage: '' }),
});

/** A goal; goals form a graph through `parent`. */
export const goalSchema = z.object({
  id: z.string(),
  text: z.string(),
  parent: z.string().nullable(),
  status: z.enum(['active', 'done', 'failed', 'dropped']),
  kind: z.string().default('general'),
  createdAt: z.number(),
});
export type Goal = z.infer<typeof goalSchema>;

export const goalsSlot = defineSlot({
  name: 'goals',
  description: 'The goal graph and the goal currently pursued.',
  schema: z.object({ current: z.string().nullable(), items: z.array(goalSchema) }),
  initial: () => ({ current: null, items: [] }),
});

/** Environment detail: what the agent perceives around it. */
export const environmentSlot = defineSlot({
  name: 'environment',
  description: 'Nearby blocks, entities and players, and a short text rendering for prompts.',
  schema: z.object({
    text: z.string(),
    nearbyBlocks: z.array(z.object({ name: z.string(), distance: z.number(), position: vec3Schema })),
    nearbyAgents: z.array(z.object({ id: z.string(), distance: z.number() })),
    updatedAt: z.number(),
  }),
  initial: () => ({ text: '', nearbyBlocks: [], nearbyAgents: [], updatedAt: 0 }),
});

/** Big Five personality scores in [0, 1]. */
export const bigFiveSchema = z.object({
  openness: z.number().min(0).max(1),
  conscientiousness: z.number().min(0).max(1),
  extraversion: z.number().min(0).max(1),
  agreeableness: z.number().min(0).max(1),
  neuroticism: z.number().min(0).max(1),
});

/** Traits: Big Five scores in [0, 1], a free-text persona and an optional role. */
export const traitsSlot = defineSlot({
  name: 'traits',
  description: 'Big Five personality, persona and role.',
  schema: z.object({
    bigFive: bigFiveSchema,
    persona: z.string(),
    role: z.string().nullable(),
  }),
  initial: () => ({
    bigFive: { openness: 0.5, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0.5 },
    persona: '',
    role: null,
  }),
});

/** The cognitive controller's latest decision; written only through `ctx.decide()`. */
export const decisionSlot = defineSlot({
  name: 'decision',
  description: "The cognitive controller's latest broadcast decision.",
  schema: decisionSchema.nullable(),
  initial: () => null,
});

/** Bounded history of decisions, newest last. */
export const decisionHistorySlot = defineSlot({
  name: 'decisionHistory',
  description: 'Recent decisions of the cognitive controller, newest last.',
  schema: z.array(decisionSchema),
  initial: () => [],
});

/** What happened when the body last acted, and what was expected. */
export const actionOutcomeSchema = z.object({
  action: z.string(),
  ok: z.boolean(),
  reason: z.record(z.string(), z.unknown()).nullable(),
  expected: z.record(z.string(), z.unknown()).nullable(),
  startedAt: z.number(),
  finishedAt: z.number(),
});

export const lastActionOutcomeSlot = defineSlot({
  name: 'lastActionOutcome',
  description: 'The last action, its outcome, failure reason and expected result.',
  schema: actionOutcomeSchema.nullable(),
  initial: () => null,
});

/** A chat line the body heard (already filtered by range). */
export const heardChatSchema = z.object({
  from: z.string(),
  text: z.string(),
  mode: z.enum(['say', 'whisper', 'shout']),
  at: z.number(),
  distance: z.number().nullable(),
});

export const heardChatSlot = defineSlot({
  name: 'heardChat',
  description: 'Recent chat heard from others, newest last (bounded).',
  schema: z.array(heardChatSchema),
  initial: () => [],
});

/** Every built-in slot, in the order the paper lists the fields. */
export const builtinSlots = [
  gameStateSlot,
  workingMemorySlot,
  shortTermMemorySlot,
  longTermMemorySlot,
  socialSlot,
  goalsSlot,
  environmentSlot,
  traitsSlot,
  decisionSlot,
  decisionHistorySlot,
  lastActionOutcomeSlot,
  heardChatSlot,
] as const;

/**
 * Maps slot names to value types for typed `ctx.get(name)`. Third-party modules extend it:
 * `declare module '@sid/core' { interface SlotTypeMap { mySlot: MyType } }`.
 */
export interface SlotTypeMap {
  gameState: z.infer<typeof gameStateSlot.schema>;
  workingMemory: z.infer<typeof workingMemorySlot.schema>;
  shortTermMemory: MemoryEntry[];
  longTermMemory: z.infer<typeof longTermMemorySlot.schema>;
  social: z.infer<typeof socialSlot.schema>;
  goals: z.infer<typeof goalsSlot.schema>;
  environment: z.infer<typeof environmentSlot.schema>;
  traits: z.infer<typeof traitsSlot.schema>;
  decision: z.infer<typeof decisionSlot.schema>;
  decisionHistory: z.infer<typeof decisionHistorySlot.schema>;
  lastActionOutcome: z.infer<typeof lastActionOutcomeSlot.schema>;
  heardChat: z.infer<typeof heardChatSlot.schema>;
}

/** Names of slots with known types. */
export type SlotName = keyof SlotTypeMap & string;
