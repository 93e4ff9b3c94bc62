// The global structuredClone (internal, not requireable): the HTML structured clone algorithm for
// what a function can hold — primitives, plain objects, arrays, Date, RegExp, Map, Set, Error,
// ArrayBuffer and its views, boxed primitives — with shared and circular references kept.
'use strict';

function dataCloneError(what) {
  const e = new Error(what + ' could not be cloned.');
  e.name = 'DataCloneError';
  e.code = 25;
  return e;
}

const TYPED_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array];

function structuredClone(value, options) {
  if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
  const memory = new Map();

  function clone(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'symbol') throw dataCloneError(v.toString());
      return v;
    }
    if (typeof v === 'function') throw dataCloneError(String(v).slice(0, 60));
    if (memory.has(v)) return memory.get(v);
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    if (v instanceof Date) { out = new Date(v.getTime()); memory.set(v, out); return out; }
    if (v instanceof RegExp) { out = new RegExp(v.source, v.flags); memory.set(v, out); return out; }
    if (v instanceof Boolean || v instanceof Number || v instanceof String) { out = Object(v.valueOf()); memory.set(v, out); return out; }
    if (v instanceof ArrayBuffer) { out = v.slice(0); memory.set(v, out); return out; }
    if (ArrayBuffer.isView(v)) {
      const buffer = clone(v.buffer);
      // A Buffer comes back as a Uint8Array, as in Node.
      const Ctor = v instanceof DataView ? DataView : TYPED_ARRAYS.indexOf(v.constructor) >= 0 ? v.constructor : Uint8Array;
      out = v instanceof DataView ? new DataView(buffer, v.byteOffset, v.byteLength) : new Ctor(buffer, v.byteOffset, v.length);
      memory.set(v, out);
      return out;
    }
    if (v instanceof Map) {
      out = new Map();
      memory.set(v, out);
      v.forEach((val, k) => out.set(clone(k), clone(val)));
      return out;
    }
    if (v instanceof Set) {
      out = new Set();
      memory.set(v, out);
      v.forEach((val) => out.add(clone(val)));
      return out;
    }
    if (v instanceof Error) {
      const Ctors = { EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError, SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError };
      const Ctor = Object.prototype.hasOwnProperty.call(Ctors, v.name) ? Ctors[v.name] : Error;
      out = Object.create(Ctor.prototype);
      memory.set(v, out);
      if (v.message !== undefined) Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
      if (v.stack !== undefined) Object.defineProperty(out, 'stack', { value: String(v.stack), writable: true, configurable: true });
      if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
      return out;
    }
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef) {
      throw dataCloneError('#<' + v.constructor.name + '>');
    }
    // Any other object clones as a plain object of its own enumerable string-keyed properties.
    out = {};
    memory.set(v, out);
    for (const k of Object.keys(v)) out[k] = clone(v[k]);
    return out;
  }

  return clone(value);
}

module.exports = { structuredClone: structuredClone };
