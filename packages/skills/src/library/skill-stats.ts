import type { SkillOutcome } from '../skill.js';

/** Counters for one skill (overall or for one agent). */
export interface SkillCounters {
  attempts: number;
  successes: number;
  /** Failures by reason code, e.g. `{ missing_items: 2, sandbox: 1 }`. */
  failures: Record<string, number>;
  /** Sum of durations, for the mean. */
  totalDurationMs: number;
  /** Mean duration of all runs. */
  meanDurationMs: number;
}

/** Statistics of one skill: overall and per agent. */
export interface SkillStats extends SkillCounters {
  byAgent: Record<string, SkillCounters>;
}

/** Fresh zeroed counters. */
export function emptyCounters(): SkillCounters {
  return { attempts: 0, successes: 0, failures: {}, totalDurationMs: 0, meanDurationMs: 0 };
}

/** Fresh zeroed statistics. */
export function emptyStats(): SkillStats {
  return { ...emptyCounters(), byAgent: {} };
}

function count(counters: SkillCounters, outcome: SkillOutcome): void {
  counters.attempts++;
  if (outcome.ok) counters.successes++;
  else {
    const code = outcome.failure?.code ?? 'error';
    counters.failures[code] = (counters.failures[code] ?? 0) + 1;
  }
  counters.totalDurationMs += outcome.durationMs;
  counters.meanDurationMs = counters.totalDurationMs / counters.attempts;
}

/** Adds one run's outcome to the statistics, overall and for `agentId`. */
export function recordOutcome(stats: SkillStats, agentId: string, outcome: SkillOutcome): void {
  count(stats, outcome);
  stats.byAgent[agentId] ??= emptyCounters();
  count(stats.byAgent[agentId], outcome);
}
