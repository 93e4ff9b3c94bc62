// node:crypto — hashes, HMACs and randomness computed by .NET (the node's BridgeHost); the
// objects around them (Hash, Hmac, digests' encodings, timingSafeEqual) written here.
'use strict';
const { Buffer } = require('buffer');
const host = internals.host;

const ALGORITHMS = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
  'rsa-md5': 'md5', 'rsa-sha1': 'sha1', 'rsa-sha256': 'sha256', 'rsa-sha384': 'sha384', 'rsa-sha512': 'sha512',
  'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

function codeError(Type, code, message) {
  const e = new Type(message);
  e.code = code;
  return e;
}

function algorithm(name, forHmac) {
  const a = typeof name === 'string' ? ALGORITHMS[name.toLowerCase()] : undefined;
  if (a === undefined) {
    if (typeof name !== 'string') throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "algorithm" argument must be of type string');
    throw forHmac ? codeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + name) : new Error('Digest method not supported');
  }
  return a;
}

function toBuffer(data, encoding, name) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (Buffer.isBuffer(data)) return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    'The "' + name + '" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
}

function output(base64, encoding) {
  const digest = Buffer.from(base64, 'base64');
  return encoding === undefined || encoding === 'buffer' ? digest : digest.toString(encoding);
}

class Hash {
  constructor(alg, chunks) {
    this._alg = alg;
    this._chunks = chunks || [];
    this._done = false;
  }
  update(data, inputEncoding) {
    if (this._done) throw codeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this._chunks.push(toBuffer(data, inputEncoding, 'data'));
    return this;
  }
  digest(encoding) {
    if (this._done) throw codeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this._done = true;
    const r = this._compute(Buffer.concat(this._chunks).toString('base64'));
    if (r === null) throw new Error('Digest method not supported');
    return output(r, encoding);
  }
  copy() {
    if (this._done) throw codeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    return new Hash(this._alg, this._chunks.slice());
  }
  _compute(data) { return host.hash(this._alg, data); }
}

class Hmac extends Hash {
  constructor(alg, key) {
    super(alg);
    this._key = key;
  }
  copy() { throw new TypeError('hmac.copy is not a function'); }
  _compute(data) { return host.hmac(this._alg, this._key, data); }
}

function keyBytes(key) {
  if (key !== null && typeof key === 'object' && key instanceof KeyObject) return key._key;
  return toBuffer(key, 'utf8', 'key');
}

class KeyObject {
  constructor(type, key) { this.type = type; this._key = key; }
  get symmetricKeySize() { return this._key.length; }
  export() { return Buffer.from(this._key); }
  equals(other) { return other instanceof KeyObject && timingSafeEqual(this._key, other._key); }
}

function createHash(alg, options) {
  return new Hash(algorithm(alg, false));
}

function createHmac(alg, key, options) {
  return new Hmac(algorithm(alg, true), keyBytes(key).toString('base64'));
}

function hash(alg, data, outputEncoding) {
  return createHash(alg).update(data).digest(outputEncoding === undefined ? 'hex' : outputEncoding);
}

function randomBuffer(size) {
  if (typeof size !== 'number' || !(size >= 0 && size <= 2147483647) || Math.floor(size) !== size) {
    throw codeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ' + size);
  }
  const parts = [];
  for (let left = size; left > 0; left -= 65536) {
    parts.push(Buffer.from(host.randomBytes(Math.min(left, 65536)), 'base64'));
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
}

function randomBytes(size, callback) {
  const bytes = randomBuffer(size);
  if (typeof callback === 'function') {
    Promise.resolve().then(() => callback(null, bytes));
    return undefined;
  }
  return bytes;
}

function randomFillSync(target, offset, size) {
  const view = new Uint8Array(target.buffer || target, target.byteOffset || 0, target.byteLength);
  const start = offset === undefined ? 0 : offset;
  const count = size === undefined ? view.length - start : size;
  view.set(randomBuffer(count), start);
  return target;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') { callback = max; max = min; min = 0; }
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min || max - min >= 2 ** 48) {
    throw codeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "max" is out of range. It must be greater than the value of "min" (' + min + ')');
  }
  const range = max - min;
  const limit = 2 ** 48 - (2 ** 48 % range);
  let n;
  do { n = randomBuffer(6).readUIntBE(0, 6); } while (n >= limit);
  const r = min + (n % range);
  if (typeof callback === 'function') { Promise.resolve().then(() => callback(null, r)); return undefined; }
  return r;
}

function randomUUID() {
  return host.randomUUID();
}

function timingSafeEqual(a, b) {
  if (!ArrayBuffer.isView(a) && !(a instanceof ArrayBuffer)) throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  if (!ArrayBuffer.isView(b) && !(b instanceof ArrayBuffer)) throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf2" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  const x = toBuffer(a), y = toBuffer(b);
  if (x.length !== y.length) throw codeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    const e = new TypeError('The data argument must be an integer-type TypedArray');
    e.name = 'TypeMismatchError';
    throw e;
  }
  if (array.byteLength > 65536) {
    const e = new Error("The ArrayBufferView's byte length (" + array.byteLength + ') exceeds the number of bytes of entropy available via this API (65536)');
    e.name = 'QuotaExceededError';
    throw e;
  }
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(randomBuffer(array.byteLength));
  return array;
}

// Web Crypto's synchronous part (the global crypto). subtle is not provided.
const webcrypto = { getRandomValues: getRandomValues, randomUUID: randomUUID };

module.exports = {
  createHash: createHash,
  createHmac: createHmac,
  createSecretKey: (key, encoding) => new KeyObject('secret', Buffer.from(toBuffer(key, encoding, 'key'))),
  hash: hash,
  getHashes: () => ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  randomBytes: randomBytes,
  pseudoRandomBytes: randomBytes,
  randomFillSync: randomFillSync,
  randomInt: randomInt,
  randomUUID: randomUUID,
  timingSafeEqual: timingSafeEqual,
  getRandomValues: getRandomValues,
  webcrypto: webcrypto,
  Hash: Hash,
  Hmac: Hmac,
  KeyObject: KeyObject,
};
