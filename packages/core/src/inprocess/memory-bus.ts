import { EventEmitter } from 'eventemitter3';
import type { Vec3 } from '../ports/body.js';
import type { Bus, RangedChat } from '../ports/bus.js';
import type { JsonValue } from '../ports/json.js';

type ChatHandler = (chat: RangedChat, distance: number) => void;

/** The in-process Bus: topics on an event emitter; ranged chat by distance over known positions. */
export class MemoryBus implements Bus {
  private readonly topics = new EventEmitter();
  private readonly positions = new Map<string, Vec3>();
  private readonly chatHandlers = new Map<string, Set<ChatHandler>>();

  async publish(topic: string, message: JsonValue): Promise<void> {
    // Deliver a copy so subscribers see what a remote bus would deliver: data, not shared objects.
    this.topics.emit(topic, structuredClone(message), topic);
  }

  async subscribe(topic: string, handler: (message: JsonValue, topic: string) => void): Promise<() => Promise<void>> {
    this.topics.on(topic, handler);
    return async () => {
      this.topics.off(topic, handler);
    };
  }

  async setPosition(agentId: string, position: Vec3): Promise<void> {
    this.positions.set(agentId, { ...position });
  }

  async sendChat(chat: RangedChat): Promise<string[]> {
    const delivered: string[] = [];
    const targets = chat.to !== undefined ? [chat.to] : [...this.chatHandlers.keys()].sort();
    for (const agentId of targets) {
      if (agentId === chat.from) continue;
      const position = this.positions.get(agentId);
      const handlers = this.chatHandlers.get(agentId);
      if (!position || !handlers) continue;
      const distance = Math.hypot(position.x - chat.origin.x, position.y - chat.origin.y, position.z - chat.origin.z);
      if (distance > chat.range) continue;
      for (const handler of handlers) handler(structuredClone(chat), distance);
      delivered.push(agentId);
    }
    return delivered;
  }

  async onChat(agentId: string, handler: ChatHandler): Promise<() => Promise<void>> {
    let set = this.chatHandlers.get(agentId);
    if (!set) {
      set = new Set();
      this.chatHandlers.set(agentId, set);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }

  async close(): Promise<void> {
    this.topics.removeAllListeners();
    this.chatHandlers.clear();
  }
}
