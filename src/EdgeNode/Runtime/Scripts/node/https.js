'use strict';
// Node's https module: the client (request, get) over the bridge's fetch; see http_client.js.
module.exports = require('internal:http_client')('https:');
