'use strict';
// flying-squid 1.12 sends long moves and teleports of entities as `entity_teleport` with the pre-1.21.2
// fields. From 1.21.2 that packet has a different layout and clients never see the jump (a teleported
// player stays where it was for everyone else). Send `sync_entity_position`, the packet that replaced it.
module.exports.entity = function entityTeleport(entity, serv) {
  if (!serv.registry.version['>=']('1.21.2')) return;
  const write = entity._writeOthersNearby;
  entity._writeOthersNearby = (name, fields) => {
    if (name !== 'entity_teleport') return write(name, fields);
    return write('sync_entity_position', {
      entityId: fields.entityId,
      x: fields.x,
      y: fields.y,
      z: fields.z,
      dx: 0,
      dy: 0,
      dz: 0,
      yaw: fields.yaw ?? 0,
      pitch: fields.pitch ?? 0,
      onGround: Boolean(fields.onGround),
    });
  };
};
