import { access, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonObject, JsonPrimitive, VectorIndex, VectorItem, VectorMatch } from '@sid/core';
import { LocalIndex, type MetadataFilter } from 'vectra';

/** Options for {@link VectraVectorIndex}. */
export interface VectraVectorIndexOptions {
  /** Folder holding one sub-folder per namespace; created when missing. */
  directory: string;
}

/** The metadata field that carries the item's full JSON metadata (vectra only stores flat primitives). */
const JSON_FIELD = '__sid_json';
/** Prefix of namespace folders, so no namespace can name `..` or a hidden folder. */
const FOLDER_PREFIX = 'ns-';

type FlatMetadata = Record<string, string | number | boolean>;

function folderName(namespace: string): string {
  return FOLDER_PREFIX + encodeURIComponent(namespace).replace(/\./g, '%2E');
}

function flatten(metadata: JsonObject): FlatMetadata {
  const flat: FlatMetadata = { [JSON_FIELD]: JSON.stringify(metadata) };
  for (const [key, value] of Object.entries(metadata)) {
    if (key === JSON_FIELD) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') flat[key] = value;
  }
  return flat;
}

function unflatten(flat: Record<string, unknown>): JsonObject {
  const text = flat[JSON_FIELD];
  return typeof text === 'string' ? (JSON.parse(text) as JsonObject) : {};
}

/**
 * The VectorIndex port on vectra's file-backed LocalIndex: one folder per namespace, each an
 * `index.json` that vectra keeps in memory and rewrites on change. Good for up to some tens of
 * thousands of items per namespace (queries are exact cosine scans); use pgvector beyond that.
 * Operations on one namespace are serialized (vectra allows one update at a time).
 */
export class VectraVectorIndex implements VectorIndex {
  private readonly indexes = new Map<string, Promise<LocalIndex<FlatMetadata>>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: VectraVectorIndexOptions) {}

  /** The folder of the index. */
  get directory(): string {
    return this.options.directory;
  }

  /** Namespaces that exist on disk. */
  async namespaces(): Promise<string[]> {
    try {
      const entries = await readdir(this.options.directory, { withFileTypes: true });
      return entries
        .filter((e) => e.isDirectory() && e.name.startsWith(FOLDER_PREFIX))
        .map((e) => decodeURIComponent(e.name.slice(FOLDER_PREFIX.length)))
        .sort();
    } catch {
      return [];
    }
  }

  private index(namespace: string): Promise<LocalIndex<FlatMetadata>> {
    let found = this.indexes.get(namespace);
    if (!found) {
      found = (async () => {
        const folder = join(this.options.directory, folderName(namespace));
        await mkdir(folder, { recursive: true });
        const index = new LocalIndex<FlatMetadata>(folder);
        if (!(await index.isIndexCreated())) await index.createIndex({ version: 1 });
        return index;
      })();
      this.indexes.set(namespace, found);
      // A failed open is not cached, so the next call retries.
      found.catch(() => this.indexes.delete(namespace));
    }
    return found;
  }

  /** True when the namespace has been opened here or exists on disk (reads do not create folders). */
  private async exists(namespace: string): Promise<boolean> {
    if (this.indexes.has(namespace)) return true;
    try {
      await access(join(this.options.directory, folderName(namespace), 'index.json'));
      return true;
    } catch {
      return false;
    }
  }

  /** Runs `work` after every earlier operation on the namespace has finished. */
  private serial<T>(namespace: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(namespace) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(namespace, next);
    return next;
  }

  /** Inserts or replaces items by id in one namespace (one file write per call). */
  async upsert(namespace: string, items: readonly VectorItem[]): Promise<void> {
    if (items.length === 0) return;
    for (const item of items) {
      if (!item.vector.every(Number.isFinite)) throw new Error(`vector of "${item.id}" has a non-finite value`);
    }
    await this.serial(namespace, async () => {
      const index = await this.index(namespace);
      await index.beginUpdate();
      try {
        for (const item of items) {
          await index.upsertItem({ id: item.id, vector: [...item.vector], metadata: flatten(item.metadata) });
        }
        await index.endUpdate();
      } catch (error) {
        index.cancelUpdate();
        throw error;
      }
    });
  }

  /** The `k` nearest items by cosine similarity, best first, optionally filtered on metadata fields. */
  async query(
    namespace: string,
    vector: readonly number[],
    options: { k: number; filter?: Record<string, JsonPrimitive> },
  ): Promise<VectorMatch[]> {
    if (options.k <= 0) return [];
    return this.serial(namespace, async () => {
      if (!(await this.exists(namespace))) return [];
      const index = await this.index(namespace);
      const entries = Object.entries(options.filter ?? {});
      // vectra filters only non-null primitives; null filters are applied afterwards on a full scan.
      const hasNull = entries.some(([, v]) => v === null);
      const filter: Record<string, MetadataFilter> = {};
      for (const [key, value] of entries) if (value !== null) filter[key] = { $eq: value };
      const k = hasNull ? Math.max(options.k, (await index.getIndexStats()).items) : options.k;
      const results = await index.queryItems(
        [...vector],
        '',
        k,
        entries.length > 0 ? (filter as MetadataFilter) : undefined,
      );
      const matches: VectorMatch[] = [];
      for (const r of results) {
        const metadata = unflatten(r.item.metadata);
        if (hasNull && entries.some(([key, value]) => (metadata[key] ?? null) !== value)) continue;
        matches.push({ id: r.item.id, score: r.score, metadata });
      }
      matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      return matches.slice(0, options.k);
    });
  }

  /** Removes items by id; unknown ids are ignored. */
  async delete(namespace: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.serial(namespace, async () => {
      if (!(await this.exists(namespace))) return;
      const index = await this.index(namespace);
      await index.beginUpdate();
      try {
        for (const id of ids) await index.deleteItem(id);
        await index.endUpdate();
      } catch (error) {
        index.cancelUpdate();
        throw error;
      }
    });
  }

  /** Number of items in the namespace (0 when it was never written). */
  async count(namespace: string): Promise<number> {
    return this.serial(namespace, async () => {
      if (!(await this.exists(namespace))) return 0;
      return (await (await this.index(namespace)).getIndexStats()).items;
    });
  }

  /** Deletes a whole namespace from disk. */
  async dropNamespace(namespace: string): Promise<void> {
    await this.serial(namespace, async () => {
      this.indexes.delete(namespace);
      await rm(join(this.options.directory, folderName(namespace)), { recursive: true, force: true });
    });
  }
}
