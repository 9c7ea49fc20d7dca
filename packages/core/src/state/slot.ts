import type { z } from 'zod';

/**
 * A named piece of agent state with a zod schema. Built-in slots cover the paper's fields;
 * third-party modules declare their own with {@link defineSlot}.
 */
export interface SlotDefinition<T = unknown> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
  /** Value the slot holds before anything is written. Must satisfy the schema. */
  readonly initial: () => T;
  readonly description: string;
}

/** Declares a slot. `initial` is a factory so that no two agents share one object. */
export function defineSlot<T>(definition: {
  name: string;
  schema: z.ZodType<T>;
  /** NoInfer: the schema alone decides T (an empty `{}` initial value must not narrow it). */
  initial: () => NoInfer<T>;
  description?: string;
}): SlotDefinition<T> {
  if (!/^[a-zA-Z][\w.-]*$/.test(definition.name)) {
    throw new TypeError(`slot name "${definition.name}" must start with a letter and use letters, digits, _ . -`);
  }
  return Object.freeze({ description: '', ...definition });
}

/** The value type of a slot definition. */
export type SlotValue<S> = S extends SlotDefinition<infer T> ? T : never;
