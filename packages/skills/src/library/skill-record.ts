import type { JsonObject } from '@sid/core';
import { z } from 'zod';
import type { AnySkill, ExpectedOutcome } from '../skill.js';

const vec3 = z.object({ x: z.number(), y: z.number(), z: z.number() });
const expectedSchema = z.object({
  items: z.array(z.object({ item: z.union([z.string(), z.array(z.string())]), count: z.number() })).optional(),
  position: z.object({ target: vec3, within: z.number() }).optional(),
});

/** The persisted form of a learned skill (a plain JSON document in the Store). */
export const skillRecordSchema = z.object({
  name: z.string().regex(/^[A-Za-z_$][\w$]*$/),
  description: z.string().min(1),
  /** JavaScript source: `async function name(bot, params) { … }`. */
  code: z.string().min(1),
  /** The task it was learned for. */
  task: z.string(),
  /** What verified its success; reused as its expectation. */
  expected: expectedSchema,
  requires: z.array(z.object({ item: z.string(), count: z.number() })).default([]),
  produces: z.array(z.object({ item: z.string(), count: z.number() })).default([]),
  createdBy: z.string(),
  createdAt: z.string(),
  /** How many attempts the learning loop took. */
  attempts: z.number().int().min(1),
});

/** A learned skill as stored. */
export type SkillRecord = z.infer<typeof skillRecordSchema>;

/** Parameters of learned skills: any JSON object (the code reads what it needs). */
const learnedParams = z.record(z.string(), z.json()) as unknown as z.ZodType<JsonObject>;

/** Turns a stored record into a runnable learned skill. */
export function learnedSkill(record: SkillRecord): AnySkill {
  const expected = record.expected as ExpectedOutcome;
  return {
    name: record.name,
    description: record.description,
    kind: 'learned',
    params: learnedParams,
    code: record.code,
    dependencies: [],
    requires: record.requires,
    produces: record.produces,
    expect: () => expected,
  };
}
