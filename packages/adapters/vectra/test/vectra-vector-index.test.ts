import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashEmbedding } from '@sid/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VectraVectorIndex } from '../src/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sid-vectra-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const item = (id: string, text: string, metadata: Record<string, string | number | boolean | null | object> = {}) => ({
  id,
  vector: hashEmbedding(text),
  metadata: { text, ...metadata } as never,
});

describe('VectraVectorIndex', () => {
  it('returns the nearest items by cosine similarity, best first, with full JSON metadata', async () => {
    const index = new VectraVectorIndex({ directory: dir });
    await index.upsert('skills', [
      item('wood', 'chop oak logs from trees', { kind: 'builtin', tags: ['wood', 'axe'] }),
      item('iron', 'mine iron ore with a stone pickaxe', { kind: 'learned', nested: { a: 1 } }),
      item('bread', 'craft bread from wheat', { kind: 'learned' }),
    ]);
    const matches = await index.query('skills', hashEmbedding('mine iron ore'), { k: 2 });
    expect(matches.map((m) => m.id)).toEqual(['iron', expect.any(String)]);
    expect(matches[0]?.score).toBeGreaterThan(matches[1]?.score ?? 1);
    expect(matches[0]?.score).toBeLessThanOrEqual(1);
    expect(matches[0]?.metadata).toEqual({
      text: 'mine iron ore with a stone pickaxe',
      kind: 'learned',
      nested: { a: 1 },
    });
    const wood = await index.query('skills', hashEmbedding('chop oak logs'), { k: 1 });
    expect(wood[0]?.metadata.tags).toEqual(['wood', 'axe']);
  });

  it('filters on metadata fields, including null', async () => {
    const index = new VectraVectorIndex({ directory: dir });
    await index.upsert('m', [
      item('a', 'iron pickaxe', { agent: 'ann', room: null }),
      item('b', 'iron pickaxe please', { agent: 'bob', room: 'hall' }),
      item('c', 'stone pickaxe', { agent: 'ann', room: 'hall' }),
    ]);
    const ann = await index.query('m', hashEmbedding('iron pickaxe'), { k: 5, filter: { agent: 'ann' } });
    expect(ann.map((m) => m.id).sort()).toEqual(['a', 'c']);
    const noRoom = await index.query('m', hashEmbedding('iron pickaxe'), { k: 5, filter: { room: null } });
    expect(noRoom.map((m) => m.id)).toEqual(['a']);
  });

  it('keeps namespaces apart as folders, upserts replace, deletes remove', async () => {
    const index = new VectraVectorIndex({ directory: dir });
    await index.upsert('agent:ann', [item('x', 'one'), item('y', 'two')]);
    await index.upsert('agent:bob', [item('x', 'other')]);
    expect(await index.count('agent:ann')).toBe(2);
    expect(await index.count('agent:bob')).toBe(1);
    expect(await index.namespaces()).toEqual(['agent:ann', 'agent:bob']);
    expect((await readdir(dir)).sort()).toEqual(['ns-agent%3Aann', 'ns-agent%3Abob']);
    await index.upsert('agent:ann', [item('x', 'one again', { v: 2 })]);
    expect(await index.count('agent:ann')).toBe(2);
    expect((await index.query('agent:ann', hashEmbedding('one again'), { k: 1 }))[0]?.metadata.v).toBe(2);
    await index.delete('agent:ann', ['x']);
    expect(await index.count('agent:ann')).toBe(1);
    await index.dropNamespace('agent:bob');
    expect(await index.namespaces()).toEqual(['agent:ann']);
  });

  it('persists to disk: a new instance on the same folder sees everything', async () => {
    const first = new VectraVectorIndex({ directory: dir });
    await first.upsert('skills', [item('iron', 'mine iron ore'), item('wood', 'chop trees')]);
    const second = new VectraVectorIndex({ directory: dir });
    expect(await second.count('skills')).toBe(2);
    expect((await second.query('skills', hashEmbedding('iron ore'), { k: 1 }))[0]?.id).toBe('iron');
  });

  it('serializes concurrent writes to one namespace', async () => {
    const index = new VectraVectorIndex({ directory: dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => index.upsert('busy', [item(`i${i}`, `item number ${i}`)])));
    expect(await index.count('busy')).toBe(20);
  });

  it('namespaces cannot escape the folder; empty namespaces answer empty', async () => {
    const index = new VectraVectorIndex({ directory: dir });
    await index.upsert('../../etc', [item('a', 'x')]);
    expect(await readdir(dir)).toEqual(['ns-%2E%2E%2F%2E%2E%2Fetc']);
    expect(await index.query('never-written', hashEmbedding('x'), { k: 3 })).toEqual([]);
    expect(await index.count('never-written')).toBe(0);
    await index.delete('never-written', ['a']);
    // Reads do not create folders.
    expect(await index.namespaces()).toEqual(['../../etc']);
  });

  it('refuses vectors with non-finite values', async () => {
    const index = new VectraVectorIndex({ directory: dir });
    await expect(index.upsert('bad', [{ id: 'n', vector: [Number.NaN, 1], metadata: {} }])).rejects.toThrow(
      /non-finite/,
    );
  });
});
