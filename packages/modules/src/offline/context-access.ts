import type { JsonObject, JsonValue } from '@sid/core';

/** Small readers for untyped JSON context: the offline model must never throw on odd input. */
export const str = (v: JsonValue | undefined, fallback = ''): string => (typeof v === 'string' ? v : fallback);
export const num = (v: JsonValue | undefined, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
export const arr = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);
export const obj = (v: JsonValue | undefined): JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
export const strings = (v: JsonValue | undefined): string[] => arr(v).filter((x): x is string => typeof x === 'string');
