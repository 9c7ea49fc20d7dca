import type { Model } from '../ports/model.js';
import { ConfigError } from '../util/errors.js';
import type { GatewayConfig } from './gateway-config.js';
import { parseModelSpec } from './model-spec.js';

/** A model or a fallback chain of models (tried in order). */
export type ModelRoute = Model | readonly Model[];

/** Where a gateway's routes come from: model specs in the config, and live Models. */
export interface RouteSources {
  /** The `default` route. */
  model?: ModelRoute | undefined;
  /** Tier → live model or chain. */
  routes?: Readonly<Record<string, ModelRoute>> | undefined;
  /** Turns `provider:model` specs into Models (e.g. `createModelFromSpec`). */
  resolveModel?: ((spec: string) => Model) | undefined;
}

/**
 * Tier → fallback chain. Specs are resolved here, at construction, so a missing key or unknown
 * provider fails before any run; live routes override specs of the same tier, `model` sets `default`.
 */
export function buildRoutes(tiers: GatewayConfig['tiers'], sources: RouteSources): Map<string, readonly Model[]> {
  const routes = new Map<string, readonly Model[]>();
  const { resolveModel } = sources;
  for (const [tier, specs] of Object.entries(tiers)) {
    const list = typeof specs === 'string' ? [specs] : specs;
    if (!resolveModel) {
      throw new ConfigError(
        `tier "${tier}" names model "${list[0]}" but no resolveModel was given: ` +
          'pass `resolveModel: createModelFromSpec` from @sid/ai-sdk, or Model objects in `routes`',
      );
    }
    routes.set(
      tier,
      list.map((spec) => {
        parseModelSpec(spec);
        return resolveModel(spec);
      }),
    );
  }
  for (const [tier, route] of Object.entries(sources.routes ?? {})) routes.set(tier, toChain(route, tier));
  if (sources.model) routes.set('default', toChain(sources.model, 'default'));
  return routes;
}

function toChain(route: ModelRoute, tier: string): readonly Model[] {
  const chain = Array.isArray(route) ? [...(route as readonly Model[])] : [route as Model];
  if (chain.length === 0) throw new ConfigError(`route "${tier}" has no model`);
  return chain;
}
