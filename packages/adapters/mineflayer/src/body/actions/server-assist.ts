import type { FailureReason } from '@sid/core';
import { reasons } from '../../failures.js';
import { sleep, untilAborted } from '../abort.js';
import { type ActionContext, countOf } from '../context.js';

/** A parsed reply of the embedded test server's `/sidcraft` or `/sidsmelt` command. */
export type AssistReply = { ok: true; item: string; count: number } | { ok: false; reason: FailureReason };

/**
 * TEST SERVER ONLY: runs a server-assisted crafting command and waits for its one-line reply
 * (`[sid] ok …` / `[sid] fail <code> …`) and for the inventory to show the result.
 */
export async function assisted(ctx: ActionContext, command: string, timeoutMs: number): Promise<AssistReply> {
  const { bot } = ctx;
  let onMessage: ((text: string) => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  const reply = new Promise<string | null>((resolve) => {
    onMessage = (text: string) => {
      if (text.startsWith('[sid] ')) resolve(text.slice(6));
    };
    bot.on('messagestr', onMessage);
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    bot.chat(command);
    const line = await untilAborted(ctx.signal, reply);
    if (line === null)
      return { ok: false, reason: reasons.timeout(`the server's ${command.split(' ')[0]}`, timeoutMs) };
    return parse(line);
  } finally {
    clearTimeout(timer);
    if (onMessage) bot.off('messagestr', onMessage);
  }
}

/** Waits (up to 2 s) until the inventory holds at least `count` of an item: slot updates follow the reply. */
export async function awaitItems(ctx: ActionContext, item: string, count: number): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (countOf(ctx.bot, item) < count && Date.now() < deadline) await sleep(50, ctx.signal);
}

function parse(line: string): AssistReply {
  const [status, code, ...rest] = line.split(' ');
  if (status === 'ok') return { ok: true, item: code ?? '', count: Number(rest[0] ?? 0) };
  const message = rest.join(' ');
  switch (code) {
    case 'missing_items': {
      const [name = '?', need = '0', have = '0'] = rest;
      return { ok: false, reason: reasons.missing([{ name, need: Number(need), have: Number(have) }]) };
    }
    case 'needs_crafting_table':
      return { ok: false, reason: reasons.needsTable(rest[0] ?? 'this item') };
    case 'needs_furnace':
      return { ok: false, reason: reasons.needsFurnace() };
    case 'no_recipe':
      return { ok: false, reason: reasons.noRecipe(rest.at(-1) ?? '?', message) };
    case 'inventory_full':
      return { ok: false, reason: reasons.inventoryFull(message) };
    default:
      return { ok: false, reason: reasons.serverRefused(line) };
  }
}
