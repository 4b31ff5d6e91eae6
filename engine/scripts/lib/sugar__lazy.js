// Sugar's methods as lazy stubs, installed with every context (lib/index.json "preload"): the
// first read of any of them loads sugar.js, which replaces every stub with the real method.
// Parsing Sugar (~37 KB) is thus paid only by scripts that use it. The names are the ones
// sugar.js installs (a test keeps the two in step); a name the engine already has natively is
// left alone, as sugar.js does.
'use strict';
var NAMES = {
  'Array.prototype': 'any all none first last from to compact unique include add insert exclude remove removeAt findAll count sum average min max least most flatten sortBy groupBy inGroupsOf inGroups isEmpty clone each subtract intersect union zip randomize sample',
  'String.prototype': 'has camelize capitalize underscore dasherize spacify humanize titleize parameterize isBlank words lines chars first last from to truncate escapeURL unescapeURL escapeHTML unescapeHTML stripTags removeTags toNumber assign each reverse compact insert remove add pad padLeft padRight encodeBase64 decodeBase64 codes shift isEmpty escapeRegExp paragraphs hasArabic isArabic hasCyrillic isCyrillic hasDevanagari isDevanagari hasGreek isGreek hasHangul isHangul hasHan isHan hasKanji isKanji hasHebrew isHebrew hasHiragana isHiragana hasKatakana isKatakana hasKana isKana hasLatin isLatin hasThai isThai',
  'Number.prototype': 'round ceil floor abs pow log times upto downto pad format hex chr isEven isOdd isMultipleOf isInteger ordinalize toNumber milliseconds millisecond seconds second minutes minute hours hour days day weeks week months month years year sqrt exp sin cos tan asin acos atan abbr metric bytes duration millisecondAgo millisecondFromNow millisecondBefore millisecondAfter millisecondsAgo millisecondsFromNow millisecondsBefore millisecondsAfter secondAgo secondFromNow secondBefore secondAfter secondsAgo secondsFromNow secondsBefore secondsAfter minuteAgo minuteFromNow minuteBefore minuteAfter minutesAgo minutesFromNow minutesBefore minutesAfter hourAgo hourFromNow hourBefore hourAfter hoursAgo hoursFromNow hoursBefore hoursAfter dayAgo dayFromNow dayBefore dayAfter daysAgo daysFromNow daysBefore daysAfter weekAgo weekFromNow weekBefore weekAfter weeksAgo weeksFromNow weeksBefore weeksAfter monthAgo monthFromNow monthBefore monthAfter monthsAgo monthsFromNow monthsBefore monthsAfter yearAgo yearFromNow yearBefore yearAfter yearsAgo yearsFromNow yearsBefore yearsAfter',
  'Date.prototype': 'clone isValid iso format relative isBefore isAfter isBetween is isPast isFuture isToday isYesterday isTomorrow isLeapYear isWeekday isWeekend daysInMonth getWeekday getUTCWeekday setWeekday utc advance rewind set reset beginningOfDay endOfDay beginningOfWeek endOfWeek beginningOfMonth endOfMonth beginningOfYear endOfYear isUTC getUTCOffset setISOWeek isThisWeek isLastWeek isNextWeek isThisMonth isLastMonth isNextMonth isThisYear isLastYear isNextYear short long full getISOWeek isSunday isMonday isTuesday isWednesday isThursday isFriday isSaturday isJanuary isFebruary isMarch isApril isMay isJune isJuly isAugust isSeptember isOctober isNovember isDecember addMilliseconds millisecondsSince millisecondsUntil millisecondsAgo millisecondsFromNow addSeconds secondsSince secondsUntil secondsAgo secondsFromNow addMinutes minutesSince minutesUntil minutesAgo minutesFromNow addHours hoursSince hoursUntil hoursAgo hoursFromNow addDays daysSince daysUntil daysAgo daysFromNow addWeeks weeksSince weeksUntil weeksAgo weeksFromNow addMonths monthsSince monthsUntil monthsAgo monthsFromNow addYears yearsSince yearsUntil yearsAgo yearsFromNow',
  'Function.prototype': 'once after fill debounce throttle lazy cancel delay',
  'RegExp.prototype': 'getFlags setFlags addFlag removeFlag',
  Date: 'ISO8601_DATE ISO8601_DATETIME RFC1123 RFC1036 create past future utc range',
  Object: 'isEmpty isObject isArray isString isNumber isBoolean isFunction isDate isRegExp isArguments isNaN size equal clone merge has select reject map each any all none count tap sum average min max least most find findAll reduce watch toQueryString fromQueryString extended',
  Number: 'random',
  Array: 'create'
};
var TARGETS = { 'Array.prototype': Array.prototype, 'String.prototype': String.prototype, 'Number.prototype': Number.prototype,
  'Date.prototype': Date.prototype, 'Function.prototype': Function.prototype, Date: Date, Object: Object, RegExp: RegExp,
  Number: Number, Array: Array, 'RegExp.prototype': RegExp.prototype };
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
// Newman's Sugar replaces a few natives outright; these go in with the context too.
// startsWith/endsWith accept a RegExp, and a third argument false compares without case; plain
// calls behave as the native methods.
(function () {
  var nativeStarts = String.prototype.startsWith, nativeEnds = String.prototype.endsWith;
  function replace(target, name, fn) { Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false }); }
  replace(String.prototype, 'startsWith', function (find, pos, caseSensitive) {
    var s = String(this), from = pos === undefined ? 0 : Math.max(0, Math.trunc(pos) || 0);
    if (find instanceof RegExp) return new RegExp('^(?:' + find.source + ')', find.flags.replace(/[gy]/g, '')).test(s.slice(from));
    if (caseSensitive === false) return nativeStarts.call(s.toLowerCase(), String(find).toLowerCase(), from);
    return nativeStarts.call(s, find, pos);
  });
  replace(String.prototype, 'endsWith', function (find, pos, caseSensitive) {
    var s = String(this), end = pos === undefined ? s.length : Math.min(s.length, Math.max(0, Math.trunc(pos) || 0));
    if (find instanceof RegExp) return new RegExp('(?:' + find.source + ')$', find.flags.replace(/[gy]/g, '')).test(s.slice(0, end));
    if (caseSensitive === false) return nativeEnds.call(s.toLowerCase(), String(find).toLowerCase(), end);
    return nativeEnds.call(s, find, pos);
  });
  // Sugar's RegExp.escape backslashes the special characters only (the ES2025 native also
  // rewrites a leading letter or digit, which Newman's Node does not have)
  replace(RegExp, 'escape', function (s) { return String(s).replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&'); });
})();
exports.names = NAMES;
