import type { Body, Clock, Environment, EnvironmentContext, JsonObject, Vec3 } from '@sid/core';
import { MineflayerBody } from './body/mineflayer-body.js';
import { type MineflayerConfig, type MineflayerConfigInput, parseMineflayerConfig } from './config.js';
import { NameBook } from './names.js';

/**
 * The Environment port on a real Minecraft server (Paper, Purpur, vanilla, or the embedded flying-squid
 * test server): each body is one mineflayer bot. The world lives on the server, so a snapshot records
 * only where to connect and who was connected.
 */
export class MineflayerEnvironment implements Environment {
  /** Always `mineflayer`. */
  readonly kind = 'mineflayer';
  /** The validated configuration. */
  readonly config: MineflayerConfig;
  private readonly names: NameBook;
  private readonly bodies = new Map<string, MineflayerBody>();
  private clock: Clock | null = null;

  /** Validates the configuration (throws a readable error on bad input); nothing connects yet. */
  constructor(config: MineflayerConfigInput = {}) {
    this.config = parseMineflayerConfig(config);
    this.names = new NameBook(this.config.usernamePrefix);
  }

  /** Takes the society's clock (use the real clock on a real server). */
  async init(context: EnvironmentContext): Promise<void> {
    this.clock = context.clock;
  }

  /**
   * Connects a bot for the agent and resolves once it has spawned. `spawn` is honoured only on the
   * embedded test server (by teleporting); real servers choose the spawn point themselves.
   */
  async createBody(agentId: string, options: { spawn?: Vec3; group?: string } = {}): Promise<Body> {
    if (this.bodies.has(agentId)) throw new Error(`agent ${agentId} already has a body`);
    const username = this.names.add(agentId);
    const body = new MineflayerBody(agentId, username, {
      config: this.config,
      names: this.names,
      now: () => this.now(),
    });
    this.bodies.set(agentId, body);
    try {
      await body.connect();
    } catch (error) {
      this.bodies.delete(agentId);
      this.names.remove(agentId);
      body.close();
      throw new Error(
        `agent ${agentId} could not join ${this.config.host}:${this.config.port}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const spawn = options.spawn;
    if (spawn && this.config.embeddedTestServer && body.bot) {
      body.bot.chat(`/tp ${spawn.x} ${spawn.y} ${spawn.z}`);
    }
    return body;
  }

  /** The body of an agent created here, if any. */
  body(agentId: string): MineflayerBody | undefined {
    return this.bodies.get(agentId);
  }

  /** Disconnects an agent's bot. */
  async removeBody(agentId: string): Promise<void> {
    const body = this.bodies.get(agentId);
    if (!body) return;
    this.bodies.delete(agentId);
    this.names.remove(agentId);
    body.close();
  }

  /** Where to connect and who is connected; the world itself is the server's. */
  async snapshot(): Promise<JsonObject> {
    return {
      kind: this.kind,
      host: this.config.host,
      port: this.config.port,
      version: this.config.version,
      agents: [...this.bodies.keys()],
    };
  }

  /** Nothing to restore: the server keeps the world; bodies reconnect when agents are created again. */
  async restore(snapshot: JsonObject): Promise<void> {
    if (snapshot.kind !== undefined && snapshot.kind !== this.kind) {
      throw new Error(`cannot restore a ${String(snapshot.kind)} snapshot into a mineflayer environment`);
    }
  }

  /** Disconnects every bot. */
  async close(): Promise<void> {
    for (const body of this.bodies.values()) body.close();
    this.bodies.clear();
  }

  private now(): number {
    return this.clock ? this.clock.now() : Date.now();
  }
}

/** Creates a mineflayer environment from a configuration (validated with zod). */
export function createMineflayerEnvironment(config: MineflayerConfigInput = {}): MineflayerEnvironment {
  return new MineflayerEnvironment(config);
}
