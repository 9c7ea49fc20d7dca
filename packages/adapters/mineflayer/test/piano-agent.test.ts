import { createModelGateway, createSociety, type SocietyEvent } from '@sid/core';
import { createOfflineModel, pianoAgent, skillExecutionModule } from '@sid/modules';
import { SkillLibrary } from '@sid/skills';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MineflayerEnvironment, startTestServer, type TestServer } from '../src/index.js';
import { environmentFor, stopAndCheck } from './helpers.js';

// Two full PIANO agents (offline model) on a real embedded server for 60 s of real time.
const RUN_MS = 60_000;
let server: TestServer | undefined;
let env: MineflayerEnvironment;

beforeAll(async () => {
  server = await startTestServer({ port: 0, assistedCrafting: true, world: { seed: 3 } });
  env = await environmentFor(server, { assistedCrafting: true });
});

afterAll(async () => {
  await env?.close();
  await stopAndCheck(server);
});

describe('a PIANO society on the embedded server', () => {
  it('gathers, places and talks for 60 s with no unhandled error', { timeout: RUN_MS + 60_000 }, async () => {
    const unhandled: unknown[] = [];
    const onError = (error: unknown) => unhandled.push(error);
    process.on('unhandledRejection', onError);
    process.on('uncaughtException', onError);
    try {
      const model = createOfflineModel({ seed: 1 });
      const gateway = createModelGateway({ model });
      const library = await SkillLibrary.open({ scope: { shared: 'mineflayer-test' }, model });
      const skillExecution = skillExecutionModule.with({ library });
      const society = createSociety({
        seed: 1,
        clock: 'real',
        environment: env,
        model: gateway,
        agents: ['ann', 'ben'].map((id) => pianoAgent({ id, replace: { skillExecution } })),
      });
      const events: SocietyEvent[] = [];
      society.events.subscribe((e) => events.push(e));
      await society.runFor(RUN_MS);
      await society.stop('test finished');

      const actions = events.filter((e) => e.type === 'action').map((e) => e.data as { action: string; ok: boolean });
      const okActions = new Set(actions.filter((a) => a.ok).map((a) => a.action));
      const heard = events.filter((e) => e.type === 'chat.heard');
      const failedModules = events.filter((e) => e.type === 'module.run' && !(e.data as { ok: boolean }).ok);
      expect(unhandled).toEqual([]);
      expect(failedModules.map((e) => (e.data as { error: unknown }).error)).toEqual([]);
      expect(okActions.has('collect') || okActions.has('dig')).toBe(true);
      expect(okActions.has('place')).toBe(true);
      expect(heard.some((e) => e.agentId === 'ann' && (e.data as { from: string }).from === 'ben')).toBe(true);
    } finally {
      process.off('unhandledRejection', onError);
      process.off('uncaughtException', onError);
    }
  });
});
