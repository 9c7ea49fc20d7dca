import type { GatewayCallRecord, GatewayNotice } from './call-record.js';

/**
 * The gateway's listeners: one record per finished call, and notices (retries, fallbacks, repairs,
 * breaker changes, budget exhaustion). A listener that throws never fails the call it observes.
 */
export class GatewayObservers {
  private readonly callListeners = new Set<(record: GatewayCallRecord) => void>();
  private readonly noticeListeners = new Set<(notice: GatewayNotice) => void>();

  /** True when someone listens for call records (so they are worth building). */
  get wantsCalls(): boolean {
    return this.callListeners.size > 0;
  }

  /** Subscribes to call records; returns the unsubscribe function. */
  onCall(listener: (record: GatewayCallRecord) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Subscribes to notices; returns the unsubscribe function. */
  onNotice(listener: (notice: GatewayNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  call(record: GatewayCallRecord): void {
    for (const listener of this.callListeners) {
      try {
        listener(record);
      } catch {
        // A faulty listener must not fail the call it observes.
      }
    }
  }

  notice(notice: GatewayNotice): void {
    for (const listener of this.noticeListeners) {
      try {
        listener(notice);
      } catch {
        // As above: observers never break calls.
      }
    }
  }
}
