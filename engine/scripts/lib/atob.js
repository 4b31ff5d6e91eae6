// atob(text): the Latin-1 string whose bytes the base64 text encodes. Like the npm package Postman
// bundles, it decodes leniently: characters outside the alphabet and padding are skipped.
var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var VALUE = {};
for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET[i]] = i;
VALUE['-'] = 62;
VALUE._ = 63;

function atob(text) {
  var s = String(text), out = '', acc = 0, bits = 0;
  for (var j = 0; j < s.length; j++) {
    var v = VALUE[s[j]];
    if (v === undefined) {
      if (s[j] === '=') break;
      continue;
    }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 255);
    }
  }
  return out;
}
module.exports = atob;
