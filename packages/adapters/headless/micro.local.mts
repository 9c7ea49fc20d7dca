import { VirtualClock } from '@sid/core';
import { createHeadlessWorld } from '@sid/headless';

const world = createHeadlessWorld();
await world.init({ clock: new VirtualClock(), seed: 'micro' });
const d = world.data;
const coal = new Set([d.block('coal_ore').id, d.block('deepslate_coal_ore').id]);
const logs = new Set([d.block('oak_log').id]);
const stone = new Set([d.block('stone').id, d.block('cobblestone').id]);
const origin = { x: 100.5, y: world.blocks.standY(100, 100), z: 100.5 };
for (const [name, ids, r, c] of [
  ['coal', coal, 32, 1],
  ['logs', logs, 32, 1],
  ['stone', stone, 32, 1],
] as const) {
  world.blocks.find(origin, ids, r, c);
  const t = performance.now();
  for (let i = 0; i < 10000; i++)
    world.blocks.find({ x: origin.x + (i % 50), y: origin.y, z: origin.z + (i % 37) }, ids, r, c);
  console.log(
    name,
    (((performance.now() - t) / 10000) * 1000).toFixed(1),
    'us/call',
    JSON.stringify(world.blocks.find(origin, ids, r, c)),
  );
}
const t = performance.now();
for (let i = 0; i < 2000; i++) world.blocks.generator.generate(1000 + i, 7);
console.log('generate', (((performance.now() - t) / 2000) * 1000).toFixed(1), 'us/chunk');
