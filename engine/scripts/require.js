// The sandbox's module loader: `require()`, the library globals, and the bridge to Python.
//
// Evaluated once per JavaScript context, before pm.js. sandbox.py sets two strings first:
//   __lib_index    lib/index.json: { "modules": {name: {...}}, "globals": {name: "module" | "module:member"},
//                  "aliases": {name: name} }
//   __lib_sources  {fileName: source} for every lib/*.js file (fileName = require name, '/' -> '__')
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
  var SOURCES = PARSE(G.__lib_sources || '{}');
  delete G.__lib_index;
  delete G.__lib_sources;
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
    return hasOwn.call(SOURCES, fileName(canonical(name)));
  }

  function host(name) {
    if (HOST === null) throw hooks.unsupported(name + ' needs the Python host, which this engine does not offer');
    var args = Array.prototype.slice.call(arguments, 1);
    var answer = PARSE(HOST(String(name), STRINGIFY(args)));
    if (hasOwn.call(answer, 'ok')) return answer.ok;
    if (answer.unsupported) throw hooks.unsupported(answer.error);
    var Ctor = G[answer.type] && typeof G[answer.type] === 'function' ? G[answer.type] : Error;
    throw new Ctor(answer.error);
  }

  var internal = {
    unsupported: function (message) { return hooks.unsupported(message, true); },
    strict: function (obj, path) { return hooks.strict(obj, path); },
    host: host,
    timers: null // set by the timers module's owner (pm.js event loop) through install()
  };

  function load(name, fromLibrary) {
    var id = canonical(name);
    if (fromLibrary && id === '#sandbox') return internal;
    if (id in cache) return cache[id].exports;
    var source = hasOwn.call(SOURCES, fileName(id)) ? SOURCES[fileName(id)] : undefined;
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

  function defineLazy(name, spec) {
    Object.defineProperty(G, name, {
      configurable: true,
      enumerable: false,
      get: function () {
        var value = globalValue(spec);
        Object.defineProperty(G, name, { value: value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set: function (v) { Object.defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: false }); }
    });
  }

  G.__sandbox_loader = {
    // hooks: { unsupported(message, precise) -> Error (records the failure), strict(obj, path), timers }
    install: function (target, given) {
      hooks = given;
      if (given.timers) internal.timers = given.timers;
      target.require = userRequire;
      // Modules that install themselves (Sugar's prototype methods) load with the context.
      (TABLE.preload || []).forEach(function (name) { if (available(name) && !(name in cache)) load(name, true); });
      var globals = TABLE.globals || {};
      Object.keys(globals).forEach(function (name) {
        var spec = globals[name];
        if (available(spec.split(':')[0])) defineLazy(name, spec);
      });
      return userRequire;
    },
    available: available,
    table: TABLE
  };
})(globalThis);
