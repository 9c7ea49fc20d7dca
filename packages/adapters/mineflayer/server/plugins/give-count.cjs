'use strict';
// flying-squid's `/give` keeps the count as a string, so stacks become "1" + "5" = "15". This
// replacement parses the count as a number and fills stacks up to the item's stack size.
module.exports.server = function giveCount(serv) {
  serv.on('pluginsReady', () => {
    const Item = require('prismarine-item')(serv.registry);
    serv.commands.add({
      base: 'give',
      info: 'Gives an item to a player.',
      usage: '/give <player> <item> [count]',
      op: true,
      parse(str) {
        const m = /^(\S+) (?:minecraft:)?(\S+)(?: (\d+))?$/.exec(str);
        return m ? { target: m[1], item: m[2], count: m[3] ? Number(m[3]) : 1 } : false;
      },
      action({ target, item, count }) {
        const to = serv.players.find((p) => p.username === target);
        if (!to) return `No player called ${target}`;
        const data = serv.registry.itemsByName[item];
        if (!data) return `Unknown item '${item}'`;
        const left = addItems(to, data, count, Item);
        return left > 0 ? `Inventory full: ${left} ${item} not given` : undefined;
      },
    });
  });
};

/**
 * Slots to fill, hotbar first: an item in the hotbar is held by selecting its slot, while moving one
 * from the main inventory takes window clicks that flying-squid does not mirror correctly.
 */
function slotOrder(inv) {
  const slots = [];
  for (let s = inv.hotbarStart; s < inv.inventoryEnd; s++) slots.push(s);
  for (let s = inv.inventoryStart; s < inv.hotbarStart; s++) slots.push(s);
  return slots;
}

/** Adds items to a player's inventory, topping up stacks first; returns what did not fit. */
function addItems(player, data, count, Item) {
  const inv = player.inventory;
  let left = count;
  for (const slot of slotOrder(inv)) {
    if (left <= 0) break;
    const s = inv.slots[slot];
    if (!s || s.type !== data.id || s.count >= data.stackSize) continue;
    const n = Math.min(left, data.stackSize - s.count);
    inv.updateSlot(slot, new Item(data.id, s.count + n));
    left -= n;
  }
  for (const slot of slotOrder(inv)) {
    if (left <= 0) break;
    if (inv.slots[slot]) continue;
    const n = Math.min(left, data.stackSize);
    inv.updateSlot(slot, new Item(data.id, n));
    left -= n;
  }
  return left;
}

module.exports.addItems = addItems;
