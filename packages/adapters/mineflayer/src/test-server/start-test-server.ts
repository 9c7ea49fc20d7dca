import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { Vec3 } from '@sid/core';
import { z } from 'zod';
import { packageRoot } from './package-root.js';

/** Options of the embedded test server. */
export const testServerOptionsSchema = z.object({
  /** Game version (flying-squid 1.12 supports up to 1.21.4). */
  version: z.string().default('1.21.4'),
  /** TCP port; 0 picks a free one (read it from `TestServer.port`). */
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default('127.0.0.1'),
  /** World generation: seed, tree density (chance per candidate spot) and a tree-free radius around spawn. */
  world: z
    .object({
      seed: z.number().int().default(1),
      treeChance: z.number().min(0).max(0.11).default(0.035),
      clearRadius: z.number().int().min(0).default(4),
    })
    .prefault({}),
  /** Where players spawn (the grass surface is y = 63, so bodies stand at y = 64). */
  spawn: z.object({ x: z.number(), y: z.number(), z: z.number() }).default({ x: 0.5, y: 64, z: 0.5 }),
  /** TEST SERVER ONLY: load the `/sidcraft` and `/sidsmelt` server-assisted crafting commands. */
  assistedCrafting: z.boolean().default(false),
  /** Server view distance in chunks. */
  viewDistance: z.number().int().min(2).max(16).default(3),
  maxPlayers: z.number().int().positive().default(200),
  /** flying-squid crashes past this many entities (players and dropped items); raised from its 100. */
  maxEntities: z.number().int().positive().default(100_000),
  /** How long to wait for the server to accept connections. */
  readyTimeoutMs: z.number().int().positive().default(30_000),
});

/** Options as callers write them. */
export type TestServerOptions = z.input<typeof testServerOptionsSchema>;

/** A running embedded flying-squid server in a child process. */
export interface TestServer {
  /** Host it listens on (127.0.0.1 unless told otherwise). */
  readonly host: string;
  /** The port it listens on (the free one picked when asked for 0). */
  readonly port: number;
  /** Game version it serves. */
  readonly version: string;
  /** Process id of the server's child process. */
  readonly pid: number;
  /** True when the server has the server-assisted crafting commands. */
  readonly assistedCrafting: boolean;
  /** Kicks a player (as an operator would). */
  kick(username: string, reason?: string): Promise<void>;
  /** Puts items straight into a player's inventory; resolves with how many did not fit. */
  give(username: string, item: string, count: number): Promise<number>;
  /** Moves a player. */
  teleport(username: string, position: Vec3): Promise<void>;
  /** Sets a block. */
  setBlock(position: Vec3, name: string): Promise<void>;
  /** Sets a player's health (0 kills). */
  setHealth(username: string, health: number): Promise<void>;
  /** Players online and where the server thinks they are. */
  players(): Promise<{ username: string; position: Vec3 }[]>;
  /** How many entities (players and dropped items) the server tracks. */
  entityCount(): Promise<number>;
  /** Stops the server and waits for its process to exit (kills it if it does not within 3 s). */
  stop(): Promise<void>;
}

interface Reply {
  id?: number;
  type?: string;
  ok?: boolean;
  result?: unknown;
  error?: string;
  port?: number;
}

/**
 * Starts flying-squid 1.12 (a dev dependency: install it to use this) with the SDK's server-side
 * patches and world generator in a forked child process with stdio ignored, and resolves when it
 * accepts connections. Always `stop()` it; a server whose parent dies exits on its own.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const o = testServerOptionsSchema.parse(options);
  const child = fork(join(packageRoot(), 'server', 'child.cjs'), [], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env: {
      ...process.env,
      SID_TEST_SERVER_CONFIG: JSON.stringify({
        port: o.port,
        host: o.host,
        version: o.version,
        seed: o.world.seed,
        treeChance: o.world.treeChance,
        clearRadius: o.world.clearRadius,
        spawn: o.spawn,
        assistedCrafting: o.assistedCrafting,
        viewDistance: o.viewDistance,
        maxPlayers: o.maxPlayers,
        maxEntities: o.maxEntities,
      }),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await waitReady(child, exited, o.readyTimeoutMs).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return new ChildServer(child, exited, o.host, port, o.version, o.assistedCrafting);
}

function waitReady(child: ChildProcess, exited: Promise<void>, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`test server not ready within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: Reply) => {
      if (m.type === 'ready' && typeof m.port === 'number') done(() => resolve(m.port as number));
      else if (m.type === 'failed') done(() => reject(new Error(`test server failed to start: ${m.error}`)));
    };
    const done = (f: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      f();
    };
    child.on('message', onMessage);
    void exited.then(() => done(() => reject(new Error('test server exited before it was ready'))));
  });
}

class ChildServer implements TestServer {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stopped = false;

  constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
    readonly host: string,
    readonly port: number,
    readonly version: string,
    readonly assistedCrafting: boolean,
  ) {
    child.on('message', (m: Reply) => {
      if (typeof m.id !== 'number') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error ?? 'test server operation failed'));
    });
    void exited.then(() => {
      for (const p of this.pending.values()) p.reject(new Error('test server exited'));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private call(op: string, args: Record<string, unknown> = {}): Promise<unknown> {
    if (this.stopped || !this.child.connected) return Promise.reject(new Error('test server is stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, op, ...args });
    });
  }

  async kick(username: string, reason?: string): Promise<void> {
    await this.call('kick', { username, reason });
  }

  async give(username: string, item: string, count: number): Promise<number> {
    return Number(await this.call('give', { username, item, count }));
  }

  async teleport(username: string, position: Vec3): Promise<void> {
    await this.call('teleport', { username, ...position });
  }

  async setBlock(position: Vec3, name: string): Promise<void> {
    await this.call('setBlock', { ...position, name });
  }

  async setHealth(username: string, health: number): Promise<void> {
    await this.call('health', { username, health });
  }

  async players(): Promise<{ username: string; position: Vec3 }[]> {
    return (await this.call('players')) as { username: string; position: Vec3 }[];
  }

  async entityCount(): Promise<number> {
    return Number(await this.call('entities'));
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.exited;
    this.stopped = true;
    if (this.child.connected) this.child.send({ id: 0, op: 'stop' });
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await this.exited;
    clearTimeout(killer);
  }
}
