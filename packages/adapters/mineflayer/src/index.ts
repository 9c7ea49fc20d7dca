/**
 * @sid/mineflayer — the `Environment` and `Body` ports of @sid/core on real Minecraft servers through
 * mineflayer, mineflayer-pathfinder and mineflayer-collectblock, plus an embedded flying-squid test
 * server (`startTestServer`) for tests and demos.
 */

export { ActionQueue } from './body/action-queue.js';
export { COLLECT_RADIUS } from './body/actions/gathering.js';
export { ATTACK_REACH } from './body/actions/items.js';
export { MAX_CHAT_LENGTH, SHOUT_PREFIX } from './body/actions/social.js';
export { REACH } from './body/context.js';
export { BLOCK_UPDATE_RADIUS, type WorldEvent } from './body/event-bridge.js';
export { type BodyHost, MineflayerBody } from './body/mineflayer-body.js';
export { OBSERVE_BLOCK_RADIUS, OBSERVE_ENTITY_RADIUS } from './body/perception.js';
export {
  type MineflayerConfig,
  type MineflayerConfigInput,
  mineflayerConfigSchema,
  parseMineflayerConfig,
} from './config.js';
export { createMineflayerEnvironment, MineflayerEnvironment } from './environment.js';
export { NameBook, usernameFor } from './names.js';
export {
  startTestServer,
  type TestServer,
  type TestServerOptions,
  testServerOptionsSchema,
} from './test-server/start-test-server.js';
