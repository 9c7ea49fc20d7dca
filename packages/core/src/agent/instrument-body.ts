import type { ActionOutcome, Body } from '../ports/body.js';
import type { JsonValue } from '../ports/json.js';

/** Body primitives that act (and so produce an outcome worth logging). */
export const ACTION_PRIMITIVES = [
  'moveTo',
  'dig',
  'collect',
  'place',
  'craft',
  'smelt',
  'equip',
  'eat',
  'drop',
  'give',
  'chestContents',
  'deposit',
  'withdraw',
  'attack',
  'chat',
  'whisper',
] as const;

export type ActionPrimitive = (typeof ACTION_PRIMITIVES)[number];

export interface ActionRecord {
  action: ActionPrimitive;
  args: JsonValue[];
  outcome: ActionOutcome;
  startedAt: number;
}

/** Drops AbortSignals (and other non-JSON values) so arguments can be logged. */
function jsonArgs(args: unknown[]): JsonValue[] {
  return args
    .filter((a) => a !== undefined)
    .map((a) => {
      if (a !== null && typeof a === 'object' && 'signal' in a) {
        const { signal: _signal, ...rest } = a as Record<string, unknown>;
        return JSON.parse(JSON.stringify(rest)) as JsonValue;
      }
      return JSON.parse(JSON.stringify(a ?? null)) as JsonValue;
    });
}

/**
 * Wraps a body so that every primitive's outcome is reported, whichever module or skill called it.
 * A primitive that throws (a bug in an adapter) becomes an `error` outcome instead of an exception.
 */
export function instrumentBody(body: Body, now: () => number, onAction: (record: ActionRecord) => void): Body {
  const wrapped: Record<string, unknown> = {
    agentId: body.agentId,
    perceive: () => body.perceive(),
    findBlocks: (q: Parameters<Body['findBlocks']>[0]) => body.findBlocks(q),
    findEntities: (q: Parameters<Body['findEntities']>[0]) => body.findEntities(q),
    onEvent: (listener: Parameters<Body['onEvent']>[0]) => body.onEvent(listener),
  };
  for (const name of ACTION_PRIMITIVES) {
    const original = (body[name] as (...args: unknown[]) => Promise<ActionOutcome>).bind(body);
    wrapped[name] = async (...args: unknown[]): Promise<ActionOutcome> => {
      const startedAt = now();
      let outcome: ActionOutcome;
      try {
        outcome = await original(...args);
      } catch (error) {
        outcome = {
          ok: false,
          reason: { code: 'error', message: error instanceof Error ? error.message : String(error) },
          changes: {},
          durationMs: now() - startedAt,
        };
      }
      onAction({ action: name, args: jsonArgs(args), outcome, startedAt });
      return outcome;
    };
  }
  return wrapped as unknown as Body;
}
