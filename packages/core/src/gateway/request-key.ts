import { createHash } from 'node:crypto';
import type { ChatMessage, EmbedRequest, ObjectRequest, TextRequest } from '../ports/model.js';

/** The three kinds of model call. */
export type CallKind = 'text' | 'object' | 'embed';

/** A request as the cache and the cassette see it: only what decides the answer, in a fixed order. */
export interface RequestFingerprint {
  kind: CallKind;
  /** The tier the call was routed to. */
  tier: string;
  system: string | null;
  messages: ChatMessage[] | null;
  texts: string[] | null;
  schemaName: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
  /** Structured facts the prompt was rendered from, when the caller passes them (rule-based models read these). */
  context: unknown;
}

type AnyRequest = TextRequest | ObjectRequest<unknown> | EmbedRequest;

/** Extracts the fingerprint of a request (signals and call meta are left out). */
export function fingerprintOf(kind: CallKind, tier: string, request: AnyRequest): RequestFingerprint {
  const chat = 'messages' in request ? request : null;
  return {
    kind,
    tier,
    system: chat?.system ?? null,
    messages: chat ? chat.messages.map((m) => ({ role: m.role, content: m.content })) : null,
    texts: 'texts' in request ? [...request.texts] : null,
    schemaName: 'schemaName' in request ? request.schemaName : null,
    temperature: chat?.temperature ?? null,
    maxOutputTokens: chat?.maxOutputTokens ?? null,
    context: (chat as { context?: unknown } | null)?.context ?? null,
  };
}

/** A stable sha-256 key for a fingerprint (the object schema counts by its `schemaName`). */
export function keyOf(fingerprint: RequestFingerprint, ...extra: (string | null | undefined)[]): string {
  return createHash('sha256')
    .update(JSON.stringify([fingerprint, ...extra.map((e) => e ?? null)]))
    .digest('hex');
}
