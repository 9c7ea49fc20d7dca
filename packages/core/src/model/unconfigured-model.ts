import type { Model } from '../ports/model.js';
import { SidError } from '../util/errors.js';

function fail(): never {
  throw new SidError(
    'no_model',
    'no model is configured: pass `model` to createSociety (the offline model from @sid/modules needs no key)',
  );
}

/** The model a society uses when none is given: every call fails with a clear message. */
export const unconfiguredModel: Model = {
  id: 'none',
  offline: true,
  generateText: async () => fail(),
  generateObject: async () => fail(),
  embed: async () => fail(),
};
