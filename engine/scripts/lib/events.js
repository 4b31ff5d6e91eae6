// Node's events module (https://nodejs.org/api/events.html): EventEmitter with on/once/off,
// prepend variants, emit, listeners, listenerCount, eventNames, max listeners; an 'error' event
// without a listener throws, as in Node.
'use strict';
function EventEmitter() { EventEmitter.init.call(this); }
EventEmitter.defaultMaxListeners = 10;
EventEmitter.init = function () {
  if (!this._events || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); this._eventsCount = 0; }
  this._maxListeners = this._maxListeners || undefined;
};
function listenersOf(em, name) { if (!em._events) EventEmitter.init.call(em); return em._events[name] || (em._events[name] = []); }
function addListener(em, name, fn, prepend, once) {
  if (typeof fn !== 'function') throw new TypeError('The "listener" argument must be of type function. Received ' + (fn === null ? 'null' : typeof fn));
  if (em._events && em._events.newListener && em._events.newListener.length) em.emit('newListener', name, fn);
  var list = listenersOf(em, name), entry = { fn: fn, once: once };
  if (prepend) list.unshift(entry); else list.push(entry);
  return em;
}
var P = EventEmitter.prototype;
P.on = P.addListener = function (n, f) { return addListener(this, n, f, false, false); };
P.prependListener = function (n, f) { return addListener(this, n, f, true, false); };
P.once = function (n, f) { return addListener(this, n, f, false, true); };
P.prependOnceListener = function (n, f) { return addListener(this, n, f, true, true); };
P.off = P.removeListener = function (n, f) {
  var list = this._events && this._events[n];
  if (!list) return this;
  for (var i = list.length - 1; i >= 0; i--) if (list[i].fn === f) { list.splice(i, 1); if (this._events.removeListener) this.emit('removeListener', n, f); break; }
  if (!list.length) delete this._events[n];
  return this;
};
P.removeAllListeners = function (n) { if (!this._events) return this; if (n === undefined) this._events = Object.create(null); else delete this._events[n]; return this; };
P.emit = function (n) {
  var args = Array.prototype.slice.call(arguments, 1), list = this._events && this._events[n];
  if (!list || !list.length) {
    if (n === 'error') { var er = args[0]; if (er instanceof Error) throw er; var e = new Error('Unhandled error.' + (er === undefined ? '' : ' (' + er + ')')); e.context = er; throw e; }
    return false;
  }
  var self = this;
  list.slice().forEach(function (entry) {
    if (entry.once) self.removeListener(n, entry.fn);
    entry.fn.apply(self, args);
  });
  return true;
};
P.listeners = function (n) { return ((this._events && this._events[n]) || []).map(function (e) { return e.fn; }); };
P.rawListeners = P.listeners;
P.listenerCount = function (n) { return ((this._events && this._events[n]) || []).length; };
P.eventNames = function () { return this._events ? Object.keys(this._events) : []; };
P.setMaxListeners = function (n) { this._maxListeners = n; return this; };
P.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.listenerCount = function (em, n) { return em.listenerCount(n); };
EventEmitter.once = function (em, n) { return new Promise(function (resolve) { em.once(n, function () { resolve(Array.prototype.slice.call(arguments)); }); }); };
module.exports = EventEmitter;
