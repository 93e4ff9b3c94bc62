// node:timers — the same functions as the globals; they run inside the current invocation only.
'use strict';
const t = internals.timers();
module.exports = {
  setTimeout: t.setTimeout, clearTimeout: t.clearTimeout,
  setInterval: t.setInterval, clearInterval: t.clearInterval,
  setImmediate: t.setImmediate, clearImmediate: t.clearImmediate,
};
