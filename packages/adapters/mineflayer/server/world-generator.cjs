'use strict';
// A deterministic flat world with trees and ores for the embedded test server. flying-squid's own
// generators have no trees or ores, so skills that gather wood or mine had nothing to do.
const { Vec3 } = require('vec3');

/** Height of the grass layer: bodies stand at SURFACE_Y + 1. */
const SURFACE_Y = 63;

/** Cheap deterministic hash of integers to [0, 1). */
function hash(seed, a, b, c) {
  let h = (seed ^ Math.imul(a, 374761393) ^ Math.imul(b, 668265263) ^ Math.imul(c, 2147483647)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function generation(options) {
  const { registry } = options;
  const Chunk = require('prismarine-chunk')(registry);
  const seed = Number(options.seed) | 0;
  const treeChance = options.treeChance ?? 0.035;
  const clearRadius = options.clearRadius ?? 4;
  const id = (name) => registry.blocksByName[name].id;
  const ids = {
    bedrock: id('bedrock'),
    stone: id('stone'),
    dirt: id('dirt'),
    grass: id('grass_block'),
    log: id('oak_log'),
    leaves: id('oak_leaves'),
    coal: id('coal_ore'),
    iron: id('iron_ore'),
    copper: id('copper_ore'),
    gold: id('gold_ore'),
    diamond: id('diamond_ore'),
  };
  const plains = registry.biomesByName.plains.id;

  /** Ores by depth: the deeper, the rarer and the better. */
  function oreAt(x, y, z) {
    const r = hash(seed, x, y, z);
    if (y > 40 && r < 0.012) return ids.coal;
    if (y > 20 && y <= 56 && r < 0.008) return ids.iron;
    if (y > 30 && y <= 56 && r > 0.994) return ids.copper;
    if (y <= 30 && r < 0.003) return ids.gold;
    if (y <= 14 && r > 0.998) return ids.diamond;
    return ids.stone;
  }

  function placeTree(chunk, lx, lz, height) {
    const top = SURFACE_Y + height;
    for (let dy = 1; dy <= height; dy++) chunk.setBlockType(new Vec3(lx, SURFACE_Y + dy, lz), ids.log);
    // Leaves start two blocks above the ground, so bodies walk under the canopy.
    for (let y = top - 1; y <= top + 1; y++) {
      const r = y > top ? 1 : 2;
      for (let dx = -r; dx <= r; dx++) {
        for (let dz = -r; dz <= r; dz++) {
          if (dx === 0 && dz === 0 && y <= top) continue;
          if (Math.abs(dx) === r && Math.abs(dz) === r && r === 2) continue;
          chunk.setBlockType(new Vec3(lx + dx, y, lz + dz), ids.leaves);
        }
      }
    }
  }

  return function generateChunk(chunkX, chunkZ) {
    const chunk = new Chunk();
    for (let x = 0; x < 16; x++) {
      for (let z = 0; z < 16; z++) {
        const wx = chunkX * 16 + x;
        const wz = chunkZ * 16 + z;
        chunk.setBlockType(new Vec3(x, 0, z), ids.bedrock);
        for (let y = 1; y < SURFACE_Y - 3; y++) chunk.setBlockType(new Vec3(x, y, z), oreAt(wx, y, wz));
        for (let y = SURFACE_Y - 3; y < SURFACE_Y; y++) chunk.setBlockType(new Vec3(x, y, z), ids.dirt);
        chunk.setBlockType(new Vec3(x, SURFACE_Y, z), ids.grass);
        for (let y = 0; y < 256; y++) {
          const v = new Vec3(x, y, z);
          chunk.setSkyLight(v, 15);
          chunk.setBiome(v, plains);
        }
      }
    }
    // Trees keep their leaves inside the chunk (trunks at 2..13) and away from the spawn column.
    for (let x = 2; x < 14; x += 3) {
      for (let z = 2; z < 14; z += 3) {
        const wx = chunkX * 16 + x;
        const wz = chunkZ * 16 + z;
        if (Math.abs(wx) <= clearRadius && Math.abs(wz) <= clearRadius) continue;
        if (hash(seed, wx, 7, wz) < treeChance * 9) placeTree(chunk, x, z, 4 + Math.floor(hash(seed, wx, 11, wz) * 2));
      }
    }
    return chunk;
  };
}

module.exports = generation;
module.exports.SURFACE_Y = SURFACE_Y;
