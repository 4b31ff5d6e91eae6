// btoa(text): base64 of the string's Latin-1 bytes. Like the npm package Postman bundles, a
// character above U+00FF contributes its low byte.
var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function btoa(text) {
  var s = String(text), out = '';
  for (var i = 0; i < s.length; i += 3) {
    var a = s.charCodeAt(i) & 255, b = s.charCodeAt(i + 1) & 255, c = s.charCodeAt(i + 2) & 255;
    var n = (a << 16) | ((i + 1 < s.length ? b : 0) << 8) | (i + 2 < s.length ? c : 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] +
      (i + 1 < s.length ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < s.length ? ALPHABET[n & 63] : '=');
  }
  return out;
}
module.exports = btoa;
