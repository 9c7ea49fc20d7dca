'use strict';
// Respawning on 1.20.5+ with flying-squid 1.12, which gets two things wrong there:
// - the client's respawn request arrives as `actionId: 'perform_respawn'` (a mapped enum), while
//   flying-squid waits for `actionId === 0`, so a dead player is never respawned;
// - it writes the old `respawn` packet layout, which no longer serializes (1.20.5+ nests a `worldState`
//   like the login packet's), and the server's stream to that player stops.
module.exports.player = function respawn(player, serv) {
  const loginState = serv.registry.loginPacket?.worldState;
  if (!loginState) return; // older versions: flying-squid's own handling is right
  // Our own writer: flying-squid's respawn plugin loads after this one and sets `_sendRespawn` itself.
  const sendRespawn = (newGameMode) => {
    player._client.write('respawn', {
      worldState: {
        ...loginState,
        name: serv.dimensionNames[0],
        hashedSeed: serv.hashedSeed,
        gamemode: newGameMode ?? player.gameMode,
        previousGamemode: player.prevGameMode ?? 255,
        isDebug: false,
        isFlat: false,
        death: undefined,
        portalCooldown: 0,
      },
      copyMetadata: 0,
    });
  };
  player._client.on('client_command', (data) => {
    if (data.actionId !== 'perform_respawn') return;
    player.behavior('requestRespawn', {}, () => {
      sendRespawn();
      player.sendSelfPosition(player.spawnPoint);
      player.updateHealth(20);
      player.nearbyEntities = [];
      player.updateAndSpawn();
    });
  });
};
