// node:events — the npm package "events" (vendor/events): Node's EventEmitter, ported.
'use strict';
module.exports = require('vendor:events');
