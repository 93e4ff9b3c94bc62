// node:querystring — written here, after Node's lib/querystring.js: its parse rules (maxKeys,
// '+' as space, repeated keys as arrays, malformed escapes kept) and its stringify of primitives.
'use strict';
const { Buffer } = require('buffer');

function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// Decodes the %XX escapes that are well formed and keeps the rest as they are.
function unescapeBuffer(s, decodeSpaces) {
  const input = Buffer.from(String(s), 'utf8');
  const out = Buffer.alloc(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === 37 && i + 2 < input.length) {
      const hi = hexValue(input[i + 1]), lo = hexValue(input[i + 2]);
      if (hi >= 0 && lo >= 0) { out[n++] = hi * 16 + lo; i += 2; continue; }
    }
    out[n++] = decodeSpaces && c === 43 ? 32 : c;
  }
  return out.subarray(0, n);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function escape(s) {
  if (typeof s !== 'string') {
    if (typeof s === 'object') s = String(s); else s += '';
  }
  try {
    return encodeURIComponent(s);
  } catch (e) {
    const err = new URIError('URI malformed');
    err.code = 'ERR_INVALID_URI';
    throw err;
  }
}

function primitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  const encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : escape;
  if (obj === null || typeof obj !== 'object') return '';
  const parts = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = encode(primitive(k)) + eq;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) parts.push(ks + encode(primitive(v[i])));
    } else {
      parts.push(ks + encode(primitive(v)));
    }
  }
  return parts.join(sep);
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch (e) {
    return unescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  const decoder = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape;
  let pieces = qs.split(sep);
  if (maxKeys > 0 && pieces.length > maxKeys) pieces = pieces.slice(0, maxKeys);
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    const at = piece.indexOf(eq);
    let k, v;
    if (at >= 0) { k = piece.slice(0, at); v = piece.slice(at + eq.length); } else { k = piece; v = ''; }
    k = decodeStr(k.replace(/\+/g, ' '), decoder);
    v = decodeStr(v.replace(/\+/g, ' '), decoder);
    const existing = obj[k];
    if (existing === undefined) obj[k] = v;
    else if (Array.isArray(existing)) existing.push(v);
    else obj[k] = [existing, v];
  }
  return obj;
}

module.exports = {
  parse: parse, decode: parse,
  stringify: stringify, encode: stringify,
  escape: escape, unescape: unescape, unescapeBuffer: unescapeBuffer,
};
