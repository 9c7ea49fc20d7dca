import type { ItemStack, JsonObject } from '@sid/core';
import type { TechTree } from './tech-tree.js';
import { type Tier, TOOL_MILESTONES, type ToolMilestone, toolMilestoneOf } from './tiers.js';

/** A point of a unique-items curve. */
export interface ProgressPoint {
  at: number;
  uniqueItems: number;
}

/** Progress of one agent or of the whole society. */
export interface ProgressSummary {
  uniqueItems: number;
  items: string[];
  maxTier: Tier | null;
  /** Clock time (since `startedAt`) each tool milestone was first reached, or null. */
  milestones: Record<ToolMilestone, number | null>;
  timeline: ProgressPoint[];
}

interface Track {
  firstSeen: Map<string, number>;
  timeline: ProgressPoint[];
}

/**
 * The progress measures of the paper and Voyager: unique items obtained per agent and per society
 * over time, highest tech-tree tier reached, and time to the wooden / stone / iron / diamond tool
 * milestones. Feed it inventories (or obtained items) as they change.
 */
export class ProgressTracker {
  private readonly agents = new Map<string, Track>();
  private readonly society: Track = { firstSeen: new Map(), timeline: [] };

  constructor(
    private readonly tree: TechTree,
    /** Clock time the run started; milestone times are measured from it. */
    readonly startedAt = 0,
  ) {}

  /** Records items an agent holds or obtained at `at`; returns the ones new to that agent. */
  record(agentId: string, items: Iterable<string | ItemStack>, at: number): string[] {
    let track = this.agents.get(agentId);
    if (!track) {
      track = { firstSeen: new Map(), timeline: [] };
      this.agents.set(agentId, track);
    }
    const fresh: string[] = [];
    for (const entry of items) {
      const name = typeof entry === 'string' ? entry : entry.count > 0 ? entry.name : null;
      if (name === null || track.firstSeen.has(name)) continue;
      track.firstSeen.set(name, at);
      fresh.push(name);
      if (!this.society.firstSeen.has(name)) {
        this.society.firstSeen.set(name, at);
        this.society.timeline.push({ at, uniqueItems: this.society.firstSeen.size });
      }
    }
    if (fresh.length > 0) track.timeline.push({ at, uniqueItems: track.firstSeen.size });
    return fresh;
  }

  /** Agents seen so far. */
  agentIds(): string[] {
    return [...this.agents.keys()];
  }

  /** Progress of one agent, or of the society when `agentId` is omitted. */
  summary(agentId?: string): ProgressSummary {
    const track = agentId === undefined ? this.society : this.agents.get(agentId);
    const firstSeen = track?.firstSeen ?? new Map<string, number>();
    let maxTier: Tier | null = null;
    const milestones = Object.fromEntries(TOOL_MILESTONES.map((m) => [m, null])) as Record<
      ToolMilestone,
      number | null
    >;
    for (const [item, at] of firstSeen) {
      const tier = this.tree.tier(item);
      if (tier !== null && (maxTier === null || tier > maxTier)) maxTier = tier;
      const milestone = toolMilestoneOf(item);
      if (milestone) {
        const since = at - this.startedAt;
        const current = milestones[milestone];
        if (current === null || since < current) milestones[milestone] = since;
      }
    }
    return {
      uniqueItems: firstSeen.size,
      items: [...firstSeen.keys()].sort(),
      maxTier,
      milestones,
      timeline: [...(track?.timeline ?? [])],
    };
  }

  /** Mean unique items per agent (the paper's single-agent progression measure). */
  meanUniqueItemsPerAgent(): number {
    if (this.agents.size === 0) return 0;
    let total = 0;
    for (const track of this.agents.values()) total += track.firstSeen.size;
    return total / this.agents.size;
  }

  /** Plain-JSON image, for checkpoints. */
  toJSON(): JsonObject {
    const agents: JsonObject = {};
    for (const [id, track] of this.agents) agents[id] = Object.fromEntries(track.firstSeen);
    return { startedAt: this.startedAt, agents };
  }

  /** Rebuilds a tracker from {@link ProgressTracker.toJSON}. */
  static fromJSON(tree: TechTree, json: JsonObject): ProgressTracker {
    const tracker = new ProgressTracker(tree, typeof json.startedAt === 'number' ? json.startedAt : 0);
    const agents = (json.agents ?? {}) as Record<string, Record<string, number>>;
    const events: { agent: string; item: string; at: number }[] = [];
    for (const [agent, items] of Object.entries(agents)) {
      for (const [item, at] of Object.entries(items)) events.push({ agent, item, at });
    }
    events.sort((a, b) => a.at - b.at || a.agent.localeCompare(b.agent));
    // Replay in batches of (time, agent) so the timelines come back exactly as recorded.
    for (let i = 0; i < events.length; ) {
      const first = events[i] as (typeof events)[number];
      const batch: string[] = [];
      while (i < events.length && events[i]?.at === first.at && events[i]?.agent === first.agent) {
        batch.push((events[i] as (typeof events)[number]).item);
        i++;
      }
      tracker.record(first.agent, batch, first.at);
    }
    return tracker;
  }
}
