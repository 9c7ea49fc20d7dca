import type { BodyEvent, ChatMode } from '@sid/core';
import type { Bot } from 'mineflayer';
import type { Block } from 'prismarine-block';
import type { Entity } from 'prismarine-entity';
import type { MineflayerConfig } from '../config.js';
import type { NameBook } from '../names.js';
import { SHOUT_PREFIX } from './actions/social.js';
import { distance, droppedItem, plain } from './context.js';

/**
 * The body events only a real server produces (joins, leaves, block updates, digs, goals, kicks). They
 * reach `onEvent` listeners like every body event (so modules can trigger on `body.kicked` …) and,
 * for code that wants only these, `onWorldEvent`.
 */
export type WorldEvent = Extract<
  BodyEvent,
  { type: 'player_joined' | 'player_left' | 'block_update' | 'dig_completed' | 'goal_reached' | 'kicked' }
>;

/** Block updates farther than this from the body are not reported. */
export const BLOCK_UPDATE_RADIUS = 16;

/** Where a bridge sends what it hears. */
export interface BridgeSink {
  emit(event: BodyEvent): void;
  emitWorld(event: WorldEvent): void;
  now(): number;
  setDead(dead: boolean): void;
  isDead(): boolean;
}

/**
 * Turns one bot's mineflayer events into body events: chat and whispers within range of the speaker,
 * damage, death and respawn, pickups, day and night, players joining and leaving, nearby block
 * updates. Returns a function that detaches every listener.
 */
export function bridgeEvents(bot: Bot, config: MineflayerConfig, names: NameBook, sink: BridgeSink): () => void {
  const off: (() => void)[] = [];
  const on = (event: string, listener: (...args: never[]) => void) => {
    const emitter = bot as unknown as NodeJS.EventEmitter;
    emitter.on(event, listener as (...args: unknown[]) => void);
    off.push(() => emitter.off(event, listener as (...args: unknown[]) => void));
  };

  const hear = (username: string, raw: string, whispered: boolean) => {
    if (username === bot.username || sink.isDead()) return;
    const shout = !whispered && raw.startsWith(SHOUT_PREFIX);
    const mode: ChatMode = whispered ? 'whisper' : shout ? 'shout' : 'say';
    const text = shout ? raw.slice(SHOUT_PREFIX.length) : raw;
    const speaker = bot.players[username]?.entity;
    // The server delivers chat everywhere; a speaker this bot cannot see is out of every range.
    if (!speaker || !bot.entity) return;
    const d = distance(bot.entity.position, speaker.position);
    if (d > config.chatRange[mode]) return;
    sink.emit({
      type: 'chat',
      from: names.agentOf(username),
      text: text.trimStart(),
      mode,
      distance: Math.round(d * 10) / 10,
      at: sink.now(),
    });
  };
  on('chat', (username: string, message: string) => hear(username, message, false));
  on('whisper', (username: string, message: string) => hear(username, message, true));

  let lastHealth = bot.health;
  on('health', () => {
    const health = bot.health;
    if (health < lastHealth)
      sink.emit({ type: 'damage', amount: lastHealth - health, health, cause: 'unknown', at: sink.now() });
    lastHealth = health;
  });
  on('death', () => {
    sink.setDead(true);
    sink.emit({ type: 'death', cause: 'unknown', at: sink.now() });
  });
  on('spawn', () => {
    lastHealth = bot.health;
    if (!sink.isDead()) return;
    sink.setDead(false);
    sink.emit({ type: 'respawn', position: plain(bot.entity.position), at: sink.now() });
  });
  on('playerCollect', (collector: Entity, collected: Entity) => {
    if (collector !== bot.entity) return;
    const item = droppedItem(collected);
    if (item) sink.emit({ type: 'pickup', item: item.name, count: item.count, at: sink.now() });
  });
  let wasDay = bot.time?.isDay ?? true;
  on('time', () => {
    const isDay = bot.time.isDay;
    if (isDay !== wasDay) sink.emit({ type: 'time', phase: isDay ? 'day' : 'night', at: sink.now() });
    wasDay = isDay;
  });
  on('playerJoined', (player: { username: string }) => {
    if (player.username === bot.username) return;
    sink.emitWorld({
      type: 'player_joined',
      agentId: names.agentOf(player.username),
      username: player.username,
      at: sink.now(),
    });
  });
  on('playerLeft', (player: { username: string }) => {
    sink.emitWorld({
      type: 'player_left',
      agentId: names.agentOf(player.username),
      username: player.username,
      at: sink.now(),
    });
  });
  // mineflayer hands `diggingCompleted` the block object after it turned to air: remember what it was.
  const brokenNames = new Map<string, string>();
  const key = (p: { x: number; y: number; z: number }) => `${p.x},${p.y},${p.z}`;
  on('blockUpdate', (oldBlock: Block | null, newBlock: Block) => {
    if (!bot.entity || !newBlock || oldBlock?.name === newBlock.name) return;
    if (bot.entity.position.distanceTo(newBlock.position) > BLOCK_UPDATE_RADIUS) return;
    const from = oldBlock?.name ?? 'unknown';
    if (brokenNames.size > 64) brokenNames.clear();
    brokenNames.set(key(newBlock.position), from);
    sink.emitWorld({
      type: 'block_update',
      position: plain(newBlock.position),
      from,
      to: newBlock.name,
      at: sink.now(),
    });
  });
  on('diggingCompleted', (block: Block) => {
    const name = brokenNames.get(key(block.position)) ?? block.name;
    sink.emitWorld({ type: 'dig_completed', position: plain(block.position), block: name, at: sink.now() });
  });
  on('goal_reached', () => {
    if (bot.entity) sink.emitWorld({ type: 'goal_reached', position: plain(bot.entity.position), at: sink.now() });
  });
  return () => {
    for (const f of off) f();
  };
}
