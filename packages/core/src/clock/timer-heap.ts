/** One pending timer. `order`, then `seq`, break ties so equal times fire in a defined order. */
export interface TimerEntry {
  at: number;
  /** Among timers due at the same time, lower order fires first (then insertion order). */
  order: number;
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

/**
 * A binary min-heap of timers ordered by (at, order, seq). One heap drives every module of every agent in a
 * process, so thousands of agents cost one OS timer instead of thousands of `setInterval`s.
 */
export class TimerHeap {
  private readonly items: TimerEntry[] = [];
  private nextSeq = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  push(at: number, callback: () => void, order = 0): TimerEntry {
    const entry: TimerEntry = { at, order, seq: this.nextSeq++, callback, cancelled: false };
    this.items.push(entry);
    this.siftUp(this.items.length - 1);
    this.live++;
    return entry;
  }

  cancel(entry: TimerEntry): void {
    if (!entry.cancelled) {
      entry.cancelled = true;
      this.live--;
    }
  }

  /** The earliest live entry, without removing it. */
  peek(): TimerEntry | undefined {
    this.dropCancelled();
    return this.items[0];
  }

  /** Removes and returns the earliest live entry. */
  pop(): TimerEntry | undefined {
    this.dropCancelled();
    const top = this.items[0];
    if (top === undefined) return undefined;
    this.removeTop();
    this.live--;
    top.cancelled = true;
    return top;
  }

  private dropCancelled(): void {
    while (this.items.length > 0 && (this.items[0] as TimerEntry).cancelled) this.removeTop();
  }

  private removeTop(): void {
    const last = this.items.pop() as TimerEntry;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
  }

  private less(a: TimerEntry, b: TimerEntry): boolean {
    return a.at < b.at || (a.at === b.at && (a.order < b.order || (a.order === b.order && a.seq < b.seq)));
  }

  private siftUp(index: number): void {
    const items = this.items;
    let i = index;
    const entry = items[i] as TimerEntry;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as TimerEntry;
      if (!this.less(entry, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = entry;
  }

  private siftDown(index: number): void {
    const items = this.items;
    const n = items.length;
    let i = index;
    const entry = items[i] as TimerEntry;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.less(items[right] as TimerEntry, items[left] as TimerEntry) ? right : left;
      if (!this.less(items[child] as TimerEntry, entry)) break;
      items[i] = items[child] as TimerEntry;
      i = child;
    }
    items[i] = entry;
  }
}
