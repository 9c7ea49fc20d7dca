import type { Observation } from '@sid/core';
import { z } from 'zod';
import type { AnySkill, ExpectedOutcome } from '../skill.js';
import type { RetrievedSkill } from './skill-library.js';

/** The API reference a model writes learned skills against (the sandbox bridge, nothing else). */
export const BOT_API_REFERENCE = `Write ONE JavaScript function: async function camelCaseName(bot, params) { ... }
It runs in a sandbox. Only these exist: the \`bot\` argument, \`params\` (a JSON object), and plain JavaScript.
There is NO require, import, process, fs, network, setTimeout or setInterval.
Every action returns { ok, reason?: { code, message }, changes: { items?, position?, blocks? }, durationMs }.
Check \`ok\` and stop or try something else when an action fails; do not loop forever.
  await bot.perceive() -> { self: { position, health, food, heldItem }, inventory: [{ name, count }], blocks, entities, text }
  await bot.findBlocks({ name: 'oak_log' | ['oak_log', 'birch_log'], maxDistance?: 32, count?: 16 }) -> [{ name, position, distance }]
  await bot.findEntities({ kind?: 'player'|'item'|'mob', maxDistance? }) -> [{ id, name, position, distance }]
  await bot.moveTo({ x, y, z } | { entity: id }, { range?: 2 })
  await bot.dig({ x, y, z })                       // within reach (4.5 blocks), with the held tool
  await bot.collect(blockOrItemName, count)          // find, walk to, and mine count blocks nearby; picks the tool
  await bot.place(item, { x, y, z })
  await bot.craft(item, count)                       // count = result items; 3x3 recipes need a crafting_table block within reach
  await bot.smelt(inputItem, count, fuel?)           // needs a furnace block within reach
  await bot.equip(item); await bot.eat(item); await bot.drop(item, count)
  await bot.give(agentId, item, count); await bot.attack(entityId)
  await bot.chestContents({ x, y, z }); await bot.deposit({ x, y, z }, item, count); await bot.withdraw({ x, y, z }, item, count)
  await bot.chat(text); await bot.whisper(agentId, text)
  await bot.skill(name, params) -> { ok, failure?: { code, message }, observed: { items, position } }  // run a built-in skill listed under Related skills
  bot.log(...values)                                 // notes for your next attempt
Return a small JSON value (or nothing). Item and block names are Minecraft ids such as oak_planks, stone, iron_ingot.`;

/** A compact rendering of a skill's parameters for the prompt, e.g. `{ item: string, count: integer }`. */
function paramsHint(skill: AnySkill): string {
  try {
    const schema = z.toJSONSchema(skill.params, { unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: unknown }>;
    };
    const props = Object.entries(schema.properties ?? {}).map(([k, v]) => `${k}: ${String(v.type ?? 'any')}`);
    return `{ ${props.join(', ')} }`;
  } catch {
    return '{ … }';
  }
}

function describeExpected(expected: ExpectedOutcome): string {
  const parts = (expected.items ?? []).map(
    (i) => `gain at least ${i.count} ${Array.isArray(i.item) ? i.item.join(' or ') : i.item}`,
  );
  if (expected.position) {
    const t = expected.position.target;
    parts.push(`end within ${expected.position.within} blocks of (${t.x}, ${t.y}, ${t.z})`);
  }
  return parts.length > 0 ? parts.join('; ') : 'finish without errors';
}

/** One failed attempt, as fed back to the model. */
export interface AttemptFeedback {
  attempt: number;
  code: string;
  error: string;
  failedActions: string[];
  logs: string[];
  observationAfter: string;
}

/** Builds the user message of one learning attempt. */
export function learningPrompt(input: {
  task: string;
  expected: ExpectedOutcome;
  observation: Observation;
  retrieved: RetrievedSkill[];
  previous: AttemptFeedback[];
}): string {
  const lines = [
    `Task: ${input.task}`,
    `Success means: ${describeExpected(input.expected)}.`,
    '',
    'Current observation:',
    input.observation.text,
  ];
  if (input.retrieved.length > 0) {
    lines.push('', `Related skills you may copy from (retrieved by ${input.retrieved[0]?.embedding}):`);
    for (const r of input.retrieved) {
      const code =
        typeof r.skill.code === 'string'
          ? `\n${r.skill.code}`
          : ` (built-in: await bot.skill('${r.skill.name}', params), params ${paramsHint(r.skill)})`;
      lines.push(`- ${r.skill.name}: ${r.skill.description}${code}`);
    }
  }
  for (const p of input.previous) {
    lines.push(
      '',
      `Attempt ${p.attempt} failed.`,
      'Code:',
      p.code,
      `Error: ${p.error}`,
      ...(p.failedActions.length > 0 ? ['Failed actions:', ...p.failedActions.map((a) => `- ${a}`)] : []),
      ...(p.logs.length > 0 ? ['Logs:', ...p.logs.map((l) => `- ${l}`)] : []),
      'Observation after the attempt:',
      p.observationAfter,
    );
  }
  lines.push('', 'Answer with the skill name (camelCase), a one-sentence description of what it does, and the code.');
  return lines.join('\n');
}
