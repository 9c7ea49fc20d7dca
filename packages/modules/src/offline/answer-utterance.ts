import type { JsonObject } from '@sid/core';
import { str } from './context-access.js';

/** Utterance: the decision's line as the controller wrote it (the offline model adds no words). */
export function answerUtterance(context: JsonObject): { text: string } {
  return { text: str(context.say, '...').slice(0, 240) || '...' };
}
