import { type JsonObject, type ModuleContext, SidError } from '@sid/core';
import type { z } from 'zod';

const NOT_OUTPUT_PROBLEMS = new Set(['budget_exceeded', 'no_model', 'offline_unsupported', 'stopped']);

function isNotAnOutputProblem(error: unknown): boolean {
  return error instanceof SidError && NOT_OUTPUT_PROBLEMS.has(error.code);
}

/** What a module asks a model for: a schema-checked object, from a prompt and the facts behind it. */
export interface AskObject<T> {
  schemaName: string;
  schema: z.ZodType<T>;
  system: string;
  prompt: string;
  context: JsonObject;
  maxOutputTokens?: number;
}

/**
 * Asks for a structured object. Model output is untrusted: an answer that fails validation is retried
 * once with the validation error shown to the model; if that fails too, the failure is logged as a
 * `model.invalid_output` event and `null` is returned so the module skips this run without crashing.
 * Errors that are not about the output (budget spent, no model, agent stopped) are rethrown: the run
 * fails visibly instead of being counted as bad output.
 */
export async function askObject<T>(ctx: ModuleContext<unknown>, ask: AskObject<T>): Promise<T | null> {
  const messages = [{ role: 'user' as const, content: ask.prompt }];
  let lastError = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const result = await ctx.model.generateObject({
        schemaName: ask.schemaName,
        schema: ask.schema,
        system: ask.system,
        context: ask.context,
        signal: ctx.signal,
        ...(ask.maxOutputTokens !== undefined ? { maxOutputTokens: ask.maxOutputTokens } : {}),
        messages:
          attempt === 0
            ? messages
            : [
                ...messages,
                {
                  role: 'user' as const,
                  content: `Your previous answer was invalid: ${lastError}\nAnswer again with a valid "${ask.schemaName}" object.`,
                },
              ],
      });
      // Validate here as well: not every Model implementation checks the schema.
      const checked = ask.schema.safeParse(result.object);
      if (checked.success) return checked.data;
      lastError = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    } catch (error) {
      // Only bad output is worth a repair attempt; a stop, a spent budget or a missing model is not.
      if (ctx.signal.aborted || isNotAnOutputProblem(error)) throw error;
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  ctx.emit('model.invalid_output', { schema: ask.schemaName, error: lastError.slice(0, 500) });
  return null;
}
