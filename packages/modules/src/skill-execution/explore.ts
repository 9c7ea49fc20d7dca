import type { ActionOutcome, Body, Rng } from '@sid/core';

/**
 * Walks to a random point 40–80 blocks away (seeded): beyond the 32–48 block search radius of the
 * gathering skills, so the agent reaches ground it has not searched yet.
 * Kept here rather than in @sid/skills because it is a decision-level fallback, not a reusable skill.
 */
export async function explore(body: Body, rng: Rng, signal: AbortSignal): Promise<ActionOutcome> {
  const here = (await body.perceive()).self.position;
  const angle = rng.next() * 2 * Math.PI;
  const distance = 40 + rng.next() * 40;
  const target = {
    x: Math.round(here.x + Math.cos(angle) * distance),
    y: here.y,
    z: Math.round(here.z + Math.sin(angle) * distance),
  };
  return body.moveTo(target, { signal, range: 3 });
}
