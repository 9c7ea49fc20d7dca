import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  ConfigError,
  didYouMean,
  formatModelSpec,
  type Model,
  type ModelSpec,
  parseModelSpec,
  SidError,
} from '@sid/core';
import type { EmbeddingModel, LanguageModel } from 'ai';
import { createAiSdkModel } from './ai-sdk-model.js';

/** Options for {@link createModelFromSpec}; everything is optional. */
export interface ModelFromSpecOptions {
  /** API key; default from the provider's environment variable (see {@link PROVIDERS}). */
  apiKey?: string;
  /** Endpoint; overrides the `@baseURL` of the spec and the provider's default. */
  baseURL?: string;
  /** Embedding model id on the same provider (default: `text-embedding-3-small` for OpenAI, none otherwise). */
  embeddingModel?: string;
  /** Where keys are read from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Custom fetch (proxies, tests). */
  fetch?: typeof globalThis.fetch;
  /** Extra HTTP headers on every request. */
  headers?: Record<string, string>;
  /** OpenAI-compatible servers: send the JSON schema in `response_format` (default true; set false for servers that reject it). */
  supportsStructuredOutputs?: boolean;
}

interface ProviderInfo {
  /** Environment variable holding the key, and whether a key is required at all. */
  keyEnv: string;
  keyRequired: boolean;
  build(
    spec: ModelSpec,
    key: string | undefined,
    options: ModelFromSpecOptions,
  ): {
    language: LanguageModel;
    embedding?: { id: string; model: EmbeddingModel };
  };
}

/** The providers a spec may name, with the environment variable each reads its key from. */
export const PROVIDERS: Readonly<Record<string, ProviderInfo>> = {
  openai: {
    keyEnv: 'OPENAI_API_KEY',
    keyRequired: true,
    build(spec, apiKey, options) {
      const provider = createOpenAI({
        ...(apiKey ? { apiKey } : {}),
        ...(baseURLOf(spec, options) ? { baseURL: baseURLOf(spec, options) } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      });
      const embeddingId = options.embeddingModel ?? 'text-embedding-3-small';
      // Chat Completions rather than the Responses API: it is what proxies and compatible servers speak.
      return {
        language: provider.chat(spec.model),
        embedding: { id: `openai:${embeddingId}`, model: provider.embedding(embeddingId) },
      };
    },
  },
  anthropic: {
    keyEnv: 'ANTHROPIC_API_KEY',
    keyRequired: true,
    build(spec, apiKey, options) {
      const provider = createAnthropic({
        ...(apiKey ? { apiKey } : {}),
        ...(baseURLOf(spec, options) ? { baseURL: baseURLOf(spec, options) } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      });
      return { language: provider.messages(spec.model) };
    },
  },
  'openai-compatible': {
    keyEnv: 'OPENAI_COMPATIBLE_API_KEY',
    keyRequired: false,
    build(spec, apiKey, options) {
      const baseURL = baseURLOf(spec, options);
      if (!baseURL) {
        throw new ConfigError(
          `model "${formatModelSpec(spec)}" needs a base URL: write it as "openai-compatible:${spec.model}@http://localhost:11434/v1" or pass baseURL`,
        );
      }
      const provider = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL,
        includeUsage: true,
        supportsStructuredOutputs: options.supportsStructuredOutputs ?? true,
        ...(apiKey ? { apiKey } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      });
      const embeddingId = options.embeddingModel;
      return {
        language: provider.chatModel(spec.model),
        ...(embeddingId
          ? {
              embedding: {
                id: `openai-compatible:${embeddingId}@${baseURL}`,
                model: provider.embeddingModel(embeddingId),
              },
            }
          : {}),
      };
    },
  },
};

function baseURLOf(spec: ModelSpec, options: ModelFromSpecOptions): string | undefined {
  return options.baseURL ?? spec.baseURL;
}

/**
 * Builds a {@link Model} from a `provider:model[@baseURL]` string:
 * `openai:gpt-4o`, `anthropic:claude-sonnet-4`, `openai-compatible:llama3@http://localhost:11434/v1`.
 * Keys come from `OPENAI_API_KEY` / `ANTHROPIC_API_KEY` / `OPENAI_COMPATIBLE_API_KEY` (optional) unless
 * given. An unknown provider or a missing key throws here, before any society starts.
 */
export function createModelFromSpec(spec: string, options: ModelFromSpecOptions = {}): Model {
  const parsed = parseModelSpec(spec);
  const info = PROVIDERS[parsed.provider];
  if (!info) {
    const known = Object.keys(PROVIDERS);
    throw new ConfigError(
      `unknown model provider "${parsed.provider}" in "${spec}"${didYouMean(parsed.provider, known)}; ` +
        `known providers: ${known.join(', ')}`,
    );
  }
  const env = options.env ?? process.env;
  const apiKey = options.apiKey ?? env[info.keyEnv];
  if (info.keyRequired && !apiKey) {
    throw new SidError(
      'missing_api_key',
      `model "${spec}" needs an API key: set ${info.keyEnv} in the environment (or pass apiKey). ` +
        'For a free local model use "openai-compatible:<model>@http://localhost:11434/v1" (Ollama).',
    );
  }
  const built = info.build(parsed, apiKey || undefined, options);
  return createAiSdkModel({
    id: formatModelSpec(parsed),
    languageModel: built.language,
    ...(built.embedding ? { embeddingModel: built.embedding.model, embeddingId: built.embedding.id } : {}),
  });
}
