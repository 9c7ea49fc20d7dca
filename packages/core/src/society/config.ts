import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { AgentSpec } from '../agent/agent.js';
import { bottleneckSpecSchema } from '../controller/bottleneck.js';
import { instantiateModule, type ModuleDefinition, type ModuleInstance } from '../module/define-module.js';
import { bigFiveSchema, traitsSlot, vec3Schema } from '../state/builtin-slots.js';
import { didYouMean } from '../util/did-you-mean.js';
import { ConfigError, SidError } from '../util/errors.js';
import { createSociety, type Society, type SocietyMember, type SocietyOptions } from './society.js';

/** A module by name, or by name with options and schedule overrides. */
export const moduleRefSchema = z.union([
  z.string().min(1),
  z
    .object({
      name: z.string().min(1),
      options: z.record(z.string(), z.unknown()).optional(),
      cadenceMs: z.number().positive().optional(),
      priority: z.number().optional(),
      tier: z.string().optional(),
    })
    .strict(),
]);

const traitsInputSchema = z
  .object({
    bigFive: bigFiveSchema.partial().optional(),
    persona: z.string().optional(),
    role: z.string().nullable().optional(),
  })
  .strict();

const memberFields = {
  modules: z.array(moduleRefSchema).optional(),
  traits: traitsInputSchema.optional(),
  spawn: vec3Schema.optional(),
  group: z.string().optional(),
  bottleneck: bottleneckSpecSchema.optional(),
};

export const agentConfigSchema = z
  .object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'use 1-32 letters, digits, _ or -'), ...memberFields })
  .strict();

/** Many similar agents: ids are `${prefix}${index}` from 1 to count. */
export const groupConfigSchema = z
  .object({
    prefix: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/, 'use 1-24 letters, digits, _ or -'),
    count: z.number().int().positive().max(100_000),
    ...memberFields,
  })
  .strict();

/** A society described as data (TS object, JSON or YAML). */
export const societyConfigSchema = z
  .object({
    name: z.string().min(1).default('society'),
    seed: z.union([z.string(), z.number()]).default(1),
    clock: z.enum(['virtual', 'real']).default('virtual'),
    /** How long runners let the society run, in clock ms. */
    durationMs: z.number().positive().optional(),
    /** Modules every agent gets unless it lists its own. */
    modules: z.array(moduleRefSchema).default([]),
    bottleneck: bottleneckSpecSchema.optional(),
    agents: z.array(agentConfigSchema).default([]),
    groups: z.array(groupConfigSchema).default([]),
  })
  .strict()
  .refine((c) => c.agents.length > 0 || c.groups.length > 0, {
    message: 'a society needs at least one agent (in "agents" or "groups")',
    path: ['agents'],
  });

export type SocietyConfig = z.output<typeof societyConfigSchema>;
export type SocietyConfigInput = z.input<typeof societyConfigSchema>;

/** Validates a config; every problem is reported with its path, e.g. `agents.2.modules.0.cadenceMs`. */
export function parseSocietyConfig(input: unknown): SocietyConfig {
  const result = societyConfigSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    throw new ConfigError(
      `invalid society config:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
      issues,
    );
  }
  return result.data;
}

/** Reads a JSON or YAML config file and validates it. */
export async function loadSocietyConfig(path: string): Promise<SocietyConfig> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = ['.yaml', '.yml'].includes(extname(path).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`cannot parse ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseSocietyConfig(data);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${path}: ${error.message}`, error.issues);
    throw error;
  }
}

/** Ports and the module registry a config is built with. */
export interface BuildOptions extends Omit<SocietyOptions, 'agents' | 'seed' | 'clock'> {
  /** Modules the config may name. */
  modules: Record<string, ModuleDefinition<unknown>>;
}

function resolveModules(
  refs: readonly z.output<typeof moduleRefSchema>[],
  registry: BuildOptions['modules'],
  path: string,
): ModuleInstance[] {
  return refs.map((ref, index) => {
    const name = typeof ref === 'string' ? ref : ref.name;
    const where = `${path}.${index}`;
    const definition = registry[name];
    if (!definition) {
      throw new ConfigError(`${where}: unknown module "${name}"${didYouMean(name, Object.keys(registry))}`, [
        { path: where, message: `unknown module "${name}"` },
      ]);
    }
    try {
      if (typeof ref === 'string') return instantiateModule(definition, undefined, {}, `${where} (${name})`);
      const { options, cadenceMs, priority, tier } = ref;
      return instantiateModule(
        definition,
        options,
        {
          ...(cadenceMs !== undefined ? { cadenceMs } : {}),
          ...(priority !== undefined ? { priority } : {}),
          ...(tier !== undefined ? { tier } : {}),
        },
        `${where} (${name})`,
      );
    } catch (error) {
      if (error instanceof SidError) throw new ConfigError(error.message, [{ path: where, message: error.message }]);
      throw error;
    }
  });
}

/** Expands groups into agents and resolves module names; returns the members a society is built from. */
export function membersFromConfig(config: SocietyConfig, registry: BuildOptions['modules']): SocietyMember[] {
  const members: SocietyMember[] = [];
  const seen = new Set<string>();
  const add = (
    id: string,
    entry: z.output<typeof agentConfigSchema> | z.output<typeof groupConfigSchema>,
    path: string,
  ) => {
    if (seen.has(id))
      throw new ConfigError(`${path}: duplicate agent id "${id}"`, [{ path, message: 'duplicate agent id' }]);
    seen.add(id);
    const refs = entry.modules ?? config.modules;
    if (refs.length === 0) {
      throw new ConfigError(`${path}.modules: agent "${id}" has no modules (set "modules" on it or at the top level)`, [
        { path: `${path}.modules`, message: 'no modules' },
      ]);
    }
    const modulesPath = entry.modules ? `${path}.modules` : 'modules';
    const defaults = traitsSlot.initial();
    const spec: AgentSpec & { spawn?: { x: number; y: number; z: number }; group?: string } = {
      id,
      modules: resolveModules(refs, registry, modulesPath),
      initial: entry.traits
        ? {
            traits: {
              bigFive: { ...defaults.bigFive, ...entry.traits.bigFive },
              persona: entry.traits.persona ?? '',
              role: entry.traits.role ?? null,
            },
          }
        : {},
      ...((entry.bottleneck ?? config.bottleneck) ? { bottleneck: entry.bottleneck ?? config.bottleneck } : {}),
      ...(entry.spawn ? { spawn: entry.spawn } : {}),
      ...(entry.group ? { group: entry.group } : {}),
    };
    members.push(spec);
  };
  for (const [i, agent] of config.agents.entries()) add(agent.id, agent, `agents.${i}`);
  config.groups.forEach((group, g) => {
    for (let i = 1; i <= group.count; i++) add(`${group.prefix}${i}`, group, `groups.${g}`);
  });
  return members;
}

/** Validates a config, resolves its modules and builds the society (not started). */
export function buildSociety(input: unknown, options: BuildOptions): Society {
  const config = parseSocietyConfig(input);
  const { modules, ...ports } = options;
  return createSociety({
    ...ports,
    seed: config.seed,
    clock: config.clock,
    agents: membersFromConfig(config, modules),
  });
}
