'use strict';
// TEST SERVER ONLY — server-assisted crafting and smelting.
//
// flying-squid 1.12 does not implement crafting windows or furnaces: `bot.craft` times out and the
// client and server inventories disagree. So that a full agent can climb the tech tree in demos,
// this plugin adds two commands that check the same rules on the server and edit the inventory:
//   /sidcraft <item> <crafts>          — recipe from minecraft-data; 3x3 recipes need a crafting_table within 4.5 blocks
//   /sidsmelt <item> <count> [fuel]    — needs a furnace within 4.5 blocks and fuel
// Each replies with one line `[sid] ok <what>` or `[sid] fail <code> <message>`. The mineflayer
// adapter uses them only when its config says the server is this embedded test server.
const { addItems } = require('./give-count.cjs');

const REACH = 4.5;

/** Smelting inputs and outputs the demo needs (flying-squid has no furnace logic at all). */
const SMELTING = {
  iron_ingot: ['raw_iron', 'iron_ore'],
  gold_ingot: ['raw_gold', 'gold_ore'],
  copper_ingot: ['raw_copper', 'copper_ore'],
  stone: ['cobblestone'],
  glass: ['sand'],
  charcoal: ['oak_log', 'birch_log', 'spruce_log', 'jungle_log', 'acacia_log', 'dark_oak_log'],
  cooked_beef: ['beef'],
  cooked_porkchop: ['porkchop'],
  cooked_chicken: ['chicken'],
  cooked_mutton: ['mutton'],
};
/** Items smelted per fuel item. */
const FUEL = { coal: 8, charcoal: 8, oak_log: 1.5, oak_planks: 1.5, stick: 0.5 };

function countOf(player, id) {
  let n = 0;
  for (const s of player.inventory.slots) if (s && s.type === id) n += s.count;
  return n;
}

function take(player, id, count, Item) {
  const inv = player.inventory;
  let left = count;
  for (let slot = inv.inventoryStart; slot < inv.inventoryEnd && left > 0; slot++) {
    const s = inv.slots[slot];
    if (!s || s.type !== id) continue;
    const n = Math.min(left, s.count);
    inv.updateSlot(slot, s.count - n > 0 ? new Item(id, s.count - n) : undefined);
    left -= n;
  }
}

function blockNear(serv, player, name) {
  const id = serv.registry.blocksByName[name].id;
  const p = player.position.floored();
  const r = Math.ceil(REACH);
  const tasks = [];
  for (let dx = -r; dx <= r; dx++) {
    for (let dy = -r; dy <= r + 2; dy++) {
      for (let dz = -r; dz <= r; dz++) {
        const at = p.offset(dx, dy, dz);
        if (at.offset(0.5, 0.5, 0.5).distanceTo(player.position.offset(0, 1.62, 0)) > REACH) continue;
        tasks.push(player.world.getBlockType(at).then((t) => t === id));
      }
    }
  }
  return Promise.all(tasks).then((found) => found.some(Boolean));
}

/** Ingredient counts of one recipe variant: id → count. */
function needsOf(recipe) {
  const need = new Map();
  const cells = recipe.inShape ? recipe.inShape.flat() : recipe.ingredients;
  for (const c of cells) {
    if (c === null || c === undefined) continue;
    const id = typeof c === 'object' ? c.id : c;
    if (id < 0) continue;
    need.set(id, (need.get(id) ?? 0) + 1);
  }
  return need;
}

function isBig(recipe) {
  return recipe.inShape
    ? recipe.inShape.length > 2 || recipe.inShape.some((row) => row.length > 2)
    : recipe.ingredients.length > 4;
}

module.exports.server = function assistedCrafting(serv) {
  serv.on('pluginsReady', () => {
    const Item = require('prismarine-item')(serv.registry);
    const reply = (player, line) => player.system(`[sid] ${line}`);
    const name = (id) => serv.registry.items[id].name;

    serv.commands.add({
      base: 'sidcraft',
      info: 'TEST SERVER ONLY: server-assisted crafting',
      usage: '/sidcraft <item> <crafts>',
      onlyPlayer: true,
      parse(str) {
        const m = /^(\S+) (\d+)$/.exec(str);
        return m ? { item: m[1], crafts: Number(m[2]) } : false;
      },
      async action({ item, crafts }, { player }) {
        const data = serv.registry.itemsByName[item];
        const recipes = data ? serv.registry.recipes[data.id] : undefined;
        if (!recipes || recipes.length === 0) return reply(player, `fail no_recipe no recipe makes ${item}`);
        let best = null;
        for (const recipe of recipes) {
          const need = needsOf(recipe);
          const missing = [...need].filter(([id, n]) => countOf(player, id) < n * crafts);
          if (!best || missing.length < best.missing.length) best = { recipe, need, missing };
          if (missing.length === 0) break;
        }
        if (best.missing.length > 0) {
          const [id, n] = best.missing[0];
          return reply(player, `fail missing_items ${name(id)} ${n * crafts} ${countOf(player, id)}`);
        }
        if (isBig(best.recipe) && !(await blockNear(serv, player, 'crafting_table'))) {
          return reply(player, `fail needs_crafting_table ${item} needs a crafting_table within ${REACH} blocks`);
        }
        for (const [id, n] of best.need) take(player, id, n * crafts, Item);
        const made = best.recipe.result.count * crafts;
        const left = addItems(player, data, made, Item);
        return reply(player, left > 0 ? `fail inventory_full ${left} ${item} did not fit` : `ok ${item} ${made}`);
      },
    });

    serv.commands.add({
      base: 'sidsmelt',
      info: 'TEST SERVER ONLY: server-assisted smelting',
      usage: '/sidsmelt <output> <count> [fuel]',
      onlyPlayer: true,
      parse(str) {
        const m = /^(\S+) (\d+)(?: (\S+))?$/.exec(str);
        return m ? { item: m[1], count: Number(m[2]), fuel: m[3] } : false;
      },
      async action({ item, count, fuel }, { player }) {
        const inputs = SMELTING[item];
        if (!inputs) return reply(player, `fail no_recipe nothing smelts into ${item}`);
        if (!(await blockNear(serv, player, 'furnace')))
          return reply(player, 'fail needs_furnace no furnace within reach');
        const input = inputs.map((n) => serv.registry.itemsByName[n]).find((d) => d && countOf(player, d.id) >= count);
        if (!input) return reply(player, `fail missing_items ${inputs[0]} ${count} 0`);
        const fuelName = fuel ?? Object.keys(FUEL).find((f) => countOf(player, serv.registry.itemsByName[f].id) > 0);
        const fuelData = fuelName ? serv.registry.itemsByName[fuelName] : undefined;
        const perFuel = fuelName ? FUEL[fuelName] : undefined;
        if (!fuelData || !perFuel) return reply(player, 'fail missing_items coal 1 0');
        const fuelNeeded = Math.ceil(count / perFuel);
        if (countOf(player, fuelData.id) < fuelNeeded) {
          return reply(player, `fail missing_items ${fuelName} ${fuelNeeded} ${countOf(player, fuelData.id)}`);
        }
        take(player, input.id, count, Item);
        take(player, fuelData.id, fuelNeeded, Item);
        const left = addItems(player, serv.registry.itemsByName[item], count, Item);
        return reply(player, left > 0 ? `fail inventory_full ${left} ${item} did not fit` : `ok ${item} ${count}`);
      },
    });
  });
};
