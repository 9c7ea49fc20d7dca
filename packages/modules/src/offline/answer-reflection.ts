import type { JsonObject } from '@sid/core';
import type { ReflectionOutput } from '../reflection/self-reflection-module.js';
import { arr, num, obj, str, strings } from './context-access.js';

/** Reflection: a few plain insights from progress, repeated failures and who the agent likes. */
export function answerReflection(context: JsonObject): ReflectionOutput {
  const insights: string[] = [];
  const obtained = strings(context.obtained);
  if (obtained.length > 0)
    insights.push(`I have obtained ${obtained.length} kinds of items, most recently ${obtained.slice(-3).join(', ')}.`);
  const failures = arr(context.failures).map((f) => obj(f));
  const worst = failures.sort((a, b) => num(b.count) - num(a.count))[0];
  if (worst && num(worst.count) >= 2)
    insights.push(
      `${str(worst.what)} failed ${num(worst.count)} times (${str(worst.reason)}); I should prepare better first.`,
    );
  const social = obj(context.social);
  const liked = Object.entries(social)
    .map(([id, v]) => ({ id, likeability: num(obj(v).likeability, 5) }))
    .sort((a, b) => b.likeability - a.likeability || a.id.localeCompare(b.id))[0];
  if (liked && liked.likeability > 5.5) insights.push(`I get along well with ${liked.id}.`);
  if (insights.length === 0) insights.push('Nothing much has happened yet; I should keep exploring.');
  return { insights, importance: Math.min(10, 3 + insights.length * 2) };
}
