// moment (require('moment')), written here from moment's published documentation (its docs site, 'Docs' pages):
// parsing (ISO 8601, RFC 2822, format strings, arrays, objects, Dates, numbers), format tokens,
// arithmetic, startOf/endOf, diff, comparisons, getters/setters, UTC and fixed offsets,
// durations and humanized relative times. English locale only. Local time is the sandbox's
// (UTC), as it is for Newman run in a UTC environment.
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
var WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
var UNITS = {
  y: 'year', year: 'year', years: 'year', Q: 'quarter', quarter: 'quarter', quarters: 'quarter',
  M: 'month', month: 'month', months: 'month', w: 'week', week: 'week', weeks: 'week',
  W: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek', isoweek: 'isoWeek',
  d: 'day', day: 'day', days: 'day', D: 'date', date: 'date', dates: 'date',
  h: 'hour', hour: 'hour', hours: 'hour', m: 'minute', minute: 'minute', minutes: 'minute',
  s: 'second', second: 'second', seconds: 'second', ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
  e: 'weekday', weekday: 'weekday', weekdays: 'weekday', E: 'isoWeekday', isoWeekday: 'isoWeekday', isoWeekdays: 'isoWeekday',
  DDD: 'dayOfYear', dayOfYear: 'dayOfYear', dayOfYears: 'dayOfYear'
};
function normUnit(u) {
  if (u == null) return undefined;
  if (hasOwn.call(UNITS, u)) return UNITS[u];
  var l = String(u).toLowerCase();
  return hasOwn.call(UNITS, l) ? UNITS[l] : undefined;
}
function pad(n, width) { var s = String(Math.abs(n)); while (s.length < width) s = '0' + s; return (n < 0 ? '-' : '') + s; }
function absFloor(n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); }
function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
function daysIn(y, m) { return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][((m % 12) + 12) % 12]; }
function ordinal(n) { var b = n % 10, t = Math.floor(n % 100 / 10) === 1; return n + (t ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th'); }

// ---------- the Moment object ---------------------------------------------------------------
// `_t` is the instant (ms since epoch, NaN when invalid); `_utc` true means fields are read in
// UTC shifted by `_offset` minutes; otherwise they are read in the sandbox's local time.
function Moment(t, utc, offset) { this._t = t; this._utc = !!utc; this._offset = offset || 0; this._isAMomentObject = true; }
function fields(m) {
  var d;
  if (m._utc) {
    d = new Date(m._t + m._offset * 60000);
    return { y: d.getUTCFullYear(), M: d.getUTCMonth(), D: d.getUTCDate(), h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), day: d.getUTCDay() };
  }
  d = new Date(m._t);
  return { y: d.getFullYear(), M: d.getMonth(), D: d.getDate(), h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds(), day: d.getDay() };
}
function fromFields(f, utc, offset) {
  if (utc) {
    // setUTCFullYear keeps years below 100 literal (Date.UTC would read 20 as 1920)
    var d = new Date(Date.UTC(2000, 0, 1)); d.setUTCFullYear(f.y, f.M, f.D); d.setUTCHours(f.h, f.m, f.s, f.ms);
    return d.getTime() - offset * 60000;
  }
  var l = new Date(2000, 0, 1); l.setFullYear(f.y, f.M, f.D); l.setHours(f.h, f.m, f.s, f.ms);
  return l.getTime();
}
function setFields(m, change) {
  var f = fields(m);
  Object.keys(change).forEach(function (k) { f[k] = change[k]; });
  m._t = fromFields(f, m._utc, m._offset);
  return m;
}
function localOffset(t) { return -new Date(t).getTimezoneOffset(); }
function zoneOf(m) { return m._utc ? m._offset : localOffset(m._t); }

// ---------- parsing -------------------------------------------------------------------------
var ISO_RE = /^\s*((?:[+-]\d{6}|\d{4})-?(?:\d\d)?-?(?:\d\d)?|\d{4}-?W\d\d-?\d?|\d{4}-?\d{3})(?:(T| )(\d\d(?::?\d\d(?::?\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?\s*$/;
function parseIso(s, utcMode) {
  var m = ISO_RE.exec(s);
  if (!m) return null;
  var date = m[1], dm, y, M = 0, D = 1;
  if ((dm = /^([+-]\d{6}|\d{4})-(\d\d)-(\d\d)$/.exec(date)) || (dm = /^(\d{4})(\d\d)(\d\d)$/.exec(date))) { y = +dm[1]; M = +dm[2] - 1; D = +dm[3]; }
  else if ((dm = /^([+-]\d{6}|\d{4})-(\d\d)$/.exec(date))) { y = +dm[1]; M = +dm[2] - 1; }
  else if ((dm = /^([+-]\d{6}|\d{4})$/.exec(date))) { y = +dm[1]; }
  else if ((dm = /^(\d{4})-?(\d{3})$/.exec(date))) {
    y = +dm[1];
    var od = new Date(Date.UTC(2000, 0, 1)); od.setUTCFullYear(y, 0, +dm[2]);
    if (od.getUTCFullYear() !== y) return { t: NaN };
    M = od.getUTCMonth(); D = od.getUTCDate();
  }
  else if ((dm = /^(\d{4})-?W(\d\d)-?(\d)?$/.exec(date))) {
    y = +dm[1];
    var jan4 = new Date(Date.UTC(y, 0, 4)), isoDay = jan4.getUTCDay() || 7;
    var wd = new Date(Date.UTC(2000, 0, 1)); wd.setUTCFullYear(y, 0, 4 - isoDay + 1 + (+dm[2] - 1) * 7 + ((dm[3] ? +dm[3] : 1) - 1));
    y = wd.getUTCFullYear(); M = wd.getUTCMonth(); D = wd.getUTCDate();
  } else return null;
  var h = 0, mi = 0, sec = 0, ms = 0;
  if (m[3]) {
    var tm = /^(\d\d):?(\d\d)?:?(\d\d)?(?:[.,](\d+))?$/.exec(m[3]);
    if (!tm) return null;
    h = +tm[1]; mi = tm[2] ? +tm[2] : 0; sec = tm[3] ? +tm[3] : 0; ms = tm[4] ? Math.round(+('0.' + tm[4]) * 1000) : 0;
    if (ms === 1000) ms = 999;
  }
  var f = { y: y, M: M, D: D, h: h, m: mi, s: sec, ms: ms };
  if (!validFields(f)) return { t: NaN };
  var zone = m[4] ? m[4].trim() : null;
  if (zone !== null) {
    var off = zone === 'Z' ? 0 : offsetMinutes(zone);
    return { t: fromFields(f, true, 0) - off * 60000, offset: off };
  }
  return { t: fromFields(f, utcMode, 0) };
}
function offsetMinutes(z) {
  var m = /([+-])(\d\d):?(\d\d)?/.exec(z);
  if (!m) return 0;
  var v = +m[2] * 60 + (m[3] ? +m[3] : 0);
  return m[1] === '-' ? -v : v;
}
function validFields(f) {
  return f.M >= 0 && f.M < 12 && f.D >= 1 && f.D <= daysIn(f.y, f.M) && f.h >= 0 && (f.h < 24 || (f.h === 24 && !f.m && !f.s && !f.ms)) &&
    f.m >= 0 && f.m < 60 && f.s >= 0 && f.s < 60 && f.ms >= 0 && f.ms < 1000;
}
var RFC_RE = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\d{4}))$/;
var RFC_ZONES = { UT: 0, GMT: 0, EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480 };
function parseRfc(s) {
  var m = RFC_RE.exec(String(s).replace(/\([^)]*\)|[\n\t]/g, ' ').replace(/(\s\s+)/g, ' ').trim());
  if (!m) return null;
  var y = +m[4]; if (m[4].length === 2) y += y > 49 ? 1900 : 2000;
  var f = { y: y, M: MONTHS.map(function (x) { return x.slice(0, 3); }).indexOf(m[3]), D: +m[2], h: +m[5], m: +m[6], s: m[7] ? +m[7] : 0, ms: 0 };
  var off = m[8] ? RFC_ZONES[m[8]] : (m[9] ? 0 : offsetMinutes(m[10]));
  if (!validFields(f)) return { t: NaN };
  if (m[1] && new Date(Date.UTC(f.y, f.M, f.D)).getUTCDay() !== ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(m[1])) return { t: NaN };
  return { t: fromFields(f, true, 0) - off * 60000, offset: off };
}
var TOKEN_RE = /\[([^\]]*)\]|(YYYYYY|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|GGGG|gggg|WW|Wo|W|ww|wo|w|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|ZZ|Z|zz|z|N{1,5}|yyyy|yy|yo|y|X|x|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)/g;
var PARSE_RE = {
  YYYY: /\d{1,4}/, YYYYYY: /[+-]?\d{1,6}/, YY: /\d\d?/, Y: /[+-]?\d+/, M: /\d\d?/, MM: /\d\d?/, Mo: /\d\d?(?:st|nd|rd|th)/i,
  D: /\d\d?/, DD: /\d\d?/, Do: /\d\d?(?:st|nd|rd|th)?/i, DDD: /\d{1,3}/, DDDD: /\d{1,3}/, H: /\d\d?/, HH: /\d\d?/, h: /\d\d?/, hh: /\d\d?/,
  k: /\d\d?/, kk: /\d\d?/, m: /\d\d?/, mm: /\d\d?/, s: /\d\d?/, ss: /\d\d?/, A: /[ap]\.?m?\.?/i, a: /[ap]\.?m?\.?/i,
  Z: /Z|[+-]\d\d:?\d\d/i, ZZ: /Z|[+-]\d\d:?\d\d/i, X: /[+-]?\d+(?:\.\d{1,3})?/, x: /[+-]?\d+/, Q: /\d/,
  MMM: /Jan(?:uary)?\.?|Feb(?:ruary)?\.?|Mar(?:ch)?\.?|Apr(?:il)?\.?|May|June?\.?|July?\.?|Aug(?:ust)?\.?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober)?\.?|Nov(?:ember)?\.?|Dec(?:ember)?\.?/i,
  dddd: /Sun(?:day)?|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Su|Mo|Tu|We|Th|Fr|Sa/i,
  d: /\d/, e: /\d/, E: /\d/, W: /\d\d?/, WW: /\d\d?/, w: /\d\d?/, ww: /\d\d?/, GGGG: /\d{1,4}/, gggg: /\d{1,4}/
};
PARSE_RE.MMMM = PARSE_RE.MMM; PARSE_RE.ddd = PARSE_RE.dddd; PARSE_RE.dd = PARSE_RE.dddd;
var STRICT_RE = { YYYY: /\d{4}/, YY: /\d\d/, MM: /\d\d/, DD: /\d\d/, HH: /\d\d/, hh: /\d\d/, mm: /\d\d/, ss: /\d\d/, M: /\d\d?/, D: /\d\d?/, DDDD: /\d{3}/, SSS: /\d{3}/ };
function expandFormat(fmt) {
  return String(fmt).replace(/(\[[^\]]*\])|(LTS|LT|LL?L?L?|l{1,4})/g, function (m, lit, tok) { return lit || (hasOwn.call(LONG, tok) ? LONG[tok] : m); });
}
function parseFormat(input, format, strict, utcMode) {
  format = expandFormat(format);
  var s = String(input), pos = 0, f = { y: null, M: 0, D: 1, h: 0, m: 0, s: 0, ms: 0 }, pm = null, off = null, epoch = null, last = 0, tokens = 0;
  var re = new RegExp(TOKEN_RE.source, 'g'), match, used = false;
  while ((match = re.exec(format)) !== null) {
    var literal = format.slice(last, match.index) + (match[1] !== undefined ? match[1] : '');
    last = re.lastIndex;
    if (literal) {
      if (strict) { if (s.slice(pos, pos + literal.length) !== literal) return { t: NaN }; pos += literal.length; }
      else { var li = s.indexOf(literal.trim(), pos); if (li === pos || (li > -1 && /^[^\w]*$/.test(s.slice(pos, li)))) pos = li + literal.trim().length; }
    }
    var tok = match[2];
    if (!tok) continue;
    var rx = (strict && STRICT_RE[tok]) || PARSE_RE[tok] || (/^S+$/.test(tok) ? (strict ? new RegExp('\\d{' + tok.length + '}') : /\d+/) : null);
    if (!rx) continue;
    var rest = s.slice(pos), found = new RegExp(strict ? '^(?:' + rx.source + ')' : rx.source, 'i').exec(rest);
    if (!found) { if (strict) return { t: NaN }; continue; }
    if (!strict && found.index > 0 && /\w/.test(rest.slice(0, found.index).replace(/[\s]/g, ''))) { /* skipped junk, as moment's forgiving mode does */ }
    var v = found[0];
    pos += found.index + v.length;
    tokens++;
    used = true;
    switch (tok) {
      case 'YYYY': case 'YYYYYY': case 'Y': case 'GGGG': case 'gggg': f.y = +v; break;
      case 'YY': f.y = +v + (+v > 68 ? 1900 : 2000); break;
      case 'M': case 'MM': case 'Mo': f.M = parseInt(v, 10) - 1; break;
      case 'MMM': case 'MMMM': f.M = MONTHS.map(function (x) { return x.slice(0, 3).toLowerCase(); }).indexOf(v.slice(0, 3).toLowerCase()); break;
      case 'D': case 'DD': case 'Do': f.D = parseInt(v, 10); break;
      case 'DDD': case 'DDDD': f.M = 0; f.D = +v; break;
      case 'H': case 'HH': case 'k': case 'kk': f.h = +v; if (tok[0] === 'k' && f.h === 24) f.h = 0; break;
      case 'h': case 'hh': f.h = +v; break;
      case 'm': case 'mm': f.m = +v; break;
      case 's': case 'ss': f.s = +v; break;
      case 'A': case 'a': pm = /^p/i.test(v); break;
      case 'Z': case 'ZZ': off = /^z$/i.test(v) ? 0 : offsetMinutes(v); break;
      case 'X': epoch = Math.round(parseFloat(v) * 1000); break;
      case 'x': epoch = +v; break;
      case 'Q': f.M = (+v - 1) * 3; break;
      default: if (/^S+$/.test(tok)) f.ms = Math.round(+('0.' + v) * 1000); break;
    }
  }
  var tail = format.slice(last);
  if (strict && (s.slice(pos) !== tail)) return { t: NaN };
  if (!used && !tail) return { t: NaN };
  if (epoch !== null) return { t: epoch };
  if (pm !== null) { if (pm && f.h < 12) f.h += 12; if (!pm && f.h === 12) f.h = 0; }
  if (f.y === null) f.y = new Date().getFullYear();
  if (!validFields(f) && !(f.M === 0 && f.D > 31 && f.D <= (isLeap(f.y) ? 366 : 365))) return { t: NaN };
  if (off !== null) return { t: fromFields(f, true, 0) - off * 60000, offset: off };
  return { t: fromFields(f, utcMode, 0) };
}

function create(input, format, strict, utcMode) {
  if (typeof format === 'boolean') { strict = format; format = undefined; }
  var r;
  if (input === undefined) r = { t: Date.now() };
  else if (input === null) r = { t: NaN };
  else if (isMoment(input)) { var c = new Moment(input._t, utcMode || input._utc, utcMode ? 0 : input._offset); return c; }
  else if (input instanceof Date) r = { t: input.getTime() };
  else if (typeof input === 'number') r = { t: input };
  else if (Array.isArray(input)) {
    if (!input.length) r = { t: Date.now() };
    else {
      var fa = { y: +input[0], M: +(input[1] || 0), D: input[2] === undefined ? 1 : +input[2], h: +(input[3] || 0), m: +(input[4] || 0), s: +(input[5] || 0), ms: +(input[6] || 0) };
      r = { t: validFields(fa) ? fromFields(fa, utcMode, 0) : NaN };
    }
  } else if (typeof input === 'object') {
    var g = function () { for (var i = 0; i < arguments.length; i++) if (input[arguments[i]] !== undefined) return +input[arguments[i]]; return undefined; };
    var now = fields(new Moment(Date.now(), utcMode, 0));
    var fo = { y: g('y', 'year', 'years'), M: g('M', 'month', 'months'), D: g('d', 'D', 'day', 'days', 'date', 'dates'), h: g('h', 'hour', 'hours'), m: g('m', 'minute', 'minutes'), s: g('s', 'second', 'seconds'), ms: g('ms', 'millisecond', 'milliseconds') };
    if (fo.y === undefined) fo.y = now.y;
    if (fo.M === undefined) fo.M = fo.D === undefined ? 0 : now.M;
    if (fo.D === undefined) fo.D = 1;
    ['h', 'm', 's', 'ms'].forEach(function (k) { if (fo[k] === undefined) fo[k] = 0; });
    r = { t: validFields(fo) ? fromFields(fo, utcMode, 0) : NaN };
  } else if (format !== undefined) {
    var formats = Array.isArray(format) ? format : [format];
    for (var i = 0; i < formats.length; i++) {
      r = formats[i] === ISO_8601 ? (parseIso(String(input), utcMode) || { t: NaN }) : parseFormat(input, formats[i], strict, utcMode);
      if (!isNaN(r.t)) break;
    }
  } else {
    var s = String(input);
    r = parseIso(s, utcMode) || parseRfc(s);
    if (!r) { var d = new Date(s); r = { t: d.getTime() }; }
  }
  var m = new Moment(r.t, utcMode, 0);
  return m;
}
function isMoment(v) { return v instanceof Moment || (v != null && typeof v === 'object' && '_isAMomentObject' in v && v._isAMomentObject === true); }
function toMoment(v) { return isMoment(v) ? v : create(v); }
function valueOfInput(v) { return isMoment(v) ? v._t : create(v)._t; }

// ---------- formatting ----------------------------------------------------------------------
var LONG = { LTS: 'h:mm:ss A', LT: 'h:mm A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY', ll: 'MMM D, YYYY', lll: 'MMM D, YYYY h:mm A', llll: 'ddd, MMM D, YYYY h:mm A' };
function zoneText(mins, sep) { var sign = mins < 0 ? '-' : '+'; mins = Math.abs(mins); return sign + pad(Math.floor(mins / 60), 2) + sep + pad(mins % 60, 2); }
function dayOfYear(f) { return Math.round((Date.UTC(f.y, f.M, f.D) - Date.UTC(f.y, 0, 1)) / 864e5) + 1; }
function isoWeekInfo(f) {
  var d = new Date(Date.UTC(f.y, f.M, f.D)), day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  var y = d.getUTCFullYear();
  return { week: Math.ceil(((d - Date.UTC(y, 0, 1)) / 864e5 + 1) / 7), year: y };
}
function localeWeekInfo(f) {
  // en locale: weeks start on Sunday, the week containing Jan 1st is week 1 (dow 0, doy 6)
  var d = new Date(Date.UTC(f.y, f.M, f.D)), day = d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + 6 - day);
  var y = d.getUTCFullYear();
  return { week: Math.ceil(((d - Date.UTC(y, 0, 1)) / 864e5 + 1) / 7), year: y };
}
function formatToken(m, f, tok) {
  switch (tok) {
    case 'YYYY': return f.y <= 9999 ? pad(f.y, 4) : (f.y > 0 ? '+' : '') + f.y;
    case 'YYYYYY': return (f.y < 0 ? '-' : '+') + pad(Math.abs(f.y), 6);
    case 'YY': return pad(f.y % 100, 2);
    case 'Y': return f.y <= 9999 ? String(f.y) : '+' + f.y;
    case 'Q': return String(Math.floor(f.M / 3) + 1);
    case 'Qo': return ordinal(Math.floor(f.M / 3) + 1);
    case 'M': return String(f.M + 1);
    case 'Mo': return ordinal(f.M + 1);
    case 'MM': return pad(f.M + 1, 2);
    case 'MMM': return MONTHS[f.M].slice(0, 3);
    case 'MMMM': return MONTHS[f.M];
    case 'D': return String(f.D);
    case 'Do': return ordinal(f.D);
    case 'DD': return pad(f.D, 2);
    case 'DDD': return String(dayOfYear(f));
    case 'DDDo': return ordinal(dayOfYear(f));
    case 'DDDD': return pad(dayOfYear(f), 3);
    case 'd': case 'e': return String(f.day);
    case 'do': return ordinal(f.day);
    case 'dd': return WEEKDAYS[f.day].slice(0, 2);
    case 'ddd': return WEEKDAYS[f.day].slice(0, 3);
    case 'dddd': return WEEKDAYS[f.day];
    case 'E': return String(f.day || 7);
    case 'w': return String(localeWeekInfo(f).week);
    case 'wo': return ordinal(localeWeekInfo(f).week);
    case 'ww': return pad(localeWeekInfo(f).week, 2);
    case 'W': return String(isoWeekInfo(f).week);
    case 'Wo': return ordinal(isoWeekInfo(f).week);
    case 'WW': return pad(isoWeekInfo(f).week, 2);
    case 'GGGG': return pad(isoWeekInfo(f).year, 4);
    case 'gggg': return pad(localeWeekInfo(f).year, 4);
    case 'H': return String(f.h);
    case 'HH': return pad(f.h, 2);
    case 'h': return String(f.h % 12 || 12);
    case 'hh': return pad(f.h % 12 || 12, 2);
    case 'k': return String(f.h || 24);
    case 'kk': return pad(f.h || 24, 2);
    case 'm': return String(f.m);
    case 'mm': return pad(f.m, 2);
    case 's': return String(f.s);
    case 'ss': return pad(f.s, 2);
    case 'A': return f.h < 12 ? 'AM' : 'PM';
    case 'a': return f.h < 12 ? 'am' : 'pm';
    case 'Z': return zoneText(zoneOf(m), ':');
    case 'ZZ': return zoneText(zoneOf(m), '');
    case 'z': return m._utc && !m._offset ? 'UTC' : '';
    case 'zz': return m._utc && !m._offset ? 'Coordinated Universal Time' : '';
    case 'N': case 'NN': case 'NNN': case 'NNNNN': return f.y > 0 ? 'AD' : 'BC';
    case 'NNNN': return f.y > 0 ? 'Anno Domini' : 'Before Christ';
    case 'y': return String(f.y > 0 ? f.y : 1 - f.y);
    case 'yy': return pad((f.y > 0 ? f.y : 1 - f.y) % 100, 2);
    case 'yyyy': return pad(f.y > 0 ? f.y : 1 - f.y, 4);
    case 'yo': return ordinal(f.y > 0 ? f.y : 1 - f.y);
    case 'X': return String(Math.floor(m._t / 1000));
    case 'x': return String(m._t);
  }
  if (/^S+$/.test(tok)) return (pad(f.ms, 3) + '000000').slice(0, tok.length);
  return tok;
}
function format(m, fmt) {
  if (!m.isValid()) return 'Invalid date';
  var f = fields(m);
  return expandFormat(fmt).replace(TOKEN_RE, function (match, literal, tok) { return literal !== undefined ? literal : formatToken(m, f, tok); });
}

// ---------- durations -----------------------------------------------------------------------
function daysToMonths(d) { return d * 4800 / 146097; }
function monthsToDays(m) { return m * 146097 / 4800; }
var DURATION_UNIT_MS = { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5 };
function Duration(ms, days, months) { this._milliseconds = ms; this._days = days; this._months = months; this._isValid = !isNaN(ms + days + months); }
function createDuration(input, unit) {
  if (input instanceof Duration) return new Duration(input._milliseconds, input._days, input._months);
  if (input == null) return new Duration(0, 0, 0);
  if (typeof input === 'number' || (typeof input === 'string' && /^[+-]?\d+(\.\d+)?$/.test(input))) {
    var n = +input, u = normUnit(unit) || 'millisecond';
    return durationFrom(u, n);
  }
  if (typeof input === 'string') {
    var asp = /^(-|\+)?(?:(\d*)[. ])?(\d+):(\d+)(?::(\d+)(\.\d*)?)?$/.exec(input);
    if (asp) {
      var sign = asp[1] === '-' ? -1 : 1;
      return new Duration(sign * ((+asp[3] * 36e5) + (+asp[4] * 6e4) + (+(asp[5] || 0) * 1e3) + Math.round(+(asp[6] || 0) * 1000)), sign * +(asp[2] || 0), 0);
    }
    var iso = /^(-|\+)?P(?:([-+]?[0-9,.]*)Y)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)W)?(?:([-+]?[0-9,.]*)D)?(?:T(?:([-+]?[0-9,.]*)H)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)S)?)?$/.exec(input);
    if (iso) {
      var sg = iso[1] === '-' ? -1 : 1, num = function (x) { return x ? parseFloat(x.replace(',', '.')) * sg : 0; };
      return new Duration(num(iso[6]) * 36e5 + num(iso[7]) * 6e4 + num(iso[8]) * 1e3, num(iso[4]) * 7 + num(iso[5]), num(iso[2]) * 12 + num(iso[3]));
    }
    return new Duration(0, 0, 0); // moment reads an unrecognised string as an empty duration
  }
  if (typeof input === 'object') {
    var d = new Duration(0, 0, 0);
    Object.keys(input).forEach(function (k) { var u2 = normUnit(k); if (u2) { var x = durationFrom(u2, +input[k]); d._milliseconds += x._milliseconds; d._days += x._days; d._months += x._months; } });
    return d;
  }
  return new Duration(NaN, NaN, NaN);
}
function durationFrom(u, n) {
  switch (u) {
    case 'year': return new Duration(0, 0, n * 12);
    case 'quarter': return new Duration(0, 0, n * 3);
    case 'month': return new Duration(0, 0, n);
    case 'week': case 'isoWeek': return new Duration(0, n * 7, 0);
    case 'day': case 'date': return new Duration(0, n, 0);
    default: return new Duration(n * (DURATION_UNIT_MS[u] || 1), 0, 0);
  }
}
function bubble(d) {
  var ms = d._milliseconds, days = d._days, months = d._months, data = {};
  if (!((ms >= 0 && days >= 0 && months >= 0) || (ms <= 0 && days <= 0 && months <= 0))) {
    ms += Math.ceil(monthsToDays(months) + days) * 864e5 * (1); days = 0; months = 0;
    ms = d._milliseconds + (d._days + monthsToDays(d._months)) * 864e5;
    var sign = ms < 0 ? -1 : 1; ms = Math.abs(ms);
    data.milliseconds = sign * (ms % 1000);
    data.seconds = sign * (Math.floor(ms / 1000) % 60);
    data.minutes = sign * (Math.floor(ms / 6e4) % 60);
    data.hours = sign * (Math.floor(ms / 36e5) % 24);
    var dd = Math.floor(ms / 864e5), mm = Math.floor(daysToMonths(dd));
    data.days = sign * (dd - Math.ceil(monthsToDays(mm)));
    data.months = sign * (mm % 12);
    data.years = sign * Math.floor(mm / 12);
    return data;
  }
  data.milliseconds = ms % 1000;
  var seconds = absFloor(ms / 1000); data.seconds = seconds % 60;
  var minutes = absFloor(seconds / 60); data.minutes = minutes % 60;
  var hours = absFloor(minutes / 60); data.hours = hours % 24;
  days += absFloor(hours / 24);
  var monthsFromDays = absFloor(daysToMonths(days));
  months += monthsFromDays;
  days -= monthsFromDays < 0 ? Math.floor(monthsToDays(monthsFromDays)) : Math.ceil(monthsToDays(monthsFromDays));
  data.days = days;
  data.months = months % 12;
  data.years = absFloor(months / 12);
  return data;
}
Duration.prototype.as = function (unit) {
  unit = normUnit(unit);
  if (!this._isValid) return NaN;
  var days, months, ms = this._milliseconds;
  if (unit === 'month' || unit === 'quarter' || unit === 'year') {
    days = this._days + ms / 864e5;
    months = this._months + daysToMonths(days);
    return unit === 'month' ? months : unit === 'quarter' ? months / 3 : months / 12;
  }
  days = this._days + Math.round(monthsToDays(this._months));
  switch (unit) {
    case 'week': return days / 7 + ms / 6048e5;
    case 'day': case 'date': return days + ms / 864e5;
    case 'hour': return days * 24 + ms / 36e5;
    case 'minute': return days * 1440 + ms / 6e4;
    case 'second': return days * 86400 + ms / 1000;
    case 'millisecond': return Math.floor(days * 864e5) + ms;
    default: throw new Error('Unknown unit ' + unit);
  }
};
['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'].forEach(function (name) {
  var unit = normUnit(name);
  Duration.prototype['as' + name.charAt(0).toUpperCase() + name.slice(1)] = function () { return this.as(unit); };
  Duration.prototype[name] = function () {
    if (name === 'weeks') return absFloor(bubble(this).days / 7);
    return bubble(this)[name];
  };
  Duration.prototype[name.slice(0, -1)] = Duration.prototype[name];
});
Duration.prototype.get = function (unit) { unit = normUnit(unit); return this[unit + 's'](); };
Duration.prototype.valueOf = function () { return this.as('millisecond'); };
Duration.prototype.clone = function () { return new Duration(this._milliseconds, this._days, this._months); };
Duration.prototype.add = function (v, unit) { var o = createDuration(v, unit); this._milliseconds += o._milliseconds; this._days += o._days; this._months += o._months; return this; };
Duration.prototype.subtract = function (v, unit) { var o = createDuration(v, unit); this._milliseconds -= o._milliseconds; this._days -= o._days; this._months -= o._months; return this; };
Duration.prototype.isValid = function () { return this._isValid; };
Duration.prototype.abs = function () { this._milliseconds = Math.abs(this._milliseconds); this._days = Math.abs(this._days); this._months = Math.abs(this._months); return this; };
Duration.prototype.locale = function (l) { return l === undefined ? 'en' : this; };
Duration.prototype.lang = Duration.prototype.locale;
Duration.prototype.localeData = function () { return LOCALE_DATA; };
Duration.prototype.asQuarters = function () { return this.as('quarter'); };
Duration.prototype.quarters = function () { return Math.floor(bubble(this).months / 3); };
var RELATIVE = { s: 'a few seconds', ss: '%d seconds', m: 'a minute', mm: '%d minutes', h: 'an hour', hh: '%d hours', d: 'a day', dd: '%d days', w: 'a week', ww: '%d weeks', M: 'a month', MM: '%d months', y: 'a year', yy: '%d years' };
var THRESHOLDS = { ss: 44, s: 45, m: 45, h: 22, d: 26, w: null, M: 11 };
function relativeTime(d, withSuffix) {
  var dur = createDuration(d).abs();
  var seconds = Math.round(dur.as('s')), minutes = Math.round(dur.as('m')), hours = Math.round(dur.as('h')), days = Math.round(dur.as('d')),
    months = Math.round(dur.as('M')), weeks = Math.round(dur.as('w')), years = Math.round(dur.as('y'));
  var a = (seconds <= THRESHOLDS.ss && ['s', seconds]) || (seconds < THRESHOLDS.s && ['ss', seconds]) || (minutes <= 1 && ['m']) ||
    (minutes < THRESHOLDS.m && ['mm', minutes]) || (hours <= 1 && ['h']) || (hours < THRESHOLDS.h && ['hh', hours]) ||
    (days <= 1 && ['d']) || (days < THRESHOLDS.d && ['dd', days]);
  if (!a && THRESHOLDS.w != null) a = (weeks <= 1 && ['w']) || (weeks < THRESHOLDS.w && ['ww', weeks]);
  a = a || (months <= 1 && ['M']) || (months < THRESHOLDS.M && ['MM', months]) || (years <= 1 && ['y']) || ['yy', years];
  var text = RELATIVE[a[0]].replace('%d', a[1]);
  if (!withSuffix) return text;
  return (d.valueOf() > 0 ? 'in %s' : '%s ago').replace('%s', text);
}
Duration.prototype.humanize = function (withSuffix) { return this._isValid ? relativeTime(this, !!withSuffix && withSuffix !== false) : 'Invalid date'; };
Duration.prototype.toISOString = function () {
  if (!this._isValid) return 'Invalid date';
  var secondsTotal = Math.abs(this._milliseconds) / 1000, days = Math.abs(this._days), months = Math.abs(this._months);
  var minutes = absFloor(secondsTotal / 60), hours = absFloor(minutes / 60);
  secondsTotal %= 60; minutes %= 60;
  var years = absFloor(months / 12); months %= 12;
  var s = secondsTotal ? secondsTotal.toFixed(3).replace(/\.?0+$/, '') : '';
  var total = this.asSeconds();
  if (!total) return 'P0D';
  var neg = total < 0 ? '-' : '';
  return neg + 'P' + (years ? years + 'Y' : '') + (months ? months + 'M' : '') + (days ? days + 'D' : '') +
    (hours || minutes || s ? 'T' : '') + (hours ? hours + 'H' : '') + (minutes ? minutes + 'M' : '') + (s ? s + 'S' : '');
};
Duration.prototype.toJSON = Duration.prototype.toISOString;
Duration.prototype.toString = Duration.prototype.toISOString;
Duration.prototype.toIsoString = Duration.prototype.toISOString;

// ---------- Moment methods ------------------------------------------------------------------
function addTo(m, input, unit, sign) {
  var d = (typeof input === 'string' && !/^[+-]?\d+(\.\d+)?$/.test(input) && unit !== undefined && /^[+-]?\d/.test(String(unit))) ? createDuration(unit, input) : createDuration(input, unit);
  if (!m.isValid()) return m;
  var ms = d._milliseconds * sign, days = Math.round(d._days) * sign, months = Math.round(d._months) * sign;
  if (months) { var f = fields(m), y = f.y, mo = f.M + months; var ny = y + Math.floor(mo / 12); mo = ((mo % 12) + 12) % 12; setFields(m, { y: ny, M: mo, D: Math.min(f.D, daysIn(ny, mo)) }); }
  if (days) { var g = fields(m); setFields(m, { D: g.D + days }); }
  if (ms) m._t += ms;
  return m;
}
function startOf(m, unit) {
  unit = normUnit(unit);
  if (!m.isValid()) return m;
  var f = fields(m);
  switch (unit) {
    case 'year': return setFields(m, { M: 0, D: 1, h: 0, m: 0, s: 0, ms: 0 });
    case 'quarter': return setFields(m, { M: f.M - f.M % 3, D: 1, h: 0, m: 0, s: 0, ms: 0 });
    case 'month': return setFields(m, { D: 1, h: 0, m: 0, s: 0, ms: 0 });
    case 'week': return setFields(m, { D: f.D - f.day, h: 0, m: 0, s: 0, ms: 0 });
    case 'isoWeek': return setFields(m, { D: f.D - ((f.day + 6) % 7), h: 0, m: 0, s: 0, ms: 0 });
    case 'day': case 'date': return setFields(m, { h: 0, m: 0, s: 0, ms: 0 });
    case 'hour': return setFields(m, { m: 0, s: 0, ms: 0 });
    case 'minute': return setFields(m, { s: 0, ms: 0 });
    case 'second': return setFields(m, { ms: 0 });
  }
  return m;
}
function endOf(m, unit) {
  unit = normUnit(unit);
  if (unit === undefined || unit === 'millisecond' || !m.isValid()) return m;
  startOf(m, unit);
  addTo(m, 1, unit === 'date' ? 'day' : unit, 1);
  m._t -= 1;
  return m;
}
function monthDiff(a, b) {
  var fa = fields(a), fb = fields(b);
  // end-of-month arithmetic is right when the start month has more days than the end month
  if (fa.D < fb.D) return -monthDiff(b, a);
  var whole = (fb.y - fa.y) * 12 + (fb.M - fa.M), anchor = addTo(a.clone(), whole, 'months', 1)._t, anchor2, adjust;
  if (b._t - anchor < 0) { anchor2 = addTo(a.clone(), whole - 1, 'months', 1)._t; adjust = (b._t - anchor) / (anchor - anchor2); }
  else { anchor2 = addTo(a.clone(), whole + 1, 'months', 1)._t; adjust = (b._t - anchor) / (anchor2 - anchor); }
  return -(whole + adjust) || 0;
}
function getterSetter(key, get, set) {
  return function (v) {
    if (v === undefined) return this.isValid() ? get.call(this, fields(this)) : NaN;
    if (this.isValid()) set.call(this, v);
    return this;
  };
}
var proto = Moment.prototype;
proto.isValid = function () { return !isNaN(this._t); };
proto.clone = function () { return new Moment(this._t, this._utc, this._offset); };
proto.valueOf = function () { return this._t; };
proto.unix = function () { return Math.floor(this._t / 1000); };
proto.toDate = function () { return new Date(this._t); };
proto.toISOString = function (keepOffset) {
  if (!this.isValid()) return null;
  if (keepOffset && zoneOf(this) !== 0) return format(this, 'YYYY-MM-DDTHH:mm:ss.SSSZ');
  var y = new Date(this._t).getUTCFullYear();
  return format(new Moment(this._t, true, 0), (y > 9999 || y < 0 ? 'YYYYYY' : 'YYYY') + '-MM-DD[T]HH:mm:ss.SSS[Z]');
};
proto.toJSON = function () { return this.isValid() ? this.toISOString() : null; };
proto.toString = function () { return this.isValid() ? format(new Moment(this._t, this._utc, this._offset), 'ddd MMM DD YYYY HH:mm:ss [GMT]ZZ') : 'Invalid date'; };
proto.inspect = function () { return 'moment(' + (this.isValid() ? '"' + format(this, this._utc && !this._offset ? 'YYYY-MM-DDTHH:mm:ss.SSS[Z]' : 'YYYY-MM-DDTHH:mm:ss.SSSZ') + '"' : '"Invalid date"') + ')'; };
proto.format = function (fmt) {
  if (fmt === undefined) fmt = this._utc && !this._offset ? moment.defaultFormatUtc : moment.defaultFormat;
  return format(this, fmt);
};
proto.toArray = function () { var f = fields(this); return [f.y, f.M, f.D, f.h, f.m, f.s, f.ms]; };
proto.toObject = function () { var f = fields(this); return { years: f.y, months: f.M, date: f.D, hours: f.h, minutes: f.m, seconds: f.s, milliseconds: f.ms }; };
proto.add = function (v, unit) { return addTo(this, v, unit, 1); };
proto.subtract = function (v, unit) { return addTo(this, v, unit, -1); };
proto.startOf = function (unit) { return startOf(this, unit); };
proto.endOf = function (unit) { return endOf(this, unit); };
proto.utc = function (keepLocalTime) { var f = fields(this); this._utc = true; this._offset = 0; if (keepLocalTime) this._t = fromFields(f, true, 0); return this; };
proto.local = function (keepLocalTime) { var f = fields(this); this._utc = false; this._offset = 0; if (keepLocalTime) this._t = fromFields(f, false, 0); return this; };
proto.isUTC = proto.isUtc = function () { return this._utc && this._offset === 0; };
proto.isLocal = function () { return !this._utc; };
proto.utcOffset = function (v, keepLocalTime) {
  if (v === undefined) return zoneOf(this);
  var mins = typeof v === 'string' ? offsetMinutes(v) : (Math.abs(v) < 16 ? v * 60 : v);
  var f = fields(this);
  this._utc = true; this._offset = mins;
  if (keepLocalTime) this._t = fromFields(f, true, mins);
  return this;
};
proto.parseZone = function () { return this; };
proto.zone = function () { return -zoneOf(this); };
proto.diff = function (input, unit, asFloat) {
  var that = toMoment(input);
  if (!this.isValid() || !that.isValid()) return NaN;
  unit = normUnit(unit);
  var out, zoneDelta = (zoneOf(that) - zoneOf(this)) * 6e4;
  switch (unit) {
    case 'year': out = monthDiff(this, that) / 12; break;
    case 'month': out = monthDiff(this, that); break;
    case 'quarter': out = monthDiff(this, that) / 3; break;
    case 'second': out = (this._t - that._t) / 1e3; break;
    case 'minute': out = (this._t - that._t) / 6e4; break;
    case 'hour': out = (this._t - that._t) / 36e5; break;
    case 'day': case 'date': out = (this._t - that._t - zoneDelta) / 864e5; break;
    case 'week': case 'isoWeek': out = (this._t - that._t - zoneDelta) / 6048e5; break;
    default: out = this._t - that._t;
  }
  return asFloat ? out : absFloor(out);
};
proto.isBefore = function (o, unit) {
  var u = normUnit(unit) || 'millisecond', that = isMoment(o) ? o : create(o);
  if (!this.isValid() || !that.isValid()) return false;
  return u === 'millisecond' ? this._t < that._t : endOf(this.clone(), u)._t < that._t;
};
proto.isAfter = function (o, unit) {
  var u = normUnit(unit) || 'millisecond', that = isMoment(o) ? o : create(o);
  if (!this.isValid() || !that.isValid()) return false;
  return u === 'millisecond' ? this._t > that._t : that._t < startOf(this.clone(), u)._t;
};
proto.isSame = function (o, unit) {
  var u = normUnit(unit) || 'millisecond', that = isMoment(o) ? o : create(o);
  if (!this.isValid() || !that.isValid()) return false;
  if (u === 'millisecond') return this._t === that._t;
  return startOf(this.clone(), u)._t <= that._t && that._t <= endOf(this.clone(), u)._t;
};
proto.isSameOrAfter = function (o, unit) { return this.isSame(o, unit) || this.isAfter(o, unit); };
proto.isSameOrBefore = function (o, unit) { return this.isSame(o, unit) || this.isBefore(o, unit); };
proto.isBetween = function (a, b, unit, inclusivity) {
  inclusivity = inclusivity || '()';
  var from = isMoment(a) ? a : create(a), to = isMoment(b) ? b : create(b);
  if (!(this.isValid() && from.isValid() && to.isValid())) return false;
  return (inclusivity[0] === '(' ? this.isAfter(from, unit) : !this.isBefore(from, unit)) &&
    (inclusivity[1] === ')' ? this.isBefore(to, unit) : !this.isAfter(to, unit));
};
proto.isLeapYear = function () { return isLeap(fields(this).y); };
proto.daysInMonth = function () { var f = fields(this); return daysIn(f.y, f.M); };
proto.isDST = function () { return false; };
proto.locale = function (l) { return l === undefined ? 'en' : this; };
proto.lang = proto.locale;
proto.from = function (o, withoutSuffix) { var that = toMoment(o); if (!this.isValid() || !that.isValid()) return 'Invalid date'; return relativeTime(createDuration(this._t - that._t), !withoutSuffix); };
proto.fromNow = function (withoutSuffix) { return this.from(moment(), withoutSuffix); };
proto.to = function (o, withoutSuffix) { return toMoment(o).from(this, withoutSuffix); };
proto.toNow = function (withoutSuffix) { return moment().from(this, withoutSuffix); };
proto.calendar = function (ref) {
  var now = ref ? toMoment(ref) : moment(), diff = this.diff(startOf(now.clone(), 'day'), 'days', true);
  var fmt = diff < -6 ? 'L' : diff < -1 ? '[Last] dddd [at] LT' : diff < 0 ? '[Yesterday at] LT' : diff < 1 ? '[Today at] LT' : diff < 2 ? '[Tomorrow at] LT' : diff < 7 ? 'dddd [at] LT' : 'L';
  return this.format(fmt);
};
proto.get = function (unit) { unit = normUnit(unit); return typeof this[unit] === 'function' ? this[unit]() : undefined; };
proto.set = function (unit, v) {
  var self = this;
  if (typeof unit === 'object') { Object.keys(unit).forEach(function (k) { self.set(k, unit[k]); }); return this; }
  unit = normUnit(unit);
  if (typeof this[unit] === 'function') this[unit](v);
  return this;
};
proto.year = proto.years = getterSetter('y', function (f) { return f.y; }, function (v) { var f = fields(this); setFields(this, { y: +v, D: Math.min(f.D, daysIn(+v, f.M)) }); });
proto.month = proto.months = getterSetter('M', function (f) { return f.M; }, function (v) {
  if (typeof v === 'string' && !/^\d+$/.test(v)) v = MONTHS.map(function (x) { return x.slice(0, 3).toLowerCase(); }).indexOf(v.slice(0, 3).toLowerCase());
  var f = fields(this), y = f.y + Math.floor(+v / 12), mo = ((+v % 12) + 12) % 12;
  setFields(this, { y: y, M: mo, D: Math.min(f.D, daysIn(y, mo)) });
});
proto.date = proto.dates = getterSetter('D', function (f) { return f.D; }, function (v) { setFields(this, { D: +v }); });
proto.day = proto.days = getterSetter('day', function (f) { return f.day; }, function (v) {
  if (typeof v === 'string') v = WEEKDAYS.map(function (x) { return x.slice(0, 3).toLowerCase(); }).indexOf(v.slice(0, 3).toLowerCase());
  var f = fields(this); setFields(this, { D: f.D + (+v - f.day) });
});
proto.weekday = getterSetter('e', function (f) { return f.day; }, function (v) { var f = fields(this); setFields(this, { D: f.D + (+v - f.day) }); });
proto.isoWeekday = getterSetter('E', function (f) { return f.day || 7; }, function (v) { var f = fields(this); setFields(this, { D: f.D + (+v - (f.day || 7)) }); });
proto.hour = proto.hours = getterSetter('h', function (f) { return f.h; }, function (v) { setFields(this, { h: +v }); });
proto.minute = proto.minutes = getterSetter('m', function (f) { return f.m; }, function (v) { setFields(this, { m: +v }); });
proto.second = proto.seconds = getterSetter('s', function (f) { return f.s; }, function (v) { setFields(this, { s: +v }); });
proto.millisecond = proto.milliseconds = getterSetter('ms', function (f) { return f.ms; }, function (v) { setFields(this, { ms: +v }); });
proto.dayOfYear = getterSetter('DDD', function (f) { return dayOfYear(f); }, function (v) { var f = fields(this); setFields(this, { D: f.D + (+v - dayOfYear(f)) }); });
proto.quarter = proto.quarters = getterSetter('Q', function (f) { return Math.floor(f.M / 3) + 1; }, function (v) { var f = fields(this); this.month((+v - 1) * 3 + f.M % 3); });
proto.week = proto.weeks = getterSetter('w', function (f) { return localeWeekInfo(f).week; }, function (v) { var f = fields(this); setFields(this, { D: f.D + (+v - localeWeekInfo(f).week) * 7 }); });
proto.isoWeek = proto.isoWeeks = getterSetter('W', function (f) { return isoWeekInfo(f).week; }, function (v) { var f = fields(this); setFields(this, { D: f.D + (+v - isoWeekInfo(f).week) * 7 }); });
proto.weekYear = function () { return localeWeekInfo(fields(this)).year; };
proto.isoWeekYear = function () { return isoWeekInfo(fields(this)).year; };
proto.isoWeeksInYear = function () { return isoWeekInfo({ y: fields(this).y, M: 11, D: 28 }).week; };
proto.weeksInYear = function () { return localeWeekInfo({ y: fields(this).y, M: 11, D: 31 }).week === 1 ? localeWeekInfo({ y: fields(this).y, M: 11, D: 24 }).week : localeWeekInfo({ y: fields(this).y, M: 11, D: 31 }).week; };
proto.creationData = function () { return {}; };
var LOCALE_DATA = {
  months: function (m) { return m ? MONTHS[fields(m).M] : MONTHS.slice(); },
  monthsShort: function (m) { return m ? MONTHS[fields(m).M].slice(0, 3) : MONTHS.map(function (x) { return x.slice(0, 3); }); },
  weekdays: function (m) { return m ? WEEKDAYS[fields(m).day] : WEEKDAYS.slice(); },
  weekdaysShort: function (m) { return m ? WEEKDAYS[fields(m).day].slice(0, 3) : WEEKDAYS.map(function (d) { return d.slice(0, 3); }); },
  weekdaysMin: function (m) { return m ? WEEKDAYS[fields(m).day].slice(0, 2) : WEEKDAYS.map(function (d) { return d.slice(0, 2); }); },
  longDateFormat: function (key) { return LONG[key]; },
  ordinal: function (n) { return ordinal(n); },
  firstDayOfWeek: function () { return 0; },
  firstDayOfYear: function () { return 6; },
  meridiem: function (h, m, lower) { return h < 12 ? (lower ? 'am' : 'AM') : (lower ? 'pm' : 'PM'); },
  isPM: function (input) { return String(input).toLowerCase().charAt(0) === 'p'; },
  invalidDate: function () { return 'Invalid date'; },
  relativeTime: function (n, withoutSuffix, key) { return RELATIVE[key].replace('%d', n); },
  pastFuture: function (diff, output) { return (diff > 0 ? 'in %s' : '%s ago').replace('%s', output); },
  _abbr: 'en'
};
proto.localeData = function () { return LOCALE_DATA; };
proto.zoneAbbr = function () { return this._utc ? 'UTC' : ''; };
proto.zoneName = function () { return this._utc ? 'Coordinated Universal Time' : ''; };
proto.isUtcOffset = function () { return this._utc; };
proto.invalidAt = function () { return this.isValid() ? -1 : 0; };
proto.parsingFlags = function () { return { empty: false, unusedTokens: [], unusedInput: [], overflow: this.isValid() ? -2 : 1, charsLeftOver: 0, nullInput: false, invalidMonth: null, invalidFormat: false, userInvalidated: false, iso: false, parsedDateParts: [], meridiem: null }; };
proto.isDSTShifted = function () { return false; };
proto.hasAlignedHourOffset = function (input) { var o = input ? toMoment(input).utcOffset() : 0; return (this.utcOffset() - o) % 60 === 0; };
proto.isoWeeksInISOWeekYear = function () { return isoWeekInfo({ y: this.isoWeekYear(), M: 11, D: 28 }).week; };
proto.weeksInWeekYear = function () { return this.weeksInYear(); };
proto.max = function (o) { var that = toMoment(o); return that.isValid() && that._t > this._t ? that : this; };
proto.min = function (o) { var that = toMoment(o); return that.isValid() && that._t < this._t ? that : this; };

// ---------- the moment function -------------------------------------------------------------
var ISO_8601 = function () {};
function moment(input, format, strict) { return create(input, format, strict, false); }
moment.utc = function (input, format, strict) {
  var m = create(input, format, strict, true);
  m._utc = true; m._offset = 0;
  return m;
};
moment.parseZone = function (input, format, strict) {
  var s = typeof input === 'string' ? input : null;
  var m = moment.utc(input, format, strict);
  var z = s && /(Z|[+-]\d\d(?::?\d\d)?)\s*$/i.exec(s);
  if (z) { m._offset = /^z$/i.test(z[1]) ? 0 : offsetMinutes(z[1]); }
  return m;
};
moment.unix = function (s) { return moment(s * 1000); };
moment.now = function () { return Date.now(); };
moment.isMoment = isMoment;
moment.isDate = function (v) { return v instanceof Date; };
moment.isDuration = function (v) { return v instanceof Duration; };
moment.duration = createDuration;
moment.invalid = function () { return new Moment(NaN, false, 0); };
moment.min = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments); return a.reduce(function (x, y) { return !y.isValid() || y._t < x._t ? y : x; }); };
moment.max = function () { var a = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments); return a.reduce(function (x, y) { return !y.isValid() || y._t > x._t ? y : x; }); };
moment.locale = function () { return 'en'; };
moment.locales = function () { return ['en']; };
moment.months = function () { return MONTHS.slice(); };
moment.monthsShort = function () { return MONTHS.map(function (m) { return m.slice(0, 3); }); };
moment.weekdays = function () { return WEEKDAYS.slice(); };
moment.weekdaysShort = function () { return WEEKDAYS.map(function (d) { return d.slice(0, 3); }); };
moment.weekdaysMin = function () { return WEEKDAYS.map(function (d) { return d.slice(0, 2); }); };
moment.normalizeUnits = function (u) { return normUnit(u); };
moment.relativeTimeThreshold = function (k, v) { if (v === undefined) return THRESHOLDS[k]; if (!hasOwn.call(THRESHOLDS, k)) return false; THRESHOLDS[k] = v; return true; };
moment.ISO_8601 = ISO_8601;
moment.defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';
moment.defaultFormatUtc = 'YYYY-MM-DDTHH:mm:ss[Z]';
moment.HTML5_FMT = { DATETIME_LOCAL: 'YYYY-MM-DDTHH:mm', DATETIME_LOCAL_SECONDS: 'YYYY-MM-DDTHH:mm:ss', DATETIME_LOCAL_MS: 'YYYY-MM-DDTHH:mm:ss.SSS', DATE: 'YYYY-MM-DD', TIME: 'HH:mm', TIME_SECONDS: 'HH:mm:ss', TIME_MS: 'HH:mm:ss.SSS', WEEK: 'GGGG-[W]WW', MONTH: 'YYYY-MM' };
moment.version = '2.30.1';
moment.RFC_2822 = function () {};
moment.localeData = function () { return LOCALE_DATA; };
moment.lang = moment.locale;
moment.langData = moment.localeData;
moment.parseTwoDigitYear = function (input) { var n = parseInt(input, 10); return n + (n > 68 ? 1900 : 2000); };
moment.relativeTimeRounding = function (fn) { return fn === undefined ? Math.round : false; };
moment.calendarFormat = function (m, now) {
  var diff = m.diff(now, 'days', true);
  return diff < -6 ? 'sameElse' : diff < -1 ? 'lastWeek' : diff < 0 ? 'lastDay' : diff < 1 ? 'sameDay' : diff < 2 ? 'nextDay' : diff < 7 ? 'nextWeek' : 'sameElse';
};
moment.updateOffset = function () {};
moment.momentProperties = [];
moment.suppressDeprecationWarnings = false;
moment.deprecationHandler = null;
moment.createFromInputFallback = function (config) { config._d = new Date(config._i); };
moment.fn = proto;
moment.prototype = proto;

// moment's own fields that scripts sometimes read
Object.defineProperty(proto, '_d', { get: function () { return new Date(this._t); }, configurable: true });
Object.defineProperty(proto, '_isUTC', { get: function () { return this._utc; }, configurable: true });
Object.defineProperty(proto, '_isValid', { get: function () { return this.isValid(); }, configurable: true });
// A member moment has but this module does not is a located "not supported" error, on instances too.
var sandbox = require('#sandbox');
Object.setPrototypeOf(proto, sandbox.strict({}, 'moment()'));
Object.setPrototypeOf(Duration.prototype, sandbox.strict({}, 'moment.duration()'));
module.exports = sandbox.strict(moment, 'moment');
