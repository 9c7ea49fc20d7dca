import type { Decision } from '../controller/decision.js';
import type { FailureReason } from '../ports/body.js';
import type { JsonValue } from '../ports/json.js';

/** Payloads of every typed event, by event type. */
export interface SocietyEventMap {
  'society.started': { seed: string; clock: 'real' | 'virtual'; agents: string[] };
  'society.stopped': { reason: string };
  'agent.added': { modules: string[] };
  'agent.removed': { reason: string };
  /** One finished module run. `trigger` is `cadence` or the event that started it. */
  'module.run': { module: string; ok: boolean; error: string | null; simMs: number; trigger: string };
  /** A run that did not start: the previous one was still going (`overlap`). */
  'module.skipped': { module: string; reason: 'overlap' };
  decision: Decision;
  chat: { text: string; mode: 'say' | 'whisper' | 'shout'; to: string | null };
  'chat.heard': { from: string; text: string; mode: 'say' | 'whisper' | 'shout'; distance: number | null };
  action: { action: string; args: JsonValue[]; ok: boolean; reason: FailureReason | null; durationMs: number };
  checkpoint: { id: string };
  'model.call': {
    module: string | null;
    model: string;
    inputTokens: number;
    outputTokens: number;
    cached: boolean;
    ok: boolean;
  };
  /** Anything a module emits with `ctx.emit(name, data)`. */
  custom: { name: string; data: JsonValue };
}

export type SocietyEventType = keyof SocietyEventMap;

/** One entry of the society's event stream: ordered by `seq`, stamped with clock time `at`. */
export type SocietyEvent = {
  [K in SocietyEventType]: { seq: number; at: number; type: K; agentId: string | null; data: SocietyEventMap[K] };
}[SocietyEventType];

/** Narrows an event to one type. */
export type SocietyEventOf<K extends SocietyEventType> = Extract<SocietyEvent, { type: K }>;
