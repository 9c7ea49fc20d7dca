import { EventEmitter } from 'eventemitter3';
import type { Clock } from '../ports/clock.js';
import type { EventQuery, Store } from '../ports/store.js';
import type { SocietyEvent, SocietyEventMap, SocietyEventType } from './society-event.js';

interface EventLogEvents {
  event: [SocietyEvent];
  error: [unknown];
}

/**
 * The society's one event stream: every module run, decision, chat line and action outcome. Live
 * listeners get each event as it happens; events are written to the Store in batches, in order.
 */
export class EventLog extends EventEmitter<EventLogEvents> {
  private seq = 0;
  private buffer: SocietyEvent[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly runId: string,
    private readonly clock: Clock,
    private readonly store: Store,
    private readonly batchSize = 1000,
  ) {
    super();
  }

  /** Sequence number of the newest event (0 before any). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Continues numbering after `seq` (used when restoring a checkpoint). */
  continueFrom(seq: number): void {
    this.seq = Math.max(this.seq, seq);
  }

  append<K extends SocietyEventType>(type: K, agentId: string | null, data: SocietyEventMap[K]): SocietyEvent {
    const event = { seq: ++this.seq, at: this.clock.now(), type, agentId, data } as SocietyEvent;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) void this.flush();
    if (this.listenerCount('event') > 0) this.emit('event', event);
    return event;
  }

  /** Live subscription; returns the unsubscribe function. */
  subscribe(listener: (event: SocietyEvent) => void): () => void {
    this.on('event', listener);
    return () => this.off('event', listener);
  }

  /** Writes buffered events to the store (in order, one batch at a time). */
  flush(): Promise<void> {
    if (this.buffer.length > 0) {
      const batch = this.buffer;
      this.buffer = [];
      this.writing = this.writing
        .then(() => this.store.appendEvents(this.runId, batch))
        .catch((error: unknown) => {
          this.emit('error', error);
        });
    }
    return this.writing;
  }

  /** Reads events back from the store (flushing first). */
  async read(query?: EventQuery): Promise<SocietyEvent[]> {
    await this.flush();
    return this.store.readEvents(this.runId, query);
  }
}
