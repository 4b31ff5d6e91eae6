// crypto-js (3.x, as Postman bundles it), written from its documented API. Data types and
// encoders live here; digests, HMACs, key derivation and ciphers are computed by Python
// (host_crypto.py: hashlib, hmac, `cryptography`). Bytes cross the bridge as hex text.
var sandbox = require('#sandbox');
var host = sandbox.host;

// ---------- WordArray: big-endian 32-bit words plus a byte count -------------------------------
function WordArray(words, sigBytes) {
  this.words = words || [];
  this.sigBytes = sigBytes !== undefined ? sigBytes : this.words.length * 4;
}
WordArray.prototype.toString = function (encoder) { return (encoder || Hex).stringify(this); };
WordArray.prototype.concat = function (other) {
  this.clamp();
  var mine = this.sigBytes, theirs = other.sigBytes, words = other.words;
  for (var i = 0; i < theirs; i++) {
    var byte = (words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
    this.words[(mine + i) >>> 2] |= byte << (24 - ((mine + i) % 4) * 8);
  }
  this.sigBytes += theirs;
  return this;
};
WordArray.prototype.clamp = function () {
  var n = this.sigBytes;
  this.words[n >>> 2] &= 0xffffffff << (32 - (n % 4) * 8);
  this.words.length = Math.ceil(n / 4);
  return this;
};
WordArray.prototype.clone = function () { return new WordArray(this.words.slice(0), this.sigBytes); };

function fromBytes(bytes, length) {
  var words = [];
  for (var i = 0; i < length; i++) words[i >>> 2] |= (bytes[i] & 0xff) << (24 - (i % 4) * 8);
  return new WordArray(words, length);
}
function wordArrayCreate(words, sigBytes) {
  if (words instanceof ArrayBuffer) words = new Uint8Array(words);
  if (ArrayBuffer.isView(words) && !(words instanceof Uint8Array)) {
    words = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  }
  if (words instanceof Uint8Array) return fromBytes(words, words.length);
  return new WordArray(words ? words.slice(0) : [], sigBytes);
}

// ---------- encoders -----------------------------------------------------------------------------
// Lookup tables: QuickJS makes per-character number formatting and parsing the slow part.
var HEX_BYTE = [], NIBBLE = new Int8Array(128).fill(-1);
for (var hb = 0; hb < 256; hb++) HEX_BYTE.push((hb < 16 ? '0' : '') + hb.toString(16));
'0123456789abcdef'.split('').forEach(function (c, i) { NIBBLE[c.charCodeAt(0)] = i; NIBBLE[c.toUpperCase().charCodeAt(0)] = i; });
function nibble(code) { return code < 128 ? NIBBLE[code] : -1; }

function byteAt(wa, i) { return (wa.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff; }

var Hex = {
  stringify: function (wa) {
    var out = '', n = wa.sigBytes;
    for (var i = 0; i < n; i++) out += HEX_BYTE[byteAt(wa, i)];
    return out;
  },
  parse: function (text) {
    var s = String(text), words = [];
    for (var i = 0; i < s.length; i += 2) {
      var hi = nibble(s.charCodeAt(i)), lo = i + 1 < s.length ? nibble(s.charCodeAt(i + 1)) : -1;
      var v = hi >= 0 && lo >= 0 ? (hi << 4) | lo : parseInt(s.substr(i, 2), 16);
      words[i >>> 3] |= v << (24 - (i % 8) * 4);
    }
    return new WordArray(words, s.length >>> 1);
  }
};
var Latin1 = {
  stringify: function (wa) {
    var codes = [], n = wa.sigBytes;
    for (var i = 0; i < n; i++) codes.push(byteAt(wa, i));
    var out = '';
    for (var j = 0; j < codes.length; j += 4096) out += String.fromCharCode.apply(null, codes.slice(j, j + 4096));
    return out;
  },
  parse: function (text) {
    var s = String(text), words = [];
    for (var i = 0; i < s.length; i++) words[i >>> 2] |= (s.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8);
    return new WordArray(words, s.length);
  }
};
var Utf8 = {
  stringify: function (wa) {
    try {
      return decodeURIComponent(escape(Latin1.stringify(wa)));
    } catch (e) {
      throw new Error('Malformed UTF-8 data');
    }
  },
  parse: function (text) { return Latin1.parse(unescape(encodeURIComponent(String(text)))); }
};
function utf16(little) {
  function swap(w) { return ((w << 8) & 0xff00ff00) | ((w >>> 8) & 0x00ff00ff); }
  return {
    stringify: function (wa) {
      var out = [];
      for (var i = 0; i < wa.sigBytes; i += 2) {
        var w = (wa.words[i >>> 2] >>> (16 - (i % 4) * 8)) & 0xffff;
        if (little) w = ((w << 8) & 0xff00) | (w >>> 8);
        out.push(String.fromCharCode(w));
      }
      return out.join('');
    },
    parse: function (text) {
      var s = String(text), words = [];
      for (var i = 0; i < s.length; i++) {
        var c = s.charCodeAt(i);
        if (little) c = ((c << 8) & 0xff00) | (c >>> 8);
        words[i >>> 1] |= c << (16 - (i % 2) * 16);
      }
      return new WordArray(words, s.length * 2);
    }
  };
}
function base64(alphabet, pad) {
  var chars = alphabet.split(''), values = new Int8Array(128).fill(-1);
  chars.forEach(function (c, i) { values[c.charCodeAt(0)] = i; });
  return {
    stringify: function (wa) {
      var out = '', n = wa.sigBytes;
      for (var i = 0; i < n; i += 3) {
        var a = byteAt(wa, i), b = i + 1 < n ? byteAt(wa, i + 1) : 0, c = i + 2 < n ? byteAt(wa, i + 2) : 0;
        var t = (a << 16) | (b << 8) | c;
        out += chars[(t >>> 18) & 63] + chars[(t >>> 12) & 63];
        out += i + 1 < n ? chars[(t >>> 6) & 63] : (pad ? '=' : '');
        out += i + 2 < n ? chars[t & 63] : (pad ? '=' : '');
      }
      return out;
    },
    // As crypto-js decodes: by position (four characters, three bytes), up to the first '=';
    // a character outside the alphabet counts as zero and is not skipped.
    parse: function (text) {
      var s = String(text), end = s.length, bytes = [];
      if (pad) {
        var at = s.indexOf('=');
        if (at !== -1) end = at;
      }
      var value = function (i) { var code = s.charCodeAt(i); return code < 128 && values[code] >= 0 ? values[code] : 0; };
      for (var i = 0; i < end; i++) {
        if (i % 4) bytes.push(((value(i - 1) << ((i % 4) * 2)) | (value(i) >>> (6 - (i % 4) * 2))) & 0xff);
      }
      return fromBytes(bytes, bytes.length);
    }
  };
}
var Base64 = base64('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', true);
var Base64url = base64('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', false);

function toWords(data) {
  if (data instanceof WordArray) return data;
  if (data && typeof data === 'object' && Array.isArray(data.words) && typeof data.sigBytes === 'number') {
    return new WordArray(data.words, data.sigBytes);
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return wordArrayCreate(data);
  return Utf8.parse(data === undefined || data === null ? '' : data);
}
function hex(data) { return Hex.stringify(toWords(data)); }

// Bytes for host.py: a string goes as text (Python encodes it as UTF-8, as crypto-js would),
// which spares QuickJS the byte-by-byte conversions; anything else as hex.
function payload(data) {
  return typeof data === 'string' ? { text: data } : hex(data);
}
// The pieces given to update(): strings are kept as text as long as every piece is one.
function Pieces() { this.parts = []; this.text = true; }
Pieces.prototype.add = function (data) {
  if (typeof data !== 'string') {
    this.text = false;
    data = toWords(data).clone();
  }
  this.parts.push(data);
};
Pieces.prototype.payload = function () {
  if (this.text) return { text: this.parts.join('') };
  var all = new WordArray([], 0);
  this.parts.forEach(function (p) { all.concat(toWords(p)); });
  return Hex.stringify(all);
};

// ---------- hashers and HMAC ---------------------------------------------------------------------
function outputBits(cfg) { return cfg && cfg.outputLength ? +cfg.outputLength : 512; }

function Hasher(name, cfg) { this._name = name; this.cfg = cfg || {}; this.reset(); }
Hasher.prototype.reset = function () { this._data = new Pieces(); return this; };
Hasher.prototype.update = function (data) { this._data.add(data === undefined || data === null ? '' : data); return this; };
Hasher.prototype.finalize = function (data) {
  if (data !== undefined) this.update(data);
  var out = Hex.parse(host('crypto.digest', this._name, this._data.payload(), outputBits(this.cfg)));
  this.reset();
  return out;
};
function algo(name) {
  return {
    _name: name,
    create: function (cfg) { return new Hasher(name, cfg); },
    toString: function () { return '[CryptoJS.algo.' + name + ']'; }
  };
}
var HASHES = ['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160'];
var algos = {};
HASHES.forEach(function (name) { algos[name] = algo(name); });

function nameOf(hasher, fallback) {
  if (!hasher) return fallback;
  if (typeof hasher === 'string') return hasher;
  if (hasher._name) return hasher._name;
  throw sandbox.unsupported('CryptoJS: this hasher is not supported (use CryptoJS.algo.SHA256 and the like)');
}

function HMAC(hasher, key) {
  this._name = nameOf(hasher);
  this._key = payload(typeof key === 'string' ? key : toWords(key).clone());
  this.reset();
}
HMAC.prototype.reset = function () { this._data = new Pieces(); return this; };
HMAC.prototype.update = function (data) { this._data.add(data === undefined || data === null ? '' : data); return this; };
HMAC.prototype.finalize = function (data) {
  if (data !== undefined) this.update(data);
  var out = Hex.parse(host('crypto.hmac', this._name, this._key, this._data.payload(), 512));
  this.reset();
  return out;
};
algos.HMAC = { create: function (hasher, key) { return new HMAC(hasher, key); } };

// ---------- key derivation -----------------------------------------------------------------------
function kdf(kind, defaults) {
  return function (password, salt, cfg) {
    cfg = cfg || {};
    var keySize = cfg.keySize !== undefined ? cfg.keySize : defaults.keySize;
    var iterations = cfg.iterations !== undefined ? cfg.iterations : defaults.iterations;
    var name = nameOf(cfg.hasher, defaults.hasher);
    var bytes = keySize * 4;
    return Hex.parse(host(kind, name, payload(password), payload(salt), bytes, iterations)).clone();
  };
}
var PBKDF2 = kdf('crypto.pbkdf2', { keySize: 128 / 32, iterations: 1, hasher: 'SHA1' });
var EvpKDF = kdf('crypto.evpkdf', { keySize: 128 / 32, iterations: 1, hasher: 'MD5' });
algos.PBKDF2 = { create: function (cfg) { return { compute: function (p, s) { return PBKDF2(p, s, cfg); } }; } };
algos.EvpKDF = { create: function (cfg) { return { compute: function (p, s) { return EvpKDF(p, s, cfg); } }; } };

// ---------- ciphers ------------------------------------------------------------------------------
function named(kind, name) { return { _name: name, toString: function () { return '[CryptoJS.' + kind + '.' + name + ']'; } }; }
var modes = {}, pads = {};
['CBC', 'ECB', 'CFB', 'OFB', 'CTR'].forEach(function (n) { modes[n] = named('mode', n); });
['Pkcs7', 'AnsiX923', 'Iso10126', 'Iso97971', 'ZeroPadding', 'NoPadding'].forEach(function (n) { pads[n] = named('pad', n); });

var OpenSSL = {
  stringify: function (params) {
    var ct = params.ciphertext;
    var whole = params.salt ? Latin1.parse('Salted__').concat(params.salt).concat(ct) : ct;
    return Base64.stringify(whole);
  },
  parse: function (text) {
    var wa = Base64.parse(text), salt;
    if (wa.words[0] === 0x53616c74 && wa.words[1] === 0x65645f5f) {
      salt = new WordArray(wa.words.slice(2, 4), 8);
      wa = new WordArray(wa.words.slice(4), wa.sigBytes - 16);
    }
    return new CipherParams({ ciphertext: wa, salt: salt });
  }
};
var HexFormat = {
  stringify: function (params) { return Hex.stringify(params.ciphertext); },
  parse: function (text) { return new CipherParams({ ciphertext: Hex.parse(text) }); }
};

function CipherParams(fields) { for (var k in fields) if (fields[k] !== undefined) this[k] = fields[k]; }
CipherParams.prototype.toString = function (formatter) { return (formatter || this.formatter || OpenSSL).stringify(this); };

// name: [key words, iv words, block words]
var CIPHERS = { AES: [8, 4, 4], DES: [2, 2, 2], TripleDES: [6, 2, 2], RC4: [8, 0, 1], RC4Drop: [8, 0, 1] };

function cipherRun(name, encrypt, data, key, cfg) {
  var stream = name === 'RC4' || name === 'RC4Drop';
  var mode = stream ? 'CBC' : nameOf(cfg.mode, 'CBC');
  var padding = stream ? 'NoPadding' : nameOf(cfg.padding, 'Pkcs7');
  var drop = name === 'RC4Drop' ? (cfg.drop !== undefined ? cfg.drop : 192) * 4 : 0;
  if (!stream && mode !== 'ECB' && !cfg.iv) {
    // crypto-js 3 fails this way too (reading the missing IV); say what is missing
    throw new TypeError('CryptoJS.' + name + ': mode ' + mode + ' needs an iv when the key is a WordArray (reading \'0\' of undefined)');
  }
  var iv = cfg.iv ? hex(cfg.iv) : '';
  return Hex.parse(host('crypto.cipher', name, encrypt, mode, padding, hex(key), iv, payload(data), drop));
}

function cipher(name) {
  var sizes = CIPHERS[name];
  function derive(passphrase, salt) {
    salt = salt || new WordArray(Hex.parse(host('crypto.random', 8)).words, 8);
    var both = EvpKDF(passphrase, salt, { keySize: sizes[0] + sizes[1] });
    return {
      key: new WordArray(both.words.slice(0, sizes[0]), sizes[0] * 4),
      iv: sizes[1] ? new WordArray(both.words.slice(sizes[0]), sizes[1] * 4) : undefined,
      salt: salt
    };
  }
  var api = {
    _name: name,
    keySize: sizes[0],
    ivSize: sizes[1],
    blockSize: sizes[2],
    encrypt: function (message, key, cfg) {
      cfg = Object.assign({}, cfg || {});
      var salt;
      if (typeof key === 'string') {
        var derived = derive(key, cfg.salt ? toWords(cfg.salt) : undefined);
        key = derived.key;
        if (derived.iv) cfg.iv = derived.iv;
        salt = derived.salt;
      } else {
        key = toWords(key);
      }
      var ciphertext = cipherRun(name, true, typeof message === 'string' ? message : toWords(message), key, cfg);
      return new CipherParams({
        ciphertext: ciphertext, key: key, iv: cfg.iv ? toWords(cfg.iv) : undefined, salt: salt, algorithm: api,
        mode: cfg.mode || modes.CBC, padding: cfg.padding || pads.Pkcs7, blockSize: sizes[2], formatter: cfg.format || OpenSSL
      });
    },
    decrypt: function (ciphertext, key, cfg) {
      cfg = Object.assign({}, cfg || {});
      var params = typeof ciphertext === 'string' ? (cfg.format || OpenSSL).parse(ciphertext) : ciphertext;
      if (!params || !params.ciphertext) throw new TypeError('CryptoJS.' + name + '.decrypt needs a ciphertext string or CipherParams');
      if (typeof key === 'string') {
        var derived = derive(key, params.salt);
        key = derived.key;
        if (derived.iv) cfg.iv = derived.iv;
      } else {
        key = toWords(key);
      }
      return cipherRun(name, false, toWords(params.ciphertext), key, cfg);
    },
    createEncryptor: function () { throw sandbox.unsupported('CryptoJS.' + name + '.createEncryptor is not supported (use encrypt)'); },
    createDecryptor: function () { throw sandbox.unsupported('CryptoJS.' + name + '.createDecryptor is not supported (use decrypt)'); }
  };
  return api;
}

// ---------- the CryptoJS object ------------------------------------------------------------------
var C = {
  lib: {
    WordArray: { create: wordArrayCreate, random: function (n) { return Hex.parse(host('crypto.random', n >>> 0)); } },
    CipherParams: { create: function (fields) { return new CipherParams(fields || {}); } }
  },
  enc: { Hex: Hex, Latin1: Latin1, Utf8: Utf8, Utf16: utf16(false), Utf16BE: utf16(false), Utf16LE: utf16(true),
    Base64: Base64, Base64url: Base64url },
  algo: algos,
  mode: modes,
  pad: pads,
  format: { OpenSSL: OpenSSL, Hex: HexFormat },
  kdf: { OpenSSL: { execute: function (password, keySize, ivSize, salt) {
    salt = salt ? toWords(salt) : new WordArray(Hex.parse(host('crypto.random', 8)).words, 8);
    var both = EvpKDF(password, salt, { keySize: keySize + ivSize });
    return new CipherParams({ key: new WordArray(both.words.slice(0, keySize), keySize * 4),
      iv: new WordArray(both.words.slice(keySize), ivSize * 4), salt: salt });
  } } },
  PBKDF2: PBKDF2,
  EvpKDF: EvpKDF
};
HASHES.forEach(function (name) {
  C[name] = function (message, cfg) { return new Hasher(name, cfg).finalize(message); };
  C['Hmac' + name] = function (message, key) { return new HMAC(name, key).finalize(message); };
});
Object.keys(CIPHERS).forEach(function (name) { C[name] = cipher(name); });
C.lib.WordArray.init = C.lib.WordArray.create;

function deepStrict(obj, path) {
  Object.keys(obj).forEach(function (k) {
    var v = obj[k];
    if (v && typeof v === 'object' && !(v instanceof WordArray) && Object.getPrototypeOf(v) === Object.prototype &&
        path.split('.').length < 3) {
      obj[k] = deepStrict(v, path + '.' + k);
    }
  });
  return sandbox.strict(obj, path);
}
module.exports = deepStrict(C, 'CryptoJS');
