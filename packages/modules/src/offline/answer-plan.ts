import type { JsonObject } from '@sid/core';
import type { PlanOutput } from '../planning/planning-module.js';
import { arr, num, obj, str } from './context-access.js';

/** Plan: the planner's dependency-ordered steps (the offline model adds no invention of its own). */
export function answerPlan(context: JsonObject): PlanOutput {
  const suggested = arr(context.suggested)
    .map((s) => obj(s))
    .map((s) => ({
      action: str(s.action, 'obtain'),
      target: str(s.target) || null,
      count: Math.max(1, Math.round(num(s.count, 1))),
      why: str(s.why, 'needed for the goal'),
    }))
    .slice(0, 12); // the plan schema allows 12 steps
  if (suggested.length > 0) return { steps: suggested, rationale: 'follow the tech tree from what I have' };
  const failure = str(context.failure);
  return {
    steps: [
      {
        action: 'explore',
        target: null,
        count: 1,
        why: failure ? `the planner found no way: ${failure}` : 'nothing to plan',
      },
    ],
    rationale: 'no route from here: explore',
  };
}
