/** A tiny sentiment lexicon: enough for the offline model to tell friendly lines from hostile ones. */
const POSITIVE = [
  'thanks',
  'thank',
  'great',
  'glad',
  'help',
  'friend',
  'nice',
  'share',
  'welcome',
  'happy',
  'good',
  'love',
  'together',
  'gift',
];
const NEGATIVE = [
  'busy',
  'leave',
  'stop',
  'annoying',
  'no',
  'mine',
  'go away',
  'hate',
  'bad',
  'never',
  'ugh',
  'whatever',
];

/** Sentiment of a line in [-1, 1]. */
export function lineSentiment(text: string): number {
  const lower = ` ${text.toLowerCase().replace(/[^a-z' ]/g, ' ')} `;
  let score = 0;
  for (const word of POSITIVE) if (lower.includes(` ${word} `) || lower.includes(` ${word}s `)) score++;
  for (const word of NEGATIVE) if (lower.includes(` ${word} `)) score--;
  return Math.max(-1, Math.min(1, score / 2));
}
