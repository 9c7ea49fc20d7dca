import { z } from 'zod';
import type { AgentState } from '../state/agent-state.js';
import { formatIssues, SidError } from '../util/errors.js';

/** One field of the bottleneck: which slot, how much of it, under which label. */
export const bottleneckFieldSchema = z.strictObject({
  slot: z.string().min(1),
  label: z.string().optional(),
  /** For list slots: how many items to keep. */
  maxItems: z.number().int().positive().optional(),
  /** Which end of a list to keep: `newest` (the end) or `oldest`. */
  take: z.enum(['newest', 'oldest']).default('newest'),
  /** Characters of rendered text kept for this field (cut with an ellipsis). */
  maxChars: z.number().int().positive().default(600),
  /** For object slots: a dotted path inside the value, e.g. `persona` of `traits`. */
  path: z.string().optional(),
});

/** Which parts of the agent state the cognitive controller sees, in order, and how much of each. */
export const bottleneckSpecSchema = z.strictObject({
  fields: z.array(bottleneckFieldSchema).min(1),
  /** Cap on the whole rendered view. */
  maxTotalChars: z.number().int().positive().default(4000),
});

export type BottleneckField = z.input<typeof bottleneckFieldSchema>;
export type BottleneckSpec = z.input<typeof bottleneckSpecSchema>;

/** The controller's view: the selected values, and the same rendered as prompt text. */
export interface BottleneckView {
  fields: Record<string, unknown>;
  text: string;
}

/** The default bottleneck: goals and the last outcome first, then memory, chat, surroundings and self. */
export const defaultBottleneck: BottleneckSpec = {
  fields: [
    { slot: 'traits', label: 'Persona', path: 'persona', maxChars: 300 },
    { slot: 'goals', label: 'Goals', maxChars: 600 },
    { slot: 'lastActionOutcome', label: 'Last action', maxChars: 400 },
    { slot: 'workingMemory', label: 'Focus', maxChars: 400 },
    { slot: 'heardChat', label: 'Heard', maxItems: 5, maxChars: 600 },
    { slot: 'shortTermMemory', label: 'Recent', maxItems: 6, maxChars: 700 },
    { slot: 'environment', label: 'Surroundings', path: 'text', maxChars: 500 },
    { slot: 'gameState', label: 'Self', maxChars: 500 },
  ],
  maxTotalChars: 4000,
};

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

function pick(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value || '(empty)';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value
      .map((item) => {
        if (item === null || typeof item !== 'object' || !('text' in item)) return JSON.stringify(item);
        // Chat lines keep who spoke; memories are their text.
        const { text, from } = item as { text: unknown; from?: unknown };
        return typeof from === 'string' ? `${from}: ${String(text)}` : String(text);
      })
      .map((line) => `- ${line}`)
      .join('\n');
  }
  return JSON.stringify(value);
}

// Specs are validated once per spec object: the controller renders every couple of seconds per agent.
const parsedSpecs = new WeakMap<BottleneckSpec, z.output<typeof bottleneckSpecSchema>>();

function parseSpec(spec: BottleneckSpec): z.output<typeof bottleneckSpecSchema> {
  const cached = parsedSpecs.get(spec);
  if (cached) return cached;
  const result = bottleneckSpecSchema.safeParse(spec);
  if (!result.success) {
    throw new SidError('bottleneck', `invalid bottleneck spec:\n${formatIssues(result.error.issues, 'bottleneck')}`);
  }
  parsedSpecs.set(spec, result.data);
  return result.data;
}

/**
 * Renders the agent state through a bottleneck spec. Slots the agent does not have are skipped, so
 * one spec can serve agents with different module sets.
 */
export function renderBottleneck(state: AgentState, spec: BottleneckSpec): BottleneckView {
  const parsed = parseSpec(spec);
  const fields: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const field of parsed.fields) {
    if (!state.has(field.slot)) continue;
    let value = pick(state.get(field.slot), field.path);
    if (Array.isArray(value) && field.maxItems !== undefined) {
      value = field.take === 'newest' ? value.slice(-field.maxItems) : value.slice(0, field.maxItems);
    }
    const key = field.path ? `${field.slot}.${field.path}` : field.slot;
    fields[key] = value;
    parts.push(`${field.label ?? key}:\n${truncate(renderValue(value), field.maxChars)}`);
  }
  return { fields, text: truncate(parts.join('\n\n'), parsed.maxTotalChars) };
}
