import {
  createRng,
  type EmbedRequest,
  estimateTokens,
  formatIssues,
  hashEmbedding,
  hashString,
  type JsonObject,
  type Model,
  type ObjectRequest,
  type ObjectResult,
  type Rng,
  SidError,
  type TextRequest,
} from '@sid/core';
import { answerDecision } from './answer-decision.js';
import { answerGoals } from './answer-goals.js';
import { answerPlan } from './answer-plan.js';
import { answerReflection } from './answer-reflection.js';
import { answerSocial } from './answer-social.js';
import { answerUtterance } from './answer-utterance.js';

/** Answers one structured request from its context. */
export type OfflineAnswerer = (context: JsonObject, rng: Rng) => unknown;

export interface OfflineModelOptions {
  /** Mixed into every answer's RNG; the same seed and context always give the same answer. */
  seed?: string | number;
  /** Extra or replacement answerers, by schema name (for third-party modules). */
  answerers?: Record<string, OfflineAnswerer>;
}

/** Label printed by runners and written into reports whenever this model was used. */
export const OFFLINE_MODEL_LABEL = 'offline (deterministic rule-based model; no LLM was called)';

const BUILTIN: Record<string, OfflineAnswerer> = {
  goals: answerGoals,
  decision: answerDecision,
  social: (context) => answerSocial(context),
  plan: (context) => answerPlan(context),
  reflection: (context) => answerReflection(context),
  utterance: (context) => answerUtterance(context),
};

/**
 * The offline model: a deterministic, seeded, rule-based Model that answers every built-in module's
 * structured request from the facts in `request.context` (never by parsing the prompt). It is the
 * default when no provider is configured; token usage is estimated (≈4 characters a token).
 */
export function createOfflineModel(options: OfflineModelOptions = {}): Model {
  const seed = String(options.seed ?? 0);
  const answerers = { ...BUILTIN, ...options.answerers };
  const promptChars = (r: TextRequest) =>
    (r.system ?? '').length + r.messages.reduce((n, m) => n + m.content.length, 0);
  return {
    id: 'offline',
    offline: true,
    async generateText(request) {
      const context = request.context ?? {};
      const text = typeof context.say === 'string' ? context.say : 'ok';
      return {
        text,
        model: 'offline',
        usage: { inputTokens: Math.ceil(promptChars(request) / 4), outputTokens: estimateTokens(text) },
      };
    },
    async generateObject<T>(request: ObjectRequest<T>): Promise<ObjectResult<T>> {
      const answerer = answerers[request.schemaName];
      if (!answerer) {
        throw new SidError(
          'offline_unsupported',
          `the offline model has no answer for "${request.schemaName}" (it knows: ${Object.keys(answerers).sort().join(', ')}); pass createOfflineModel({ answerers }) or configure a provider`,
        );
      }
      const context = request.context ?? {};
      const rng = createRng(`${seed}/${request.schemaName}/${hashString(JSON.stringify(context))}`);
      const raw = answerer(context, rng);
      const parsed = request.schema.safeParse(raw);
      if (!parsed.success) {
        throw new SidError(
          'invalid_model_output',
          `offline answer for "${request.schemaName}" is invalid:\n${formatIssues(parsed.error.issues)}`,
        );
      }
      return {
        object: parsed.data,
        model: 'offline',
        usage: { inputTokens: Math.ceil(promptChars(request) / 4), outputTokens: estimateTokens(JSON.stringify(raw)) },
      };
    },
    async embed(request: EmbedRequest) {
      return {
        embeddings: request.texts.map((t) => hashEmbedding(t)),
        model: 'offline:hash-embedding',
        usage: { inputTokens: request.texts.reduce((n, t) => n + estimateTokens(t), 0), outputTokens: 0 },
      };
    },
  };
}
