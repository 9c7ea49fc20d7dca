import type { Logger } from 'pino';
import type { BottleneckView } from '../controller/bottleneck.js';
import type { Decision, DecisionInput } from '../controller/decision.js';
import type { Body } from '../ports/body.js';
import type { Clock } from '../ports/clock.js';
import type { JsonValue } from '../ports/json.js';
import type { Model } from '../ports/model.js';
import type { VectorIndex } from '../ports/vector-index.js';
import type { Rng } from '../rng/rng.js';
import type { SlotName, SlotTypeMap } from '../state/builtin-slots.js';
import type { SlotDefinition } from '../state/slot.js';

type ValueOf<N extends string> = N extends SlotName ? SlotTypeMap[N] : unknown;

/**
 * What a module sees during one run. Reads are limited to the module's `reads` and `writes`,
 * writes to its `writes`; anything else throws a {@link ModuleAccessError}.
 */
export interface ModuleContext<O = unknown> {
  readonly agentId: string;
  readonly module: string;
  /** The module's validated options. */
  readonly options: O;
  /** What started this run: `cadence`, or the trigger name. */
  readonly trigger: string;
  /** Aborted when the agent stops; pass it to long awaits. */
  readonly signal: AbortSignal;
  /**
   * Aborted when the agent stops or the controller broadcasts a decision with a different action or
   * target than the one current when this run started: pass it to body actions so a change of mind
   * interrupts the old action (a decision that only adds something to say does not).
   */
  readonly interruptSignal: AbortSignal;
  readonly clock: Clock;
  /** Clock time now, in ms. */
  now(): number;
  /** A generator seeded from the society seed, agent, module and this run's due time. */
  readonly rng: Rng;
  readonly log: Logger;
  /** The model, with this agent and module filled in for priority, tiering and accounting. */
  readonly model: Model;
  /** The agent's body, or null when the agent has no environment. */
  readonly body: Body | null;
  /** The long-term memory / retrieval index. */
  readonly vectorIndex: VectorIndex;
  /** Reads a slot by name (typed for names in {@link SlotTypeMap}). */
  get<N extends string>(name: N): ValueOf<N>;
  /** Reads a slot by definition, typed by its schema. */
  read<T>(slot: SlotDefinition<T>): T;
  /** Writes a slot (validated; throws StateValidationError and keeps the old value on a bad value). */
  write<N extends string>(name: N, value: ValueOf<N>): ValueOf<N>;
  write<T>(slot: SlotDefinition<T>, value: T): T;
  update<N extends string>(name: N, fn: (current: ValueOf<N>) => ValueOf<N>): ValueOf<N>;
  update<T>(slot: SlotDefinition<T>, fn: (current: T) => T): T;
  /** The latest broadcast decision; every module may read it. */
  decision(): Decision | null;
  /** Controller only: validates, records and broadcasts a decision. */
  decide(input: DecisionInput): Decision;
  /** Controller only: the agent state as seen through the bottleneck. */
  bottleneck(): BottleneckView;
  /** Logs a custom event and triggers modules listening for `name`. */
  emit(name: string, data?: JsonValue): void;
}
