import type { Body, Model } from '@sid/core';
import { z } from 'zod';
import { executeSkill } from '../execute-skill.js';
import { entryFunctionName } from '../sandbox/run-sandboxed.js';
import type { SandboxLimits } from '../sandbox/sandbox-types.js';
import type { ExpectedOutcome, SkillOutcome } from '../skill.js';
import { type AttemptFeedback, BOT_API_REFERENCE, learningPrompt } from './prompts.js';
import type { SkillLibrary } from './skill-library.js';
import { learnedSkill, type SkillRecord } from './skill-record.js';

/** What the model must answer each attempt. */
export const learnedSkillAnswerSchema = z.object({
  name: z.string().regex(/^[A-Za-z_$][\w$]{0,63}$/, 'a JavaScript identifier'),
  description: z.string().min(1).max(500),
  code: z.string().min(1).max(20_000),
});

/** The model's answer for one attempt. */
export type LearnedSkillAnswer = z.infer<typeof learnedSkillAnswerSchema>;

/** Options for {@link learnSkill}. */
export interface LearnSkillOptions {
  library: SkillLibrary;
  model: Model;
  body: Body;
  agentId: string;
  /** What to achieve, in words. */
  task: string;
  /** How success is verified (inventory gains, position). */
  expected: ExpectedOutcome;
  /** Attempts before giving up (default 4). */
  maxAttempts?: number;
  /** Retrieved skills shown to the model (default 5). */
  k?: number;
  sandbox?: SandboxLimits;
  signal?: AbortSignal;
}

/** One attempt of the loop. */
export interface LearnAttempt {
  attempt: number;
  answer?: LearnedSkillAnswer;
  outcome?: SkillOutcome;
  /** Why the attempt did not count. */
  error?: string;
}

/** The loop's result: the stored skill's name on success, and every attempt. */
export interface LearnResult {
  ok: boolean;
  skillName?: string;
  attempts: LearnAttempt[];
}

function failedActions(outcome: SkillOutcome): string[] {
  return outcome.actions.filter((a) => !a.ok).map((a) => `${a.action}: ${a.reason?.message ?? 'failed'}`);
}

/**
 * The Voyager loop: for a task with no skill, the model writes an async JavaScript function against
 * the bot primitives; it runs in the sandbox; on failure the execution error, the failed actions'
 * reasons and a fresh observation go back to the model, up to `maxAttempts`. A run that succeeds and
 * passes verification (the expected inventory / position changes were observed) is stored in the
 * library with its description's embedding.
 */
export async function learnSkill(options: LearnSkillOptions): Promise<LearnResult> {
  const { library, model, body, agentId, task, expected } = options;
  const attempts: LearnAttempt[] = [];
  const feedback: AttemptFeedback[] = [];
  const maxAttempts = options.maxAttempts ?? 4;
  const retrieved = await library.retrieve(task, { k: options.k ?? 5, agentId });
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (options.signal?.aborted) break;
    const observation = await body.perceive();
    let answer: LearnedSkillAnswer;
    try {
      const result = await model.generateObject({
        schema: learnedSkillAnswerSchema,
        schemaName: 'learned_skill',
        schemaDescription: 'a new skill: name, description and JavaScript code',
        system: BOT_API_REFERENCE,
        messages: [
          { role: 'user', content: learningPrompt({ task, expected, observation, retrieved, previous: feedback }) },
        ],
        meta: { agentId, module: 'skills', tier: 'strong' },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      answer = result.object;
    } catch (error) {
      attempts.push({
        attempt,
        error: `the model gave no usable answer: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const entry = entryFunctionName(answer.code);
    if (entry !== answer.name) {
      const error = entry
        ? `the code defines async function ${entry} but the answer names ${answer.name}`
        : 'the code must define `async function name(bot, params) { … }`';
      attempts.push({ attempt, answer, error });
      feedback.push({
        attempt,
        code: answer.code,
        error,
        failedActions: [],
        logs: [],
        observationAfter: observation.text,
      });
      continue;
    }
    const record: SkillRecord = {
      name: answer.name,
      description: answer.description,
      code: answer.code,
      task,
      expected,
      requires: [],
      produces: (expected.items ?? []).flatMap((i) =>
        typeof i.item === 'string' ? [{ item: i.item, count: i.count }] : [],
      ),
      createdBy: agentId,
      createdAt: new Date().toISOString(),
      attempts: attempt,
    };
    const candidate = learnedSkill(record);
    const outcome = await executeSkill(
      candidate,
      library.contextFor(candidate, agentId, { body }),
      {},
      {
        ...(options.sandbox ? { sandbox: options.sandbox } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    attempts.push({ attempt, answer, outcome });
    if (outcome.ok) {
      const skillName = await library.addLearned(record);
      return { ok: true, skillName, attempts };
    }
    feedback.push({
      attempt,
      code: answer.code,
      error: outcome.failure?.message ?? 'failed',
      failedActions: failedActions(outcome),
      logs: outcome.logs ?? [],
      observationAfter: (await body.perceive()).text,
    });
  }
  return { ok: false, attempts };
}
