import type { ModuleInstance } from '../module/define-module.js';
import { SidError } from '../util/errors.js';
import type { ModelGateway } from './gateway.js';
import { costOf, type PriceTable, priceOf } from './price-table.js';

/** Tokens one model call of a module is assumed to use. */
export interface TokensPerCall {
  input: number;
  output: number;
}

/** What to estimate: agents (e.g. `society.agents.values()`), a duration, and assumptions. */
export interface CostEstimateInput {
  agents: Iterable<{ readonly modules: readonly ModuleInstance[] }>;
  /** Clock time the run lasts. */
  durationMs: number;
  /** Where each module's calls go (module, tier) → model id; e.g. a gateway's `routeFor`. */
  route: (module: string, tier: string | null) => string;
  prices: PriceTable;
  /** Model calls per module run; default 1 for modules that name a tier, 0 for the rest (reflexes). */
  callsPerRun?: Readonly<Record<string, number>>;
  /** Per module, or `default` (default: 800 in, 200 out). */
  tokensPerCall?: Readonly<Record<string, TokensPerCall>>;
}

/** One line of the estimate. */
export interface ModuleCostEstimate {
  module: string;
  model: string;
  agents: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** An estimate of a run's model spend, from module cadences. */
export interface CostEstimate {
  modules: ModuleCostEstimate[];
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Average requests per minute the run will ask for (compare with your provider's limit). */
  requestsPerMinute: number;
  tokensPerMinute: number;
  /** Modules with no cadence (trigger-only): not estimated, listed so nobody is surprised. */
  triggerOnly: string[];
  unpricedModels: string[];
}

const defaultTokens: TokensPerCall = { input: 800, output: 200 };

/**
 * Estimates what a run will cost before it starts: every cadenced module runs `durationMs / cadence`
 * times per agent, each run makes `callsPerRun` calls of `tokensPerCall`, priced by the model its
 * tier routes to. Trigger-only modules cannot be estimated from cadences and are listed instead.
 */
export function estimateRunCost(input: CostEstimateInput): CostEstimate {
  if (!(input.durationMs > 0)) throw new SidError('invalid_argument', 'durationMs must be positive');
  const lines = new Map<string, ModuleCostEstimate>();
  const triggerOnly = new Set<string>();
  const unpriced = new Set<string>();
  for (const agent of input.agents) {
    for (const instance of agent.modules) {
      const name = instance.definition.name;
      const perRun = input.callsPerRun?.[name] ?? (instance.tier !== null ? 1 : 0);
      if (perRun === 0) continue;
      if (instance.cadenceMs === null) {
        triggerOnly.add(name);
        continue;
      }
      const model = input.route(name, instance.tier);
      const tokens = input.tokensPerCall?.[name] ?? input.tokensPerCall?.default ?? defaultTokens;
      const calls = Math.floor(input.durationMs / instance.cadenceMs) * perRun;
      const key = `${name}\u0000${model}`;
      const line = lines.get(key) ?? {
        module: name,
        model,
        agents: 0,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
      };
      line.agents++;
      line.calls += calls;
      line.inputTokens += calls * tokens.input;
      line.outputTokens += calls * tokens.output;
      line.costUsd += costOf(input.prices, model, {
        inputTokens: calls * tokens.input,
        outputTokens: calls * tokens.output,
      });
      if (!priceOf(input.prices, model)) unpriced.add(model);
      lines.set(key, line);
    }
  }
  const modules = [...lines.values()].sort((a, b) => b.costUsd - a.costUsd || a.module.localeCompare(b.module));
  const sum = (f: (l: ModuleCostEstimate) => number) => modules.reduce((n, l) => n + f(l), 0);
  const minutes = input.durationMs / 60_000;
  const calls = sum((l) => l.calls);
  const inputTokens = sum((l) => l.inputTokens);
  const outputTokens = sum((l) => l.outputTokens);
  return {
    modules,
    calls,
    inputTokens,
    outputTokens,
    costUsd: sum((l) => l.costUsd),
    requestsPerMinute: calls / minutes,
    tokensPerMinute: (inputTokens + outputTokens) / minutes,
    triggerOnly: [...triggerOnly].sort(),
    unpricedModels: [...unpriced].sort(),
  };
}

/** {@link estimateRunCost} with routes and prices taken from a gateway. */
export function estimateGatewayCost(
  gateway: ModelGateway,
  input: Omit<CostEstimateInput, 'route' | 'prices'>,
): CostEstimate {
  return estimateRunCost({
    ...input,
    prices: gateway.config.prices,
    route: (module, tier) => gateway.routeFor(module, tier ?? undefined).models[0] ?? 'unknown',
  });
}
