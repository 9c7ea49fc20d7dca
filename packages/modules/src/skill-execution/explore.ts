import type { ActionOutcome, Body, Rng } from '@sid/core';

/**
 * Walks to a random point 16–32 blocks away (seeded), to find new blocks when nothing nearby helps.
 * Kept here rather than in @sid/skills because it is a decision-level fallback, not a reusable skill.
 */
export async function explore(body: Body, rng: Rng, signal: AbortSignal): Promise<ActionOutcome> {
  const here = (await body.perceive()).self.position;
  const angle = rng.next() * 2 * Math.PI;
  const distance = 16 + rng.next() * 16;
  const target = {
    x: Math.round(here.x + Math.cos(angle) * distance),
    y: here.y,
    z: Math.round(here.z + Math.sin(angle) * distance),
  };
  return body.moveTo(target, { signal, range: 3 });
}
