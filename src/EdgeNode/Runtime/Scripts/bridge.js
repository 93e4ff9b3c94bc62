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
      if (spec === 'cloudfront' && settings !== null && settings.cff === '2.0') return cloudfrontModule();
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
  const BUILTINS = new Set(['buffer', 'crypto', 'events', 'http', 'https', 'path', 'querystring', 'string_decoder', 'timers', 'url', 'util']);
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
  const internals = Object.freeze({ host: hostApi, timers: () => timerFunctions, fetch: (input, init) => fetchImpl(input, init), uncaught: (e) => uncaught(e) });

  // An exception nothing can catch (an 'error' event without a listener…) ends the invocation with it.
  function uncaught(e) {
    if (current !== null) settle(current, e === undefined || e === null ? new Error('Uncaught ' + e) : e, undefined);
  }

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
    if (state.done || (timers.length === 0 && ioQueue.length === 0)) return collect();
    const now = Date.now();
    let next = -1;
    for (let i = 0; i < timers.length; i++) {
      const a = timers[i], b = next < 0 ? null : timers[next];
      if (b === null || a.due < b.due || (a.due === b.due && a.seq < b.seq)) next = i;
    }
    const t = next < 0 ? null : timers[next];
    if (t === null || t.due > now) {
      // Nothing due: the queued requests go to the node, which performs them and calls ioDone.
      if (ioQueue.length > 0) {
        const batch = ioQueue;
        ioQueue = [];
        return IO_PREFIX + JSON.stringify(batch);
      }
      return t.due - now;
    }
    if (t.repeat) { t.due = now + t.delay; t.seq = timerSeq++; } else timers.splice(next, 1);
    try {
      t.fn.apply(undefined, t.args);
    } catch (e) {
      // An uncaught exception in a timer ends a Lambda invocation with that error.
      settle(state, e === undefined || e === null ? new Error('Timer callback threw ' + e) : e, undefined);
    }
    return 0;
  }

  // ---- fetch ---------------------------------------------------------------------------------
  // fetch queues its request and returns a promise; drain hands the queue to the node, which
  // performs the requests (only to the function's allowedHosts, within its timeout) and passes each
  // result to ioDone, which settles the promise. Only strings cross in either direction.
  const IO_PREFIX = '\u0001IO';
  const MAX_FETCH_BODY = 1024 * 1024;
  let ioQueue = [];               // requests not yet handed to the node
  let ioWaiting = new Map();      // id -> {resolve, reject, url}
  let nextIoId = 1;

  function hostAllowed(url) {
    const list = settings !== null && Array.isArray(settings.allowedHosts) ? settings.allowedHosts : [];
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = url.port !== '' ? Number(url.port) : (url.protocol === 'https:' ? 443 : 80);
    for (const raw of list) {
      const entry = String(raw).trim().toLowerCase();
      const colon = entry.lastIndexOf(':');
      const portForm = entry.startsWith('[') ? colon > entry.indexOf(']') : colon > 0 && entry.indexOf(':') === colon;
      let h = entry, p = null;
      if (portForm && /^[0-9]+$/.test(entry.slice(colon + 1))) { h = entry.slice(0, colon); p = Number(entry.slice(colon + 1)); }
      h = h.replace(/^\[|\]$/g, '');
      if (h === host && (p === null || p === port)) return true;
    }
    return false;
  }

  function toBase64Body(body) {
    if (body === undefined || body === null) return null;
    const B = builtin('buffer').Buffer;
    if (typeof body === 'string') return B.from(body, 'utf8').toString('base64');
    if (body instanceof ArrayBuffer) return B.from(new Uint8Array(body)).toString('base64');
    if (ArrayBuffer.isView(body)) return B.from(body.buffer, body.byteOffset, body.byteLength).toString('base64');
    return B.from(String(body), 'utf8').toString('base64');
  }

  function headerPairs(h) {
    const out = [];
    if (h === undefined || h === null) return out;
    if (Array.isArray(h)) { for (const pair of h) out.push([String(pair[0]), String(pair[1])]); return out; }
    if (typeof h.forEach === 'function' && typeof h.get === 'function') { h.forEach((v, k) => out.push([String(k), String(v)])); return out; }
    for (const k of Object.keys(h)) {
      const v = h[k];
      if (Array.isArray(v)) for (const x of v) out.push([k, String(x)]); else if (v !== undefined) out.push([k, String(v)]);
    }
    return out;
  }

  class FetchHeaders {
    constructor(pairs) { this._list = pairs.map((p) => [String(p[0]).toLowerCase(), String(p[1])]); }
    get(name) {
      const n = String(name).toLowerCase();
      const v = this._list.filter((p) => p[0] === n).map((p) => p[1]);
      return v.length === 0 ? null : v.join(', ');
    }
    has(name) { const n = String(name).toLowerCase(); return this._list.some((p) => p[0] === n); }
    getSetCookie() { return this._list.filter((p) => p[0] === 'set-cookie').map((p) => p[1]); }
    forEach(fn, thisArg) { for (const [k] of this._merged()) fn.call(thisArg, this.get(k), k, this); }
    _merged() { const seen = new Map(); for (const [k] of this._list) if (!seen.has(k)) seen.set(k, true); return [...seen.keys()].sort().map((k) => [k]); }
    *entries() { for (const [k] of this._merged()) yield [k, this.get(k)]; }
    *keys() { for (const [k] of this._merged()) yield k; }
    *values() { for (const [k] of this._merged()) yield this.get(k); }
    [Symbol.iterator]() { return this.entries(); }
  }

  class FetchResponse {
    constructor(r) {
      this.status = r.status;
      this.statusText = r.statusText;
      this.ok = r.status >= 200 && r.status < 300;
      this.url = r.url;
      this.redirected = !!r.redirected;
      this.type = 'basic';
      this.headers = new FetchHeaders(r.headers || []);
      this._body = r.bodyBase64 || '';
      this.bodyUsed = false;
    }
    _take() {
      if (this.bodyUsed) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
      this.bodyUsed = true;
      return Promise.resolve(builtin('buffer').Buffer.from(this._body, 'base64'));
    }
    arrayBuffer() { return this._take().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); }
    text() { return this._take().then((b) => b.toString('utf8')); }
    json() { return this.text().then((t) => JSON.parse(t)); }
    clone() { const c = Object.create(FetchResponse.prototype); Object.assign(c, this); return c; }
  }

  function fetchImpl(input, init) {
    return new Promise((resolve, reject) => {
      const state = current;
      if (state === null) throw new TypeError('fetch can only be used while the function handles an event');
      if (state.eventType !== 'origin-request' && state.eventType !== 'origin-response') {
        throw new TypeError('fetch is available in origin-request and origin-response functions only (this is a ' + state.eventType + ' function)');
      }
      const opts = init === undefined || init === null ? {} : init;
      const href = input !== null && typeof input === 'object' && typeof input.url === 'string' ? input.url
        : input !== null && typeof input === 'object' && typeof input.href === 'string' ? input.href : String(input);
      let url;
      try { url = new (builtin('url').URL)(href); } catch (e) { throw new TypeError('Failed to parse URL from ' + href); }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('fetch supports only http: and https: URLs, not ' + url.protocol);
      if (!hostAllowed(url)) {
        throw new TypeError("fetch to host '" + url.host + "' is not allowed: add it to \"allowedHosts\" in the function's settings (function.json, or its entry in edge.json functions)");
      }
      const method = String(opts.method || (input !== null && typeof input === 'object' && input.method) || 'GET').toUpperCase();
      if ((method === 'GET' || method === 'HEAD') && opts.body !== undefined && opts.body !== null) throw new TypeError('Request with GET/HEAD method cannot have body.');
      const redirect = opts.redirect === undefined ? 'follow' : String(opts.redirect);
      const id = nextIoId++;
      ioQueue.push({ id: id, url: url.href, method: method, headers: headerPairs(opts.headers), body: toBase64Body(opts.body), redirect: redirect });
      ioWaiting.set(id, { resolve: resolve, reject: reject, state: state });
    });
  }

  function ioDone(id, resultJson) {
    const w = ioWaiting.get(id);
    if (w === undefined || w.state !== current) return;
    ioWaiting.delete(id);
    let r;
    try { r = JSON.parse(resultJson); } catch (e) { r = { error: 'fetch failed: bad result' }; }
    if (typeof r.error === 'string') w.reject(new TypeError(r.error));
    else if (r.bodyBase64 && r.bodyBase64.length * 3 / 4 > MAX_FETCH_BODY + 2) w.reject(new TypeError('fetch failed: the response body is over the 1 MB limit'));
    else w.resolve(new FetchResponse(r));
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
  defineGlobal('fetch', function fetch(input, init) { return fetchImpl(input, init); });
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
    let result = state.result === undefined ? null : state.result;
    try {
      if (settings.cff) result = fromCff(state, result);
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
          case 'cfOrigin': d.cfOrigin = v; break;
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

  // ---- CloudFront Functions (runtimes cloudfront-js-1.0 and 2.0) -----------------------------
  // The event is built from the same strings as Lambda@Edge's; the result is turned back into the
  // Lambda@Edge form the node applies, so both styles share the node's validation.
  function addMulti(obj, name, entry) {
    const seen = obj[name];
    if (seen === undefined) { obj[name] = entry; return; }
    if (seen.multiValue === undefined) {
      const first = {};
      for (const k of Object.keys(seen)) first[k] = seen[k];
      seen.multiValue = [first];
    }
    seen.multiValue.push(entry);
  }

  function parseCookies(header, cookies) {
    for (const part of header.split(';')) {
      const p = part.trim();
      if (p === '') continue;
      const eq = p.indexOf('=');
      addMulti(cookies, eq < 0 ? p : p.slice(0, eq), { value: eq < 0 ? '' : p.slice(eq + 1) });
    }
  }

  function parseSetCookie(header, cookies) {
    const semi = header.indexOf(';');
    const pair = semi < 0 ? header : header.slice(0, semi);
    const eq = pair.indexOf('=');
    const entry = { value: eq < 0 ? '' : pair.slice(eq + 1).trim() };
    if (semi >= 0) entry.attributes = header.slice(semi + 1).trim();
    addMulti(cookies, (eq < 0 ? pair : pair.slice(0, eq)).trim(), entry);
  }

  function cffHeaders(flat, cookieHeader, keys) {
    const h = {}, cookies = {};
    if (flat) {
      const parts = flat.split('\0');
      for (let i = 0; i + 1 < parts.length; i += 2) {
        const name = parts[i].toLowerCase();
        if (keys[name] === undefined) keys[name] = parts[i];
        if (name === cookieHeader) {
          if (cookieHeader === 'cookie') parseCookies(parts[i + 1], cookies); else parseSetCookie(parts[i + 1], cookies);
        } else {
          addMulti(h, name, { value: parts[i + 1] });
        }
      }
    }
    return { headers: h, cookies: cookies };
  }

  function parseQuery(qs) {
    const q = {};
    if (!qs) return q;
    for (const part of qs.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      addMulti(q, eq < 0 ? part : part.slice(0, eq), { value: eq < 0 ? '' : part.slice(eq + 1) });
    }
    return q;
  }

  function values(entry) {
    if (entry === null || typeof entry !== 'object') return [entry];
    return Array.isArray(entry.multiValue) ? entry.multiValue : [entry];
  }

  function cffEvent(state, eventType, requestId, distributionId, distributionDomainName, requestHeaders, responseHeaders) {
    const keys = {};
    const req = cffHeaders(requestHeaders, 'cookie', keys);
    const query = parseQuery(state.querystring);
    const request = { method: state.method, uri: state.uri, querystring: query, headers: req.headers, cookies: req.cookies };
    const cff = { keys: keys, request: request };
    const event = {
      version: '1.0',
      context: { distributionDomainName: distributionDomainName, distributionId: distributionId, eventType: eventType, requestId: requestId },
      viewer: { ip: state.clientIp },
      request: request,
    };
    if (state.request) {
      cff.headers = JSON.stringify(req.headers); cff.cookies = JSON.stringify(req.cookies); cff.query = JSON.stringify(query);
    } else {
      const resp = cffHeaders(responseHeaders, 'set-cookie', keys);
      event.response = { statusCode: Number(state.status), statusDescription: state.statusDescription, headers: resp.headers, cookies: resp.cookies };
      cff.headers = JSON.stringify(resp.headers); cff.cookies = JSON.stringify(resp.cookies);
    }
    state.cff = cff;
    state.cffOrigin = undefined;
    return event;
  }

  // CloudFront Functions headers {name: {value, multiValue}} plus cookies, as Lambda@Edge's {name: [{key, value}]}.
  function toLambdaHeaders(state, h, cookies, setCookie) {
    const out = {};
    if (h !== null && typeof h === 'object' && !Array.isArray(h)) {
      for (const name of Object.keys(h)) {
        const lower = name.toLowerCase();
        const key = state.cff.keys[lower] || titleCase(lower);
        out[lower] = values(h[name]).map((v) => ({ key: key, value: v !== null && typeof v === 'object' ? v.value : v }));
      }
    } else if (h !== undefined) {
      return h;
    }
    if (cookies !== null && typeof cookies === 'object') {
      const list = [];
      for (const name of Object.keys(cookies)) {
        for (const v of values(cookies[name])) {
          const value = v !== null && typeof v === 'object' ? v.value : v;
          if (setCookie) {
            const attrs = v !== null && typeof v === 'object' && v.attributes ? '; ' + v.attributes : '';
            list.push({ key: state.cff.keys['set-cookie'] || 'Set-Cookie', value: name + '=' + value + attrs });
          } else {
            list.push(name + '=' + value);
          }
        }
      }
      if (setCookie) { if (list.length > 0) out['set-cookie'] = list; } else if (list.length > 0) {
        out.cookie = [{ key: state.cff.keys.cookie || 'Cookie', value: list.join('; ') }];
      }
    }
    return out;
  }

  function headersChanged(state, r) {
    return JSON.stringify(r.headers) !== state.cff.headers || JSON.stringify(r.cookies) !== state.cff.cookies;
  }

  function status(code) {
    return typeof code === 'number' && Number.isInteger(code) ? String(code) : code;
  }

  function fromCff(state, r) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return r;
    // edge test (full results) prints what the function returned, in its own shape.
    const out = settings.fullResults ? { cffResult: r } : {};
    if (state.request && !('statusCode' in r)) {
      for (const k of ['method', 'uri']) if (k in r) out[k] = r[k];
      if ('querystring' in r) {
        const q = r.querystring;
        if (typeof q === 'string') out.querystring = q.charAt(0) === '?' ? q.slice(1) : q;
        else if (q !== null && typeof q === 'object' && !Array.isArray(q)) {
          if (JSON.stringify(q) === state.cff.query) out.querystring = state.querystring;
          else {
            const parts = [];
            for (const name of Object.keys(q)) for (const v of values(q[name])) {
              const value = v !== null && typeof v === 'object' ? v.value : v;
              parts.push(value === '' || value === undefined ? name : name + '=' + value);
            }
            out.querystring = parts.join('&');
          }
        } else out.querystring = q;
      }
      if (headersChanged(state, r)) out.headers = toLambdaHeaders(state, r.headers, r.cookies, false);
      if (state.cffOrigin !== undefined) out.cfOrigin = state.cffOrigin;
      return out;
    }
    // A response: generated by a viewer-request function, or the viewer-response one's.
    if (state.request || 'statusCode' in r) out.status = status(r.statusCode);
    if ('statusDescription' in r) out.statusDescription = r.statusDescription;
    if (state.request || headersChanged(state, r)) out.headers = toLambdaHeaders(state, r.headers === undefined ? {} : r.headers, r.cookies, true);
    if (state.request && r.body !== undefined) {
      if (r.body !== null && typeof r.body === 'object') {
        out.body = r.body.data;
        out.bodyEncoding = r.body.encoding === 'base64' ? 'base64' : 'text';
      } else out.body = r.body;
    }
    return out;
  }

  // The cloudfront module (2.0): key-value stores and origin helpers.
  let cloudfront = null;
  function cloudfrontModule() {
    if (cloudfront !== null) return cloudfront;
    const stores = settings.kvs || {};
    function originChange(change) {
      if (current === null || !current.request) throw new Error('origin helpers can only be used in viewer-request functions');
      const prev = current.cffOrigin;
      if (change.op === 'update' && prev !== undefined) {
        const merged = { op: prev.op, id: prev.id, originIds: prev.originIds, failoverCriteria: prev.failoverCriteria, params: {} };
        Object.assign(merged.params, prev.params || {}, change.params);
        current.cffOrigin = merged;
      } else {
        current.cffOrigin = change;
      }
    }
    class KeyValueStore {
      constructor(id) { this._id = id; }
      get(key, options) {
        const store = stores[this._id].data;
        const format = options && options.format !== undefined ? options.format : 'string';
        return new Promise((resolve) => {
          if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(store, key)) throw new Error('Key ' + key + ' not found');
          const v = store[key];
          if (format === 'string') resolve(v);
          else if (format === 'json') resolve(JSON.parse(v));
          else if (format === 'bytes') resolve(builtin('buffer').Buffer.from(v, 'utf8'));
          else throw new TypeError("format must be one of 'string', 'json' or 'bytes'");
        });
      }
      exists(key) {
        const store = stores[this._id].data;
        return Promise.resolve(typeof key === 'string' && Object.prototype.hasOwnProperty.call(store, key));
      }
      meta() {
        const m = stores[this._id].meta;
        return Promise.resolve({ creationDateTime: m.creationDateTime, lastUpdatedDateTime: m.lastUpdatedDateTime, keyCount: m.keyCount });
      }
    }
    cloudfront = Object.freeze({
      kvs: function kvs(id) {
        const ids = Object.keys(stores);
        if (id === undefined) {
          if (ids.length !== 1) throw new Error(ids.length === 0 ? 'no key value store is associated with this function'
            : 'more than one key value store is associated with this function: give its id');
          id = ids[0];
        }
        if (!Object.prototype.hasOwnProperty.call(stores, id)) throw new Error("key value store '" + id + "' is not associated with this function");
        return new KeyValueStore(id);
      },
      updateRequestOrigin: function updateRequestOrigin(params) {
        if (params === null || typeof params !== 'object') throw new TypeError('updateRequestOrigin takes an object');
        originChange({ op: 'update', params: JSON.parse(JSON.stringify(params)) });
      },
      selectRequestOriginById: function selectRequestOriginById(id, params) {
        if (typeof id !== 'string') throw new TypeError('selectRequestOriginById takes an origin id');
        const change = { op: 'select', id: id };
        if (params !== undefined) change.params = JSON.parse(JSON.stringify(params));
        originChange(change);
      },
      createRequestOriginGroup: function createRequestOriginGroup(params) {
        if (params === null || typeof params !== 'object' || !Array.isArray(params.originIds) || params.originIds.length < 1) {
          throw new TypeError('createRequestOriginGroup takes {originIds: [...], failoverCriteria: {statusCodes: [...]}}');
        }
        originChange({ op: 'group', originIds: params.originIds.map(String),
          failoverCriteria: params.failoverCriteria === undefined ? null : JSON.parse(JSON.stringify(params.failoverCriteria)) });
      },
    });
    return cloudfront;
  }

  // cloudfront-js-1.0's byte strings (a char per byte), which 2.0 replaced with Buffer.
  function installByteStrings() {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const toUtf8 = (s) => unescape(encodeURIComponent(s));
    const fromUtf8 = (s) => decodeURIComponent(escape(s));
    function fromBase64(s) {
      const clean = s.replace(/-/g, '+').replace(/_/g, '/').replace(/[=\s]/g, '');
      let out = '', bits = 0, acc = 0;
      for (let i = 0; i < clean.length; i++) {
        const v = B64.indexOf(clean.charAt(i));
        if (v < 0) return null;
        acc = (acc << 6) | v; bits += 6;
        if (bits >= 8) { bits -= 8; out += String.fromCharCode((acc >> bits) & 255); }
      }
      return out;
    }
    function define(target, name, fn) {
      Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
    }
    define(String, 'bytesFrom', function bytesFrom(data, encoding) {
      if (Array.isArray(data)) return data.map((b) => String.fromCharCode(b & 255)).join('');
      const s = String(data);
      if (encoding === 'hex') {
        let out = '';
        for (let i = 0; i + 1 < s.length; i += 2) out += String.fromCharCode(parseInt(s.substr(i, 2), 16));
        return out;
      }
      if (encoding === 'base64' || encoding === 'base64url') return fromBase64(s);
      return toUtf8(s);
    });
    const slice = (s, start, end) => s.slice(start === undefined ? 0 : start, end === undefined ? s.length : end);
    define(String.prototype, 'toUTF8', function toUTF8(start, end) { return toUtf8(slice(String(this), start, end)); });
    define(String.prototype, 'fromUTF8', function fromUTF8(start, end) {
      try { return fromUtf8(slice(String(this), start, end)); } catch (e) { return null; }
    });
    define(String.prototype, 'toBytes', function toBytes(start, end) {
      const s = slice(String(this), start, end);
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) return null;
      return s;
    });
    define(String.prototype, 'fromBytes', function fromBytes(start, end) { return slice(String(this), start, end); });
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
  // Everything an invocation needs crosses as one string (each argument crossing into the engine
  // costs): sections joined by U+0001, which neither header values nor JSON text can hold raw.
  function invoke(packed) {
    const p = packed.split('\u0001');
    return invokeFields(p[0], p[1], p[3] === '' ? null : p[3], p[4] === '' ? null : p[4], p[2], +p[5]);
  }

  function invokeFields(fields, requestHeaders, bodyJson, originJson, responseHeaders, remainingMs) {
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
    ioQueue = [];
    ioWaiting = new Map();
    state.eventType = eventType;
    if (initError !== null) {
      settle(state, initError, undefined);
      return envelope(state);
    }
    if (settings.cff) {
      const event = cffEvent(state, eventType, requestId, distributionId, distributionDomainName, requestHeaders, responseHeaders);
      return run(state, () => handler(event), true);
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
    return run(state, () => handler(event, new Context(requestId, remainingMs, callback), callback));
  }

  // returns: a CloudFront Function, whose return value (or promise) is its result.
  function run(state, call, returns) {
    try {
      const ret = call();
      if (!state.done && ret !== null && typeof ret === 'object' && typeof ret.then === 'function') {
        state.promise = true;
        ret.then((v) => settle(state, null, v),
                 (e) => settle(state, e === undefined || e === null ? new Error('Promise rejected with ' + e) : e, undefined));
      } else if (returns) {
        settle(state, null, ret);
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
    ioQueue = [];
    ioWaiting = new Map();
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

  // Lambda@Edge-style functions get Node's process object: the part of it that means something
  // here. Built once per isolate from init's settings, so an invocation costs nothing more; what a
  // function writes into env stays for the isolate's life, as in a warm Lambda environment.
  function createProcess(p) {
    const start = Date.now();
    function hrtime(previous) {
      // Millisecond resolution: the engine offers no finer clock to a sandbox.
      const ns = (Date.now() - start) * 1e6;
      let s = Math.floor(ns / 1e9), n = ns % 1e9;
      if (Array.isArray(previous)) {
        s -= previous[0]; n -= previous[1];
        if (n < 0) { s -= 1; n += 1e9; }
      }
      return [s, n];
    }
    hrtime.bigint = () => BigInt(Date.now() - start) * 1000000n;
    return {
      env: Object.assign({}, p.env),
      argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
      execArgv: [],
      pid: 1,
      arch: 'x64',
      platform: 'linux',
      release: Object.freeze({ name: 'node' }),
      version: 'v' + p.nodeVersion,
      versions: Object.freeze({ node: p.nodeVersion }),
      cwd: () => '/var/task',
      uptime: () => (Date.now() - start) / 1000,
      hrtime: hrtime,
      memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
      // A microtask: the closest the engines come to Node's tick queue, which runs just before them.
      nextTick: function nextTick(fn, ...args) {
        if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
        Promise.resolve().then(() => fn(...args));
      },
      emitWarning: (warning) => log('WARN', [typeof warning === 'string' ? warning : String(warning && warning.message)]),
    };
  }

  function init(settingsJson, handlerModule, handlerExport) {
    settings = JSON.parse(settingsJson);
    if (settings.cff === '1.0') {
      installByteStrings();
      delete global.Buffer;
    }
    if (settings.process) defineGlobal('process', createProcess(settings.process));
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
        const e = new Error(settings.cff ? 'the function has no top-level function named handler'
          : settings.handler + ' is undefined or not exported');
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

  return { define: define, init: init, invoke: invoke, collect: collect, drain: drain, ioDone: ioDone, installHost: installHost };
})(globalThis)
