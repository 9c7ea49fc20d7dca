import type { ModelUsage } from '../ports/model.js';

/** Totals for one agent, module or model. */
export interface UsageTotals {
  /** Calls answered by a model (not from the cache). */
  calls: number;
  /** Calls answered from the response cache. */
  cachedCalls: number;
  /** Calls that failed in the end (after retries, repair and fallback). */
  failedCalls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** A snapshot of everything the gateway has spent. */
export interface UsageReport {
  total: UsageTotals;
  byAgent: Record<string, UsageTotals>;
  byModule: Record<string, UsageTotals>;
  byModel: Record<string, UsageTotals>;
  /** Cache hits / cache lookups (0 when the cache is off or unused). */
  cacheHitRatio: number;
  /** Models that answered calls but have no entry in the price table. */
  unpricedModels: string[];
}

/** Everything a ledger holds, as JSON: save it with a checkpoint so budgets carry over a restore. */
export interface UsageSnapshot {
  total: UsageTotals;
  byAgent: Record<string, UsageTotals>;
  byModule: Record<string, UsageTotals>;
  byModel: Record<string, UsageTotals>;
  unpriced: string[];
  cacheLookups: number;
  cacheHits: number;
}

/** What one finished call adds to the ledger. */
export interface UsageEntry {
  agentId: string | undefined;
  module: string | undefined;
  model: string;
  usage: ModelUsage;
  costUsd: number;
  cached: boolean;
  ok: boolean;
  priced: boolean;
}

const empty = (): UsageTotals => ({
  calls: 0,
  cachedCalls: 0,
  failedCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
});

function add(totals: UsageTotals, entry: UsageEntry): void {
  if (entry.cached) totals.cachedCalls++;
  else if (entry.ok) totals.calls++;
  if (!entry.ok) totals.failedCalls++;
  totals.inputTokens += entry.usage.inputTokens;
  totals.outputTokens += entry.usage.outputTokens;
  totals.costUsd += entry.costUsd;
}

/** Token and cost accounting per agent, per module and per model. */
export class UsageLedger {
  private readonly total = empty();
  private readonly byAgent = new Map<string, UsageTotals>();
  private readonly byModule = new Map<string, UsageTotals>();
  private readonly byModel = new Map<string, UsageTotals>();
  private readonly unpriced = new Set<string>();
  private cacheLookups = 0;
  private cacheHits = 0;

  /** Adds one finished call to the totals. */
  record(entry: UsageEntry): void {
    add(this.total, entry);
    add(this.bucket(this.byAgent, entry.agentId ?? '(none)'), entry);
    add(this.bucket(this.byModule, entry.module ?? '(none)'), entry);
    add(this.bucket(this.byModel, entry.model), entry);
    if (!entry.priced && !entry.cached && entry.usage.inputTokens + entry.usage.outputTokens > 0) {
      this.unpriced.add(entry.model);
    }
  }

  /** Counts one cache lookup (for the hit ratio). */
  cacheLookup(hit: boolean): void {
    this.cacheLookups++;
    if (hit) this.cacheHits++;
  }

  /** Spent so far by one agent (tokens and dollars). */
  agentTotals(agentId: string): UsageTotals {
    return { ...(this.byAgent.get(agentId) ?? empty()) };
  }

  /** Spent so far by the whole run. */
  runTotals(): UsageTotals {
    return { ...this.total };
  }

  /** A copy of every total. */
  report(): UsageReport {
    const copy = (map: Map<string, UsageTotals>) => Object.fromEntries([...map].map(([k, v]) => [k, { ...v }]));
    return {
      total: { ...this.total },
      byAgent: copy(this.byAgent),
      byModule: copy(this.byModule),
      byModel: copy(this.byModel),
      cacheHitRatio: this.cacheLookups === 0 ? 0 : this.cacheHits / this.cacheLookups,
      unpricedModels: [...this.unpriced].sort(),
    };
  }

  /** Everything spent so far, as JSON. */
  snapshot(): UsageSnapshot {
    const report = this.report();
    return {
      total: report.total,
      byAgent: report.byAgent,
      byModule: report.byModule,
      byModel: report.byModel,
      unpriced: report.unpricedModels,
      cacheLookups: this.cacheLookups,
      cacheHits: this.cacheHits,
    };
  }

  /** Replaces the totals with a snapshot's (e.g. when a society is restored from a checkpoint). */
  restore(snapshot: UsageSnapshot): void {
    Object.assign(this.total, snapshot.total);
    const fill = (map: Map<string, UsageTotals>, from: Record<string, UsageTotals>) => {
      map.clear();
      for (const [key, totals] of Object.entries(from)) map.set(key, { ...totals });
    };
    fill(this.byAgent, snapshot.byAgent);
    fill(this.byModule, snapshot.byModule);
    fill(this.byModel, snapshot.byModel);
    this.unpriced.clear();
    for (const model of snapshot.unpriced) this.unpriced.add(model);
    this.cacheLookups = snapshot.cacheLookups;
    this.cacheHits = snapshot.cacheHits;
  }

  private bucket(map: Map<string, UsageTotals>, key: string): UsageTotals {
    let totals = map.get(key);
    if (!totals) {
      totals = empty();
      map.set(key, totals);
    }
    return totals;
  }
}
