// Node's assert module (https://nodejs.org/api/assert.html), with the generated messages of the
// assert package Newman's sandbox bundles (Node 12's wording): ok, equal/notEqual,
// strictEqual/notStrictEqual, deepEqual/notDeepEqual, deepStrictEqual/notDeepStrictEqual, throws,
// doesNotThrow, rejects, match, fail, ifError, and AssertionError with Node's fields (actual,
// expected, operator, generatedMessage, code 'ERR_ASSERTION').
'use strict';
var util = require('util');
var hasOwn = Object.prototype.hasOwnProperty;

function AssertionError(options) {
  options = options || {};
  var message = options.message !== undefined ? String(options.message)
    : util.inspect(options.actual) + ' ' + (options.operator || '==') + ' ' + util.inspect(options.expected);
  var e = new Error(message);
  Object.setPrototypeOf(e, AssertionError.prototype);
  e.generatedMessage = options.message === undefined;
  e.code = 'ERR_ASSERTION';
  e.actual = options.actual;
  e.expected = options.expected;
  e.operator = options.operator;
  return e;
}
AssertionError.prototype = Object.create(Error.prototype);
AssertionError.prototype.constructor = AssertionError;
AssertionError.prototype.name = 'AssertionError';

function fail(actual, expected, message, operator, dflt) {
  if (message instanceof Error) throw message;
  var e = new AssertionError({ actual: actual, expected: expected, operator: operator, message: message !== undefined ? message : dflt });
  e.generatedMessage = message === undefined;
  throw e;
}
function looseDeepEqual(a, b, seen) {
  if (a == b) return true; // eslint-disable-line eqeqeq
  if (a !== a && b !== b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  seen = seen || [];
  for (var s = 0; s < seen.length; s++) if (seen[s][0] === a && seen[s][1] === b) return true;
  seen.push([a, b]);
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(function (k) { return hasOwn.call(b, k) && looseDeepEqual(a[k], b[k], seen); });
}
function ok(value, message) {
  if (!value) fail(value, true, message, '==', arguments.length ? util.inspect(value) + ' == true' : 'No value argument passed to `assert.ok()`');
}
function assert(value, message) { if (!value) fail(value, true, message, '==', arguments.length ? util.inspect(value) + ' == true' : 'No value argument passed to `assert.ok()`'); }
// "+ actual - expected" as the bundled assert prints it; a caret marks the first difference of
// two one-line values.
function diff(header, a, b) {
  var la = util.inspect(a).split('\n'), lb = util.inspect(b).split('\n');
  var out = header + '\n+ actual - expected\n\n' + la.map(function (l) { return '+ ' + l; }).join('\n') + '\n' + lb.map(function (l) { return '- ' + l; }).join('\n');
  if (la.length === 1 && lb.length === 1) {
    var i = 0;
    while (i < la[0].length && la[0][i] === lb[0][i]) i++;
    out += '\n' + new Array(i + 3).join(' ') + '^';
  }
  return out;
}
assert.ok = ok;
assert.AssertionError = AssertionError;
assert.fail = function (message) {
  if (arguments.length >= 2) return fail(arguments[0], arguments[1], arguments[2], arguments[3] || '!=');
  fail(undefined, undefined, message, 'fail', 'Failed');
};
assert.equal = function (a, b, m) { if (!(a == b || (a !== a && b !== b))) fail(a, b, m, '=='); }; // eslint-disable-line eqeqeq
assert.notEqual = function (a, b, m) { if (a == b || (a !== a && b !== b)) fail(a, b, m, '!='); }; // eslint-disable-line eqeqeq
assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', 'Expected values to be strictly equal:\n\n' + util.inspect(a) + ' !== ' + util.inspect(b) + '\n'); };
assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + util.inspect(b)); };
assert.deepEqual = function (a, b, m) { if (!looseDeepEqual(a, b)) fail(a, b, m, 'deepEqual', 'Expected values to be loosely deep-equal:\n\n' + util.inspect(a) + '\n\nshould equal\n\n' + util.inspect(b)); };
assert.notDeepEqual = function (a, b, m) { if (looseDeepEqual(a, b)) fail(a, b, m, 'notDeepEqual', 'Expected "actual" not to be loosely deep-equal to:\n\n' + util.inspect(b)); };
assert.deepStrictEqual = function (a, b, m) { if (!util._deepStrictEqual(a, b)) fail(a, b, m, 'deepStrictEqual', diff('Expected values to be strictly deep-equal:', a, b)); };
assert.notDeepStrictEqual = function (a, b, m) { if (util._deepStrictEqual(a, b)) fail(a, b, m, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + util.inspect(b)); };
function matchesExpected(err, expected) {
  if (expected === undefined) return true;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return expected.call({}, err) === true;
  }
  if (expected instanceof RegExp) return expected.test(String(err));
  if (typeof expected === 'object' && expected !== null) {
    return Object.keys(expected).every(function (k) {
      var want = expected[k], got = err == null ? undefined : err[k];
      return want instanceof RegExp && typeof got === 'string' ? want.test(got) : util._deepStrictEqual(got, want);
    });
  }
  return false;
}
assert.throws = function (fn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  var threw = false, err;
  try { fn(); } catch (e) { threw = true; err = e; }
  if (!threw) fail(undefined, expected, 'Missing expected exception' + (message ? ': ' + message : '.'), 'throws');
  if (!matchesExpected(err, expected)) {
    if (typeof expected === 'function' && !(expected.prototype !== undefined && err instanceof expected) && (expected === Error || Error.isPrototypeOf(expected))) throw err;
    fail(err, expected, message, 'throws', 'The error did not match the expected value');
  }
};
assert.doesNotThrow = function (fn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  try { fn(); } catch (e) {
    if (expected === undefined || matchesExpected(e, expected)) fail(e, expected, message, 'doesNotThrow', 'Got unwanted exception' + (message ? ': ' + message : '.') + '\nActual message: "' + (e && e.message) + '"');
    throw e;
  }
};
assert.rejects = function (promiseOrFn, expected, message) {
  var p = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
  return Promise.resolve(p).then(function () { fail(undefined, expected, message, 'rejects', 'Missing expected rejection.'); },
    function (e) { if (!matchesExpected(e, expected)) fail(e, expected, message, 'rejects', 'The error did not match the expected value'); });
};
assert.doesNotReject = function (promiseOrFn, message) {
  var p = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
  return Promise.resolve(p).then(function () {}, function (e) { fail(e, undefined, message, 'doesNotReject', 'Got unwanted rejection.\nActual message: "' + (e && e.message) + '"'); });
};
assert.match = function (s, re, m) { if (typeof s !== 'string' || !re.test(s)) fail(s, re, m, 'match', 'The input did not match the regular expression ' + String(re) + '. Input:\n\n' + util.inspect(s) + '\n'); };
assert.doesNotMatch = function (s, re, m) { if (typeof s === 'string' && re.test(s)) fail(s, re, m, 'doesNotMatch', 'The input was expected to not match the regular expression ' + String(re) + '. Input:\n\n' + util.inspect(s) + '\n'); };
assert.ifError = function (v) {
  if (v === null || v === undefined) return;
  var text = v instanceof Error || (v && typeof v.message === 'string') ? v.message : util.inspect(v);
  var e = new AssertionError({ actual: v, expected: null, operator: 'ifError', message: 'ifError got unwanted exception: ' + text });
  e.generatedMessage = false;
  throw e;
};
assert.strict = assert;
module.exports = assert;
