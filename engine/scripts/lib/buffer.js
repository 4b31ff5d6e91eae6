// Node's buffer module (the `Buffer` global of Postman's sandbox), written to Node's documented
// behaviour: a Uint8Array subclass with the encodings utf8, hex, base64, base64url, latin1/binary,
// ascii and utf16le/ucs2, and the commonly used statics, reads and writes.
'use strict';
var sandbox = require('#sandbox');
var K_MAX_LENGTH = 0x7fffffff;
var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
var B64_VALUE = {};
for (var i = 0; i < 64; i++) { B64_VALUE[B64.charAt(i)] = i; B64_VALUE[B64URL.charAt(i)] = i; }

function normaliseEncoding(encoding) {
  var e = encoding === undefined || encoding === null ? 'utf8' : String(encoding).toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    default: return null;
  }
}
function encodingOrThrow(encoding) {
  var e = normaliseEncoding(encoding);
  if (e === null) {
    var err = new TypeError('Unknown encoding: ' + encoding);
    err.code = 'ERR_UNKNOWN_ENCODING';
    throw err;
  }
  return e;
}

// ---------- string → bytes -------------------------------------------------------------------
function utf8Bytes(s) {
  var out = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate becomes U+FFFD, as in Node
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
function base64Bytes(s) {
  var out = [], acc = 0, bits = 0;
  for (var i = 0; i < s.length; i++) {
    var ch = s.charAt(i);
    if (ch === '=') break;
    var v = B64_VALUE[ch];
    if (v === undefined) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 255); }
  }
  return out;
}
function hexBytes(s) {
  var out = [];
  for (var i = 0; i + 1 < s.length; i += 2) {
    var pair = s.substr(i, 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) break; // Node stops at the first pair that is not hex
    out.push(parseInt(pair, 16));
  }
  return out;
}
function stringBytes(s, encoding) {
  switch (encodingOrThrow(encoding)) {
    case 'utf8': return utf8Bytes(s);
    case 'hex': return hexBytes(s);
    case 'base64': case 'base64url': return base64Bytes(s);
    case 'latin1': case 'ascii': {
      var out = new Array(s.length);
      for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 255;
      return out;
    }
    case 'utf16le': {
      var u = [];
      for (var j = 0; j < s.length; j++) { var c = s.charCodeAt(j); u.push(c & 255, c >> 8); }
      return u;
    }
  }
  return [];
}

// ---------- bytes → string -------------------------------------------------------------------
function utf8Text(bytes, start, end) {
  var out = '', i = start;
  while (i < end) {
    var b = bytes[i], cp = 0xfffd, need = 0, min = 0;
    if (b < 0x80) { cp = b; need = 0; }
    else if (b >= 0xc2 && b <= 0xdf) { cp = b & 0x1f; need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { cp = b & 0x0f; need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { cp = b & 0x07; need = 3; min = 0x10000; }
    else { out += '\ufffd'; i++; continue; }
    var j = 1, ok = true;
    for (; j <= need; j++) {
      if (i + j >= end || (bytes[i + j] & 0xc0) !== 0x80) { ok = false; break; }
      cp = (cp << 6) | (bytes[i + j] & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i += ok ? need + 1 : Math.max(j, 1);
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
function base64Text(bytes, start, end, alphabet, pad) {
  var out = '';
  for (var i = start; i < end; i += 3) {
    var a = bytes[i], b = i + 1 < end ? bytes[i + 1] : 0, c = i + 2 < end ? bytes[i + 2] : 0;
    var n = (a << 16) | (b << 8) | c;
    out += alphabet.charAt((n >> 18) & 63) + alphabet.charAt((n >> 12) & 63);
    out += i + 1 < end ? alphabet.charAt((n >> 6) & 63) : (pad ? '=' : '');
    out += i + 2 < end ? alphabet.charAt(n & 63) : (pad ? '=' : '');
  }
  return out;
}
function bytesText(bytes, encoding, start, end) {
  var out = '', i;
  switch (encodingOrThrow(encoding)) {
    case 'utf8': return utf8Text(bytes, start, end);
    case 'hex':
      for (i = start; i < end; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
      return out;
    case 'base64': return base64Text(bytes, start, end, B64, true);
    case 'base64url': return base64Text(bytes, start, end, B64URL, false);
    case 'latin1':
      for (i = start; i < end; i++) out += String.fromCharCode(bytes[i]);
      return out;
    case 'ascii':
      for (i = start; i < end; i++) out += String.fromCharCode(bytes[i] & 0x7f);
      return out;
    case 'utf16le':
      for (i = start; i + 1 < end; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return out;
  }
  return out;
}

// ---------- the class ------------------------------------------------------------------------
function toBytes(value, encodingOrOffset, length) {
  if (typeof value === 'string') return stringBytes(value, encodingOrOffset);
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(function (v) { return v & 255; });
  if (value && typeof value === 'object') {
    if (value.type === 'Buffer' && Array.isArray(value.data)) return value.data.map(function (v) { return v & 255; });
    if (typeof value.length === 'number') return Array.prototype.map.call(value, function (v) { return v & 255; });
    var primitive = typeof value[Symbol.toPrimitive] === 'function' ? value[Symbol.toPrimitive]('string') : value.valueOf();
    if (primitive !== value && (typeof primitive === 'string' || typeof primitive === 'object')) return toBytes(primitive, encodingOrOffset, length);
  }
  throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an ' +
    'Array-like Object. Received ' + (value === null ? 'null' : typeof value));
}

class Buffer extends Uint8Array {
  constructor(value, encodingOrOffset, length) {
    if (typeof value === 'number') { super(value); return; }
    if (value instanceof ArrayBuffer) { super(value, encodingOrOffset || 0, length === undefined ? value.byteLength - (encodingOrOffset || 0) : length); return; }
    var bytes = toBytes(value, encodingOrOffset, length);
    super(bytes.length);
    this.set(bytes);
  }

  static from(value, encodingOrOffset, length) {
    if (typeof value === 'number') throw new TypeError('The "value" argument must not be of type number. Received type number (' + value + ')');
    if (value instanceof ArrayBuffer) return new Buffer(value, encodingOrOffset, length);
    return new Buffer(value, encodingOrOffset, length);
  }
  static alloc(size, fill, encoding) {
    checkSize(size);
    var buf = new Buffer(size);
    if (fill !== undefined && fill !== 0) buf.fill(fill, 0, buf.length, encoding);
    return buf;
  }
  static allocUnsafe(size) { checkSize(size); return new Buffer(size); }
  static allocUnsafeSlow(size) { checkSize(size); return new Buffer(size); }
  static isBuffer(value) { return value instanceof Buffer; }
  static isEncoding(encoding) { return typeof encoding === 'string' && normaliseEncoding(encoding) !== null; }
  static byteLength(value, encoding) {
    if (typeof value === 'string') return stringBytes(value, encoding).length;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    throw new TypeError('The "string" argument must be of type string or an instance of Buffer or ArrayBuffer.');
  }
  static concat(list, totalLength) {
    if (!Array.isArray(list)) throw new TypeError('The "list" argument must be an instance of Array.');
    var total = totalLength !== undefined ? totalLength : list.reduce(function (n, b) { return n + b.length; }, 0);
    var out = Buffer.alloc(total), at = 0;
    for (var i = 0; i < list.length && at < total; i++) {
      var part = list[i];
      if (!(part instanceof Uint8Array)) throw new TypeError('The "list[' + i + ']" argument must be an instance of Buffer or Uint8Array.');
      var take = Math.min(part.length, total - at);
      out.set(take === part.length ? part : part.subarray(0, take), at);
      at += take;
    }
    return out;
  }
  static compare(a, b) { return compareBytes(a, 0, a.length, b, 0, b.length); }

  get parent() { return this.buffer; }
  get offset() { return this.byteOffset; }

  toString(encoding, start, end) {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (end <= start) return '';
    return bytesText(this, encoding, start, end);
  }
  toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; }
  toLocaleString(encoding, start, end) { return this.toString(encoding, start, end); }
  inspect() {
    var shown = Array.prototype.slice.call(this, 0, 50).map(function (b) { return (b < 16 ? '0' : '') + b.toString(16); });
    return '<Buffer' + (shown.length ? ' ' + shown.join(' ') : '') + (this.length > 50 ? ' ... ' + (this.length - 50) + ' more bytes' : '') + '>';
  }
  equals(other) {
    if (!(other instanceof Uint8Array)) throw new TypeError('The "otherBuffer" argument must be an instance of Buffer or Uint8Array.');
    return compareBytes(this, 0, this.length, other, 0, other.length) === 0;
  }
  compare(target, tStart, tEnd, sStart, sEnd) {
    return compareBytes(this, sStart || 0, sEnd === undefined ? this.length : sEnd,
      target, tStart || 0, tEnd === undefined ? target.length : tEnd);
  }
  slice(start, end) { return this.subarray(start, end); }
  write(string, offset, length, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; length = this.length; }
    else if (typeof length === 'string') { encoding = length; length = this.length - (offset || 0); }
    offset = offset === undefined ? 0 : offset >>> 0;
    var max = this.length - offset;
    length = length === undefined ? max : Math.min(max, length >>> 0);
    var bytes = stringBytes(String(string), encoding);
    var n = Math.min(bytes.length, length);
    for (var i = 0; i < n; i++) this[offset + i] = bytes[i];
    return n;
  }
  fill(value, offset, end, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
    else if (typeof end === 'string') { encoding = end; end = this.length; }
    offset = offset === undefined ? 0 : offset;
    end = end === undefined ? this.length : end;
    if (typeof value === 'number') return Uint8Array.prototype.fill.call(this, value & 255, offset, end);
    var bytes = typeof value === 'string' ? stringBytes(value, encoding) : toBytes(value);
    if (!bytes.length) return Uint8Array.prototype.fill.call(this, 0, offset, end);
    for (var i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  }
  indexOf(value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, true); }
  lastIndexOf(value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, false); }
  includes(value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; }
  copy(target, targetStart, sourceStart, sourceEnd) {
    targetStart = targetStart || 0;
    sourceStart = sourceStart || 0;
    sourceEnd = sourceEnd === undefined ? this.length : Math.min(sourceEnd, this.length);
    var n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  }
  swap16() { return swap(this, 2); }
  swap32() { return swap(this, 4); }
  swap64() { return swap(this, 8); }
}

function checkSize(size) {
  if (typeof size !== 'number' || size < 0 || size > K_MAX_LENGTH || size !== size) {
    throw new RangeError('The argument \'size\' is invalid. Received ' + size);
  }
}
function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
  var n = Math.min(aEnd - aStart, bEnd - bStart);
  for (var i = 0; i < n; i++) {
    if (a[aStart + i] !== b[bStart + i]) return a[aStart + i] < b[bStart + i] ? -1 : 1;
  }
  var la = aEnd - aStart, lb = bEnd - bStart;
  return la === lb ? 0 : la < lb ? -1 : 1;
}
function search(buf, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
  var needle = typeof value === 'number' ? [value & 255] : typeof value === 'string' ? stringBytes(value, encoding) : toBytes(value);
  var len = buf.length;
  var from = byteOffset === undefined ? (forward ? 0 : len - needle.length) : (byteOffset < 0 ? len + byteOffset : byteOffset);
  if (!needle.length) return forward ? Math.min(Math.max(from, 0), len) : Math.min(from, len);
  for (var i = forward ? Math.max(from, 0) : Math.min(from, len - needle.length); forward ? i <= len - needle.length : i >= 0; i += forward ? 1 : -1) {
    var j = 0;
    while (j < needle.length && buf[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
function swap(buf, size) {
  if (buf.length % size) throw new RangeError('Buffer size must be a multiple of ' + (size * 8) + '-bits');
  for (var i = 0; i < buf.length; i += size) {
    for (var a = i, b = i + size - 1; a < b; a++, b--) { var t = buf[a]; buf[a] = buf[b]; buf[b] = t; }
  }
  return buf;
}

// ---------- numeric reads and writes (through a DataView on the same memory) ------------------
function view(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
function checkOffset(buf, offset, size) {
  offset = offset === undefined ? 0 : offset;
  if (typeof offset !== 'number' || offset % 1 !== 0) throw new TypeError('The "offset" argument must be of type number (an integer). Received ' + offset);
  if (offset < 0 || offset + size > buf.length) {
    var e = new RangeError('The value of "offset" is out of range. It must be >= 0 and <= ' + (buf.length - size) + '. Received ' + offset);
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  return offset;
}
var NUMERIC = [
  ['UInt8', 'Uint8', 1], ['Int8', 'Int8', 1],
  ['UInt16LE', 'Uint16', 2, true], ['UInt16BE', 'Uint16', 2, false], ['Int16LE', 'Int16', 2, true], ['Int16BE', 'Int16', 2, false],
  ['UInt32LE', 'Uint32', 4, true], ['UInt32BE', 'Uint32', 4, false], ['Int32LE', 'Int32', 4, true], ['Int32BE', 'Int32', 4, false],
  ['FloatLE', 'Float32', 4, true], ['FloatBE', 'Float32', 4, false], ['DoubleLE', 'Float64', 8, true], ['DoubleBE', 'Float64', 8, false],
  ['BigUInt64LE', 'BigUint64', 8, true], ['BigUInt64BE', 'BigUint64', 8, false], ['BigInt64LE', 'BigInt64', 8, true], ['BigInt64BE', 'BigInt64', 8, false]
];
NUMERIC.forEach(function (spec) {
  var name = spec[0], kind = spec[1], size = spec[2], little = !!spec[3];
  Buffer.prototype['read' + name] = function (offset) {
    return view(this)['get' + kind](checkOffset(this, offset, size), little);
  };
  Buffer.prototype['write' + name] = function (value, offset) {
    offset = checkOffset(this, offset, size);
    view(this)['set' + kind](offset, value, little);
    return offset + size;
  };
  if (name.indexOf('UInt') === 0) { // Node's lower-case aliases: readUint8, writeUint32LE, ...
    Buffer.prototype['read' + name.replace('UInt', 'Uint')] = Buffer.prototype['read' + name];
    Buffer.prototype['write' + name.replace('UInt', 'Uint')] = Buffer.prototype['write' + name];
  }
});
function variable(read, signed, little) {
  return function (offset, byteLength) {
    offset = checkOffset(this, offset, byteLength);
    var value = 0;
    for (var i = 0; i < byteLength; i++) value = value * 256 + this[offset + (little ? byteLength - 1 - i : i)];
    if (signed && value >= Math.pow(2, 8 * byteLength - 1)) value -= Math.pow(2, 8 * byteLength);
    return value;
  };
}
Buffer.prototype.readUIntLE = variable(true, false, true);
Buffer.prototype.readUIntBE = variable(true, false, false);
Buffer.prototype.readIntLE = variable(true, true, true);
Buffer.prototype.readIntBE = variable(true, true, false);
function writeVariable(little) {
  return function (value, offset, byteLength) {
    offset = checkOffset(this, offset, byteLength);
    var v = value < 0 ? value + Math.pow(2, 8 * byteLength) : value;
    for (var i = 0; i < byteLength; i++) {
      this[offset + (little ? i : byteLength - 1 - i)] = v % 256;
      v = Math.floor(v / 256);
    }
    return offset + byteLength;
  };
}
Buffer.prototype.writeUIntLE = Buffer.prototype.writeIntLE = writeVariable(true);
Buffer.prototype.writeUIntBE = Buffer.prototype.writeIntBE = writeVariable(false);

Buffer.poolSize = 8192;

module.exports = {
  Buffer: Buffer,
  SlowBuffer: function (size) { return Buffer.allocUnsafeSlow(size); },
  kMaxLength: K_MAX_LENGTH,
  constants: { MAX_LENGTH: K_MAX_LENGTH, MAX_STRING_LENGTH: 0x1fffffe8 },
  INSPECT_MAX_BYTES: 50,
  atob: function (s) { return Buffer.from(String(s), 'base64').toString('latin1'); },
  btoa: function (s) { return Buffer.from(String(s), 'latin1').toString('base64'); },
  transcode: function () { throw sandbox.unsupported('buffer.transcode is not supported'); }
};
