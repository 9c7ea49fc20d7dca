import type { Clock } from '../ports/clock.js';
import type { EmbedRequest, Model, ModelCallMeta, ObjectRequest, TextRequest } from '../ports/model.js';

/** Keeps a virtual clock from running ahead while a call that leaves the process is in flight. */
async function held<T>(clock: Clock | null, call: () => Promise<T>): Promise<T> {
  if (!clock) return call();
  const release = clock.hold();
  try {
    return await call();
  } finally {
    release();
  }
}

/**
 * Returns a model that stamps every request with who is calling (caller-set fields win). When a
 * clock is given, it is held during each call, so simulated time does not run on while a live model
 * answers (pass none for offline models).
 */
export function withCallMeta(model: Model, meta: ModelCallMeta, clock: Clock | null = null): Model {
  return {
    id: model.id,
    offline: model.offline,
    generateText: (request: TextRequest) =>
      held(clock, () => model.generateText({ ...request, meta: { ...meta, ...request.meta } })),
    generateObject: <T>(request: ObjectRequest<T>) =>
      held(clock, () => model.generateObject({ ...request, meta: { ...meta, ...request.meta } })),
    embed: (request: EmbedRequest) =>
      held(clock, () => model.embed({ ...request, meta: { ...meta, ...request.meta } })),
  };
}
