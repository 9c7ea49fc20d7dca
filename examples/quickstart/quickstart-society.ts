/**
 * The quickstart society: PIANO agents in the headless world, on the virtual clock, with the offline
 * model behind the model gateway. Shared by the CLI (`npm start`) and the tests.
 */
import { connectGatewayToEvents, createModelGateway, createSociety, type ModelGateway, type Society } from '@sid/core';
import { createHeadlessWorld, type WorldConfigInput } from '@sid/headless';
import { createOfflineModel, type PianoModuleName, pianoAgent } from '@sid/modules';

const NAMES = ['ada', 'bo', 'cy', 'di', 'ed', 'fay', 'gus', 'hal', 'ivy', 'jo', 'kit', 'lu'];

export interface QuickstartOptions {
  agents: number;
  seed: number | string;
  runId?: string;
  /** Modules every agent goes without (ablations). */
  without?: PianoModuleName[];
  /** Headless-world settings on top of the defaults (e.g. sparse trees for harder runs). */
  world?: WorldConfigInput;
}

export interface Quickstart {
  society: Society;
  gateway: ModelGateway;
}

/** Builds (does not start) the quickstart society. */
export function buildQuickstart(options: QuickstartOptions): Quickstart {
  const gateway = createModelGateway({ model: createOfflineModel({ seed: options.seed }) });
  const world = createHeadlessWorld({ spawn: { points: [{ x: 0, z: 0 }], radius: 10 }, ...options.world });
  const society = createSociety({
    seed: options.seed,
    ...(options.runId ? { runId: options.runId } : {}),
    environment: world,
    model: gateway,
    agents: Array.from({ length: options.agents }, (_, i) =>
      pianoAgent({ id: NAMES[i] ?? `agent${i + 1}`, ...(options.without ? { without: options.without } : {}) }),
    ),
  });
  connectGatewayToEvents(gateway, society.events);
  gateway.useClock(society.clock);
  return { society, gateway };
}
