import type { JsonObject, Rng } from '@sid/core';
import type { GoalsOutput } from '../goals/goal-generation-module.js';
import { num, obj, strings } from './context-access.js';

/** Goals: the next unobtained milestone under a standing "progress" goal; sometimes a social goal for extraverts. */
export function answerGoals(context: JsonObject, rng: Rng): GoalsOutput {
  const ladder = strings(context.ladder);
  const nearby = strings(context.nearby);
  const extraversion = num(obj(context.bigFive).extraversion, 0.5);
  const next = ladder[0];
  const goals: GoalsOutput['goals'] = [{ text: 'progress through the tech tree', kind: 'progress', parent: null }];
  if (next) goals.push({ text: `obtain ${next}`, kind: `obtain:${next}`, parent: 0 });
  else goals.push({ text: 'explore and gather what is around', kind: 'explore', parent: 0 });
  if (nearby.length > 0 && rng.next() < extraversion * 0.5) {
    const who = rng.pick(nearby);
    goals.push({ text: `talk with ${who} about ${next ?? 'what they do'}`, kind: `social:${who}`, parent: null });
  }
  return {
    goals,
    current: 1,
    rationale: next ? `${next} is the next step I can reach from what I have` : 'I have reached every milestone I know',
  };
}
