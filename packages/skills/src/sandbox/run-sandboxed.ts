import { type ActionOutcome, type Body, hashString, type JsonObject, type JsonValue } from '@sid/core';
import ivm from 'isolated-vm';
import { z } from 'zod';
import { BOOTSTRAP_SOURCE } from './bootstrap.js';
import {
  BRIDGE_PRIMITIVES,
  BRIDGE_QUERIES,
  type BridgeCall,
  type BridgePrimitive,
  callPrimitive,
} from './bridge-api.js';
import type { SandboxError, SandboxLimits, SandboxResult } from './sandbox-types.js';

/** Default limits; see {@link SandboxLimits}. */
export const DEFAULT_SANDBOX_LIMITS: Required<SandboxLimits> = { timeoutMs: 120_000, memoryMb: 64, maxCalls: 2000 };

const MAX_LOGS = 100;
const MAX_LOG_CHARS = 500;
const MAX_ARGS_CHARS = 16_384;
const MAX_RESULT_CHARS = 65_536;

/** The first `async function name(` in the code: the skill's entry point. */
export function entryFunctionName(source: string): string | null {
  const match = /async\s+function\s+([A-Za-z_$][\w$]*)\s*\(/.exec(source);
  return match?.[1] ?? null;
}

/** What to run in the sandbox. */
export interface SandboxRun {
  /** JavaScript defining `async function name(bot, params)`. */
  source: string;
  /** The body the bridge drives. */
  body: Body;
  /** JSON parameters passed as the second argument. */
  params?: JsonValue;
  limits?: SandboxLimits;
  signal?: AbortSignal;
  /**
   * Runs a host-side skill for `bot.skill(name, params)` (built-in skills, so learned code can build
   * on them). Without it, `bot.skill` fails with a clear error.
   */
  callSkill?: (name: string, params: JsonObject) => Promise<JsonValue>;
  /** Seed of the isolate's `Math.random` (default `skill`), so runs replay identically. */
  seed?: string;
}

const skillCallArgs = z.tuple([z.string().min(1).max(100), z.record(z.string(), z.json())]);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs untrusted skill code in a fresh isolated-vm isolate with a wall-time limit, a memory limit
 * and only the Body primitives (through a JSON bridge with checked arguments). No `require`, fs,
 * network, process or timers exist inside. The host and other agents keep running while it runs;
 * an endless loop or a stuck promise is cut off by disposing the isolate. Never throws.
 */
export async function runSandboxed(run: SandboxRun): Promise<SandboxResult> {
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...run.limits };
  const started = Date.now();
  const calls: BridgeCall[] = [];
  const logs: string[] = [];
  const actions = new AbortController();
  let stopReason: SandboxError | null = null;
  let finished = false;
  let skillCalls = 0;

  const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, limits.memoryMb) });
  const result = (ok: boolean, extra: Partial<SandboxResult>): SandboxResult => {
    let cpuMs = 0;
    try {
      cpuMs = Number(isolate.cpuTime) / 1e6;
    } catch {
      // cpuTime is unavailable once the isolate is disposed.
    }
    return { ok, calls, logs, wallMs: Date.now() - started, cpuMs, ...extra };
  };

  // The bridge: the only host function the isolate can reach. Answers are JSON envelopes.
  const bridge = async (name: string, argsText: string): Promise<string> => {
    if (finished) return JSON.stringify({ error: 'the skill run has ended' });
    if (typeof argsText !== 'string' || argsText.length > MAX_ARGS_CHARS) {
      return JSON.stringify({ error: `arguments to ${String(name)} are too large` });
    }
    if (name === 'log') {
      if (logs.length < MAX_LOGS) logs.push(String(JSON.parse(argsText)[0] ?? '').slice(0, MAX_LOG_CHARS));
      return JSON.stringify({ value: null });
    }
    if (name !== 'skill' && !Object.hasOwn(BRIDGE_PRIMITIVES, name)) {
      return JSON.stringify({ error: `bot.${name} is not a primitive` });
    }
    if (calls.length + skillCalls >= limits.maxCalls) {
      stopReason ??= { code: 'bridge_limit', message: `more than ${limits.maxCalls} primitive calls in one run` };
      dispose();
      return JSON.stringify({ error: stopReason.message });
    }
    if (name === 'skill') {
      const args = skillCallArgs.safeParse(JSON.parse(argsText));
      if (!args.success)
        return JSON.stringify({ error: 'bot.skill(name, params) needs a skill name and a params object' });
      if (!run.callSkill) return JSON.stringify({ error: 'bot.skill is not available in this run' });
      skillCalls++;
      try {
        return JSON.stringify({ value: await run.callSkill(args.data[0], args.data[1] as JsonObject) });
      } catch (error) {
        return JSON.stringify({ error: `bot.skill('${args.data[0]}') failed: ${message(error)}` });
      }
    }
    const primitive = name as BridgePrimitive;
    const parsed = BRIDGE_PRIMITIVES[primitive].safeParse(JSON.parse(argsText));
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
      return JSON.stringify({ error: `bad arguments to bot.${primitive}: ${detail}` });
    }
    const call: BridgeCall = { primitive, args: parsed.data as JsonValue[] };
    calls.push(call);
    try {
      const value = await callPrimitive(run.body, primitive, parsed.data as unknown[], actions.signal);
      if (!BRIDGE_QUERIES.has(primitive)) call.outcome = value as ActionOutcome;
      return JSON.stringify({ value: value ?? null });
    } catch (error) {
      return JSON.stringify({ error: `bot.${primitive} failed: ${message(error)}` });
    }
  };

  const dispose = () => {
    actions.abort();
    if (!isolate.isDisposed) isolate.dispose();
  };
  const timer = setTimeout(() => {
    stopReason ??= {
      code: 'timeout',
      message: `the skill did not finish within ${limits.timeoutMs} ms (an endless loop, or a promise that never settles?)`,
    };
    dispose();
  }, limits.timeoutMs);
  const onAbort = () => {
    stopReason ??= { code: 'aborted', message: 'the skill run was interrupted' };
    dispose();
  };
  run.signal?.addEventListener('abort', onAbort, { once: true });
  if (run.signal?.aborted) onAbort();

  const bridgeRef = new ivm.Reference(bridge);
  try {
    const entry = entryFunctionName(run.source);
    if (!entry) {
      return result(false, {
        error: { code: 'no_function', message: 'the code must define `async function name(bot, params) { … }`' },
      });
    }
    const context = await isolate.createContext();
    const start = (await context.evalClosure(
      BOOTSTRAP_SOURCE,
      [bridgeRef, JSON.stringify(Object.keys(BRIDGE_PRIMITIVES)), hashString(run.seed ?? 'skill')],
      {
        result: { reference: true },
        timeout: 1000,
      },
    )) as ivm.Reference<(fn: unknown, params: string) => Promise<string>>;
    let script: ivm.Script;
    try {
      script = await isolate.compileScript(`'use strict';\n${run.source}\n;${entry}`, { filename: 'skill.js' });
    } catch (error) {
      return result(false, { error: { code: 'syntax_error', message: message(error) } });
    }
    const fn = (await script.run(context, { reference: true, timeout: limits.timeoutMs })) as ivm.Reference<unknown>;
    const text = (await start.apply(undefined, [fn.derefInto(), JSON.stringify(run.params ?? {})], {
      result: { promise: true, copy: true },
      timeout: limits.timeoutMs,
    })) as string;
    if (typeof text === 'string' && text.length > MAX_RESULT_CHARS) {
      return result(true, {
        value: null,
        error: { code: 'runtime_error', message: 'return value too large; dropped' },
      });
    }
    return result(true, { value: JSON.parse(text) as JsonValue });
  } catch (error) {
    return result(false, { error: classify(error, stopReason, isolate) });
  } finally {
    finished = true;
    clearTimeout(timer);
    run.signal?.removeEventListener('abort', onAbort);
    bridgeRef.release();
    dispose();
  }
}

function classify(error: unknown, stopReason: SandboxError | null, isolate: ivm.Isolate): SandboxError {
  if (stopReason) return stopReason;
  const text = message(error);
  if (/memory limit/i.test(text) || (isolate.isDisposed && /disposed|abandoned/i.test(text))) {
    return { code: 'memory_limit', message: `the skill ran out of memory: ${text}` };
  }
  if (/timed out/i.test(text))
    return { code: 'timeout', message: `the skill's synchronous code ran too long: ${text}` };
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  const hint = /\b(require|process|setTimeout|setInterval|fetch|import)\b.*not defined/.test(text)
    ? ' (skills run in a sandbox: only the bot primitives exist, no require, process, timers or network)'
    : '';
  return { code: 'runtime_error', message: `${name}${text}${hint}` };
}
