// node:buffer — the npm package "buffer" (vendor/buffer, feross; Node's Buffer API on Uint8Array),
// plus what it lacks: the "base64url" encoding, and atob/btoa.
'use strict';

const vendored = require('vendor:buffer');
const Buffer = vendored.Buffer;

function isBase64Url(encoding) {
  return typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
}

// The package decodes URL-safe base64 already ('-', '_', missing padding): for input, base64url
// is base64. For output, toString converts.
function withEncodingArgs(original, firstEncodingArg) {
  return function () {
    const args = Array.prototype.slice.call(arguments);
    for (let i = firstEncodingArg; i < args.length; i++) {
      if (isBase64Url(args[i])) args[i] = 'base64';
    }
    return original.apply(this, args);
  };
}

Buffer.from = withEncodingArgs(Buffer.from, 1);
Buffer.alloc = withEncodingArgs(Buffer.alloc, 2);
Buffer.byteLength = withEncodingArgs(Buffer.byteLength, 1);
const isEncoding = Buffer.isEncoding;
Buffer.isEncoding = function (encoding) { return isBase64Url(encoding) || isEncoding(encoding); };
for (const name of ['write', 'fill', 'indexOf', 'lastIndexOf', 'includes']) {
  Buffer.prototype[name] = withEncodingArgs(Buffer.prototype[name], 1);
}
const toString = Buffer.prototype.toString;
let utf8Decoder = null;
Buffer.prototype.toString = function (encoding, start, end) {
  if (arguments.length === 0 || encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') {
    // Node decodes bad UTF-8 as the WHATWG decoder does (one U+FFFD per maximal bad subpart);
    // the package gives one per byte.
    if (utf8Decoder === null) utf8Decoder = new (require('util').TextDecoder)();
    const s = start === undefined ? 0 : Math.max(0, start | 0);
    const e = end === undefined ? this.length : Math.min(this.length, end | 0);
    return e <= s ? '' : utf8Decoder.decode(this.subarray(s, e));
  }
  if (isBase64Url(encoding)) {
    return toString.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  return toString.apply(this, arguments);
};
Buffer.prototype.toLocaleString = Buffer.prototype.toString;

function invalidCharacter(message) {
  const e = new Error(message);
  e.name = 'InvalidCharacterError';
  e.code = 5;
  return e;
}

function btoa(data) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  const s = String(data);
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 255) throw invalidCharacter('Invalid character');
  }
  return Buffer.from(s, 'latin1').toString('base64');
}

function atob(data) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  let s = String(data).replace(/[\t\n\f\r ]/g, '');
  if (s.length % 4 === 0) s = s.replace(/==?$/, '');
  if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  return Buffer.from(s, 'base64').toString('latin1');
}

module.exports = {
  Buffer: Buffer,
  SlowBuffer: vendored.SlowBuffer,
  INSPECT_MAX_BYTES: vendored.INSPECT_MAX_BYTES,
  kMaxLength: vendored.kMaxLength,
  kStringMaxLength: (1 << 29) - 24,
  constants: { MAX_LENGTH: vendored.kMaxLength, MAX_STRING_LENGTH: (1 << 29) - 24 },
  atob: atob,
  btoa: btoa,
  isUtf8: (input) => { try { new (require('util').TextDecoder)('utf-8', { fatal: true }).decode(input); return true; } catch (e) { return false; } },
};
