/**
 * @sid/modules — the PIANO modules (one file each), the offline model and prefab agents.
 */

export { actionAwarenessModule, actionAwarenessOptions } from './action-awareness/action-awareness-module.js';
export {
  CONTROLLER_PROMPT,
  controllerModule,
  controllerOptions,
  type DecisionOutput,
  decisionOutputSchema,
} from './controller/controller-module.js';
export { pianoBottleneck } from './controller/piano-bottleneck.js';
export {
  GOALS_PROMPT,
  type GoalsOutput,
  goalGenerationModule,
  goalGenerationOptions,
  goalsOutputSchema,
} from './goals/goal-generation-module.js';
export { DEFAULT_TECH_LADDER } from './goals/tech-ladder.js';
export { memoryModule, memoryOptions } from './memory/memory-module.js';
export {
  longTermNamespace,
  type RetrievalWeights,
  retrievalWeightsSchema,
  retrieveMemories,
  type ScoredMemory,
} from './memory/retrieval.js';
export {
  createOfflineModel,
  OFFLINE_MODEL_LABEL,
  type OfflineAnswerer,
  type OfflineModelOptions,
} from './offline/offline-model.js';
export { perceptionModule, perceptionOptions } from './perception/perception-module.js';
export {
  PLAN_PROMPT,
  type PlanOutput,
  planningModule,
  planningOptions,
  planOutputSchema,
} from './planning/planning-module.js';
export {
  baselineAgent,
  PIANO_MODULES,
  type PianoModuleName,
  type PrefabOptions,
  pianoAgent,
  withoutActionAwareness,
  withoutSocialAwareness,
} from './prefabs/piano-agent.js';
export { type AskObject, askObject } from './prompt/ask-model.js';
export { renderTemplate } from './prompt/render-template.js';
export { quoteUntrusted, sanitizeUtterance } from './prompt/untrusted.js';
export {
  REFLECTION_PROMPT,
  type ReflectionOutput,
  reflectionOutputSchema,
  selfReflectionModule,
  selfReflectionOptions,
} from './reflection/self-reflection-module.js';
export { type AgentReport, buildRunReport, type RunReport } from './report/run-report.js';
export { skillExecutionModule, skillExecutionOptions } from './skill-execution/skill-execution-module.js';
export { actionAwarenessSlot } from './slots/action-awareness-slot.js';
export { conversationSlot } from './slots/conversation-slot.js';
export { memoryMetaSlot } from './slots/memory-meta-slot.js';
export { type PlanStep as ModulePlanStep, planSlot, planStepSchema } from './slots/plan-slot.js';
export { progressSlot } from './slots/progress-slot.js';
export { type SkillAttempt, skillAttemptSchema, skillExecutionSlot } from './slots/skill-execution-slot.js';
export {
  SOCIAL_PROMPT,
  type SocialOutput,
  socialAwarenessModule,
  socialAwarenessOptions,
  socialOutputSchema,
} from './social/social-awareness-module.js';
export { talkingModule, talkingOptions } from './talking/talking-module.js';
export { phraseUtterance, TALKING_PROMPT, utteranceOutputSchema } from './talking/utterance.js';
