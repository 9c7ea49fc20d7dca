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
import { describeFailure } from './attempt-failure.js';
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
import type { CassetteOutcome } from './cassette-format.js';
import type { CassetteSink } from './cassette-recorder.js';
import type { CassetteReplay } from './cassette-replay.js';
import { CassetteWriter } from './cassette-writer.js';
import { CircuitBreakers } from './circuit-breakers.js';
import { type GatewayConfig, type GatewayConfigInput, parseGatewayConfig } from './gateway-config.js';
import { GatewayObservers } from './gateway-observers.js';
import { buildRoutes, type ModelRoute } from './gateway-routes.js';
import { type CallState, LiveCaller } from './live-caller.js';
import { type ModelPrice, priceOf } from './price-table.js';
import { estimateRequestTokens, type RateLimiter, SlidingWindowRateLimiter } from './rate-limiter.js';
import { type CallKind, fingerprintOf, keyOf, type RequestFingerprint } from './request-key.js';
import { ResponseCache } from './response-cache.js';
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

/**
 * The model gateway: one per process, in front of every model call. It implements the Model port, so
 * it wraps any Model (offline, scripted, AI SDK) and a society uses it like any other model.
 *
 * Per call: tier routing → budget check → replay or cache → the live path ({@link LiveCaller}: the
 * fallback chain, retries, repair, RPM/TPM admission by priority, a global concurrency cap, the
 * provider's circuit breaker and a timeout per attempt). Every finished call is accounted, recorded
 * and reported to {@link ModelGateway.onCall} listeners.
 */
export class ModelGateway implements Model {
  /** Always `gateway`; the model that answered is in each result's `model`. */
  readonly id = 'gateway';
  /** True when no call can leave the process (offline routes only, or replay without live fall-through). */
  readonly offline: boolean;
  /** The validated configuration. */
  readonly config: GatewayConfig;
  private readonly routes: ReadonlyMap<string, readonly Model[]>;
  private readonly breakers: CircuitBreakers;
  private readonly caller: LiveCaller;
  private readonly ledger = new UsageLedger();
  private readonly budgets: BudgetGuard;
  private readonly cache: ResponseCache<OkOutcome> | null;
  private readonly recorder: CassetteWriter | null;
  private readonly replay: CassetteReplay | null;
  private readonly onMissing: 'error' | 'live';
  private readonly observers = new GatewayObservers();
  private clock: Clock | null;
  private priorityLookup: PriorityLookup | null = null;
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

    const { requestsPerMinute, tokensPerMinute, windowMs } = this.config.limits;
    const limiter =
      rateLimiter ??
      (requestsPerMinute !== undefined || tokensPerMinute !== undefined
        ? new SlidingWindowRateLimiter({
            ...(requestsPerMinute !== undefined ? { requestsPerMinute } : {}),
            ...(tokensPerMinute !== undefined ? { tokensPerMinute } : {}),
            windowMs,
            ...(now ? { now } : {}),
          })
        : null);
    this.breakers = new CircuitBreakers(this.config.breaker, (change) =>
      this.observers.notice({ type: 'breaker', ...change }),
    );
    this.caller = new LiveCaller({
      concurrency: this.config.concurrency,
      limiter,
      breakers: this.breakers,
      retry: { ...this.config.retry, ...(random ? { random } : {}) },
      timeoutMs: this.config.timeoutMs,
      repair: this.config.repair,
      observers: this.observers,
      costOf: (modelId, usage) => this.costOf(modelId, usage),
    });
    this.budgets = new BudgetGuard(this.config.budgets, this.ledger, (exceeded) =>
      this.observers.notice({
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
    this.recorder = record ? new CassetteWriter(record) : null;
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
    return this.observers.onCall(listener);
  }

  /** Called on retries, fallbacks, repairs, breaker changes and budget exhaustion. */
  onNotice(listener: (notice: GatewayNotice) => void): () => void {
    return this.observers.onNotice(listener);
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
    return this.caller.load;
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
      if (this.replay || this.recorder) {
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
        if (this.cache || this.recorder) outcome = { ...toOutcome(kind, result, false), costUsd: state.costUsd };
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
      if (outcome) this.record(cassetteKey, fingerprint, meta, outcome, started);
      this.report(kind, tier, meta, state, started, { cached, replayed }, null);
      return result;
    } catch (error) {
      if (!(error instanceof BudgetExceededError) && !(error instanceof SidError && error.code === 'cassette_miss')) {
        if (!replayed) this.record(cassetteKey, fingerprint, meta, failureOutcome(state, error), started);
        this.report(kind, tier, meta, state, started, { cached, replayed }, error);
      }
      throw error;
    } finally {
      release?.();
    }
  }

  /** The live path: the tier's fallback chain, in priority order, with the rate-limit estimate. */
  private live(
    kind: CallKind,
    tier: string,
    request: AnyRequest,
    meta: GatewayCallMeta | undefined,
    state: CallState,
  ): Promise<Result> {
    const priority = priorityOf(meta, this.config.modulePriorities, this.priorityLookup);
    const estimate = this.caller.limited ? estimateRequestTokens(request, this.config.limits.defaultOutputTokens) : 0;
    return this.caller.call({ kind, request, priority, estimate, state }, this.chainFor(tier));
  }

  private priceFor(modelId: string): ModelPrice | undefined {
    if (!this.prices.has(modelId)) this.prices.set(modelId, priceOf(this.config.prices, modelId));
    return this.prices.get(modelId);
  }

  private costOf(modelId: string, usage: ModelUsage): number {
    const price = this.priceFor(modelId);
    return price ? (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1e6 : 0;
  }

  private record(
    key: string | null,
    fingerprint: RequestFingerprint | null,
    meta: GatewayCallMeta | undefined,
    outcome: CassetteOutcome,
    started: number,
  ): void {
    if (this.recorder && key !== null && fingerprint !== null) {
      this.recorder.write(key, fingerprint, meta, outcome, performance.now() - started);
    }
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
    if (!this.observers.wantsCalls) return;
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
      error: ok ? null : describeFailure(error),
      attempts: state.attempts,
      latencyMs: performance.now() - started,
    };
    this.observers.call(record);
  }
}

/** Builds a gateway. Misconfiguration (bad specs, missing keys, no model) throws here, before any run. */
export function createModelGateway(options: ModelGatewayOptions = {}): ModelGateway {
  return new ModelGateway(options);
}
