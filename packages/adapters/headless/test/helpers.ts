import { VirtualClock } from '@sid/core';
import { createHeadlessWorld, type HeadlessBody, type HeadlessWorld, type WorldConfigInput } from '../src/index.js';

/** Ground level of the flat test world: surface blocks at y 66, bodies stand at y 67. */
export const GROUND = 67;

/** A flat world without trees (amplitude 0), initialised on a fresh virtual clock. */
export async function flatWorld(
  config: WorldConfigInput = {},
  seed = 'test',
): Promise<{ world: HeadlessWorld; clock: VirtualClock }> {
  const clock = new VirtualClock();
  const world = createHeadlessWorld({
    ...config,
    terrain: { amplitude: 0, baseHeight: 66, treeDensity: 0, ...(config.terrain ?? {}) },
  });
  await world.init({ clock, seed });
  return { world, clock };
}

/** Creates a body standing at (x, GROUND, z). */
export async function bodyAt(world: HeadlessWorld, id: string, x: number, z: number): Promise<HeadlessBody> {
  return (await world.createBody(id, { spawn: { x, y: GROUND, z } })) as HeadlessBody;
}

/** Lets the virtual clock run until the action settles. */
export async function settle<T>(clock: VirtualClock, action: Promise<T>): Promise<T> {
  clock.run();
  try {
    return await action;
  } finally {
    clock.pause();
  }
}
