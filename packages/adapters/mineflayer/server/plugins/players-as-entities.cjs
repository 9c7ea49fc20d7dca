'use strict';
// flying-squid 1.12 spawns players with no entity type, so on 1.20.2+ (one spawn packet for all
// entities) clients never see other players. Give player entities the registry's player type.
module.exports.player = function playersAsEntities(player, serv) {
  player.entityType = serv.registry.entitiesByName.player.id;
};
