import type { WorldConfig, WorldConfigInput } from './config.js';
import { parseWorldConfig } from './config.js';

/** An agent to create: its id and group (a town name, or null for rural agents). */
export interface PlannedAgent {
  id: string;
  group: string | null;
}

/**
 * The agents a layout describes: `agents` per town, named `${town}-${n}` with the town as group, then
 * `rural` agents named `rural-${n}` spread around the spawn points. Pass them to the society with
 * `group`, and the world spawns each inside its town.
 */
export function planAgents(config: WorldConfig | WorldConfigInput, rural = 0): PlannedAgent[] {
  const parsed = parseWorldConfig(config);
  const out: PlannedAgent[] = [];
  for (const town of parsed.towns) {
    for (let i = 1; i <= town.agents; i++) out.push({ id: `${town.name}-${i}`, group: town.name });
  }
  for (let i = 1; i <= rural; i++) out.push({ id: `rural-${i}`, group: null });
  return out;
}

/**
 * The paper's cultural-transmission layout: six towns of radius 50 with 33 agents each, in a
 * 1000 × 1200 block area whose rural remainder spawns anywhere (302 rural agents in the paper).
 */
export function culturalTransmissionLayout(): WorldConfigInput {
  const centres = [
    { x: 200, z: 200 },
    { x: 500, z: 200 },
    { x: 800, z: 200 },
    { x: 200, z: 1000 },
    { x: 500, z: 1000 },
    { x: 800, z: 1000 },
  ];
  return {
    bounds: { minX: 0, maxX: 1000, minZ: 0, maxZ: 1200 },
    towns: centres.map((center, i) => ({ name: `town${i + 1}`, center, radius: 50, agents: 33 })),
    spawn: { points: [{ x: 500, z: 600 }], radius: 500 },
  };
}
