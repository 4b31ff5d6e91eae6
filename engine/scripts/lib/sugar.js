// SugarJS 1.x prototype methods, as Postman's legacy sandbox installs them (Newman 6 still does):
// written from Sugar's 1.4 documentation (https://sugarjs.com/docs/ for 1.x) and checked
// against Newman. Installed once per context, non-enumerable, and never over a method the
// engine already has (native `find`, `at`, `trim`, `startsWith`… keep their standard
// behaviour, as they do in Newman on a current Node), so `for…in` over arrays and objects is
// unaffected. Dates use the sandbox's local time zone (UTC).
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;

var TARGETS = [[RegExp.prototype, 'RegExp.prototype'], [Array.prototype, 'Array.prototype'], [String.prototype, 'String.prototype'], [Number.prototype, 'Number.prototype'],
  [Date.prototype, 'Date.prototype'], [Function.prototype, 'Function.prototype'], [Date, 'Date'], [Object, 'Object'], [RegExp, 'RegExp'],
  [Number, 'Number'], [Array, 'Array']];
var installed = {};
// Replaces the lazy stubs of sugar/lazy; leaves every other existing member (natives) alone.
function define(target, methods) {
  var label = TARGETS.filter(function (t) { return t[0] === target; })[0][1];
  Object.keys(methods).forEach(function (name) {
    var d = Object.getOwnPropertyDescriptor(target, name);
    if (name in target && !(d && d.get && d.get.sugarStub)) return;
    Object.defineProperty(target, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
    (installed[label] = installed[label] || []).push(name);
  });
}
function isObjectLike(v) { return v !== null && typeof v === 'object'; }
function deepEqual(a, b) {
  if (a === b) return true;
  if (a !== a && b !== b) return true;
  if (!isObjectLike(a) || !isObjectLike(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && +a === +b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(function (k) { return hasOwn.call(b, k) && deepEqual(a[k], b[k]); });
}
// Sugar's matcher: a function is called, a RegExp tests strings, an object matches when each of
// its keys matches, anything else compares equal.
function matcher(f) {
  if (typeof f === 'function') return function (el, i, arr) { return !!f.call(arr, el, i, arr); };
  if (f instanceof RegExp) return function (el) { return typeof el === 'string' && f.test(el); };
  if (isObjectLike(f) && !(f instanceof Date) && !Array.isArray(f)) {
    return function (el) {
      if (deepEqual(el, f)) return true;
      if (!isObjectLike(el)) return false;
      return Object.keys(f).every(function (k) { return matcher(f[k])(el[k]); });
    };
  }
  return function (el) { return deepEqual(el, f); };
}
function mapper(map) {
  if (map == null) return function (el) { return el; };
  if (typeof map === 'function') return function (el, i, arr) { return map.call(arr, el, i, arr); };
  return function (el) { return el == null ? undefined : (typeof el[map] === 'function' ? el[map]() : el[map]); };
}
function anyOf(args) { var ms = Array.prototype.map.call(args, matcher); return function (el, i, a) { return ms.some(function (m) { return m(el, i, a); }); }; }
function flattenInto(out, arr, limit, level) {
  arr.forEach(function (el) { if (Array.isArray(el) && (!limit || level < limit)) flattenInto(out, el, limit, level + 1); else out.push(el); });
  return out;
}
function compare(a, b) {
  if (typeof a === 'string' && typeof b === 'string') {
    var la = a.toLowerCase(), lb = b.toLowerCase();
    if (la !== lb) return la < lb ? -1 : 1;
  }
  return a < b ? -1 : (a > b ? 1 : 0);
}
function extreme(arr, map, all, pickMax) {
  var fn = mapper(map), best, hits = [];
  arr.forEach(function (el, i) {
    var v = fn(el, i, arr);
    if (v == null || v !== v) return;
    if (best === undefined || (pickMax ? v > best : v < best)) { best = v; hits = [el]; } else if (v === best) hits.push(el);
  });
  return all ? hits : hits[0];
}

// ---------- Array ---------------------------------------------------------------------------
define(Array.prototype, {
  any: function () { return this.some(anyOf(arguments)); },
  all: function (f) { var m = matcher(f); return this.every(function (el, i, a) { return m(el, i, a); }); },
  none: function () { return !this.some(anyOf(arguments)); },
  at: function (index) { var n = this.length; index = Math.trunc(index) || 0; if (index < 0) index += n; return this[index]; },
  first: function (n) { return n === undefined ? this[0] : this.slice(0, Math.max(n, 0)); },
  last: function (n) { return n === undefined ? this[this.length - 1] : (n <= 0 ? [] : this.slice(-n)); },
  from: function (i) { return this.slice(i); },
  to: function (i) { return this.slice(0, i === undefined ? this.length : i); },
  compact: function (all) { return this.filter(function (el) { return all ? !!el : (el != null && el === el); }); },
  unique: function (map) {
    var fn = mapper(map), seen = [];
    return this.filter(function (el, i, a) {
      var k = fn(el, i, a);
      if (seen.some(function (s) { return deepEqual(s, k); })) return false;
      seen.push(k); return true;
    });
  },
  include: function (el, index) { return this.clone().add(el, index); },
  add: function (el, index) {
    var items = Array.isArray(el) ? el : [el];
    if (index === undefined || index === null || isNaN(index)) Array.prototype.push.apply(this, items);
    else Array.prototype.splice.apply(this, [index < 0 ? this.length + index : index, 0].concat(items));
    return this;
  },
  insert: function (el, index) { return this.add(el, index); },
  exclude: function () { var m = anyOf(arguments); return this.filter(function (el, i, a) { return !m(el, i, a); }); },
  remove: function () {
    var m = anyOf(arguments);
    for (var i = this.length - 1; i >= 0; i--) if (m(this[i], i, this)) this.splice(i, 1);
    return this;
  },
  removeAt: function (start, end) {
    if (start === undefined) return this;
    if (end === undefined) end = start;
    this.splice(start, end - start + 1);
    return this;
  },
  findAll: function (f) { var m = matcher(f); return this.filter(function (el, i, a) { return m(el, i, a); }); },
  count: function (f) { if (f === undefined) return this.length; var m = matcher(f); return this.filter(function (el, i, a) { return m(el, i, a); }).length; },
  sum: function (map) { var fn = mapper(map), arr = this; return this.reduce(function (s, el, i) { return s + fn(el, i, arr); }, 0); },
  average: function (map) { return this.length ? this.sum(map) / this.length : 0; },
  min: function (map, all) { return extreme(this, map, all, false); },
  max: function (map, all) { return extreme(this, map, all, true); },
  least: function (map) { var g = this.groupBy(map), best; Object.keys(g).forEach(function (k) { if (!best || g[k].length < best.length) best = g[k]; }); return best ? best[0] : undefined; },
  most: function (map) { var g = this.groupBy(map), best; Object.keys(g).forEach(function (k) { if (!best || g[k].length > best.length) best = g[k]; }); return best ? best[0] : undefined; },
  flatten: function (limit) { return flattenInto([], this, limit, 0); },
  sortBy: function (map, desc) {
    var fn = mapper(map), arr = this;
    return this.map(function (el, i) { return { el: el, i: i, k: fn(el, i, arr) }; })
      .sort(function (a, b) { var r = compare(a.k, b.k); return (desc ? -r : r) || a.i - b.i; })
      .map(function (r) { return r.el; });
  },
  groupBy: function (map, fn) {
    var m = mapper(map), out = {}, arr = this;
    this.forEach(function (el, i) { var k = m(el, i, arr); (hasOwn.call(out, k) ? out[k] : (out[k] = [])).push(el); });
    if (typeof fn === 'function') Object.keys(out).forEach(function (k) { fn.call(out, k, out[k]); });
    return out;
  },
  inGroupsOf: function (n, padding) {
    var out = [];
    for (var i = 0; i < this.length; i += n) {
      var g = this.slice(i, i + n);
      while (padding !== undefined && g.length < n) g.push(padding);
      out.push(g);
    }
    return out;
  },
  inGroups: function (num, padding) {
    var size = Math.ceil(this.length / num), out = [];
    for (var i = 0; i < num; i++) {
      var g = this.slice(i * size, (i + 1) * size);
      while (padding !== undefined && g.length < size) g.push(padding);
      if (g.length || padding !== undefined) out.push(g);
    }
    return out;
  },
  isEmpty: function () { return this.compact().length === 0; },
  clone: function () { return this.slice(); },
  each: function (fn, index, loop) {
    var start = index || 0;
    for (var n = 0; n < this.length; n++) {
      var i = loop ? (start + n) % this.length : start + n;
      if (i >= this.length) break;
      if (fn.call(this, this[i], i, this) === false) break;
    }
    return this;
  },
  subtract: function () { var others = flattenInto([], Array.prototype.slice.call(arguments), 1, 0); return this.filter(function (el) { return !others.some(function (o) { return deepEqual(o, el); }); }); },
  intersect: function () { var others = flattenInto([], Array.prototype.slice.call(arguments), 1, 0); return this.unique().filter(function (el) { return others.some(function (o) { return deepEqual(o, el); }); }); },
  union: function () { return this.concat.apply(this, Array.prototype.slice.call(arguments).map(function (a) { return Array.isArray(a) ? a : [a]; })).unique(); },
  zip: function () { var args = Array.prototype.slice.call(arguments); return this.map(function (el, i) { return [el].concat(args.map(function (a) { return a[i]; })); }); },
  randomize: function () { var a = this.slice(); for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; } return a; },
  sample: function (n) { var a = this.randomize(); return n === undefined ? a[0] : a.slice(0, n); }
});

// ---------- String --------------------------------------------------------------------------
function escapeRegExp(s) { return String(s).replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&'); }
define(String.prototype, {
  has: function (find) { return find instanceof RegExp ? find.test(this) : String(this).indexOf(find) > -1; },
  camelize: function (first) {
    var s = String(this).replace(/[-_\s]+(.)?/g, function (m, c) { return c ? c.toUpperCase() : ''; });
    return first === false ? s.charAt(0).toLowerCase() + s.slice(1) : s.charAt(0).toUpperCase() + s.slice(1);
  },
  capitalize: function (all) {
    var s = String(this).toLowerCase();
    return all ? s.replace(/(^|[^\w'])([a-z])/g, function (m, p, c) { return p + c.toUpperCase(); }) : s.charAt(0).toUpperCase() + s.slice(1);
  },
  underscore: function () {
    return String(this).replace(/[-\s]+/g, '_').replace(/([A-Z\d]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();
  },
  dasherize: function () { return this.underscore().replace(/_/g, '-'); },
  spacify: function () { return this.underscore().replace(/_/g, ' '); },
  humanize: function () { var s = this.underscore().replace(/_id$/, '').replace(/_/g, ' ').trim(); return s.charAt(0).toUpperCase() + s.slice(1); },
  titleize: function () { return this.spacify().capitalize(true); },
  parameterize: function (sep) { sep = sep === undefined ? '-' : sep; return this.underscore().replace(/[^a-z0-9\-]+/gi, sep).replace(new RegExp(escapeRegExp(sep) + '{2,}', 'g'), sep).replace(new RegExp('^' + escapeRegExp(sep) + '|' + escapeRegExp(sep) + '$', 'g'), '').toLowerCase(); },
  isBlank: function () { return String(this).trim().length === 0; },
  words: function (fn) { var w = String(this).trim().split(/\s+/).filter(Boolean); if (fn) w.forEach(fn); return w; },
  lines: function (fn) { var l = String(this).trim().split(/[\r\n]/); if (fn) l.forEach(fn); return l; },
  chars: function (fn) { var c = String(this).split(''); if (fn) c.forEach(fn); return c; },
  first: function (n) { return String(this).slice(0, n === undefined ? 1 : n); },
  last: function (n) { n = n === undefined ? 1 : n; var s = String(this); return n <= 0 ? '' : s.slice(Math.max(s.length - n, 0)); },
  from: function (i) { return String(this).slice(i === undefined ? 0 : i); },
  to: function (i) { var s = String(this); return s.slice(0, i === undefined ? s.length : i); },
  truncate: function (length, split, from, ellipsis) {
    var s = String(this);
    ellipsis = ellipsis === undefined ? '...' : String(ellipsis);
    if (s.length <= length) return s;
    if (from === 'left') return ellipsis + s.slice(s.length - length);
    if (from === 'middle') { var l = Math.ceil(length / 2), r = Math.floor(length / 2); return s.slice(0, l) + ellipsis + s.slice(s.length - r); }
    var cut = s.slice(0, length);
    if (split === false && /\w/.test(s.charAt(length))) cut = cut.replace(/\s*\S*$/, '');
    return cut + ellipsis;
  },
  escapeURL: function (param) { return param ? encodeURIComponent(this) : encodeURI(this); },
  unescapeURL: function (param) { return param ? decodeURIComponent(this) : decodeURI(this); },
  escapeHTML: function () { return String(this).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\//g, '&#x2f;'); },
  unescapeHTML: function () { return String(this).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'").replace(/&#x2f;/g, '/').replace(/&amp;/g, '&'); },
  stripTags: function () { return String(this).replace(/<\/?[^>]*>/g, ''); },
  removeTags: function () { return String(this).replace(/<([a-z][\w-]*)[^>]*>[\s\S]*?<\/\1>|<[^>]*\/?>/gi, ''); },
  toNumber: function (base) { var s = String(this).replace(/,/g, ''); return base ? parseInt(s, base) : parseFloat(s); },
  assign: function () {
    var args = Array.prototype.slice.call(arguments), s = String(this);
    return s.replace(/\{([^{}]+)\}/g, function (m, key) {
      for (var i = 0; i < args.length; i++) {
        var a = args[i];
        if (isObjectLike(a) && hasOwn.call(a, key)) return a[key];
      }
      var n = parseInt(key, 10);
      if (String(n) === key && n >= 1 && n <= args.length && !isObjectLike(args[n - 1])) return args[n - 1];
      return m;
    });
  },
  each: function (search, fn) {
    var s = String(this), matches;
    if (typeof search === 'function') { fn = search; search = /[\s\S]/g; }
    if (search === undefined) search = /[\s\S]/g;
    if (typeof search === 'string') search = new RegExp(escapeRegExp(search), 'gi');
    matches = s.match(search) || [];
    if (fn) matches.forEach(function (m, i) { fn.call(s, m, i, matches); });
    return matches;
  },
  reverse: function () { return String(this).split('').reverse().join(''); },
  compact: function () { return String(this).trim().replace(/([\r\n\s])+/g, function (m, c) { return c === '\u3000' ? c : ' '; }); },
  insert: function (str, index) { var s = String(this); index = index === undefined ? s.length : index; return s.slice(0, index) + str + s.slice(index); },
  remove: function (f) { return String(this).replace(f instanceof RegExp ? f : new RegExp(escapeRegExp(f)), ''); },
  add: function (str, index) { return this.insert(str, index); },
  pad: function (num, padding) { var s = String(this), total = Math.max(num - s.length, 0), l = Math.floor(total / 2); padding = padding === undefined ? ' ' : String(padding); return padding.repeat(l) + s + padding.repeat(total - l); },
  padLeft: function (num, padding) { var s = String(this); return (padding === undefined ? ' ' : String(padding)).repeat(Math.max(num - s.length, 0)) + s; },
  padRight: function (num, padding) { var s = String(this); return s + (padding === undefined ? ' ' : String(padding)).repeat(Math.max(num - s.length, 0)); },
  encodeBase64: function () {
    var bytes = unescape(encodeURIComponent(String(this))), chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', out = '';
    for (var i = 0; i < bytes.length; i += 3) {
      var n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
      out += chars[n >> 18 & 63] + chars[n >> 12 & 63] + (i + 1 < bytes.length ? chars[n >> 6 & 63] : '=') + (i + 2 < bytes.length ? chars[n & 63] : '=');
    }
    return out;
  },
  decodeBase64: function () {
    var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', s = String(this).replace(/[^A-Za-z0-9+/]/g, ''), out = '', acc = 0, bits = 0;
    for (var i = 0; i < s.length; i++) { acc = (acc << 6) | chars.indexOf(s[i]); bits += 6; if (bits >= 8) { bits -= 8; out += String.fromCharCode((acc >> bits) & 255); } }
    try { return decodeURIComponent(escape(out)); } catch (e) { return out; }
  },
  codes: function () { var s = String(this), out = []; for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i)); return out; },
  shift: function (n) { return String(this).replace(/[\s\S]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + n); }); },
  isEmpty: function () { return String(this).length === 0; },
  escapeRegExp: function () { return escapeRegExp(this); },
  paragraphs: function (fn) { var p = String(this).replace(/^[\s]+|[\s]+$/g, '').split(/[\r\n]{2,}/).map(function (x) { return x.replace(/\s+/g, ' '); }).filter(Boolean); if (fn) p.forEach(fn); return p; }
});
var SCRIPTS = { Arabic: '\u0600-\u06FF', Cyrillic: '\u0400-\u04FF', Devanagari: '\u0900-\u097F', Greek: '\u0370-\u03FF',
  Hangul: '\uAC00-\uD7AF\u1100-\u11FF', Han: '\u4E00-\u9FFF\uF900-\uFAFF', Kanji: '\u4E00-\u9FFF\uF900-\uFAFF',
  Hebrew: '\u0590-\u05FF', Hiragana: '\u3040-\u309F', Katakana: '\u30A0-\u30FF', Kana: '\u3040-\u30FF',
  Latin: '\u0001-\u007F\u0080-\u00FF\u0100-\u017F\u0180-\u024F', Thai: '\u0E00-\u0E7F' };
var scriptMethods = {};
Object.keys(SCRIPTS).forEach(function (name) {
  var has = new RegExp('[' + SCRIPTS[name] + ']'), is = new RegExp('^[' + SCRIPTS[name] + '\\s]+$');
  scriptMethods['has' + name] = function () { return has.test(this); };
  scriptMethods['is' + name] = function () { return is.test(this); };
});
define(String.prototype, scriptMethods);

// ---------- Number --------------------------------------------------------------------------
function precise(method) {
  return function (precision) {
    var n = Number(this), p = Math.pow(10, Math.abs(precision || 0));
    if (precision < 0) return Math[method](n / p) * p;
    return Math[method](n * p) / p;
  };
}
define(Number.prototype, {
  round: precise('round'),
  ceil: precise('ceil'),
  floor: precise('floor'),
  abs: function () { return Math.abs(this); },
  pow: function (n) { return Math.pow(this, n); },
  log: function (base) { return Math.log(this) / (base ? Math.log(base) : 1); },
  times: function (fn) { for (var i = 0; i < this; i++) fn.call(this, i); return Number(this); },
  upto: function (n, fn, step) { var out = []; step = step || 1; for (var i = Number(this); i <= n; i += step) { out.push(i); if (fn) fn(i); } return out; },
  downto: function (n, fn, step) { var out = []; step = step || 1; for (var i = Number(this); i >= n; i -= step) { out.push(i); if (fn) fn(i); } return out; },
  pad: function (place, sign, base) {
    var n = Number(this), s = Math.abs(n).toString(base || 10);
    while (s.length < (place === undefined ? 1 : place)) s = '0' + s;
    return (n < 0 ? '-' : (sign ? '+' : '')) + s;
  },
  format: function (place, thousands, decimal) {
    thousands = thousands === undefined ? ',' : thousands;
    decimal = decimal === undefined ? '.' : decimal;
    var n = Number(this), s = place === undefined ? String(Math.abs(n)) : Math.abs(n).toFixed(place);
    var parts = s.split('.'), int = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
    return (n < 0 ? '-' : '') + int + (parts[1] !== undefined ? decimal + parts[1] : '');
  },
  hex: function (pad) { return this.pad(pad || 1, false, 16); },
  chr: function () { return String.fromCharCode(this); },
  isEven: function () { return this % 2 === 0; },
  isOdd: function () { return Math.abs(this % 2) === 1; },
  isMultipleOf: function (n) { return this % n === 0; },
  isInteger: function () { return this % 1 === 0; },
  ordinalize: function () {
    var n = Math.abs(Math.trunc(this)), last = n % 100, suffix = 'th';
    if (!(last >= 11 && last <= 13)) suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th';
    return Math.trunc(this) + suffix;
  },
  toNumber: function () { return Number(this); },
  milliseconds: function () { return Number(this); },
  millisecond: function () { return Number(this); },
  seconds: function () { return this * 1000; },
  second: function () { return this * 1000; },
  minutes: function () { return this * 60000; },
  minute: function () { return this * 60000; },
  hours: function () { return this * 3600000; },
  hour: function () { return this * 3600000; },
  days: function () { return this * 86400000; },
  day: function () { return this * 86400000; },
  weeks: function () { return this * 604800000; },
  week: function () { return this * 604800000; },
  months: function () { return this * 2629800000; },
  month: function () { return this * 2629800000; },
  years: function () { return this * 31557600000; },
  year: function () { return this * 31557600000; },
  sqrt: function () { return Math.sqrt(this); }, exp: function () { return Math.exp(this); },
  sin: function () { return Math.sin(this); }, cos: function () { return Math.cos(this); }, tan: function () { return Math.tan(this); },
  asin: function () { return Math.asin(this); }, acos: function () { return Math.acos(this); }, atan: function () { return Math.atan(this); },
  abbr: function (precision) { return abbreviate(Number(this), precision, ['', 'k', 'm', 'b', 't'], 1000, ''); },
  metric: function (precision) { return metricText(Number(this), precision); },
  bytes: function (precision) { return abbreviate(Number(this), precision, ['', 'k', 'M', 'G', 'T', 'P'], 1024, 'B'); },
  duration: function () { return durationText(Number(this)); }
});
function abbreviate(n, precision, units, base, suffix) {
  var i = 0, v = Math.abs(n);
  while (v >= base && i < units.length - 1) { v /= base; i++; }
  var p = Math.pow(10, precision || 0);
  return (n < 0 ? '-' : '') + Math.round(v * p) / p + units[i] + suffix;
}
function metricText(n, precision) {
  var units = [['n', 1e-9], ['\u03bc', 1e-6], ['m', 1e-3], ['', 1], ['k', 1e3], ['M', 1e6], ['G', 1e9]], a = Math.abs(n), pick = units[3];
  for (var i = 0; i < units.length; i++) if (a >= units[i][1]) pick = units[i];
  var p = Math.pow(10, precision || 0);
  return (n < 0 ? '-' : '') + Math.round(a / pick[1] * p) / p + pick[0];
}
function durationText(ms) {
  var units = [['year', 31557600000], ['month', 2629800000], ['week', 604800000], ['day', 86400000], ['hour', 3600000], ['minute', 60000], ['second', 1000], ['millisecond', 1]];
  for (var i = 0; i < units.length; i++) {
    if (Math.abs(ms) >= units[i][1] || i === units.length - 1) { var n = Math.floor(Math.abs(ms) / units[i][1]); return n + ' ' + units[i][0] + (n === 1 ? '' : 's'); }
  }
}
var numberDates = {};
['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year'].forEach(function (u) {
  var plural = u + 's';
  function shifted(n, base, sign) { return addUnit(base === undefined ? new Date() : toDate(base).clone(), plural, sign * n); }
  [u, plural].forEach(function (name) {
    numberDates[name + 'Ago'] = function () { return shifted(Number(this), undefined, -1); };
    numberDates[name + 'FromNow'] = function () { return shifted(Number(this), undefined, 1); };
    numberDates[name + 'Before'] = function (d) { return shifted(Number(this), d, -1); };
    numberDates[name + 'After'] = function (d) { return shifted(Number(this), d, 1); };
  });
});
define(Number.prototype, numberDates);

// ---------- Date ----------------------------------------------------------------------------
var MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
var DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
var UNIT_MS = { millisecond: 1, second: 1000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000 };
function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
function two(n) { return (n < 10 ? '0' : '') + n; }
function ord(n) { return n.ordinalize(); }
function toDate(d) { return d instanceof Date ? d : Date.create(d); }
function addUnit(d, unit, n) {
  n = Number(n);
  switch (unit) {
    case 'milliseconds': d.setTime(d.getTime() + n); break;
    case 'seconds': d.setTime(d.getTime() + n * 1000); break;
    case 'minutes': d.setTime(d.getTime() + n * 60000); break;
    case 'hours': d.setTime(d.getTime() + n * 3600000); break;
    case 'days': d.setDate(d.getDate() + n); break;
    case 'weeks': d.setDate(d.getDate() + 7 * n); break;
    case 'months': case 'years': {
      var day = d.getDate();
      d.setDate(1);
      if (unit === 'months') d.setMonth(d.getMonth() + n); else d.setFullYear(d.getFullYear() + n);
      d.setDate(Math.min(day, daysIn(d.getFullYear(), d.getMonth())));
      break;
    }
  }
  return d;
}
function daysIn(y, m) { return new Date(y, m + 1, 0).getDate(); }
var TOKENS = {
  f: function (d) { return String(d.getMilliseconds()); }, ff: function (d) { return two(d.getMilliseconds() % 100 === d.getMilliseconds() ? d.getMilliseconds() : d.getMilliseconds()); },
  fff: function (d) { return ('00' + d.getMilliseconds()).slice(-3); }, ms: function (d) { return String(d.getMilliseconds()); },
  milliseconds: function (d) { return String(d.getMilliseconds()); },
  s: function (d) { return String(d.getSeconds()); }, ss: function (d) { return two(d.getSeconds()); }, seconds: function (d) { return String(d.getSeconds()); },
  m: function (d) { return String(d.getMinutes()); }, mm: function (d) { return two(d.getMinutes()); }, minutes: function (d) { return String(d.getMinutes()); },
  h: function (d) { return String(d.getHours() % 12 || 12); }, hh: function (d) { return two(d.getHours() % 12 || 12); },
  hours: function (d) { return String(d.getHours() % 12 || 12); }, '12hr': function (d) { return String(d.getHours() % 12 || 12); },
  H: function (d) { return String(d.getHours()); }, HH: function (d) { return two(d.getHours()); }, '24hr': function (d) { return String(d.getHours()); },
  d: function (d) { return String(d.getDate()); }, dd: function (d) { return two(d.getDate()); }, date: function (d) { return String(d.getDate()); },
  day: function (d) { return String(d.getDate()); },
  dow: function (d) { return DAYS[d.getDay()].slice(0, 3); }, Dow: function (d) { return cap(DAYS[d.getDay()].slice(0, 3)); },
  weekday: function (d) { return DAYS[d.getDay()]; }, Weekday: function (d) { return cap(DAYS[d.getDay()]); },
  M: function (d) { return String(d.getMonth() + 1); }, MM: function (d) { return two(d.getMonth() + 1); },
  month: function (d) { return MONTHS[d.getMonth()]; }, Month: function (d) { return cap(MONTHS[d.getMonth()]); },
  mon: function (d) { return MONTHS[d.getMonth()].slice(0, 3); }, Mon: function (d) { return cap(MONTHS[d.getMonth()].slice(0, 3)); },
  yy: function (d) { return String(d.getFullYear()).slice(-2); }, yyyy: function (d) { return String(d.getFullYear()); }, year: function (d) { return String(d.getFullYear()); },
  t: function (d) { return d.getHours() < 12 ? 'a' : 'p'; }, tt: function (d) { return d.getHours() < 12 ? 'am' : 'pm'; },
  T: function (d) { return d.getHours() < 12 ? 'A' : 'P'; }, TT: function (d) { return d.getHours() < 12 ? 'AM' : 'PM'; },
  ord: function (d) { return ord(d.getDate()); },
  z: function (d) { var o = -d.getTimezoneOffset() / 60; return (o < 0 ? '-' : '+') + Math.abs(o); },
  zz: function (d) { var o = -d.getTimezoneOffset() / 60; return (o < 0 ? '-' : '+') + two(Math.abs(o)); },
  timezone: function (d) { var o = -d.getTimezoneOffset(); return (o < 0 ? '-' : '+') + two(Math.floor(Math.abs(o) / 60)) + two(Math.abs(o) % 60); }
};
TOKENS.ff = function (d) { return two(d.getMilliseconds()); };
var PRESETS = {
  short: '{Month} {d}, {yyyy}',
  long: '{Month} {d}, {yyyy} {h}:{mm}{tt}',
  full: '{Weekday} {Month} {d}, {yyyy} {h}:{mm}:{ss}{tt}'
};
define(Date, {
  ISO8601_DATE: '{yyyy}-{MM}-{dd}',
  ISO8601_DATETIME: '{yyyy}-{MM}-{dd}T{HH}:{mm}:{ss}.{fff}{isotz}',
  RFC1123: '{Dow}, {dd} {Mon} {yyyy} {HH}:{mm}:{ss} {tz}',
  RFC1036: '{Weekday}, {dd}-{Mon}-{yy} {HH}:{mm}:{ss} {tz}'
});
function isoTz(d) { var o = -d.getTimezoneOffset(); return o === 0 ? 'Z' : (o < 0 ? '-' : '+') + two(Math.floor(Math.abs(o) / 60)) + ':' + two(Math.abs(o) % 60); }
function formatDate(d, fmt) {
  if (isNaN(d.getTime())) return 'Invalid Date';
  fmt = fmt === undefined ? PRESETS.long : (hasOwn.call(PRESETS, fmt) ? PRESETS[fmt] : String(fmt));
  return fmt.replace(/\{([^{}]+)\}/g, function (m, t) {
    if (t === 'isotz') return isoTz(d);
    if (t === 'tz') return TOKENS.timezone(d);
    return hasOwn.call(TOKENS, t) ? TOKENS[t](d) : m;
  });
}
function relative(d) {
  var diff = Date.now() - d.getTime(), abs = Math.abs(diff);
  var units = [['year', 31536000000], ['month', 2629746000], ['week', 604800000], ['day', 86400000], ['hour', 3600000], ['minute', 60000], ['second', 1000], ['millisecond', 1]];
  for (var i = 0; i < units.length; i++) {
    if (abs >= units[i][1] || i === units.length - 1) {
      var n = Math.floor(abs / units[i][1]);
      return n + ' ' + units[i][0] + (n === 1 ? '' : 's') + (diff >= 0 ? ' ago' : ' from now');
    }
  }
}
var dateMethods = {
  clone: function () { return new Date(this.getTime()); },
  isValid: function () { return !isNaN(this.getTime()); },
  iso: function () { return this.toISOString(); },
  format: function (fmt) { return formatDate(this, fmt); },
  relative: function () { return relative(this); },
  isBefore: function (d, margin) { return this.getTime() < toDate(d).getTime() - (margin || 0); },
  isAfter: function (d, margin) { return this.getTime() > toDate(d).getTime() + (margin || 0); },
  isBetween: function (a, b, margin) {
    var t = this.getTime(), x = toDate(a).getTime(), y = toDate(b).getTime(), lo = Math.min(x, y), hi = Math.max(x, y);
    margin = margin || 0;
    return lo - margin <= t && t <= hi + margin;
  },
  is: function (d, margin) { return Math.abs(this.getTime() - toDate(d).getTime()) <= (margin || 0); },
  isPast: function () { return this.getTime() < Date.now(); },
  isFuture: function () { return this.getTime() > Date.now(); },
  isToday: function () { return sameDay(this, new Date()); },
  isYesterday: function () { return sameDay(this, addUnit(new Date(), 'days', -1)); },
  isTomorrow: function () { return sameDay(this, addUnit(new Date(), 'days', 1)); },
  isLeapYear: function () { var y = this.getFullYear(); return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; },
  isWeekday: function () { var d = this.getDay(); return d > 0 && d < 6; },
  isWeekend: function () { var d = this.getDay(); return d === 0 || d === 6; },
  daysInMonth: function () { return daysIn(this.getFullYear(), this.getMonth()); },
  getWeekday: function () { return this.getDay(); },
  getUTCWeekday: function () { return this.getUTCDay(); },
  setWeekday: function (n) { this.setDate(this.getDate() + n - this.getDay()); return this.getTime(); },
  utc: function () { return this; },
  advance: function (set) { return shift(this, set, arguments, 1); },
  rewind: function (set) { return shift(this, set, arguments, -1); },
  set: function (set, reset) {
    var d = this;
    if (isObjectLike(set)) {
      if (reset) d.reset();
      var order = ['year', 'month', 'day', 'date', 'hour', 'minute', 'second', 'millisecond'];
      order.forEach(function (u) {
        var v = set[u] !== undefined ? set[u] : set[u + 's'];
        if (v === undefined) return;
        if (u === 'year') d.setFullYear(v); else if (u === 'month') d.setMonth(v); else if (u === 'day' || u === 'date') d.setDate(v);
        else if (u === 'hour') d.setHours(v); else if (u === 'minute') d.setMinutes(v); else if (u === 'second') d.setSeconds(v); else d.setMilliseconds(v);
      });
    }
    return d;
  },
  reset: function (unit) {
    var order = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'];
    var i = order.indexOf(String(unit || 'hour').replace(/s$/, '').replace(/^date$/, 'day'));
    if (i < 0) i = 3;
    if (i <= 1) this.setMonth(0);
    if (i <= 2) this.setDate(1);
    if (i <= 3) this.setHours(0);
    if (i <= 4) this.setMinutes(0);
    if (i <= 5) this.setSeconds(0);
    if (i <= 6) this.setMilliseconds(0);
    return this;
  },
  beginningOfDay: function () { this.setHours(0, 0, 0, 0); return this; },
  endOfDay: function () { this.setHours(23, 59, 59, 999); return this; },
  beginningOfWeek: function () { this.setDate(this.getDate() - this.getDay()); return this.beginningOfDay(); },
  endOfWeek: function () { this.setDate(this.getDate() + 6 - this.getDay()); return this.endOfDay(); },
  beginningOfMonth: function () { this.setDate(1); return this.beginningOfDay(); },
  endOfMonth: function () { this.setDate(daysIn(this.getFullYear(), this.getMonth())); return this.endOfDay(); },
  beginningOfYear: function () { this.setMonth(0, 1); return this.beginningOfDay(); },
  endOfYear: function () { this.setMonth(11, 31); return this.endOfDay(); },
  isUTC: function () { return this.getTimezoneOffset() === 0; },
  getUTCOffset: function (iso) { var o = -this.getTimezoneOffset(); if (iso && o === 0) return 'Z'; return (o < 0 ? '-' : '+') + two(Math.floor(Math.abs(o) / 60)) + (iso ? ':' : '') + two(Math.abs(o) % 60); },
  setISOWeek: function (week) { var wd = this.getDay() || 7; this.setMonth(0, 4); this.setDate(this.getDate() - ((this.getDay() || 7) - 1) + (week - 1) * 7 + wd - 1); return this.getTime(); },
  isThisWeek: function () { return relativeWeek(this, 0); },
  isLastWeek: function () { return relativeWeek(this, -1); },
  isNextWeek: function () { return relativeWeek(this, 1); },
  isThisMonth: function () { return relativeMonth(this, 0); },
  isLastMonth: function () { return relativeMonth(this, -1); },
  isNextMonth: function () { return relativeMonth(this, 1); },
  isThisYear: function () { return this.getFullYear() === new Date().getFullYear(); },
  isLastYear: function () { return this.getFullYear() === new Date().getFullYear() - 1; },
  isNextYear: function () { return this.getFullYear() === new Date().getFullYear() + 1; },
  short: function () { return formatDate(this, 'short'); },
  long: function () { return formatDate(this, 'long'); },
  full: function () { return formatDate(this, 'full'); },
  getISOWeek: function () {
    var d = new Date(Date.UTC(this.getFullYear(), this.getMonth(), this.getDate())), day = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - day);
    return Math.ceil(((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 864e5 + 1) / 7);
  }
};
function relativeWeek(d, offset) {
  var start = addUnit(new Date().beginningOfWeek(), 'weeks', offset), end = addUnit(start.clone(), 'weeks', 1);
  return d.getTime() >= start.getTime() && d.getTime() < end.getTime();
}
function relativeMonth(d, offset) {
  var start = addUnit(new Date().beginningOfMonth(), 'months', offset);
  return d.getFullYear() === start.getFullYear() && d.getMonth() === start.getMonth();
}
DAYS.forEach(function (day, i) { dateMethods['is' + cap(day)] = function () { return this.getDay() === i; }; });
MONTHS.forEach(function (month, i) { dateMethods['is' + cap(month)] = function () { return this.getMonth() === i; }; });
function sameDay(a, b) { return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate(); }
function shift(d, set, args, sign) {
  var units = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'];
  if (isObjectLike(set)) {
    units.forEach(function (u) { var v = set[u] !== undefined ? set[u] : set[u.slice(0, -1)]; if (v !== undefined) addUnit(d, u, sign * v); });
  } else if (typeof set === 'number') {
    Array.prototype.slice.call(args).forEach(function (v, i) { if (i < units.length) addUnit(d, units[i], sign * v); });
  }
  return d;
}
['Milliseconds', 'Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Years'].forEach(function (U) {
  var unit = U.toLowerCase(), single = unit.slice(0, -1);
  dateMethods['add' + U] = function (n) { return addUnit(this, unit, n); };
  var ms = function (d, other) {
    var a = d.getTime(), b = other === undefined ? Date.now() : toDate(other).getTime();
    if (unit === 'months' || unit === 'years') {
      var from = new Date(Math.min(a, b)), to = new Date(Math.max(a, b));
      var months = (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth();
      if (addUnit(new Date(from.getTime()), 'months', months).getTime() > to.getTime()) months--;
      var n = unit === 'years' ? Math.floor(months / 12) : months;
      return a >= b ? n : -n;
    }
    var diff = (a - b) / UNIT_MS[single];
    return diff < 0 ? Math.ceil(diff) : Math.floor(diff);
  };
  dateMethods[unit + 'Since'] = function (d) { return ms(this, d); };
  dateMethods[unit + 'Until'] = function (d) { return -ms(this, d); };
  dateMethods[unit + 'Ago'] = function () { return ms(new Date(), this); };
  dateMethods[unit + 'FromNow'] = function () { return ms(this, new Date()); };
});
define(Date.prototype, dateMethods);
define(Date, {
  create: function (v) {
    if (v === undefined) return new Date();
    if (v instanceof Date) return new Date(v.getTime());
    if (typeof v === 'number') return new Date(v);
    var s = String(v).trim(), lower = s.toLowerCase();
    if (lower === 'now') return new Date();
    if (lower === 'today') return new Date().beginningOfDay();
    if (lower === 'yesterday') return addUnit(new Date().beginningOfDay(), 'days', -1);
    if (lower === 'tomorrow') return addUnit(new Date().beginningOfDay(), 'days', 1);
    var m = /^(\d+)\s+(millisecond|second|minute|hour|day|week|month|year)s?\s+(ago|from now)$/.exec(lower);
    if (m) return addUnit(new Date(), m[2] + 's', (m[3] === 'ago' ? -1 : 1) * +m[1]);
    var dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (dateOnly) return new Date(+dateOnly[1], +dateOnly[2] - 1, +dateOnly[3]);
    return new Date(s);
  },
  past: function (v) { return Date.create(v); },
  future: function (v) { return Date.create(v); },
  utc: { create: function (v) { return Date.create(v); } },
  range: function (a, b) { return { start: Date.create(a), end: Date.create(b) }; }
});

// ---------- Object (class methods) --------------------------------------------------------
function typeTest(name) { return function (v) { return Object.prototype.toString.call(v) === '[object ' + name + ']'; }; }
function mergeInto(target, source, deep, resolve) {
  Object.keys(source || {}).forEach(function (k) {
    var sv = source[k], tv = target[k];
    if (hasOwn.call(target, k) && resolve === false) return;
    if (deep && isObjectLike(sv) && !(sv instanceof Date) && !(sv instanceof RegExp)) {
      if (!isObjectLike(tv)) target[k] = Array.isArray(sv) ? [] : {};
      mergeInto(target[k], sv, deep, resolve);
    } else target[k] = sv;
  });
  return target;
}
function keyExtreme(o, map, all, which) {
  var keys = Object.keys(o), fn = mapper(map), vals = keys.map(function (k) { return fn(o[k]); });
  var best = vals.length ? Math[which].apply(null, vals) : undefined, hits = keys.filter(function (k, i) { return vals[i] === best; });
  return all ? hits : hits[0];
}
function keyCount(o, map, all, most) {
  var keys = Object.keys(o), fn = mapper(map), counts = {};
  keys.forEach(function (k) { var v = fn(o[k]); counts[v] = (counts[v] || 0) + 1; });
  var vals = keys.map(function (k) { return counts[fn(o[k])]; });
  var best = vals.length ? Math[most ? 'max' : 'min'].apply(null, vals) : undefined, hits = keys.filter(function (k, i) { return vals[i] === best; });
  return all ? hits : hits[0];
}
function selectKeys(obj, args, keep) {
  var keys = [].concat.apply([], Array.prototype.slice.call(args, 1));
  var out = {};
  Object.keys(obj).forEach(function (k) {
    var hit = keys.some(function (f) { return f instanceof RegExp ? f.test(k) : (isObjectLike(f) ? hasOwn.call(f, k) : String(f) === k); });
    if (hit === keep) out[k] = obj[k];
  });
  return out;
}
define(Object, {
  isEmpty: function (o) { if (o == null) return true; if (typeof o === 'string' || Array.isArray(o)) return o.length === 0; return Object.keys(o).length === 0; },
  isObject: function (o) { return Object.prototype.toString.call(o) === '[object Object]'; },
  isArray: Array.isArray,
  isString: typeTest('String'),
  isNumber: typeTest('Number'),
  isBoolean: typeTest('Boolean'),
  isFunction: function (o) { return typeof o === 'function'; },
  isDate: typeTest('Date'),
  isRegExp: typeTest('RegExp'),
  isArguments: typeTest('Arguments'),
  isNaN: function (o) { return typeof o === 'number' && o !== o; },
  size: function (o) { return Object.keys(o || {}).length; },
  equal: deepEqual,
  clone: function (o, deep) { if (!isObjectLike(o)) return o; return deep ? JSON.parse(JSON.stringify(o)) : (Array.isArray(o) ? o.slice() : Object.assign({}, o)); },
  merge: function (target, source, deep, resolve) { return mergeInto(target, source, deep, resolve); },
  has: function (o, k) { return o != null && hasOwn.call(o, k); },
  select: function (o) { return selectKeys(o, arguments, true); },
  reject: function (o) { return selectKeys(o, arguments, false); },
  map: function (o, fn) { var out = {}; Object.keys(o).forEach(function (k) { out[k] = fn.call(o, k, o[k]); }); return out; },
  each: function (o, fn) { Object.keys(o).forEach(function (k) { fn.call(o, k, o[k]); }); return o; },
  any: function (o, f) { var m = matcher(f); return Object.keys(o).some(function (k) { return m(o[k]); }); },
  all: function (o, f) { var m = matcher(f); return Object.keys(o).every(function (k) { return m(o[k]); }); },
  none: function (o, f) { var m = matcher(f); return !Object.keys(o).some(function (k) { return m(o[k]); }); },
  count: function (o, f) { var m = matcher(f); return Object.keys(o).filter(function (k) { return m(o[k]); }).length; },
  tap: function (o, fn) { fn(o); return o; },
  sum: function (o, map) { return Object.values(o).sum(map); },
  average: function (o, map) { return Object.values(o).average(map); },
  min: function (o, map, all) { return keyExtreme(o, map, all, 'min'); },
  max: function (o, map, all) { return keyExtreme(o, map, all, 'max'); },
  least: function (o, map, all) { return keyCount(o, map, all, false); },
  most: function (o, map, all) { return keyCount(o, map, all, true); },
  find: function (o, f) { var m = matcher(f); return Object.keys(o).find(function (k) { return typeof f === 'function' ? f.call(o, k, o[k]) : m(o[k]); }); },
  findAll: function (o, f) { var m = matcher(f), out = {}; Object.keys(o).forEach(function (k) { if (typeof f === 'function' ? f.call(o, k, o[k]) : m(o[k])) out[k] = o[k]; }); return out; },
  reduce: function (o, fn, init) { var vals = Object.keys(o).map(function (k) { return o[k]; }); return arguments.length > 2 ? vals.reduce(fn, init) : vals.reduce(fn); },
  watch: function (o, prop, fn) {
    var value = o[prop];
    Object.defineProperty(o, prop, {
      enumerable: true, configurable: true,
      get: function () { return value; },
      set: function (v) { value = fn.call(o, prop, value, v); }
    });
  },
  toQueryString: function (o, ns) {
    var parts = [];
    (function walk(v, prefix) {
      if (isObjectLike(v)) Object.keys(v).forEach(function (k) { walk(v[k], prefix ? prefix + '[' + k + ']' : k); });
      else parts.push(encodeURIComponent(prefix) + '=' + encodeURIComponent(v == null ? '' : v));
    })(o, ns);
    return parts.join('&');
  },
  fromQueryString: function (s) {
    var out = {};
    String(s).replace(/^.*?\?/, '').split('&').forEach(function (p) {
      if (!p) return;
      var i = p.indexOf('='), k = decodeURIComponent(i < 0 ? p : p.slice(0, i)), v = i < 0 ? '' : decodeURIComponent(p.slice(i + 1));
      out[k] = v;
    });
    return out;
  },
  extended: function (o) {
    // an object with Sugar's Object methods as its own (non-enumerable) methods
    var ext = Object.assign({}, o || {});
    ['isEmpty', 'size', 'equal', 'clone', 'merge', 'has', 'select', 'reject', 'map', 'each', 'any', 'all', 'none', 'count', 'tap',
      'sum', 'average', 'min', 'max', 'least', 'most', 'find', 'findAll', 'reduce', 'watch', 'toQueryString'].forEach(function (name) {
      Object.defineProperty(ext, name, { value: function () { return Object[name].apply(Object, [this].concat(Array.prototype.slice.call(arguments))); }, enumerable: false, writable: true, configurable: true });
    });
    Object.defineProperty(ext, 'keys', { value: function () { return Object.keys(this); }, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(ext, 'values', { value: function () { var self = this; return Object.keys(this).map(function (k) { return self[k]; }); }, enumerable: false, writable: true, configurable: true });
    return ext;
  }
});
define(Object, { values: function (o) { return Object.keys(o).map(function (k) { return o[k]; }); } });

define(RegExp.prototype, {
  getFlags: function () { return this.flags.replace(/[^gim]/g, ''); },
  setFlags: function (flags) { return new RegExp(this.source, flags); },
  addFlag: function (flag) { return new RegExp(this.source, this.flags.replace(flag, '') + flag); },
  removeFlag: function (flag) { return new RegExp(this.source, this.flags.replace(flag, '')); }
});
define(Number, {
  random: function (n1, n2) {
    var min = Math.min(n1 || 0, n2 === undefined ? 1 : n2), max = Math.max(n1 || 0, n2 === undefined ? 1 : n2) + 1;
    return Math.trunc(Math.random() * (max - min) + min);
  }
});
define(Array, {
  create: function () {
    var out = [];
    Array.prototype.forEach.call(arguments, function (a) {
      if (Array.isArray(a) || Object.prototype.toString.call(a) === '[object Arguments]') Array.prototype.push.apply(out, a); else out.push(a);
    });
    return out;
  }
});
define(Function.prototype, {
  once: function () { var fn = this, done = false, r; return function () { if (!done) { done = true; r = fn.apply(this, arguments); } return r; }; },
  after: function (n) { var fn = this, count = 0; return function () { if (++count >= n) return fn.apply(this, arguments); }; },
  fill: function () { var fn = this, bound = Array.prototype.slice.call(arguments); return function () { var args = bound.slice(), rest = Array.prototype.slice.call(arguments), j = 0; for (var i = 0; i < args.length; i++) if (args[i] === undefined && j < rest.length) args[i] = rest[j++]; return fn.apply(this, args.concat(rest.slice(j))); }; },
  debounce: function (ms) {
    var fn = this, timer = null;
    var wrapped = function () { var args = arguments, self = this; if (timer !== null) clearTimeout(timer); timer = setTimeout(function () { timer = null; fn.apply(self, args); }, ms || 0); };
    wrapped.cancel = function () { if (timer !== null) clearTimeout(timer); timer = null; };
    return wrapped;
  },
  throttle: function (ms) { return this.lazy(ms, true, 1); },
  lazy: function (ms, immediate, limit) {
    var fn = this, queue = [], timer = null, wrapped;
    function run() { if (!queue.length) { timer = null; return; } var c = queue.shift(); fn.apply(c[0], c[1]); timer = setTimeout(run, ms || 1); }
    wrapped = function () {
      if (limit && queue.length >= limit) return;
      queue.push([this, arguments]);
      if (timer === null) { if (immediate) run(); else timer = setTimeout(run, ms || 1); }
    };
    wrapped.cancel = function () { queue = []; if (timer !== null) clearTimeout(timer); timer = null; };
    return wrapped;
  },
  cancel: function () { if (typeof this.cancel === 'function' && this.cancel !== Function.prototype.cancel) this.cancel(); return this; },
  delay: function (ms) { var fn = this, args = Array.prototype.slice.call(arguments, 1); if (typeof setTimeout === 'function') return setTimeout(function () { fn.apply(fn, args); }, ms || 0); fn.apply(fn, args); return fn; }
});

module.exports = { installed: installed, matcher: matcher };
