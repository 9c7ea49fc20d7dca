import type { JsonValue } from '@sid/core';
import type { BridgeCall } from './bridge-api.js';

/** Why sandboxed code stopped without success. */
export type SandboxErrorCode =
  /** The wall-time limit passed (an endless loop, a promise that never settles, a slow world). */
  | 'timeout'
  /** The isolate used more memory than its limit and was killed. */
  | 'memory_limit'
  /** The code does not parse. */
  | 'syntax_error'
  /** The code threw (including ReferenceError for `require`, `process`, timers, …). */
  | 'runtime_error'
  /** No `async function name(bot, params)` to call. */
  | 'no_function'
  /** Too many bridge calls, or a call the bridge refused. */
  | 'bridge_limit'
  /** The caller aborted the run. */
  | 'aborted';

/** A clear, prompt-ready description of how sandboxed code failed. */
export interface SandboxError {
  code: SandboxErrorCode;
  message: string;
}

/** Limits for one sandboxed run. */
export interface SandboxLimits {
  /** Wall time for the whole run, including time spent in Body primitives. Default 120 000 ms. */
  timeoutMs?: number;
  /** Heap limit of the isolate in MB (isolated-vm minimum 8). Default 64. */
  memoryMb?: number;
  /** Maximum Body primitive calls per run. Default 2000. */
  maxCalls?: number;
}

/** What a sandboxed run did. */
export interface SandboxResult {
  ok: boolean;
  /** The skill function's return value, as JSON. */
  value?: JsonValue;
  error?: SandboxError;
  /** Every primitive the code called, in order, with outcomes for actions. */
  calls: BridgeCall[];
  /** Lines written with `bot.log` / `console.log` (at most 100). */
  logs: string[];
  wallMs: number;
  /** CPU time the isolate used. */
  cpuMs: number;
}
