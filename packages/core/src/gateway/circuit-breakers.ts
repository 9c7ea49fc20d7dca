import { type CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { ModelCallError } from './model-call-error.js';
import { providerKeyOf } from './model-spec.js';

/** When a provider's breaker opens and how long it stays open before one trial call. */
export interface BreakerOptions {
  /** Consecutive provider faults (5xx, timeouts, resets, unreadable answers) that open it (default 5). */
  consecutiveFailures: number;
  /** How long it stays open before letting one trial call through (default 30 s). */
  halfOpenAfterMs: number;
}

/** A breaker changed state. */
export interface BreakerChange {
  provider: string;
  state: 'open' | 'half_open' | 'closed';
}

const isProviderFault = (error: Error) => error instanceof ModelCallError && error.providerFault;

/**
 * One cockatiel circuit breaker per provider endpoint (see {@link providerKeyOf}): when a provider is
 * down, calls to it fail fast and the gateway moves to the next model of the fallback chain.
 */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(
    private readonly options: BreakerOptions,
    private readonly onChange: (change: BreakerChange) => void,
  ) {}

  /** The breaker guarding calls to `modelId`. */
  for(modelId: string): CircuitBreakerPolicy {
    const provider = providerKeyOf(modelId);
    let breaker = this.breakers.get(provider);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(isProviderFault), {
        halfOpenAfter: this.options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.options.consecutiveFailures),
      });
      breaker.onBreak(() => this.onChange({ provider, state: 'open' }));
      breaker.onHalfOpen(() => this.onChange({ provider, state: 'half_open' }));
      breaker.onReset(() => this.onChange({ provider, state: 'closed' }));
      this.breakers.set(provider, breaker);
    }
    return breaker;
  }

  /** Current state of every breaker that has seen a call. */
  states(): Record<string, 'open' | 'half_open' | 'closed' | 'isolated'> {
    const names: Record<CircuitState, 'open' | 'half_open' | 'closed' | 'isolated'> = {
      [CircuitState.Closed]: 'closed',
      [CircuitState.Open]: 'open',
      [CircuitState.HalfOpen]: 'half_open',
      [CircuitState.Isolated]: 'isolated',
    };
    return Object.fromEntries([...this.breakers].map(([provider, b]) => [provider, names[b.state]]));
  }
}
