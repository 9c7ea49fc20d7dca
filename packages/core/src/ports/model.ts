import type { z } from 'zod';
import type { JsonObject } from './json.js';

/** One message of a chat prompt. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Tokens a call used, as the provider reported them (or estimated, for offline models). */
export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Who is calling: used for priority, tiering, accounting and budgets. */
export interface ModelCallMeta {
  agentId?: string;
  module?: string;
  /** Model tier the module asks for, e.g. `strong` or `cheap`; the gateway maps tiers to models. */
  tier?: string;
  /** The calling module's priority (higher first under contention); stamped by the core. */
  priority?: number;
}

export interface TextRequest {
  messages: ChatMessage[];
  system?: string;
  /**
   * The structured facts the prompt was rendered from (JSON). LLMs read the prompt; rule-based models
   * such as the offline model answer from this instead of parsing text. Part of the cache/cassette key.
   */
  context?: JsonObject;
  maxOutputTokens?: number;
  temperature?: number;
  meta?: ModelCallMeta;
  signal?: AbortSignal;
}

export interface TextResult {
  text: string;
  usage: ModelUsage;
  /** The model that answered, e.g. `offline` or `openai:gpt-4o`. */
  model: string;
}

export interface ObjectRequest<T> extends TextRequest {
  /** The output must satisfy this schema; the gateway validates and repairs once. */
  schema: z.ZodType<T>;
  /** A stable name for the schema (also the key offline models answer by). */
  schemaName: string;
  schemaDescription?: string;
}

export interface ObjectResult<T> {
  object: T;
  usage: ModelUsage;
  model: string;
}

export interface EmbedRequest {
  texts: string[];
  meta?: ModelCallMeta;
  signal?: AbortSignal;
}

export interface EmbedResult {
  embeddings: number[][];
  usage: ModelUsage;
  model: string;
}

/**
 * The Model port: chat text, structured objects checked against a zod schema, and embeddings.
 * Implementations: the offline deterministic model (default), providers through the Vercel AI SDK,
 * and the gateway that wraps any of them.
 */
export interface Model {
  /** e.g. `offline`, `openai:gpt-4o`. */
  readonly id: string;
  /** True for models that never leave the process (rule-based, scripted, replayed). */
  readonly offline: boolean;
  generateText(request: TextRequest): Promise<TextResult>;
  generateObject<T>(request: ObjectRequest<T>): Promise<ObjectResult<T>>;
  embed(request: EmbedRequest): Promise<EmbedResult>;
}
