import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const cli = 'packages/skills/src/cli/techtree-cli.ts';

async function techtree(...args: string[]): Promise<{ code: number; last: Record<string, unknown> }> {
  try {
    const { stdout } = await run(tsx, ['--conditions=@sid/source', cli, ...args], { cwd: root });
    return { code: 0, last: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, last: JSON.parse(e.stdout.trim().split('\n').at(-1) ?? '{}') };
  }
}

describe('npm run techtree', () => {
  it('prints item, tier and steps as the last line of stdout', async () => {
    const { code, last } = await techtree('iron_pickaxe');
    expect(code).toBe(0);
    expect(last).toMatchObject({
      item: 'iron_pickaxe',
      tier: 4,
      steps: [
        'oak_log',
        'oak_planks',
        'stick',
        'crafting_table',
        'wooden_pickaxe',
        'cobblestone',
        'stone_pickaxe',
        'furnace',
        'raw_iron',
        'iron_ingot',
        'iron_pickaxe',
      ],
    });
  });

  it('exits 1 with the reason for an impossible item', async () => {
    const { code, last } = await techtree('bedrock');
    expect(code).toBe(1);
    expect(last).toMatchObject({ item: 'bedrock', code: 'unobtainable' });
  });
});
