import type { EventLog } from '../events/event-log.js';
import type { Society } from '../society/society.js';
import { SidError } from '../util/errors.js';
import type { GatewayCallRecord, GatewayNotice } from './call-record.js';
import type { ModelGateway } from './gateway.js';

/**
 * Writes one `model.call` event per gateway call into a society's event log, and a `custom` event
 * named `model.budget_exceeded` when a budget runs out (so a stopped spend is never silent).
 * Returns the function that disconnects.
 */
export function connectGatewayToEvents(gateway: ModelGateway, events: EventLog): () => void {
  const offCall = gateway.onCall((record: GatewayCallRecord) => {
    events.append('model.call', record.agentId, {
      module: record.module,
      model: record.model,
      inputTokens: record.inputTokens,
      outputTokens: record.outputTokens,
      cached: record.cached,
      ok: record.ok,
    });
  });
  const offNotice = gateway.onNotice((notice: GatewayNotice) => {
    if (notice.type !== 'budget.exceeded') return;
    events.append('custom', notice.agentId, {
      name: 'model.budget_exceeded',
      data: {
        scope: notice.scope,
        agentId: notice.agentId,
        spentUsd: notice.spentUsd,
        spentTokens: notice.spentTokens,
        limitUsd: notice.limitUsd,
        limitTokens: notice.limitTokens,
      },
    });
  });
  return () => {
    offCall();
    offNotice();
  };
}

/**
 * Connects a gateway to a society: `model.call` events in its log, its clock held while calls are in
 * flight (so a virtual clock waits for the network and runs replay deterministically), and priorities
 * taken from the calling module instances. Also checks that every module's tier has a route, so a
 * missing tier fails now rather than mid-run. Returns the function that disconnects.
 */
export function attachGatewayToSociety(gateway: ModelGateway, society: Society): () => void {
  for (const agent of gateway.replayOnly ? [] : society.agents.values()) {
    for (const instance of agent.modules) {
      try {
        gateway.routeFor(instance.definition.name, instance.tier ?? undefined);
      } catch (error) {
        if (error instanceof SidError && error.code === 'no_route') {
          throw new SidError('no_route', `agent "${agent.id}", module "${instance.definition.name}": ${error.message}`);
        }
        throw error;
      }
    }
  }
  const disconnect = connectGatewayToEvents(gateway, society.events);
  gateway.useClock(society.clock);
  gateway.usePriorityLookup((agentId, module) => {
    if (agentId === undefined || module === undefined) return undefined;
    const agent = society.agents.get(agentId);
    return agent?.modules.find((m) => m.definition.name === module)?.priority;
  });
  return () => {
    disconnect();
    gateway.useClock(null);
    gateway.usePriorityLookup(null);
  };
}
