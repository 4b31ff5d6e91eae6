// uuid: Postman's `require('uuid')` is a function returning a v4 UUID, with `.v4`; the npm
// package's API (v1, v3, v4, v5, NIL, validate, version, parse, stringify) is here too.
// Generation is Python's uuid module; checks and conversions are JavaScript.
var host = require('#sandbox').host;
var PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/i;

function toBytesArg(value) {
  if (value && typeof value === 'object' && typeof value.length === 'number') return Array.prototype.slice.call(value);
  return value;
}
function intoBuffer(text, buf, offset) {
  if (!buf) return text;
  var bytes = parse(text);
  offset = offset || 0;
  for (var i = 0; i < 16; i++) buf[offset + i] = bytes[i];
  return buf;
}
function validate(text) { return typeof text === 'string' && PATTERN.test(text); }
function version(text) {
  if (!validate(text)) throw new TypeError('Invalid UUID');
  return parseInt(text.substr(14, 1), 16);
}
function parse(text) {
  if (!validate(text)) throw new TypeError('Invalid UUID');
  var hex = text.replace(/-/g, ''), out = new Uint8Array(16);
  for (var i = 0; i < 16; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
function stringify(bytes, offset) {
  offset = offset || 0;
  var hex = [];
  for (var i = 0; i < 16; i++) hex.push(((bytes[offset + i] & 255) + 0x100).toString(16).substr(1));
  var s = hex.join('');
  var text = s.substr(0, 8) + '-' + s.substr(8, 4) + '-' + s.substr(12, 4) + '-' + s.substr(16, 4) + '-' + s.substr(20);
  if (!validate(text)) throw new TypeError('Stringified UUID is invalid');
  return text;
}
function named(versionNumber, nsDefault) {
  var fn = function (name, namespace, buf, offset) {
    return intoBuffer(host('uuid.named', versionNumber, toBytesArg(name), toBytesArg(namespace)), buf, offset);
  };
  fn.DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
  fn.URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
  return fn;
}
function v1(options, buf, offset) { return intoBuffer(host('uuid.v1'), buf, offset); }
function v4(options, buf, offset) { return intoBuffer(host('uuid.v4'), buf, offset); }

var uuid = function () { return v4(); };
uuid.v1 = v1;
uuid.v3 = named(3);
uuid.v4 = v4;
uuid.v5 = named(5);
uuid.NIL = '00000000-0000-0000-0000-000000000000';
uuid.validate = validate;
uuid.version = version;
uuid.parse = parse;
uuid.stringify = stringify;
module.exports = uuid;
