import { describe, expect, it } from 'vitest';
import { ConfigError, formatModelSpec, parseGatewayConfig, parseModelSpec, providerKeyOf } from '../../src/index.js';

describe('model specs', () => {
  it('parses provider:model[@baseURL], keeping colons in model tags', () => {
    expect(parseModelSpec('openai:gpt-4o')).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(parseModelSpec('openai-compatible:llama3:8b@http://localhost:11434/v1')).toEqual({
      provider: 'openai-compatible',
      model: 'llama3:8b',
      baseURL: 'http://localhost:11434/v1',
    });
    expect(formatModelSpec(parseModelSpec('anthropic:claude-sonnet-4'))).toBe('anthropic:claude-sonnet-4');
    expect(providerKeyOf('openai-compatible:llama3@http://h:1/v1')).toBe('openai-compatible@http://h:1/v1');
    expect(providerKeyOf('openai:gpt-4o')).toBe('openai');
  });

  it('rejects malformed specs with the expected shape in the message', () => {
    expect(() => parseModelSpec('gpt-4o')).toThrow(ConfigError);
    expect(() => parseModelSpec('OpenAI gpt')).toThrow(/expected "provider:model"/);
  });

  it('validates gateway configs with paths, filling defaults', () => {
    const config = parseGatewayConfig({ tiers: { default: 'openai:gpt-4o-mini' } });
    expect(config.retry).toEqual({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 });
    expect(config.limits.windowMs).toBe(60_000);
    expect(config.concurrency).toBe(64);
    let error: unknown;
    try {
      parseGatewayConfig({ tiers: { strong: 'gpt4' }, limits: { requestsPerMinute: -1 }, budgets: { run: {} } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('tiers.strong');
    expect(message).toContain('limits.requestsPerMinute');
    expect(message).toContain('budgets.run');
  });
});
