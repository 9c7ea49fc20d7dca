import type { ActionOutcome, Body, JsonValue } from '@sid/core';
import { z } from 'zod';

const name = z.string().min(1).max(100);
const count = z.number().int().min(1).max(4096);
const vec3 = z.strictObject({ x: z.number().finite(), y: z.number().finite(), z: z.number().finite() });
const moveTarget = z.union([vec3, z.strictObject({ entity: name })]);
const text = z.string().max(256);

/**
 * The Body primitives a sandboxed skill may call, with the argument tuple each accepts. Nothing
 * else crosses the bridge: arguments arrive as JSON and are checked here before the body sees them.
 */
export const BRIDGE_PRIMITIVES = {
  perceive: z.tuple([]),
  findBlocks: z.tuple([
    z.strictObject({
      name: z.union([name, z.array(name).max(32)]),
      maxDistance: z.number().positive().max(256).optional(),
      count: z.number().int().min(1).max(256).optional(),
    }),
  ]),
  findEntities: z.tuple([
    z
      .strictObject({
        kind: z.enum(['player', 'item', 'mob', 'other']).optional(),
        maxDistance: z.number().positive().max(256).optional(),
      })
      .optional(),
  ]),
  moveTo: z.tuple([moveTarget, z.strictObject({ range: z.number().min(0).max(64).optional() }).optional()]),
  dig: z.tuple([vec3]),
  collect: z.tuple([name, count]),
  place: z.tuple([name, vec3]),
  craft: z.tuple([name, count]),
  smelt: z.tuple([name, count, name.optional()]),
  equip: z.tuple([name]),
  eat: z.tuple([name]),
  drop: z.tuple([name, count]),
  give: z.tuple([name, name, count]),
  chestContents: z.tuple([vec3]),
  deposit: z.tuple([vec3, name, count]),
  withdraw: z.tuple([vec3, name, count]),
  attack: z.tuple([name]),
  chat: z.tuple([text, z.enum(['say', 'shout']).optional()]),
  whisper: z.tuple([name, text]),
} as const;

/** A primitive name a sandboxed skill may call. */
export type BridgePrimitive = keyof typeof BRIDGE_PRIMITIVES;

/** Primitives that act (their outcomes are recorded); the rest only look. */
export const BRIDGE_QUERIES: ReadonlySet<BridgePrimitive> = new Set(['perceive', 'findBlocks', 'findEntities']);

/** One primitive call made by sandboxed code, with its outcome. */
export interface BridgeCall {
  primitive: BridgePrimitive;
  args: JsonValue[];
  outcome?: ActionOutcome;
}

/** Calls `primitive` on `body` with already-validated arguments and the run's abort signal. */
export async function callPrimitive(
  body: Body,
  primitive: BridgePrimitive,
  args: unknown[],
  signal: AbortSignal,
): Promise<unknown> {
  const o = { signal };
  // Arguments were checked against BRIDGE_PRIMITIVES by the caller.
  const a = args as [never, never, never];
  switch (primitive) {
    case 'perceive':
      return body.perceive();
    case 'findBlocks':
      return body.findBlocks(a[0]);
    case 'findEntities':
      return body.findEntities(a[0]);
    case 'moveTo':
      return body.moveTo(a[0], { ...((a[1] as { range?: number } | undefined) ?? {}), ...o });
    case 'dig':
      return body.dig(a[0], o);
    case 'collect':
      return body.collect(a[0], a[1], o);
    case 'place':
      return body.place(a[0], a[1], o);
    case 'craft':
      return body.craft(a[0], a[1], o);
    case 'smelt':
      return body.smelt(a[0], a[1], a[2], o);
    case 'equip':
      return body.equip(a[0], o);
    case 'eat':
      return body.eat(a[0], o);
    case 'drop':
      return body.drop(a[0], a[1], o);
    case 'give':
      return body.give(a[0], a[1], a[2], o);
    case 'chestContents':
      return body.chestContents(a[0], o);
    case 'deposit':
      return body.deposit(a[0], a[1], a[2], o);
    case 'withdraw':
      return body.withdraw(a[0], a[1], a[2], o);
    case 'attack':
      return body.attack(a[0], o);
    case 'chat':
      return body.chat(a[0], a[1]);
    case 'whisper':
      return body.whisper(a[0], a[1]);
  }
}
