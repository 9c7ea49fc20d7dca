/**
 * Text from other agents and from model output is data, never instructions. Before it goes into a
 * prompt it is stripped of control characters and fences, cut to a length, and quoted so the model
 * can tell it apart from our instructions.
 */
export function quoteUntrusted(text: string, maxChars = 300): string {
  const cleaned = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/```/g, "'''")
    .replace(/\s+/g, ' ')
    .trim();
  const cut = cleaned.length > maxChars ? `${cleaned.slice(0, maxChars - 1)}…` : cleaned;
  return JSON.stringify(cut);
}

/** Chat text we let an agent say: one line, printable, bounded (Minecraft chat allows 256 characters). */
export function sanitizeUtterance(text: string, maxChars = 240): string {
  const line = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}
