import type { SocietyEvent } from '../events/society-event.js';
import type { JsonValue } from '../ports/json.js';
import type { Checkpoint, EventQuery, Store } from '../ports/store.js';
import type { AgentStateSnapshot } from '../state/agent-state.js';

export interface MemoryStoreOptions {
  /**
   * Events kept per run; past it the oldest are dropped and counted in `droppedEvents` (so a
   * 1000-agent run cannot exhaust memory). Default 1,000,000.
   */
  maxEventsPerRun?: number;
}

/** The in-process Store: everything in memory, copied on the way in and out so callers cannot alias it. */
export class MemoryStore implements Store {
  private readonly agents = new Map<string, AgentStateSnapshot>();
  private readonly events = new Map<string, SocietyEvent[]>();
  private readonly checkpoints = new Map<string, Checkpoint[]>();
  private readonly documents = new Map<string, Map<string, JsonValue>>();
  private readonly maxEvents: number;
  /** Events dropped because a run passed `maxEventsPerRun`. */
  droppedEvents = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxEvents = options.maxEventsPerRun ?? 1_000_000;
  }

  async saveAgent(runId: string, snapshot: AgentStateSnapshot): Promise<void> {
    this.agents.set(`${runId}/${snapshot.agentId}`, structuredClone(snapshot));
  }

  async loadAgent(runId: string, agentId: string): Promise<AgentStateSnapshot | undefined> {
    const found = this.agents.get(`${runId}/${agentId}`);
    return found ? structuredClone(found) : undefined;
  }

  async appendEvents(runId: string, events: readonly SocietyEvent[]): Promise<void> {
    let list = this.events.get(runId);
    if (!list) {
      list = [];
      this.events.set(runId, list);
    }
    // Events are created by the log and never mutated afterwards, so they are stored by reference.
    for (const e of events) list.push(e);
    if (list.length > this.maxEvents) {
      const excess = list.length - this.maxEvents;
      list.splice(0, excess);
      this.droppedEvents += excess;
    }
  }

  async readEvents(runId: string, query: EventQuery = {}): Promise<SocietyEvent[]> {
    const list = this.events.get(runId) ?? [];
    const types = query.types ? new Set<string>(query.types) : undefined;
    const out: SocietyEvent[] = [];
    for (const e of list) {
      if (query.afterSeq !== undefined && e.seq <= query.afterSeq) continue;
      if (types && !types.has(e.type)) continue;
      if (query.agentId !== undefined && e.agentId !== query.agentId) continue;
      out.push(structuredClone(e));
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    const list = this.checkpoints.get(checkpoint.runId) ?? [];
    list.push(structuredClone(checkpoint));
    this.checkpoints.set(checkpoint.runId, list);
  }

  async loadCheckpoint(runId: string, id?: string): Promise<Checkpoint | undefined> {
    const list = this.checkpoints.get(runId) ?? [];
    const found = id === undefined ? list[list.length - 1] : list.find((c) => c.id === id);
    return found ? structuredClone(found) : undefined;
  }

  async listCheckpoints(runId: string): Promise<{ id: string; at: number; createdAt: string }[]> {
    return (this.checkpoints.get(runId) ?? []).map(({ id, at, createdAt }) => ({ id, at, createdAt }));
  }

  async putDocument(collection: string, id: string, value: JsonValue): Promise<void> {
    let docs = this.documents.get(collection);
    if (!docs) {
      docs = new Map();
      this.documents.set(collection, docs);
    }
    docs.set(id, structuredClone(value));
  }

  async getDocument(collection: string, id: string): Promise<JsonValue | undefined> {
    const found = this.documents.get(collection)?.get(id);
    return found === undefined ? undefined : structuredClone(found);
  }

  async listDocuments(collection: string): Promise<{ id: string; value: JsonValue }[]> {
    return [...(this.documents.get(collection) ?? new Map<string, JsonValue>())]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, value]) => ({ id, value: structuredClone(value) }));
  }

  async deleteDocument(collection: string, id: string): Promise<void> {
    this.documents.get(collection)?.delete(id);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
