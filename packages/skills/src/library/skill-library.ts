import {
  closestNames,
  type JsonObject,
  MemoryStore,
  MemoryVectorIndex,
  type Model,
  type Store,
  type VectorIndex,
} from '@sid/core';
import { VectraVectorIndex } from '@sid/vectra';
import { BUILTIN_SKILLS } from '../builtin/index.js';
import { type ExecuteOptions, executeSkill } from '../execute-skill.js';
import type { AnySkill, SkillContext, SkillOutcome } from '../skill.js';
import { TechTree } from '../techtree/tech-tree.js';
import { type Embedder, modelEmbedder } from './embedder.js';
import { learnedSkill, type SkillRecord, skillRecordSchema } from './skill-record.js';
import { emptyStats, recordOutcome, type SkillStats } from './skill-stats.js';

/** Who shares a library: the whole society, or one agent. */
export type LibraryScope = { shared: string } | { agent: string };

/** Options for {@link SkillLibrary.open}. */
export interface SkillLibraryOptions {
  /**
   * `{ shared: 'society-name' }` (default `{ shared: 'society' }`): skills one agent learns serve all,
   * with per-agent statistics. `{ agent: 'ann' }`: a private library.
   */
  scope?: LibraryScope;
  /** Where learned skills and statistics persist; default an in-memory store (lost on exit). */
  store?: Store;
  /** The vector index; default vectra in `directory`, or in memory when no directory is given. */
  index?: VectorIndex;
  /** Folder for the default vectra index. */
  directory?: string;
  /** Embeddings come from this model when it is a real one; otherwise the labelled offline embedding. */
  model?: Model;
  /** Overrides the embedder entirely. */
  embedder?: Embedder;
  /** Built-in skills to offer (default {@link BUILTIN_SKILLS}); pass `[]` for learned skills only. */
  builtins?: readonly AnySkill[];
  tree?: TechTree;
}

/** One retrieval hit. */
export interface RetrievedSkill {
  skill: AnySkill;
  /** Cosine similarity of the task to the skill's description. */
  score: number;
  /** The embedding that produced the score (says when it is the offline one). */
  embedding: string;
}

/** Document id under which the library remembers which embedding its vectors came from. */
const META_ID = '__meta';

function libraryId(scope: LibraryScope): string {
  return 'shared' in scope ? `shared:${scope.shared}` : `agent:${scope.agent}`;
}

/**
 * A Voyager-style skill library: built-in and learned skills, retrieval of the top-k skills for a
 * task by embedding similarity (through the VectorIndex port), per-skill and per-agent statistics,
 * persistence through the Store port. Open it with {@link SkillLibrary.open}; a library reopened on
 * the same store (and index) has every learned skill and statistic back.
 */
export class SkillLibrary {
  private readonly skills = new Map<string, AnySkill>();
  private readonly records = new Map<string, SkillRecord>();
  private readonly stats = new Map<string, SkillStats>();
  /** Serializes writes so concurrent agents adding skills cannot interleave. */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly id: string,
    readonly store: Store,
    readonly index: VectorIndex,
    readonly embedder: Embedder,
    readonly tree: TechTree,
  ) {}

  /** Opens (or creates) a library, loading learned skills and statistics and indexing descriptions. */
  static async open(options: SkillLibraryOptions = {}): Promise<SkillLibrary> {
    const id = libraryId(options.scope ?? { shared: 'society' });
    const store = options.store ?? new MemoryStore();
    const index =
      options.index ??
      (options.directory ? new VectraVectorIndex({ directory: options.directory }) : new MemoryVectorIndex());
    const embedder = options.embedder ?? modelEmbedder(options.model);
    const library = new SkillLibrary(id, store, index, embedder, options.tree ?? TechTree.default());
    for (const skill of options.builtins ?? BUILTIN_SKILLS) library.skills.set(skill.name, skill);
    await library.load();
    return library;
  }

  private get skillsCollection(): string {
    return `skills/${this.id}`;
  }

  private get statsCollection(): string {
    return `skill-stats/${this.id}`;
  }

  /** The vector-index namespace of this library. */
  get namespace(): string {
    return `skills:${this.id}`;
  }

  private async load(): Promise<void> {
    for (const { id, value } of await this.store.listDocuments(this.skillsCollection)) {
      if (id === META_ID) continue;
      const parsed = skillRecordSchema.safeParse(value);
      // A corrupt document is skipped rather than failing the whole library.
      if (!parsed.success) continue;
      this.records.set(parsed.data.name, parsed.data);
      this.skills.set(parsed.data.name, learnedSkill(parsed.data));
    }
    for (const { id, value } of await this.store.listDocuments(this.statsCollection)) {
      this.stats.set(id, value as unknown as SkillStats);
    }
    // Re-embed everything when the index is missing items or the embedding changed (vectors of
    // different embeddings are not comparable).
    const meta = (await this.store.getDocument(this.skillsCollection, META_ID)) as { embedding?: string } | undefined;
    const indexed = await this.index.count(this.namespace);
    if (meta?.embedding !== this.embedder.label || indexed !== this.skills.size) {
      await this.index.delete(this.namespace, [...this.skills.keys()]);
      await this.indexSkills([...this.skills.values()]);
      await this.store.putDocument(this.skillsCollection, META_ID, { embedding: this.embedder.label });
    }
  }

  private async indexSkills(skills: AnySkill[], agentId?: string): Promise<void> {
    if (skills.length === 0) return;
    const vectors = await this.embedder.embed(
      skills.map((s) => s.description),
      agentId,
    );
    await this.index.upsert(
      this.namespace,
      skills.map((s, i) => ({
        id: s.name,
        vector: vectors[i] ?? [],
        metadata: { kind: s.kind, description: s.description },
      })),
    );
  }

  /** Every skill, built-in first. */
  list(): AnySkill[] {
    return [...this.skills.values()];
  }

  /** The skill called `name`. */
  get(name: string): AnySkill | undefined {
    return this.skills.get(name);
  }

  /** The stored record of a learned skill (code, task, author, attempts). */
  record(name: string): SkillRecord | undefined {
    return this.records.get(name);
  }

  /** Learned skills only. */
  learned(): SkillRecord[] {
    return [...this.records.values()];
  }

  /**
   * Adds a verified learned skill: stores it, embeds its description and indexes it. A name that is
   * taken gets a numeric suffix; the final name is returned.
   */
  async addLearned(record: SkillRecord): Promise<string> {
    const parsed = skillRecordSchema.parse(record);
    const task = this.writes.then(async () => {
      let name = parsed.name;
      for (let n = 2; this.skills.has(name); n++) name = `${parsed.name}_${n}`;
      const code = name === parsed.name ? parsed.code : renameEntry(parsed.code, parsed.name, name);
      const final: SkillRecord = { ...parsed, name, code };
      await this.store.putDocument(this.skillsCollection, name, final as unknown as JsonObject);
      const skill = learnedSkill(final);
      await this.indexSkills([skill], final.createdBy);
      this.records.set(name, final);
      this.skills.set(name, skill);
      return name;
    });
    this.writes = task.catch(() => undefined);
    return task;
  }

  /** The top-k skills for a task, by similarity of the task to skill descriptions. */
  async retrieve(
    task: string,
    options: { k?: number; kind?: 'builtin' | 'learned'; agentId?: string } = {},
  ): Promise<RetrievedSkill[]> {
    const [vector] = await this.embedder.embed([task], options.agentId);
    const matches = await this.index.query(this.namespace, vector ?? [], {
      k: options.k ?? 5,
      ...(options.kind ? { filter: { kind: options.kind } } : {}),
    });
    return matches.flatMap((m) => {
      const skill = this.skills.get(m.id);
      return skill ? [{ skill, score: m.score, embedding: this.embedder.label }] : [];
    });
  }

  /**
   * Runs a skill by name for an agent and records the outcome in its statistics (overall and for the
   * agent). Unknown names fail with suggestions.
   */
  async execute(
    name: string,
    agentId: string,
    context: Omit<SkillContext, 'tree'> & { tree?: TechTree },
    params: JsonObject = {},
    options: ExecuteOptions = {},
  ): Promise<SkillOutcome> {
    const skill = this.skills.get(name);
    if (!skill) {
      const suggestions = closestNames(name, this.skills.keys());
      const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
      return {
        skill: name,
        ok: false,
        failure: { code: 'unknown_skill', message: `no skill called "${name}"${hint}`, name, suggestions },
        expected: {},
        observed: { items: {}, position: (await context.body.perceive()).self.position },
        matchedExpectation: false,
        actions: [],
        durationMs: 0,
      };
    }
    const ctx: SkillContext = {
      ...context,
      tree: context.tree ?? this.tree,
      runSkill: (inner, innerParams) => this.runNested(skill, inner, agentId, context, innerParams, options),
    };
    const outcome = await executeSkill(skill, ctx, params, options);
    await this.recordStats(name, agentId, outcome);
    return outcome;
  }

  /**
   * A skill run from inside another. Learned code may call built-in skills only, so sandboxes never
   * nest and a learned skill cannot recurse into itself.
   */
  private async runNested(
    caller: AnySkill,
    name: string,
    agentId: string,
    context: Omit<SkillContext, 'tree'> & { tree?: TechTree },
    params: JsonObject,
    options: ExecuteOptions,
  ): Promise<SkillOutcome> {
    const target = this.skills.get(name);
    if (caller.kind === 'learned' && target?.kind === 'learned') {
      const position = (await context.body.perceive()).self.position;
      return {
        skill: name,
        ok: false,
        failure: {
          code: 'invalid_argument',
          message: `learned skills can call built-in skills only, not ${name}`,
          argument: 'name',
        },
        expected: {},
        observed: { items: {}, position },
        matchedExpectation: false,
        actions: [],
        durationMs: 0,
      };
    }
    return this.execute(name, agentId, context, params, options);
  }

  /** A context for running `skill` for `agentId` whose nested calls go through this library. */
  contextFor(
    skill: AnySkill,
    agentId: string,
    context: Omit<SkillContext, 'tree'> & { tree?: TechTree },
  ): SkillContext {
    return {
      ...context,
      tree: context.tree ?? this.tree,
      runSkill: (inner, innerParams) => this.runNested(skill, inner, agentId, context, innerParams, {}),
    };
  }

  private async recordStats(name: string, agentId: string, outcome: SkillOutcome): Promise<void> {
    const stats = this.stats.get(name) ?? emptyStats();
    recordOutcome(stats, agentId, outcome);
    this.stats.set(name, stats);
    await this.store.putDocument(this.statsCollection, name, stats as unknown as JsonObject);
  }

  /** Statistics of a skill, overall (with `byAgent`), or the counters of one agent. */
  statistics(name: string): SkillStats {
    return structuredClone(this.stats.get(name) ?? emptyStats());
  }
}

/** Renames the entry function of learned code (`async function old(` → `async function new(`). */
function renameEntry(code: string, from: string, to: string): string {
  return code.replace(new RegExp(`async\\s+function\\s+${from.replace(/\$/g, '\\$')}\\s*\\(`), `async function ${to}(`);
}
