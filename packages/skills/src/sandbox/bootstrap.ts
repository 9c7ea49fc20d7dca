/**
 * Trusted source run inside every fresh isolate before the skill's code. It receives the host
 * bridge as `$0`, the list of primitive names as `$1` and a numeric seed for `Math.random` as `$2`, keeps them in a closure (so the skill
 * cannot reach or replace them), builds a frozen `bot` object, freezes the intrinsics (so prototype
 * pollution throws instead of changing how the bridge behaves) and returns the function that starts
 * the skill. This text runs only inside the isolate, never in the host.
 */
export const BOOTSTRAP_SOURCE = `
'use strict';
const bridge = $0;
const primitives = JSON.parse($1);
const parse = JSON.parse;
const stringify = JSON.stringify;
const freeze = Object.freeze;
const PromiseCtor = Promise;
const toError = (message) => new Error(message);
const call = (name, args) =>
  bridge
    .apply(undefined, [name, stringify(args)], { arguments: { copy: true }, result: { promise: true, copy: true } })
    .then((text) => {
      const envelope = parse(text);
      if (envelope.error !== undefined) throw toError(envelope.error);
      return envelope.value;
    });
// Math.random is seeded (mulberry32) so a learned skill behaves the same on every replay.
let rngState = $2 >>> 0;
Math.random = function random() {
  rngState = (rngState + 0x6d2b79f5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const bot = Object.create(null);
for (const name of primitives) {
  bot[name] = freeze(function (...args) {
    return call(name, args.filter((a) => a !== undefined));
  });
}
bot.skill = freeze(function (name, params) {
  return call('skill', [name, params === undefined ? {} : params]);
});
bot.log = freeze(function (...parts) {
  return call('log', [parts.map((p) => (typeof p === 'string' ? p : stringify(p))).join(' ')]);
});
freeze(bot);
const consoleObject = freeze({ log: bot.log, info: bot.log, warn: bot.log, error: bot.log });
Object.defineProperty(globalThis, 'console', { value: consoleObject, writable: false, configurable: false });
Object.defineProperty(globalThis, 'bot', { value: bot, writable: false, configurable: false });
for (const name of Object.getOwnPropertyNames(globalThis)) {
  const value = globalThis[name];
  if ((typeof value === 'function' || (typeof value === 'object' && value !== null)) && value !== globalThis) {
    freeze(value);
    if (typeof value === 'function' && value.prototype) freeze(value.prototype);
  }
}
freeze(Object.getPrototypeOf(async function () {}));
freeze(Object.getPrototypeOf(function* () {}));
freeze(Object.getPrototypeOf(async function* () {}));
freeze(Object.getPrototypeOf([][Symbol.iterator]()));
return function start(fn, paramsText) {
  if (typeof fn !== 'function') return PromiseCtor.reject(toError('the skill code did not define the function it names'));
  return PromiseCtor.resolve()
    .then(() => fn(bot, parse(paramsText)))
    .then((value) => stringify(value === undefined ? null : value) ?? 'null');
};
`;
