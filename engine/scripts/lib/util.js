// Node's util module (https://nodejs.org/api/util.html): format, inspect, inherits,
// isDeepStrictEqual, promisify, callbackify, deprecate, types and the legacy is* helpers.
'use strict';
var hasOwn = Object.prototype.hasOwnProperty;
var IDENT = /^[A-Za-z_$][\w$]*$/;

function quote(s) { return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'"; }
function inspect(value, opts) {
  var options = { depth: 2, breakLength: 80 };
  if (opts && typeof opts === 'object') Object.keys(opts).forEach(function (k) { options[k] = opts[k]; });
  var seen = [];
  function fmt(v, depth) {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'undefined': return 'undefined';
      case 'string': return depth === 0 && options.top === false ? v : quote(v);
      case 'number': return (v === 0 && 1 / v < 0) ? '-0' : String(v);
      case 'bigint': return v + 'n';
      case 'boolean': return String(v);
      case 'symbol': return v.toString();
      case 'function': return '[' + (/^class\s/.test(Function.prototype.toString.call(v)) ? 'class' : 'Function') + (v.name ? ': ' + v.name : ' (anonymous)') + ']';
    }
    if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (v instanceof RegExp) return String(v);
    if (v instanceof Error) return v.stack ? String(v.stack).split('\n')[0] === String(v) ? String(v.stack).trim() : v.name + ': ' + v.message : v.name + ': ' + v.message;
    if (seen.indexOf(v) > -1) return '[Circular *1]';
    if (isBuffer(v)) {
      var hex = Array.prototype.slice.call(v, 0, 50).map(function (b) { return (b < 16 ? '0' : '') + b.toString(16); });
      return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      var name = v.constructor && v.constructor.name || 'TypedArray';
      return name + '(' + v.length + ') [' + (v.length ? ' ' + Array.prototype.map.call(v, function (x) { return fmt(x, depth + 1); }).join(', ') + ' ' : '') + ']';
    }
    var nested = options.depth !== null && depth > options.depth;
    var parts, open, close, prefix = '';
    if (Array.isArray(v)) {
      if (nested) return '[Array]';
      seen.push(v);
      parts = v.map(function (x) { return fmt(x, depth + 1); });
      Object.keys(v).forEach(function (k) { if (!/^\d+$/.test(k)) parts.push(key(k) + ': ' + fmt(v[k], depth + 1)); });
      open = '['; close = ']';
    } else if (v instanceof Map || v instanceof Set) {
      var isMap = v instanceof Map;
      prefix = (isMap ? 'Map' : 'Set') + '(' + v.size + ') ';
      if (nested) return '[' + (isMap ? 'Map' : 'Set') + ']';
      seen.push(v);
      parts = [];
      v.forEach(function (val, k) { parts.push(isMap ? fmt(k, depth + 1) + ' => ' + fmt(val, depth + 1) : fmt(val, depth + 1)); });
      open = '{'; close = '}';
    } else {
      var ctor = Object.getPrototypeOf(v) === null ? '[Object: null prototype]' : (v.constructor && v.constructor.name !== 'Object' ? v.constructor.name : '');
      if (nested) return '[' + (ctor || 'Object') + ']';
      seen.push(v);
      parts = Object.keys(v).map(function (k) { return key(k) + ': ' + fmt(v[k], depth + 1); });
      open = '{'; close = '}';
      if (ctor) prefix = ctor + ' ';
    }
    seen.pop();
    if (!parts.length) return prefix + open + close;
    var line = prefix + open + ' ' + parts.join(', ') + ' ' + close;
    if (line.length <= options.breakLength - depth * 2 && line.indexOf('\n') < 0) return line;
    var pad = new Array(depth + 2).join('  ');
    return prefix + open + '\n' + pad + parts.join(',\n' + pad) + '\n' + pad.slice(2) + close;
  }
  function key(k) { return IDENT.test(k) ? k : quote(k); }
  return fmt(value, 0);
}
function isBuffer(v) { return typeof Buffer === 'function' && typeof Buffer.isBuffer === 'function' && Buffer.isBuffer(v); }
var BUILTIN_PROTOS = [Object.prototype, Array.prototype, Date.prototype, RegExp.prototype, Error.prototype, Function.prototype,
  Map.prototype, Set.prototype, Object.getPrototypeOf(Uint8Array.prototype), Promise.prototype];
// %s converts with String() unless the object's toString is the engine's own (then it is inspected), as Node does
function hasOwnToString(v) {
  for (var p = v; p; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, 'toString')) return BUILTIN_PROTOS.indexOf(p) < 0;
  }
  return false;
}
function format(f) {
  var args = Array.prototype.slice.call(arguments), out;
  if (typeof f !== 'string') return args.map(function (a) { return typeof a === 'string' ? a : inspect(a); }).join(' ');
  if (args.length === 1) return f;
  var i = 1;
  out = f.replace(/%([sdifjoOc%])/g, function (m, c) {
    if (c === '%') return '%';
    if (i >= args.length) return m;
    var a = args[i++];
    switch (c) {
      case 's': return typeof a === 'string' ? a : (typeof a === 'bigint' ? a + 'n' : (typeof a === 'object' && a !== null ? (hasOwnToString(a) && !(a instanceof Error) ? String(a) : inspect(a, { depth: 0 })) : (Object.is(a, -0) ? '-0' : String(a))));
      case 'd': return typeof a === 'object' && a !== null ? 'NaN' : String(Number(a));
      case 'i': return String(parseInt(a, 10));
      case 'f': return String(parseFloat(a));
      case 'j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case 'o': case 'O': return inspect(a);
      case 'c': return '';
    }
    return m;
  });
  for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
  return out;
}
function deepStrictEqual(a, b, seen) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  var ta = Object.prototype.toString.call(a);
  if (ta !== Object.prototype.toString.call(b)) return false;
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b) && a.lastIndex === b.lastIndex;
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  if (ta === '[object Number]' || ta === '[object String]' || ta === '[object Boolean]') if (!Object.is(a.valueOf(), b.valueOf())) return false;
  seen = seen || [];
  for (var s = 0; s < seen.length; s++) if (seen[s][0] === a && seen[s][1] === b) return true;
  seen.push([a, b]);
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    var ea = Array.from(a), eb = Array.from(b);
    return ea.every(function (x) { return eb.some(function (y) { return deepStrictEqual(x, y, seen); }); });
  }
  if (Array.isArray(a) && a.length !== b.length) return false;
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(function (k) { return hasOwn.call(b, k) && deepStrictEqual(a[k], b[k], seen); });
}
function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function' || typeof superCtor !== 'function') throw new TypeError('The "ctor" and "superCtor" arguments must be of type function');
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
function promisify(fn) {
  if (typeof fn !== 'function') throw new TypeError('The "original" argument must be of type function');
  return function () {
    var args = Array.prototype.slice.call(arguments), self = this;
    return new Promise(function (resolve, reject) {
      fn.apply(self, args.concat([function (err, val) { if (err) reject(err); else resolve(val); }]));
    });
  };
}
function callbackify(fn) {
  return function () {
    var args = Array.prototype.slice.call(arguments), cb = args.pop();
    fn.apply(this, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
  };
}
function tagIs(name) { return function (v) { return Object.prototype.toString.call(v) === '[object ' + name + ']'; }; }
var types = {
  isDate: tagIs('Date'), isRegExp: tagIs('RegExp'), isMap: function (v) { return v instanceof Map; }, isSet: function (v) { return v instanceof Set; },
  isPromise: function (v) { return v instanceof Promise; }, isNativeError: function (v) { return v instanceof Error; },
  isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); }, isUint8Array: function (v) { return v instanceof Uint8Array; },
  isArrayBuffer: function (v) { return v instanceof ArrayBuffer; }, isAsyncFunction: tagIs('AsyncFunction'), isGeneratorFunction: tagIs('GeneratorFunction'),
  isBoxedPrimitive: function (v) { return /^\[object (Number|String|Boolean|Symbol|BigInt)\]$/.test(Object.prototype.toString.call(v)) && typeof v === 'object'; },
  isWeakMap: function (v) { return v instanceof WeakMap; }, isWeakSet: function (v) { return v instanceof WeakSet; }
};
module.exports = {
  format: format, inspect: inspect, inherits: inherits, isDeepStrictEqual: function (a, b) { return deepStrictEqual(a, b); },
  promisify: promisify, callbackify: callbackify, types: types,
  deprecate: function (fn) { return fn; },
  debuglog: function () { return function () {}; },
  isArray: Array.isArray, isBoolean: function (v) { return typeof v === 'boolean'; }, isNull: function (v) { return v === null; },
  isNullOrUndefined: function (v) { return v == null; }, isNumber: function (v) { return typeof v === 'number'; },
  isString: function (v) { return typeof v === 'string'; }, isSymbol: function (v) { return typeof v === 'symbol'; },
  isUndefined: function (v) { return v === undefined; }, isRegExp: types.isRegExp, isObject: function (v) { return v !== null && typeof v === 'object'; },
  isDate: types.isDate, isError: function (v) { return v instanceof Error; }, isFunction: function (v) { return typeof v === 'function'; },
  isPrimitive: function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); },
  isBuffer: isBuffer,
  _extend: function (target, source) { if (!source || typeof source !== 'object') return target; Object.keys(source).forEach(function (k) { target[k] = source[k]; }); return target; },
  log: function () {
    var d = new Date(), months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    console.log(d.getDate() + ' ' + months[d.getMonth()] + ' ' + two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds()) + ' - ' + format.apply(null, arguments));
  },
  _deepStrictEqual: deepStrictEqual
};
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
