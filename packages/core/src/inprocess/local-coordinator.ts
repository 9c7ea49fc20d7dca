import type { Coordinator } from '../ports/coordinator.js';

/** The single-process Coordinator: this process owns every agent it claims; leases never expire. */
export class LocalCoordinator implements Coordinator {
  private readonly owned = new Set<string>();

  constructor(readonly workerId = 'local') {}

  async claim(agentIds: readonly string[]): Promise<string[]> {
    for (const id of agentIds) this.owned.add(id);
    return [...agentIds];
  }

  async renew(): Promise<string[]> {
    return [...this.owned];
  }

  async release(agentIds: readonly string[]): Promise<void> {
    for (const id of agentIds) this.owned.delete(id);
  }

  async owner(agentId: string): Promise<string | null> {
    return this.owned.has(agentId) ? this.workerId : null;
  }
}
