// node:url — written here: the WHATWG URL (special schemes, IPv4/IPv6 hosts, dot segments, the
// standard's percent-encode sets, relative resolution, setters), URLSearchParams, and Node's legacy
// url.parse/format/resolve. Not done: IDNA mapping beyond lower-casing and punycode.
'use strict';
const querystring = require('querystring');
const { TextEncoder, TextDecoder } = require('util');

const SPECIAL = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function invalid(input) {
  const e = new TypeError('Invalid URL');
  e.code = 'ERR_INVALID_URL';
  e.input = input;
  return e;
}

// Percent-encode sets of the URL standard, as "encode this code point?" tests.
const C0 = (c) => c < 0x20 || c > 0x7e;
const FRAGMENT = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const QUERY = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const SPECIAL_QUERY = (c) => QUERY(c) || c === 0x27;
const PATH = (c) => QUERY(c) || c === 0x3f || c === 0x5e || c === 0x60 || c === 0x7b || c === 0x7d;
const USERINFO = (c) => PATH(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 || (c >= 0x5b && c <= 0x5d) || c === 0x7c;
const FORM = (c) => !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f);

function encodeSet(s, inSet) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) { out += inSet(c) ? '%' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase() : s[i]; continue; }
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < s.length) j++;
    for (const b of encoder.encode(s.slice(i, j))) out += '%' + b.toString(16).toUpperCase();
    i = j - 1;
  }
  return out;
}

function percentDecodeBytes(s) {
  const bytes = encoder.encode(s);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length) {
      const h = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      if (/^[0-9A-Fa-f]{2}$/.test(String.fromCharCode(bytes[i + 1], bytes[i + 2]))) { out[n++] = h; i += 2; continue; }
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

// ---- hosts ---------------------------------------------------------------------------------
function punycode(label) {
  const cps = Array.from(label).map((c) => c.codePointAt(0));
  let out = cps.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = 128, delta = 0, bias = 72;
  const digit = (d) => String.fromCharCode(d + 22 + 75 * (d < 26));
  const adapt = (d, count, first) => {
    d = first ? Math.floor(d / 700) : d >> 1;
    d += Math.floor(d / count);
    let k = 0;
    for (; d > 455; k += 36) d = Math.floor(d / 35);
    return Math.floor(k + 36 * d / (d + 38));
  };
  while (handled < cps.length) {
    const m = Math.min.apply(null, cps.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c === n) {
        let q = delta;
        for (let k = 36; ; k += 36) {
          const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
          if (q < t) break;
          out += digit(t + (q - t) % (36 - t));
          q = Math.floor((q - t) / (36 - t));
        }
        out += digit(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++; n++;
  }
  return 'xn--' + out;
}

function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  if (/^0[xX]/.test(s)) { s = s.slice(2); radix = 16; if (s === '') return 0; if (!/^[0-9A-Fa-f]+$/.test(s)) return NaN; }
  else if (s.length > 1 && s[0] === '0') { s = s.slice(1); radix = 8; if (!/^[0-7]+$/.test(s)) return NaN; }
  else if (!/^[0-9]+$/.test(s)) return NaN;
  return parseInt(s, radix);
}

function parseIPv4(host, input) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) throw invalid(input);
  const nums = parts.map(parseIPv4Number);
  if (nums.some((x) => isNaN(x))) throw invalid(input);
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) throw invalid(input);
  if (nums[nums.length - 1] >= Math.pow(256, 5 - nums.length)) throw invalid(input);
  let ip = nums[nums.length - 1];
  for (let i = 0; i < nums.length - 1; i++) ip += nums[i] * Math.pow(256, 3 - i);
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

function parseIPv6(s, input) {
  let head = s, tail = null;
  const dc = s.indexOf('::');
  if (dc >= 0) { head = s.slice(0, dc); tail = s.slice(dc + 2); if (tail.indexOf('::') >= 0) throw invalid(input); }
  const groups = (part) => {
    if (part === '') return [];
    const out = [];
    const items = part.split(':');
    items.forEach((g, i) => {
      if (i === items.length - 1 && g.indexOf('.') >= 0) {
        const v4 = g.split('.');
        if (v4.length !== 4 || v4.some((x) => !/^(0|[1-9][0-9]{0,2})$/.test(x) || +x > 255)) throw invalid(input);
        out.push((+v4[0] << 8) | +v4[1], (+v4[2] << 8) | +v4[3]);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) throw invalid(input);
        out.push(parseInt(g, 16));
      }
    });
    return out;
  };
  const a = groups(head), b = tail === null ? null : groups(tail);
  let pieces;
  if (b === null) { if (a.length !== 8) throw invalid(input); pieces = a; }
  else { if (a.length + b.length > 7) throw invalid(input); pieces = a.concat(new Array(8 - a.length - b.length).fill(0), b); }
  // Serialize: compress the first longest run of two or more zero pieces.
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && pieces[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) { out += i === 0 ? '::' : ':'; i += bestLen - 1; continue; }
    out += pieces[i].toString(16) + (i < 7 ? ':' : '');
  }
  return '[' + out + ']';
}

function parseHost(raw, special, input) {
  if (raw.startsWith('[')) {
    if (!raw.endsWith(']')) throw invalid(input);
    return parseIPv6(raw.slice(1, -1), input);
  }
  if (!special) {
    if (/[\0\t\n\r #/:<>?@[\\\]^|]/.test(raw)) throw invalid(input);
    return encodeSet(raw, C0);
  }
  if (raw === '') throw invalid(input);
  let domain = decoder.decode(percentDecodeBytes(raw)).toLowerCase();
  if (/[^\x00-\x7f]/.test(domain)) {
    domain = domain.normalize('NFC').split(/[.\u3002\uff0e\uff61]/).map((l) => (/[^\x00-\x7f]/.test(l) ? punycode(l) : l)).join('.');
  }
  if (/[\0\t\n\r #%/:<>?@[\\\]^|\x00-\x1f\x7f]/.test(domain)) throw invalid(input);
  const labels = domain.split('.');
  const last = labels[labels.length - 1] === '' && labels.length > 1 ? labels[labels.length - 2] : labels[labels.length - 1];
  if (/^[0-9]+$/.test(last) || /^0[xX][0-9A-Fa-f]*$/.test(last)) return parseIPv4(domain, input);
  return domain;
}

// ---- the parser ----------------------------------------------------------------------------
function normalizePath(segments, special) {
  const out = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const lower = seg.toLowerCase();
    const last = i === segments.length - 1;
    if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
      if (out.length > 0) out.pop();
      if (last) out.push('');
    } else if (lower === '.' || lower === '%2e') {
      if (last) out.push('');
    } else {
      out.push(encodeSet(seg, PATH));
    }
  }
  return out;
}

function parse(input, base) {
  const original = input;
  input = String(input).replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const r = { protocol: '', username: '', password: '', hostname: '', port: '', path: [], opaque: null, query: null, fragment: null, hasHost: false };
  let rest = input;
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) { r.fragment = encodeSet(rest.slice(hashAt + 1), FRAGMENT); rest = rest.slice(0, hashAt); }
  const m = /^([A-Za-z][A-Za-z0-9+.\-]*):/.exec(rest);
  let special;
  if (m && !(base && m[1].length === 1 && /^[A-Za-z]:[\\/]?/.test(rest) && base.protocol === 'file:' && false)) {
    r.protocol = m[1].toLowerCase() + ':';
    rest = rest.slice(m[0].length);
    special = r.protocol in SPECIAL;
    if (special && base && base.protocol === r.protocol && !/^[\\/]/.test(rest)) {
      return relative(r, rest, base, true, original);
    }
  } else {
    if (!base) throw invalid(original);
    r.protocol = base.protocol;
    special = r.protocol in SPECIAL;
    if (base.opaque !== null) {
      if (hashAt < 0 || rest !== '') throw invalid(original);
      r.opaque = base.opaque; r.query = base.query;
      return r;
    }
    return relative(r, rest, base, special, original);
  }
  const slash = special ? /^[\\/]{2,}/ : /^\/\//;
  if (special && r.protocol !== 'file:' && !slash.test(rest)) rest = '//' + rest.replace(/^[\\/]*/, '');
  if (slash.test(rest) || (r.protocol === 'file:' && /^[\\/]/.test(rest))) {
    rest = rest.replace(special ? /^[\\/]{2}/ : /^\/\//, '');
    if (r.protocol === 'file:' && !/^[\\/]{2}/.test(input.slice(5)) ) rest = rest;
    return authority(r, rest, special, original);
  }
  // A non-special URL without authority.
  splitQuery(r, rest, special);
  if (r.pathRaw.startsWith('/')) r.path = normalizePath(r.pathRaw.slice(1).split('/'), special);
  else { r.opaque = encodeSet(r.pathRaw, C0); r.path = null; }
  delete r.pathRaw;
  return r;
}

function splitQuery(r, rest, special) {
  const q = rest.indexOf('?');
  if (q >= 0) { r.query = encodeSet(rest.slice(q + 1), special ? SPECIAL_QUERY : QUERY); rest = rest.slice(0, q); }
  r.pathRaw = special ? rest.replace(/\\/g, '/') : rest;
}

function authority(r, rest, special, input) {
  const end = rest.search(special ? /[\\/?]/ : /[/?]/);
  let auth = end < 0 ? rest : rest.slice(0, end);
  rest = end < 0 ? '' : rest.slice(end);
  const at = auth.lastIndexOf('@');
  if (at >= 0) {
    const info = auth.slice(0, at);
    const colon = info.indexOf(':');
    r.username = encodeSet(colon < 0 ? info : info.slice(0, colon), USERINFO);
    r.password = colon < 0 ? '' : encodeSet(info.slice(colon + 1), USERINFO);
    auth = auth.slice(at + 1);
  }
  const portMatch = /:([^\]:]*)$/.exec(auth);
  if (portMatch) {
    auth = auth.slice(0, portMatch.index);
    const p = portMatch[1];
    if (!/^[0-9]*$/.test(p)) throw invalid(input);
    if (p !== '') {
      const n = parseInt(p, 10);
      if (n > 65535) throw invalid(input);
      r.port = SPECIAL[r.protocol] === n ? '' : String(n);
    }
  }
  if (auth === '' && special && r.protocol !== 'file:') throw invalid(input);
  r.hostname = r.protocol === 'file:' && (auth === 'localhost' || auth === '') ? '' : parseHost(auth, special, input);
  r.hasHost = true;
  splitQuery(r, rest, special);
  const p = r.pathRaw;
  delete r.pathRaw;
  r.path = p === '' ? (special ? [''] : []) : normalizePath(p.slice(1).split('/'), special);
  return r;
}

function relative(r, rest, base, special, input) {
  if (special ? /^[\\/]{2}/.test(rest) : rest.startsWith('//')) return authority(r, rest.slice(2), special, input);
  r.username = base.username; r.password = base.password; r.hostname = base.hostname; r.port = base.port; r.hasHost = base.hasHost;
  if (rest === '') { r.path = base.path.slice(); r.query = base.query; return r; }
  splitQuery(r, rest, special);
  const p = r.pathRaw;
  delete r.pathRaw;
  if (p === '') { r.path = base.path.slice(); if (r.query === null) r.query = base.query; return r; }
  if (p.startsWith('/')) { r.path = normalizePath(p.slice(1).split('/'), special); return r; }
  const dir = base.path.slice(0, Math.max(0, base.path.length - 1)).map((s) => s);
  r.path = normalizePath(dir.concat(p.split('/')), special);
  return r;
}

// ---- URL -----------------------------------------------------------------------------------
const STATE = Symbol('url');
const PARAMS_URL = Symbol('url-of-params');
const LIST = Symbol('list');

function serializePath(u) {
  if (u.opaque !== null) return u.opaque;
  if (!u.hasHost && u.path.length > 1 && u.path[0] === '') return '/.' + '/' + u.path.join('/');
  return u.path.length === 0 ? '' : '/' + u.path.join('/');
}

function href(u) {
  let s = u.protocol;
  if (u.hasHost) {
    s += '//';
    if (u.username !== '' || u.password !== '') s += u.username + (u.password !== '' ? ':' + u.password : '') + '@';
    s += u.hostname + (u.port !== '' ? ':' + u.port : '');
  }
  s += serializePath(u);
  if (u.query !== null) s += '?' + u.query;
  if (u.fragment !== null) s += '#' + u.fragment;
  return s;
}

class URL {
  constructor(input, base) {
    if (arguments.length === 0) throw new TypeError('The "url" argument must be specified');
    const b = base === undefined ? null : (base instanceof URL ? base[STATE] : parse(String(base), null));
    this[STATE] = parse(String(input), b);
    this[PARAMS_URL] = null;
  }
  static canParse(input, base) { try { new URL(input, base); return true; } catch (e) { return false; } }
  static parse(input, base) { try { return new URL(input, base); } catch (e) { return null; } }
  get href() { return href(this[STATE]); }
  set href(v) { this[STATE] = parse(String(v), null); this._syncParams(); }
  get origin() {
    const u = this[STATE];
    if (u.protocol === 'blob:') { try { return new URL(serializePath(u)).origin; } catch (e) { return 'null'; } }
    return u.protocol in SPECIAL && u.protocol !== 'file:' ? u.protocol + '//' + u.hostname + (u.port !== '' ? ':' + u.port : '') : 'null';
  }
  get protocol() { return this[STATE].protocol; }
  set protocol(v) {
    const m = /^([A-Za-z][A-Za-z0-9+.\-]*)/.exec(String(v));
    if (!m) return;
    const p = m[1].toLowerCase() + ':';
    const u = this[STATE];
    if ((p in SPECIAL) !== (u.protocol in SPECIAL)) return;
    if (p === 'file:' && (u.username || u.password || u.port)) return;
    u.protocol = p;
    if (SPECIAL[p] !== undefined && String(SPECIAL[p]) === u.port) u.port = '';
  }
  get username() { return this[STATE].username; }
  set username(v) { const u = this[STATE]; if (u.hasHost && u.hostname !== '' && u.protocol !== 'file:') u.username = encodeSet(String(v), USERINFO); }
  get password() { return this[STATE].password; }
  set password(v) { const u = this[STATE]; if (u.hasHost && u.hostname !== '' && u.protocol !== 'file:') u.password = encodeSet(String(v), USERINFO); }
  get host() { const u = this[STATE]; return u.hostname + (u.port !== '' ? ':' + u.port : ''); }
  set host(v) {
    const u = this[STATE];
    if (u.opaque !== null) return;
    try {
      const r = parse(u.protocol + '//' + String(v).split(/[/?#\\]/)[0] + '/', null);
      u.hostname = r.hostname; if (/:[0-9]+$/.test(String(v).split(/[/?#\\]/)[0].replace(/^\[.*\]/, ''))) u.port = r.port;
      u.hasHost = true;
    } catch (e) { /* an invalid host leaves the URL unchanged */ }
  }
  get hostname() { return this[STATE].hostname; }
  set hostname(v) {
    const u = this[STATE];
    if (u.opaque !== null) return;
    try { u.hostname = parse(u.protocol + '//' + String(v).split(/[:/?#\\]/)[0] + '/', null).hostname; u.hasHost = true; } catch (e) { /* unchanged */ }
  }
  get port() { return this[STATE].port; }
  set port(v) {
    const u = this[STATE];
    if (!u.hasHost || u.hostname === '' || u.protocol === 'file:') return;
    const s = String(v);
    if (s === '') { u.port = ''; return; }
    const m = /^[0-9]+/.exec(s);
    if (!m) return;
    const n = parseInt(m[0], 10);
    if (n > 65535) return;
    u.port = SPECIAL[u.protocol] === n ? '' : String(n);
  }
  get pathname() { return serializePath(this[STATE]); }
  set pathname(v) {
    const u = this[STATE];
    if (u.opaque !== null) return;
    const special = u.protocol in SPECIAL;
    let p = String(v);
    if (special) p = p.replace(/\\/g, '/');
    if (!p.startsWith('/')) p = '/' + p;
    u.path = normalizePath(p.slice(1).split('/'), special);
  }
  get search() { const q = this[STATE].query; return q === null || q === '' ? '' : '?' + q; }
  set search(v) {
    const u = this[STATE];
    let s = String(v);
    if (s.startsWith('?')) s = s.slice(1);
    u.query = s === '' && String(v) === '' ? null : encodeSet(s, u.protocol in SPECIAL ? SPECIAL_QUERY : QUERY);
    this._syncParams();
  }
  get searchParams() {
    if (this[PARAMS_URL] === null) {
      const p = new URLSearchParams(this[STATE].query || '');
      p[PARAMS_URL] = this;
      this[PARAMS_URL] = p;
    }
    return this[PARAMS_URL];
  }
  get hash() { const f = this[STATE].fragment; return f === null || f === '' ? '' : '#' + f; }
  set hash(v) {
    let s = String(v);
    if (s.startsWith('#')) s = s.slice(1);
    this[STATE].fragment = s === '' && String(v) === '' ? null : encodeSet(s, FRAGMENT);
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
  _syncParams() {
    if (this[PARAMS_URL] !== null) this[PARAMS_URL][LIST] = parseForm(this[STATE].query || '');
  }
  get [Symbol.toStringTag]() { return 'URL'; }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    const o = {};
    for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash']) o[k] = this[k];
    return 'URL ' + require('util').inspect(o).replace(/^\{/, '{');
  }
}
Object.defineProperty(URL.prototype, '_syncParams', { enumerable: false });
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  Object.defineProperty(URL.prototype, k, Object.assign(Object.getOwnPropertyDescriptor(URL.prototype, k), { enumerable: true }));
}

// ---- URLSearchParams -----------------------------------------------------------------------
function formDecode(s) {
  return decoder.decode(percentDecodeBytes(s.replace(/\+/g, ' ')));
}

function parseForm(s) {
  const list = [];
  for (const piece of s.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    list.push(eq < 0 ? [formDecode(piece), ''] : [formDecode(piece.slice(0, eq)), formDecode(piece.slice(eq + 1))]);
  }
  return list;
}

function formEncode(s) {
  return encodeSet(s, FORM).replace(/%20/g, '+');
}

function toUSVString(v) {
  return String(v).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, (m) => m.length === 2 ? m[0] + '\ufffd' : '\ufffd');
}

class URLSearchParams {
  constructor(init) {
    this[PARAMS_URL] = null;
    if (init === undefined || init === null) this[LIST] = [];
    else if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        this[LIST] = [];
        for (const pair of init) {
          const p = Array.from(pair);
          if (p.length !== 2) {
            const e = new TypeError('Each query pair must be an iterable [name, value] tuple');
            e.code = 'ERR_INVALID_TUPLE';
            throw e;
          }
          this[LIST].push([toUSVString(p[0]), toUSVString(p[1])]);
        }
      } else {
        this[LIST] = Object.keys(init).map((k) => [toUSVString(k), toUSVString(init[k])]);
      }
    } else {
      const s = String(init);
      this[LIST] = parseForm(s.startsWith('?') ? s.slice(1) : s);
    }
  }
  _update() {
    const url = this[PARAMS_URL];
    if (url !== null) { const s = this.toString(); url[STATE].query = s === '' ? null : s; }
  }
  get size() { return this[LIST].length; }
  append(name, value) { this[LIST].push([toUSVString(name), toUSVString(value)]); this._update(); }
  delete(name, value) {
    const n = toUSVString(name), v = value === undefined ? undefined : toUSVString(value);
    this[LIST] = this[LIST].filter((p) => !(p[0] === n && (v === undefined || p[1] === v)));
    this._update();
  }
  get(name) { const n = toUSVString(name); const p = this[LIST].find((x) => x[0] === n); return p ? p[1] : null; }
  getAll(name) { const n = toUSVString(name); return this[LIST].filter((x) => x[0] === n).map((x) => x[1]); }
  has(name, value) { const n = toUSVString(name), v = value === undefined ? undefined : toUSVString(value); return this[LIST].some((x) => x[0] === n && (v === undefined || x[1] === v)); }
  set(name, value) {
    const n = toUSVString(name), v = toUSVString(value);
    const i = this[LIST].findIndex((x) => x[0] === n);
    if (i < 0) this[LIST].push([n, v]);
    else { this[LIST][i][1] = v; this[LIST] = this[LIST].filter((x, j) => j <= i || x[0] !== n); }
    this._update();
  }
  sort() {
    // Stable, by UTF-16 code units of the names.
    this[LIST] = this[LIST].map((p, i) => [p, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map((x) => x[0]);
    this._update();
  }
  forEach(callback, thisArg) { for (const [k, v] of this[LIST].slice()) callback.call(thisArg, v, k, this); }
  *keys() { for (const p of this[LIST]) yield p[0]; }
  *values() { for (const p of this[LIST]) yield p[1]; }
  *entries() { for (const p of this[LIST]) yield [p[0], p[1]]; }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this[LIST].map((p) => formEncode(p[0]) + '=' + formEncode(p[1])).join('&'); }
  get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    const util = require('util');
    return 'URLSearchParams {' + (this[LIST].length ? ' ' + this[LIST].map((p) => util.inspect(p[0]) + ' => ' + util.inspect(p[1])).join(', ') + ' ' : '') + '}';
  }
}
Object.defineProperty(URLSearchParams.prototype, '_update', { enumerable: false });

// ---- legacy API: url.parse / url.format / url.resolve -----------------------------------------
const SLASHED = { 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true, 'ws:': true, 'wss:': true };

class Url {
  constructor() {
    this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
    this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
  }
  format() { return urlFormat(this); }
  resolve(relativeUrl) { return urlResolve(this.href, relativeUrl); }
}

const HOSTLESS = { 'javascript:': true };
const AUTO_ESCAPE = /[\t\n\r "'<>\\^`{|}]/g;

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  if (typeof url !== 'string') {
    const e = new TypeError('The "url" argument must be of type string. Received ' + typeof url);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  const u = new Url();
  let rest = url.trim();
  // Backslashes before the query count as slashes, as in Node.
  const qAt = rest.search(/[?#]/);
  rest = (qAt < 0 ? rest : rest.slice(0, qAt)).replace(/\\/g, '/') + (qAt < 0 ? '' : rest.slice(qAt));
  const proto = /^([a-z0-9.+-]+:)/i.exec(rest);
  if (proto) { u.protocol = proto[1].toLowerCase(); rest = rest.slice(proto[1].length); }
  if ((slashesDenoteHost || proto) && rest.startsWith('//') && !HOSTLESS[u.protocol]) {
    u.slashes = true;
    rest = rest.slice(2);
  }
  if (!HOSTLESS[u.protocol] && (u.slashes || (u.protocol && !SLASHED[u.protocol]))) {
    const end = rest.search(/[/?#]/);
    let host = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
    const at = host.lastIndexOf('@');
    if (at >= 0) { u.auth = decodeURIComponent(host.slice(0, at)); host = host.slice(at + 1); }
    const port = /:([0-9]*)$/.exec(host);
    if (port) { if (port[1] !== '') u.port = port[1]; host = host.slice(0, port.index); }
    u.hostname = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    u.host = (host.startsWith('[') ? '[' + u.hostname + ']' : u.hostname) + (u.port ? ':' + u.port : '');
  }
  rest = rest.replace(AUTO_ESCAPE, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) { u.hash = rest.slice(hashAt); rest = rest.slice(0, hashAt); }
  const searchAt = rest.indexOf('?');
  if (searchAt >= 0) {
    u.search = rest.slice(searchAt);
    u.query = rest.slice(searchAt + 1);
    rest = rest.slice(0, searchAt);
    if (parseQueryString) u.query = querystring.parse(u.query);
  } else if (parseQueryString) {
    u.query = {};
  }
  if (rest !== '') u.pathname = rest;
  else if (u.protocol && SLASHED[u.protocol] && u.hostname) u.pathname = '/';
  if (u.pathname !== null || u.search !== null) u.path = (u.pathname || '') + (u.search || '');
  u.href = urlFormat(u);
  return u;
}

function urlFormat(obj, options) {
  if (typeof obj === 'string') obj = urlParse(obj);
  if (obj instanceof URL) {
    const o = Object.assign({ auth: true, fragment: true, search: true, unicode: false }, options);
    const u = obj[STATE];
    let s = u.protocol;
    if (u.hasHost) {
      s += '//';
      if (o.auth && (u.username || u.password)) s += u.username + (u.password ? ':' + u.password : '') + '@';
      s += obj.host;
    }
    s += obj.pathname;
    if (o.search && u.query !== null) s += '?' + u.query;
    if (o.fragment && u.fragment !== null) s += '#' + u.fragment;
    return s;
  }
  if (obj === null || typeof obj !== 'object') {
    const e = new TypeError('The "urlObject" argument must be one of type object or string');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  let protocol = obj.protocol || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  let auth = obj.auth || '';
  if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@';
  let host = '';
  if (obj.host) host = auth + obj.host;
  else if (obj.hostname) host = auth + (obj.hostname.indexOf(':') >= 0 && !obj.hostname.startsWith('[') ? '[' + obj.hostname + ']' : obj.hostname) + (obj.port ? ':' + obj.port : '');
  let pathname = obj.pathname || '';
  let hash = obj.hash || '';
  let search = obj.search || '';
  if (!search && obj.query && typeof obj.query === 'object' && Object.keys(obj.query).length) search = '?' + querystring.stringify(obj.query);
  if (search && search[0] !== '?') search = '?' + search;
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (obj.slashes || ((!protocol || SLASHED[protocol]) && host !== '')) {
    host = '//' + host;
    if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
  }
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  search = search.replace('#', '%23');
  return protocol + host + pathname + search + hash;
}

function urlResolve(from, to) {
  try {
    return new URL(to, new URL(from)).href;
  } catch (e) {
    // A relative base: resolve against a placeholder origin and strip it again.
    const r = new URL(to, new URL(from, 'resolve://x/'));
    return r.protocol === 'resolve:' ? (from.startsWith('/') ? '' : '') + r.pathname.replace(/^\//, from.startsWith('/') ? '/' : '') + r.search + r.hash : r.href;
  }
}

function fileURLToPath(u) {
  const url = typeof u === 'string' ? new URL(u) : u;
  if (url.protocol !== 'file:') {
    const e = new TypeError('The URL must be of scheme file');
    e.code = 'ERR_INVALID_URL_SCHEME';
    throw e;
  }
  return decodeURIComponent(url.pathname);
}

function pathToFileURL(path) {
  const resolved = require('path').resolve(path);
  return new URL('file://' + encodeSet(resolved, (c) => PATH(c) || c === 0x25) + (path.endsWith('/') && resolved !== '/' ? '/' : ''));
}

module.exports = {
  URL: URL,
  URLSearchParams: URLSearchParams,
  Url: Url,
  parse: urlParse,
  format: urlFormat,
  resolve: urlResolve,
  domainToASCII: (d) => { try { return parseHost(String(d), true, d); } catch (e) { return ''; } },
  fileURLToPath: fileURLToPath,
  pathToFileURL: pathToFileURL,
};
