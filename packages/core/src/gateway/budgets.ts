import { z } from 'zod';
import { SidError } from '../util/errors.js';
import type { UsageLedger, UsageTotals } from './usage-accounting.js';

/** A spending limit: dollars, tokens (input + output), or both. */
export const budgetSchema = z
  .object({
    usd: z.number().positive().optional(),
    tokens: z.number().int().positive().optional(),
  })
  .strict()
  .refine((b) => b.usd !== undefined || b.tokens !== undefined, { message: 'a budget needs usd, tokens, or both' });

/** A spending limit. */
export type Budget = z.infer<typeof budgetSchema>;

/** Budgets for the whole run and for each agent. */
export interface Budgets {
  run?: Budget;
  perAgent?: Budget;
}

/** Which budget ran out, and what had been spent. */
export interface BudgetExceeded {
  scope: 'run' | 'agent';
  /** The agent, for `agent` budgets. */
  agentId: string | null;
  limit: Budget;
  spentUsd: number;
  spentTokens: number;
}

/** Thrown instead of calling a model once a budget is used up. Never retried, never falls back. */
export class BudgetExceededError extends SidError {
  constructor(readonly exceeded: BudgetExceeded) {
    const who = exceeded.scope === 'run' ? 'the run' : `agent "${exceeded.agentId}"`;
    const limit = [
      exceeded.limit.usd !== undefined ? `$${exceeded.limit.usd}` : null,
      exceeded.limit.tokens !== undefined ? `${exceeded.limit.tokens} tokens` : null,
    ]
      .filter(Boolean)
      .join(' / ');
    super(
      'budget_exceeded',
      `model budget for ${who} is used up (limit ${limit}; spent $${exceeded.spentUsd.toFixed(4)}, ` +
        `${exceeded.spentTokens} tokens): no more model calls`,
    );
    this.name = 'BudgetExceededError';
  }
}

function over(limit: Budget, spent: UsageTotals): boolean {
  const tokens = spent.inputTokens + spent.outputTokens;
  return (
    (limit.usd !== undefined && spent.costUsd >= limit.usd) || (limit.tokens !== undefined && tokens >= limit.tokens)
  );
}

/**
 * Stops spending once a budget is used up: every later call is refused with a
 * {@link BudgetExceededError}, and `onExceeded` is told once per budget (never silently). A call
 * already in flight when the limit is crossed still completes, so a run can overshoot by at most the
 * calls in flight.
 */
export class BudgetGuard {
  private readonly announced = new Set<string>();

  constructor(
    private readonly budgets: Budgets,
    private readonly ledger: UsageLedger,
    private readonly onExceeded: (exceeded: BudgetExceeded) => void,
  ) {}

  /** Throws if the run's or this agent's budget is used up. */
  check(agentId: string | undefined): void {
    const { run, perAgent } = this.budgets;
    if (run) {
      const spent = this.ledger.runTotals();
      if (over(run, spent)) this.refuse({ scope: 'run', agentId: null, limit: run, ...spentOf(spent) }, 'run');
    }
    if (perAgent && agentId !== undefined) {
      const spent = this.ledger.agentTotals(agentId);
      if (over(perAgent, spent)) {
        this.refuse({ scope: 'agent', agentId, limit: perAgent, ...spentOf(spent) }, `agent:${agentId}`);
      }
    }
  }

  private refuse(exceeded: BudgetExceeded, key: string): never {
    if (!this.announced.has(key)) {
      this.announced.add(key);
      this.onExceeded(exceeded);
    }
    throw new BudgetExceededError(exceeded);
  }
}

function spentOf(totals: UsageTotals): { spentUsd: number; spentTokens: number } {
  return { spentUsd: totals.costUsd, spentTokens: totals.inputTokens + totals.outputTokens };
}
