import { z } from 'zod';
import { ConfigError } from '../util/errors.js';

/** A parsed `provider:model[@baseURL]` string. */
export interface ModelSpec {
  /** e.g. `openai`, `anthropic`, `openai-compatible`. */
  provider: string;
  /** The provider's model id; may itself contain `:` (Ollama tags such as `llama3:8b`). */
  model: string;
  /** Endpoint for OpenAI-compatible servers, e.g. `http://localhost:11434/v1`. */
  baseURL?: string;
}

// provider, then the model (anything up to an `@http(s)://`), then the optional base URL.
const specRule = /^([a-z][a-z0-9-]*):(.+?)(?:@(https?:\/\/\S+))?$/;

/**
 * Parses `openai:gpt-4o`, `anthropic:claude-sonnet-4` or
 * `openai-compatible:llama3@http://localhost:11434/v1`. Throws a {@link ConfigError} naming the
 * expected shape when the string does not fit.
 */
export function parseModelSpec(spec: string): ModelSpec {
  const match = specRule.exec(spec.trim());
  if (!match) {
    throw new ConfigError(
      `invalid model "${spec}": expected "provider:model" or "provider:model@baseURL", ` +
        'e.g. "openai:gpt-4o" or "openai-compatible:llama3@http://localhost:11434/v1"',
      [{ path: '(model)', message: 'expected provider:model[@baseURL]' }],
    );
  }
  const [, provider, model, baseURL] = match as unknown as [string, string, string, string | undefined];
  return baseURL === undefined ? { provider, model } : { provider, model, baseURL };
}

/** The canonical string of a spec (the inverse of {@link parseModelSpec}). */
export function formatModelSpec(spec: ModelSpec): string {
  return `${spec.provider}:${spec.model}${spec.baseURL ? `@${spec.baseURL}` : ''}`;
}

/** The part of a model id a circuit breaker is kept for: the provider, plus the endpoint if there is one. */
export function providerKeyOf(modelId: string): string {
  const match = specRule.exec(modelId);
  if (!match) return modelId;
  return match[3] ? `${match[1]}@${match[3]}` : (match[1] as string);
}

/** Zod schema for one `provider:model[@baseURL]` string. */
export const modelSpecSchema = z.string().refine((s) => specRule.test(s.trim()), {
  message: 'expected "provider:model" or "provider:model@baseURL", e.g. "openai:gpt-4o"',
});
