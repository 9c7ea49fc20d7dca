import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { deepFreeze } from '../util/deep-freeze.js';
import { didYouMean } from '../util/did-you-mean.js';
import { SidError, StateValidationError } from '../util/errors.js';
import type { SlotName, SlotTypeMap } from './builtin-slots.js';
import type { SlotDefinition } from './slot.js';

/** Emitted after every successful write. */
export interface SlotChange {
  readonly slot: string;
  readonly value: unknown;
  readonly previous: unknown;
  /** Version of this slot after the write (starts at 0, +1 per write). */
  readonly version: number;
  /** Who wrote: a module name, `body`, `controller`, `init` (initial values) or `core`. */
  readonly by: string;
}

/** Plain-JSON image of an agent's state, as returned by {@link AgentState.snapshot}. */
export interface AgentStateSnapshot {
  agentId: string;
  version: number;
  slots: Record<string, { value: unknown; version: number }>;
}

export const agentStateSnapshotSchema = z.object({
  agentId: z.string(),
  version: z.number().int().nonnegative(),
  slots: z.record(z.string(), z.object({ value: z.unknown(), version: z.number().int().nonnegative() })),
});

interface SlotCell {
  readonly def: SlotDefinition;
  value: unknown;
  version: number;
}

interface AgentStateEvents {
  change: [SlotChange];
  restore: [AgentStateSnapshot];
}

type ValueOf<N extends string> = N extends SlotName ? SlotTypeMap[N] : unknown;

/**
 * The shared state of one agent: named, schema-checked slots. Values are frozen, so the only way
 * to change state is {@link AgentState.write}, which validates, versions and emits a change event.
 * A rejected write throws {@link StateValidationError} and leaves the old value in place.
 */
export class AgentState extends EventEmitter<AgentStateEvents> {
  private readonly cells = new Map<string, SlotCell>();
  private totalVersion = 0;

  constructor(
    readonly agentId: string,
    slots: Iterable<SlotDefinition> = [],
  ) {
    super();
    for (const slot of slots) this.register(slot);
  }

  /** Adds a slot. Registering the same definition twice is a no-op; a different one with the same name is an error. */
  register(def: SlotDefinition): void {
    const existing = this.cells.get(def.name);
    if (existing) {
      if (existing.def !== def) {
        throw new SidError('slot_conflict', `slot "${def.name}" is already declared with a different definition`);
      }
      return;
    }
    const initial = def.schema.safeParse(def.initial());
    if (!initial.success) throw new StateValidationError(def.name, initial.error.issues);
    this.cells.set(def.name, { def, value: deepFreeze(initial.data), version: 0 });
  }

  has(name: string): boolean {
    return this.cells.has(name);
  }

  /** Names of all registered slots. */
  slotNames(): string[] {
    return [...this.cells.keys()];
  }

  definition(name: string): SlotDefinition {
    return this.cell(name).def;
  }

  /** The current (frozen) value of a slot. */
  get<N extends string>(name: N): ValueOf<N> {
    return this.cell(name).value as ValueOf<N>;
  }

  /** The current value of a slot, typed by its definition (handy for third-party slots). */
  read<T>(slot: SlotDefinition<T>): T {
    return this.cell(slot.name).value as T;
  }

  /** Version of one slot, or of the whole state (sum of writes) when no name is given. */
  version(name?: string): number {
    return name === undefined ? this.totalVersion : this.cell(name).version;
  }

  /** Validates and stores a value; returns the stored (parsed, frozen) value. */
  write<N extends string>(name: N, value: ValueOf<N>, by = 'core'): ValueOf<N> {
    const cell = this.cell(name);
    const parsed = cell.def.schema.safeParse(value);
    if (!parsed.success) throw new StateValidationError(name, parsed.error.issues);
    const previous = cell.value;
    cell.value = deepFreeze(parsed.data);
    cell.version++;
    this.totalVersion++;
    if (this.listenerCount('change') > 0) {
      this.emit('change', { slot: name, value: cell.value, previous, version: cell.version, by });
    }
    return cell.value as ValueOf<N>;
  }

  /** Reads, transforms and writes one slot. */
  update<N extends string>(name: N, fn: (current: ValueOf<N>) => ValueOf<N>, by = 'core'): ValueOf<N> {
    return this.write(name, fn(this.get(name)), by);
  }

  /** Plain JSON copy of every slot. */
  snapshot(): AgentStateSnapshot {
    const slots: AgentStateSnapshot['slots'] = {};
    for (const [name, cell] of this.cells) {
      slots[name] = { value: structuredClone(cell.value), version: cell.version };
    }
    return { agentId: this.agentId, version: this.totalVersion, slots };
  }

  /**
   * Replaces the state with a snapshot. Every slot is validated first; if any fails nothing changes.
   * Slots missing from the snapshot keep their current value; unknown slots are an error.
   */
  restore(snapshot: unknown): void {
    const { version, values } = this.parseSnapshot(snapshot);
    for (const [name, entry] of values) {
      const cell = this.cells.get(name) as SlotCell;
      cell.value = deepFreeze(entry.value);
      cell.version = entry.version;
    }
    this.totalVersion = version;
    this.emit('restore', snapshot as AgentStateSnapshot);
  }

  /** Checks a snapshot against this state's slots without applying it; throws what `restore` would. */
  validate(snapshot: unknown): void {
    this.parseSnapshot(snapshot);
  }

  private parseSnapshot(snapshot: unknown): {
    version: number;
    values: Map<string, { value: unknown; version: number }>;
  } {
    const shape = agentStateSnapshotSchema.safeParse(snapshot);
    if (!shape.success) throw new StateValidationError('(snapshot)', shape.error.issues);
    const values = new Map<string, { value: unknown; version: number }>();
    for (const [name, entry] of Object.entries(shape.data.slots)) {
      const cell = this.cells.get(name);
      if (!cell) {
        throw new SidError(
          'unknown_slot',
          `snapshot has slot "${name}" that agent "${this.agentId}" does not declare${didYouMean(name, this.cells.keys())}`,
        );
      }
      const result = cell.def.schema.safeParse(entry.value);
      if (!result.success) throw new StateValidationError(name, result.error.issues);
      values.set(name, { value: result.data, version: entry.version });
    }
    return { version: shape.data.version, values };
  }

  private cell(name: string): SlotCell {
    const cell = this.cells.get(name);
    if (!cell) {
      throw new SidError(
        'unknown_slot',
        `agent "${this.agentId}" has no slot "${name}"${didYouMean(name, this.cells.keys())}`,
      );
    }
    return cell;
  }
}
