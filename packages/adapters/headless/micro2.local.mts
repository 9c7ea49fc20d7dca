import { VirtualClock } from '@sid/core';
import { createHeadlessWorld } from '@sid/headless';

const world = createHeadlessWorld();
await world.init({ clock: new VirtualClock(), seed: 'micro' });
for (let i = 0; i < 20000; i++) world.blocks.generator.generate(1000 + i, 7);
