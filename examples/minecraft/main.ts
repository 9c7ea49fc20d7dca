/**
 * A small PIANO society in real Minecraft through mineflayer.
 *
 *   npx tsx --conditions=@sid/source examples/minecraft/main.ts                 # embedded flying-squid server
 *   npx tsx --conditions=@sid/source examples/minecraft/main.ts --host mc.local --port 25565   # any server
 *
 * With no --host it starts the embedded test server (flying-squid, a dev dependency) in a child
 * process, with its TEST-ONLY server-assisted crafting, so the agents can climb the tech tree. With
 * --host it connects to your Paper / vanilla server in offline mode and uses real crafting windows.
 * The offline model decides (no API key, nothing spent); swap in a real model for real behaviour.
 */
import { createModelGateway, createSociety, type SocietyEvent } from '@sid/core';
import { type MineflayerConfigInput, MineflayerEnvironment, startTestServer, type TestServer } from '@sid/mineflayer';
import { createOfflineModel, pianoAgent, skillExecutionModule } from '@sid/modules';
import { SkillLibrary } from '@sid/skills';
import { Command, InvalidArgumentError } from 'commander';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const opts = new Command('minecraft')
  .description('Run a small PIANO society on a Minecraft server (embedded flying-squid unless --host is given).')
  .option('--host <host>', 'server host (default: start the embedded test server)')
  .option('--port <port>', 'server port', positiveInt, 25565)
  .option('--version <version>', 'game version', '1.21.4')
  .option('--agents <n>', 'number of agents', positiveInt, 3)
  .option('--seconds <n>', 'how long to run (real time)', positiveInt, 90)
  .option('--prefix <prefix>', 'username prefix', '')
  .option('--seed <seed>', 'seed for the model and the embedded world', '1')
  .parse()
  .opts<{
    host?: string;
    port: number;
    version: string;
    agents: number;
    seconds: number;
    prefix: string;
    seed: string;
  }>();

const NAMES = ['ada', 'bob', 'cyd', 'dee', 'eli', 'fay', 'gus', 'hal'];

let server: TestServer | null = null;
let config: MineflayerConfigInput;
if (opts.host) {
  config = { host: opts.host, port: opts.port, version: opts.version, usernamePrefix: opts.prefix };
  console.log(`Connecting ${opts.agents} agents to ${opts.host}:${opts.port} (${opts.version})`);
} else {
  server = await startTestServer({
    version: opts.version,
    assistedCrafting: true,
    world: { seed: Number(opts.seed) || 1 },
  });
  config = {
    host: server.host,
    port: server.port,
    version: server.version,
    usernamePrefix: opts.prefix,
    embeddedTestServer: true,
    assistedCrafting: true,
  };
  console.log(`Embedded flying-squid server on port ${server.port} (assisted crafting: TEST SERVER ONLY)`);
}

const environment = new MineflayerEnvironment(config);
const model = createOfflineModel({ seed: opts.seed });
const gateway = createModelGateway({ model });
const library = await SkillLibrary.open({ scope: { shared: 'minecraft-example' }, model });
const skillExecution = skillExecutionModule.with({ library });
const society = createSociety({
  seed: opts.seed,
  clock: 'real',
  environment,
  model: gateway,
  agents: Array.from({ length: opts.agents }, (_, i) =>
    pianoAgent({ id: NAMES[i] ?? `agent${i + 1}`, replace: { skillExecution } }),
  ),
});

const said: string[] = [];
let actions = 0;
let failed = 0;
society.events.subscribe((e: SocietyEvent) => {
  if (e.type === 'action') {
    actions++;
    if (!(e.data as { ok: boolean }).ok) failed++;
  }
  if (e.type === 'chat') said.push(`${e.agentId}: ${(e.data as { text: string }).text}`);
});

const stop = async (why: string) => {
  await society.stop(why);
  await environment.close();
  await server?.stop();
};
process.once('SIGINT', () => {
  void stop('interrupted').then(() => process.exit(130));
});

try {
  await society.runFor(opts.seconds * 1000);
  for (const id of society.agents.keys()) {
    const body = environment.body(id);
    const obs = await body?.perceive();
    const items = obs?.inventory.map((s) => `${s.count} ${s.name}`).join(', ') || '(nothing)';
    console.log(`${id.padEnd(6)} ${items}`);
  }
  console.log(`${actions} actions (${failed} failed); last lines said:`);
  for (const line of said.slice(-5)) console.log(`  ${line}`);
} finally {
  await stop('example finished');
}
