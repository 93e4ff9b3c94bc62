// node:path — the npm package "path-browserify" (vendor/path-browserify): Node's own POSIX path
// module, ported. process.cwd() is /var/task, as in Lambda.
'use strict';
module.exports = require('vendor:path-browserify');
