import { BrokenCircuitError } from 'cockatiel';
import PQueue from 'p-queue';
import { estimateTokens } from '../model/estimate-tokens.js';
import type { Clock } from '../ports/clock.js';
import type {
  EmbedRequest,
  EmbedResult,
  Model,
  ModelUsage,
  ObjectRequest,
  ObjectResult,
  TextRequest,
  TextResult,
} from '../ports/model.js';
import { ConfigError, SidError } from '../util/errors.js';
import { BudgetExceededError, BudgetGuard } from './budgets.js';
import {
  type AnyRequest,
  failureOutcome,
  fromOutcome,
  type OkOutcome,
  type Result,
  replayedError,
  toOutcome,
} from './call-outcome.js';
import { type GatewayCallMeta, type PriorityLookup, priorityOf } from './call-priority.js';
import type { GatewayCallRecord, GatewayNotice } from './call-record.js';
import { AttemptTimeoutError, withTimeout } from './call-timeout.js';
import type { CassetteEntry, CassetteOutcome } from './cassette-format.js';
import type { CassetteSink } from './cassette-recorder.js';
import type { CassetteReplay } from './cassette-replay.js';
import { CircuitBreakers } from './circuit-breakers.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { type GatewayConfig, type GatewayConfigInput, parseGatewayConfig } from './gateway-config.js';
import { buildRoutes, type ModelRoute } from './gateway-routes.js';
import { ModelCallError } from './model-call-error.js';
import { type ModelPrice, priceOf } from './price-table.js';
import {
  type RateLimiter,
  type RateLimitLease,
  SlidingWindowRateLimiter,
  unlimitedRateLimiter,
} from './rate-limiter.js';
import { type CallKind, fingerprintOf, keyOf, type RequestFingerprint } from './request-key.js';
import { ResponseCache } from './response-cache.js';
import { type RetryOptions, withRetries } from './retry-policy.js';
import { isInvalidOutput, repairRequest, validateObject } from './structured-output.js';
import { UsageLedger, type UsageReport, type UsageSnapshot } from './usage-accounting.js';

/** Everything a gateway is built from: the serializable config plus live objects. */
export interface ModelGatewayOptions extends GatewayConfigInput {
  /** The `default` route: the model (or fallback chain) for calls whose tier has no route of its own. */
  model?: ModelRoute;
  /** Tier → model or fallback chain, as live Model objects (merged with `tiers`). */
  routes?: Readonly<Record<string, ModelRoute>>;
  /** Turns the `provider:model` strings of `tiers` into Models, e.g. `createModelFromSpec` from `@sid/ai-sdk`. */
  resolveModel?: (spec: string) => Model;
  /** Replaces the in-process RPM/TPM limiter (e.g. a Redis one shared by many processes). */
  rateLimiter?: RateLimiter;
  /** Records every finished call (e.g. a {@link CassetteRecorder}). */
  record?: CassetteSink;
  /** Answers calls from a recording instead of a model. */
  replay?: CassetteReplay;
  /** On replay, a call the recording lacks is an error (default) or goes to the live model. */
  onMissing?: 'error' | 'live';
  /** Held while a call is in flight, so a virtual clock does not run ahead of the network. */
  clock?: Clock;
  /** Jitter source in [0, 1) (injectable for tests). */
  random?: () => number;
  /** Wall clock in ms for limits and the cache TTL (injectable for tests). */
  now?: () => number;
}

/** Per-call bookkeeping across retries, the repair and fallbacks. */
interface CallState {
  attempts: number;
  usage: ModelUsage;
  costUsd: number;
  model: string;
}

type Invoke = (model: Model, request: AnyRequest, signal: AbortSignal) => Promise<Result>;

const invokers: Record<CallKind, Invoke> = {
  text: (model, request, signal) => model.generateText({ ...(request as TextRequest), signal }),
  object: (model, request, signal) => model.generateObject({ ...(request as ObjectRequest<unknown>), signal }),
  embed: (model, request, signal) => model.embed({ ...(request as EmbedRequest), signal }),
};

/**
 * The model gateway: one per process, in front of every model call. It implements the Model port, so
 * it wraps any Model (offline, scripted, AI SDK) and a society uses it like any other model.
 *
 * Per call: tier routing → budget check → replay or cache → priority queue with a global concurrency
 * cap ({@link ConcurrencyGate}) → RPM/TPM limiter → per-provider circuit breaker (cockatiel) and per-attempt timeout
 * → retries with jittered exponential backoff honouring Retry-After → one repair attempt
 * for invalid structured output → the next model of the fallback chain. Every finished call is
 * accounted, recorded and reported to {@link ModelGateway.onCall} listeners.
 */
export class ModelGateway implements Model {
  /** Always `gateway`; the model that answered is in each result's `model`. */
  readonly id = 'gateway';
  /** True when no call can leave the process (offline routes only, or replay without live fall-through). */
  readonly offline: boolean;
  /** The validated configuration. */
  readonly config: GatewayConfig;
  private readonly routes: ReadonlyMap<string, readonly Model[]>;
  private readonly gate: ConcurrencyGate;
  private readonly admissions = new Map<string, PQueue>();
  private readonly limiter: RateLimiter;
  private readonly limited: boolean;
  private readonly breakers: CircuitBreakers;
  private readonly retryOptions: RetryOptions;
  private readonly ledger = new UsageLedger();
  private readonly budgets: BudgetGuard;
  private readonly cache: ResponseCache<OkOutcome> | null;
  private readonly recordSink: CassetteSink | null;
  private readonly replay: CassetteReplay | null;
  private readonly onMissing: 'error' | 'live';
  private readonly occurrences = new Map<string, number>();
  private readonly callListeners = new Set<(record: GatewayCallRecord) => void>();
  private readonly noticeListeners = new Set<(notice: GatewayNotice) => void>();
  private clock: Clock | null;
  private priorityLookup: PriorityLookup | null = null;
  private recordSeq = 0;
  /** Price lookups by model id (the table does not change after construction). */
  private readonly prices = new Map<string, ModelPrice | undefined>();

  constructor(options: ModelGatewayOptions = {}) {
    const { model, routes, resolveModel, rateLimiter, record, replay, onMissing, clock, random, now, ...config } =
      options;
    this.config = parseGatewayConfig(config);
    this.routes = buildRoutes(this.config.tiers, { model, routes, resolveModel });
    this.replay = replay ?? null;
    this.onMissing = onMissing ?? 'error';
    if (this.routes.size === 0 && !(this.replay && this.onMissing === 'error')) {
      throw new ConfigError('the model gateway has no model: set `model`, `routes` or `tiers`');
    }
    this.offline =
      (this.replay !== null && this.onMissing === 'error') || [...this.routes.values()].flat().every((m) => m.offline);

    this.gate = new ConcurrencyGate(this.config.concurrency);
    const { requestsPerMinute, tokensPerMinute, windowMs } = this.config.limits;
    this.limited = rateLimiter !== undefined || requestsPerMinute !== undefined || tokensPerMinute !== undefined;
    this.limiter =
      rateLimiter ??
      (this.limited
        ? new SlidingWindowRateLimiter({
            ...(requestsPerMinute !== undefined ? { requestsPerMinute } : {}),
            ...(tokensPerMinute !== undefined ? { tokensPerMinute } : {}),
            windowMs,
            ...(now ? { now } : {}),
          })
        : unlimitedRateLimiter);
    this.breakers = new CircuitBreakers(this.config.breaker, (change) => this.notice({ type: 'breaker', ...change }));
    this.retryOptions = { ...this.config.retry, ...(random ? { random } : {}) };
    this.budgets = new BudgetGuard(this.config.budgets, this.ledger, (exceeded) =>
      this.notice({
        type: 'budget.exceeded',
        scope: exceeded.scope,
        agentId: exceeded.agentId,
        spentUsd: exceeded.spentUsd,
        spentTokens: exceeded.spentTokens,
        limitUsd: exceeded.limit.usd ?? null,
        limitTokens: exceeded.limit.tokens ?? null,
      }),
    );
    this.cache = this.config.cache
      ? new ResponseCache({
          ttlMs: this.config.cache.ttlMs,
          maxEntries: this.config.cache.maxEntries,
          ...(now ? { now } : {}),
        })
      : null;
    this.recordSink = record ?? null;
    this.clock = clock ?? null;
  }

  /** Chat text through the whole pipeline (see the class comment). */
  generateText(request: TextRequest): Promise<TextResult> {
    return this.call('text', request) as Promise<TextResult>;
  }

  /** A structured object, validated against `request.schema` and repaired once if invalid. */
  generateObject<T>(request: ObjectRequest<T>): Promise<ObjectResult<T>> {
    return this.call('object', request as ObjectRequest<unknown>) as Promise<ObjectResult<T>>;
  }

  /** Embeddings through the same pipeline (no repair). */
  embed(request: EmbedRequest): Promise<EmbedResult> {
    return this.call('embed', request) as Promise<EmbedResult>;
  }

  /** Called with one record per finished call (ok or not); returns the unsubscribe function. */
  onCall(listener: (record: GatewayCallRecord) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Called on retries, fallbacks, repairs, breaker changes and budget exhaustion. */
  onNotice(listener: (notice: GatewayNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Holds this clock while calls are in flight (see {@link Clock.hold}). */
  useClock(clock: Clock | null): void {
    this.clock = clock;
  }

  /** Ranks calls by the calling module's priority (e.g. looked up in a society's agents). */
  usePriorityLookup(lookup: PriorityLookup | null): void {
    this.priorityLookup = lookup;
  }

  /** Tokens and cost so far, per agent, module and model, with the cache hit ratio. */
  usage(): UsageReport {
    return this.ledger.report();
  }

  /** Spending so far as JSON, to save with a checkpoint (budgets then carry over a restore). */
  usageSnapshot(): UsageSnapshot {
    return this.ledger.snapshot();
  }

  /** Restores spending saved by {@link ModelGateway.usageSnapshot}. */
  restoreUsage(snapshot: UsageSnapshot): void {
    this.ledger.restore(snapshot);
  }

  /** State of each provider's circuit breaker. */
  breakerStates(): Record<string, string> {
    return this.breakers.states();
  }

  /** The tier a call from this module lands on, and the model ids of its fallback chain. */
  routeFor(module: string | undefined, tier: string | undefined): { tier: string; models: string[] } {
    const resolved = this.tierOf(module, tier);
    return { tier: resolved, models: this.chainFor(resolved).map((m) => m.id) };
  }

  /** True when every call is answered from a cassette and no model is configured to fall through to. */
  get replayOnly(): boolean {
    return this.replay !== null && this.onMissing === 'error';
  }

  /** Calls waiting for a slot, and calls running. */
  get load(): { queued: number; running: number } {
    return { queued: this.gate.queued, running: this.gate.running };
  }

  private tierOf(module: string | undefined, tier: string | undefined): string {
    return (module !== undefined ? this.config.moduleTiers[module] : undefined) ?? tier ?? 'default';
  }

  private chainFor(tier: string): readonly Model[] {
    const chain = this.routes.get(tier) ?? this.routes.get('default');
    if (!chain) {
      throw new SidError(
        'no_route',
        `no model for tier "${tier}" and no "default" tier (tiers: ${[...this.routes.keys()].join(', ') || 'none'})`,
      );
    }
    return chain;
  }

  private async call(kind: CallKind, request: AnyRequest): Promise<Result> {
    const meta = request.meta as GatewayCallMeta | undefined;
    const tier = this.tierOf(meta?.module, meta?.tier);
    const release = this.clock?.hold();
    const started = performance.now();
    const state: CallState = { attempts: 0, usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, model: '' };
    let fingerprint: RequestFingerprint | null = null;
    let cassetteKey: string | null = null;
    let cached = false;
    let replayed = false;
    try {
      try {
        this.budgets.check(meta?.agentId);
      } catch (error) {
        state.model = this.routes.has(tier) || this.routes.has('default') ? (this.chainFor(tier)[0]?.id ?? '') : '';
        this.report(kind, tier, meta, state, started, { cached, replayed }, error);
        throw error;
      }
      if (this.replay || this.recordSink) {
        fingerprint = fingerprintOf(kind, tier, request);
        cassetteKey = keyOf(fingerprint, meta?.agentId, meta?.module);
      }
      let outcome: CassetteOutcome | null = null;
      if (this.replay && cassetteKey !== null) {
        const entry = this.replay.take(cassetteKey);
        if (entry) {
          replayed = true;
          await this.replay.turn(entry);
          outcome = entry.outcome;
        } else if (this.onMissing === 'error') {
          throw new SidError(
            'cassette_miss',
            `the cassette has no recorded ${kind} call for agent "${meta?.agentId ?? '-'}", module "${meta?.module ?? '-'}" ` +
              `(tier "${tier}"${'schemaName' in request ? `, schema "${request.schemaName}"` : ''}): the run diverged from ` +
              "the recording or the cassette is from another run; pass onMissing: 'live' to call the model instead",
          );
        }
      }
      const cacheKey = this.cache && outcome === null ? keyOf(fingerprint ?? fingerprintOf(kind, tier, request)) : null;
      if (this.cache && cacheKey !== null) {
        const hit = this.cache.get(cacheKey);
        this.ledger.cacheLookup(hit !== undefined);
        if (hit) {
          cached = true;
          outcome = { ...hit, usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, cached: true };
        }
      }
      let result: Result;
      if (outcome === null) {
        result = await this.live(kind, tier, request, meta, state);
        if (this.cache || this.recordSink) outcome = { ...toOutcome(kind, result, false), costUsd: state.costUsd };
        if (this.cache && cacheKey !== null && outcome?.ok) this.cache.set(cacheKey, outcome);
      } else {
        if (!outcome.ok) {
          state.model = outcome.model;
          state.usage = outcome.usage;
          state.costUsd = outcome.costUsd ?? this.costOf(outcome.model, outcome.usage);
          throw replayedError(outcome.error);
        }
        cached = outcome.cached;
        result = fromOutcome(kind, outcome, request);
        state.model = result.model;
        state.usage = { ...outcome.usage };
        if (!cached) state.costUsd = outcome.costUsd ?? this.costOf(result.model, outcome.usage);
      }
      if (outcome) this.write(cassetteKey, fingerprint, meta, outcome, started);
      this.report(kind, tier, meta, state, started, { cached, replayed }, null);
      return result;
    } catch (error) {
      if (!(error instanceof BudgetExceededError) && !(error instanceof SidError && error.code === 'cassette_miss')) {
        if (!replayed) this.write(cassetteKey, fingerprint, meta, failureOutcome(state, error), started);
        this.report(kind, tier, meta, state, started, { cached, replayed }, error);
      }
      throw error;
    } finally {
      release?.();
    }
  }

  /** The live path: the fallback chain, each model with retries and one repair. */
  private async live(
    kind: CallKind,
    tier: string,
    request: AnyRequest,
    meta: GatewayCallMeta | undefined,
    state: CallState,
  ): Promise<Result> {
    const chain = this.chainFor(tier);
    const priority = priorityOf(meta, this.config.modulePriorities, this.priorityLookup);
    const estimate = this.limited ? estimateFor(request, this.config.limits.defaultOutputTokens) : 0;
    let lastError: unknown;
    for (let i = 0; i < chain.length; i++) {
      const model = chain[i] as Model;
      state.model = model.id;
      try {
        let result: Result;
        try {
          result = await this.withRetries(kind, model, request, priority, estimate, state);
        } catch (error) {
          if (kind !== 'object' || !this.config.repair || !isInvalidOutput(error)) throw error;
          const objectRequest = request as ObjectRequest<unknown>;
          this.notice({
            type: 'repair',
            model: model.id,
            schemaName: objectRequest.schemaName,
            error: describe(error),
          });
          result = await this.withRetries(kind, model, repairRequest(objectRequest, error), priority, estimate, state);
        }
        state.model = result.model;
        return { ...result, usage: { ...state.usage } };
      } catch (error) {
        if (isAbort(error, request.signal)) throw error;
        lastError = error;
        const next = chain[i + 1];
        if (next) this.notice({ type: 'fallback', from: model.id, to: next.id, error: describe(error) });
      }
    }
    throw lastError;
  }

  private withRetries(
    kind: CallKind,
    model: Model,
    request: AnyRequest,
    priority: number,
    estimate: number,
    state: CallState,
  ): Promise<Result> {
    return withRetries(
      () => this.attempt(kind, model, request, priority, estimate, state),
      this.retryOptions,
      request.signal,
      (retry) =>
        this.notice({
          type: 'retry',
          model: retry.error instanceof ModelCallError ? retry.error.model : model.id,
          attempt: retry.attempt,
          delayMs: retry.delayMs,
          error: describe(retry.error),
        }),
    );
  }

  /** One try on one model: wait for a slot and the rate limit, then call through breaker and timeout. */
  private async attempt(
    kind: CallKind,
    model: Model,
    request: AnyRequest,
    priority: number,
    estimate: number,
    state: CallState,
  ): Promise<Result> {
    const signal = request.signal;
    // Rate-limit admission is taken in priority order, one waiter per model at a time, before a
    // concurrency slot: otherwise low-priority calls already waiting inside the limiter would keep
    // a controller call behind them. Without limits there is nothing to wait for (hot path).
    const lease = this.limited
      ? ((await this.admissionFor(model.id).add(
          () => this.limiter.acquire({ key: model.id, tokens: estimate, ...(signal ? { signal } : {}) }),
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
        const result = await this.breakers
          .for(model.id)
          .execute(() =>
            withTimeout(this.config.timeoutMs, signal, (attemptSignal) =>
              invokers[kind](model, request, attemptSignal),
            ),
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
        throw this.normalize(error, model, signal);
      } finally {
        this.gate.leave();
      }
    } finally {
      if (used) {
        state.usage.inputTokens += used.inputTokens;
        state.usage.outputTokens += used.outputTokens;
        state.costUsd += this.costOf(answeredBy, used);
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

  private priceFor(modelId: string): ModelPrice | undefined {
    if (!this.prices.has(modelId)) this.prices.set(modelId, priceOf(this.config.prices, modelId));
    return this.prices.get(modelId);
  }

  private costOf(modelId: string, usage: ModelUsage): number {
    const price = this.priceFor(modelId);
    return price ? (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1e6 : 0;
  }

  private normalize(error: unknown, model: Model, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted) return signal.reason ?? error;
    if (error instanceof AttemptTimeoutError) {
      return new ModelCallError(`${model.id} did not answer within ${this.config.timeoutMs} ms`, {
        kind: 'timeout',
        model: model.id,
        cause: error,
      });
    }
    if (error instanceof BrokenCircuitError) {
      return new SidError(
        'circuit_open',
        `the circuit breaker for ${model.id}'s provider is open after repeated failures; not calling it for now`,
      );
    }
    return error;
  }

  private write(
    key: string | null,
    fingerprint: RequestFingerprint | null,
    meta: GatewayCallMeta | undefined,
    outcome: CassetteOutcome,
    started: number,
  ): void {
    if (!this.recordSink || key === null || fingerprint === null) return;
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    const entry: CassetteEntry = {
      v: 1,
      seq: this.recordSeq++,
      key,
      occurrence,
      agentId: meta?.agentId ?? null,
      module: meta?.module ?? null,
      request: fingerprint,
      outcome,
      latencyMs: Math.max(0, performance.now() - started),
      recordedAt: new Date().toISOString(),
    };
    this.recordSink.write(entry);
  }

  private report(
    kind: CallKind,
    tier: string,
    meta: GatewayCallMeta | undefined,
    state: CallState,
    started: number,
    flags: { cached: boolean; replayed: boolean },
    error: unknown,
  ): void {
    const ok = error === null;
    this.ledger.record({
      agentId: meta?.agentId,
      module: meta?.module,
      model: state.model,
      usage: state.usage,
      costUsd: state.costUsd,
      cached: flags.cached,
      ok,
      priced: this.priceFor(state.model) !== undefined,
    });
    if (this.callListeners.size === 0) return;
    const record: GatewayCallRecord = {
      agentId: meta?.agentId ?? null,
      module: meta?.module ?? null,
      tier,
      kind,
      model: state.model,
      inputTokens: state.usage.inputTokens,
      outputTokens: state.usage.outputTokens,
      costUsd: state.costUsd,
      cached: flags.cached,
      replayed: flags.replayed,
      ok,
      error: ok ? null : describe(error),
      attempts: state.attempts,
      latencyMs: performance.now() - started,
    };
    for (const listener of this.callListeners) {
      try {
        listener(record);
      } catch {
        // A faulty listener must not fail the call it observes.
      }
    }
  }

  private notice(notice: GatewayNotice): void {
    for (const listener of this.noticeListeners) {
      try {
        listener(notice);
      } catch {
        // As above: observers never break calls.
      }
    }
  }
}

/** Builds a gateway. Misconfiguration (bad specs, missing keys, no model) throws here, before any run. */
export function createModelGateway(options: ModelGatewayOptions = {}): ModelGateway {
  return new ModelGateway(options);
}

const noLease = { settle: () => {} };

function estimateFor(request: AnyRequest, defaultOutputTokens: number): number {
  if ('texts' in request) return request.texts.reduce((n, t) => n + estimateTokens(t), 0);
  let input = estimateTokens(request.system ?? '');
  for (const m of request.messages) input += estimateTokens(m.content) + 4;
  return input + (request.maxOutputTokens ?? defaultOutputTokens);
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || error instanceof BudgetExceededError;
}

function describe(error: unknown): string {
  if (error instanceof SidError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
