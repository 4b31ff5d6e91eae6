// Node's string_decoder (https://nodejs.org/api/string_decoder.html) for utf8/utf-8, latin1,
// ascii, hex and base64: write() keeps an incomplete multi-byte character for the next chunk.
'use strict';
function bytesOf(buf) { return buf == null ? [] : (typeof buf === 'string' ? Array.from(buf, function (c) { return c.charCodeAt(0) & 255; }) : Array.prototype.slice.call(buf)); }
function StringDecoder(encoding) {
  var enc = String(encoding || 'utf8').toLowerCase().replace('-', '');
  if (enc === 'binary') enc = 'latin1';
  if (['utf8', 'latin1', 'ascii', 'hex', 'base64', 'utf16le', 'ucs2'].indexOf(enc) < 0) throw new TypeError('Unknown encoding: ' + encoding);
  this.encoding = enc === 'ucs2' ? 'utf16le' : enc;
  this._pending = [];
}
function utf8Needed(b) { return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1; }
function decodeUtf8(bytes) {
  var out = '', i = 0;
  while (i < bytes.length) {
    var b = bytes[i], n = utf8Needed(b), cp;
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    if (b < 0xc0 || i + n > bytes.length) { out += '\ufffd'; i++; continue; }
    cp = b & (0xff >> (n + 1));
    var ok = true;
    for (var j = 1; j < n; j++) { var c = bytes[i + j]; if ((c & 0xc0) !== 0x80) { ok = false; break; } cp = (cp << 6) | (c & 0x3f); }
    if (!ok) { out += '\ufffd'; i++; continue; }
    out += String.fromCodePoint(cp); i += n;
  }
  return out;
}
StringDecoder.prototype._decode = function (bytes) {
  switch (this.encoding) {
    case 'utf8': return decodeUtf8(bytes);
    case 'latin1': return String.fromCharCode.apply(null, bytes);
    case 'ascii': return String.fromCharCode.apply(null, bytes.map(function (b) { return b & 0x7f; }));
    case 'hex': return bytes.map(function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    case 'base64': return btoa(String.fromCharCode.apply(null, bytes));
    case 'utf16le': { var s = ''; for (var i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8)); return s; }
  }
  return '';
};
StringDecoder.prototype.write = function (buf) {
  var bytes = this._pending.concat(bytesOf(buf)), keep = 0;
  if (this.encoding === 'utf8') {
    for (var back = 1; back <= Math.min(3, bytes.length); back++) {
      var b = bytes[bytes.length - back];
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0 && utf8Needed(b) > back) keep = back;
      break;
    }
  } else if (this.encoding === 'base64') keep = bytes.length % 3;
  else if (this.encoding === 'utf16le') keep = bytes.length % 2;
  this._pending = keep ? bytes.slice(bytes.length - keep) : [];
  return this._decode(keep ? bytes.slice(0, bytes.length - keep) : bytes);
};
StringDecoder.prototype.end = function (buf) {
  var out = buf === undefined ? '' : this.write(buf), rest = this._pending;
  this._pending = [];
  return out + (rest.length ? (this.encoding === 'utf8' ? '\ufffd' : this._decode(rest)) : '');
};
var btoa = require('btoa');
exports.StringDecoder = StringDecoder;
