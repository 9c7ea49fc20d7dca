import { describe, expect, it } from 'vitest';
import { ConcurrencyGate } from '../../src/gateway/concurrency-gate.js';

/** Lets every settled promise's callbacks run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyGate', () => {
  it('never holds more slots than its capacity', () => {
    const gate = new ConcurrencyGate(2);
    expect(gate.tryEnter()).toBe(true);
    expect(gate.tryEnter()).toBe(true);
    expect(gate.tryEnter()).toBe(false);
    expect(gate.running).toBe(2);
    gate.leave();
    expect(gate.running).toBe(1);
    expect(gate.tryEnter()).toBe(true);
  });

  it('hands a freed slot to the highest priority first, first come first served within a priority', async () => {
    const gate = new ConcurrencyGate(1);
    expect(gate.tryEnter()).toBe(true);
    const served: string[] = [];
    const wait = (name: string, priority: number) =>
      gate.enter(priority).then(() => {
        served.push(name);
      });
    const waiting = [wait('low-1', 0), wait('high-1', 10), wait('low-2', 0), wait('mid', 5), wait('high-2', 10)];
    expect(gate.queued).toBe(5);
    // A newcomer may not jump the queue while others wait, even at the moment a slot frees.
    for (let i = 0; i < 5; i++) {
      gate.leave();
      expect(gate.tryEnter()).toBe(false);
      await flush();
      expect(gate.running).toBe(1);
    }
    await Promise.all(waiting);
    expect(served).toEqual(['high-1', 'high-2', 'mid', 'low-1', 'low-2']);
    expect(gate.queued).toBe(0);
    gate.leave();
    expect(gate.running).toBe(0);
  });

  it('drops an aborted waiter without giving it a slot', async () => {
    const gate = new ConcurrencyGate(1);
    gate.tryEnter();
    const controller = new AbortController();
    const aborted = gate.enter(0, controller.signal);
    let servedSecond = false;
    const second = gate.enter(0).then(() => {
      servedSecond = true;
    });
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    expect(gate.queued).toBe(1);
    gate.leave();
    await second;
    expect(servedSecond).toBe(true);
    expect(gate.running).toBe(1);
    await expect(gate.enter(0, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new ConcurrencyGate(0)).toThrow('concurrency must be a positive integer, got 0');
    expect(() => new ConcurrencyGate(1.5)).toThrow(RangeError);
  });
});
