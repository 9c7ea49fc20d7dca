import { createRng, type ModuleLike, type SocietyMember, type traitsSlot, type Vec3 } from '@sid/core';
import type { z } from 'zod';
import { actionAwarenessModule } from '../action-awareness/action-awareness-module.js';
import { controllerModule } from '../controller/controller-module.js';
import { goalGenerationModule } from '../goals/goal-generation-module.js';
import { memoryModule } from '../memory/memory-module.js';
import { perceptionModule } from '../perception/perception-module.js';
import { planningModule } from '../planning/planning-module.js';
import { selfReflectionModule } from '../reflection/self-reflection-module.js';
import { skillExecutionModule } from '../skill-execution/skill-execution-module.js';
import { socialAwarenessModule } from '../social/social-awareness-module.js';
import { talkingModule } from '../talking/talking-module.js';

/** The PIANO modules by the name a prefab option uses. */
export const PIANO_MODULES = {
  perception: perceptionModule,
  memory: memoryModule,
  actionAwareness: actionAwarenessModule,
  goals: goalGenerationModule,
  social: socialAwarenessModule,
  talking: talkingModule,
  skillExecution: skillExecutionModule,
  controller: controllerModule,
  planning: planningModule,
  reflection: selfReflectionModule,
} as const;

export type PianoModuleName = keyof typeof PIANO_MODULES;

type Traits = z.output<typeof traitsSlot.schema>;

export interface PrefabOptions {
  id: string;
  persona?: string;
  role?: string | null;
  /** Big Five scores in [0, 1]; missing ones are drawn from a generator seeded by the agent id. */
  bigFive?: Partial<Traits['bigFive']>;
  /** Modules to leave out (ablations), e.g. `['actionAwareness']`. */
  without?: readonly PianoModuleName[];
  /** Extra modules (third-party) added after the PIANO ones. */
  extra?: readonly ModuleLike[];
  /** Replaces a PIANO module by name with a configured instance, e.g. `{ talking: talkingModule.with({ maxTurns: 4 }) }`. */
  replace?: Partial<Record<PianoModuleName, ModuleLike>>;
  spawn?: Vec3;
  group?: string;
}

/** Traits from options, filling missing Big Five scores deterministically from the agent id. */
function traitsFor(options: PrefabOptions): Traits {
  const rng = createRng(`traits/${options.id}`);
  const draw = () => Math.round(rng.next() * 100) / 100;
  const b = options.bigFive ?? {};
  return {
    bigFive: {
      openness: b.openness ?? draw(),
      conscientiousness: b.conscientiousness ?? draw(),
      extraversion: b.extraversion ?? draw(),
      agreeableness: b.agreeableness ?? draw(),
      neuroticism: b.neuroticism ?? draw(),
    },
    persona: options.persona ?? '',
    role: options.role ?? null,
  };
}

function compose(names: readonly PianoModuleName[], options: PrefabOptions): SocietyMember {
  const skip = new Set(options.without ?? []);
  const modules: ModuleLike[] = names.filter((n) => !skip.has(n)).map((n) => options.replace?.[n] ?? PIANO_MODULES[n]);
  return {
    id: options.id,
    modules: [...modules, ...(options.extra ?? [])],
    initial: { traits: traitsFor(options) },
    ...(options.spawn ? { spawn: options.spawn } : {}),
    ...(options.group ? { group: options.group } : {}),
  };
}

/** A full PIANO agent: every module. `without` turns it into an ablation in one line. */
export function pianoAgent(options: PrefabOptions): SocietyMember {
  return compose(Object.keys(PIANO_MODULES) as PianoModuleName[], options);
}

/**
 * The paper's baseline: skill execution, memory and the cognitive controller (plus perception,
 * which only copies what the body sees into state).
 */
export function baselineAgent(options: PrefabOptions): SocietyMember {
  return compose(['perception', 'memory', 'skillExecution', 'controller'], options);
}

/** PIANO without action awareness (the paper's single-agent ablation). */
export const withoutActionAwareness = (options: PrefabOptions) =>
  pianoAgent({ ...options, without: [...(options.without ?? []), 'actionAwareness'] });

/** PIANO without social awareness (the paper's social-perception ablation). */
export const withoutSocialAwareness = (options: PrefabOptions) =>
  pianoAgent({ ...options, without: [...(options.without ?? []), 'social'] });
