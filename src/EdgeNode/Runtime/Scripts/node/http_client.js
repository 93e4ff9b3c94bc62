'use strict';
// The client half of Node's http and https modules (request, get), built on the bridge's fetch:
// the same allowedHosts, origin-event-only and timeout rules apply. Bodies are buffered (at most
// 1 MB a response); a response emits its body as one 'data' chunk, then 'end'.
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { URL } = require('url');

const STATUS_CODES = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function emitSafely(emitter, ...args) {
  try {
    emitter.emit(...args);
  } catch (e) {
    internals.uncaught(e);
  }
}

class IncomingMessage extends EventEmitter {
  constructor(res) {
    super();
    this.statusCode = res.status;
    this.statusMessage = res.statusText || STATUS_CODES[res.status] || '';
    this.httpVersion = '1.1';
    this.url = '';
    this.headers = {};
    this.rawHeaders = [];
    for (const [name, value] of res.headers._list) {
      this.rawHeaders.push(name, value);
      if (name === 'set-cookie') (this.headers[name] = this.headers[name] || []).push(value);
      else this.headers[name] = name in this.headers ? this.headers[name] + ', ' + value : value;
    }
    this.complete = false;
    this._encoding = null;
  }
  setEncoding(encoding) { this._encoding = encoding; return this; }
  resume() { return this; }
  pause() { return this; }
  setTimeout() { return this; }
  destroy() { return this; }
}

function create(defaultProtocol) {
  const defaultPort = defaultProtocol === 'https:' ? 443 : 80;

  function toUrl(input, options) {
    let url;
    if (typeof input === 'string') url = new URL(input);
    else if (input !== null && typeof input === 'object' && typeof input.href === 'string') url = new URL(input.href);
    else {
      options = Object.assign({}, input, options);
      const protocol = options.protocol || defaultProtocol;
      const host = options.hostname || (options.host ? String(options.host).replace(/:\d+$/, '') : 'localhost');
      const port = options.port ? Number(options.port) : defaultPort;
      url = new URL(protocol + '//' + (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + (port === defaultPort ? '' : ':' + port) + (options.path || '/'));
      return { url: url, options: options };
    }
    return { url: url, options: Object.assign({}, options) };
  }

  class ClientRequest extends EventEmitter {
    constructor(input, options, callback) {
      super();
      const r = toUrl(input, options);
      if (r.url.protocol !== defaultProtocol) {
        const e = new TypeError('Protocol "' + r.url.protocol + '" not supported. Expected "' + defaultProtocol + '"');
        e.code = 'ERR_INVALID_PROTOCOL';
        throw e;
      }
      this._url = r.url.href;
      this.method = String(r.options.method || 'GET').toUpperCase();
      this.path = r.url.pathname + r.url.search;
      this.host = r.url.hostname;
      this.protocol = r.url.protocol;
      this._headers = {};
      this._chunks = [];
      this.finished = false;
      this.destroyed = false;
      const h = r.options.headers || {};
      for (const k of Object.keys(h)) this.setHeader(k, h[k]);
      if (r.options.auth && !this.getHeader('authorization')) this.setHeader('Authorization', 'Basic ' + Buffer.from(String(r.options.auth)).toString('base64'));
      if (typeof callback === 'function') this.once('response', callback);
    }
    setHeader(name, value) { this._headers[String(name).toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value); return this; }
    getHeader(name) { return this._headers[String(name).toLowerCase()]; }
    getHeaders() { return Object.assign({}, this._headers); }
    hasHeader(name) { return String(name).toLowerCase() in this._headers; }
    removeHeader(name) { delete this._headers[String(name).toLowerCase()]; }
    setTimeout(ms, cb) { if (typeof cb === 'function') this.once('timeout', cb); return this; }
    setNoDelay() { return this; }
    setSocketKeepAlive() { return this; }
    flushHeaders() { }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (this.finished) { emitSafely(this, 'error', new Error('write after end')); return false; }
      if (chunk !== undefined && chunk !== null) this._chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      if (typeof cb === 'function') Promise.resolve().then(cb);
      return true;
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; } else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (this.finished) return this;
      if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
      this.finished = true;
      if (typeof cb === 'function') this.once('finish', cb);
      const body = this._chunks.length > 0 ? Buffer.concat(this._chunks) : undefined;
      let response;
      try {
        response = internals.fetch(this._url, { method: this.method, headers: this._headers, body: body, redirect: 'manual' });
      } catch (e) {
        response = Promise.reject(e);
      }
      Promise.resolve().then(() => emitSafely(this, 'finish'));
      response.then((res) => {
        if (this.destroyed) return;
        const msg = new IncomingMessage(res);
        emitSafely(this, 'response', msg);
        return res.arrayBuffer().then((ab) => {
          if (this.destroyed) return;
          const buf = Buffer.from(ab);
          if (buf.length > 0) emitSafely(msg, 'data', msg._encoding ? buf.toString(msg._encoding) : buf);
          msg.complete = true;
          emitSafely(msg, 'end');
          emitSafely(msg, 'close');
          emitSafely(this, 'close');
        });
      }, (err) => {
        if (this.destroyed) return;
        emitSafely(this, 'error', err);
        emitSafely(this, 'close');
      });
      return this;
    }
    abort() { this.destroy(); }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      if (err) emitSafely(this, 'error', err);
      return this;
    }
  }

  function request(input, options, callback) {
    if (typeof options === 'function') { callback = options; options = undefined; }
    return new ClientRequest(input, options, callback);
  }

  function get(input, options, callback) {
    const req = request(input, options, callback);
    req.end();
    return req;
  }

  class Agent { constructor(options) { this.options = options || {}; } destroy() { } }

  return {
    request: request, get: get, ClientRequest: ClientRequest, IncomingMessage: IncomingMessage,
    Agent: Agent, globalAgent: new Agent(), STATUS_CODES: STATUS_CODES,
    METHODS: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
  };
}

module.exports = create;
