'use strict';
// flying-squid sends a joining player's list of others to everyone *but* that player, and spawns
// nearby players before the list arrives, so a late joiner cannot name the players it sees. After
// spawn, send the list to the joiner itself, then spawn the nearby players again so they get names.
function infoEntry(other) {
  return {
    uuid: other.uuid,
    player: { name: other.username, properties: other.profileProperties ?? [] },
    gamemode: other.gameMode,
    listed: true,
    latency: other._client.latency ?? 0,
  };
}

module.exports.player = function playerList(player, serv) {
  player.once('spawned', () => {
    if (!serv.supportFeature('playerInfoActionIsBitfield')) return;
    const others = serv.players.filter((p) => p !== player && p.username);
    if (others.length === 0) return;
    player._client.write('player_info', {
      action: { add_player: true, update_game_mode: true, update_listed: true, update_latency: true },
      data: others.map(infoEntry),
    });
    for (const e of player.nearbyEntities) if (e.type === 'player') player.spawnEntity(e);
  });
};
