/**
 * A third-party module: an agent's mood, from how its work goes and how others treat it. It declares
 * its own slot with a schema, reads slots the PIANO modules keep, and runs every 5 s. Nothing else in
 * the SDK knows about it: the controller sees it because it is added to the bottleneck.
 */
import { defineModule, defineSlot } from '@sid/core';
import { z } from 'zod';

export const moodSlot = defineSlot({
  name: 'mood',
  description: 'How the agent feels (-1 miserable … 1 elated) and why.',
  schema: z.object({ value: z.number().min(-1).max(1), because: z.string() }),
  initial: () => ({ value: 0, because: 'nothing has happened yet' }),
});

export const moodModule = defineModule({
  name: 'mood',
  description: 'Mood from progress and from what others think of the agent.',
  slots: [moodSlot],
  // `progress` and `skillExecution` are slots the PIANO modules declare; `social` is built in.
  reads: ['progress', 'skillExecution', 'social'],
  writes: ['mood'],
  cadenceMs: 5_000,
  options: z.object({ sensitivity: z.number().min(0).max(1).default(0.3) }),
  run(ctx) {
    const items = Object.keys(
      (ctx.get('progress') as { firstObtainedAt: Record<string, number> }).firstObtainedAt,
    ).length;
    const history = (ctx.get('skillExecution') as { history: { ok: boolean }[] }).history.slice(-5);
    const failures = history.filter((h) => !h.ok).length;
    const likes = Object.values(ctx.get('social').others).map((o) => o.likeability);
    const liked = likes.length === 0 ? 0 : likes.reduce((a, b) => a + b, 0) / likes.length / 10 - 0.5;
    const target = Math.max(-1, Math.min(1, Math.min(items, 10) / 10 - failures / 5 + liked));
    ctx.update(moodSlot, (m) => ({
      value: Math.round((m.value + ctx.options.sensitivity * (target - m.value)) * 1000) / 1000,
      because: `${items} items so far, ${failures} of my last ${history.length} actions failed`,
    }));
  },
});
