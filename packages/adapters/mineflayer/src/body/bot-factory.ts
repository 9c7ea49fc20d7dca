import mineflayer, { type Bot } from 'mineflayer';
import collectBlockPkg from 'mineflayer-collectblock';
import pathfinderPkg from 'mineflayer-pathfinder';
import type { MineflayerConfig } from '../config.js';

/**
 * mineflayer plugins an agent never uses. Leaving them out saves memory and packet handling per bot
 * (many bots share one process).
 */
const UNUSED_PLUGINS = [
  'anvil',
  'bed',
  'book',
  'boss_bar',
  'command_block',
  'enchantment_table',
  'explosion',
  'fishing',
  'particle',
  'scoreboard',
  'team',
  'title',
  'villager',
  'sound',
] as const;

/** Creates one mineflayer bot with pathfinder and collectblock loaded and memory-saving options. */
export function createBot(config: MineflayerConfig, username: string): Bot {
  const plugins: Record<string, false> = {};
  for (const name of UNUSED_PLUGINS) plugins[name] = false;
  const bot = mineflayer.createBot({
    host: config.host,
    port: config.port,
    username,
    version: config.version,
    auth: config.auth,
    viewDistance: config.viewDistance,
    hideErrors: true,
    logErrors: false,
    respawn: true,
    checkTimeoutInterval: 30_000,
    plugins,
  });
  bot.loadPlugin(pathfinderPkg.pathfinder);
  bot.loadPlugin(collectBlockPkg.plugin);
  return bot;
}

/** The pathfinder's goal classes and Movements (re-exported so actions need not import the CJS package). */
export const { goals, Movements } = pathfinderPkg;
