/**
 * @sid/core — the PIANO runtime: agent state, module contract, scheduler, cognitive controller,
 * ports and the society runner. Every port has an in-process default, so a society runs with no
 * server and no key.
 */

export { Agent, type AgentRuntime, type AgentSpec, createAgent } from './agent/agent.js';
export { ACTION_PRIMITIVES, type ActionPrimitive, type ActionRecord, instrumentBody } from './agent/instrument-body.js';
export { withCallMeta } from './agent/model-meta.js';
export { FACE_NEIGHBOURS } from './body/face-neighbours.js';
export { compassDirection, renderObservation } from './body/observation-text.js';
export { checkCount, checkName, checkPosition, failure, formatPosition, reasons, success } from './body/outcomes.js';
export { RealClock } from './clock/real-clock.js';
export { VirtualClock } from './clock/virtual-clock.js';
export {
  type BottleneckField,
  type BottleneckSpec,
  type BottleneckView,
  bottleneckFieldSchema,
  bottleneckSpecSchema,
  defaultBottleneck,
  renderBottleneck,
} from './controller/bottleneck.js';
export { type Decision, type DecisionInput, decisionInputSchema, decisionSchema } from './controller/decision.js';
export { type ControllerSpec, defineController } from './controller/define-controller.js';
export { EventLog } from './events/event-log.js';
export { writeEventsAsJsonl } from './events/jsonl-event-writer.js';
export type { SocietyEvent, SocietyEventMap, SocietyEventOf, SocietyEventType } from './events/society-event.js';
export { LocalCoordinator } from './inprocess/local-coordinator.js';
export { MemoryBus } from './inprocess/memory-bus.js';
export { MemoryStore, type MemoryStoreOptions } from './inprocess/memory-store.js';
export { MemoryVectorIndex } from './inprocess/memory-vector-index.js';
export { estimateTokens } from './model/estimate-tokens.js';
export { hashEmbedding } from './model/hash-embedding.js';
export { createScriptedModel, type ScriptedCall, type ScriptedHandler } from './model/scripted-model.js';
export { unconfiguredModel } from './model/unconfigured-model.js';
export {
  defineModule,
  instantiateModule,
  type ModuleDefinition,
  type ModuleInstance,
  type ModuleLike,
  type ModuleOverrides,
  type ModuleSpec,
  PRIORITY,
  TRIGGERS,
} from './module/define-module.js';
export type { ModuleContext } from './module/module-context.js';
export type {
  ActionChanges,
  ActionOptions,
  ActionOutcome,
  BlockChange,
  BlockSighting,
  Body,
  BodyEvent,
  ChatMode,
  EntitySighting,
  Environment,
  EnvironmentContext,
  FailureCode,
  FailureReason,
  ItemStack,
  MoveTarget,
  Observation,
  Vec3,
} from './ports/body.js';
export type { Bus, RangedChat } from './ports/bus.js';
export type { Clock, TimerHandle } from './ports/clock.js';
export type { Coordinator } from './ports/coordinator.js';
export type { JsonObject, JsonPrimitive, JsonValue } from './ports/json.js';
export type {
  ChatMessage,
  EmbedRequest,
  EmbedResult,
  Model,
  ModelCallMeta,
  ModelUsage,
  ObjectRequest,
  ObjectResult,
  TextRequest,
  TextResult,
} from './ports/model.js';
export type { Checkpoint, EventQuery, Store } from './ports/store.js';
export type { VectorIndex, VectorItem, VectorMatch } from './ports/vector-index.js';
export { createRng, type Rng } from './rng/rng.js';
export { LatencyHistogram } from './scheduler/latency-histogram.js';
export { ModuleStats, type ModuleStatsSummary } from './scheduler/module-stats.js';
export { type RunResult, type SchedulableAgent, Scheduler, type SchedulerOptions } from './scheduler/scheduler.js';
export {
  agentConfigSchema,
  type BuildOptions,
  buildSociety,
  groupConfigSchema,
  loadSocietyConfig,
  membersFromConfig,
  moduleRefSchema,
  parseSocietyConfig,
  type SocietyConfig,
  type SocietyConfigInput,
  societyConfigSchema,
} from './society/config.js';
export {
  createSociety,
  Society,
  type SocietyMember,
  type SocietyOptions,
  type SocietyStatus,
} from './society/society.js';
export { AgentState, type AgentStateSnapshot, agentStateSnapshotSchema, type SlotChange } from './state/agent-state.js';
export {
  actionOutcomeSchema,
  bigFiveSchema,
  builtinSlots,
  decisionHistorySlot,
  decisionSlot,
  environmentSlot,
  type Goal,
  gameStateSlot,
  goalSchema,
  goalsSlot,
  heardChatSchema,
  heardChatSlot,
  itemStackSchema,
  lastActionOutcomeSlot,
  longTermMemorySlot,
  type MemoryEntry,
  memoryEntrySchema,
  type SlotName,
  type SlotTypeMap,
  shortTermMemorySlot,
  socialEntrySchema,
  socialSlot,
  traitsSlot,
  vec3Schema,
  workingMemorySlot,
} from './state/builtin-slots.js';
export { defineSlot, type SlotDefinition, type SlotValue } from './state/slot.js';
export { closestNames, didYouMean } from './util/did-you-mean.js';
export { ConfigError, formatIssues, ModuleAccessError, SidError, StateValidationError } from './util/errors.js';
export { hashString } from './util/hash.js';
export { createLogger } from './util/logger.js';

// Model gateway

export {
  type Budget,
  type BudgetExceeded,
  BudgetExceededError,
  type Budgets,
  budgetSchema,
} from './gateway/budgets.js';
export { type GatewayCallMeta, type PriorityLookup, priorityOf } from './gateway/call-priority.js';
export type { GatewayCallRecord, GatewayNotice } from './gateway/call-record.js';
export {
  type CassetteEntry,
  type CassetteOutcome,
  cassetteEntrySchema,
  cassetteOutcomeSchema,
} from './gateway/cassette-format.js';
export { CassetteRecorder, type CassetteSink } from './gateway/cassette-recorder.js';
export { CassetteReplay, parseCassette } from './gateway/cassette-replay.js';
export { type BreakerChange, type BreakerOptions, CircuitBreakers } from './gateway/circuit-breakers.js';
export { ConcurrencyGate } from './gateway/concurrency-gate.js';
export { attachGatewayToSociety, connectGatewayToEvents } from './gateway/connect-events.js';
export {
  type CostEstimate,
  type CostEstimateInput,
  estimateGatewayCost,
  estimateRunCost,
  type ModuleCostEstimate,
  type TokensPerCall,
} from './gateway/cost-estimate.js';
export { createModelGateway, ModelGateway, type ModelGatewayOptions } from './gateway/gateway.js';
export {
  type GatewayConfig,
  type GatewayConfigInput,
  gatewayConfigSchema,
  parseGatewayConfig,
} from './gateway/gateway-config.js';
export { buildRoutes, type ModelRoute, type RouteSources } from './gateway/gateway-routes.js';
export {
  ModelCallError,
  type ModelCallErrorInit,
  type ModelFailureKind,
  parseRetryAfter,
} from './gateway/model-call-error.js';
export {
  formatModelSpec,
  type ModelSpec,
  modelSpecSchema,
  parseModelSpec,
  providerKeyOf,
} from './gateway/model-spec.js';
export { costOf, type ModelPrice, modelPriceSchema, type PriceTable, priceOf } from './gateway/price-table.js';
export {
  type RateLimiter,
  type RateLimitLease,
  type RateLimitRequest,
  type RateLimits,
  SlidingWindowRateLimiter,
} from './gateway/rate-limiter.js';
export { type CallKind, fingerprintOf, keyOf, type RequestFingerprint } from './gateway/request-key.js';
export { ResponseCache, type ResponseCacheOptions } from './gateway/response-cache.js';
export {
  backoffDelay,
  isRetryable,
  type RetryEvent,
  type RetryOptions,
  withRetries,
} from './gateway/retry-policy.js';
export { isInvalidOutput, repairRequest, validateObject } from './gateway/structured-output.js';
export {
  type UsageEntry,
  UsageLedger,
  type UsageReport,
  type UsageSnapshot,
  type UsageTotals,
} from './gateway/usage-accounting.js';
export { type RunModuleOnceOptions, type RunModuleOnceResult, runModuleOnce } from './testing/run-module-once.js';
