import type { EmbedRequest, Model, ModelCallMeta, ObjectRequest, TextRequest } from '../ports/model.js';

/** Returns a model that stamps every request with who is calling (caller-set fields win). */
export function withCallMeta(model: Model, meta: ModelCallMeta): Model {
  return {
    id: model.id,
    offline: model.offline,
    generateText: (request: TextRequest) => model.generateText({ ...request, meta: { ...meta, ...request.meta } }),
    generateObject: <T>(request: ObjectRequest<T>) =>
      model.generateObject({ ...request, meta: { ...meta, ...request.meta } }),
    embed: (request: EmbedRequest) => model.embed({ ...request, meta: { ...meta, ...request.meta } }),
  };
}
