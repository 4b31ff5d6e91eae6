// The sandbox's module loader: `require()`, the library globals, and the bridge to Python.
//
// Evaluated once per JavaScript context, before pm.js. sandbox.py sets first:
//   __lib_index    lib/index.json: { "modules": {name: {...}}, "globals": {name: "module" | "module:member"},
//                  "aliases": {name: name}, "preload": [...] } plus "files": the lib/*.js file names
//                  (fileName = require name with '/' -> '__', no .js)
//   __lib_source   fileName -> source text, called on a module's first require; or, where the
//                  engine cannot call Python under a time bound, __lib_sources: {fileName: source}
// and registers __host(name, argsJson) -> resultJson when the engine can call Python (host.py).
//
// A module is a CommonJS body evaluated lazily, on the first require() of it or the first read of
// one of its globals, as (function (module, exports, require) { ... }). Its exports are cached for
// the life of the context (one run), so an item pays for a library once.
//
// Modules may also require('#sandbox') (user scripts cannot) for:
//   unsupported(message)      a located "not supported" item error, recorded even if caught
//   strict(object, path)      a proxy that reports unknown members as not supported
//   host(name, arg, ...)      calls host.py's HOST[name](*args) synchronously; plain data only
//   timers                    the event's timer queue (setTimeout, ...), see below
//
// pm.js calls __sandbox_loader.install(G, hooks) before every script, which (re)defines `require`
// and the lazy globals (pm.js deletes script-made globals between scripts).
(function (G) {
  'use strict';
  var LIBRARY_LINE = 100000;
  var hasOwn = Object.prototype.hasOwnProperty;
  var PARSE = JSON.parse, STRINGIFY = JSON.stringify;
  var TABLE = PARSE(G.__lib_index || '{"modules": {}, "globals": {}, "aliases": {}}');
  // Module sources: all at once (__lib_sources, JSON), or one by one on first require
  // (__lib_source(fileName) -> text or null), which spares a run the libraries it does not use.
  var SOURCES = G.__lib_sources ? PARSE(G.__lib_sources) : null;
  var SOURCE = typeof G.__lib_source === 'function' ? G.__lib_source : null;
  var FILES = Object.create(null);
  (TABLE.files || []).forEach(function (f) { FILES[f] = true; });
  delete G.__lib_index;
  delete G.__lib_sources;
  delete G.__lib_source;
  var HOST = typeof G.__host === 'function' ? G.__host : null;
  delete G.__host;
  // Library lines start at LIBRARY_LINE so that pm.js never takes a library frame for a user line.
  var PAD = new Array(LIBRARY_LINE).join('\n');
  var cache = Object.create(null);
  var hooks = {
    unsupported: function (message) { var e = new Error(message); e.name = 'UnsupportedError'; return e; },
    strict: function (obj) { return obj; }
  };

  function fileName(name) { return name.split('/').join('__'); }

  function canonical(name) {
    name = String(name);
    if (name.slice(0, 5) === 'node:') name = name.slice(5);
    return hasOwn.call(TABLE.aliases || {}, name) ? TABLE.aliases[name] : name;
  }

  function available(name) {
    var file = fileName(canonical(name));
    return SOURCES ? hasOwn.call(SOURCES, file) : FILES[file] === true;
  }
  function sourceOf(id) {
    if (!available(id)) return undefined;
    var file = fileName(id);
    if (SOURCES) return SOURCES[file];
    var text = SOURCE(file);
    return typeof text === 'string' ? text : undefined;
  }

  function host(name) {
    if (HOST === null) {
      throw hooks.unsupported(String(name).split('.')[0] + ' is not supported with this build of the JavaScript engine ' +
        '(it cannot call Python under a time limit; reinstall quickjs-ng)', true);
    }
    var args = Array.prototype.slice.call(arguments, 1);
    var answer = PARSE(HOST(String(name), STRINGIFY(args)));
    if (hasOwn.call(answer, 'ok')) return answer.ok;
    if (answer.unsupported) throw hooks.unsupported(answer.error, true);
    var Ctor = G[answer.type] && typeof G[answer.type] === 'function' ? G[answer.type] : Error;
    throw new Ctor(answer.error);
  }

  // ---------- timers: the queue that sandbox.py's event loop drains after each script -----
  // A callback runs through pm.js's settle(): an error in it fails the pm.test that was open
  // (waiting for done) when the timer was set, if it still is, else the script.
  var timerState = { seq: 0, queue: [] };

  function callerLine() {
    var re = /<input>:(\d+)/g, m, stack = String(new Error().stack);
    while ((m = re.exec(stack)) !== null) {
      var n = +m[1];
      if (n < LIBRARY_LINE) return n > 1 ? n - 1 : null; // the script wrapper takes line 1
    }
    return null;
  }
  function addTimer(kind, fn, delay, args, repeat) {
    if (typeof fn !== 'function') {
      throw new TypeError('The "callback" argument of ' + kind + ' must be of type function. Received ' +
        (fn === null ? 'null' : typeof fn));
    }
    var ms = Number(delay);
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1; // as Node does
    var entry = { id: ++timerState.seq, kind: kind, fn: fn, args: args, line: callerLine(),
      test: hooks.openTest ? hooks.openTest() : null, immediate: kind === 'setImmediate',
      every: repeat ? ms : null, due: kind === 'setImmediate' ? 0 : Date.now() + ms };
    timerState.queue.push(entry);
    return entry.id;
  }
  function clearTimer(id) {
    if (id === null || id === undefined) return;
    var key = typeof id === 'object' && id !== null && typeof id[Symbol.toPrimitive] === 'function' ? +id : id;
    timerState.queue = timerState.queue.filter(function (e) { return e.id !== key; });
  }
  function nextTimer() {
    var best = null;
    timerState.queue.forEach(function (e) {
      if (best === null || (e.immediate && !best.immediate) ||
          (e.immediate === best.immediate && (e.due < best.due || (e.due === best.due && e.id < best.id)))) best = e;
    });
    return best;
  }
  // As in Postman's sandbox, a timer takes (callback, delay): further arguments are not passed on.
  var timers = {
    setTimeout: function setTimeout(fn, delay) { return addTimer('setTimeout', fn, delay, [], false); },
    setInterval: function setInterval(fn, delay) { return addTimer('setInterval', fn, delay, [], true); },
    setImmediate: function setImmediate(fn) { return addTimer('setImmediate', fn, 0, [], false); },
    clearTimeout: function clearTimeout(id) { clearTimer(id); },
    clearInterval: function clearInterval(id) { clearTimer(id); },
    clearImmediate: function clearImmediate(id) { clearTimer(id); }
  };
  // What sandbox.py's event loop needs next: null, or {kind, line, in: ms until it is due}.
  function timerInfo() {
    var e = nextTimer();
    return e === null ? null : { kind: e.kind, line: e.line, in: e.immediate ? 0 : Math.max(0, e.due - Date.now()) };
  }
  // pm.js's status JSON plus the next timer, so that one call tells sandbox.py what to do next
  function withTimer(statusJson) {
    if (timerState.queue.length === 0) return statusJson;
    var status = PARSE(statusJson);
    status.timer = timerInfo();
    return STRINGIFY(status);
  }
  var timerLoop = {
    reset: function () { timerState.queue = []; },
    exec: function (index) { timerState.queue = []; return withTimer(G.__pm_exec(index)); },
    deliver: function (id, answer) { return withTimer(G.__pm_deliver(id, answer)); },
    status: function () { return withTimer(G.__pm_status()); },
    // runs the next callback (sandbox.py waited until it is due)
    fire: function () {
      var e = nextTimer();
      if (e === null) return withTimer(G.__pm_status());
      if (e.every !== null) e.due = Date.now() + e.every;
      else timerState.queue.splice(timerState.queue.indexOf(e), 1);
      return withTimer(hooks.settle(e.test, e.fn, e.args));
    }
  };

  var internal = {
    unsupported: function (message) { return hooks.unsupported(message, true); },
    strict: function (obj, path) { return hooks.strict(obj, path); },
    host: host,
    timers: timers
  };

  function load(name, fromLibrary) {
    var id = canonical(name);
    if (fromLibrary && id === '#sandbox') return internal;
    if (id in cache) return cache[id].exports;
    var source = sourceOf(id);
    if (source === undefined) throw hooks.unsupported('require(\'' + String(name) + '\') is not supported', true);
    var module = { id: id, exports: {}, loaded: false };
    cache[id] = module; // a require cycle sees the partial exports, as in Node
    try {
      var body = (0, eval)(PAD + '(function (module, exports, require) {' + source + '\n})');
      body.call(module.exports, module, module.exports, libraryRequire);
    } catch (e) {
      delete cache[id];
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }
  function libraryRequire(name) { return load(name, true); }
  function userRequire(name) {
    if (typeof name !== 'string') throw new TypeError('require() needs a module name (a string), got ' + typeof name);
    return load(name, false);
  }

  function globalValue(spec) {
    var at = spec.indexOf(':');
    var exports = load(at < 0 ? spec : spec.slice(0, at), true);
    return at < 0 ? exports : exports[spec.slice(at + 1)];
  }

  // One descriptor per library global, made once: pm.js deletes script-era globals after every
  // event, so install() puts these back before each script, and that should cost next to nothing.
  var LAZY = null;
  function lazyDescriptors() {
    var out = [];
    Object.keys(TABLE.globals || {}).forEach(function (name) {
      var spec = TABLE.globals[name];
      if (!available(spec.split(':')[0])) return;
      out.push([name, {
        configurable: true,
        enumerable: false,
        get: function () {
          var value = globalValue(spec);
          Object.defineProperty(G, name, { value: value, writable: true, configurable: true, enumerable: false });
          return value;
        },
        set: function (v) { Object.defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: false }); }
      }]);
    });
    return out;
  }

  // As in Postman's sandbox, an error serialises to its type, name and message.
  Object.defineProperty(Error.prototype, 'toJSON', {
    configurable: true, writable: true, enumerable: false,
    value: function () { return { type: 'Error', name: this.name, message: this.message }; }
  });

  var loader = {
    // hooks from pm.js: unsupported(message, precise) -> Error (records the failure), strict(obj, path),
    // openTest() -> the pm.test waiting for done, settle(test, fn, args) -> status JSON
    install: function (target, given) {
      hooks = given;
      target.require = userRequire;
      // Modules that install themselves (Sugar's prototype methods) load with the context.
      (TABLE.preload || []).forEach(function (name) { if (available(name) && !(name in cache)) load(name, true); });
      if (LAZY === null) LAZY = lazyDescriptors();
      for (var i = 0; i < LAZY.length; i++) Object.defineProperty(target, LAZY[i][0], LAZY[i][1]);
      return userRequire;
    },
    available: available,
    table: TABLE,
    timers: timerLoop
  };
  Object.freeze(timerLoop);
  Object.freeze(loader);
  Object.defineProperty(G, '__sandbox_loader', { value: loader, writable: false, configurable: false, enumerable: false });
})(globalThis);
