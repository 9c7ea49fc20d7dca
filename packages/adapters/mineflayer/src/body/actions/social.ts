import type { ActionOutcome } from '@sid/core';
import { closestNames } from '@sid/core';
import type { Bot } from 'mineflayer';
import type { MineflayerConfig } from '../../config.js';
import { checkName, failure, reasons, success } from '../../failures.js';
import type { NameBook } from '../../names.js';
import { distance, playerEntity } from '../context.js';

/** Minecraft's chat message limit. */
export const MAX_CHAT_LENGTH = 256;
/** Marks a shout in chat so other SDK bodies hear it up to the shout range. */
export const SHOUT_PREFIX = '[shout] ';

function checkText(text: unknown, room: number) {
  if (typeof text !== 'string' || text.trim() === '') return reasons.invalid('text', 'text must be a non-empty string');
  if (text.includes('\n')) return reasons.invalid('text', 'text must be one line');
  if (text.length > room) return reasons.invalid('text', `text is ${text.length} characters; the limit is ${room}`);
  return null;
}

/** `chat`: says (32 blocks) or shouts (64 blocks); the server delivers it, listeners filter by range. */
export function chat(bot: Bot, text: string, mode: 'say' | 'shout'): ActionOutcome {
  if (mode !== 'say' && mode !== 'shout')
    return failure(reasons.invalid('mode', `mode must be "say" or "shout", got ${String(mode)}`));
  const prefix = mode === 'shout' ? SHOUT_PREFIX : '';
  const bad = checkText(text, MAX_CHAT_LENGTH - prefix.length);
  if (bad) return failure(bad);
  // A leading slash would run a server command: chat is data, never a command.
  bot.chat(`${prefix}${text.startsWith('/') ? ` ${text}` : text}`);
  return success({}, 0);
}

/** `whisper`: `/tell` to one player within 8 blocks. */
export function whisper(
  bot: Bot,
  names: NameBook,
  config: MineflayerConfig,
  agentId: string,
  text: string,
): ActionOutcome {
  const badName = checkName(agentId, 'agentId');
  if (badName) return failure(badName);
  const username = bot.players[agentId] ? agentId : names.usernameOf(agentId);
  const bad = checkText(text, MAX_CHAT_LENGTH - 7 - username.length);
  if (bad) return failure(bad);
  if (username === bot.username) return failure(reasons.invalid('agentId', 'cannot whisper to yourself'));
  if (!bot.players[username]) {
    return failure(
      reasons.unknownAgent(
        agentId,
        closestNames(
          agentId,
          Object.keys(bot.players).map((u) => names.agentOf(u)),
        ),
      ),
    );
  }
  const target = playerEntity(bot, names, agentId);
  if (!target) return failure(reasons.unreachable(`${agentId} is out of sight and cannot hear a whisper`));
  const d = distance(bot.entity.position, target.position);
  if (d > config.chatRange.whisper) return failure(reasons.tooFar(agentId, d, config.chatRange.whisper));
  bot.whisper(username, text);
  return success({}, 0);
}
