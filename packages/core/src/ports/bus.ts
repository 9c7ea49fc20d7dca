import type { Vec3 } from './body.js';
import type { JsonValue } from './json.js';

/** A chat line routed by position, for worlds that do not route chat themselves. */
export interface RangedChat {
  from: string;
  origin: Vec3;
  range: number;
  text: string;
  mode: 'say' | 'whisper' | 'shout';
  /** Whisper target, if any. */
  to?: string;
}

/**
 * The Bus port: publish/subscribe between agents and processes, and chat delivered by range.
 * In-process by default; Redis (Pub/Sub, Streams, GEO) at scale.
 */
export interface Bus {
  publish(topic: string, message: JsonValue): Promise<void>;
  subscribe(topic: string, handler: (message: JsonValue, topic: string) => void): Promise<() => Promise<void>>;
  /** Records where an agent is, for ranged chat. */
  setPosition(agentId: string, position: Vec3): Promise<void>;
  /** Delivers to every listener within `range` of `origin` (or the one whisper target); returns who got it. */
  sendChat(chat: RangedChat): Promise<string[]>;
  onChat(agentId: string, handler: (chat: RangedChat, distance: number) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
