/**
 * @sid/ai-sdk — model providers for @sid/core through the Vercel AI SDK: OpenAI, Anthropic and any
 * OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp, LiteLLM), from `provider:model` strings.
 */
export { type AiSdkModelOptions, createAiSdkModel } from './ai-sdk-model.js';
export { createModelFromSpec, type ModelFromSpecOptions, PROVIDERS } from './create-model-from-spec.js';
export { toModelCallError } from './to-model-call-error.js';
