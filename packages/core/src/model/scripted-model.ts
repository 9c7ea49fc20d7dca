import type { z } from 'zod';
import type { EmbedRequest, Model, ObjectRequest, TextRequest } from '../ports/model.js';
import { formatIssues, SidError } from '../util/errors.js';
import { estimateTokens } from './estimate-tokens.js';
import { hashEmbedding } from './hash-embedding.js';

/** A call as a scripted model sees it. */
export type ScriptedCall = { kind: 'text'; request: TextRequest } | { kind: 'object'; request: ObjectRequest<unknown> };

/** Answers a call: a string for text, any value for objects (it is validated against the schema). */
export type ScriptedHandler = (call: ScriptedCall) => unknown | Promise<unknown>;

/**
 * A Model whose answers come from a function: for tests, demos and deterministic experiments.
 * Object answers are validated against the request's schema like a real model's output, so a bad
 * script fails loudly. Embeddings are the offline hashed embedding.
 */
export function createScriptedModel(handler: ScriptedHandler, id = 'scripted'): Model {
  const promptText = (r: TextRequest) => (r.system ?? '') + r.messages.map((m) => m.content).join('\n');
  return {
    id,
    offline: true,
    async generateText(request) {
      const text = String(await handler({ kind: 'text', request }));
      return {
        text,
        model: id,
        usage: { inputTokens: estimateTokens(promptText(request)), outputTokens: estimateTokens(text) },
      };
    },
    async generateObject<T>(request: ObjectRequest<T>) {
      const raw = await handler({ kind: 'object', request: request as ObjectRequest<unknown> });
      const parsed = (request.schema as z.ZodType<T>).safeParse(raw);
      if (!parsed.success) {
        throw new SidError(
          'invalid_model_output',
          `${id} answered "${request.schemaName}" with an invalid object:\n${formatIssues(parsed.error.issues)}`,
        );
      }
      return {
        object: parsed.data,
        model: id,
        usage: {
          inputTokens: estimateTokens(promptText(request)),
          outputTokens: estimateTokens(JSON.stringify(raw) ?? ''),
        },
      };
    },
    async embed(request: EmbedRequest) {
      return {
        embeddings: request.texts.map((t) => hashEmbedding(t)),
        model: `${id}:hash-embedding`,
        usage: { inputTokens: request.texts.reduce((n, t) => n + estimateTokens(t), 0), outputTokens: 0 },
      };
    },
  };
}
