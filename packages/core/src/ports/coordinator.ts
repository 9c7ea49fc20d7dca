/**
 * The Coordinator port: which worker process owns which agents. Leases expire, so a crashed worker's
 * agents can be claimed by another. Single-process by default; Redis or Postgres leases at scale.
 */
export interface Coordinator {
  readonly workerId: string;
  /** Tries to own the agents for `ttlMs`; returns the ids this worker now owns. */
  claim(agentIds: readonly string[], ttlMs: number): Promise<string[]>;
  /** Extends this worker's leases; returns the ids it still owns (others were lost). */
  renew(ttlMs: number): Promise<string[]>;
  release(agentIds: readonly string[]): Promise<void>;
  owner(agentId: string): Promise<string | null>;
}
