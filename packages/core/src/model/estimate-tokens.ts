/** Rough token count (≈4 characters a token), for offline models and pre-call rate-limit estimates. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
