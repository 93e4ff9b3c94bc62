'use strict';
// Node's http module: the client (request, get) over the bridge's fetch; see http_client.js.
module.exports = require('internal:http_client')('http:');
