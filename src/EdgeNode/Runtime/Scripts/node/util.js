// node:util — written here: format and inspect after Node's output (single quotes, `{ a: 1 }`,
// depth 2, Map/Set/Date/Error/Buffer forms, lines broken past 80 columns), promisify, and the
// WHATWG TextEncoder/TextDecoder (UTF-8, UTF-16LE, latin1).
'use strict';

const custom = Symbol.for('nodejs.util.inspect.custom');
const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
  const q = s.indexOf("'") < 0 ? "'" : s.indexOf('"') < 0 ? '"' : s.indexOf('`') < 0 ? '`' : "'";
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i], c = s.charCodeAt(i);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase();
    else out += ch;
  }
  return q + out + q;
}

function key(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return IDENT.test(k) ? k : quote(k);
}

function constructorName(v) {
  let p = Object.getPrototypeOf(v);
  while (p !== null) {
    const d = Object.getOwnPropertyDescriptor(p, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
    p = Object.getPrototypeOf(p);
  }
  return null;
}

function formatPrimitive(v, ctx, top) {
  switch (typeof v) {
    case 'string': return top ? v : quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'symbol': return v.toString();
    case 'undefined': return 'undefined';
    default: return String(v);
  }
}

function reduce(ctx, output, base, open, close, level) {
  if (output.length === 0) return (base ? base + ' ' : '') + open + close;
  const start = output.length + ctx.indent + open.length + base.length + 10;
  let total = output.length + start;
  let fits = total + output.length <= ctx.breakLength;
  for (let i = 0; fits && i < output.length; i++) {
    total += output[i].length;
    if (total > ctx.breakLength || output[i].indexOf('\n') >= 0) fits = false;
  }
  if (fits && ctx.currentDepth - level < 3) {
    return (base ? base + ' ' : '') + open + ' ' + output.join(', ') + ' ' + close;
  }
  const ind = '\n' + ' '.repeat(ctx.indent);
  return (base ? base + ' ' : '') + open + ind + '  ' + output.join(',' + ind + '  ') + ind + close;
}

function formatValue(ctx, v, level, top) {
  if (v === null) return 'null';
  if (typeof v !== 'object' && typeof v !== 'function') return formatPrimitive(v, ctx, false);
  if (ctx.customInspect && typeof v[custom] === 'function' && v[custom] !== inspect) {
    const r = v[custom](ctx.depth - level, Object.assign({}, ctx.options, { depth: ctx.depth - level }), inspect);
    if (r !== v) return typeof r === 'string' ? r : formatValue(ctx, r, level, false);
  }
  if (ctx.seen.indexOf(v) >= 0) return '[Circular *1]';

  const name = constructorName(v);
  let keys = Object.keys(v);
  if (ctx.showHidden) keys = Object.getOwnPropertyNames(v);
  const symbols = Object.getOwnPropertySymbols(v).filter((s) => Object.prototype.propertyIsEnumerable.call(v, s));
  let base = '', open = '{', close = '}', output = [];
  let entries = null;           // formatter of the object's own elements

  if (typeof v === 'function') {
    const src = Function.prototype.toString.call(v);
    const kind = src.startsWith('class') ? 'class' : (name === 'AsyncFunction' ? 'AsyncFunction' : name === 'GeneratorFunction' ? 'GeneratorFunction' : 'Function');
    if (kind === 'class') {
      const sup = Object.getPrototypeOf(v);
      base = '[class ' + (v.name || '(anonymous)') + (sup && sup.name ? ' extends ' + sup.name : '') + ']';
    } else {
      base = '[' + kind + (v.name ? ': ' + v.name : ' (anonymous)') + ']';
    }
    keys = keys.filter((k) => k !== 'prototype');
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (v instanceof Error) {
    base = v.stack ? String(v.stack) : '[' + Error.prototype.toString.call(v) + ']';
    keys = keys.filter((k) => k !== 'stack' && k !== 'message');
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (v instanceof Date) {
    base = isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (v instanceof RegExp) {
    base = RegExp.prototype.toString.call(v);
    keys = keys.filter((k) => k !== 'lastIndex');
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (Array.isArray(v)) {
    open = '['; close = ']';
    if (name !== 'Array') base = (name || '[Array: null prototype]') + '(' + v.length + ')';
    entries = () => {
      const out = [];
      const max = Math.min(v.length, ctx.maxArrayLength);
      let holes = 0;
      for (let i = 0; i < max; i++) {
        if (!Object.prototype.hasOwnProperty.call(v, i)) { holes++; continue; }
        if (holes) { out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
        out.push(formatValue(ctx, v[i], level + 1, false));
      }
      if (holes) out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      if (v.length > max) out.push('... ' + (v.length - max) + ' more item' + (v.length - max > 1 ? 's' : ''));
      return out;
    };
    keys = keys.filter((k) => !(String(k >>> 0) === k && (k >>> 0) < v.length));
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    open = '['; close = ']';
    base = name + '(' + v.length + ')';
    entries = () => {
      const out = [];
      const max = Math.min(v.length, ctx.maxArrayLength);
      for (let i = 0; i < max; i++) out.push(formatPrimitive(v[i], ctx, false));
      if (v.length > max) out.push('... ' + (v.length - max) + ' more item' + (v.length - max > 1 ? 's' : ''));
      return out;
    };
    keys = keys.filter((k) => String(k >>> 0) !== k);
  } else if (v instanceof Map) {
    base = name + '(' + v.size + ')';
    entries = () => { const out = []; v.forEach((val, k) => out.push(formatValue(ctx, k, level + 1, false) + ' => ' + formatValue(ctx, val, level + 1, false))); return out; };
  } else if (v instanceof Set) {
    base = name + '(' + v.size + ')';
    entries = () => { const out = []; v.forEach((val) => out.push(formatValue(ctx, val, level + 1, false))); return out; };
  } else if (v instanceof ArrayBuffer) {
    base = 'ArrayBuffer';
    entries = () => {
      const bytes = Array.prototype.map.call(new Uint8Array(v, 0, Math.min(v.byteLength, 50)), (b) => (b < 16 ? '0' : '') + b.toString(16)).join(' ');
      return ['[Uint8Contents]: <' + bytes + (v.byteLength > 50 ? ' ... ' + (v.byteLength - 50) + ' more bytes' : '') + '>', 'byteLength: ' + v.byteLength];
    };
  } else if (v instanceof Promise) {
    base = 'Promise';
    entries = () => ['<unknown>'];
  } else if (v instanceof WeakMap || v instanceof WeakSet) {
    return name + ' { <items unknown> }';
  } else if (v instanceof Number || v instanceof String || v instanceof Boolean) {
    base = '[' + name + ': ' + formatPrimitive(v.valueOf(), ctx, false) + ']';
    if (v instanceof String) keys = keys.filter((k) => String(k >>> 0) !== k);
    if (keys.length === 0) return base;
  } else if (name === null) {
    base = '[Object: null prototype]';
  } else if (name !== 'Object') {
    base = name;
  }
  const tag = v[Symbol.toStringTag];
  if (typeof tag === 'string' && tag !== '' && tag !== name && typeof v !== 'function') base = (base ? base + ' ' : 'Object ') + '[' + tag + ']';

  if (level > ctx.depth) {
    if (Array.isArray(v)) return '[Array]';
    return '[' + (name === null ? 'Object: null prototype' : name || 'Object') + ']';
  }

  // As Node's currentDepth: the level of the object formatted last, which decides below whether
  // an object with nesting under it still fits on one line.
  ctx.currentDepth = level;
  ctx.seen.push(v);
  ctx.indent += 2;
  try {
    if (entries !== null) output = entries();
    for (const k of keys.concat(symbols)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      let s;
      if (d.get || d.set) s = d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
      else s = formatValue(ctx, d.value, level + 1, false);
      output.push((d.enumerable ? key(k) : '[' + key(k) + ']') + ': ' + s);
    }
  } finally {
    ctx.seen.pop();
    ctx.indent -= 2;
  }
  return reduce(ctx, output, base, open, close, level);
}

function inspect(value, opts) {
  let options = opts;
  if (typeof opts !== 'object' || opts === null) {
    options = {};
    if (typeof arguments[1] === 'boolean') options.showHidden = arguments[1];
    if (arguments.length > 2) options.depth = arguments[2];
  }
  const ctx = {
    options: options,
    depth: options.depth === null ? Infinity : (options.depth === undefined ? 2 : options.depth),
    showHidden: !!options.showHidden,
    customInspect: options.customInspect !== false,
    breakLength: options.breakLength === undefined ? 80 : options.breakLength,
    maxArrayLength: options.maxArrayLength === undefined ? 100 : (options.maxArrayLength === null ? Infinity : options.maxArrayLength),
    seen: [], indent: 0, currentDepth: 0,
  };
  return formatValue(ctx, value, 0, true);
}
inspect.custom = custom;
inspect.defaultOptions = { depth: 2, showHidden: false, breakLength: 80 };

function formatWithOptions(options, args) {
  const first = args[0];
  let out = '';
  let i = 1;
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let last = 0;
    for (let j = 0; j < first.length - 1; j++) {
      if (first.charCodeAt(j) !== 37) continue;
      const c = first[j + 1];
      let rep;
      if (c === '%') { out += first.slice(last, j) + '%'; last = j + 2; j++; continue; }
      if (i >= args.length) continue;
      const a = args[i];
      switch (c) {
        case 's':
          if (typeof a === 'bigint') rep = a + 'n';
          else if (typeof a === 'number') rep = Object.is(a, -0) ? '-0' : String(a);
          else if (typeof a === 'object' && a !== null) rep = inspect(a, Object.assign({}, options, { depth: 0 }));
          else rep = String(a);
          break;
        case 'd': case 'i':
          if (typeof a === 'bigint') rep = a + 'n';
          else if (typeof a === 'symbol') rep = 'NaN';
          else { const n = c === 'i' ? parseInt(a) : Number(a); rep = Object.is(n, -0) ? '-0' : String(n); }
          break;
        case 'f': rep = typeof a === 'symbol' ? 'NaN' : String(parseFloat(a)); break;
        case 'j':
          try { rep = JSON.stringify(a); } catch (e) { rep = '[Circular]'; }
          if (rep === undefined) rep = 'undefined';
          break;
        case 'o': rep = inspect(a, Object.assign({}, options, { showHidden: true, depth: 4 })); break;
        case 'O': rep = inspect(a, options); break;
        case 'c': rep = ''; break;
        default: continue;
      }
      out += first.slice(last, j) + rep;
      last = j + 2;
      j++;
      i++;
    }
    out += first.slice(last);
  } else {
    out = inspect(first, options);
  }
  for (; i < args.length; i++) {
    const a = args[i];
    out += ' ' + (typeof a === 'string' ? a : inspect(a, options));
  }
  return out;
}

function format() { return formatWithOptions({}, Array.prototype.slice.call(arguments)); }

function promisify(original) {
  if (typeof original !== 'function') {
    const e = new TypeError('The "original" argument must be of type function');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (original[promisifyCustom]) {
    const fn = original[promisifyCustom];
    return Object.defineProperty(fn, promisifyCustom, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err, ...values) => {
        if (err) reject(err); else resolve(values.length > 1 ? values : values[0]);
      });
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, promisifyCustom, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = promisifyCustom;

function callbackify(original) {
  return function (...args) {
    const cb = args.pop();
    original.apply(this, args).then((v) => cb(null, v), (e) => {
      if (!e) { const w = new Error('Promise was rejected with a falsy value'); w.reason = e; e = w; }
      cb(e);
    });
  };
}

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function deprecate(fn, msg) {
  let warned = false;
  return function () {
    if (!warned) { warned = true; console.warn('DeprecationWarning: ' + msg); }
    return fn.apply(this, arguments);
  };
}

function isDeepStrictEqual(a, b) {
  const seen = [];
  function eq(x, y) {
    if (Object.is(x, y)) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    if (seen.some((p) => p[0] === x && p[1] === y)) return true;
    seen.push([x, y]);
    if (x instanceof Date) return x.getTime() === y.getTime();
    if (x instanceof RegExp) return String(x) === String(y);
    if (ArrayBuffer.isView(x)) return x.length === y.length && Array.prototype.every.call(x, (v, i) => Object.is(v, y[i]));
    if (x instanceof Map) return x.size === y.size && Array.from(x).every(([k, v]) => y.has(k) && eq(v, y.get(k)));
    if (x instanceof Set) return x.size === y.size && Array.from(x).every((v) => y.has(v));
    const kx = Object.keys(x), ky = Object.keys(y);
    return kx.length === ky.length && kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && eq(x[k], y[k]));
  }
  return eq(a, b);
}

// ---- TextEncoder / TextDecoder -----------------------------------------------------------------
function utf8Encode(s) {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
    else { out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
  }
  return out.slice(0, n);
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input) { return utf8Encode(input === undefined ? '' : String(input)); }
  encodeInto(src, dest) {
    const bytes = utf8Encode(String(src));
    // Whole characters only: step back over a cut sequence.
    let written = Math.min(bytes.length, dest.length);
    while (written > 0 && written < bytes.length && (bytes[written] & 0xc0) === 0x80) written--;
    dest.set(bytes.subarray(0, written));
    let read = 0;
    for (let i = 0, b = 0; b < written; i++) {
      const c = src.codePointAt(i);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (c >= 0x10000) { i++; read += 2; } else read += 1;
    }
    return { read: read, written: written };
  }
}

const DECODER_LABELS = { 'utf-8': 'utf-8', 'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
  'latin1': 'windows-1252', 'iso-8859-1': 'windows-1252', 'ascii': 'windows-1252', 'us-ascii': 'windows-1252', 'windows-1252': 'windows-1252' };

class TextDecoder {
  constructor(label, options) {
    const l = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
    const enc = DECODER_LABELS[l];
    if (enc === undefined) {
      const e = new RangeError('The "' + label + '" encoding is not supported');
      e.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw e;
    }
    this._encoding = enc;
    this._fatal = !!(options && options.fatal);
    this._ignoreBOM = !!(options && options.ignoreBOM);
    this._pending = null;
    this._bomSeen = false;
  }
  get encoding() { return this._encoding; }
  get fatal() { return this._fatal; }
  get ignoreBOM() { return this._ignoreBOM; }
  decode(input, options) {
    let bytes;
    if (input === undefined) bytes = new Uint8Array(0);
    else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else {
      const e = new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    if (this._pending !== null) {
      const all = new Uint8Array(this._pending.length + bytes.length);
      all.set(this._pending); all.set(bytes, this._pending.length);
      bytes = all;
      this._pending = null;
    }
    const stream = !!(options && options.stream);
    let out;
    if (this._encoding === 'utf-8') out = this._utf8(bytes, stream);
    else if (this._encoding === 'utf-16le') {
      const even = bytes.length - (bytes.length % 2);
      if (stream && even < bytes.length) this._pending = bytes.slice(even);
      else if (even < bytes.length && this._fatal) throw this._error();
      let s = '';
      for (let i = 0; i < even; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      if (!stream && even < bytes.length) s += '\ufffd';
      out = s;
    } else {
      let s = '';
      for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
      out = s;
    }
    if (!this._ignoreBOM && !this._bomSeen && out.length > 0) {
      if (out.charCodeAt(0) === 0xfeff && this._encoding !== 'windows-1252') out = out.slice(1);
      this._bomSeen = true;
    }
    if (!stream) this._bomSeen = false;
    return out;
  }
  _error() {
    const e = new TypeError('The encoded data was not valid for encoding ' + this._encoding);
    e.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
    return e;
  }
  _utf8(b, stream) {
    const codes = [];
    let s = '';
    let i = 0;
    while (i < b.length) {
      const c = b[i];
      let need = 0, cp = 0, lower = 0x80, upper = 0xbf;
      if (c < 0x80) { codes.push(c); i++; }
      else {
        if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; }
        else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0xf; if (c === 0xe0) lower = 0xa0; if (c === 0xed) upper = 0x9f; }
        else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x7; if (c === 0xf0) lower = 0x90; if (c === 0xf4) upper = 0x8f; }
        else { if (this._fatal) throw this._error(); codes.push(0xfffd); i++; continue; }
        let j = 1;
        for (; j <= need && i + j < b.length; j++) {
          const d = b[i + j];
          if (d < lower || d > upper) break;
          lower = 0x80; upper = 0xbf;
          cp = (cp << 6) | (d & 0x3f);
        }
        if (j > need) { codes.push(cp); i += j; }
        else if (i + j >= b.length && stream) { this._pending = b.slice(i); break; }
        else { if (this._fatal) throw this._error(); codes.push(0xfffd); i += j; }
      }
      if (codes.length >= 8192) { s += String.fromCodePoint.apply(null, codes); codes.length = 0; }
    }
    return s + String.fromCodePoint.apply(null, codes);
  }
}

const types = {
  isDate: (v) => v instanceof Date,
  isRegExp: (v) => v instanceof RegExp,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isPromise: (v) => v instanceof Promise,
  isNativeError: (v) => v instanceof Error,
  isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v) => v instanceof Uint8Array,
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isAnyArrayBuffer: (v) => v instanceof ArrayBuffer,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isAsyncFunction: (v) => typeof v === 'function' && constructorName(v) === 'AsyncFunction',
  isGeneratorFunction: (v) => typeof v === 'function' && constructorName(v) === 'GeneratorFunction',
};

module.exports = {
  format: format,
  formatWithOptions: (options, ...args) => formatWithOptions(options, args),
  inspect: inspect,
  promisify: promisify,
  callbackify: callbackify,
  inherits: inherits,
  deprecate: deprecate,
  isDeepStrictEqual: isDeepStrictEqual,
  isArray: Array.isArray,
  types: types,
  TextEncoder: TextEncoder,
  TextDecoder: TextDecoder,
};
