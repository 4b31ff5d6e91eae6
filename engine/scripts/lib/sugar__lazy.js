// Sugar's methods as lazy stubs, installed with every context (lib/index.json "preload"): the
// first read of any of them loads sugar.js, which replaces every stub with the real method.
// Parsing Sugar (~37 KB) is thus paid only by scripts that use it. The names are the ones
// sugar.js installs (a test keeps the two in step); a name the engine already has natively is
// left alone, as sugar.js does.
'use strict';
var NAMES = {
  'Array.prototype': 'any all none first last from to compact unique include add insert exclude remove removeAt findAll count sum average min max least most flatten sortBy groupBy inGroupsOf inGroups isEmpty clone each subtract intersect union zip randomize sample',
  'String.prototype': 'has camelize capitalize underscore dasherize spacify humanize titleize parameterize isBlank words lines chars first last from to truncate escapeURL unescapeURL escapeHTML unescapeHTML stripTags removeTags toNumber assign each reverse compact insert remove add pad padLeft padRight encodeBase64 decodeBase64 codes shift isEmpty',
  'Number.prototype': 'round ceil floor abs pow log times upto downto pad format hex chr isEven isOdd isMultipleOf isInteger ordinalize toNumber milliseconds millisecond seconds second minutes minute hours hour days day weeks week',
  'Date.prototype': 'clone isValid iso format relative isBefore isAfter isBetween is isPast isFuture isToday isYesterday isTomorrow isLeapYear isWeekday isWeekend daysInMonth getWeekday getUTCWeekday setWeekday utc advance rewind set reset beginningOfDay endOfDay beginningOfWeek endOfWeek beginningOfMonth endOfMonth beginningOfYear endOfYear short long full getISOWeek addMilliseconds millisecondsSince millisecondsUntil millisecondsAgo millisecondsFromNow addSeconds secondsSince secondsUntil secondsAgo secondsFromNow addMinutes minutesSince minutesUntil minutesAgo minutesFromNow addHours hoursSince hoursUntil hoursAgo hoursFromNow addDays daysSince daysUntil daysAgo daysFromNow addWeeks weeksSince weeksUntil weeksAgo weeksFromNow addMonths monthsSince monthsUntil monthsAgo monthsFromNow addYears yearsSince yearsUntil yearsAgo yearsFromNow',
  'Function.prototype': 'once after fill delay',
  Date: 'ISO8601_DATE ISO8601_DATETIME RFC1123 RFC1036 create past future utc range',
  Object: 'isEmpty isObject isArray isString isNumber isBoolean isFunction isDate isRegExp isArguments isNaN size equal clone merge has select reject map each any all none count tap watch toQueryString fromQueryString extended',
  RegExp: 'escape',
  Number: 'random',
  Array: 'create'
};
var TARGETS = { 'Array.prototype': Array.prototype, 'String.prototype': String.prototype, 'Number.prototype': Number.prototype,
  'Date.prototype': Date.prototype, 'Function.prototype': Function.prototype, Date: Date, Object: Object, RegExp: RegExp,
  Number: Number, Array: Array };
var loaded = false;
function load() { if (!loaded) { loaded = true; require('sugar'); } }
function stub(target, name) {
  var get = function () {
    load();
    var d = Object.getOwnPropertyDescriptor(target, name);
    if (d && d.get === get) { delete target[name]; return undefined; }
    return this[name];
  };
  get.sugarStub = true;
  Object.defineProperty(target, name, {
    get: get,
    set: function (v) { Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: this !== target }); },
    configurable: true,
    enumerable: false
  });
}
Object.keys(NAMES).forEach(function (label) {
  var target = TARGETS[label];
  NAMES[label].split(' ').forEach(function (name) { if (name && !(name in target)) stub(target, name); });
});
// Sugar also lets the native map, filter, every and some take its shorthands: a property name
// for map, a matcher (value, object pattern, RegExp) for the others. Functions go straight to
// the native method, so everything else (pm.js included) is unaffected.
function enhance(name, shorthand) {
  var native = Array.prototype[name];
  Object.defineProperty(Array.prototype, name, {
    value: function (f, thisArg) {
      if (typeof f === 'function' || f === undefined) return native.call(this, f, thisArg);
      return native.call(this, shorthand(f));
    },
    writable: true, configurable: true, enumerable: false
  });
}
enhance('map', function (key) {
  return function (el) { var v = el == null ? undefined : el[key]; return typeof v === 'function' ? v.call(el) : v; };
});
['filter', 'every', 'some'].forEach(function (name) {
  enhance(name, function (f) { load(); var m = require('sugar').matcher(f); return function (el, i, a) { return m(el, i, a); }; });
});
exports.names = NAMES;
