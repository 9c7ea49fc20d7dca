import { LatencyHistogram } from './latency-histogram.js';

/** Counters the scheduler keeps for one module name across all agents. */
export class ModuleStats {
  runs = 0;
  /** Runs that did not start because the previous run of the same module on the same agent was still going. */
  skipped = 0;
  /** Runs not started because `relevant()` said the module had nothing to do. */
  idle = 0;
  errors = 0;
  runWallMsTotal = 0;
  runWallMsMax = 0;
  readonly lag = new LatencyHistogram();

  summary(): ModuleStatsSummary {
    return {
      runs: this.runs,
      skipped: this.skipped,
      idle: this.idle,
      errors: this.errors,
      meanRunMs: this.runs === 0 ? 0 : this.runWallMsTotal / this.runs,
      maxRunMs: this.runWallMsMax,
      lagP50Ms: this.lag.percentile(0.5),
      lagP99Ms: this.lag.percentile(0.99),
    };
  }
}

/** Plain summary of {@link ModuleStats}. Run times are wall time; lag is start time minus due time. */
export interface ModuleStatsSummary {
  runs: number;
  skipped: number;
  idle: number;
  errors: number;
  meanRunMs: number;
  maxRunMs: number;
  lagP50Ms: number;
  lagP99Ms: number;
}
