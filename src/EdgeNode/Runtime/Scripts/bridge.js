// The bridge between the node and a function's code, evaluated once per isolate before any user
// code. It builds the Lambda@Edge event inside V8 from a few strings (building it here costs far
// less than marshalling an object graph across), runs the handler with callback and promise
// completion (first wins), captures console output, and hands back one JSON string.
// Nothing here is reachable from user code: the bridge lives in this closure and .NET holds the
// only references to the functions it returns.
(function (global) {
  'use strict';

  const MAX_LOG_CHARS = 256 * 1024;
  const modules = new Map();      // path -> {kind, value}
  const cache = new Map();        // path -> module
  let logs = [];
  let logChars = 0;
  let handler = null;
  let initError = null;
  let settings = null;

  // ---- console -------------------------------------------------------------------------------
  function inspect(value, seen) {
    if (typeof value === 'string') return JSON.stringify(value);
    if (value === undefined) return 'undefined';
    if (typeof value === 'function') return '[Function: ' + (value.name || 'anonymous') + ']';
    if (typeof value === 'bigint') return String(value) + 'n';
    if (typeof value === 'symbol') return value.toString();
    if (value instanceof Error) return value.stack || String(value);
    if (value === null || typeof value !== 'object') return String(value);
    try { return JSON.stringify(value); } catch (e) { return '[object]'; }
  }

  function format(args) {
    let out = '';
    let start = 0;
    if (typeof args[0] === 'string' && args[0].indexOf('%') >= 0 && args.length > 1) {
      let i = 1;
      out = args[0].replace(/%[sdifjoOc%]/g, (m) => {
        if (m === '%%') return '%';
        if (i >= args.length) return m;
        const a = args[i++];
        switch (m) {
          case '%s': return typeof a === 'string' ? a : inspect(a);
          case '%d': case '%i': return String(m === '%i' ? parseInt(a) : Number(a));
          case '%f': return String(parseFloat(a));
          case '%c': return '';
          default: return inspect(a);
        }
      });
      start = i;
    } else if (args.length > 0) {
      out = typeof args[0] === 'string' ? args[0] : inspect(args[0]);
      start = 1;
    }
    for (let i = start; i < args.length; i++) {
      out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
    }
    return out;
  }

  function log(level, args) {
    if (logChars > MAX_LOG_CHARS) return;
    let text = format(args);
    logChars += text.length;
    if (logChars > MAX_LOG_CHARS) text = text.slice(0, 1024) + ' ... [log output truncated: over ' + MAX_LOG_CHARS + ' characters in this invocation]';
    logs.push(new Date().toISOString() + '\t' + level + '\t' + text);
  }

  const consoleObject = {
    log: (...a) => log('INFO', a),
    info: (...a) => log('INFO', a),
    warn: (...a) => log('WARN', a),
    error: (...a) => log('ERROR', a),
    debug: (...a) => log('DEBUG', a),
    trace: (...a) => log('TRACE', a),
  };
  Object.defineProperty(global, 'console', { value: consoleObject, writable: true, configurable: true, enumerable: false });
  // ClearScript's own EngineInternal stays: it is frozen and non-configurable, and with no host
  // object ever given to the engine its helpers have nothing of .NET to reach.

  // ---- CommonJS modules ----------------------------------------------------------------------
  function notFound(spec) {
    const e = new Error("Cannot find module '" + spec + "'");
    e.code = 'MODULE_NOT_FOUND';
    return e;
  }

  function normalize(path) {
    const out = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') { if (out.length === 0) return null; out.pop(); } else out.push(part);
    }
    return out.join('/');
  }

  function resolveFile(path) {
    if (path === null) return null;
    for (const candidate of [path, path + '.js', path + '.json', path + '/index.js', path + '/index.json']) {
      if (modules.has(candidate)) return candidate;
    }
    const pkg = modules.get(path + '/package.json');
    if (pkg) {
      try {
        const main = JSON.parse(pkg.value).main;
        if (typeof main === 'string') return resolveFile(normalize(path + '/' + main));
      } catch (e) { /* a broken package.json resolves like a missing one */ }
    }
    return null;
  }

  function resolve(spec, dir) {
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      return resolveFile(normalize(dir + '/' + spec));
    }
    if (spec.startsWith('/')) return resolveFile(normalize(spec));
    let d = dir;
    for (;;) {
      const found = resolveFile(normalize((d ? d + '/' : '') + 'node_modules/' + spec));
      if (found !== null || d === '') return found;
      const slash = d.lastIndexOf('/');
      d = slash < 0 ? '' : d.slice(0, slash);
    }
  }

  function load(path) {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const entry = modules.get(path);
    const module = { id: path, filename: '/var/task/' + path, loaded: false, exports: {}, children: [] };
    cache.set(path, module);
    try {
      if (entry.kind === 'json') {
        module.exports = JSON.parse(entry.value);
      } else {
        const slash = path.lastIndexOf('/');
        const dir = slash < 0 ? '' : path.slice(0, slash);
        const req = makeRequire(dir);
        entry.value.call(module.exports, module.exports, req, module, module.filename, '/var/task' + (dir ? '/' + dir : ''));
      }
    } catch (e) {
      cache.delete(path);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  function makeRequire(dir) {
    const req = function require(spec) {
      if (typeof spec !== 'string') throw new TypeError('The "id" argument must be of type string');
      // Node's order: core modules win over files of the same name; "node:" names only core ones.
      if (spec.startsWith('node:')) {
        if (!BUILTINS.has(spec.slice(5))) throw notFound(spec);
        return builtin(spec.slice(5));
      }
      if (BUILTINS.has(spec)) return builtin(spec);
      const path = resolve(spec, dir);
      if (path === null) throw notFound(spec);
      return load(path);
    };
    req.resolve = (spec) => {
      if (BUILTINS.has(spec) || (spec.startsWith('node:') && BUILTINS.has(spec.slice(5)))) return spec;
      const p = resolve(spec, dir); if (p === null) throw notFound(spec); return '/var/task/' + p; };
    req.cache = {};
    return req;
  }

  // ---- built-in modules ----------------------------------------------------------------------
  // The node's few functions (crypto and randomness from .NET, and the sources of the built-in
  // modules), received once through installHost and held only by this closure. Every call goes
  // through a wrapper that passes strings in and out, so that nothing of .NET, not even an
  // exception, ever reaches a function.
  let host = null;
  // Taken now, before user code could replace the global eval.
  const indirectEval = global.eval;

  function hostCall(name, a, b, c) {
    let r;
    try {
      r = name === 'hash' ? host.Hash(a, b) : name === 'hmac' ? host.Hmac(a, b, c)
        : name === 'randomBytes' ? host.RandomBytes(a) : name === 'randomUUID' ? host.RandomUUID() : host.Source(a);
    } catch (e) {
      r = null;
    }
    return typeof r === 'string' ? '' + r : null;
  }

  const hostApi = Object.freeze({
    hash: (algorithm, base64) => hostCall('hash', algorithm, base64),
    hmac: (algorithm, keyBase64, dataBase64) => hostCall('hmac', algorithm, keyBase64, dataBase64),
    randomBytes: (count) => hostCall('randomBytes', count),
    randomUUID: () => hostCall('randomUUID'),
  });

  function installHost(h) {
    if (host === null) host = h;
  }

  // Modules a function may require by name (and as node:name). Their code is embedded in the node
  // and compiled in an isolate only when first required: an isolate that never needs them pays nothing.
  const BUILTINS = new Set(['buffer', 'crypto', 'events', 'path', 'querystring', 'string_decoder', 'timers', 'url', 'util']);
  // npm packages vendored under Scripts/vendor: what their own require() calls resolve to.
  const VENDOR = {
    'buffer': 'vendor/buffer/index.js', 'base64-js': 'vendor/base64-js/index.js', 'ieee754': 'vendor/ieee754/index.js',
    'events': 'vendor/events/events.js', 'path-browserify': 'vendor/path-browserify/index.js',
  };
  const internalModules = new Map();   // resource name -> module
  const processShim = Object.freeze({ cwd: () => '/var/task', env: Object.freeze({}), platform: 'linux', version: 'v20.0.0', versions: Object.freeze({ node: '20.0.0' }) });

  function loadInternal(resource) {
    const cached = internalModules.get(resource);
    if (cached) return cached.exports;
    const source = hostCall('source', resource);
    if (source === null) throw new Error('built-in module source missing: ' + resource);
    const module = { id: resource, exports: {}, loaded: false };
    internalModules.set(resource, module);
    try {
      const factory = indirectEval('(function (exports, require, module, __filename, __dirname, process, internals) {' + source + '\n})\n//# sourceURL=node:' + resource);
      const isVendor = resource.startsWith('vendor/');
      const req = (spec) => {
        if (isVendor && Object.prototype.hasOwnProperty.call(VENDOR, spec)) return loadInternal(VENDOR[spec]);
        if (spec.startsWith('vendor:')) return loadInternal(VENDOR[spec.slice(7)]);
        if (spec.startsWith('internal:')) return loadInternal('node/' + spec.slice(9) + '.js');
        if (BUILTINS.has(spec)) return builtin(spec);
        throw notFound(spec);
      };
      factory.call(module.exports, module.exports, req, module, 'node:' + resource, 'node:', processShim, internals);
    } catch (e) {
      internalModules.delete(resource);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  function builtin(name) {
    return loadInternal('node/' + name + '.js');
  }

  // What the built-in modules get from the bridge, and nothing user code can reach.
  const internals = Object.freeze({ host: hostApi, timers: () => timerFunctions });

  // ---- timers --------------------------------------------------------------------------------
  // Timers live inside one invocation: their callbacks run before its result is collected (the node
  // calls drain while one is pending, sleeping until the next is due, up to the function's timeout),
  // and the end of the invocation drops those still pending. Timers set outside an invocation (at
  // module load) never run.
  let timers = [];                // {id, due, seq, fn, args, repeat, cleared}
  let timerSeq = 0;
  let nextTimerId = 1;

  class Timeout {
    constructor(id) { this._id = id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    refresh() { const t = timers.find((x) => x.id === this._id); if (t) { t.due = Date.now() + t.delay; } return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }

  class Immediate {
    constructor(id) { this._id = id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
  }

  function addTimer(fn, delay, args, repeat, immediate) {
    if (typeof fn !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (fn === null ? 'null' : typeof fn));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    let ms = Number(delay);
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    if (immediate) ms = 0;
    const id = nextTimerId++;
    timers.push({ id: id, due: Date.now() + ms, delay: ms, seq: timerSeq++, fn: fn, args: args, repeat: repeat });
    return immediate ? new Immediate(id) : new Timeout(id);
  }

  function clearTimer(t) {
    if (t === null || t === undefined) return;
    const id = typeof t === 'object' ? t._id : Number(t);
    const i = timers.findIndex((x) => x.id === id);
    if (i >= 0) timers.splice(i, 1);
  }

  const timerFunctions = {
    setTimeout: function setTimeout(fn, delay, ...args) { return addTimer(fn, delay, args, false, false); },
    clearTimeout: function clearTimeout(t) { clearTimer(t); },
    setInterval: function setInterval(fn, delay, ...args) { return addTimer(fn, delay, args, true, false); },
    clearInterval: function clearInterval(t) { clearTimer(t); },
    setImmediate: function setImmediate(fn, ...args) { return addTimer(fn, 0, args, false, true); },
    clearImmediate: function clearImmediate(t) { clearTimer(t); },
  };

  // Runs at most one due timer (V8 runs the microtasks it queued when the call returns, as Node
  // does between timers). Returns the envelope once the invocation has settled, 0 to be called
  // again at once, or the milliseconds until the next timer is due.
  function drain() {
    const state = current;
    if (state.done || timers.length === 0) return collect();
    const now = Date.now();
    let next = 0;
    for (let i = 1; i < timers.length; i++) {
      const a = timers[i], b = timers[next];
      if (a.due < b.due || (a.due === b.due && a.seq < b.seq)) next = i;
    }
    const t = timers[next];
    if (t.due > now) return t.due - now;
    if (t.repeat) { t.due = now + t.delay; t.seq = timerSeq++; } else timers.splice(next, 1);
    try {
      t.fn.apply(undefined, t.args);
    } catch (e) {
      // An uncaught exception in a timer ends a Lambda invocation with that error.
      settle(state, e === undefined || e === null ? new Error('Timer callback threw ' + e) : e, undefined);
    }
    return 0;
  }

  // ---- globals -------------------------------------------------------------------------------
  function defineGlobal(name, value) {
    Object.defineProperty(global, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  // Node's globals that live in a built-in module load it on first use, then become plain values.
  function defineLazyGlobal(name, get) {
    Object.defineProperty(global, name, {
      get() { const v = get(); defineGlobal(name, v); return v; },
      set(v) { defineGlobal(name, v); },
      configurable: true, enumerable: false,
    });
  }

  for (const name of Object.keys(timerFunctions)) defineGlobal(name, timerFunctions[name]);
  defineGlobal('queueMicrotask', function queueMicrotask(fn) {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    Promise.resolve().then(() => fn());
  });
  defineGlobal('global', global);
  defineLazyGlobal('Buffer', () => builtin('buffer').Buffer);
  defineLazyGlobal('atob', () => builtin('buffer').atob);
  defineLazyGlobal('btoa', () => builtin('buffer').btoa);
  defineLazyGlobal('TextEncoder', () => builtin('util').TextEncoder);
  defineLazyGlobal('TextDecoder', () => builtin('util').TextDecoder);
  defineLazyGlobal('URL', () => builtin('url').URL);
  defineLazyGlobal('URLSearchParams', () => builtin('url').URLSearchParams);
  defineLazyGlobal('structuredClone', () => loadInternal('node/structured_clone.js').structuredClone);
  defineLazyGlobal('crypto', () => builtin('crypto').webcrypto);

  // ---- events --------------------------------------------------------------------------------
  function headers(flat) {
    const h = {};
    if (!flat) return h;
    const parts = flat.split('\0');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const key = parts[i];
      const name = key.toLowerCase();
      const entry = { key: key, value: parts[i + 1] };
      const list = h[name];
      if (list === undefined) h[name] = [entry]; else list.push(entry);
    }
    return h;
  }

  function errorInfo(err) {
    if (err instanceof Error) {
      return { errorType: err.name || 'Error', errorMessage: String(err.message), stack: String(err.stack || '').split('\n') };
    }
    if (typeof err === 'string') return { errorType: 'string', errorMessage: err, stack: [] };
    let message;
    try { message = JSON.stringify(err); } catch (e) { message = String(err); }
    return { errorType: typeof err, errorMessage: message, stack: [] };
  }

  function takeLogs() {
    if (logs.length === 0) return undefined;
    const l = logs;
    logs = [];
    logChars = 0;
    return l;
  }

  function envelope(state) {
    const l = takeLogs();
    if (state.error !== undefined && state.error !== null) return JSON.stringify({ e: errorInfo(state.error), l: l });
    const result = state.result === undefined ? null : state.result;
    try {
      const d = settings.fullResults ? null : delta(state, result);
      return JSON.stringify(d === null ? { r: result, l: l } : { d: d, l: l });
    } catch (e) {
      return JSON.stringify({ v: 'the function result cannot be serialized to JSON: ' + e.message, l: l });
    }
  }

  function titleCase(name) {
    return name.replace(/(^|-)([a-z])/g, (m, dash, c) => dash + c.toUpperCase());
  }

  // Headers in the node's flat form (key\0value\0...), or null when they are not the plain
  // {name: [{key, value}]} shape: then they travel as JSON and the node says precisely what is wrong.
  function flatten(h) {
    if (h === null || typeof h !== 'object' || Array.isArray(h)) return null;
    let out = '';
    for (const name of Object.keys(h)) {
      const list = h[name];
      if (!Array.isArray(list)) return null;
      for (let i = 0; i < list.length; i++) {
        const entry = list[i];
        if (entry === null || typeof entry !== 'object' || typeof entry.value !== 'string') return null;
        let key = entry.key;
        if (key === undefined || key === null) key = titleCase(name);
        else if (typeof key !== 'string' || key.toLowerCase() !== name.toLowerCase()) return null;
        if (key.indexOf('\0') >= 0 || entry.value.indexOf('\0') >= 0) return null;
        out += key + '\0' + entry.value + '\0';
      }
    }
    return out;
  }

  // What the function changed, and only that: the node reads an absent field as unchanged, so the
  // common "return the request with one header more" crosses back as a few bytes. Null means the
  // result travels whole (a generated response, or something that is not an object).
  function delta(state, r) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return null;
    const d = {};
    if (state.request) {
      if ('status' in r) return null;
      for (const k of Object.keys(r)) {
        const v = r[k];
        switch (k) {
          case 'headers': { const f = flatten(v); if (f === null) d.headers = v; else if (f !== state.headers) d.headers = f; break; }
          case 'uri': if (v !== state.uri) d.uri = v; break;
          case 'querystring': if (v !== state.querystring) d.querystring = v; break;
          case 'method': if (v !== state.method) d.method = v; break;
          case 'clientIp': if (v !== state.clientIp) d.clientIp = v; break;
          case 'body': if (state.body === null || JSON.stringify(v) !== state.body) d.body = v; break;
          case 'origin': if (state.origin === null || JSON.stringify(v) !== state.origin) d.origin = v; break;
          default: break;
        }
      }
    } else {
      for (const k of Object.keys(r)) {
        const v = r[k];
        switch (k) {
          case 'headers': { const f = flatten(v); if (f === null) d.headers = v; else if (f !== state.headers) d.headers = f; break; }
          case 'status': if (v === null || typeof v === 'object' || String(v) !== state.status) d.status = v; break;
          case 'statusDescription': if (v !== state.statusDescription) d.statusDescription = v; break;
          case 'body': case 'bodyEncoding': d[k] = v; break;
          default: break;
        }
      }
    }
    return d;
  }

  let current = null;

  function settle(state, error, result) {
    if (state.done) return;
    state.done = true;
    state.error = error;
    state.result = result;
  }

  // Lambda's context object. A class, so that its methods live once on the prototype instead of
  // being new closures on every invocation.
  // Symbol keys keep the internals out of JSON.stringify(context) and Object.keys(context).
  const DEADLINE = Symbol('deadline');
  const CALLBACK = Symbol('callback');

  class Context {
    constructor(requestId, remainingMs, callback) {
      this.callbackWaitsForEmptyEventLoop = true;
      this.functionName = settings.functionName;
      this.functionVersion = settings.functionVersion;
      this.invokedFunctionArn = settings.functionArn;
      this.memoryLimitInMB = settings.memoryLimitInMB;
      this.awsRequestId = requestId;
      this.logGroupName = settings.logGroupName;
      this.logStreamName = settings.logStreamName;
      this[DEADLINE] = Date.now() + remainingMs;
      this[CALLBACK] = callback;
    }
    getRemainingTimeInMillis() { return Math.max(0, this[DEADLINE] - Date.now()); }
    done(err, res) { this[CALLBACK](err, res); }
    succeed(res) { this[CALLBACK](null, res); }
    fail(err) { this[CALLBACK](err === undefined || err === null ? new Error('failed') : err); }
  }

  // The short fields arrive joined by NUL in one string (none can hold a NUL): one string crosses
  // into V8 for less than ten separate ones. Response fields are empty in request events.
  function invoke(fields, requestHeaders, bodyJson, originJson, responseHeaders, remainingMs) {
    const f = fields.split('\0');
    const eventType = f[0], requestId = f[1], distributionId = f[2], distributionDomainName = f[3], clientIp = f[4],
      method = f[5], uri = f[6], querystring = f[7];
    const isRequest = f[8] === '';
    const status = isRequest ? null : f[8];
    const statusDescription = isRequest ? null : f[9];
    const state = {
      done: false, error: undefined, result: undefined, promise: false, request: isRequest,
      uri: uri, querystring: querystring, method: method, clientIp: clientIp,
      headers: isRequest ? requestHeaders : responseHeaders, body: bodyJson == null ? null : bodyJson,
      origin: originJson == null ? null : originJson,
      status: status, statusDescription: statusDescription,
    };
    current = state;
    timers = [];
    if (initError !== null) {
      settle(state, initError, undefined);
      return envelope(state);
    }
    let request;
    if (bodyJson == null && originJson == null) {
      request = { clientIp: clientIp, headers: headers(requestHeaders), method: method, querystring: querystring, uri: uri };
    } else {
      request = {};
      if (bodyJson != null) request.body = JSON.parse(bodyJson);
      request.clientIp = clientIp;
      request.headers = headers(requestHeaders);
      request.method = method;
      if (originJson != null) request.origin = JSON.parse(originJson);
      request.querystring = querystring;
      request.uri = uri;
    }
    const cf = {
      config: { distributionDomainName: distributionDomainName, distributionId: distributionId, eventType: eventType, requestId: requestId },
      request: request,
    };
    if (status != null) {
      cf.response = { headers: headers(responseHeaders), status: status, statusDescription: statusDescription };
    }
    const event = { Records: [{ cf: cf }] };
    const callback = (err, res) => settle(state, err, res);
    try {
      const ret = handler(event, new Context(requestId, remainingMs, callback), callback);
      if (!state.done && ret !== null && typeof ret === 'object' && typeof ret.then === 'function') {
        state.promise = true;
        ret.then((v) => settle(state, null, v),
                 (e) => settle(state, e === undefined || e === null ? new Error('Promise rejected with ' + e) : e, undefined));
      }
    } catch (e) {
      settle(state, e === undefined || e === null ? new Error('Function threw ' + e) : e, undefined);
    }
    return state.done ? envelope(state) : 'P';
  }

  // Called once the invoke call has returned, so that V8 has run the microtasks that settle an
  // async handler's promise.
  function collect() {
    const state = current;
    timers = [];
    if (!state.done) {
      if (state.promise) {
        settle(state, new Error('The handler returned a promise that never settled: nothing was left for it to wait on'), undefined);
      } else {
        // Node's Lambda runtime ends a callback-style invocation with a null result once its
        // event loop is empty and the callback was never called.
        settle(state, null, null);
      }
    }
    return envelope(state);
  }

  function define(path, kind, value) {
    modules.set(path, { kind: kind, value: value });
  }

  function init(settingsJson, handlerModule, handlerExport) {
    settings = JSON.parse(settingsJson);
    try {
      const path = resolveFile(normalize(handlerModule));
      if (path === null) {
        const e = new Error("Cannot find module '" + handlerModule + "'");
        e.name = 'Runtime.ImportModuleError';
        throw e;
      }
      const exported = load(path);
      const fn = exported == null ? undefined : exported[handlerExport];
      if (typeof fn !== 'function') {
        const e = new Error(settings.handler + ' is undefined or not exported');
        e.name = 'Runtime.HandlerNotFound';
        throw e;
      }
      handler = fn;
    } catch (e) {
      initError = e;
    }
    const l = takeLogs();
    return JSON.stringify({ e: initError === null ? undefined : errorInfo(initError), l: l });
  }

  return { define: define, init: init, invoke: invoke, collect: collect, drain: drain, installHost: installHost };
})(globalThis)
