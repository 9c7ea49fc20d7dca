import type { z } from 'zod';
import type { ObjectRequest } from '../ports/model.js';
import { formatIssues, SidError } from '../util/errors.js';
import { ModelCallError } from './model-call-error.js';

/** The model's structured output did not satisfy the schema (or was not JSON at all). */
export function isInvalidOutput(error: unknown): error is Error {
  return (
    (error instanceof ModelCallError && error.kind === 'invalid_output') ||
    (error instanceof SidError && error.code === 'invalid_model_output')
  );
}

/**
 * Checks an object a model returned against the request's schema. Providers validate too, but a
 * Model is any implementation, and model output is untrusted input.
 */
export function validateObject<T>(request: ObjectRequest<T>, value: unknown, model: string): T {
  const parsed = (request.schema as z.ZodType<T>).safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ModelCallError(
    `${model} answered "${request.schemaName}" with an object that does not match the schema:\n${formatIssues(parsed.error.issues)}`,
    { kind: 'invalid_output', model, rawText: JSON.stringify(value) ?? '' },
  );
}

const maxEcho = 4000;

/**
 * The request for the one repair attempt: the original conversation, the model's invalid answer, and
 * a user turn that quotes the validation error and asks for a corrected object.
 */
export function repairRequest<T>(request: ObjectRequest<T>, error: Error): ObjectRequest<T> {
  const raw = error instanceof ModelCallError ? error.rawText : undefined;
  const echoed = raw === undefined ? [] : [{ role: 'assistant' as const, content: raw.slice(0, maxEcho) }];
  return {
    ...request,
    messages: [
      ...request.messages,
      ...echoed,
      {
        role: 'user',
        content:
          `Your previous answer was not a valid "${request.schemaName}" object. The validation error was:\n` +
          `${error.message.slice(0, maxEcho)}\n` +
          'Answer again with only a JSON object that matches the schema exactly.',
      },
    ],
  };
}
