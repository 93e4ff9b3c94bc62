// node:string_decoder — decodes a stream of buffers without splitting multi-byte characters.
'use strict';
const { Buffer } = require('buffer');

class StringDecoder {
  constructor(encoding) {
    const e = (encoding || 'utf8').toLowerCase();
    if (!Buffer.isEncoding(e)) throw new TypeError('Unknown encoding: ' + encoding);
    this.encoding = e === 'utf-8' ? 'utf8' : e;
    this._pending = Buffer.alloc(0);
  }
  write(buf) {
    if (typeof buf === 'string') return buf;
    const all = this._pending.length ? Buffer.concat([this._pending, buf]) : Buffer.from(buf);
    let keep = 0;
    if (this.encoding === 'utf8') {
      // Keep an incomplete trailing sequence for the next write.
      for (let i = all.length - 1, n = 1; i >= 0 && n <= 4; i--, n++) {
        const b = all[i];
        if ((b & 0xc0) === 0x80) continue;
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (need > n) keep = n;
        break;
      }
    } else if (this.encoding === 'utf16le' || this.encoding === 'ucs2') {
      keep = all.length % 2;
    } else if (this.encoding === 'base64' || this.encoding === 'base64url') {
      keep = all.length % 3;
    }
    this._pending = all.subarray(all.length - keep);
    return all.subarray(0, all.length - keep).toString(this.encoding);
  }
  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this._pending.length) out += this._pending.toString(this.encoding);
    this._pending = Buffer.alloc(0);
    return out;
  }
}

module.exports = { StringDecoder: StringDecoder };
