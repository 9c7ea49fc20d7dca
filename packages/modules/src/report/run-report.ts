import type { Society, UsageReport } from '@sid/core';
import { TechTree } from '@sid/skills';
import { conversationSlot } from '../slots/conversation-slot.js';
import { progressSlot } from '../slots/progress-slot.js';

/** One agent's line in a report. */
export interface AgentReport {
  id: string;
  uniqueItems: number;
  /** Highest tech-tree tier among items obtained (0 = raw materials), -1 when nothing. */
  maxTier: number;
  /** Items ever obtained, in the order first obtained. */
  items: string[];
  goals: { active: number; done: number };
  chatsSent: number;
  chatsHeard: number;
  decisions: number;
}

/** What a run produced: the quickstart writes this as `report.json`. */
export interface RunReport {
  runId: string;
  /** Which model answered, in words: says plainly when it was the offline model. */
  model: string;
  offlineModel: boolean;
  seed: string;
  agents: AgentReport[];
  society: { uniqueItems: number; items: string[]; maxTier: number };
  moduleRuns: Record<string, number>;
  moduleErrors: Record<string, number>;
  modelCalls: Record<string, number>;
  tokens: { input: number; output: number };
  /** Skill attempts and successes by skill (from the skill library, when one was used). */
  skills: Record<string, { attempts: number; successes: number; failures: Record<string, number> }>;
  simSeconds: number;
  wallSeconds: number;
}

/** Builds the report from a society's state, scheduler counters and (optionally) gateway usage. */
export function buildRunReport(
  society: Society,
  input: {
    model: string;
    offlineModel: boolean;
    wallSeconds: number;
    usage?: UsageReport;
    skills?: Record<string, { attempts: number; successes: number; failures: Record<string, number> }>;
  },
): RunReport {
  const tree = TechTree.default();
  const tierOf = (items: string[]) => items.reduce((max, i) => Math.max(max, tree.tier(i) ?? -1), -1);
  const agents: AgentReport[] = [];
  const all = new Set<string>();
  for (const agent of society.agents.values()) {
    const obtained = agent.state.has('progress') ? agent.state.read(progressSlot).firstObtainedAt : {};
    const items = Object.entries(obtained)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .map(([name]) => name);
    for (const item of items) all.add(item);
    const goals = agent.state.get('goals').items;
    const conversation = agent.state.has('conversation') ? agent.state.read(conversationSlot) : null;
    agents.push({
      id: agent.id,
      uniqueItems: items.length,
      maxTier: tierOf(items),
      items,
      goals: {
        active: goals.filter((g) => g.status === 'active').length,
        done: goals.filter((g) => g.status === 'done').length,
      },
      chatsSent: conversation?.sent ?? 0,
      chatsHeard: conversation?.heard ?? 0,
      decisions: (agent.decision()?.seq ?? -1) + 1,
    });
  }
  const stats = society.stats();
  const usage = input.usage;
  const modelCalls: Record<string, number> = {};
  for (const [module, totals] of Object.entries(usage?.byModule ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    modelCalls[module] = totals.calls;
  }
  return {
    runId: society.runId,
    model: input.model,
    offlineModel: input.offlineModel,
    seed: society.seed,
    agents,
    society: { uniqueItems: all.size, items: [...all].sort(), maxTier: tierOf([...all]) },
    moduleRuns: Object.fromEntries(Object.entries(stats).map(([m, s]) => [m, s.runs])),
    moduleErrors: Object.fromEntries(Object.entries(stats).map(([m, s]) => [m, s.errors])),
    modelCalls,
    tokens: { input: usage?.total.inputTokens ?? 0, output: usage?.total.outputTokens ?? 0 },
    skills: Object.fromEntries(
      Object.entries(input.skills ?? {}).map(([name, s]) => [
        name,
        { attempts: s.attempts, successes: s.successes, failures: s.failures },
      ]),
    ),
    simSeconds: Math.round(society.clock.now()) / 1000,
    wallSeconds: Math.round(input.wallSeconds * 100) / 100,
  };
}
