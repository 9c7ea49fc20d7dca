import type { JsonObject, JsonValue, Rng } from '@sid/core';
import type { DecisionOutput } from '../controller/controller-module.js';
import { DEFAULT_TECH_LADDER } from '../goals/tech-ladder.js';
import { arr, num, obj, str } from './context-access.js';

interface Heard {
  from: string;
  text: string;
  at: number;
}

const FRIENDLY_REPLIES = [
  'Hi {from}! I am working on {goal}. Need anything?',
  'Thanks {from}, good to see you. I am after {goal}.',
  'Glad you are here, {from}. Want to gather {goal} together?',
];
const CURT_REPLIES = [
  'I am busy getting {goal}, {from}.',
  'Not now {from}, I need {goal}.',
  'Whatever, {from}. I am after {goal}.',
];
const GREETINGS = ['Hello {who}! I am going for {goal}.', 'Hey {who}, how is it going? I am after {goal}.'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/**
 * The controller's offline policy, from the bottleneck view only:
 * 1. pursue the first plan step (or the current item goal; with no goals, the next item of the default
 *    tech ladder not obtained yet) with `obtain`;
 * 2. when action awareness reports a problem (repeated failure, stuck, hallucinated item), change
 *    course: explore, or re-obtain what is missing — without action awareness in the view it cannot
 *    notice, which is what the ablation measures;
 * 3. answer the newest line heard since its last decision (friendly or curt by agreeableness), or greet
 *    the partner of an active social goal; never while the conversation is over.
 */
export function answerDecision(context: JsonObject, rng: Rng): DecisionOutput {
  const view = obj(context.view);
  const me = str(context.agentId);
  const current = obj(context.current);
  const lastDecisionAt = num(current.at, -1);
  const agreeableness = num(obj(view['traits.bigFive']).agreeableness, 0.5);
  const extraversion = num(obj(view['traits.bigFive']).extraversion, 0.5);

  const goals = obj(view.goals);
  const goalItems = arr(goals.items).map((g) => obj(g));
  const currentGoal = goalItems.find((g) => str(g.id) === str(goals.current));
  const goalKind = str(currentGoal?.kind);
  const goalItem = goalKind.startsWith('obtain:') ? goalKind.slice(7) : null;
  // The first plan step not yet satisfied by the inventory (the plan may be a few seconds old).
  const have = (item: string) =>
    arr(view['gameState.inventory'])
      .map((s) => obj(s))
      .filter((s) => str(s.name) === item)
      .reduce((n, s) => n + num(s.count), 0);
  const nextStep = arr(view['plan.steps'] as JsonValue)
    .map((s) => obj(s))
    .find((s) => str(s.action) === 'obtain' && str(s.target) !== '' && have(str(s.target)) < num(s.count, 1));
  const stepTarget = nextStep ? str(nextStep.target) : null;

  // With no goal module (the paper's baseline) the policy climbs the default ladder on its own.
  const obtained = obj(view['progress.firstObtainedAt']);
  const ladderItem =
    goalItem || stepTarget ? null : (DEFAULT_TECH_LADDER.find((i) => obtained[i] === undefined) ?? null);
  let action: string | null = goalItem || stepTarget || ladderItem ? 'obtain' : 'explore';
  let target: string | null = stepTarget ?? goalItem ?? ladderItem;
  let intent = target
    ? `get ${target}${goalItem && goalItem !== target ? ` on the way to ${goalItem}` : ''}`
    : 'explore to find resources';
  let rationale = currentGoal ? `my goal: ${str(currentGoal.text)}` : 'no goal yet';

  const awareness = view.actionAwareness === undefined ? null : obj(view.actionAwareness);
  if (awareness) {
    const repeated = awareness.repeatedFailure ? obj(awareness.repeatedFailure) : null;
    const hallucinated = arr(awareness.hallucinations).filter((h): h is string => typeof h === 'string');
    if (hallucinated.length > 0) {
      action = 'obtain';
      target = hallucinated[0] as string;
      intent = `I do not actually have ${target}; get it`;
      rationale = str(awareness.assessment);
    } else if (awareness.stuck === true || (repeated && (str(repeated.target) === target || target === null))) {
      action = 'explore';
      target = null;
      intent = repeated
        ? `${str(repeated.skill)} ${str(repeated.target)} keeps failing; explore and try again later`
        : 'I am stuck; move somewhere else';
      rationale = str(awareness.assessment);
    }
  }

  const conversation = obj(view.conversation);
  const cooldown = obj(conversation.cooldownUntil);
  const now = num(context.now, 0);
  const open = (who: string) => who !== me && num(cooldown[who], -1) <= now;
  const heard: Heard[] = arr(view.heardChat)
    .map((h) => obj(h))
    .map((h) => ({ from: str(h.from), text: str(h.text), at: num(h.at, -1) }))
    .filter((h) => h.from !== '' && h.from !== me && h.at > lastDecisionAt);
  const topic = target ?? goalItem ?? 'resources';
  let say: string | null = null;
  let sayTo: string | null = null;
  const last = heard[heard.length - 1];
  if (last && open(last.from)) {
    say = fill(rng.pick(agreeableness >= 0.5 ? FRIENDLY_REPLIES : CURT_REPLIES), { from: last.from, goal: topic });
    sayTo = last.from;
  } else {
    const social = goalItems.find((g) => str(g.status) === 'active' && str(g.kind).startsWith('social:'));
    const who = social ? str(social.kind).slice(7) : '';
    const near = arr(view['environment.nearbyAgents']).some((a) => str(obj(a).id) === who);
    if (who && near && open(who) && str(conversation.partner) !== who && rng.next() < 0.5 + extraversion / 2) {
      say = fill(rng.pick(GREETINGS), { who, goal: topic });
      sayTo = who;
    }
  }
  return { intent, say, sayTo, action, target, rationale };
}
