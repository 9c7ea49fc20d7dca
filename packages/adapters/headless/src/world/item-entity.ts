import type { TimerHandle, Vec3 } from '@sid/core';

/** Dropped items lie for 5 minutes before they despawn (6000 ticks). */
export const ITEM_DESPAWN_MS = 300_000;
/** Items thrown or dropped on death cannot be picked up for 2 seconds (40 ticks). */
export const PICKUP_DELAY_MS = 2_000;
/** A body picks up items within this distance of its feet. */
export const PICKUP_RANGE = 2;

/** A stack of items lying in the world. */
export interface ItemEntity {
  id: string;
  name: string;
  count: number;
  position: Vec3;
  pickupAt: number;
  despawnAt: number;
  timer: TimerHandle | null;
}
