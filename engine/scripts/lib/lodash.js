// lodash 4 for Postman scripts (`_` and `require('lodash')`), written here from lodash's
// documented behaviour (https://lodash.com/docs/4.17.21). The most-used functions only; a name
// that is not here is reported by the sandbox as unsupported, never silently undefined.
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var objToString = Object.prototype.toString;
var MAX_SAFE = 9007199254740991;
var INFINITY = 1 / 0;

function tag(v) { return objToString.call(v); }
function isObjectLike(v) { return v !== null && typeof v === 'object'; }
function isObject(v) { var t = typeof v; return v !== null && (t === 'object' || t === 'function'); }
function isFunction(v) { return typeof v === 'function'; }
function isString(v) { return typeof v === 'string' || (isObjectLike(v) && tag(v) === '[object String]'); }
function isNumber(v) { return typeof v === 'number' || (isObjectLike(v) && tag(v) === '[object Number]'); }
function isBoolean(v) { return v === true || v === false || (isObjectLike(v) && tag(v) === '[object Boolean]'); }
function isSymbol(v) { return typeof v === 'symbol'; }
function isLength(v) { return typeof v === 'number' && v > -1 && v % 1 === 0 && v <= MAX_SAFE; }
function isArrayLike(v) { return v != null && typeof v !== 'function' && isLength(v.length); }
function isArrayLikeObject(v) { return isObjectLike(v) && isArrayLike(v); }
function isArguments(v) { return isObjectLike(v) && tag(v) === '[object Arguments]'; }
function isPlainObject(v) {
  if (!isObjectLike(v) || tag(v) !== '[object Object]') return false;
  var proto = Object.getPrototypeOf(v);
  if (proto === null) return true;
  var Ctor = hasOwn.call(proto, 'constructor') && proto.constructor;
  return typeof Ctor === 'function' && Function.prototype.toString.call(Ctor) === Function.prototype.toString.call(Object);
}
function isIndex(v, length) {
  length = length == null ? MAX_SAFE : length;
  var t = typeof v;
  return !!length && (t === 'number' || (t !== 'symbol' && /^(?:0|[1-9]\d*)$/.test(v))) && v > -1 && v % 1 === 0 && v < length;
}
function identity(v) { return v; }
function noop() {}
function sameValueZero(a, b) { return a === b || (a !== a && b !== b); }

// ---------- conversion ------------------------------------------------------------------------
function toStr(v) {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(baseToString).join(',');
  if (isSymbol(v)) return v.toString();
  var s = String(v);
  return (s === '0' && 1 / v === -INFINITY) ? '-0' : s;
}
function baseToString(v) {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(baseToString).join(',');
  if (isSymbol(v)) return v.toString();
  var s = String(v);
  return (s === '0' && 1 / v === -INFINITY) ? '-0' : s;
}
function toNumber(v) {
  if (typeof v === 'number') return v;
  if (isSymbol(v)) return NaN;
  if (isObject(v)) {
    var other = typeof v.valueOf === 'function' ? v.valueOf() : v;
    v = isObject(other) ? String(other) : other;
  }
  if (typeof v !== 'string') return v === 0 ? v : +v;
  v = v.trim();
  if (/^0b[01]+$/i.test(v)) return parseInt(v.slice(2), 2);
  if (/^0o[0-7]+$/i.test(v)) return parseInt(v.slice(2), 8);
  if (/^[-+]0x[0-9a-f]+$/i.test(v)) return NaN;
  return +v;
}
function toFinite(v) {
  if (!v) return v === 0 ? v : 0;
  v = toNumber(v);
  if (v === INFINITY || v === -INFINITY) return (v < 0 ? -1 : 1) * Number.MAX_VALUE;
  return v === v ? v : 0;
}
function toInteger(v) { var r = toFinite(v), rem = r % 1; return r === r ? (rem ? r - rem : r) : 0; }
function toSafeInteger(v) { return v ? clamp(toInteger(v), -MAX_SAFE, MAX_SAFE) : (v === 0 ? v : 0); }
function toLength(v) { return v ? clamp(toInteger(v), 0, 4294967295) : 0; }
function toArray(v) {
  if (!v) return [];
  if (isArrayLike(v)) return isString(v) ? Array.from(String(v)) : Array.prototype.slice.call(v);
  if (v instanceof Map) return Array.from(v.entries());
  if (v instanceof Set) return Array.from(v.values());
  return values(v);
}
function toPlainObject(v) { var out = {}; for (var k in Object(v)) out[k] = v[k]; return out; }
function castArray() { if (!arguments.length) return []; var v = arguments[0]; return Array.isArray(v) ? v : [v]; }

// ---------- paths -----------------------------------------------------------------------------
var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var reIsPlainProp = /^\w*$/;
var rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
function isKey(value, object) {
  if (Array.isArray(value)) return false;
  var t = typeof value;
  if (t === 'number' || t === 'symbol' || t === 'boolean' || value == null) return true;
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || (object != null && value in Object(object));
}
function stringToPath(string) {
  var result = [];
  if (string.charCodeAt(0) === 46) result.push('');
  string.replace(rePropName, function (match, number, quote, subString) {
    result.push(quote ? subString.replace(/\\(\\)?/g, '$1') : (number || match));
  });
  return result;
}
function toKey(v) {
  if (typeof v === 'string' || isSymbol(v)) return v;
  var s = String(v);
  return (s === '0' && 1 / v === -INFINITY) ? '-0' : s;
}
function castPath(value, object) {
  if (Array.isArray(value)) return value;
  return isKey(value, object) ? [value] : stringToPath(toStr(value));
}
function toPath(value) {
  if (Array.isArray(value)) return value.map(toKey);
  return isSymbol(value) ? [value] : stringToPath(toStr(value));
}
function baseGet(object, path) {
  path = castPath(path, object);
  var index = 0, length = path.length;
  while (object != null && index < length) object = object[toKey(path[index++])];
  return (index && index === length) ? object : undefined;
}
function get(object, path, defaultValue) {
  var result = object == null ? undefined : baseGet(object, path);
  return result === undefined ? defaultValue : result;
}
function hasPath(object, path, test) {
  path = castPath(path, object);
  var index = -1, length = path.length, result = false, key;
  while (++index < length) {
    key = toKey(path[index]);
    if (!(result = object != null && test(object, key))) break;
    object = object[key];
  }
  if (result || ++index !== length) return result;
  length = object == null ? 0 : object.length;
  return !!length && isLength(length) && isIndex(key, length) && (Array.isArray(object) || isArguments(object));
}
function has(object, path) { return object != null && hasPath(object, path, function (o, k) { return hasOwn.call(o, k); }); }
function hasIn(object, path) { return object != null && hasPath(object, path, function (o, k) { return k in Object(o); }); }
function baseSet(object, path, value, customizer) {
  if (!isObject(object)) return object;
  path = castPath(path, object);
  var index = -1, length = path.length, nested = object;
  while (nested != null && ++index < length) {
    var key = toKey(path[index]), newValue = value;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return object;
    if (index !== length - 1) {
      var objValue = nested[key];
      newValue = customizer ? customizer(objValue, key, nested) : undefined;
      if (newValue === undefined) newValue = isObject(objValue) ? objValue : (isIndex(path[index + 1]) ? [] : {});
    }
    nested[key] = newValue;
    nested = nested[key];
  }
  return object;
}
function set(object, path, value) { return object == null ? object : baseSet(object, path, value); }
function setWith(object, path, value, customizer) { return object == null ? object : baseSet(object, path, value, typeof customizer === 'function' ? customizer : undefined); }
function update(object, path, updater) { return object == null ? object : baseSet(object, path, updater(baseGet(object, path))); }
function unset(object, path) {
  if (object == null) return true;
  path = castPath(path, object);
  var parent = path.length < 2 ? object : baseGet(object, path.slice(0, -1));
  var key = toKey(path[path.length - 1]);
  return parent == null || delete parent[key];
}
function result(object, path, defaultValue) {
  path = castPath(path, object);
  var index = -1, length = path.length;
  if (!length) { length = 1; object = undefined; }
  while (++index < length) {
    var value = object == null ? undefined : object[toKey(path[index])];
    if (value === undefined) { index = length; value = defaultValue; }
    object = isFunction(value) ? value.call(object) : value;
  }
  return object;
}
function at(object) {
  var paths = flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY);
  return paths.map(function (p) { return get(object, p); });
}

// ---------- iteratees -------------------------------------------------------------------------
function property(path) { return function (object) { return object == null ? undefined : baseGet(object, path); }; }
function propertyOf(object) { return function (path) { return object == null ? undefined : baseGet(object, path); }; }
function isMatch(object, source) {
  if (object === source) return true;
  var ks = keys(source);
  if (object == null) return !ks.length;
  object = Object(object);
  for (var i = 0; i < ks.length; i++) {
    var k = ks[i], sv = source[k];
    if (!(k in object)) return false;
    var ov = object[k];
    if (isObject(sv) && isObject(ov) && !(sv instanceof Date) && !(sv instanceof RegExp)) {
      if (Array.isArray(sv)) {
        if (!Array.isArray(ov)) return false;
        // partial array match: every source element has a match in the object's array
        for (var j = 0; j < sv.length; j++) {
          var ok = false;
          for (var m = 0; m < ov.length && !ok; m++) ok = isObject(sv[j]) ? isMatch(ov[m], sv[j]) : sameValueZero(ov[m], sv[j]);
          if (!ok) return false;
        }
      } else if (!isMatch(ov, sv)) return false;
    } else if (!isEqual(ov, sv)) return false;
  }
  return true;
}
function matches(source) { var src = cloneDeep(source); return function (object) { return isMatch(object, src); }; }
function matchesProperty(path, srcValue) {
  var src = cloneDeep(srcValue);
  return function (object) {
    var v = get(object, path);
    return (v === undefined && v === src) ? hasIn(object, path) : (isObject(src) ? isMatch(v, src) : isEqual(v, src));
  };
}
function iteratee(func) {
  if (typeof func === 'function') return func;
  if (func == null) return identity;
  if (typeof func === 'object') return Array.isArray(func) ? matchesProperty(func[0], func[1]) : matches(func);
  return property(func);
}

// ---------- collections -----------------------------------------------------------------------
function keys(object) {
  if (object == null) return [];
  if (isArrayLike(object)) {
    var out = [];
    for (var i = 0; i < object.length; i++) out.push(String(i));
    for (var k in object) if (hasOwn.call(object, k) && !isIndex(k, object.length) && !(typeof object === 'string')) out.push(k);
    return out;
  }
  return Object.keys(Object(object));
}
function keysIn(object) { var out = []; if (object == null) return out; for (var k in Object(object)) out.push(k); return out; }
function values(object) { return object == null ? [] : keys(object).map(function (k) { return object[k]; }); }
function valuesIn(object) { return object == null ? [] : keysIn(object).map(function (k) { return object[k]; }); }
function toPairs(object) {
  if (object instanceof Map) return Array.from(object.entries());
  if (object instanceof Set) return Array.from(object.values()).map(function (v) { return [v, v]; });
  return keys(object).map(function (k) { return [k, object[k]]; });
}
function toPairsIn(object) { return keysIn(object).map(function (k) { return [k, object[k]]; }); }

// Iterates arrays (and array-likes, strings included) by index, everything else by own keys.
// The callback returning exactly false stops the iteration, as lodash documents.
function baseEach(collection, fn) {
  if (collection == null) return collection;
  if (isArrayLike(collection)) {
    var it = typeof collection === 'string' ? Object(collection) : collection;
    for (var i = 0; i < it.length; i++) if (fn(it[i], i, collection) === false) break;
  } else {
    var ks = keys(collection);
    for (var j = 0; j < ks.length; j++) if (fn(collection[ks[j]], ks[j], collection) === false) break;
  }
  return collection;
}
function forEach(collection, fn) { return baseEach(collection, typeof fn === 'function' ? fn : identity); }
function forEachRight(collection, fn) {
  fn = typeof fn === 'function' ? fn : identity;
  if (isArrayLike(collection)) {
    for (var i = collection.length - 1; i >= 0; i--) if (fn(collection[i], i, collection) === false) break;
    return collection;
  }
  var ks = keys(collection).reverse();
  for (var j = 0; j < ks.length; j++) if (fn(collection[ks[j]], ks[j], collection) === false) break;
  return collection;
}
function forIn(object, fn) { fn = typeof fn === 'function' ? fn : identity; if (object == null) return object; for (var k in object) if (fn(object[k], k, object) === false) break; return object; }
function forOwn(object, fn) {
  fn = typeof fn === 'function' ? fn : identity;
  if (object == null) return object;
  var ks = keys(object);
  for (var i = 0; i < ks.length; i++) if (fn(object[ks[i]], ks[i], object) === false) break;
  return object;
}
function map(collection, fn) {
  fn = iteratee(fn);
  var out = [];
  baseEach(collection, function (v, k, c) { out.push(fn(v, k, c)); });
  return out;
}
function filter(collection, pred) {
  pred = iteratee(pred);
  var out = [];
  baseEach(collection, function (v, k, c) { if (pred(v, k, c)) out.push(v); });
  return out;
}
function reject(collection, pred) { pred = iteratee(pred); return filter(collection, function (v, k, c) { return !pred(v, k, c); }); }
function find(collection, pred, fromIndex) {
  pred = iteratee(pred);
  if (isArrayLike(collection)) {
    var i = findIndex(collection, pred, fromIndex);
    return i > -1 ? collection[i] : undefined;
  }
  var found;
  baseEach(collection, function (v, k, c) { if (pred(v, k, c)) { found = v; return false; } });
  return found;
}
function findLast(collection, pred, fromIndex) {
  pred = iteratee(pred);
  if (isArrayLike(collection)) {
    var i = findLastIndex(collection, pred, fromIndex);
    return i > -1 ? collection[i] : undefined;
  }
  var found;
  forEachRight(collection, function (v, k, c) { if (pred(v, k, c)) { found = v; return false; } });
  return found;
}
function findIndex(array, pred, fromIndex) {
  var length = array == null ? 0 : array.length;
  if (!length) return -1;
  var index = fromIndex == null ? 0 : toInteger(fromIndex);
  if (index < 0) index = Math.max(length + index, 0);
  pred = iteratee(pred);
  for (; index < length; index++) if (pred(array[index], index, array)) return index;
  return -1;
}
function findLastIndex(array, pred, fromIndex) {
  var length = array == null ? 0 : array.length;
  if (!length) return -1;
  var index = length - 1;
  if (fromIndex !== undefined) { index = toInteger(fromIndex); index = fromIndex < 0 ? Math.max(length + index, 0) : Math.min(index, length - 1); }
  pred = iteratee(pred);
  for (; index >= 0; index--) if (pred(array[index], index, array)) return index;
  return -1;
}
function findKey(object, pred) { pred = iteratee(pred); var r; forOwn(object, function (v, k, o) { if (pred(v, k, o)) { r = k; return false; } }); return r; }
function findLastKey(object, pred) { pred = iteratee(pred); var ks = keys(object).reverse(); for (var i = 0; i < ks.length; i++) if (pred(object[ks[i]], ks[i], object)) return ks[i]; return undefined; }
function some(collection, pred) { pred = iteratee(pred); var r = false; baseEach(collection, function (v, k, c) { if (pred(v, k, c)) { r = true; return false; } }); return r; }
function every(collection, pred) { pred = iteratee(pred); var r = true; baseEach(collection, function (v, k, c) { if (!pred(v, k, c)) { r = false; return false; } }); return r; }
function reduce(collection, fn, accumulator) {
  fn = iteratee(fn);
  var initAcc = arguments.length < 3;
  baseEach(collection, function (v, k, c) {
    if (initAcc) { accumulator = v; initAcc = false; } else accumulator = fn(accumulator, v, k, c);
  });
  return accumulator;
}
function reduceRight(collection, fn, accumulator) {
  fn = iteratee(fn);
  var initAcc = arguments.length < 3;
  forEachRight(collection, function (v, k, c) {
    if (initAcc) { accumulator = v; initAcc = false; } else accumulator = fn(accumulator, v, k, c);
  });
  return accumulator;
}
function includes(collection, value, fromIndex, guard) {
  collection = isArrayLike(collection) ? collection : values(collection);
  fromIndex = (fromIndex && !guard) ? toInteger(fromIndex) : 0;
  var length = collection.length;
  if (fromIndex < 0) fromIndex = Math.max(length + fromIndex, 0);
  if (isString(collection)) return fromIndex <= length && String(collection).indexOf(value, fromIndex) > -1;
  return !!length && baseIndexOf(collection, value, fromIndex) > -1;
}
function baseIndexOf(array, value, fromIndex) {
  for (var i = fromIndex; i < array.length; i++) if (sameValueZero(array[i], value)) return i;
  return -1;
}
function size(collection) {
  if (collection == null) return 0;
  if (isArrayLike(collection)) return isString(collection) ? Array.from(String(collection)).length : collection.length;
  if (collection instanceof Map || collection instanceof Set) return collection.size;
  return keys(collection).length;
}
function groupBy(collection, fn) {
  fn = iteratee(fn);
  var out = {};
  baseEach(collection, function (v) { var k = fn(v); if (hasOwn.call(out, k)) out[k].push(v); else out[k] = [v]; });
  return out;
}
function keyBy(collection, fn) { fn = iteratee(fn); var out = {}; baseEach(collection, function (v) { out[fn(v)] = v; }); return out; }
function countBy(collection, fn) {
  fn = iteratee(fn);
  var out = {};
  baseEach(collection, function (v) { var k = fn(v); out[k] = hasOwn.call(out, k) ? out[k] + 1 : 1; });
  return out;
}
function partition(collection, pred) {
  pred = iteratee(pred);
  var out = [[], []];
  baseEach(collection, function (v, k, c) { out[pred(v, k, c) ? 0 : 1].push(v); });
  return out;
}
function flatMap(collection, fn) { return flattenDepth(map(collection, fn), 1); }
function flatMapDeep(collection, fn) { return flattenDepth(map(collection, fn), INFINITY); }
function flatMapDepth(collection, fn, depth) { return flattenDepth(map(collection, fn), depth === undefined ? 1 : toInteger(depth)); }
function invokeMap(collection, path) {
  var args = Array.prototype.slice.call(arguments, 2);
  return map(collection, function (v) {
    var fn = typeof path === 'function' ? path : get(v, path);
    return fn == null ? undefined : fn.apply(v, args);
  });
}

// Orders like lodash's compareAscending: defined values first, then null, then NaN, then undefined.
function rank(v) {
  if (v === undefined) return 4;
  if (v !== v) return 3;
  if (v === null) return 2;
  if (isSymbol(v)) return 1;
  return 0;
}
function compareAscending(a, b) {
  if (a === b) return 0;
  var ra = rank(a), rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra !== 0) return 0;
  if (a > b) return 1;
  if (a < b) return -1;
  return 0;
}
function orderBy(collection, iteratees, orders) {
  if (collection == null) return [];
  if (!Array.isArray(iteratees)) iteratees = iteratees == null ? [] : [iteratees];
  if (!Array.isArray(orders)) orders = orders == null ? [] : [orders];
  var fns = iteratees.length ? iteratees.map(function (f) { return Array.isArray(f) ? property(f) : iteratee(f); }) : [identity];
  var rows = [];
  baseEach(collection, function (v, i) { rows.push({ v: v, i: rows.length, c: fns.map(function (f) { return f(v); }) }); });
  rows.sort(function (x, y) {
    for (var n = 0; n < fns.length; n++) {
      var r = compareAscending(x.c[n], y.c[n]);
      if (r) return (String(orders[n]).toLowerCase() === 'desc' && n < orders.length) ? -r : r;
    }
    return x.i - y.i;
  });
  return rows.map(function (r) { return r.v; });
}
function sortBy(collection) {
  var its = flattenDepth(Array.prototype.slice.call(arguments, 1), 1);
  return orderBy(collection, its, []);
}
function sample(collection) { var arr = isArrayLike(collection) ? collection : values(collection); return arr.length ? arr[Math.floor(Math.random() * arr.length)] : undefined; }
function shuffle(collection) {
  var arr = toArray(isArrayLike(collection) ? collection : values(collection)).slice();
  for (var i = arr.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = arr[i]; arr[i] = arr[j]; arr[j] = t; }
  return arr;
}
function sampleSize(collection, n) {
  n = n === undefined ? 1 : toInteger(n);
  return shuffle(collection).slice(0, Math.max(n, 0));
}

// ---------- arrays ----------------------------------------------------------------------------
function arr(a) { return a == null ? [] : Array.prototype.slice.call(a); }
function chunk(array, sz) {
  sz = sz === undefined ? 1 : Math.max(toInteger(sz), 0);
  var a = arr(array), out = [];
  if (!sz) return out;
  for (var i = 0; i < a.length; i += sz) out.push(a.slice(i, i + sz));
  return out;
}
function compact(array) { return arr(array).filter(Boolean); }
function concat() {
  var out = castArray(arguments[0]).slice();
  for (var i = 1; i < arguments.length; i++) { var v = arguments[i]; if (Array.isArray(v)) out.push.apply(out, v); else out.push(v); }
  return out;
}
function flattenDepth(array, depth) {
  depth = depth === undefined ? 1 : toInteger(depth);
  var out = [];
  (function walk(a, d) {
    for (var i = 0; i < a.length; i++) {
      var v = a[i];
      if (d > 0 && (Array.isArray(v) || isArguments(v))) walk(v, d - 1); else out.push(v);
    }
  })(arr(array), depth);
  return out;
}
function flatten(array) { return flattenDepth(array, 1); }
function flattenDeep(array) { return flattenDepth(array, INFINITY); }
function uniqBy(array, fn) {
  fn = iteratee(fn);
  var seen = [], out = [];
  arr(array).forEach(function (v) {
    var c = fn(v);
    for (var i = 0; i < seen.length; i++) if (sameValueZero(seen[i], c)) return;
    seen.push(c); out.push(v);
  });
  return out;
}
function uniq(array) { return uniqBy(array, identity); }
function uniqWith(array, comparator) {
  var out = [];
  arr(array).forEach(function (v) { if (!out.some(function (o) { return comparator(v, o); })) out.push(v); });
  return out;
}
function lastArgIteratee(args) {
  var last = args[args.length - 1];
  if (args.length > 1 && !isArrayLikeObject(last)) return { fn: iteratee(last), arrays: Array.prototype.slice.call(args, 0, -1) };
  return { fn: identity, arrays: Array.prototype.slice.call(args) };
}
function containsBy(list, value, fn) { var c = fn(value); return list.some(function (x) { return sameValueZero(fn(x), c); }); }
function difference(array) {
  var rest = flattenDepth(Array.prototype.slice.call(arguments, 1).filter(isArrayLikeObject), 1);
  return isArrayLikeObject(array) ? arr(array).filter(function (v) { return !containsBy(rest, v, identity); }) : [];
}
function differenceBy(array) {
  var p = lastArgIteratee(Array.prototype.slice.call(arguments, 1));
  if (arguments.length === 2 && isArrayLikeObject(arguments[1])) p = { fn: identity, arrays: [arguments[1]] };
  var rest = flattenDepth(p.arrays.filter(isArrayLikeObject), 1);
  return isArrayLikeObject(array) ? arr(array).filter(function (v) { return !containsBy(rest, v, p.fn); }) : [];
}
function differenceWith(array, values2, comparator) {
  return arr(array).filter(function (v) { return !arr(values2).some(function (o) { return comparator(v, o); }); });
}
function intersectionBy() {
  var p = lastArgIteratee(arguments), arrays = p.arrays.filter(isArrayLikeObject);
  if (!arrays.length) return [];
  return uniqBy(arrays[0], p.fn).filter(function (v) {
    return arrays.slice(1).every(function (a) { return containsBy(arr(a), v, p.fn); });
  });
}
function intersection() { return intersectionBy.apply(null, Array.prototype.slice.call(arguments).filter(isArrayLikeObject).concat([identity])); }
function intersectionWith() {
  var args = Array.prototype.slice.call(arguments), cmp = args.pop();
  if (!args.length) return [];
  return uniqWith(args[0], cmp).filter(function (v) { return args.slice(1).every(function (a) { return arr(a).some(function (o) { return cmp(v, o); }); }); });
}
function unionBy() { var p = lastArgIteratee(arguments); return uniqBy(flattenDepth(p.arrays.filter(isArrayLikeObject), 1), p.fn); }
function union() { return uniq(flattenDepth(Array.prototype.slice.call(arguments).filter(isArrayLikeObject), 1)); }
function unionWith() { var args = Array.prototype.slice.call(arguments), cmp = args.pop(); return uniqWith(flattenDepth(args, 1), cmp); }
function xorBy() {
  var p = lastArgIteratee(arguments), arrays = p.arrays.filter(isArrayLikeObject).map(function (a) { return uniqBy(a, p.fn); });
  var out = [];
  arrays.forEach(function (a, i) {
    a.forEach(function (v) {
      var elsewhere = arrays.some(function (b, j) { return j !== i && containsBy(b, v, p.fn); });
      if (!elsewhere) out.push(v);
    });
  });
  return out;
}
function xor() { return xorBy.apply(null, Array.prototype.slice.call(arguments).filter(isArrayLikeObject).concat([identity])); }
function without(array) { var vals = Array.prototype.slice.call(arguments, 1); return isArrayLikeObject(array) ? arr(array).filter(function (v) { return !containsBy(vals, v, identity); }) : []; }
function pull(array) { var vals = Array.prototype.slice.call(arguments, 1); return pullAll(array, vals); }
function pullAll(array, vals) {
  if (!array || !vals || !vals.length) return array;
  for (var i = array.length - 1; i >= 0; i--) if (containsBy(vals, array[i], identity)) array.splice(i, 1);
  return array;
}
function pullAt(array) {
  var idx = flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY).map(Number);
  var removed = at(array, idx);
  idx.slice().sort(function (a, b) { return b - a; }).forEach(function (i, n, all) { if (all.indexOf(i) === n) array.splice(i, 1); });
  return removed;
}
function remove(array, pred) {
  var out = [];
  if (!(array && array.length)) return out;
  pred = iteratee(pred);
  var indexes = [];
  for (var i = 0; i < array.length; i++) if (pred(array[i], i, array)) { out.push(array[i]); indexes.push(i); }
  for (var j = indexes.length - 1; j >= 0; j--) array.splice(indexes[j], 1);
  return out;
}
function zip() { return unzip(Array.prototype.slice.call(arguments)); }
function unzip(array) {
  var arrays = arr(array).filter(isArrayLikeObject);
  var length = arrays.reduce(function (m, a) { return Math.max(m, a.length); }, 0), out = [];
  for (var i = 0; i < length; i++) out.push(arrays.map(function (a) { return a[i]; }));
  return out;
}
function zipWith() {
  var args = Array.prototype.slice.call(arguments), fn = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  var z = unzip(args);
  return fn ? z.map(function (g) { return fn.apply(undefined, g); }) : z;
}
function unzipWith(array, fn) { var z = unzip(array); return fn == null ? z : z.map(function (g) { return fn.apply(undefined, g); }); }
function zipObject(props, vals) { var out = {}; arr(props).forEach(function (k, i) { out[k] = vals ? vals[i] : undefined; }); return out; }
function zipObjectDeep(props, vals) { var out = {}; arr(props).forEach(function (k, i) { baseSet(out, k, vals ? vals[i] : undefined); }); return out; }
function fromPairs(pairs) { var out = {}; arr(pairs).forEach(function (p) { out[p[0]] = p[1]; }); return out; }
function head(array) { return array && array.length ? array[0] : undefined; }
function last(array) { var n = array == null ? 0 : array.length; return n ? array[n - 1] : undefined; }
function tail(array) { return arr(array).slice(1); }
function initial(array) { return arr(array).slice(0, -1); }
function nArg(n, guard) { return (guard || n === undefined) ? 1 : toInteger(n); }
function take(array, n, guard) { n = nArg(n, guard); return arr(array).slice(0, n < 0 ? 0 : n); }
function takeRight(array, n, guard) { n = nArg(n, guard); var a = arr(array); return n <= 0 ? [] : a.slice(Math.max(a.length - n, 0)); }
function drop(array, n, guard) { n = nArg(n, guard); return arr(array).slice(n < 0 ? 0 : n); }
function dropRight(array, n, guard) { n = nArg(n, guard); var a = arr(array); return a.slice(0, Math.max(a.length - (n < 0 ? 0 : n), 0)); }
function takeWhile(array, pred) { pred = iteratee(pred); var a = arr(array), i = 0; while (i < a.length && pred(a[i], i, a)) i++; return a.slice(0, i); }
function takeRightWhile(array, pred) { pred = iteratee(pred); var a = arr(array), i = a.length; while (i > 0 && pred(a[i - 1], i - 1, a)) i--; return a.slice(i); }
function dropWhile(array, pred) { pred = iteratee(pred); var a = arr(array), i = 0; while (i < a.length && pred(a[i], i, a)) i++; return a.slice(i); }
function dropRightWhile(array, pred) { pred = iteratee(pred); var a = arr(array), i = a.length; while (i > 0 && pred(a[i - 1], i - 1, a)) i--; return a.slice(0, i); }
function nth(array, n) { var a = arr(array); if (!a.length) return undefined; n = toInteger(n); if (n < 0) n += a.length; return isIndex(n, a.length) ? a[n] : undefined; }
function indexOf(array, value, fromIndex) {
  var a = arr(array), n = a.length;
  if (!n) return -1;
  var i = fromIndex == null ? 0 : toInteger(fromIndex);
  if (i < 0) i = Math.max(n + i, 0);
  return baseIndexOf(a, value, i);
}
function lastIndexOf(array, value, fromIndex) {
  var a = arr(array), i = a.length - 1;
  if (fromIndex !== undefined) { i = toInteger(fromIndex); i = i < 0 ? Math.max(a.length + i, 0) : Math.min(i, a.length - 1); }
  for (; i >= 0; i--) if (sameValueZero(a[i], value)) return i;
  return -1;
}
function join(array, separator) { return array == null ? '' : Array.prototype.join.call(array, separator === undefined ? ',' : separator); }
function reverse(array) { return array == null ? array : Array.prototype.reverse.call(array); }
function slice(array, start, end) {
  var n = array == null ? 0 : array.length;
  if (!n) return [];
  start = start == null ? 0 : toInteger(start);
  end = end === undefined ? n : toInteger(end);
  return Array.prototype.slice.call(array, start, end);
}
function fill(array, value, start, end) {
  var n = array == null ? 0 : array.length;
  if (!n) return [];
  start = start == null ? 0 : toInteger(start);
  end = end === undefined ? n : toInteger(end);
  return Array.prototype.fill.call(array, value, start, end);
}
function sortedIndex(array, value) { var a = arr(array), lo = 0, hi = a.length; while (lo < hi) { var mid = (lo + hi) >>> 1; if (compareAscending(a[mid], value) < 0) lo = mid + 1; else hi = mid; } return lo; }
function sortedIndexBy(array, value, fn) { fn = iteratee(fn); var a = arr(array), c = fn(value), lo = 0, hi = a.length; while (lo < hi) { var mid = (lo + hi) >>> 1; if (compareAscending(fn(a[mid]), c) < 0) lo = mid + 1; else hi = mid; } return lo; }
function sortedUniq(array) { return arr(array).filter(function (v, i, a) { return i === 0 || !sameValueZero(v, a[i - 1]); }); }
function sortedUniqBy(array, fn) { fn = iteratee(fn); return arr(array).filter(function (v, i, a) { return i === 0 || !sameValueZero(fn(v), fn(a[i - 1])); }); }
function range(start, end, step) {
  start = toFinite(start);
  if (end === undefined) { end = start; start = 0; } else end = toFinite(end);
  step = step === undefined ? (start < end ? 1 : -1) : toFinite(step);
  var length = Math.max(Math.ceil((end - start) / (step || 1)), 0), out = new Array(length);
  for (var i = 0; i < length; i++) { out[i] = start; start += step; }
  return out;
}
function rangeRight(start, end, step) { return range(start, end, step).reverse(); }
function times(n, fn) {
  n = toInteger(n);
  if (n < 1 || n > MAX_SAFE) return [];
  fn = typeof fn === 'function' ? fn : identity;
  var out = [];
  for (var i = 0; i < Math.min(n, 4294967295); i++) out.push(fn(i));
  return out;
}

// ---------- math ------------------------------------------------------------------------------
function extremum(array, fn, better) {
  var result, computed;
  arr(array).forEach(function (v) {
    var c = fn(v);
    if (c != null && (computed === undefined ? (c === c && !isSymbol(c)) : better(c, computed))) { computed = c; result = v; }
  });
  return result;
}
function max(array) { return extremum(array, identity, function (a, b) { return a > b; }); }
function min(array) { return extremum(array, identity, function (a, b) { return a < b; }); }
function maxBy(array, fn) { return extremum(array, iteratee(fn), function (a, b) { return a > b; }); }
function minBy(array, fn) { return extremum(array, iteratee(fn), function (a, b) { return a < b; }); }
function sumBy(array, fn) {
  fn = iteratee(fn);
  var result;
  arr(array).forEach(function (v) { var c = fn(v); if (c !== undefined) result = result === undefined ? c : result + c; });
  return result === undefined ? 0 : result;
}
function sum(array) { return sumBy(array, identity); }
function meanBy(array, fn) { var a = arr(array); return a.length ? sumBy(a, fn) / a.length : NaN; }
function mean(array) { return meanBy(array, identity); }
function decimalAdjust(method) {
  return function (number, precision) {
    number = toNumber(number);
    precision = precision == null ? 0 : Math.min(toInteger(precision), 292);
    if (precision && isFinite(number)) {
      var pair = (toStr(number) + 'e').split('e');
      var value = Math[method](+(pair[0] + 'e' + (+pair[1] + precision)));
      pair = (toStr(value) + 'e').split('e');
      return +(pair[0] + 'e' + (+pair[1] - precision));
    }
    return Math[method](number);
  };
}
var round = decimalAdjust('round'), floor = decimalAdjust('floor'), ceil = decimalAdjust('ceil');
function clamp(number, lower, upper) {
  if (upper === undefined) { upper = lower; lower = undefined; }
  number = toNumber(number);
  if (number !== number) return number;
  if (upper !== undefined) { upper = toNumber(upper); upper = upper === upper ? upper : 0; if (number > upper) number = upper; }
  if (lower !== undefined) { lower = toNumber(lower); lower = lower === lower ? lower : 0; if (number < lower) number = lower; }
  return number;
}
function inRange(number, start, end) {
  start = toFinite(start);
  if (end === undefined) { end = start; start = 0; } else end = toFinite(end);
  number = toNumber(number);
  return number >= Math.min(start, end) && number < Math.max(start, end);
}
function random(lower, upper, floating) {
  if (floating !== undefined && typeof floating !== 'boolean') floating = undefined;
  if (floating === undefined) {
    if (typeof upper === 'boolean') { floating = upper; upper = undefined; } else if (typeof lower === 'boolean') { floating = lower; lower = undefined; }
  }
  if (lower === undefined && upper === undefined) { lower = 0; upper = 1; } else {
    lower = toFinite(lower);
    if (upper === undefined) { upper = lower; lower = 0; } else upper = toFinite(upper);
  }
  if (lower > upper) { var t = lower; lower = upper; upper = t; }
  if (floating || lower % 1 || upper % 1) {
    var rand = Math.random();
    return Math.min(lower + rand * (upper - lower + parseFloat('1e-' + ((rand + '').length - 1))), upper);
  }
  return lower + Math.floor(Math.random() * (upper - lower + 1));
}
function add(a, b) { return arith(a, b, function (x, y) { return x + y; }, 0); }
function subtract(a, b) { return arith(a, b, function (x, y) { return x - y; }, 0); }
function multiply(a, b) { return arith(a, b, function (x, y) { return x * y; }, 1); }
function divide(a, b) { return arith(a, b, function (x, y) { return x / y; }, 1); }
function arith(a, b, op, dflt) {
  if (a === undefined && b === undefined) return dflt;
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (typeof a === 'string' || typeof b === 'string') return op(baseToString(a), baseToString(b));
  return op(toNumber(a), toNumber(b));
}

// ---------- objects ---------------------------------------------------------------------------
function assignWithKeys(keyFn) {
  return function (object) {
    object = Object(object);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src == null) continue;
      keyFn(src).forEach(function (k) { object[k] = src[k]; });
    }
    return object;
  };
}
var assign = assignWithKeys(function (s) { return isArrayLike(s) ? keys(s) : Object.keys(Object(s)); });
var assignIn = assignWithKeys(keysIn);
function assignWith(object) {
  var args = Array.prototype.slice.call(arguments, 1), fn = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  object = Object(object);
  args.forEach(function (src) {
    if (src == null) return;
    keys(src).forEach(function (k) { var v = fn ? fn(object[k], src[k], k, object, src) : undefined; object[k] = v === undefined ? src[k] : v; });
  });
  return object;
}
function defaults(object) {
  object = Object(object);
  for (var i = 1; i < arguments.length; i++) {
    var src = arguments[i];
    if (src == null) continue;
    keysIn(src).forEach(function (k) {
      var v = object[k];
      if (v === undefined || (sameValueZero(v, Object.prototype[k]) && !hasOwn.call(object, k))) object[k] = src[k];
    });
  }
  return object;
}
function defaultsDeep(object) {
  object = Object(object);
  for (var i = 1; i < arguments.length; i++) {
    var src = arguments[i];
    if (src == null) continue;
    (function fill(target, source) {
      keysIn(source).forEach(function (k) {
        var tv = target[k], sv = source[k];
        if (tv === undefined) target[k] = isPlainObject(sv) ? fill({}, sv) : (Array.isArray(sv) ? fill([], sv) : sv);
        else if (isObject(tv) && (isPlainObject(sv) || Array.isArray(sv)) && isObject(tv)) fill(tv, sv);
      });
      return target;
    })(object, src);
  }
  return object;
}
function baseMerge(object, source, customizer, stack) {
  var srcKeys = isArrayLike(source) && !isString(source) ? keys(source) : keysIn(source);
  srcKeys.forEach(function (key) {
    if (key === '__proto__' || (key === 'constructor' && typeof object[key] === 'function')) return;
    var srcValue = source[key], objValue = object[key];
    var custom = customizer ? customizer(objValue, srcValue, key, object, source, stack) : undefined;
    if (custom !== undefined) { object[key] = custom; return; }
    if (isObject(srcValue) && (isPlainObject(srcValue) || Array.isArray(srcValue) || isArguments(srcValue) || ArrayBuffer.isView(srcValue))) {
      var seen = stack.get(srcValue);
      if (seen) { object[key] = seen; return; }
      var target;
      if (Array.isArray(srcValue) || ArrayBuffer.isView(srcValue)) {
        target = Array.isArray(objValue) ? objValue : (isArrayLikeObject(objValue) ? Array.prototype.slice.call(objValue) : (ArrayBuffer.isView(srcValue) ? new srcValue.constructor(srcValue) : []));
      } else if (isArguments(srcValue)) {
        target = isArguments(objValue) ? toPlainObject(objValue) : (isObject(objValue) && !isFunction(objValue) ? objValue : {});
      } else {
        target = (isObject(objValue) && !isFunction(objValue)) ? (isArguments(objValue) ? toPlainObject(objValue) : objValue) : {};
      }
      stack.set(srcValue, target);
      baseMerge(target, srcValue, customizer, stack);
      object[key] = target;
    } else if (srcValue !== undefined || !(key in object)) {
      if (!(srcValue === undefined && key in object)) object[key] = srcValue;
    }
  });
  return object;
}
function merge(object) {
  object = object == null ? object : Object(object);
  for (var i = 1; i < arguments.length; i++) if (arguments[i] != null) baseMerge(object, arguments[i], undefined, new Map());
  return object;
}
function mergeWith(object) {
  var args = Array.prototype.slice.call(arguments, 1), fn = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  object = Object(object);
  args.forEach(function (src) { if (src != null) baseMerge(object, src, fn, new Map()); });
  return object;
}
function pick(object) {
  var paths = flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY), out = {};
  if (object == null) return out;
  paths.forEach(function (p) { if (hasIn(object, p)) baseSet(out, castPath(p, object), baseGet(object, p)); });
  return out;
}
function pickBy(object, pred) {
  var out = {};
  if (object == null) return out;
  pred = iteratee(pred);
  keysIn(object).forEach(function (k) { if (pred(object[k], k)) out[k] = object[k]; });
  return out;
}
function omit(object) {
  if (object == null) return {};
  var paths = flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY), out = {};
  keysIn(object).forEach(function (k) { out[k] = object[k]; });
  var deep = false;
  paths.forEach(function (p) { if (castPath(p, object).length > 1) deep = true; });
  if (deep) out = cloneDeep(out);
  paths.forEach(function (p) { unset(out, p); });
  return out;
}
function omitBy(object, pred) { pred = iteratee(pred); return pickBy(object, function (v, k) { return !pred(v, k); }); }
function mapValues(object, fn) { fn = iteratee(fn); var out = {}; forOwn(object, function (v, k, o) { out[k] = fn(v, k, o); }); return out; }
function mapKeys(object, fn) { fn = iteratee(fn); var out = {}; forOwn(object, function (v, k, o) { out[fn(v, k, o)] = v; }); return out; }
function invert(object) { var out = {}; forOwn(object, function (v, k) { out[v == null || typeof v.toString !== 'function' ? objToString.call(v) : v] = k; }); return out; }
function invertBy(object, fn) { fn = iteratee(fn); var out = {}; forOwn(object, function (v, k) { var nk = fn(v); (hasOwn.call(out, nk) ? out[nk] : (out[nk] = [])).push(k); }); return out; }
function transform(object, fn, accumulator) {
  var isArr = Array.isArray(object);
  fn = iteratee(fn);
  if (accumulator == null) accumulator = isArr ? [] : (isObject(object) && isFunction(object.constructor) ? Object.create(Object.getPrototypeOf(object)) : {});
  baseEach(object, function (v, k, o) { return fn(accumulator, v, k, o); });
  return accumulator;
}
function create(proto, props) { var o = Object.create(proto == null ? null : proto); return props == null ? o : assign(o, props); }
function functions(object) { return object == null ? [] : keys(object).filter(function (k) { return isFunction(object[k]); }); }

// ---------- clone and equality ----------------------------------------------------------------
function baseClone(value, deep, stack) {
  if (!isObject(value)) return value;
  if (typeof value === 'function') return stack ? value : {};
  if (stack && stack.has(value)) return stack.get(value);
  var t = tag(value), out;
  stack = stack || new Map();
  if (Array.isArray(value)) {
    out = new Array(value.length);
    stack.set(value, out);
    for (var i = 0; i < value.length; i++) out[i] = deep ? baseClone(value[i], true, stack) : value[i];
    if (hasOwn.call(value, 'index')) out.index = value.index;
    if (hasOwn.call(value, 'input')) out.input = value.input;
    return out;
  }
  if (t === '[object Date]') return new Date(+value);
  if (t === '[object RegExp]') { out = new RegExp(value.source, value.flags); out.lastIndex = value.lastIndex; return out; }
  if (t === '[object Boolean]' || t === '[object Number]' || t === '[object String]') return Object(value.valueOf());
  if (value instanceof Map) { out = new Map(); stack.set(value, out); value.forEach(function (v, k) { out.set(k, deep ? baseClone(v, true, stack) : v); }); return out; }
  if (value instanceof Set) { out = new Set(); stack.set(value, out); value.forEach(function (v) { out.add(deep ? baseClone(v, true, stack) : v); }); return out; }
  if (ArrayBuffer.isView(value)) return new value.constructor(value);
  if (t === '[object Error]' || t === '[object WeakMap]') return {};
  out = isArguments(value) ? {} : Object.create(Object.getPrototypeOf(value));
  stack.set(value, out);
  Object.keys(value).forEach(function (k) { out[k] = deep ? baseClone(value[k], true, stack) : value[k]; });
  return out;
}
function clone(value) { return baseClone(value, false, null); }
function cloneDeep(value) { return typeof value === 'function' ? {} : baseClone(value, true, null); }
function cloneWith(value, fn) { var r = typeof fn === 'function' ? fn(value) : undefined; return r === undefined ? clone(value) : r; }
function cloneDeepWith(value, fn) {
  if (typeof fn !== 'function') return cloneDeep(value);
  return (function walk(v, k, parent) {
    var r = fn(v, k, parent);
    if (r !== undefined) return r;
    if (Array.isArray(v)) return v.map(function (x, i) { return walk(x, i, v); });
    if (isPlainObject(v)) { var o = {}; Object.keys(v).forEach(function (kk) { o[kk] = walk(v[kk], kk, v); }); return o; }
    return cloneDeep(v);
  })(value);
}
function equalDeep(a, b, stack, customizer) {
  if (customizer) { var c = customizer(a, b); if (c !== undefined) return !!c; }
  if (a === b) return true;
  if (a == null || b == null || (!isObjectLike(a) && !isObjectLike(b))) return a !== a && b !== b;
  var ta = tag(a), tb = tag(b);
  if (ta !== tb) return false;
  switch (ta) {
    case '[object Number]': case '[object Boolean]': case '[object Date]':
      return sameValueZero(+a, +b) || (+a === +b);
    case '[object String]': case '[object RegExp]':
      return String(a) === String(b);
    case '[object Error]':
      return a.name === b.name && a.message === b.message;
    case '[object Symbol]':
      return a.valueOf() === b.valueOf();
  }
  for (var s = 0; s < stack.length; s++) if (stack[s][0] === a) return stack[s][1] === b;
  stack.push([a, b]);
  try {
    if (a instanceof Map || a instanceof Set) {
      if (a.size !== b.size) return false;
      var ea = Array.from(a.entries()), eb = Array.from(b.entries());
      return ea.every(function (pa) { return eb.some(function (pb) { return equalDeep(pa[0], pb[0], stack, customizer) && equalDeep(pa[1], pb[1], stack, customizer); }); });
    }
    if (ta === '[object ArrayBuffer]') { a = new Uint8Array(a); b = new Uint8Array(b); }
    var arrLike = Array.isArray(a) || ArrayBuffer.isView(a) || ta === '[object Arguments]';
    if (arrLike) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!equalDeep(a[i], b[i], stack, customizer)) return false;
      return true;
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var j = 0; j < ka.length; j++) if (!hasOwn.call(b, ka[j])) return false;
    if ('constructor' in a && 'constructor' in b && a.constructor !== b.constructor &&
        !(typeof a.constructor === 'function' && a.constructor instanceof a.constructor &&
          typeof b.constructor === 'function' && b.constructor instanceof b.constructor)) return false;
    for (var n = 0; n < ka.length; n++) if (!equalDeep(a[ka[n]], b[ka[n]], stack, customizer)) return false;
    return true;
  } finally { stack.pop(); }
}
function isEqual(a, b) { return equalDeep(a, b, [], null); }
function isEqualWith(a, b, customizer) { return equalDeep(a, b, [], typeof customizer === 'function' ? customizer : null); }
function isEmpty(value) {
  if (value == null) return true;
  if (isArrayLike(value) && (Array.isArray(value) || typeof value === 'string' || typeof value.splice === 'function' || isArguments(value) || ArrayBuffer.isView(value))) return !value.length;
  if (value instanceof Map || value instanceof Set) return !value.size;
  for (var k in value) if (hasOwn.call(value, k)) return false;
  return true;
}

// ---------- strings ---------------------------------------------------------------------------
var LOWER = 'a-z\\xdf-\\xf6\\xf8-\\xff', UPPER = 'A-Z\\xc0-\\xd6\\xd8-\\xde';
var BREAK = '\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf\\xd7\\xf7\\u2000-\\u206f\\s';
var CONTR_LOWER = "(?:['\\u2019](?:d|ll|m|re|s|t|ve))?", CONTR_UPPER = "(?:['\\u2019](?:D|LL|M|RE|S|T|VE))?";
var MISC = '[^' + BREAK + '\\d' + LOWER + UPPER + ']';
var MISC_LOWER = '(?:[' + LOWER + ']|' + MISC + ')', MISC_UPPER = '(?:[' + UPPER + ']|' + MISC + ')';
var reWord = new RegExp([
  '[' + UPPER + ']?[' + LOWER + ']+' + CONTR_LOWER + '(?=[' + BREAK + ']|[' + UPPER + ']|$)',
  MISC_UPPER + '+' + CONTR_UPPER + '(?=[' + BREAK + ']|[' + UPPER + ']' + MISC_LOWER + '|$)',
  '[' + UPPER + ']?' + MISC_LOWER + '+' + CONTR_LOWER,
  '[' + UPPER + ']+' + CONTR_UPPER,
  '\\d*(?:1ST|2ND|3RD|(?![123])\\dTH)(?=\\b|[a-z_])',
  '\\d*(?:1st|2nd|3rd|(?![123])\\dth)(?=\\b|[A-Z_])',
  '\\d+'
].join('|'), 'g');
function words(string, pattern, guard) {
  string = toStr(string);
  if (guard || pattern === undefined) return string.match(reWord) || [];
  return string.match(pattern) || [];
}
var DEBURR = { '\xc6': 'Ae', '\xe6': 'ae', '\xd8': 'O', '\xf8': 'o', '\xde': 'Th', '\xfe': 'th', '\xd0': 'D', '\xf0': 'd', '\xdf': 'ss',
  '\u0152': 'Oe', '\u0153': 'oe', '\u0141': 'L', '\u0142': 'l', '\u0132': 'IJ', '\u0133': 'ij', '\u0110': 'D', '\u0111': 'd',
  '\u0126': 'H', '\u0127': 'h', '\u0131': 'i', '\u0138': 'k', '\u013f': 'L', '\u0140': 'l', '\u0149': "'n", '\u014a': 'N', '\u014b': 'n',
  '\u0166': 'T', '\u0167': 't', '\u017f': 's', '\xd7': '\xd7', '\xf7': '\xf7' };
function deburr(string) {
  return toStr(string).replace(/[\xc0-\xff\u0100-\u017f]/g, function (ch) {
    if (hasOwn.call(DEBURR, ch)) return DEBURR[ch];
    return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }).replace(/[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g, '');
}
function compounder(fn) {
  return function (string) {
    return words(deburr(string).replace(/['\u2019]/g, '')).reduce(function (acc, w, i) { return fn(acc, w, i); }, '');
  };
}
function upperFirst(string) { string = toStr(string); var chars = Array.from(string); return chars.length ? chars[0].toUpperCase() + chars.slice(1).join('') : ''; }
function lowerFirst(string) { string = toStr(string); var chars = Array.from(string); return chars.length ? chars[0].toLowerCase() + chars.slice(1).join('') : ''; }
function capitalize(string) { return upperFirst(toStr(string).toLowerCase()); }
var camelCase = compounder(function (acc, w, i) { w = w.toLowerCase(); return acc + (i ? capitalize(w) : w); });
var kebabCase = compounder(function (acc, w, i) { return acc + (i ? '-' : '') + w.toLowerCase(); });
var snakeCase = compounder(function (acc, w, i) { return acc + (i ? '_' : '') + w.toLowerCase(); });
var lowerCase = compounder(function (acc, w, i) { return acc + (i ? ' ' : '') + w.toLowerCase(); });
var upperCase = compounder(function (acc, w, i) { return acc + (i ? ' ' : '') + w.toUpperCase(); });
var startCase = compounder(function (acc, w, i) { return acc + (i ? ' ' : '') + upperFirst(w); });
function toLower(v) { return toStr(v).toLowerCase(); }
function toUpper(v) { return toStr(v).toUpperCase(); }
function escapeRegExp(string) { return toStr(string).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }
var HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
var HTML_UNESCAPES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
function escape(string) { return toStr(string).replace(/[&<>"']/g, function (c) { return HTML_ESCAPES[c]; }); }
function unescape(string) { return toStr(string).replace(/&(?:amp|lt|gt|quot|#39);/g, function (c) { return HTML_UNESCAPES[c]; }); }
function createPadding(length, chars) {
  chars = chars === undefined ? ' ' : toStr(chars);
  if (!chars.length || length <= 0) return '';
  var out = chars.repeat(Math.ceil(length / chars.length));
  return Array.from(out).slice(0, length).join('');
}
function strLen(s) { return Array.from(s).length; }
function pad(string, length, chars) {
  string = toStr(string); length = toInteger(length);
  var n = length ? strLen(string) : 0;
  if (!length || n >= length) return string;
  var mid = (length - n) / 2;
  return createPadding(Math.floor(mid), chars) + string + createPadding(Math.ceil(mid), chars);
}
function padStart(string, length, chars) { string = toStr(string); length = toInteger(length); var n = length ? strLen(string) : 0; return (length && n < length) ? createPadding(length - n, chars) + string : string; }
function padEnd(string, length, chars) { string = toStr(string); length = toInteger(length); var n = length ? strLen(string) : 0; return (length && n < length) ? string + createPadding(length - n, chars) : string; }
function charsClass(chars) { return '[' + Array.from(toStr(chars)).map(function (c) { return '\\u{' + c.codePointAt(0).toString(16) + '}'; }).join('') + ']'; }
function trim(string, chars, guard) {
  string = toStr(string);
  if (guard || chars === undefined) return string.trim();
  if (!(chars = toStr(chars))) return string;
  var c = charsClass(chars);
  return string.replace(new RegExp('^' + c + '+|' + c + '+$', 'gu'), '');
}
function trimStart(string, chars, guard) {
  string = toStr(string);
  if (guard || chars === undefined) return string.replace(/^\s+/, '');
  if (!(chars = toStr(chars))) return string;
  return string.replace(new RegExp('^' + charsClass(chars) + '+', 'u'), '');
}
function trimEnd(string, chars, guard) {
  string = toStr(string);
  if (guard || chars === undefined) return string.replace(/\s+$/, '');
  if (!(chars = toStr(chars))) return string;
  return string.replace(new RegExp(charsClass(chars) + '+$', 'u'), '');
}
function repeat(string, n, guard) { n = (guard || n === undefined) ? 1 : toInteger(n); string = toStr(string); return n < 1 ? '' : string.repeat(n); }
function replace() { var args = arguments, s = toStr(args[0]); return args.length < 3 ? s : s.replace(args[1], args[2]); }
function split(string, separator, limit) { string = toStr(string); limit = limit === undefined ? 4294967295 : limit >>> 0; if (!limit) return []; return string.split(separator, limit); }
function startsWith(string, target, position) {
  string = toStr(string);
  position = position == null ? 0 : clamp(toInteger(position), 0, string.length);
  target = toStr(target);
  return string.slice(position, position + target.length) === target;
}
function endsWith(string, target, position) {
  string = toStr(string); target = toStr(target);
  var n = string.length;
  position = position === undefined ? n : clamp(toInteger(position), 0, n);
  var end = position;
  position -= target.length;
  return position >= 0 && string.slice(position, end) === target;
}
function truncate(string, options) {
  var length = 30, omission = '...', separator;
  if (isObject(options)) {
    separator = 'separator' in options ? options.separator : separator;
    length = 'length' in options ? toInteger(options.length) : length;
    omission = 'omission' in options ? toStr(options.omission) : omission;
  }
  string = toStr(string);
  var chars = Array.from(string);
  if (length >= chars.length) return string;
  var end = length - Array.from(omission).length;
  if (end < 1) return omission;
  var result = chars.slice(0, end).join('');
  if (separator === undefined) return result + omission;
  if (separator instanceof RegExp) {
    var re = new RegExp(separator.source, separator.flags.indexOf('g') > -1 ? separator.flags : separator.flags + 'g'), m, cut;
    var tailPart = string.slice(end);
    if (tailPart.search(separator) !== 0) {
      while ((m = re.exec(result)) !== null) { cut = m.index; if (!m[0]) re.lastIndex++; }
      if (cut !== undefined) result = result.slice(0, cut);
    }
  } else if (string.indexOf(toStr(separator), end) !== end) {
    var idx = result.lastIndexOf(toStr(separator));
    if (idx > -1) result = result.slice(0, idx);
  }
  return result + omission;
}
function parseIntLodash(string, radix, guard) {
  radix = (guard || radix == null) ? 0 : +radix;
  return parseInt(toStr(string).replace(/^\s+/, ''), radix || 0);
}
var idCounter = 0;
function uniqueId(prefix) { var id = ++idCounter; return toStr(prefix) + id; }
var templateSettings = {
  escape: /<%-([\s\S]+?)%>/g,
  evaluate: /<%([\s\S]+?)%>/g,
  interpolate: /<%=([\s\S]+?)%>/g,
  variable: '',
  imports: {}
};
function template(string, options) {
  var settings = assignIn({}, templateSettings, options || {});
  var imports = assignIn({ _: this && this.VERSION ? this : lodash }, templateSettings.imports, settings.imports);
  string = toStr(string);
  var noMatch = /($^)/;
  var interpolate = settings.interpolate || noMatch;
  var reEsTemplate = /\$\{([^\\}]*(?:\\.[^\\}]*)*)\}/g;
  // every alternative keeps one capture group, so the replacer's arguments line up
  var matcher = new RegExp((settings.escape || noMatch).source + '|' +
    (interpolate === templateSettings.interpolate ? reEsTemplate : interpolate).source + '|' +
    (interpolate === templateSettings.interpolate ? interpolate : noMatch).source + '|' +
    (settings.evaluate || noMatch).source + '|$', 'g');
  var index = 0, source = "__p += '";
  string.replace(matcher, function (match, escapeValue, esValue, interpolateValue, evaluateValue, offset) {
    source += string.slice(index, offset).replace(/['\n\r\u2028\u2029\\]/g, function (c) {
      return '\\' + ({ "'": "'", '\\': '\\', '\n': 'n', '\r': 'r', '\u2028': 'u2028', '\u2029': 'u2029' })[c];
    });
    var interp = esValue || interpolateValue;
    if (escapeValue) source += "' +\n__e(" + escapeValue + ") +\n'";
    if (interp) source += "' +\n((__t = (" + interp + ")) == null ? '' : __t) +\n'";
    if (evaluateValue) source += "';\n" + evaluateValue + ";\n__p += '";
    index = offset + match.length;
    return match;
  });
  source += "';\n";
  var variable = settings.variable;
  if (!variable) source = 'with (obj) {\n' + source + '\n}\n';
  source = 'function(' + (variable || 'obj') + ') {\n' + (variable ? '' : 'obj || (obj = {});\n') +
    "var __t, __p = '', __e = _.escape, __j = Array.prototype.join;\nfunction print() { __p += __j.call(arguments, '') }\n" +
    source + 'return __p\n}';
  var importKeys = Object.keys(imports), compiled;
  try {
    compiled = Function.apply(undefined, importKeys.concat(['return ' + source])).apply(undefined, importKeys.map(function (k) { return imports[k]; }));
  } catch (e) { e.source = source; throw e; }
  compiled.source = source;
  return compiled;
}

// ---------- functions -------------------------------------------------------------------------
function once(fn) { return before(2, fn); }
function before(n, fn) {
  var result;
  return function () {
    if (--n > 0) result = fn.apply(this, arguments);
    if (n <= 1) fn = undefined;
    return result;
  };
}
function after(n, fn) { n = toInteger(n); return function () { if (--n < 1) return fn.apply(this, arguments); }; }
function memoize(fn, resolver) {
  if (typeof fn !== 'function' || (resolver != null && typeof resolver !== 'function')) throw new TypeError('Expected a function');
  var memoized = function () {
    var key = resolver ? resolver.apply(this, arguments) : arguments[0], cache = memoized.cache;
    if (cache.has(key)) return cache.get(key);
    var r = fn.apply(this, arguments);
    memoized.cache = cache.set(key, r) || cache;
    return r;
  };
  memoized.cache = new (memoize.Cache || Map)();
  return memoized;
}
memoize.Cache = Map;
function negate(pred) { return function () { return !pred.apply(this, arguments); }; }
function fillPlaceholders(bound, args) {
  var out = [], n = 0;
  for (var i = 0; i < bound.length; i++) out.push(isPlaceholder(bound[i]) && n < args.length ? args[n++] : bound[i]);
  return { args: out, rest: Array.prototype.slice.call(args, n) };
}
function partial(fn) {
  var bound = Array.prototype.slice.call(arguments, 1);
  return function () { var f = fillPlaceholders(bound, arguments); return fn.apply(this, f.args.concat(f.rest)); };
}
function partialRight(fn) {
  var bound = Array.prototype.slice.call(arguments, 1);
  return function () { var f = fillPlaceholders(bound, arguments); return fn.apply(this, f.rest.concat(f.args)); };
}
function bind(fn, thisArg) {
  var bound = Array.prototype.slice.call(arguments, 2);
  return function () { var f = fillPlaceholders(bound, arguments); return fn.apply(thisArg, f.args.concat(f.rest)); };
}
function curry(fn, arity) {
  arity = arity === undefined ? fn.length : toInteger(arity);
  return function curried() {
    var args = Array.prototype.slice.call(arguments);
    if (args.length >= arity) return fn.apply(this, args);
    return function () { return curried.apply(this, args.concat(Array.prototype.slice.call(arguments))); };
  };
}
function flow() {
  var fns = flattenDepth(arguments, 1);
  return function () {
    var r = fns.length ? fns[0].apply(this, arguments) : arguments[0];
    for (var i = 1; i < fns.length; i++) r = fns[i].call(this, r);
    return r;
  };
}
function flowRight() { return flow.apply(null, flattenDepth(arguments, 1).reverse()); }
function ary(fn, n) { n = n === undefined ? fn.length : toInteger(n); return function () { return fn.apply(this, Array.prototype.slice.call(arguments, 0, n)); }; }
function unary(fn) { return ary(fn, 1); }
function rest(fn, start) {
  start = start === undefined ? fn.length - 1 : toInteger(start);
  return function () { var a = Array.prototype.slice.call(arguments, 0, start); a[start] = Array.prototype.slice.call(arguments, start); return fn.apply(this, a); };
}
function spread(fn, start) { start = start == null ? 0 : toInteger(start); return function () { var a = Array.prototype.slice.call(arguments); return fn.apply(this, a.slice(0, start).concat(castArray(a[start] === undefined ? [] : a[start]), a.slice(start + 1))); }; }
function flip(fn) { return function () { return fn.apply(this, Array.prototype.slice.call(arguments).reverse()); }; }
function wrap(value, wrapper) { return partial(wrapper, value); }
function constant(v) { return function () { return v; }; }
function attempt(fn) {
  try { return fn.apply(undefined, Array.prototype.slice.call(arguments, 1)); } catch (e) { return e instanceof Error ? e : new Error(e); }
}
function timer() { return typeof setTimeout === 'function' ? setTimeout : null; }
function delay(fn, wait) { var args = Array.prototype.slice.call(arguments, 2), t = timer(); if (!t) { fn.apply(undefined, args); return 0; } return t(function () { fn.apply(undefined, args); }, toNumber(wait) || 0); }
function defer(fn) { var args = Array.prototype.slice.call(arguments, 1); return delay.apply(null, [fn, 1].concat(args)); }
// debounce/throttle: with timers, the trailing call runs once the wait is over; without them
// (or with wait 0 and leading) calls go through at once, so a script's effect is never lost.
function debounce(fn, wait, options) {
  wait = toNumber(wait) || 0;
  var leading = !!(options && options.leading), trailing = !options || !('trailing' in options) || !!options.trailing;
  var maxWait = options && 'maxWait' in options ? Math.max(toNumber(options.maxWait) || 0, wait) : undefined;
  var timerId, lastArgs, lastThis, result, lastCallTime, lastInvokeTime = 0;
  function invoke(time) { var a = lastArgs, t = lastThis; lastArgs = lastThis = undefined; lastInvokeTime = time; result = fn.apply(t, a); return result; }
  function remaining(time) { var since = time - lastCallTime, w = wait - since; return maxWait === undefined ? w : Math.min(w, maxWait - (time - lastInvokeTime)); }
  function shouldInvoke(time) {
    var since = time - lastCallTime;
    return lastCallTime === undefined || since >= wait || since < 0 || (maxWait !== undefined && time - lastInvokeTime >= maxWait);
  }
  function timerExpired() {
    var time = Date.now();
    if (shouldInvoke(time)) { timerId = undefined; if (trailing && lastArgs) return invoke(time); lastArgs = lastThis = undefined; return result; }
    timerId = setTimeout(timerExpired, remaining(time));
  }
  function debounced() {
    var time = Date.now(), isInvoking = shouldInvoke(time);
    lastArgs = arguments; lastThis = this; lastCallTime = time;
    var t = timer();
    if (!t) return invoke(time);
    if (isInvoking && timerId === undefined) {
      lastInvokeTime = time;
      timerId = t(timerExpired, wait);
      return leading ? invoke(time) : result;
    }
    if (timerId === undefined) timerId = t(timerExpired, wait);
    return result;
  }
  debounced.cancel = function () { if (timerId !== undefined && typeof clearTimeout === 'function') clearTimeout(timerId); lastInvokeTime = 0; lastArgs = lastCallTime = lastThis = timerId = undefined; };
  debounced.flush = function () {
    if (timerId === undefined) return result;
    if (typeof clearTimeout === 'function') clearTimeout(timerId);
    timerId = undefined;
    return (trailing && lastArgs) ? invoke(Date.now()) : result;
  };
  return debounced;
}
function throttle(fn, wait, options) {
  var leading = true, trailing = true;
  if (isObject(options)) { leading = 'leading' in options ? !!options.leading : leading; trailing = 'trailing' in options ? !!options.trailing : trailing; }
  return debounce(fn, wait, { leading: leading, maxWait: wait, trailing: trailing });
}

function bindAll(object) {
  flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY).forEach(function (k) { object[k] = object[k].bind(object); });
  return object;
}
function bindKey(object, key) {
  var bound = Array.prototype.slice.call(arguments, 2);
  return function () { var f = fillPlaceholders(bound, arguments); return object[key].apply(object, f.args.concat(f.rest)); };
}
function curryRight(fn, arity) {
  arity = arity === undefined ? fn.length : toInteger(arity);
  return function curried() {
    var args = Array.prototype.slice.call(arguments);
    if (args.length >= arity) return fn.apply(this, args);
    return function () { return curried.apply(this, Array.prototype.slice.call(arguments).concat(args)); };
  };
}
function rearg(fn) {
  var indexes = flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY);
  return function () { var a = arguments, args = indexes.map(function (i) { return a[i]; }); return fn.apply(this, args.concat(Array.prototype.slice.call(a, indexes.length))); };
}
function overArgs(fn) {
  var transforms = flattenDepth(Array.prototype.slice.call(arguments, 1), INFINITY).map(iteratee);
  return function () { var a = Array.prototype.slice.call(arguments); for (var i = 0; i < Math.min(a.length, transforms.length); i++) a[i] = transforms[i].call(this, a[i]); return fn.apply(this, a); };
}
function forInRight(object, fn) { fn = typeof fn === 'function' ? fn : identity; var ks = keysIn(object).reverse(); for (var i = 0; i < ks.length; i++) if (fn(object[ks[i]], ks[i], object) === false) break; return object; }
function forOwnRight(object, fn) { fn = typeof fn === 'function' ? fn : identity; var ks = keys(object).reverse(); for (var i = 0; i < ks.length; i++) if (fn(object[ks[i]], ks[i], object) === false) break; return object; }
function functionsIn(object) { return object == null ? [] : keysIn(object).filter(function (k) { return isFunction(object[k]); }); }
function isMatchWith(object, source, customizer) {
  if (typeof customizer !== 'function') return isMatch(object, source);
  return keys(source).every(function (k) { var r = customizer(object == null ? undefined : object[k], source[k], k, object, source); return r === undefined ? isMatch(object == null ? undefined : { v: object[k] }, { v: source[k] }) : !!r; });
}
function methodOf(object) { var args = Array.prototype.slice.call(arguments, 1); return function (path) { return invoke.apply(null, [object, path].concat(args)); }; }
function pullAllBy(array, vals, fn) { fn = iteratee(fn); if (!array || !vals || !vals.length) return array; for (var i = array.length - 1; i >= 0; i--) if (containsBy(vals, array[i], fn)) array.splice(i, 1); return array; }
function pullAllWith(array, vals, cmp) { if (!array || !vals || !vals.length) return array; for (var i = array.length - 1; i >= 0; i--) { var v = array[i]; if (vals.some(function (o) { return cmp(v, o); })) array.splice(i, 1); } return array; }
function sortedIndexOf(array, value) { var i = sortedIndex(array, value); return (array && i < array.length && sameValueZero(array[i], value)) ? i : -1; }
function sortedLastIndexBy(array, value, fn) { fn = iteratee(fn); var a = arr(array), c = fn(value), lo = 0, hi = a.length; while (lo < hi) { var mid = (lo + hi) >>> 1; if (compareAscending(fn(a[mid]), c) <= 0) lo = mid + 1; else hi = mid; } return lo; }
function sortedLastIndex(array, value) { return sortedLastIndexBy(array, value, identity); }
function sortedLastIndexOf(array, value) { var i = sortedLastIndex(array, value) - 1; return (i >= 0 && sameValueZero(array[i], value)) ? i : -1; }
function updateWith(object, path, updater, customizer) { return object == null ? object : baseSet(object, path, updater(baseGet(object, path)), typeof customizer === 'function' ? customizer : undefined); }
function xorWith() {
  var args = Array.prototype.slice.call(arguments), cmp = typeof args[args.length - 1] === 'function' ? args.pop() : sameValueZero;
  var arrays = args.filter(isArrayLikeObject).map(function (a) { return uniqWith(a, cmp); }), out = [];
  arrays.forEach(function (a, i) { a.forEach(function (v) { if (!arrays.some(function (b, j) { return j !== i && b.some(function (o) { return cmp(v, o); }); })) out.push(v); }); });
  return out;
}
function assignInWith(object) {
  var args = Array.prototype.slice.call(arguments, 1), fn = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  object = Object(object);
  args.forEach(function (src) {
    if (src == null) return;
    keysIn(src).forEach(function (k) { var v = fn ? fn(object[k], src[k], k, object, src) : undefined; object[k] = v === undefined ? src[k] : v; });
  });
  return object;
}

// ---------- utilities -------------------------------------------------------------------------
function stubArray() { return []; }
function stubObject() { return {}; }
function stubString() { return ''; }
function stubTrue() { return true; }
function stubFalse() { return false; }
function now() { return Date.now(); }
function nthArg(n) { n = toInteger(n); return function () { return nth(arguments, n); }; }
function cond(pairs) { return function () { for (var i = 0; i < pairs.length; i++) if (iteratee(pairs[i][0]).apply(this, arguments)) return iteratee(pairs[i][1]).apply(this, arguments); }; }
function conforms(source) { return function (object) { return conformsTo(object, source); }; }
function conformsTo(object, source) { return keys(source).every(function (k) { return object != null && k in Object(object) && source[k](object[k]); }); }
function defaultTo(v, d) { return (v == null || v !== v) ? d : v; }
function overEvery() { var fns = flattenDepth(arguments, 1).map(iteratee); return function () { var a = arguments, t = this; return fns.every(function (f) { return f.apply(t, a); }); }; }
function overSome() { var fns = flattenDepth(arguments, 1).map(iteratee); return function () { var a = arguments, t = this; return fns.some(function (f) { return f.apply(t, a); }); }; }
function over() { var fns = flattenDepth(arguments, 1).map(iteratee); return function () { var a = arguments, t = this; return fns.map(function (f) { return f.apply(t, a); }); }; }
function method(path) { var args = Array.prototype.slice.call(arguments, 1); return function (o) { var f = get(o, path); return f == null ? undefined : f.apply(baseGet(o, castPath(path, o).slice(0, -1)) || o, args); }; }
function invoke(object, path) { var args = Array.prototype.slice.call(arguments, 2); path = castPath(path, object); var parent = path.length > 1 ? baseGet(object, path.slice(0, -1)) : object; var f = parent == null ? undefined : parent[toKey(path[path.length - 1])]; return f == null ? undefined : f.apply(parent, args); }

// ---------- wrapper, chain and contexts --------------------------------------------------------
var UNWRAPPED = ('add attempt camelCase capitalize ceil clamp clone cloneDeep cloneDeepWith cloneWith conformsTo ' +
  'deburr defaultTo divide each eachRight endsWith eq escape escapeRegExp every find findIndex findKey findLast ' +
  'findLastIndex findLastKey first floor forEach forEachRight forIn forOwn get gt gte has hasIn head identity ' +
  'includes indexOf inRange invoke isArguments isArray isArrayLike isArrayLikeObject isBoolean isDate isElement ' +
  'isEmpty isEqual isEqualWith isError isFinite isFunction isInteger isLength isMap isMatch isNaN isNative isNil ' +
  'isNull isNumber isObject isObjectLike isPlainObject isRegExp isSafeInteger isSet isString isSymbol ' +
  'isUndefined kebabCase last lastIndexOf lowerCase lowerFirst lt lte max maxBy mean meanBy min minBy multiply ' +
  'join noop now nth pad padEnd padStart parseInt random reduce reduceRight repeat result round sample size snakeCase ' +
  'some sortedIndex sortedIndexBy startCase startsWith subtract sum sumBy template times toFinite toInteger ' +
  'toLength toLower toNumber toSafeInteger toString toUpper trim trimEnd trimStart truncate unescape uniqueId ' +
  'upperCase upperFirst words').split(' ');
var unwrappedSet = {};
UNWRAPPED.forEach(function (n) { unwrappedSet[n] = true; });

var api = {
  add: add, after: after, ary: ary, assign: assign, assignIn: assignIn, assignWith: assignWith, at: at, attempt: attempt,
  before: before, bind: bind, bindAll: bindAll, bindKey: bindKey, curryRight: curryRight, rearg: rearg, overArgs: overArgs,
  forInRight: forInRight, forOwnRight: forOwnRight, functionsIn: functionsIn, isMatchWith: isMatchWith, methodOf: methodOf,
  pullAllBy: pullAllBy, pullAllWith: pullAllWith, sortedIndexOf: sortedIndexOf, sortedLastIndex: sortedLastIndex,
  sortedLastIndexBy: sortedLastIndexBy, sortedLastIndexOf: sortedLastIndexOf, updateWith: updateWith, xorWith: xorWith,
  assignInWith: assignInWith, extendWith: assignInWith, camelCase: camelCase, capitalize: capitalize, castArray: castArray, ceil: ceil, 
  chunk: chunk, clamp: clamp, clone: clone, cloneDeep: cloneDeep, cloneDeepWith: cloneDeepWith, cloneWith: cloneWith,
  compact: compact, concat: concat, cond: cond, conforms: conforms, conformsTo: conformsTo, constant: constant,
  countBy: countBy, create: create, curry: curry, debounce: debounce, deburr: deburr, defaultTo: defaultTo,
  defaults: defaults, defaultsDeep: defaultsDeep, defer: defer, delay: delay, difference: difference,
  differenceBy: differenceBy, differenceWith: differenceWith, divide: divide, drop: drop, dropRight: dropRight,
  dropRightWhile: dropRightWhile, dropWhile: dropWhile, each: forEach, eachRight: forEachRight, endsWith: endsWith,
  entries: toPairs, entriesIn: toPairsIn, eq: sameValueZero, escape: escape, escapeRegExp: escapeRegExp, every: every,
  extend: assignIn, fill: fill, filter: filter, find: find, findIndex: findIndex, findKey: findKey, findLast: findLast,
  findLastIndex: findLastIndex, findLastKey: findLastKey, first: head, flatMap: flatMap, flatMapDeep: flatMapDeep,
  flatMapDepth: flatMapDepth, flatten: flatten, flattenDeep: flattenDeep, flattenDepth: flattenDepth, flip: flip,
  floor: floor, flow: flow, flowRight: flowRight, forEach: forEach, forEachRight: forEachRight, forIn: forIn,
  forOwn: forOwn, fromPairs: fromPairs, functions: functions, get: get, groupBy: groupBy,
  gt: function (a, b) { return a > b; }, gte: function (a, b) { return a >= b; }, has: has, hasIn: hasIn, head: head,
  identity: identity, inRange: inRange, includes: includes, indexOf: indexOf, initial: initial,
  intersection: intersection, intersectionBy: intersectionBy, intersectionWith: intersectionWith, invert: invert,
  invertBy: invertBy, invoke: invoke, invokeMap: invokeMap, isArguments: isArguments, isArray: Array.isArray,
  isArrayBuffer: function (v) { return v instanceof ArrayBuffer; }, isArrayLike: isArrayLike,
  isArrayLikeObject: isArrayLikeObject, isBoolean: isBoolean,
  isBuffer: function (v) { return !!(v && v.constructor && typeof v.constructor.isBuffer === 'function' && v.constructor.isBuffer(v)); },
  isDate: function (v) { return isObjectLike(v) && tag(v) === '[object Date]'; }, isElement: function () { return false; },
  isEmpty: isEmpty, isEqual: isEqual, isEqualWith: isEqualWith,
  isError: function (v) { return isObjectLike(v) && (tag(v) === '[object Error]' || v instanceof Error); },
  isFinite: function (v) { return typeof v === 'number' && isFinite(v); }, isFunction: isFunction,
  isInteger: function (v) { return typeof v === 'number' && v === toInteger(v); }, isLength: isLength,
  isMap: function (v) { return v instanceof Map; }, isMatch: isMatch, isNaN: function (v) { return isNumber(v) && +v !== +v; },
  isNative: function (v) { return typeof v === 'function' && /\[native code\]/.test(Function.prototype.toString.call(v)); },
  isNil: function (v) { return v == null; }, isNull: function (v) { return v === null; }, isNumber: isNumber,
  isObject: isObject, isObjectLike: isObjectLike, isPlainObject: isPlainObject,
  isRegExp: function (v) { return isObjectLike(v) && tag(v) === '[object RegExp]'; },
  isSafeInteger: function (v) { return typeof v === 'number' && v === toInteger(v) && Math.abs(v) <= MAX_SAFE; },
  isSet: function (v) { return v instanceof Set; }, isString: isString, isSymbol: isSymbol,
  isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
  isUndefined: function (v) { return v === undefined; }, isWeakMap: function (v) { return v instanceof WeakMap; },
  isWeakSet: function (v) { return v instanceof WeakSet; }, iteratee: iteratee, join: join, kebabCase: kebabCase,
  keyBy: keyBy, keys: keys, keysIn: keysIn, last: last, lastIndexOf: lastIndexOf, lowerCase: lowerCase,
  lowerFirst: lowerFirst, lt: function (a, b) { return a < b; }, lte: function (a, b) { return a <= b; }, map: map,
  mapKeys: mapKeys, mapValues: mapValues, matches: matches, matchesProperty: matchesProperty, max: max, maxBy: maxBy,
  mean: mean, meanBy: meanBy, memoize: memoize, merge: merge, mergeWith: mergeWith, method: method, min: min, minBy: minBy,
  multiply: multiply, negate: negate, noop: noop, now: now, nth: nth, nthArg: nthArg, omit: omit, omitBy: omitBy, once: once,
  orderBy: orderBy, over: over, overEvery: overEvery, overSome: overSome, pad: pad, padEnd: padEnd, padStart: padStart,
  parseInt: parseIntLodash, partial: partial, partialRight: partialRight, partition: partition, pick: pick, pickBy: pickBy,
  property: property, propertyOf: propertyOf, pull: pull, pullAll: pullAll, pullAt: pullAt, random: random, range: range,
  rangeRight: rangeRight, reduce: reduce, reduceRight: reduceRight, reject: reject, remove: remove, repeat: repeat,
  replace: replace, rest: rest, result: result, reverse: reverse, round: round, sample: sample, sampleSize: sampleSize,
  set: set, setWith: setWith, shuffle: shuffle, size: size, slice: slice, snakeCase: snakeCase, some: some,
  sortBy: sortBy, sortedIndex: sortedIndex, sortedIndexBy: sortedIndexBy, sortedUniq: sortedUniq,
  sortedUniqBy: sortedUniqBy, split: split, spread: spread, startCase: startCase, startsWith: startsWith,
  stubArray: stubArray, stubFalse: stubFalse, stubObject: stubObject, stubString: stubString, stubTrue: stubTrue,
  subtract: subtract, sum: sum, sumBy: sumBy, tail: tail, take: take, takeRight: takeRight,
  takeRightWhile: takeRightWhile, takeWhile: takeWhile, tap: tap, template: template, throttle: throttle, thru: thru,
  times: times, toArray: toArray, toFinite: toFinite, toInteger: toInteger, toLength: toLength, toLower: toLower,
  toNumber: toNumber, toPairs: toPairs, toPairsIn: toPairsIn, toPath: toPath, toPlainObject: toPlainObject,
  toSafeInteger: toSafeInteger, toString: toStr, toUpper: toUpper, transform: transform, trim: trim, trimEnd: trimEnd,
  trimStart: trimStart, truncate: truncate, unary: unary, unescape: unescape, union: union, unionBy: unionBy,
  unionWith: unionWith, uniq: uniq, uniqBy: uniqBy, uniqWith: uniqWith, uniqueId: uniqueId, unset: unset, unzip: unzip,
  unzipWith: unzipWith, update: update, upperCase: upperCase, upperFirst: upperFirst, values: values,
  valuesIn: valuesIn, without: without, words: words, wrap: wrap, xor: xor, xorBy: xorBy, zip: zip,
  zipObject: zipObject, zipObjectDeep: zipObjectDeep, zipWith: zipWith
};


var contexts = [];
var strictMembers = null; // set below, once the sandbox's strict proxy is known
function isPlaceholder(v) { return contexts.indexOf(v) > -1; }
function tap(value, fn) { fn(value); return value; }
function thru(value, fn) { return fn(value); }

// A lodash function with its own wrapper prototype: `_(value)` wraps implicitly (methods from
// UNWRAPPED return plain values), `_.chain(value)` wraps every result until `.value()`.
function runInContext() {
  function Wrapper(value, chainAll) { this.__wrapped__ = value; this.__chain__ = !!chainAll; }
  function lodash(value) {
    if (value instanceof Wrapper) return value;
    return new Wrapper(value, false);
  }
  Wrapper.prototype = lodash.prototype;
  Wrapper.prototype.constructor = Wrapper;
  var proto = lodash.prototype;
  proto.value = function () { return this.__wrapped__; };
  proto.valueOf = proto.toJSON = proto.value;
  proto.chain = function () { return new Wrapper(this.__wrapped__, true); };
  proto.commit = function () { return new Wrapper(this.__wrapped__, this.__chain__); };
  proto.plant = function (v) { return new Wrapper(v, this.__chain__); };
  proto[Symbol.iterator] = function () { return toArray(this.__wrapped__)[Symbol.iterator](); };
  ['pop', 'shift'].forEach(function (name) {
    proto[name] = function () {
      var r = Array.prototype[name].apply(this.__wrapped__, arguments);
      return this.__chain__ ? new Wrapper(r, true) : r;
    };
  });
  ['push', 'sort', 'splice', 'unshift'].forEach(function (name) {
    proto[name] = function () {
      var a = this.__wrapped__;
      Array.prototype[name].apply(a, arguments);
      return new Wrapper(a, this.__chain__);
    };
  });
  lodash.mixin = function (object, source, options) {
    var target = lodash;
    if (source === undefined || (isObject(source) && !isFunction(source) && options === undefined && !functions(source).length)) {
      options = source; source = object;
    } else target = object;
    var chainAll = !(isObject(options) && 'chain' in options) || !!options.chain;
    functions(source).forEach(function (name) {
      var fn = source[name];
      target[name] = fn;
      if (target === lodash) {
        proto[name] = function () {
          var r = fn.apply(lodash, [this.__wrapped__].concat(Array.prototype.slice.call(arguments)));
          return (chainAll || this.__chain__) ? new Wrapper(r, this.__chain__) : r;
        };
      }
    });
    return target;
  };
  Object.keys(api).forEach(function (name) {
    var fn = api[name];
    lodash[name] = fn;
    proto[name] = function () {
      var r = fn.apply(lodash, [this.__wrapped__].concat(Array.prototype.slice.call(arguments)));
      if (!this.__chain__ && unwrappedSet[name]) return r;
      return new Wrapper(r, this.__chain__);
    };
  });
  lodash.chain = function (value) { var w = lodash(value); return new Wrapper(w.__wrapped__, true); };
  proto.toString = function () { return toStr(this.__wrapped__); };
  proto.first = proto.head;
  // `_(value).unknown()` is a located "not supported" error, like `_.unknown`
  if (strictMembers) Object.setPrototypeOf(proto, strictMembers({}, '_(value)'));
  lodash.runInContext = runInContext;
  lodash.templateSettings = templateSettings;
  lodash.VERSION = '4.17.21';
  lodash.placeholder = lodash;
  lodash.noConflict = function () { return lodash; };
  contexts.push(lodash);
  return lodash;
}

var lodash = runInContext();
// Scripts see the library through the sandbox's strict proxy (an unknown name is a located
// "not supported" error); the proxy must count as the partial() placeholder too.
runInContext.register = function (exported) { contexts.push(exported); return exported; };
strictMembers = require('#sandbox').strict;
Object.setPrototypeOf(lodash.prototype, strictMembers({}, '_(value)'));
module.exports = runInContext.register(strictMembers(lodash, 'lodash'));
