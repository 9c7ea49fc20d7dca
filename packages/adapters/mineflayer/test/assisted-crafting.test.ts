import { BUILTIN_SKILLS, executeSkill, TechTree } from '@sid/skills';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MineflayerBody, type MineflayerEnvironment, startTestServer, type TestServer } from '../src/index.js';
import { environmentFor, stopAndCheck } from './helpers.js';

// flying-squid has no crafting windows, so this server loads the TEST-ONLY /sidcraft command and the
// adapter is configured to use it (embeddedTestServer + assistedCrafting).
let server: TestServer | undefined;
let env: MineflayerEnvironment;
let cy: MineflayerBody;

beforeAll(async () => {
  server = await startTestServer({ port: 0, assistedCrafting: true, world: { seed: 11 } });
  env = await environmentFor(server, { assistedCrafting: true });
  cy = (await env.createBody('cyd')) as MineflayerBody;
});

afterAll(async () => {
  await env?.close();
  await stopAndCheck(server);
});

describe('server-assisted crafting on the embedded test server', () => {
  it('refuses with the headless reasons', async () => {
    expect((await cy.craft('oak_planks', 4)).reason?.code).toBe('missing_items');
    expect((await cy.craft('cobblestone', 1)).reason?.code).toBe('no_recipe');
    await server?.give('cyd', 'oak_planks', 3);
    await server?.give('cyd', 'stick', 2);
    const out = await cy.craft('wooden_pickaxe', 1);
    expect(out.reason?.code).toBe('needs_crafting_table');
  });

  it('makes a wooden pickaxe from nothing with the built-in skill', async () => {
    const skill = BUILTIN_SKILLS.find((s) => s.name === 'makeWoodenPickaxe');
    if (!skill) throw new Error('makeWoodenPickaxe is missing');
    const outcome = await executeSkill(skill, { body: cy, tree: TechTree.default() }, {});
    expect(outcome.failure, JSON.stringify(outcome.failure)).toBeUndefined();
    expect(outcome.ok).toBe(true);
    const inventory = (await cy.perceive()).inventory;
    expect(inventory.find((s) => s.name === 'wooden_pickaxe')?.count ?? 0).toBeGreaterThanOrEqual(1);
  });
});
