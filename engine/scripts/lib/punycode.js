// Node's punycode module (RFC 3492, https://nodejs.org/api/punycode.html): encode, decode,
// toASCII, toUnicode, ucs2.
'use strict';
var BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, INITIAL_BIAS = 72, INITIAL_N = 128;
function adapt(delta, numPoints, first) {
  var k = 0;
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  for (; delta > ((BASE - TMIN) * TMAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - TMIN));
  return Math.floor(k + (BASE - TMIN + 1) * delta / (delta + SKEW));
}
function digit(d) { return String.fromCharCode(d + 22 + 75 * (d < 26)); }
function basicValue(c) { return c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : BASE; }
function ucs2decode(s) { return Array.from(String(s), function (c) { return c.codePointAt(0); }); }
function ucs2encode(a) { return String.fromCodePoint.apply(null, a); }
function encode(input) {
  var cps = ucs2decode(input), out = '', n = INITIAL_N, delta = 0, bias = INITIAL_BIAS;
  cps.forEach(function (c) { if (c < 0x80) out += String.fromCharCode(c); });
  var b = out.length, h = b;
  if (b) out += '-';
  while (h < cps.length) {
    var m = Infinity;
    cps.forEach(function (c) { if (c >= n && c < m) m = c; });
    delta += (m - n) * (h + 1);
    n = m;
    for (var i = 0; i < cps.length; i++) {
      var c = cps[i];
      if (c < n) delta++;
      if (c === n) {
        var q = delta;
        for (var k = BASE; ; k += BASE) {
          var t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
          if (q < t) break;
          out += digit(t + (q - t) % (BASE - t));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++; n++;
  }
  return out;
}
function decode(input) {
  var out = [], n = INITIAL_N, bias = INITIAL_BIAS, i = 0, basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (var j = 0; j < basic; j++) { if (input.charCodeAt(j) >= 0x80) throw new RangeError('Illegal input >= 0x80 (not a basic code point)'); out.push(input.charCodeAt(j)); }
  for (var idx = basic > 0 ? basic + 1 : 0; idx < input.length;) {
    var oldi = i;
    for (var w = 1, k = BASE; ; k += BASE) {
      if (idx >= input.length) throw new RangeError('Invalid input');
      var d = basicValue(input.charCodeAt(idx++));
      if (d >= BASE) throw new RangeError('Invalid input');
      i += d * w;
      var t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
      if (d < t) break;
      w *= BASE - t;
    }
    bias = adapt(i - oldi, out.length + 1, oldi === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    out.splice(i++, 0, n);
  }
  return ucs2encode(out);
}
function mapDomain(domain, fn) {
  var parts = String(domain).split('@'), prefix = parts.length > 1 ? parts[0] + '@' : '';
  var host = parts.length > 1 ? parts[1] : parts[0];
  return prefix + host.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.').map(fn).join('.');
}
module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  encode: encode,
  decode: decode,
  toASCII: function (d) { return mapDomain(d, function (l) { return /[^\0-\x7F]/.test(l) ? 'xn--' + encode(l) : l; }); },
  toUnicode: function (d) { return mapDomain(d, function (l) { return /^xn--/i.test(l) ? decode(l.slice(4).toLowerCase()) : l; }); }
};
