import type { SocietyEvent, SocietyEventType } from '../events/society-event.js';
import type { AgentStateSnapshot } from '../state/agent-state.js';
import type { JsonObject, JsonValue } from './json.js';

/** Everything needed to resume a society where it stopped. */
export interface Checkpoint {
  id: string;
  runId: string;
  /** Clock time of the checkpoint. */
  at: number;
  /** Wall time, ISO 8601. */
  createdAt: string;
  seed: string;
  clock: 'real' | 'virtual';
  /** Sequence number of the checkpoint's own event; events after it happened after the checkpoint. */
  eventSeq: number;
  agents: AgentStateSnapshot[];
  environment: JsonObject | null;
  /** Module names per agent, so a restore can check it has the same composition. */
  modules: Record<string, string[]>;
}

export interface EventQuery {
  afterSeq?: number;
  types?: SocietyEventType[];
  agentId?: string;
  limit?: number;
}

/**
 * The Store port: agent snapshots, the event log, checkpoints, and small documents (e.g. a skill
 * library). In memory by default; PGlite or PostgreSQL at scale. All payloads are plain JSON.
 */
export interface Store {
  saveAgent(runId: string, snapshot: AgentStateSnapshot): Promise<void>;
  loadAgent(runId: string, agentId: string): Promise<AgentStateSnapshot | undefined>;
  appendEvents(runId: string, events: readonly SocietyEvent[]): Promise<void>;
  readEvents(runId: string, query?: EventQuery): Promise<SocietyEvent[]>;
  saveCheckpoint(checkpoint: Checkpoint): Promise<void>;
  /** The named checkpoint, or the latest of the run when `id` is omitted. */
  loadCheckpoint(runId: string, id?: string): Promise<Checkpoint | undefined>;
  listCheckpoints(runId: string): Promise<{ id: string; at: number; createdAt: string }[]>;
  putDocument(collection: string, id: string, value: JsonValue): Promise<void>;
  getDocument(collection: string, id: string): Promise<JsonValue | undefined>;
  listDocuments(collection: string): Promise<{ id: string; value: JsonValue }[]>;
  deleteDocument(collection: string, id: string): Promise<void>;
  /** Writes anything buffered. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
