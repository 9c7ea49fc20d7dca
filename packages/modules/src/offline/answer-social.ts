import type { JsonObject } from '@sid/core';
import type { SocialOutput } from '../social/social-awareness-module.js';
import { arr, num, obj, str, strings } from './context-access.js';
import { lineSentiment } from './sentiment.js';

/** Social: likeability moves with the sentiment of what each agent said; agreeable agents judge more kindly. */
export function answerSocial(context: JsonObject): SocialOutput {
  const current = obj(context.current);
  const agreeableness = num(context.agreeableness, 0.5);
  const heard = arr(context.heard).map((h) => ({ from: str(obj(h).from), text: str(obj(h).text) }));
  const involved = [
    ...new Set([...Object.keys(current), ...heard.map((h) => h.from), ...strings(context.nearby)]),
  ].sort();
  const updates = involved.map((agent) => {
    const before = obj(current[agent]);
    const lines = heard.filter((h) => h.from === agent);
    const mood = lines.reduce((sum, l) => sum + lineSentiment(l.text), 0);
    const prior = num(before.likeability, 5);
    const likeability = Math.max(
      0,
      Math.min(10, prior + 1.2 * mood + (lines.length > 0 ? 0.3 * (agreeableness - 0.5) : 0)),
    );
    const last = lines[lines.length - 1];
    return {
      agent,
      summary: last ? `${agent} said "${last.text.slice(0, 80)}"` : str(before.summary, `${agent} was nearby`),
      sentiment: Math.round(((likeability - 5) / 5) * 100) / 100,
      likeability: Math.round(likeability * 100) / 100,
    };
  });
  return {
    updates,
    selfImage: agreeableness >= 0.5 ? 'others probably find me friendly and helpful' : 'others probably find me blunt',
  };
}
