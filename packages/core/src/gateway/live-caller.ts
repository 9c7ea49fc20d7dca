import PQueue from 'p-queue';
import type { EmbedRequest, Model, ModelUsage, ObjectRequest, ObjectResult, TextRequest } from '../ports/model.js';
import { describeFailure, toAttemptFailure } from './attempt-failure.js';
import { BudgetExceededError } from './budgets.js';
import type { AnyRequest, Result } from './call-outcome.js';
import { withTimeout } from './call-timeout.js';
import type { CircuitBreakers } from './circuit-breakers.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import type { GatewayObservers } from './gateway-observers.js';
import { ModelCallError } from './model-call-error.js';
import type { RateLimiter, RateLimitLease } from './rate-limiter.js';
import type { CallKind } from './request-key.js';
import { type RetryOptions, withRetries } from './retry-policy.js';
import { isInvalidOutput, repairRequest, validateObject } from './structured-output.js';

/** Per-call bookkeeping across retries, the repair and fallbacks. */
export interface CallState {
  attempts: number;
  usage: ModelUsage;
  costUsd: number;
  model: string;
}

/** One call on the live path: what every attempt of it, on any model of the chain, needs. */
export interface LiveCall {
  kind: CallKind;
  request: AnyRequest;
  /** Higher is served first, for rate-limit admission and concurrency slots. */
  priority: number;
  /** Tokens estimated for the rate limiter (0 when there is none). */
  estimate: number;
  state: CallState;
}

/** What a {@link LiveCaller} works with; the gateway builds it from its config. */
export interface LiveCallerOptions {
  /** Calls in flight at most, across all models. */
  concurrency: number;
  /** Null when no RPM/TPM limit is set: calls then skip admission entirely. */
  limiter: RateLimiter | null;
  breakers: CircuitBreakers;
  retry: RetryOptions;
  /** Per attempt. */
  timeoutMs: number;
  /** One repair attempt for structured output that fails validation. */
  repair: boolean;
  observers: GatewayObservers;
  /** Cost in USD of `usage` on the model `modelId`. */
  costOf: (modelId: string, usage: ModelUsage) => number;
}

type Invoke = (model: Model, request: AnyRequest, signal: AbortSignal) => Promise<Result>;

const invokers: Record<CallKind, Invoke> = {
  text: (model, request, signal) => model.generateText({ ...(request as TextRequest), signal }),
  object: (model, request, signal) => model.generateObject({ ...(request as ObjectRequest<unknown>), signal }),
  embed: (model, request, signal) => model.embed({ ...(request as EmbedRequest), signal }),
};

const noLease: RateLimitLease = { settle: () => {} };

/**
 * The gateway's live path: sends a call down a fallback chain of models. Per model: retries with
 * jittered backoff honouring Retry-After and one repair of invalid structured output. Per attempt:
 * rate-limit admission in priority order, a concurrency slot ({@link ConcurrencyGate}), the provider's
 * circuit breaker and a timeout. Usage and cost of every attempt are added to the call's state.
 */
export class LiveCaller {
  /** True when calls pass through a rate limiter. */
  readonly limited: boolean;
  private readonly gate: ConcurrencyGate;
  private readonly admissions = new Map<string, PQueue>();

  constructor(private readonly options: LiveCallerOptions) {
    this.gate = new ConcurrencyGate(options.concurrency);
    this.limited = options.limiter !== null;
  }

  /** Calls waiting for a slot, and calls running. */
  get load(): { queued: number; running: number } {
    return { queued: this.gate.queued, running: this.gate.running };
  }

  /** Tries each model of `chain` in turn until one answers; rethrows the last failure. */
  async call(call: LiveCall, chain: readonly Model[]): Promise<Result> {
    const { observers } = this.options;
    const { kind, request, state } = call;
    let lastError: unknown;
    for (let i = 0; i < chain.length; i++) {
      const model = chain[i] as Model;
      state.model = model.id;
      try {
        let result: Result;
        try {
          result = await this.withRetries(call, model, request);
        } catch (error) {
          if (kind !== 'object' || !this.options.repair || !isInvalidOutput(error)) throw error;
          const objectRequest = request as ObjectRequest<unknown>;
          observers.notice({
            type: 'repair',
            model: model.id,
            schemaName: objectRequest.schemaName,
            error: describeFailure(error),
          });
          result = await this.withRetries(call, model, repairRequest(objectRequest, error));
        }
        state.model = result.model;
        return { ...result, usage: { ...state.usage } };
      } catch (error) {
        // The caller gave up, or spending must stop: no other model should be tried either.
        if (request.signal?.aborted === true || error instanceof BudgetExceededError) throw error;
        lastError = error;
        const next = chain[i + 1];
        if (next) observers.notice({ type: 'fallback', from: model.id, to: next.id, error: describeFailure(error) });
      }
    }
    throw lastError;
  }

  /** `request` is the call's own, or its repair. */
  private withRetries(call: LiveCall, model: Model, request: AnyRequest): Promise<Result> {
    return withRetries(
      () => this.attempt(call, model, request),
      this.options.retry,
      request.signal,
      (retry) =>
        this.options.observers.notice({
          type: 'retry',
          model: retry.error instanceof ModelCallError ? retry.error.model : model.id,
          attempt: retry.attempt,
          delayMs: retry.delayMs,
          error: describeFailure(retry.error),
        }),
    );
  }

  /** One try on one model: wait for the rate limit and a slot, then call through breaker and timeout. */
  private async attempt(call: LiveCall, model: Model, request: AnyRequest): Promise<Result> {
    const { kind, priority, estimate, state } = call;
    const { limiter, timeoutMs } = this.options;
    const signal = request.signal;
    // Rate-limit admission is taken in priority order, one waiter per model at a time, before a
    // concurrency slot: otherwise low-priority calls already waiting inside the limiter would keep
    // a controller call behind them. Without limits there is nothing to wait for (hot path).
    const lease = limiter
      ? ((await this.admissionFor(model.id).add(
          () => limiter.acquire({ key: model.id, tokens: estimate, ...(signal ? { signal } : {}) }),
          { priority, ...(signal ? { signal } : {}) },
        )) as RateLimitLease)
      : noLease;
    let used: ModelUsage | undefined;
    let answeredBy = model.id;
    try {
      // A free slot is taken without waiting or allocating (hot path); otherwise wait by priority.
      if (!this.gate.tryEnter()) await this.gate.enter(priority, signal);
      try {
        state.attempts++;
        const result = await this.options.breakers
          .for(model.id)
          .execute(() =>
            withTimeout(timeoutMs, signal, (attemptSignal) => invokers[kind](model, request, attemptSignal)),
          );
        if (kind === 'object') {
          const object = validateObject(
            request as ObjectRequest<unknown>,
            (result as ObjectResult<unknown>).object,
            model.id,
          );
          (result as ObjectResult<unknown>).object = object;
        }
        used = result.usage;
        answeredBy = result.model;
        return result;
      } catch (error) {
        if (error instanceof ModelCallError) used = error.usage;
        throw toAttemptFailure(error, model.id, timeoutMs, signal);
      } finally {
        this.gate.leave();
      }
    } finally {
      if (used) {
        state.usage.inputTokens += used.inputTokens;
        state.usage.outputTokens += used.outputTokens;
        state.costUsd += this.options.costOf(answeredBy, used);
      }
      lease.settle(used ? used.inputTokens + used.outputTokens : 0);
    }
  }

  /** One admission queue per model: a single call at a time waits on that model's rate limit. */
  private admissionFor(modelId: string): PQueue {
    let queue = this.admissions.get(modelId);
    if (!queue) {
      queue = new PQueue({ concurrency: 1 });
      this.admissions.set(modelId, queue);
    }
    return queue;
  }
}
