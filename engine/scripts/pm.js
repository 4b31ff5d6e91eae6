// The pm API and the legacy Postman globals, evaluated once per JavaScript context.
//
// Protocol with sandbox.py (all data crosses as JSON strings):
//   __pm_begin()        reads globalThis.__pm_input, resets per-run state and stray globals
//   __pm_exec(i)        runs script i in its own function scope; returns a status JSON
//   __pm_take()         returns the pm.sendRequest calls queued so far (JSON list)
//   __pm_deliver(id, r) calls the callback of request id with Python's answer; returns a status JSON
//   __pm_end()          returns the outcome JSON (tests, console, scopes, request, ...)
// Library lines are pushed far down (sandbox.py prepends blank lines) so that a stack frame
// with a small line number always belongs to a user script.
(function (G) {
  'use strict';
  var LIBRARY_LINE = 100000;
  var hasOwn = Object.prototype.hasOwnProperty;
  var S = null; // per-run state

  // ---------- errors -------------------------------------------------------------------
  function AssertionError(message) {
    var e = new Error(message);
    Object.setPrototypeOf(e, AssertionError.prototype);
    return e;
  }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.name = 'AssertionError';
  AssertionError.prototype.constructor = AssertionError;

  function userLine(stack) {
    var re = /<input>:(\d+)/g, m;
    while ((m = re.exec(String(stack || ''))) !== null) {
      var n = +m[1];
      if (n < LIBRARY_LINE) return n > 1 ? n - 1 : null; // the wrapper takes line 1
    }
    return null;
  }

  // Something the sandbox does not provide: remembered even if the script catches it.
  // `precise` marks a call site: QuickJS knows the caller's line there, which it does not
  // know reliably inside a property-read trap.
  function unsupported(message, precise) {
    var e = new Error(message);
    e.name = 'UnsupportedError';
    if (S && !S.fatal) S.fatal = { message: message, line: precise ? userLine(e.stack) : null };
    else if (S && precise && S.fatal.message === message && S.fatal.line === null) S.fatal.line = userLine(e.stack);
    return e;
  }

  // Stands in for an unknown member: reading through it is harmless (the failure is already
  // recorded), calling it throws with the caller's line.
  function poison(message) {
    var fail = function () { throw unsupported(message, true); };
    return new Proxy(function () {}, {
      get: function (t, p) {
        if (p === Symbol.toPrimitive) return function () { return '[' + message + ']'; };
        return typeof p === 'symbol' ? undefined : poison(message);
      },
      apply: fail,
      construct: fail
    });
  }

  var PASS = { toJSON: 1, then: 1, constructor: 1, toString: 1, valueOf: 1, inspect: 1,
    length: 1, prototype: 1, __proto__: 1, hasOwnProperty: 1, asymmetricMatch: 1,
    nodeType: 1, $$typeof: 1, _isMockFunction: 1, '@@__IMMUTABLE_ITERABLE__@@': 1 };

  // A proxy that turns a read of an unknown member into a recorded "not supported" failure.
  function strict(obj, path) {
    return new Proxy(obj, {
      get: function (t, p, r) {
        if (typeof p === 'symbol' || p in t || hasOwn.call(PASS, p)) return Reflect.get(t, p, r);
        var message = path + '.' + p + ' is not supported';
        unsupported(message, false);
        return poison(message);
      }
    });
  }

  function errorText(e) {
    if (e instanceof Error) {
      var msg = String(e.message).replace(/^'(.+)' is not defined$/, '$1 is not defined');
      return e.name === 'AssertionError' ? msg : e.name + ': ' + msg;
    }
    return 'Uncaught ' + inspect(e);
  }

  // ---------- formatting ---------------------------------------------------------------
  function typeOf(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    var t = typeof v;
    if (t !== 'object') return t;
    if (v instanceof RegExp) return 'regexp';
    if (v instanceof Date) return 'date';
    if (v instanceof Error) return 'error';
    if (typeof Map !== 'undefined' && v instanceof Map) return 'map';
    if (typeof Set !== 'undefined' && v instanceof Set) return 'set';
    if (typeof Promise !== 'undefined' && v instanceof Promise) return 'promise';
    return 'object';
  }

  function inspect(v, depth) {
    depth = depth || 0;
    switch (typeOf(v)) {
      case 'string': return "'" + v + "'";
      case 'function': return '[Function' + (v.name ? ': ' + v.name : '') + ']';
      case 'regexp': return String(v);
      case 'date': return isNaN(v) ? 'Invalid Date' : v.toISOString();
      case 'error': return '[' + v.name + ': ' + v.message + ']';
      case 'array': {
        if (!v.length) return '[]';
        if (depth > 2) return '[Array]';
        var s = '[ ' + v.map(function (x) { return inspect(x, depth + 1); }).join(', ') + ' ]';
        return s.length > 40 && depth === 0 ? '[ Array(' + v.length + ') ]' : s;
      }
      case 'object': {
        if (v instanceof PmResponse) return 'response';
        var keys = Object.keys(v);
        if (!keys.length) return '{}';
        if (depth > 2) return '[Object]';
        var o = '{ ' + keys.map(function (k) {
          var name = /^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'";
          return name + ': ' + inspect(v[k], depth + 1);
        }).join(', ') + ' }';
        if (o.length <= 40 || depth > 0) return o;
        return '{ Object (' + keys.slice(0, 2).join(', ') + (keys.length > 2 ? ', ...' : '') + ') }';
      }
      default: return String(v);
    }
  }

  function logText(v) {
    if (typeof v === 'string') return v;
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return String(v);
    if (v instanceof Error) return v.name + ': ' + v.message;
    try {
      var s = JSON.stringify(v);
      return s === undefined ? String(v) : s;
    } catch (e) {
      return inspect(v);
    }
  }

  // ---------- equality -----------------------------------------------------------------
  function deepEqual(a, b) {
    if (a === b) return true;
    if (a !== a && b !== b) return true; // NaN
    var ta = typeOf(a), tb = typeOf(b);
    if (ta !== tb || a === null || b === null || typeof a !== 'object') return false;
    if (ta === 'date') return a.getTime() === b.getTime();
    if (ta === 'regexp') return String(a) === String(b);
    if (ta === 'array') {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
      return true;
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var j = 0; j < ka.length; j++) {
      if (!hasOwn.call(b, ka[j]) || !deepEqual(a[ka[j]], b[ka[j]])) return false;
    }
    return true;
  }
  function same(a, b) { return a === b || (a !== a && b !== b); }

  // ---------- chai-style expect --------------------------------------------------------
  var CHAINS = ['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at',
    'of', 'same', 'but', 'does', 'still', 'also'];
  var ASSERT_PASS = { then: 1, toJSON: 1, inspect: 1, constructor: 1, __s: 1, __proto__: 1,
    asymmetricMatch: 1, nodeType: 1, $$typeof: 1, length: 1, name: 1 };
  var assertionTraps = {
    get: function (t, p, r) {
      if (typeof p === 'symbol' || p in t || hasOwn.call(ASSERT_PASS, p)) return Reflect.get(t, p, r);
      throw new Error('Invalid Chai property: ' + p);
    }
  };

  function Assertion(obj, msg) {
    this.__s = { obj: obj, msg: msg, neg: false, deep: false, contains: false, own: false,
      nested: false, any: false, lengthMode: false };
    return new Proxy(this, assertionTraps);
  }
  var A = Assertion.prototype;

  A._assert = function (ok, positive, negative) {
    var s = this.__s;
    if (s.neg ? ok : !ok) {
      var text = s.neg ? negative : positive;
      throw AssertionError(s.msg ? s.msg + ': ' + text : text);
    }
    return this;
  };
  A._fail = function (text) {
    throw AssertionError(this.__s.msg ? this.__s.msg + ': ' + text : text);
  };

  function getter(names, fn) {
    names.forEach(function (n) {
      Object.defineProperty(A, n, { get: fn, configurable: true });
    });
  }
  function method(names, fn) {
    names.forEach(function (n) { A[n] = fn; });
  }
  // A chainable method works both as `.include('x')` and as `.include.members([...])`.
  function chainable(names, fn, chain) {
    getter(names, function () {
      var self = this;
      chain.call(self);
      var f = function () { return fn.apply(self, arguments); };
      Object.setPrototypeOf(f, self);
      return f;
    });
  }

  getter(CHAINS, function () { return this; });
  getter(['not'], function () { this.__s.neg = !this.__s.neg; return this; });
  getter(['deep'], function () { this.__s.deep = true; return this; });
  getter(['own'], function () { this.__s.own = true; return this; });
  getter(['nested'], function () { this.__s.nested = true; return this; });
  getter(['any'], function () { this.__s.any = true; return this; });
  getter(['all'], function () { this.__s.any = false; return this; });

  function article(t) { return /^[aeiou]/.test(t) ? 'an ' : 'a '; }
  chainable(['a', 'an'], function (type, msg) {
    if (msg) this.__s.msg = msg;
    var want = String(type).toLowerCase(), got = typeOf(this.__s.obj), me = inspect(this.__s.obj);
    return this._assert(got === want, 'expected ' + me + ' to be ' + article(want) + want,
      'expected ' + me + ' not to be ' + article(want) + want);
  }, function () {});

  // Postman's chai additions (chai-postman in Newman 6.2.2): each first asserts what it was given
  function isResponse(o) { return o instanceof PmResponse; }
  function isRequest(o) { return o instanceof PmRequest; }
  function responseGuard(self) {
    var o = self.__s.obj;
    if (!isResponse(o)) throw AssertionError('expecting a postman response object but got ' + inspect(o));
    return o;
  }
  getter(['postmanRequest'], function () {
    var o = this.__s.obj;
    return this._assert(isRequest(o), 'expecting a postman request object but got ' + inspect(o),
      'not expecting a postman request object');
  });
  getter(['postmanResponse'], function () {
    var o = this.__s.obj;
    return this._assert(isResponse(o), 'expecting a postman response object but got ' + inspect(o),
      'not expecting a postman response object');
  });
  getter(['postmanRequestOrResponse'], function () {
    var o = this.__s.obj;
    return this._assert(isResponse(o) || isRequest(o), 'expecting a postman request or response object but got ' + inspect(o),
      'not expecting a postman request or response object');
  });
  function classCheck(self, want) {
    var res = responseGuard(self), got = Math.floor(res.code / 100);
    return self._assert(got === want, 'expected response code to be ' + want + 'XX but found ' + res.code,
      'expected response code to not be ' + want + 'XX');
  }
  method(['statusCodeClass'], function (n) { return classCheck(this, n); });
  [['info', 1], ['success', 2], ['redirection', 3], ['clientError', 4], ['serverError', 5]].forEach(function (pair) {
    getter([pair[0]], function () { return classCheck(this, pair[1]); });
  });
  getter(['error'], function () {
    var res = responseGuard(this), got = Math.floor(res.code / 100);
    return this._assert(got === 4 || got === 5, 'expected response code to be 4XX or 5XX but found ' + res.code,
      'expected response code to not be 4XX or 5XX');
  });
  function reasonAndCode(self, reason, code) {
    var res = responseGuard(self), got = String(res.status).toUpperCase();
    self._assert(got === reason, 'expected response to have status reason ' + inspect(reason) + ' but got ' + inspect(got),
      'expected response to not have status reason ' + inspect(got));
    return self._assert(res.code === code, 'expected response to have status code ' + code + ' but got ' + res.code,
      'expected response to not have status code ' + res.code);
  }
  // the names and codes chai-postman checks (its notAcceptable expects the reason "Acceptable")
  [['accepted', 202, 'Accepted'], ['withoutContent', 204, 'No Content'], ['badRequest', 400, 'Bad Request'],
    ['unauthorised', 401, 'Unauthorised'], ['unauthorized', 401, 'Unauthorized'], ['forbidden', 403, 'Forbidden'],
    ['notFound', 404, 'Not Found'], ['notAcceptable', 406, 'Acceptable'], ['rateLimited', 429, 'Too Many Requests']
  ].forEach(function (t) {
    getter([t[0]], function () { return reasonAndCode(this, t[2].toUpperCase(), t[1]); });
  });
  getter(['withBody'], function () {
    var res = responseGuard(this);
    return this._assert(res._body.length > 0, 'expected response to have content in body',
      'expected response to not have content in body');
  });
  function jsonError(res) {
    try { JSON.parse(res._body); return null; } catch (e) { return e.name + ': ' + e.message; }
  }
  getter(['json'], function () {
    var res = responseGuard(this), err = jsonError(res);
    return this._assert(!err, 'expected response body to be a valid json but got error ' + err,
      'expected response body not to be a valid json');
  });

  getter(['ok'], function () {
    var o = this.__s.obj;
    if (isResponse(o)) return reasonAndCode(this, 'OK', 200);
    return this._assert(!!o, 'expected ' + inspect(o) + ' to be truthy', 'expected ' + inspect(o) + ' to be falsy');
  });
  function valueGetter(name, test, word) {
    getter([name], function () {
      var me = inspect(this.__s.obj);
      return this._assert(test(this.__s.obj), 'expected ' + me + ' to be ' + word, 'expected ' + me + ' to not be ' + word);
    });
  }
  valueGetter('true', function (v) { return v === true; }, 'true');
  valueGetter('false', function (v) { return v === false; }, 'false');
  valueGetter('null', function (v) { return v === null; }, 'null');
  valueGetter('undefined', function (v) { return v === undefined; }, 'undefined');
  valueGetter('NaN', function (v) { return typeof v === 'number' && v !== v; }, 'NaN');
  valueGetter('finite', function (v) { return typeof v === 'number' && isFinite(v); }, 'a finite number');
  getter(['exist', 'exists'], function () {
    var me = inspect(this.__s.obj);
    return this._assert(this.__s.obj != null, 'expected ' + me + ' to exist', 'expected ' + me + ' to not exist');
  });
  getter(['empty'], function () {
    var o = this.__s.obj, me = inspect(o), n, t = typeOf(o);
    if (t === 'string' || t === 'array') n = o.length;
    else if (t === 'map' || t === 'set') n = o.size;
    else if (t === 'object') n = Object.keys(o).length;
    else throw new TypeError('.empty was passed non-string primitive ' + me);
    return this._assert(n === 0, 'expected ' + me + ' to be empty', 'expected ' + me + ' not to be empty');
  });

  method(['equal', 'equals', 'eq'], function (v, msg) {
    if (msg) this.__s.msg = msg;
    if (this.__s.deep) return this.eql(v);
    var o = this.__s.obj;
    return this._assert(same(o, v), 'expected ' + inspect(o) + ' to equal ' + inspect(v),
      'expected ' + inspect(o) + ' to not equal ' + inspect(v));
  });
  method(['eql', 'eqls'], function (v, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj;
    return this._assert(deepEqual(o, v), 'expected ' + inspect(o) + ' to deeply equal ' + inspect(v),
      'expected ' + inspect(o) + ' to not deeply equal ' + inspect(v));
  });

  function sizeOf(o) {
    var t = typeOf(o);
    if (t === 'map' || t === 'set') return o.size;
    if (o == null || o.length === undefined) throw AssertionError('expected ' + inspect(o) + ' to have property \'length\'');
    return o.length;
  }
  function compare(names, word, test) {
    method(names, function (n, msg) {
      if (msg) this.__s.msg = msg;
      var o = this.__s.obj, me = inspect(o);
      if (this.__s.lengthMode) {
        var len = sizeOf(o);
        return this._assert(test(len, n), 'expected ' + me + ' to have a length ' + word + ' ' + n + ' but got ' + len,
          'expected ' + me + ' to not have a length ' + word + ' ' + n);
      }
      if (typeof o !== 'number' && !(o instanceof Date)) this._fail('expected ' + me + ' to be a number or a date');
      return this._assert(test(o, n), 'expected ' + me + ' to be ' + word + ' ' + inspect(n),
        'expected ' + me + ' to be ' + (word === 'above' ? 'at most' : word === 'below' ? 'at least' : 'not ' + word) + ' ' + inspect(n));
    });
  }
  compare(['above', 'gt', 'greaterThan'], 'above', function (a, b) { return a > b; });
  compare(['below', 'lt', 'lessThan'], 'below', function (a, b) { return a < b; });
  compare(['least', 'gte', 'greaterThanOrEqual'], 'at least', function (a, b) { return a >= b; });
  compare(['most', 'lte', 'lessThanOrEqual'], 'at most', function (a, b) { return a <= b; });
  method(['within'], function (lo, hi, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj, me = inspect(o), range = lo + '..' + hi;
    if (this.__s.lengthMode) {
      var len = sizeOf(o);
      return this._assert(len >= lo && len <= hi, 'expected ' + me + ' to have a length within ' + range,
        'expected ' + me + ' to not have a length within ' + range);
    }
    if (typeof o !== 'number' && !(o instanceof Date)) this._fail('expected ' + me + ' to be a number or a date');
    return this._assert(o >= lo && o <= hi, 'expected ' + me + ' to be within ' + range,
      'expected ' + me + ' to not be within ' + range);
  });
  method(['closeTo', 'approximately'], function (v, delta, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj, me = inspect(o);
    if (typeof o !== 'number') this._fail('expected ' + me + ' to be a number');
    return this._assert(Math.abs(o - v) <= delta, 'expected ' + me + ' to be close to ' + v + ' +/- ' + delta,
      'expected ' + me + ' not to be close to ' + v + ' +/- ' + delta);
  });

  chainable(['length', 'lengthOf'], function (n, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj, me = inspect(o), len = sizeOf(o);
    return this._assert(len === n, 'expected ' + me + ' to have a length of ' + n + ' but got ' + len,
      'expected ' + me + ' to not have a length of ' + n);
  }, function () { this.__s.lengthMode = true; });

  function contains(o, v, deep) {
    var t = typeOf(o);
    if (t === 'string') return o.indexOf(v) !== -1;
    if (t === 'array') return o.some(function (x) { return deep ? deepEqual(x, v) : same(x, v); });
    if (t === 'set') return deep ? Array.from(o).some(function (x) { return deepEqual(x, v); }) : o.has(v);
    if (t === 'map') return Array.from(o.values()).some(function (x) { return deep ? deepEqual(x, v) : same(x, v); });
    if (t === 'object' && v !== null && typeof v === 'object') {
      return Object.keys(v).every(function (k) {
        return k in o && (deep ? deepEqual(o[k], v[k]) : same(o[k], v[k]));
      });
    }
    throw AssertionError('object tested must be an array, a map, an object, a set, or a string, but ' + t + ' given');
  }
  chainable(['include', 'includes', 'contain', 'contains'], function (v, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj, me = inspect(o), d = this.__s.deep ? 'deep ' : '';
    return this._assert(contains(o, v, this.__s.deep), 'expected ' + me + ' to ' + d + 'include ' + inspect(v),
      'expected ' + me + ' to not ' + d + 'include ' + inspect(v));
  }, function () { this.__s.contains = true; });

  method(['oneOf'], function (list, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj, deep = this.__s.deep;
    var ok = list.some(function (x) { return deep ? deepEqual(x, o) : same(x, o); });
    return this._assert(ok, 'expected ' + inspect(o) + ' to be one of ' + inspect(list),
      'expected ' + inspect(o) + ' to not be one of ' + inspect(list));
  });

  function parsePath(path) {
    var parts = [];
    String(path).replace(/\[(\d+)\]|\[["']([^"']*)["']\]|([^.[\]]+)/g, function (m, i, q, k) {
      parts.push(i !== undefined ? +i : q !== undefined ? q : k);
      return m;
    });
    return parts;
  }
  function lookup(obj, parts) {
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined) return { found: false };
      var box = Object(cur);
      if (!(parts[i] in box)) return { found: false };
      cur = box[parts[i]];
    }
    return { found: true, value: cur };
  }
  method(['property'], function (name, value, msg) {
    if (msg) this.__s.msg = msg;
    var s = this.__s, o = s.obj, me = inspect(o), found, actual;
    if (s.nested) {
      var hit = lookup(o, parsePath(name));
      found = hit.found; actual = hit.value;
    } else if (o === null || o === undefined) {
      this._fail('expected ' + me + ' to have property ' + inspect(name));
    } else {
      found = s.own ? hasOwn.call(o, name) : name in Object(o);
      actual = found ? o[name] : undefined;
    }
    var what = (s.deep ? 'deep ' : '') + (s.nested ? 'nested ' : '') + (s.own ? 'own ' : '') + 'property ' + inspect(name);
    if (arguments.length > 1) {
      var eq = found && (s.deep ? deepEqual(actual, value) : same(actual, value));
      this._assert(eq, 'expected ' + me + ' to have ' + what + ' of ' + inspect(value) + ', but got ' + inspect(actual),
        'expected ' + me + ' to not have ' + what + ' of ' + inspect(value));
    } else {
      this._assert(found, 'expected ' + me + ' to have ' + what, 'expected ' + me + ' to not have ' + what);
    }
    if (found && !s.neg) s.obj = actual;
    return this;
  });
  method(['ownProperty', 'haveOwnProperty'], function () {
    this.__s.own = true;
    return this.property.apply(this, arguments);
  });
  method(['nestedProperty'], function () {
    this.__s.nested = true;
    return this.property.apply(this, arguments);
  });

  method(['match', 'matches'], function (re, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj;
    return this._assert(re.test(o), 'expected ' + inspect(o) + ' to match ' + re,
      'expected ' + inspect(o) + ' not to match ' + re);
  });
  method(['string'], function (sub, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj;
    if (typeof o !== 'string') this._fail('expected ' + inspect(o) + ' to be a string');
    return this._assert(o.indexOf(sub) !== -1, 'expected ' + inspect(o) + ' to contain ' + inspect(sub),
      'expected ' + inspect(o) + ' to not contain ' + inspect(sub));
  });
  method(['keys', 'key'], function (first) {
    var s = this.__s, o = s.obj, want;
    if (Array.isArray(first)) want = first;
    else if (first && typeof first === 'object') want = Object.keys(first);
    else want = Array.prototype.slice.call(arguments);
    var t = typeOf(o);
    var have = t === 'map' || t === 'set' ? Array.from(o.keys()) : Object.keys(Object(o));
    var present = want.filter(function (k) { return have.indexOf(String(k)) !== -1 || have.indexOf(k) !== -1; });
    var ok;
    if (s.any) ok = present.length > 0;
    else if (s.contains) ok = present.length === want.length;
    else ok = present.length === want.length && have.length === want.length;
    var label = (s.any ? 'any of ' : s.contains ? '' : '') + (want.length > 1 ? 'keys ' : 'key ') +
      want.map(function (k) { return inspect(k); }).join(', ');
    var verb = s.contains && !s.any ? 'contain ' : 'have ';
    return this._assert(ok, 'expected ' + inspect(o) + ' to ' + verb + label,
      'expected ' + inspect(o) + ' to not ' + verb + label);
  });
  method(['members'], function (list, msg) {
    if (msg) this.__s.msg = msg;
    var s = this.__s, o = s.obj;
    if (!Array.isArray(o)) this._fail('expected ' + inspect(o) + ' to be an array');
    var has = function (arr, x) { return arr.some(function (y) { return s.deep ? deepEqual(x, y) : same(x, y); }); };
    var subset = list.every(function (x) { return has(o, x); });
    var ok = s.contains ? subset : subset && o.length === list.length && o.every(function (x) { return has(list, x); });
    var what = s.contains ? 'be a superset of ' : 'have the same ' + (s.deep ? 'deep ' : '') + 'members as ';
    return this._assert(ok, 'expected ' + inspect(o) + ' to ' + what + inspect(list),
      'expected ' + inspect(o) + ' to not ' + what + inspect(list));
  });
  method(['instanceof', 'instanceOf'], function (C, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj, name = (C && C.name) || 'the constructor';
    return this._assert(o instanceof C, 'expected ' + inspect(o) + ' to be an instance of ' + name,
      'expected ' + inspect(o) + ' to not be an instance of ' + name);
  });
  method(['satisfy', 'satisfies'], function (fn, msg) {
    if (msg) this.__s.msg = msg;
    var o = this.__s.obj;
    return this._assert(!!fn(o), 'expected ' + inspect(o) + ' to satisfy ' + inspect(fn),
      'expected ' + inspect(o) + ' to not satisfy ' + inspect(fn));
  });
  method(['throw', 'throws', 'Throw'], function (expected, msg) {
    var fn = this.__s.obj, thrown = null, did = false;
    if (typeof fn !== 'function') this._fail('expected ' + inspect(fn) + ' to be a function');
    try { fn(); } catch (e) { did = true; thrown = e; }
    var ok = did, what = 'to throw an error';
    if (did && expected !== undefined) {
      var text = thrown instanceof Error ? thrown.message : String(thrown);
      if (typeof expected === 'string') { ok = text.indexOf(expected) !== -1; what = 'to throw error including ' + inspect(expected); }
      else if (expected instanceof RegExp) { ok = expected.test(text); what = 'to throw error matching ' + expected; }
      else if (typeof expected === 'function') { ok = thrown instanceof expected; what = 'to throw ' + (expected.name || 'error'); }
    }
    if (msg !== undefined && did && ok) {
      var t2 = thrown instanceof Error ? thrown.message : String(thrown);
      ok = msg instanceof RegExp ? msg.test(t2) : t2.indexOf(msg) !== -1;
      what = 'to throw error including ' + inspect(msg);
    }
    return this._assert(ok, 'expected ' + inspect(fn) + ' ' + what, 'expected ' + inspect(fn) + ' to not ' + what.slice(3));
  });

  // Postman's response assertions (pm.response.to.have.status(200), pm.expect(pm.response)...).
  method(['status'], function (want) {
    var res = responseGuard(this);
    if (typeof want === 'number') {
      return this._assert(res.code === want, 'expected response to have status code ' + want + ' but got ' + res.code,
        'expected response to not have status code ' + res.code);
    }
    return this._assert(res.status === want, 'expected response to have status reason ' + inspect(want) + ' but got ' + inspect(res.status),
      'expected response to not have status reason ' + inspect(res.status));
  });
  method(['statusCode'], function (want) {
    var res = responseGuard(this);
    return this._assert(res.code === Number(want), 'expected response to have status code ' + Number(want) + ' but got ' + res.code,
      'expected response to not have status code ' + res.code);
  });
  method(['statusReason'], function (want) {
    var res = responseGuard(this);
    want = String(want);
    return this._assert(res.status === want, 'expected response to have status reason ' + inspect(want) + ' but got ' + inspect(res.status),
      'expected response to not have status reason ' + inspect(res.status));
  });
  method(['header'], function (name, value) {
    var o = this.__s.obj;
    if (!isResponse(o) && !isRequest(o)) {
      throw AssertionError('expecting a postman request or response object but got ' + inspect(o));
    }
    var what = isRequest(o) ? 'request' : 'response', has = o.headers.has(name);
    this._assert(has, 'expected ' + what + " to have header with key '" + String(name) + "'",
      'expected ' + what + " to not have header with key '" + String(name) + "'");
    if (arguments.length < 2) return this;
    var got = has ? o.headers.one(name).value : undefined;
    return this._assert(got === value, "expected '" + String(name) + "' " + what + ' header to be ' + inspect(value) + ' but got ' + inspect(got),
      "expected '" + String(name) + "' " + what + ' header to not be ' + inspect(got));
  });
  function isPlainObject(v) {
    if (v === null || typeof v !== 'object') return false;
    var proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
  }
  method(['body'], function (want) {
    var res = responseGuard(this), text = res._body;
    if (isPlainObject(want)) {
      var parsed;
      try { parsed = JSON.parse(text); } catch (e) { parsed = undefined; }
      return this._assert(deepEqual(parsed, want), 'expected response body json to equal ' + inspect(want) + ' but got ' + inspect(parsed),
        'expected response body json to not equal ' + inspect(want) + ' but got ' + inspect(parsed));
    }
    if (arguments.length === 0) {
      return this._assert(text.length > 0, 'expected response to have content in body',
        'expected response to not have content in body');
    }
    if (want instanceof RegExp) {
      return this._assert(want.exec(text) !== null, 'expected response body text to match ' + want + ' but got ' + inspect(text),
        'expected response body text ' + inspect(text) + ' to not match ' + want);
    }
    return this._assert(deepEqual(text, want), 'expected response body to equal ' + inspect(want) + ' but got ' + inspect(text),
      'expected response body to not equal ' + inspect(want));
  });
  // lodash's _.has / _.get, which chai-postman's jsonBody uses: a string path, or a key as it stands
  function pathParts(obj, path) {
    if (Array.isArray(path)) return path.map(String);
    var text = String(path);
    if (obj !== null && obj !== undefined && text in Object(obj)) return [text];
    if (/^\w*$/.test(text) || !/\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/.test(text)) return [text];
    var parts = [];
    if (text.charAt(0) === '.') parts.push('');
    text.replace(/[^.[\]]+|\[(?:([^"'][^[]*)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g,
      function (m, number, quote, sub) { parts.push(quote ? sub.replace(/\\(\\)?/g, '$1') : (number !== undefined ? number.trim() : m)); return m; });
    return parts;
  }
  function lodashHas(obj, path) {
    var parts = pathParts(obj, path), cur = obj;
    if (!parts.length) return false;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined || !hasOwn.call(Object(cur), parts[i])) return false;
      cur = cur[parts[i]];
    }
    return true;
  }
  function lodashGet(obj, path) {
    var parts = pathParts(obj, path), cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined) return undefined;
      cur = cur[parts[i]];
    }
    return parts.length ? cur : undefined;
  }
  method(['jsonBody'], function (path, value) {
    var res = responseGuard(this), parsed, err = null;
    try { parsed = JSON.parse(res._body); } catch (e) { err = e.name + ': ' + e.message; }
    if (arguments.length === 0) {
      return this._assert(!err, 'expected response body to be a valid json but got error ' + err,
        'expected response body not to be a valid json');
    }
    if (typeof path !== 'string') return this; // chai-postman checks nothing for a non-string path
    this._assert(lodashHas(parsed, path), 'expected ' + inspect(parsed) + ' in response to contain property ' + inspect(path),
      'expected ' + inspect(parsed) + ' in response to not contain property ' + inspect(path));
    if (arguments.length < 2) return this;
    var got = lodashGet(parsed, path);
    return this._assert(deepEqual(got, value),
      'expected response body json at "' + path + '" to contain ' + inspect(value) + ' but got ' + inspect(got),
      'expected response body json at "' + path + '" to not contain ' + inspect(value) + ' but got ' + inspect(got));
  });
  // responseTime / responseSize: `.to.have.responseTime.below(300)` or `.responseTime(12)`
  chainable(['responseTime'], function (n) {
    var t = this.__s.obj;
    this._assert(typeof t === 'number', 'expected response to have a valid response time but got ' + inspect(t),
      'expected response to not have a valid response time but got ' + inspect(t));
    if (arguments.length) {
      this._assert(deepEqual(t, n), 'expected response to have a valid response time but got ' + inspect(t),
        'expected response to not have a valid response time but got ' + inspect(t));
    }
    return this;
  }, function () { var res = responseGuard(this); this.__s.obj = res.responseTime; });
  chainable(['responseSize'], function (n) {
    var size = this.__s.obj;
    this._assert(typeof size === 'number', 'expected response to have a valid response size but got ' + inspect(size),
      'expected response to not have a valid response size but got ' + inspect(size));
    if (arguments.length) {
      this._assert(deepEqual(size, n), 'expected response size to equal ' + inspect(size) + ' but got ' + inspect(n),
        'expected response size to not equal ' + inspect(size) + ' but got ' + inspect(n));
    }
    return this;
  }, function () { var res = responseGuard(this), sz = res.size(); this.__s.obj = (sz.header || 0) + (sz.body || 0); });
  // jsonSchema: ajv (the sandbox's, backed by Python's jsonschema) with allErrors, as chai-postman does
  method(['jsonSchema'], function (schema, options) {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      throw AssertionError('expected ' + inspect(schema) + ' to be an object');
    }
    var o = this.__s.obj, data = o;
    if (isResponse(o)) data = o.json();
    var Ajv = S.require ? S.require('ajv') : null;
    if (!Ajv) throw unsupported('to.have.jsonSchema needs the ajv library, which this sandbox lacks', true);
    var ajv = new Ajv(Object.assign({ allErrors: true, logger: false }, options || {}));
    var valid = ajv.validate(schema, data);
    return this._assert(valid && !ajv.errors, 'expected data to satisfy schema but found following errors: \n' + ajv.errorsText(),
      'expected data to not satisfy schema');
  });

  // ---------- variables ----------------------------------------------------------------
  function uuid() {
    var h = '0123456789abcdef', s = '';
    for (var i = 0; i < 36; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) s += '-';
      else if (i === 14) s += '4';
      else if (i === 19) s += h[(Math.random() * 4 | 0) + 8];
      else s += h[Math.random() * 16 | 0];
    }
    return s;
  }
  var DYNAMIC = {
    $guid: uuid, $randomUUID: uuid,
    $timestamp: function () { return String(Math.floor(Date.now() / 1000)); },
    $isoTimestamp: function () { return new Date().toISOString(); },
    $randomInt: function () { return String(Math.floor(Math.random() * 1001)); }
  };
  function substitute(template, find) {
    var text = String(template);
    for (var depth = 0; depth < 20; depth++) {
      var changed = false;
      text = text.replace(/\{\{([^{}]+)\}\}/g, function (m, name) {
        var v = find(name);
        if (v === undefined && hasOwn.call(DYNAMIC, name)) v = DYNAMIC[name]();
        // the faker-backed names, generated by the host for the names the scripts mention
        if (v === undefined && S && hasOwn.call(S.dynamic, name) && S.dynamic[name].length) v = S.dynamic[name].shift();
        if (v === undefined && name.charAt(0) === '$') {
          throw unsupported('{{' + name + '}} is not supported here (an unknown dynamic variable, or more ' +
            'fresh values than the ' + (S.dynamic[name] ? 'prepared ones' : 'script mentions') + ')', true);
        }
        if (v === undefined) return m;
        changed = true;
        return v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      });
      if (!changed) break;
    }
    return text;
  }

  function VariableScope(store, path, readOnly) {
    this._store = store;
    this._path = path;
    this._readOnly = readOnly;
  }
  var V = VariableScope.prototype;
  V._write = function (name) {
    if (this._readOnly) throw unsupported(this._path + '.' + name + ' is not supported: iteration data is read-only', true);
  };
  V.get = function (k) { return hasOwn.call(this._store, k) ? this._store[k] : undefined; };
  V.has = function (k) { return hasOwn.call(this._store, k); };
  V.set = function (k, v) { this._write('set'); this._store[String(k)] = v; };
  V.unset = function (k) { this._write('unset'); delete this._store[k]; };
  V.clear = function () {
    this._write('clear');
    var st = this._store;
    Object.keys(st).forEach(function (k) { delete st[k]; });
  };
  V.toObject = function () { return Object.assign({}, this._store); };
  V.toJSON = function () { return this.toObject(); };
  V.replaceIn = function (t) { var st = this._store; return substitute(t, function (n) { return hasOwn.call(st, n) ? st[n] : undefined; }); };

  function VariablesView() {}
  var VV = VariablesView.prototype;
  VV._find = function (k) {
    for (var i = 0; i < S.precedence.length; i++) {
      var st = S.scopes[S.precedence[i]];
      if (st && hasOwn.call(st, k)) return { found: true, value: st[k] };
    }
    return { found: false };
  };
  VV.get = function (k) { return this._find(k).value; };
  VV.has = function (k) { return this._find(k).found; };
  VV.set = function (k, v) { S.scopes.local[String(k)] = v; };
  VV.unset = function (k) { delete S.scopes.local[k]; };
  VV.clear = function () { S.scopes.local = {}; };
  VV.toObject = function () {
    var out = {};
    S.precedence.slice().reverse().forEach(function (n) { Object.assign(out, S.scopes[n] || {}); });
    return out;
  };
  VV.toJSON = function () { return this.toObject(); };
  VV.replaceIn = function (t) { var self = this; return substitute(t, function (n) { return self._find(n).value; }); };

  // ---------- headers, url, body, request, response ------------------------------------
  function HeaderList(pairs, path, mutable) {
    this._items = pairs.map(function (p) { return { key: String(p[0]), value: String(p[1]) }; });
    this._path = path;
    this._mutable = mutable;
  }
  var H = HeaderList.prototype;
  function lower(s) { return String(s).toLowerCase(); }
  H._check = function (name) { if (!this._mutable) throw unsupported(this._path + '.' + name + ' is not supported', true); };
  H.one = function (name) {
    var k = lower(name);
    for (var i = 0; i < this._items.length; i++) if (lower(this._items[i].key) === k) return this._items[i];
    return undefined;
  };
  H.get = function (name) { var h = this.one(name); return h ? h.value : undefined; };
  H.has = function (name, value) {
    var k = lower(name);
    return this._items.some(function (h) { return lower(h.key) === k && (value === undefined || h.value === String(value)); });
  };
  H.all = function () { return this._items.map(function (h) { return { key: h.key, value: h.value }; }); };
  H.toObject = function () {
    var o = {};
    this._items.forEach(function (h) { o[h.key] = h.value; });
    return o;
  };
  H.toJSON = H.all;
  H.count = function () { return this._items.length; };
  H.idx = function (i) { return this._items[i]; };
  H.each = function (fn) { this.all().forEach(function (h) { fn(h); }); };
  H.map = function (fn) { return this.all().map(function (h) { return fn(h); }); };
  H.filter = function (fn) { return this.all().filter(function (h) { return fn(h); }); };
  H.find = function (fn) { return this.all().filter(function (h) { return fn(h); })[0]; };
  H.toString = function () { return this._items.map(function (h) { return h.key + ': ' + h.value; }).join('\n'); };
  function toHeader(item, value) {
    if (typeof item === 'string') {
      if (value !== undefined) return { key: item, value: String(value) };
      var at = item.indexOf(':');
      return at === -1 ? { key: item.trim(), value: '' } : { key: item.slice(0, at).trim(), value: item.slice(at + 1).trim() };
    }
    if (!item || item.key === undefined) throw new TypeError('a header needs a key, got ' + inspect(item));
    return { key: String(item.key), value: item.value === undefined || item.value === null ? '' : String(item.value), disabled: !!item.disabled };
  }
  H.add = function (item, value) {
    this._check('add');
    var h = toHeader(item, value);
    if (!h.disabled) this._items.push({ key: h.key, value: h.value });
  };
  H.append = H.add;
  H.upsert = function (item, value) {
    this._check('upsert');
    var h = toHeader(item, value), found = this.one(h.key);
    if (found) found.value = h.value;
    else this._items.push({ key: h.key, value: h.value });
  };
  H.remove = function (which) {
    this._check('remove');
    var k = typeof which === 'string' ? lower(which) : null;
    this._items = this._items.filter(function (h) {
      if (typeof which === 'function') return !which(h);
      if (which && typeof which === 'object') return lower(h.key) !== lower(which.key);
      return lower(h.key) !== k;
    });
  };
  H.clear = function () { this._check('clear'); this._items = []; };

  function splitUrl(raw) {
    var m = /^(?:([a-zA-Z][\w+.-]*):\/\/)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(#.*)?$/.exec(raw) || [];
    return { protocol: m[1] || '', authority: m[2] || '', path: m[3] || '', query: m[4], hash: m[5] || '' };
  }
  function QueryList(url) { this._url = url; }
  var Q = QueryList.prototype;
  Q._read = function () {
    var q = splitUrl(this._url._raw).query;
    if (q === undefined || q === '') return [];
    return q.split('&').map(function (part) {
      var at = part.indexOf('=');
      return at === -1 ? { key: part, value: null } : { key: part.slice(0, at), value: part.slice(at + 1) };
    });
  };
  Q._write = function (items) {
    var p = splitUrl(this._url._raw);
    var q = items.map(function (i) { return i.value === null || i.value === undefined ? i.key : i.key + '=' + i.value; }).join('&');
    this._url._raw = (p.protocol ? p.protocol + '://' : '') + p.authority + p.path + (q ? '?' + q : '') + p.hash;
  };
  Q.all = function () { return this._read(); };
  Q.toJSON = Q.all;
  Q.count = function () { return this._read().length; };
  Q.get = function (k) { var f = this._read().filter(function (i) { return i.key === k; })[0]; return f ? f.value : undefined; };
  Q.has = function (k) { return this._read().some(function (i) { return i.key === k; }); };
  Q.toObject = function () { var o = {}; this._read().forEach(function (i) { o[i.key] = i.value; }); return o; };
  Q.each = function (fn) { this._read().forEach(function (i) { fn(i); }); };
  function toParam(item, value) {
    if (typeof item === 'string') {
      if (value !== undefined) return { key: escapeQuery(item, true), value: escapeQuery(String(value), false) };
      var at = item.indexOf('=');
      return at === -1 ? { key: item, value: null } : { key: item.slice(0, at), value: item.slice(at + 1) };
    }
    return { key: escapeQuery(String(item.key), true), value: item.value === null || item.value === undefined
      ? item.value : escapeQuery(String(item.value), false) };
  }
  // A parameter given as key/value must not split the query: & and # (and = in a key) are encoded.
  // A "k=v" string is already query text and stays as written.
  function escapeQuery(text, isKey) {
    return text.replace(isKey ? /[&#=]/g : /[&#]/g, function (c) { return encodeURIComponent(c); });
  }
  Q.add = function (item, value) { var items = this._read(); items.push(toParam(item, value)); this._write(items); };
  Q.upsert = function (item, value) {
    var p = toParam(item, value), items = this._read(), hit = false;
    items.forEach(function (i) { if (i.key === p.key && !hit) { i.value = p.value; hit = true; } });
    if (!hit) items.push(p);
    this._write(items);
  };
  Q.remove = function (k) {
    var key = typeof k === 'object' && k ? k.key : k;
    this._write(this._read().filter(function (i) { return typeof k === 'function' ? !k(i) : i.key !== key; }));
  };
  Q.clear = function () { this._write([]); };

  function PmUrl(raw) { this._raw = String(raw); this.query = strict(new QueryList(this), 'pm.request.url.query'); }
  var U = PmUrl.prototype;
  U.toString = function () { return this._raw; };
  U.toJSON = function () { return this._raw; };
  U.valueOf = function () { return this._raw; };
  U.update = function (raw) { this._raw = String(raw); };
  U.addQueryParams = function (params) {
    var q = this.query;
    (typeof params === 'string' ? params.split('&').filter(Boolean) : [].concat(params || []))
      .forEach(function (p) { q.add(p); });
  };
  U.removeQueryParams = function (keys) {
    var q = this.query;
    [].concat(keys || []).forEach(function (k) { q.remove(k); });
  };
  U.getHost = function () { return splitUrl(this._raw).authority.replace(/^[^@]*@/, '').replace(/:\d+$/, ''); };
  U.getPath = function () { return splitUrl(this._raw).path || '/'; };
  U.getQueryString = function () { return splitUrl(this._raw).query || ''; };
  U.getPathWithQuery = function () { var q = this.getQueryString(); return this.getPath() + (q ? '?' + q : ''); };
  U.getRemote = function () { return splitUrl(this._raw).authority.replace(/^[^@]*@/, ''); };
  Object.defineProperty(U, 'protocol', { get: function () { return splitUrl(this._raw).protocol; } });
  Object.defineProperty(U, 'host', { get: function () { return this.getHost().split('.'); } });
  Object.defineProperty(U, 'path', { get: function () { return this.getPath().split('/').filter(Boolean); } });
  Object.defineProperty(U, 'port', {
    get: function () { var m = /:(\d+)$/.exec(splitUrl(this._raw).authority); return m ? m[1] : undefined; }
  });

  function encodeForm(pairs) {
    return pairs.filter(function (p) { return !p.disabled; }).map(function (p) {
      return encodeURIComponent(p.key) + '=' + encodeURIComponent(p.value === undefined || p.value === null ? '' : p.value);
    }).join('&');
  }
  // Turns a Postman body description into raw text; returns null for "no body".
  function bodyText(body, path) {
    if (body === undefined || body === null) return null;
    if (typeof body === 'string') return body;
    var mode = body.mode || 'raw';
    if (mode === 'raw') return body.raw === undefined || body.raw === null ? '' : String(body.raw);
    if (mode === 'urlencoded') return encodeForm(body.urlencoded || []);
    if (mode === 'graphql') {
      var g = body.graphql || {};
      return JSON.stringify({ query: g.query || '', variables: typeof g.variables === 'string' && g.variables ? JSON.parse(g.variables) : (g.variables || {}) });
    }
    throw unsupported(path + " body mode '" + mode + "' is not supported", true);
  }

  function PmBody(raw) { this.mode = raw === null ? undefined : 'raw'; this.raw = raw === null ? '' : raw; }
  PmBody.prototype.toString = function () { return this.raw === undefined || this.raw === null ? '' : String(this.raw); };
  PmBody.prototype.toJSON = function () { return { mode: this.mode, raw: this.raw }; };
  PmBody.prototype.isEmpty = function () { return !this.raw; };
  PmBody.prototype.update = function (b) {
    var text = bodyText(b, 'pm.request.body.update');
    this.mode = text === null ? undefined : 'raw';
    this.raw = text === null ? '' : text;
  };

  function PmRequest(r) {
    this._url = new PmUrl(r.url);
    this.method = r.method;
    this.headers = strict(new HeaderList(r.headers || [], 'pm.request.headers', true), 'pm.request.headers');
    this._body = new PmBody(r.body === undefined ? null : r.body);
    this._origBodyNull = r.body === null || r.body === undefined;
    this.name = S.info.requestName;
    this.id = S.info.requestId;
  }
  var R = PmRequest.prototype;
  Object.defineProperty(R, 'url', {
    get: function () { return strict(this._url, 'pm.request.url'); },
    set: function (v) { this._url = new PmUrl(v instanceof PmUrl ? v._raw : (v && v.raw !== undefined ? v.raw : v)); }
  });
  Object.defineProperty(R, 'body', {
    get: function () { return strict(this._body, 'pm.request.body'); },
    set: function (v) {
      if (v instanceof PmBody) { this._body = v; return; }
      this._body = new PmBody(null);
      this._body.update(v);
    }
  });
  R.addHeader = function (h, v) { this.headers.add(h, v); };
  R.upsertHeader = function (h, v) { this.headers.upsert(h, v); };
  R.removeHeader = function (h) { this.headers.remove(h); };
  R.getHeaders = function () { return this.headers.toObject(); };
  R.toJSON = function () { return this._plain(); };
  Object.defineProperty(R, 'to', { get: function () { return new Assertion(this).to; } });
  // The request as a collection holds it, for pm.sendRequest(pm.request)
  R._postman = function () {
    var b = this._body, out = { url: this._url._raw, method: String(this.method).toUpperCase(),
      header: this.headers.all() };
    if (b.mode !== undefined) out.body = { mode: 'raw', raw: b.raw };
    return out;
  };
  R._plain = function () {
    var b = this._body, raw = b.raw === undefined || b.raw === null ? '' : String(b.raw);
    return {
      method: String(this.method).toUpperCase(),
      url: this._url._raw,
      headers: this.headers._items.map(function (h) { return [h.key, h.value]; }),
      body: this._origBodyNull && b.mode === undefined && raw === '' ? null : raw
    };
  };

  function PmResponse(r) {
    this.code = r.code;
    this.status = r.status || '';
    this.reason = function () { return r.status || ''; };
    this.headers = strict(new HeaderList(r.headers || [], 'pm.response.headers', false), 'pm.response.headers');
    this._body = r.body === undefined || r.body === null ? '' : String(r.body);
    this.responseTime = r.responseTime;
    this.responseSize = r.size !== undefined ? r.size : utf8Length(this._body);
    this.cookies = strict(new CookieJar(responseCookies(this.headers)), 'pm.response.cookies');
  }
  var P = PmResponse.prototype;
  P.text = function () { return this._body; };
  P.json = function () {
    try { return JSON.parse(this._body); } catch (e) {
      var err = new SyntaxError('pm.response.json(): body is not valid JSON (' + e.message + ')');
      throw err;
    }
  };
  P.size = function () {
    var header = this.headers._items.reduce(function (n, h) { return n + h.key.length + h.value.length + 4; }, 0);
    return { body: this.responseSize, header: header, total: this.responseSize + header };
  };
  P.toJSON = function () { return { code: this.code, status: this.status, body: this._body, responseTime: this.responseTime }; };
  Object.defineProperty(P, 'to', { get: function () { return new Assertion(this).to; } });
  Object.defineProperty(P, 'body', { get: function () { return this._body; } });
  function utf8Length(s) { return unescape(encodeURIComponent(s)).length; }

  function responseCookies(headers) {
    return headers._items.filter(function (h) { return lower(h.key) === 'set-cookie'; }).map(function (h) {
      var first = h.value.split(';')[0], at = first.indexOf('=');
      return { name: first.slice(0, at).trim(), value: first.slice(at + 1).trim() };
    });
  }
  function CookieJar(list) { this._list = list; }
  CookieJar.prototype.get = function (n) { var c = this.one(n); return c ? c.value : undefined; };
  CookieJar.prototype.one = function (n) { return this._list.filter(function (c) { return c.name === n; })[0]; };
  CookieJar.prototype.has = function (n) { return this._list.some(function (c) { return c.name === n; }); };
  CookieJar.prototype.toObject = function () { var o = {}; this._list.forEach(function (c) { o[c.name] = c.value; }); return o; };
  CookieJar.prototype.all = function () { return this._list.map(function (c) { return Object.assign({}, c); }); };
  CookieJar.prototype.count = function () { return this._list.length; };
  CookieJar.prototype.each = function (fn) { this.all().forEach(function (c) { fn(c); }); };
  CookieJar.prototype.toJSON = CookieJar.prototype.all;

  // ---------- the run's cookie jar (pm.cookies.jar(), getResponseCookie) ----------------
  // Python passes the session's cookies in; changes go back as a list applied after the event.
  function cookieObject(c) {
    return { name: c.name, expires: c.expires === undefined ? null : c.expires, maxAge: 0, domain: c.domain,
      path: c.path || '/', secure: !!c.secure, httpOnly: !!c.httpOnly, hostOnly: c.hostOnly !== false, value: c.value };
  }
  function hostOf(url) {
    var m = /^(?:[a-zA-Z][\w+.-]*:\/\/)?(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(String(url || ''));
    return m ? m[1].toLowerCase() : '';
  }
  function pathOf(url) {
    var p = splitUrl(String(url || '')).path;
    return p || '/';
  }
  function domainMatches(host, domain) {
    domain = String(domain || '').replace(/^\./, '').toLowerCase();
    return host === domain || (host.length > domain.length && host.slice(-domain.length - 1) === '.' + domain);
  }
  function pathMatches(reqPath, cookiePath) {
    cookiePath = cookiePath || '/';
    return reqPath === cookiePath || (reqPath.indexOf(cookiePath) === 0 &&
      (cookiePath.slice(-1) === '/' || reqPath.charAt(cookiePath.length) === '/'));
  }
  function urlCookies(url) {
    var host = hostOf(url), path = pathOf(url);
    return S.cookies.filter(function (c) { return domainMatches(host, c.domain) && pathMatches(path, c.path); });
  }
  function later(callback, args) {
    if (typeof callback !== 'function') return;
    Promise.resolve().then(function () { callback.apply(null, args); });
  }
  function RunJar() {}
  RunJar.prototype.get = function (url, name, callback) {
    var c = urlCookies(url).filter(function (x) { return x.name === String(name); })[0];
    later(callback, [null, c ? c.value : undefined]);
  };
  RunJar.prototype.getAll = function (url, options, callback) {
    if (typeof options === 'function') callback = options;
    later(callback, [null, urlCookies(url).map(cookieObject)]);
  };
  RunJar.prototype.set = function (url, name, value, callback) {
    var c;
    if (name && typeof name === 'object') { callback = value; c = name; } else { c = { name: name, value: value }; }
    if (typeof value === 'function' && (name === null || typeof name !== 'object')) { callback = value; c = { name: name, value: '' }; }
    var cookie = { name: String(c.name !== undefined ? c.name : c.key), value: c.value === undefined || c.value === null ? '' : String(c.value),
      domain: c.domain || hostOf(url), path: c.path || '/', secure: !!c.secure, httpOnly: !!c.httpOnly };
    S.cookies = S.cookies.filter(function (x) { return !(x.name === cookie.name && x.domain === cookie.domain && x.path === cookie.path); });
    S.cookies.push(cookie);
    S.jarChanges.push({ op: 'set', cookie: cookie });
    later(callback, [null, cookieObject(cookie)]);
  };
  RunJar.prototype.unset = function (url, name, callback) {
    var host = hostOf(url);
    S.cookies = S.cookies.filter(function (x) {
      var hit = x.name === String(name) && domainMatches(host, x.domain);
      if (hit) S.jarChanges.push({ op: 'unset', cookie: { name: x.name, domain: x.domain, path: x.path } });
      return !hit;
    });
    later(callback, [null]);
  };
  RunJar.prototype.clear = function (url, callback) {
    var host = hostOf(url);
    S.cookies = S.cookies.filter(function (x) {
      var hit = domainMatches(host, x.domain);
      if (hit) S.jarChanges.push({ op: 'unset', cookie: { name: x.name, domain: x.domain, path: x.path } });
      return !hit;
    });
    later(callback, [null]);
  };

  // ---------- pm.sendRequest -----------------------------------------------------------
  // The script's request crosses as Postman-shaped plain data (url, method, header, body, auth as
  // a collection holds them); Python loads, resolves and sends it like an item, so placeholders,
  // variables, auth and masking apply the same way. Nothing is prepared here.
  function plainData(v, depth) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (v === null || typeof v !== 'object') return v;
    if (depth > 20) return null;
    if (v instanceof PmUrl) return v._raw;
    if (v instanceof HeaderList) return v.all();
    if (v instanceof PmBody) return v.toJSON();
    if (typeof v.toJSON === 'function' && !(v instanceof Date)) {
      var j = v.toJSON();
      if (j !== v) return plainData(j, depth + 1);
    }
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(function (x) { var y = plainData(x, depth + 1); return y === undefined ? null : y; });
    var out = {};
    Object.keys(v).forEach(function (k) { var y = plainData(v[k], depth + 1); if (y !== undefined) out[k] = y; });
    return out;
  }
  function postmanShaped(req) {
    if (typeof req === 'string' || req instanceof PmUrl || req instanceof String) return { url: String(req), method: 'GET' };
    if (!req || typeof req !== 'object') throw new TypeError('pm.sendRequest needs a URL or a request object, got ' + inspect(req));
    var r = plainData(req instanceof PmRequest ? req._postman() : req, 0);
    if (r.url === undefined || r.url === null || r.url === '') throw new TypeError('pm.sendRequest: the request has no url');
    if (typeof r.url !== 'string' && typeof r.url !== 'object') r.url = String(r.url);
    var h = r.header !== undefined ? r.header : r.headers;
    delete r.headers;
    if (h && typeof h === 'object' && !Array.isArray(h)) {
      h = Object.keys(h).map(function (k) { return { key: k, value: h[k] === null || h[k] === undefined ? '' : String(h[k]) }; });
    } else if (Array.isArray(h)) {
      h = h.map(function (x) { return typeof x === 'string' ? toHeader(x) : x; });
    }
    if (h !== undefined) r.header = h;
    if (typeof r.body === 'string') r.body = { mode: 'raw', raw: r.body };
    if (r.body && r.body.mode === 'raw' && r.body.raw !== undefined && typeof r.body.raw !== 'string') r.body.raw = JSON.stringify(r.body.raw);
    if (r.method !== undefined) r.method = String(r.method);
    return r;
  }
  // The variables as they stand now: a request sent mid-script sees what the script set so far.
  // A variable's text as `{{name}}` substitutes it (Newman writes undefined and null as "null").
  function scopeText(v) {
    if (typeof v === 'string') return v;
    if (v === undefined || v === null) return 'null';
    return typeof v === 'object' ? logText(v) : String(v);
  }
  function scopeSnapshot() {
    var out = {};
    Object.keys(S.scopes).forEach(function (n) {
      var st = S.scopes[n], o = {};
      Object.keys(st).forEach(function (k) { o[k] = scopeText(st[k]); });
      out[n] = o;
    });
    return out;
  }
  function sendRequest(req, callback) {
    if (!S.canSend) throw unsupported('pm.sendRequest is not supported here (no sender was configured)', true);
    var line = userLine(new Error().stack);
    var entry = { id: S.pending.length + S.sent, request: { request: postmanShaped(req), scopes: scopeSnapshot(),
      line: line }, callback: callback, test: S.currentTest };
    var promise = null;
    if (typeof callback !== 'function') {
      promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
    }
    S.pending.push(entry);
    S.waiting[entry.id] = entry;
    return promise || undefined;
  }

  // ---------- console, base64 ----------------------------------------------------------
  function makeConsole() {
    var c = {};
    ['log', 'info', 'warn', 'error', 'debug'].forEach(function (level) {
      c[level] = function () {
        S.console.push(level + ': ' + Array.prototype.map.call(arguments, logText).join(' '));
      };
    });
    return strict(c, 'console');
  }
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function btoa(input) {
    var s = String(input), out = '';
    for (var i = 0; i < s.length; i += 3) {
      var a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
      if (a > 255 || b > 255 || c > 255) throw new Error('btoa: the string contains characters outside Latin-1');
      var n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += B64[n >> 18 & 63] + B64[n >> 12 & 63] + (i + 1 < s.length ? B64[n >> 6 & 63] : '=') + (i + 2 < s.length ? B64[n & 63] : '=');
    }
    return out;
  }
  function atob(input) {
    var s = String(input).replace(/[\s=]+/g, ''), out = '', bits = 0, acc = 0;
    for (var i = 0; i < s.length; i++) {
      var v = B64.indexOf(s[i]);
      if (v < 0) throw new Error('atob: invalid base64 character ' + inspect(s[i]));
      acc = (acc << 6) | v; bits += 6;
      if (bits >= 8) { bits -= 8; out += String.fromCharCode(acc >> bits & 255); }
    }
    return out;
  }

  // ---------- pm object and legacy globals ---------------------------------------------
  function buildPm() {
    var pm = {};
    pm.info = strict({
      get eventName() { return S.eventName; }, iteration: S.info.iteration, iterationCount: S.info.iterationCount,
      requestName: S.info.requestName, requestId: S.info.requestId
    }, 'pm.info');
    pm.environment = strict(new VariableScope(S.scopes.environment, 'pm.environment', false), 'pm.environment');
    pm.globals = strict(new VariableScope(S.scopes.globals, 'pm.globals', false), 'pm.globals');
    pm.collectionVariables = strict(new VariableScope(S.scopes.collection, 'pm.collectionVariables', false), 'pm.collectionVariables');
    pm.iterationData = strict(new VariableScope(S.scopes.data, 'pm.iterationData', false), 'pm.iterationData');
    pm.variables = strict(new VariablesView(), 'pm.variables');
    pm.request = strict(S.request, 'pm.request');
    if (S.response) pm.response = strict(S.response, 'pm.response');
    var cookies = new CookieJar(urlCookies(S.info.url).map(cookieObject));
    cookies.jar = function () { return strict(new RunJar(), 'pm.cookies.jar()'); };
    pm.cookies = strict(cookies, 'pm.cookies');
    pm.test = function (name, fn) { runTest(String(name), fn); };
    pm.test.skip = function (name) { S.tests.push({ name: String(name), passed: false, message: '', skipped: true }); };
    pm.expect = function (v, msg) { return new Assertion(v, msg); };
    pm.expect.fail = function (msg) { throw AssertionError(msg || 'expect.fail()'); };
    pm.sendRequest = sendRequest;
    pm.execution = strict({
      setNextRequest: setNextRequest,
      skipRequest: function () {
        if (S.event !== 'prerequest') throw unsupported('pm.execution.skipRequest is only supported in pre-request scripts', true);
        S.skipRequest = true;
      },
      location: S.location
    }, 'pm.execution');
    pm.visualizer = strict({ set: function () {}, clear: function () {} }, 'pm.visualizer');
    if (!S.response) pm.response = undefined; // a pre-request script reads undefined, as in Newman
    return strict(pm, 'pm');
  }
  function setNextRequest(name) {
    S.nextRequest = name === null || name === undefined ? null : String(name);
    S.nextSet = true;
  }
  // A test that takes `done` may finish in a pm.sendRequest callback; until then it is open,
  // and an error thrown by a callback fails the newest open test instead of the script.
  function runTest(name, fn) {
    if (typeof fn !== 'function') {
      S.tests.push({ name: name, passed: false, message: 'pm.test needs a function, got ' + inspect(fn), skipped: false });
      return;
    }
    var result = { name: name, passed: true, message: '', skipped: false }, outer = S.currentTest;
    S.tests.push(result);
    S.currentTest = result;
    try {
      if (fn.length > 0) {
        S.openTests.push(result);
        fn(function (err) {
          var at = S.openTests.indexOf(result);
          if (at !== -1) S.openTests.splice(at, 1);
          if (err && result.passed) { result.passed = false; result.message = errorText(err); }
        });
      } else {
        fn();
      }
    } catch (e) {
      var open = S.openTests.indexOf(result);
      if (open !== -1) S.openTests.splice(open, 1);
      result.passed = false;
      result.message = errorText(e);
    } finally {
      S.currentTest = outer;
    }
  }
  function closeOpenTests() {
    S.openTests.forEach(function (t) {
      if (t.passed) { t.passed = false; t.message = 'the test did not call done()'; }
    });
    S.openTests = [];
  }

  function requireStub(name) { throw unsupported('require(' + inspect(String(name)) + ') is not supported', true); }
  var LEGACY_LIBS = ['_', 'CryptoJS', 'tv4', 'cheerio', 'xml2Json', 'Backbone', 'SHA256', 'postman_legacy_string'];

  // Postman's legacy setters store text: a truthy value (or false) becomes its toString()
  function legacyValue(v) {
    return (v === false || v) && typeof (v && v.toString) === 'function' ? v.toString() : v;
  }
  function lowerKeys(o) {
    var out = {};
    Object.keys(o).forEach(function (k) { out[k.toLowerCase()] = o[k]; });
    return out;
  }
  function legacyData(request) {
    var raw = request._body.raw;
    return raw === undefined || raw === null || raw === '' ? {} : raw;
  }
  function legacyGlobals() {
    var env = S.scopes.environment, glob = S.scopes.globals, data = S.scopes.data;
    var legacy = {
      tests: {}, environment: Object.assign({}, env), globals: Object.assign({}, glob),
      data: Object.assign({}, data), iteration: S.info.iteration,
      request: { id: S.info.requestId, name: S.info.requestName, description: S.info.description,
        headers: lowerKeys(S.request.headers.toObject()), method: S.request.method, url: S.request._url._raw,
        data: legacyData(S.request) }
    };
    var postman = {
      setEnvironmentVariable: function (k, v) { v = legacyValue(v); legacy.environment[k] = v; env[String(k)] = v; },
      getEnvironmentVariable: function (k) { return hasOwn.call(env, k) ? env[k] : undefined; },
      clearEnvironmentVariable: function (k) { if (k) delete legacy.environment[k]; delete env[k]; },
      clearEnvironmentVariables: function () {
        Object.keys(legacy.environment).forEach(function (k) { delete legacy.environment[k]; });
        Object.keys(env).forEach(function (k) { delete env[k]; });
      },
      setGlobalVariable: function (k, v) { v = legacyValue(v); legacy.globals[k] = v; glob[String(k)] = v; },
      getGlobalVariable: function (k) { return hasOwn.call(glob, k) ? glob[k] : undefined; },
      clearGlobalVariable: function (k) { if (k) delete legacy.globals[k]; delete glob[k]; },
      clearGlobalVariables: function () {
        Object.keys(legacy.globals).forEach(function (k) { delete legacy.globals[k]; });
        Object.keys(glob).forEach(function (k) { delete glob[k]; });
      },
      setNextRequest: setNextRequest
    };
    if (S.response) {
      var res = S.response, jar = urlCookies(S.info.url);
      legacy.responseBody = res._body;
      legacy.responseCode = { code: res.code, name: res.status, detail: res.status };
      legacy.responseHeaders = res.headers.toObject();
      legacy.responseTime = res.responseTime;
      legacy.responseCookies = jar.map(cookieObject);
      postman.getResponseHeader = function (n) { return res.headers.get(n); };
      // the run's cookie jar for this request's URL, as Newman reads it (not only this Set-Cookie)
      postman.getResponseCookie = function (n) {
        var c = jar.filter(function (x) { return x.name === String(n); })[0];
        return c ? cookieObject(c) : undefined;
      };
    }
    legacy.postman = strict(postman, 'postman');
    return legacy;
  }

  var BASELINE = null;
  var PARSE = JSON.parse, STRINGIFY = JSON.stringify;
  function installGlobals() {
    var legacy = legacyGlobals();
    S.legacyTests = legacy.tests;
    Object.keys(legacy).forEach(function (k) { G[k] = legacy[k]; });
    G.pm = S.pm;
    G.console = S.consoleObj;
    G.require = requireStub;
    G.atob = atob;
    G.btoa = btoa;
    // require.js: require() and the library globals (lazy); names it lacks stay "not supported"
    if (G.__sandbox_loader) S.require = G.__sandbox_loader.install(G, { unsupported: unsupported, strict: strict, openTest: openTest, settle: settle });
    LEGACY_LIBS.forEach(function (name) {
      if (hasOwn.call(G, name)) return;
      Object.defineProperty(G, name, {
        configurable: true,
        get: function () {
          unsupported(name + ' (legacy sandbox library) is not supported', false);
          return poison(name + ' (legacy sandbox library) is not supported');
        },
        set: function (v) { Object.defineProperty(G, name, { value: v, writable: true, configurable: true }); }
      });
    });
  }
  function cleanGlobals() {
    Object.getOwnPropertyNames(G).forEach(function (k) {
      if (!hasOwn.call(BASELINE, k)) { try { delete G[k]; } catch (e) { /* non-configurable: left */ } }
      else if (!same(G[k], BASELINE[k])) { try { G[k] = BASELINE[k]; } catch (e) { /* read-only: unchanged */ } } // `JSON = null`
    });
  }

  // ---------- protocol -----------------------------------------------------------------
  G.__pm_begin = function () {
    var input = PARSE(G.__pm_input);
    delete G.__pm_input;
    cleanGlobals();
    var scopes = {};
    ['globals', 'collection', 'environment', 'data', 'local'].forEach(function (n) {
      scopes[n] = Object.assign({}, (input.scopes || {})[n] || {});
    });
    Object.keys(input.scopes || {}).forEach(function (n) { if (!scopes[n]) scopes[n] = Object.assign({}, input.scopes[n]); });
    S = {
      event: input.event, eventName: input.event, eventNames: input.event_names || [], scripts: input.scripts, scopes: scopes, precedence: input.precedence,
      dynamic: input.dynamic || {},
      info: { iteration: input.iteration, iterationCount: input.iteration_count,
        requestName: input.item_name, requestId: (input.info && input.info.id) || input.item_path,
        description: input.info ? input.info.description : undefined,
        url: (input.info && input.info.url) || (input.request && input.request.url) || '' },
      jarChanges: [],
      // [collection, ...folders, item], as Newman gives it; `current` is the running item's name
      location: strict(Object.assign((input.info && input.info.location) || String(input.item_path).split('/'),
        { current: input.item_name }), 'pm.execution.location'),
      cookies: (input.cookies || []).map(function (c) { return Object.assign({}, c); }),
      canSend: !!input.can_send, tests: [], console: [], fatal: null, openTests: [], currentTest: null,
      nextSet: false, nextRequest: null, skipRequest: false,
      pending: [], waiting: {}, sent: 0
    };
    S.request = new PmRequest(input.request);
    S.response = input.response ? new PmResponse(input.response) : null;
    S.consoleObj = makeConsole();
    S.pm = buildPm();
  };

  function status(error) {
    var out = {};
    if (S.fatal) out.error = S.fatal;
    else if (error !== undefined) out.error = { message: errorText(error), line: userLine(error && error.stack) };
    out.pending = S.pending.length;
    return STRINGIFY(out);
  }
  function collectLegacyTests() {
    var t = S.legacyTests;
    if (!t || typeof t !== 'object') return;
    Object.keys(t).forEach(function (name) {
      S.tests.push({ name: name, passed: !!t[name], skipped: false,
        message: t[name] ? '' : 'tests[' + JSON.stringify(name) + '] is ' + inspect(t[name]) });
    });
    S.legacyTests = null;
  }

  G.__pm_exec = function (index) {
    var thrown;
    if (S.eventNames && S.eventNames[index]) S.eventName = S.eventNames[index];  // v3: each script's own type
    installGlobals();
    try {
      // The wrapper opens on a line of its own: QuickJS only records line numbers for a function
      // whose code spans lines, and this way every statement of the script has one.
      var fn = (0, eval)('(function () {\n' + S.scripts[index] + '\n})');
      fn.call(undefined);
    } catch (e) {
      thrown = e;
    }
    collectLegacyTests();
    return status(thrown);
  };
  G.__pm_status = function () { return status(); };
  G.__pm_take = function () {
    var out = S.pending.map(function (e) { return { id: e.id, request: e.request }; });
    S.sent += S.pending.length;
    S.pending = [];
    return STRINGIFY(out);
  };
  G.__pm_deliver = function (id, answerJson) {
    var entry = S.waiting[id], answer = PARSE(answerJson);
    delete S.waiting[id];
    var err = answer.error !== undefined ? new Error(answer.error) : null;
    var res = answer.response ? strict(new PmResponse(answer.response), 'response') : null;
    return settle(entry.test, function () {
      if (entry.callback) entry.callback(err, res);
      else if (err) entry.reject(err);
      else entry.resolve(res);
    }, []);
  };
  // Timer callbacks (require.js) run like pm.sendRequest callbacks: an error fails the test that
  // was open (waiting for done) when the timer was set, if it still is, else the script.
  function openTest() {
    return S && S.currentTest && S.openTests.indexOf(S.currentTest) !== -1 ? S.currentTest : null;
  }
  function settle(test, fn, args) {
    var thrown, open = test && S.openTests.indexOf(test) !== -1 ? test : null;
    S.currentTest = open;
    try {
      fn.apply(undefined, args);
    } catch (e) {
      if (open && !(e && e.name === 'UnsupportedError')) {
        S.openTests.splice(S.openTests.indexOf(open), 1);
        if (open.passed) { open.passed = false; open.message = errorText(e); }
      } else {
        thrown = e;
      }
    } finally {
      S.currentTest = null;
    }
    collectLegacyTests();
    return status(thrown);
  }
  G.__pm_end = function () {
    closeOpenTests();
    var scopes = {}, typed = {};
    Object.keys(S.scopes).forEach(function (n) {
      var out = {}, kept = {}, st = S.scopes[n];
      Object.keys(st).forEach(function (k) {
        var v = st[k];
        out[k] = scopeText(v);
        // numbers, booleans, null, arrays and objects keep their type for later scripts (as in
        // Newman); undefined reaches later scripts as null, as in Newman
        if (v === undefined) kept[k] = null;
        else if (typeof v !== 'string' && typeof v !== 'function' && typeof v !== 'symbol') kept[k] = v;
      });
      scopes[n] = out;
      typed[n] = kept;
    });
    var result = { tests: S.tests, console: S.console, scopes: scopes, typed: typed, request: S.request._plain(),
      cookie_changes: S.jarChanges,
      skip_request: S.skipRequest };
    if (S.nextSet) result.next_request = S.nextRequest;
    S = null;  // the script's globals stay until the next __pm_begin clears them: once per event
    return STRINGIFY(result);
  };

  BASELINE = {};
  Object.getOwnPropertyNames(G).forEach(function (k) { BASELINE[k] = G[k]; });
})(globalThis);
