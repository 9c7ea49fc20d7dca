import type { z } from 'zod';
import type {
  EmbedRequest,
  EmbedResult,
  ModelUsage,
  ObjectRequest,
  ObjectResult,
  TextRequest,
  TextResult,
} from '../ports/model.js';
import { SidError } from '../util/errors.js';
import type { CassetteOutcome } from './cassette-format.js';
import type { CallKind } from './request-key.js';
import { validateObject } from './structured-output.js';

// Conversions between model results and the JSON outcomes the cache and cassettes keep.

/** Any result the gateway returns. */
export type Result = TextResult | ObjectResult<unknown> | EmbedResult;
/** Any request the gateway takes. */
export type AnyRequest = TextRequest | ObjectRequest<unknown> | EmbedRequest;
/** A successful outcome. */
export type OkOutcome = Extract<CassetteOutcome, { ok: true }>;

interface CallState {
  model: string;
  usage: ModelUsage;
  costUsd: number;
}

/** The JSON form of a result. */
export function toOutcome(kind: CallKind, result: Result, cached: boolean): OkOutcome {
  const base = { ok: true as const, model: result.model, usage: { ...result.usage }, cached };
  if (kind === 'text') return { ...base, text: (result as TextResult).text };
  if (kind === 'object') return { ...base, object: (result as ObjectResult<unknown>).object };
  return { ...base, embeddings: (result as EmbedResult).embeddings };
}

/** A result rebuilt from its JSON form; objects are validated against the request's schema again. */
export function fromOutcome(kind: CallKind, outcome: OkOutcome, request: AnyRequest): Result {
  const usage = { ...outcome.usage };
  if (kind === 'text') return { text: outcome.text ?? '', usage, model: outcome.model };
  if (kind === 'object') {
    const objectRequest = request as ObjectRequest<unknown>;
    const object = validateObject(objectRequest, structuredClone(outcome.object), outcome.model);
    return { object: object as z.output<typeof objectRequest.schema>, usage, model: outcome.model };
  }
  return { embeddings: (outcome.embeddings ?? []).map((e) => [...e]), usage, model: outcome.model };
}

/** The JSON form of a call's final error. */
export function failureOutcome(state: CallState, error: unknown): CassetteOutcome {
  const code = error instanceof SidError ? error.code : null;
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    model: state.model,
    usage: { ...state.usage },
    costUsd: state.costUsd,
    error: { name, code, message },
  };
}

/** Rebuilds a recorded failure so a replayed run fails the same way (same name, code and message). */
export function replayedError(recorded: { name: string; code: string | null; message: string }): Error {
  const error = recorded.code === null ? new Error(recorded.message) : new SidError(recorded.code, recorded.message);
  error.name = recorded.name;
  return error;
}
