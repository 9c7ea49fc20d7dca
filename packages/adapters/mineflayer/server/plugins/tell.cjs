'use strict';
// `/tell <player> <message>` (aliases msg, w): the whisper command mineflayer's `bot.whisper` sends.
// The target sees `<sender> whispers to you: <message>`, the format mineflayer parses as a whisper.
module.exports.server = function tell(serv) {
  serv.on('pluginsReady', () => {
    serv.commands.add({
      base: 'tell',
      aliases: ['msg', 'w'],
      info: 'whisper to one player',
      usage: '/tell <player> <message>',
      onlyPlayer: true,
      parse(str) {
        const m = /^(\S+) (.+)$/.exec(str);
        return m ? { target: m[1], text: m[2] } : false;
      },
      action({ target, text }, ctx) {
        const to = serv.players.find((p) => p.username === target);
        if (!to) return `No player called ${target}`;
        to.system(`${ctx.player.username} whispers to you: ${text}`);
        return undefined;
      },
    });
  });
};
