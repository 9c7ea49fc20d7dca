'use strict';
// Entry of the embedded test server's child process (forked by startTestServer, stdio ignored).
// flying-squid must not run in the host process: it reads stdin as console commands, its timers keep
// the process alive, its error handler may call process.exit(), and it throws past max-entities.
// Messages from the parent: { id, op: 'kick' | 'give' | 'teleport' | 'setBlock' | 'health' | 'players' | 'entities' | 'stop', ... }.
// Replies: { id, ok, result? , error? }. First message sent: { type: 'ready', port } or { type: 'failed', error }.
const path = require('node:path');
const { Vec3 } = require('vec3');
const mcServer = require('flying-squid');
const { addItems } = require('./plugins/give-count.cjs');

const config = JSON.parse(process.env.SID_TEST_SERVER_CONFIG || '{}');
const plugin = (name) => path.join(__dirname, 'plugins', `${name}.cjs`);
const plugins = {
  [plugin('players-as-entities')]: {},
  [plugin('player-list')]: {},
  [plugin('tell')]: {},
  [plugin('give-count')]: {},
  [plugin('entity-teleport')]: {},
  [plugin('respawn')]: {},
};
if (config.assistedCrafting) plugins[plugin('assisted-crafting')] = {};

const serv = mcServer.createMCServer({
  port: config.port ?? 0,
  host: config.host ?? '127.0.0.1',
  version: config.version ?? '1.21.4',
  'online-mode': false,
  logging: false,
  gameMode: 0,
  difficulty: config.difficulty ?? 1,
  motd: 'PIANO SDK embedded test server',
  'max-players': config.maxPlayers ?? 200,
  'max-entities': config.maxEntities ?? 100000,
  'view-distance': config.viewDistance ?? 3,
  'everybody-op': true,
  kickTimeout: 30000,
  'player-list-text': { header: { text: 'PIANO SDK' }, footer: { text: 'embedded test server' } },
  generation: {
    name: path.join(__dirname, 'world-generator.cjs'),
    options: { seed: config.seed ?? 1, treeChance: config.treeChance, clearRadius: config.clearRadius },
  },
  plugins,
  modpe: false,
});

serv.on('error', (error) => send({ type: 'failed', error: String(error?.message ?? error) }));
serv.on('listening', (port) => {
  serv.waitForReady(10000).then(
    () => {
      // Fixed spawn near the origin (flying-squid picks a random point in 0..30 otherwise).
      const spawn = config.spawn ?? { x: 0.5, y: 64, z: 0.5 };
      serv.getSpawnPoint = async () => new Vec3(spawn.x, spawn.y, spawn.z);
      send({ type: 'ready', port });
    },
    (error) => send({ type: 'failed', error: String(error?.message ?? error) }),
  );
});

function send(message) {
  if (process.connected) process.send(message);
}

function player(username) {
  const p = serv.players.find((x) => x.username === username);
  if (!p) throw new Error(`no player called ${username}`);
  return p;
}

const ops = {
  players: () => serv.players.map((p) => ({ username: p.username, position: { ...p.position } })),
  kick: ({ username, reason }) => {
    player(username).kick(reason ?? 'kicked by the test');
  },
  give: ({ username, item, count }) => {
    const data = serv.registry.itemsByName[item];
    if (!data) throw new Error(`unknown item ${item}`);
    const Item = require('prismarine-item')(serv.registry);
    return addItems(player(username), data, count ?? 1, Item);
  },
  teleport: ({ username, x, y, z }) => {
    player(username).teleport(new Vec3(x, y, z));
  },
  setBlock: async ({ x, y, z, name }) => {
    const block = serv.registry.blocksByName[name];
    if (!block) throw new Error(`unknown block ${name}`);
    await serv.setBlock(serv.overworld, new Vec3(x, y, z), block.defaultState);
  },
  health: ({ username, health }) => {
    player(username).updateHealth(health);
  },
  entities: () => Object.keys(serv.entities).length,
};

process.on('message', async (msg) => {
  if (!msg || typeof msg !== 'object') return;
  if (msg.op === 'stop') {
    send({ id: msg.id, ok: true });
    process.exit(0);
  }
  const op = ops[msg.op];
  try {
    if (!op) throw new Error(`unknown op ${msg.op}`);
    const result = await op(msg);
    send({ id: msg.id, ok: true, result });
  } catch (error) {
    send({ id: msg.id, ok: false, error: String(error?.message ?? error) });
  }
});

// The parent is gone (crashed, killed): do not linger holding the port.
process.on('disconnect', () => process.exit(0));
