import type { Observation, Vec3 } from '../ports/body.js';

/** Minecraft's maximum health and food, used in the text rendering. */
const MAX_HEALTH = 20;
const MAX_FOOD = 20;

/** Compass direction from `from` to `to` (north is -z, east is +x), e.g. `north-east`; `here` when close. */
export function compassDirection(from: Vec3, to: Vec3): string {
  const dx = to.x - from.x;
  const dz = to.z - from.z;
  if (Math.abs(dx) < 0.5 && Math.abs(dz) < 0.5) return 'here';
  const angle = (Math.atan2(dx, -dz) * 180) / Math.PI; // 0 = north, 90 = east
  const names = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];
  return names[(Math.round(angle / 45) + 8) % 8] as string;
}

/**
 * A few short lines describing an observation, for prompts. Every environment renders with this, so a
 * prompt reads the same in the headless world and on a real server.
 */
export function renderObservation(obs: Observation): string {
  const p = obs.self.position;
  const lines = [
    obs.self.dead
      ? 'You are dead and will respawn soon.'
      : `You are at (${Math.round(p.x)}, ${Math.round(p.y)}, ${Math.round(p.z)}); health ${obs.self.health}/${MAX_HEALTH}, food ${obs.self.food}/${MAX_FOOD}; holding ${obs.self.heldItem ?? 'nothing'}.`,
    `It is ${obs.isDay ? 'day' : 'night'} (time ${obs.timeOfDay}).`,
    `Inventory: ${obs.inventory.length > 0 ? obs.inventory.map((s) => `${s.count} ${s.name}`).join(', ') : 'empty'}.`,
  ];
  if (obs.blocks.length > 0) {
    lines.push(`Blocks nearby: ${obs.blocks.map((b) => `${b.name} ${Math.round(b.distance)}m`).join(', ')}.`);
  }
  const players = obs.entities.filter((e) => e.kind === 'player');
  if (players.length > 0) {
    lines.push(
      `Agents nearby: ${players.map((e) => `${e.name} ${Math.round(e.distance)}m ${e.direction}`).join(', ')}.`,
    );
  }
  const items = obs.entities.filter((e) => e.kind === 'item');
  if (items.length > 0) {
    lines.push(
      `Items on the ground: ${items.map((e) => `${e.name} ${Math.round(e.distance)}m ${e.direction}`).join(', ')}.`,
    );
  }
  return lines.join('\n');
}
