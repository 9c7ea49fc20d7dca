/**
 * The quickstart society: PIANO agents in the headless world, on the virtual clock, with the offline
 * model behind the model gateway. Shared by the CLI (`npm start`) and the tests.
 */
import { attachGatewayToSociety, createModelGateway, createSociety, type ModelGateway, type Society } from '@sid/core';
import { createHeadlessWorld, type WorldConfigInput } from '@sid/headless';
import { createOfflineModel, type PianoModuleName, pianoAgent, skillExecutionModule } from '@sid/modules';
import { SkillLibrary } from '@sid/skills';

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
  /** The skill library the agents share (per-skill and per-agent statistics). */
  library: SkillLibrary;
}

/** Builds (does not start) the quickstart society. */
export async function buildQuickstart(options: QuickstartOptions): Promise<Quickstart> {
  const model = createOfflineModel({ seed: options.seed });
  const gateway = createModelGateway({ model });
  // One library for the whole society: what one agent learns serves all, with per-agent statistics.
  const library = await SkillLibrary.open({ scope: { shared: 'quickstart' }, model: gateway });
  const skillExecution = skillExecutionModule.with({ library });
  const world = createHeadlessWorld({ spawn: { points: [{ x: 0, z: 0 }], radius: 10 }, ...options.world });
  const society = createSociety({
    seed: options.seed,
    ...(options.runId ? { runId: options.runId } : {}),
    environment: world,
    model: gateway,
    agents: Array.from({ length: options.agents }, (_, i) =>
      pianoAgent({
        id: NAMES[i] ?? `agent${i + 1}`,
        replace: { skillExecution },
        ...(options.without ? { without: options.without } : {}),
      }),
    ),
  });
  // model.call events, module priorities and tiers checked, the clock held during calls.
  attachGatewayToSociety(gateway, society);
  return { society, gateway, library };
}
