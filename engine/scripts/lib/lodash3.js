// The global `_` of Postman's legacy sandbox (and so of Newman 6) is lodash 3.10, while
// `require('lodash')` is lodash 4. This module is lodash 4 (lodash.js) in its own context with
// lodash 3's documented names and signatures where they differ
// (https://github.com/lodash/lodash/blob/3.10.2/doc/README.md): pluck, where, findWhere, indexBy,
// contains, the collection aliases, max/min/sum over collections with an iteratee, uniq's isSorted
// flag, flatten's isDeep flag, capitalize that keeps the rest of the string, first/last without n.
'use strict';
var lodash4 = require('lodash');
var _ = lodash4.runInContext();
var L = lodash4;

function extremum(collection, it, better, empty) {
  var fn = L.iteratee(it), result = empty, computed = empty;
  L.forEach(collection, function (v) {
    var c = fn(v);
    if (better(c, computed)) { computed = c; result = v; }
  });
  return result;
}

var chained = {
  pluck: function (collection, path) { return L.map(collection, L.property(path)); },
  where: function (collection, source) { return L.filter(collection, L.matches(source)); },
  indexBy: L.keyBy,
  collect: L.map,
  select: L.filter,
  object: function (props, values) {
    if (values === undefined && Array.isArray(props) && props.every(Array.isArray)) return L.fromPairs(props);
    return L.zipObject(props, values);
  },
  zipObject: function (props, values) { return chained.object(props, values); },
  pairs: L.toPairs,
  rest: L.tail,
  backflow: L.flowRight,
  compose: L.flowRight,
  callback: L.iteratee,
  sortByOrder: L.orderBy,
  sortByAll: L.sortBy,
  // lodash 3 sorts by one iteratee; an array is a [path, value] matcher there, not a list of keys
  sortBy: function (collection, it) { return L.orderBy(collection, [it == null ? L.identity : L.iteratee(it)]); },
  methods: L.functions,
  restParam: L.rest,
  modArgs: L.overArgs,
  unique: function (array, isSorted, it) { return chained.uniq(array, isSorted, it); },
  uniq: function (array, isSorted, it) {
    if (typeof isSorted !== 'boolean' && isSorted != null) it = isSorted;
    return it == null ? L.uniq(array) : L.uniqBy(array, it);
  },
  flatten: function (array, isDeep) { return isDeep ? L.flattenDeep(array) : L.flatten(array); },
  pick: function (object, predicate) {
    if (typeof predicate === 'function') return L.pickBy(object, predicate);
    return L.pick.apply(null, arguments);
  },
  omit: function (object, predicate) {
    if (typeof predicate === 'function') return L.omitBy(object, predicate);
    return L.omit.apply(null, arguments);
  }
};
function assign3(object) {
  var sources = Array.prototype.slice.call(arguments, 1), customizer;
  if (sources.length > 1 && typeof sources[sources.length - 1] === 'function') customizer = sources.pop();
  return L.assignWith.apply(null, [object].concat(sources, customizer ? [function (ov, sv, k, o, src) { return customizer(ov, sv, k, o, src); }] : []));
}
var unchained = {
  findWhere: function (collection, source) { return L.find(collection, L.matches(source)); },
  contains: L.includes,
  include: L.includes,
  any: L.some,
  all: L.every,
  detect: L.find,
  inject: L.reduce,
  foldl: L.reduce,
  foldr: L.reduceRight,
  eq: L.isEqual,
  trunc: function (string, options) { return L.truncate(string, typeof options === 'number' ? { length: options } : options); },
  padLeft: L.padStart,
  padRight: L.padEnd,
  trimLeft: L.trimStart,
  trimRight: L.trimEnd,
  capitalize: function (string) { string = L.toString(string); return string && string.charAt(0).toUpperCase() + string.slice(1); },
  first: function (array) { return L.head(array); },
  last: function (array) { return L.last(array); },
  max: function (collection, it) { return extremum(collection, it, function (a, b) { return a > b; }, -Infinity); },
  min: function (collection, it) { return extremum(collection, it, function (a, b) { return a < b; }, Infinity); },
  sample: function (collection, n) { return n == null ? L.sample(collection) : L.sampleSize(collection, n); },
  escape: function (string) { return L.escape(string).replace(/`/g, '&#96;'); },
  noConflict: function () { return _; },
  sum: function (collection, it) {
    var fn = L.iteratee(it), total = 0;
    L.forEach(collection, function (v) { total += +fn(v) || 0; });
    return total;
  }
};
// lodash 3's callbacks take a thisArg: with a property name it is the value to match
// (`_.filter(users, 'active', false)`), with a function it is `this`.
function callback3(it, thisArg, given) {
  if (!given || thisArg === undefined) return it;
  if (typeof it === 'function') return function () { return it.apply(thisArg, arguments); };
  if (typeof it === 'string' || typeof it === 'number') return [it, thisArg];
  return it;
}
['filter', 'reject', 'find', 'findLast', 'findIndex', 'findLastIndex', 'some', 'every', 'map', 'groupBy', 'countBy',
  'keyBy', 'partition', 'findKey', 'findLastKey', 'mapValues', 'times', 'forEach', 'forEachRight', 'forIn', 'forOwn'].forEach(function (name) {
  var fn = L[name];
  var target = name === 'find' || name === 'findLast' || name === 'findIndex' || name === 'findLastIndex' || name === 'some' ||
    name === 'every' || name === 'findKey' || name === 'findLastKey' || name === 'forEach' || name === 'forEachRight' || name === 'forIn' || name === 'forOwn' ? unchained : chained;
  if (target[name]) return;
  target[name] = function (collection, it, thisArg) { return fn(collection, callback3(it, thisArg, arguments.length > 2)); };
});
chained.indexBy = chained.keyBy;
chained.collect = chained.map;
chained.select = chained.filter;
unchained.detect = unchained.find;
unchained.any = unchained.some;
unchained.all = unchained.every;
unchained.each = unchained.forEach;
unchained.eachRight = unchained.forEachRight;
var sortBy3 = chained.sortBy;
chained.sortBy = function (collection, it, thisArg) { return sortBy3(collection, callback3(it, thisArg, arguments.length > 2)); };
chained.assign = assign3;
chained.extend = assign3;
_.mixin(chained);
_.mixin(unchained, { chain: false });
_.head = unchained.first;
_.VERSION = '3.10.2';
_.support = {};
module.exports = lodash4.runInContext.register(require('#sandbox').strict(_, '_'));
