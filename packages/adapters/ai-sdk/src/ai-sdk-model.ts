import type {
  EmbedRequest,
  EmbedResult,
  Model,
  ModelUsage,
  ObjectRequest,
  ObjectResult,
  TextRequest,
  TextResult,
} from '@sid/core';
import { SidError } from '@sid/core';
import {
  type EmbeddingModel,
  embedMany,
  generateObject,
  generateText,
  type LanguageModel,
  type ModelMessage,
} from 'ai';
import { toModelCallError } from './to-model-call-error.js';

/** The AI SDK models one {@link Model} speaks through. */
export interface AiSdkModelOptions {
  /** The id calls are reported under, e.g. `openai:gpt-4o`. */
  id: string;
  /** Chat and structured output. */
  languageModel: LanguageModel;
  /** Embeddings; without it `embed` fails with a clear error. */
  embeddingModel?: EmbeddingModel;
  /** The id embeddings are reported under (default: `id`). */
  embeddingId?: string;
}

function toMessages(request: TextRequest): ModelMessage[] {
  return request.messages.map((m) => ({ role: m.role, content: m.content }));
}

function toUsage(
  usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined,
): ModelUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

/**
 * A {@link Model} over the Vercel AI SDK. The SDK's own retries are off (`maxRetries: 0`): retrying,
 * backoff and fallback are the gateway's job, and every failure is rethrown as a classified
 * ModelCallError.
 */
export function createAiSdkModel(options: AiSdkModelOptions): Model {
  const { id, languageModel, embeddingModel } = options;
  const embeddingId = options.embeddingId ?? id;
  const common = (request: TextRequest) => ({
    model: languageModel,
    messages: toMessages(request),
    maxRetries: 0,
    ...(request.system !== undefined ? { system: request.system } : {}),
    ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.signal ? { abortSignal: request.signal } : {}),
  });
  return {
    id,
    offline: false,
    async generateText(request: TextRequest): Promise<TextResult> {
      try {
        const result = await generateText(common(request));
        return { text: result.text, usage: toUsage(result.usage), model: id };
      } catch (error) {
        throw toModelCallError(error, id, request.signal);
      }
    },
    async generateObject<T>(request: ObjectRequest<T>): Promise<ObjectResult<T>> {
      try {
        const result = await generateObject({
          ...common(request),
          schema: request.schema,
          schemaName: request.schemaName,
          ...(request.schemaDescription !== undefined ? { schemaDescription: request.schemaDescription } : {}),
        });
        return { object: result.object as T, usage: toUsage(result.usage), model: id };
      } catch (error) {
        throw toModelCallError(error, id, request.signal);
      }
    },
    async embed(request: EmbedRequest): Promise<EmbedResult> {
      if (!embeddingModel) {
        throw new SidError(
          'no_embedding_model',
          `${id} has no embedding model: pass { embeddingModel: '<id>' } to createModelFromSpec (Anthropic has none; use another provider for embeddings)`,
        );
      }
      try {
        const result = await embedMany({
          model: embeddingModel,
          values: request.texts,
          maxRetries: 0,
          ...(request.signal ? { abortSignal: request.signal } : {}),
        });
        return {
          embeddings: result.embeddings,
          usage: { inputTokens: result.usage?.tokens ?? 0, outputTokens: 0 },
          model: embeddingId,
        };
      } catch (error) {
        throw toModelCallError(error, embeddingId, request.signal);
      }
    },
  };
}
