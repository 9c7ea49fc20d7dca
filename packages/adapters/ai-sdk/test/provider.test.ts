import { createModelGateway, ModelCallError, SidError } from '@sid/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModelFromSpec } from '../src/index.js';
import { startWireServer, type WireServer } from './support/openai-wire-server.js';

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

const env = { OPENAI_API_KEY: 'test-key', ANTHROPIC_API_KEY: 'test-key' };
const goal = z.object({ goal: z.string(), priority: z.number().int() });

describe('createModelFromSpec over real HTTP', () => {
  it('openai: text, structured output and embeddings, with the usage the server reported', async () => {
    const model = createModelFromSpec(`openai:gpt-4o@${server.url}`, { env });
    server.answers.object = () => ({ goal: 'build a house', priority: 2 });
    const text = await model.generateText({ system: 'be brief', messages: [{ role: 'user', content: 'hello' }] });
    expect(text.text).toBe('echo: hello');
    expect(text.model).toBe(`openai:gpt-4o@${server.url}`);
    expect(text.usage).toEqual({
      inputTokens: server.requests[0]?.usage.input,
      outputTokens: server.requests[0]?.usage.output,
    });
    const object = await model.generateObject({
      messages: [{ role: 'user', content: 'goal?' }],
      schema: goal,
      schemaName: 'goal',
    });
    expect(object.object).toEqual({ goal: 'build a house', priority: 2 });
    expect(server.requests[1]?.schemaName).toBe('goal');
    const embedded = await model.embed({ texts: ['a', 'bb'] });
    expect(embedded.embeddings).toHaveLength(2);
    expect(embedded.model).toBe('openai:text-embedding-3-small');
    expect(embedded.usage.inputTokens).toBe(server.requests[2]?.usage.input);
  });

  it('anthropic: text and structured output over the Messages format', async () => {
    const model = createModelFromSpec(`anthropic:claude-sonnet-4-0@${server.url}`, { env });
    server.answers.object = () => ({ goal: 'mine iron', priority: 1 });
    const text = await model.generateText({ system: 'sys', messages: [{ role: 'user', content: 'hi' }] });
    expect(text.text).toBe('echo: hi');
    expect(server.requests[0]?.api).toBe('anthropic');
    expect(text.usage.inputTokens).toBe(server.requests[0]?.usage.input);
    const object = await model.generateObject({
      messages: [{ role: 'user', content: 'goal?' }],
      schema: goal,
      schemaName: 'goal',
    });
    expect(object.object).toEqual({ goal: 'mine iron', priority: 1 });
    await expect(model.embed({ texts: ['x'] })).rejects.toThrow(/no embedding model/);
  });

  it('openai-compatible (Ollama-style) needs no key', async () => {
    const model = createModelFromSpec(`openai-compatible:llama3:8b@${server.url}`, {
      env: {},
      embeddingModel: 'nomic',
    });
    const text = await model.generateText({ messages: [{ role: 'user', content: 'yo' }] });
    expect(text.text).toBe('echo: yo');
    expect(server.requests[0]?.model).toBe('llama3:8b');
    const embedded = await model.embed({ texts: ['x'] });
    expect(embedded.embeddings[0]).toHaveLength(4);
  });

  it('classifies HTTP failures: status, Retry-After, resets, malformed bodies, invalid output', async () => {
    const model = createModelFromSpec(`openai:gpt-4o@${server.url}`, { env });
    const call = () => model.generateText({ messages: [{ role: 'user', content: 'x' }] });
    server.fault({ type: 'status', status: 429, retryAfter: '2' });
    await expect(call()).rejects.toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 2000 });
    server.fault({ type: 'status', status: 503 });
    await expect(call()).rejects.toMatchObject({ kind: 'server', status: 503, retryable: true });
    server.fault({ type: 'status', status: 401 });
    await expect(call()).rejects.toMatchObject({ kind: 'auth', retryable: false });
    server.fault({ type: 'reset' });
    await expect(call()).rejects.toMatchObject({ kind: 'network', retryable: true });
    server.fault({ type: 'malformed' });
    await expect(call()).rejects.toMatchObject({ retryable: true });
    server.answers.object = () => ({ goal: 'a long goal', priority: 3 });
    server.fault({ type: 'truncated' });
    const error = await model
      .generateObject({ messages: [{ role: 'user', content: 'g' }], schema: goal, schemaName: 'goal' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ kind: 'invalid_output' });
    expect((error as ModelCallError).rawText).toBe('{"goal":"a long g');
    expect((error as ModelCallError).usage?.outputTokens).toBeGreaterThan(0);
  });

  it('classifies Anthropic failures the same way', async () => {
    const model = createModelFromSpec(`anthropic:claude-sonnet-4-0@${server.url}`, { env });
    const call = () => model.generateText({ messages: [{ role: 'user', content: 'x' }] });
    server.fault({ type: 'status', status: 429, retryAfter: '1' });
    await expect(call()).rejects.toMatchObject({ kind: 'rate_limit', retryAfterMs: 1000 });
    server.fault({ type: 'status', status: 529, message: 'Overloaded' });
    await expect(call()).rejects.toMatchObject({ kind: 'server', status: 529, retryable: true });
  });

  it('fails before any run on unknown providers and missing keys', () => {
    expect(() => createModelFromSpec('opena:gpt-4o', { env })).toThrow(
      /unknown model provider "opena".*did you mean "openai"/,
    );
    expect(() => createModelFromSpec('openai:gpt-4o', { env: {} })).toThrow(/OPENAI_API_KEY/);
    expect(() => createModelFromSpec('anthropic:claude-sonnet-4', { env: {} })).toThrow(SidError);
    expect(() => createModelFromSpec('openai-compatible:llama3', { env: {} })).toThrow(/needs a base URL/);
    expect(() => createModelFromSpec('gpt-4o', { env })).toThrow(/expected "provider:model"/);
  });

  it('makes a gateway configured with specs fail at construction, not mid-run', () => {
    const resolveModel = (spec: string) => createModelFromSpec(spec, { env: { OPENAI_API_KEY: 'k' } });
    expect(() =>
      createModelGateway({
        tiers: { default: 'openai:gpt-4o-mini', strong: 'anthropic:claude-sonnet-4' },
        resolveModel,
      }),
    ).toThrow(/ANTHROPIC_API_KEY/);
    expect(() => createModelGateway({ tiers: { default: 'olama:llama3' }, resolveModel })).toThrow(
      /unknown model provider/,
    );
    const gateway = createModelGateway({ tiers: { default: 'openai:gpt-4o-mini' }, resolveModel });
    expect(gateway.routeFor('talking', undefined).models).toEqual(['openai:gpt-4o-mini']);
  });
});
