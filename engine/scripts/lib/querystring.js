// Node's querystring module (https://nodejs.org/api/querystring.html): parse, stringify,
// escape, unescape, decode/encode aliases.
'use strict';
var hasOwn = Object.prototype.hasOwnProperty;
function qsEscape(s) {
  return encodeURIComponent(String(s));
}
function qsUnescape(s) {
  s = String(s);
  try { return decodeURIComponent(s); } catch (e) {
    // invalid UTF-8 after decoding becomes U+FFFD, as Node's unescapeBuffer does
    var bytes = [];
    s.replace(/%([0-9a-fA-F]{2})|[\s\S]/g, function (m, h) {
      if (h) bytes.push(parseInt(h, 16)); else Array.prototype.push.apply(bytes, Array.from(unescape(encodeURIComponent(m)), function (c) { return c.charCodeAt(0); }));
      return m;
    });
    return new (require('string_decoder').StringDecoder)('utf8').end(bytes);
  }
}
function primitive(v) {
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && isFinite(v)) || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}
function stringify(obj, sep, eq, options) {
  sep = sep || '&'; eq = eq || '=';
  var enc = (options && options.encodeURIComponent) || exports.escape;
  if (obj === null || typeof obj !== 'object') return '';
  var out = [];
  Object.keys(obj).forEach(function (k) {
    var v = obj[k], ks = enc(primitive(k)) + eq;
    if (Array.isArray(v)) v.forEach(function (x) { out.push(ks + enc(primitive(x))); });
    else out.push(ks + enc(primitive(v)));
  });
  return out.join(sep);
}
function parse(str, sep, eq, options) {
  sep = sep || '&'; eq = eq || '=';
  var out = Object.create(null);
  if (typeof str !== 'string' || !str.length) return out;
  var max = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
  var dec = (options && options.decodeURIComponent) || exports.unescape;
  var parts = str.split(sep);
  if (max > 0) parts = parts.slice(0, max);
  parts.forEach(function (p) {
    if (!p.length && parts.length > 1) return;
    var i = p.indexOf(eq), k = i < 0 ? p : p.slice(0, i), v = i < 0 ? '' : p.slice(i + eq.length);
    k = dec(k.replace(/\+/g, ' ')); v = dec(v.replace(/\+/g, ' '));
    if (!hasOwn.call(out, k)) out[k] = v; else if (Array.isArray(out[k])) out[k].push(v); else out[k] = [out[k], v];
  });
  return out;
}
exports.escape = qsEscape;
exports.unescape = qsUnescape;
exports.stringify = exports.encode = stringify;
exports.parse = exports.decode = parse;
