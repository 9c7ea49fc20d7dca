import { RealClock } from '@sid/core';
import { expect } from 'vitest';
import { type MineflayerConfigInput, MineflayerEnvironment, type TestServer } from '../src/index.js';

/** Bodies stand on the generated world's grass at this height. */
export const GROUND = 64;

/** An environment connected to an embedded test server, on the real clock. */
export async function environmentFor(
  server: TestServer,
  config: MineflayerConfigInput = {},
): Promise<MineflayerEnvironment> {
  const env = new MineflayerEnvironment({
    host: server.host,
    port: server.port,
    version: server.version,
    embeddedTestServer: true,
    ...config,
  });
  await env.init({ clock: new RealClock(), seed: 'test' });
  return env;
}

/** True while a process with this id exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the server and asserts its process is gone. */
export async function stopAndCheck(server: TestServer | undefined): Promise<void> {
  if (!server) return;
  const pid = server.pid;
  await server.stop();
  expect(alive(pid)).toBe(false);
}

/** Polls until `check` is true or the time runs out. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5_000, step = 50): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, step));
  }
  return check();
}

/**
 * flying-squid re-sends a joining player's spawn position once it has streamed the remaining chunks
 * (about a second after spawn), silently undoing a teleport made before then. Tests that teleport wait.
 */
export function afterLogin(): Promise<void> {
  return new Promise((r) => setTimeout(r, 1_500));
}
