// cheerio 0.22 (as Postman bundles it), read-only: load(html) → $, selections with cheerio's
// traversal and reading methods, element objects with name/attribs/children/parent/data.
// Parsing and selector matching are Python's (host_html.py: lxml and cssselect); methods
// that change the document are located "not supported" errors.
var sandbox = require('#sandbox');
var host = sandbox.host;

var MUTATORS = ['append', 'appendTo', 'prepend', 'prependTo', 'after', 'insertAfter', 'before', 'insertBefore',
  'remove', 'replaceWith', 'empty', 'wrap', 'css', 'addClass', 'removeClass', 'toggleClass', 'removeAttr', 'clone'];

function Doc(id, xml) { this.id = id; this.xml = xml; this.cache = {}; }
Doc.prototype.elements = function (ids) {
  var self = this, missing = ids.filter(function (i) { return !self.cache[i]; });
  if (missing.length) {
    host('html.info', this.id, missing).forEach(function (info) { self.cache[info.id] = new Node(self, info); });
  }
  return ids.map(function (i) { return self.cache[i]; });
};

// An element (or text/comment) node, as cheerio's DOM gives it to .each() and [i]
function Node(doc, info) {
  Object.defineProperty(this, '__doc', { value: doc });
  Object.defineProperty(this, '__id', { value: info.id });
  this.type = info.type;
  if (info.type === 'text' || info.type === 'comment') {
    this.data = info.data;
  } else {
    this.name = info.name;
    this.attribs = info.attribs;
  }
}
function related(name, fn) {
  Object.defineProperty(Node.prototype, name, { configurable: true, get: fn });
}
related('tagName', function () { return this.name; });
related('nodeType', function () { return this.type === 'text' ? 3 : this.type === 'comment' ? 8 : 1; });
related('children', function () { return this.__doc.elements(host('html.contents', this.__doc.id, [this.__id])); });
related('childNodes', function () { return this.children; });
related('firstChild', function () { return this.children[0] || null; });
related('lastChild', function () { var c = this.children; return c[c.length - 1] || null; });
related('parent', function () {
  if (this.type === 'text') return null;
  var ids = host('html.parent', this.__doc.id, [this.__id], null);
  return ids.length ? this.__doc.elements(ids)[0] : null;
});
related('parentNode', function () { return this.parent; });
related('next', function () { var ids = host('html.next', this.__doc.id, [this.__id], null, false); return ids.length ? this.__doc.elements(ids)[0] : null; });
related('prev', function () { var ids = host('html.prev', this.__doc.id, [this.__id], null, false); return ids.length ? this.__doc.elements(ids)[0] : null; });
related('nextSibling', function () { return this.next; });
related('previousSibling', function () { return this.prev; });

function isNode(x) { return x instanceof Node; }
function selectorArg(s) { return s === undefined || s === null ? null : String(s); }

function Selection(doc, nodes, root) {
  Object.defineProperty(this, '__doc', { value: doc });
  Object.defineProperty(this, '__root', { value: root });
  for (var i = 0; i < nodes.length; i++) this[i] = nodes[i];
  this.length = nodes.length;
}
var P = Selection.prototype;
P.cheerio = '[cheerio object]';
P._ids = function () { var out = []; for (var i = 0; i < this.length; i++) out.push(this[i].__id); return out; };
P._make = function (ids) { return new Selection(this.__doc, this.__doc.elements(ids), this.__root); };
P._elementIds = function () {
  var out = [];
  for (var i = 0; i < this.length; i++) if (this[i].type !== 'text' && this[i].type !== 'comment') out.push(this[i].__id);
  return out;
};
P[Symbol.iterator] = Array.prototype[Symbol.iterator];

// ---- traversal ----
P.find = function (selector) {
  if (isNode(selector) || selector instanceof Selection) {
    var wanted = selector instanceof Selection ? selector._ids() : [selector.__id];
    var inside = host('html.select', this.__doc.id, '*', this._elementIds());
    return this._make(wanted.filter(function (id) { return inside.indexOf(id) !== -1; }));
  }
  return this._make(host('html.select', this.__doc.id, String(selector), this._elementIds()));
};
P.children = function (selector) { return this._make(host('html.children', this.__doc.id, this._elementIds(), selectorArg(selector))); };
P.contents = function () { return this._make(host('html.contents', this.__doc.id, this._elementIds())); };
P.parent = function (selector) { return this._make(host('html.parent', this.__doc.id, this._elementIds(), selectorArg(selector))); };
P.parents = function (selector) { return this._make(host('html.parents', this.__doc.id, this._elementIds(), selectorArg(selector))); };
P.closest = function (selector) { return this._make(host('html.closest', this.__doc.id, this._elementIds(), String(selector))); };
P.next = function (selector) { return this._make(host('html.next', this.__doc.id, this._elementIds(), selectorArg(selector), false)); };
P.nextAll = function (selector) { return this._make(host('html.next', this.__doc.id, this._elementIds(), selectorArg(selector), true)); };
P.prev = function (selector) { return this._make(host('html.prev', this.__doc.id, this._elementIds(), selectorArg(selector), false)); };
P.prevAll = function (selector) { return this._make(host('html.prev', this.__doc.id, this._elementIds(), selectorArg(selector), true)); };
P.siblings = function (selector) { return this._make(host('html.siblings', this.__doc.id, this._elementIds(), selectorArg(selector))); };
P.first = function () { return this._make(this.length ? [this[0].__id] : []); };
P.last = function () { return this._make(this.length ? [this[this.length - 1].__id] : []); };
P.eq = function (i) { i = +i; if (i < 0) i += this.length; return this._make(this[i] ? [this[i].__id] : []); };
P.slice = function (start, end) { return this._make(Array.prototype.slice.call(this._ids(), start, end)); };
P.get = function (i) {
  if (i === undefined) return this.toArray();
  return i < 0 ? this[this.length + i] : this[i];
};
P.toArray = function () { return Array.prototype.slice.call(this); };
P.index = function (target) {
  if (target === undefined) {
    if (!this.length) return -1;
    var siblings = this.parent().length ? this.parent().children() : new Selection(this.__doc, [], this.__root);
    return siblings._ids().indexOf(this[0].__id);
  }
  var ids = this._ids(), id = typeof target === 'string' ? null : (target instanceof Selection ? target[0] && target[0].__id : target.__id);
  if (id === null) return host('html.select', this.__doc.id, target, null).indexOf(ids[0]);
  return ids.indexOf(id);
};
P.end = function () { return this; };
P.add = function (other) {
  var ids = this._ids().concat(typeof other === 'string' ? host('html.select', this.__doc.id, other, null) :
    other instanceof Selection ? other._ids() : [other.__id]);
  return this._make(ids.filter(function (id, i) { return ids.indexOf(id) === i; }).sort(function (a, b) { return a - b; }));
};

// ---- filtering ----
function predicate(sel, self, keep) {
  if (typeof sel === 'function') {
    var ids = [];
    for (var i = 0; i < self.length; i++) if (!!sel.call(self[i], i, self[i]) === keep) ids.push(self[i].__id);
    return self._make(ids);
  }
  if (sel instanceof Selection || isNode(sel)) {
    var wanted = sel instanceof Selection ? sel._ids() : [sel.__id];
    return self._make(self._ids().filter(function (id) { return (wanted.indexOf(id) !== -1) === keep; }));
  }
  return self._make(host('html.filter', self.__doc.id, self._ids(), String(sel), keep));
}
P.filter = function (sel) { return predicate(sel, this, true); };
P.not = function (sel) { return predicate(sel, this, false); };
P.is = function (sel) { return this.filter(sel).length > 0; };
P.has = function (sel) { return this._make(host('html.has', this.__doc.id, this._elementIds(), String(sel))); };

// ---- iteration ----
P.each = function (fn) {
  for (var i = 0; i < this.length; i++) if (fn.call(this[i], i, this[i]) === false) break;
  return this;
};
P.map = function (fn) {
  var out = [];
  for (var i = 0; i < this.length; i++) {
    var v = fn.call(this[i], i, this[i]);
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) out.push.apply(out, v); else out.push(v);
  }
  return new ValueList(out);
};
// What .map() returns: cheerio wraps the values; .get() and .toArray() give the plain array.
function ValueList(values) {
  for (var i = 0; i < values.length; i++) this[i] = values[i];
  this.length = values.length;
}
ValueList.prototype.get = function (i) { return i === undefined ? this.toArray() : this[i < 0 ? this.length + i : i]; };
ValueList.prototype.toArray = function () { return Array.prototype.slice.call(this); };
ValueList.prototype.join = function (sep) { return this.toArray().join(sep); };
ValueList.prototype[Symbol.iterator] = Array.prototype[Symbol.iterator];

// ---- reading ----
P.text = function (value) {
  if (value !== undefined) throw sandbox.unsupported('cheerio .text(value) is not supported (the document is read-only here)');
  return host('html.text', this.__doc.id, this._ids());
};
P.html = function (value) {
  if (value !== undefined) throw sandbox.unsupported('cheerio .html(value) is not supported (the document is read-only here)');
  return host('html.html', this.__doc.id, this._ids(), false);
};
P.toString = function () { return host('html.html', this.__doc.id, this._ids(), true); };
P.attr = function (name, value) {
  if (value !== undefined || (name && typeof name === 'object')) {
    throw sandbox.unsupported('cheerio .attr(name, value) is not supported (the document is read-only here)');
  }
  var el = this[0];
  if (!el || !el.attribs) return undefined;
  if (name === undefined) return Object.assign({}, el.attribs);
  return Object.prototype.hasOwnProperty.call(el.attribs, name) ? el.attribs[name] : undefined;
};
P.prop = function (name) {
  var el = this[0];
  if (!el) return undefined;
  if (name === 'tagName' || name === 'nodeName') return el.name ? el.name.toUpperCase() : undefined;
  if (name === 'outerHTML') return this.first().toString();
  if (name === 'innerHTML') return this.html();
  if (name === 'textContent' || name === 'innerText') return this.text();
  if (name === 'checked' || name === 'selected' || name === 'disabled') return !!(el.attribs && name in el.attribs);
  return this.attr(name);
};
P.data = function (name) {
  var el = this[0];
  if (!el || !el.attribs) return undefined;
  var out = {};
  Object.keys(el.attribs).forEach(function (k) {
    if (k.indexOf('data-') !== 0) return;
    var key = k.slice(5).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); }), raw = el.attribs[k], v = raw;
    if (raw === 'true') v = true;
    else if (raw === 'false') v = false;
    else if (raw === 'null') v = null;
    else if (raw !== '' && String(+raw) === raw) v = +raw;
    else if (/^(?:\{[\w\W]*\}|\[[\w\W]*\])$/.test(raw)) { try { v = JSON.parse(raw); } catch (e) { v = raw; } }
    out[key] = v;
  });
  return name === undefined ? out : out[String(name).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })];
};
P.val = function (value) {
  if (value !== undefined) throw sandbox.unsupported('cheerio .val(value) is not supported (the document is read-only here)');
  var v = host('html.val', this.__doc.id, this._ids());
  return v === null ? undefined : v;
};
P.hasClass = function (name) {
  for (var i = 0; i < this.length; i++) {
    var cls = this[i].attribs && this[i].attribs['class'];
    if (cls && (' ' + cls.replace(/\s+/g, ' ') + ' ').indexOf(' ' + name + ' ') !== -1) return true;
  }
  return false;
};
P.serializeArray = function () {
  throw sandbox.unsupported('cheerio .serializeArray is not supported');
};
MUTATORS.forEach(function (name) {
  P[name] = function () { throw sandbox.unsupported('cheerio .' + name + '() is not supported (the document is read-only here)'); };
});

function wrapList(doc, list, root) {
  return new Selection(doc, list.filter(isNode), root);
}

function load(content, options) {
  options = options || {};
  var markup = content instanceof Selection ? content.toString() : isNode(content) ? '' : String(content === undefined || content === null ? '' : content);
  var doc = new Doc(host('html.load', markup, !!options.xmlMode || !!options.xml), !!options.xmlMode);
  var rootSel = new Selection(doc, [], null);
  var $ = function (selector, context) {
    if (selector === undefined || selector === null || selector === '') return new Selection(doc, [], rootSel);
    if (selector instanceof Selection) return selector;
    if (isNode(selector)) return new Selection(selector.__doc, [selector], rootSel);
    if (Array.isArray(selector)) return wrapList(doc, selector, rootSel);
    var text = String(selector);
    if (/^\s*</.test(text)) {
      var fragment = load(text, options);
      return fragment.root().children();
    }
    if (context !== undefined) {
      var scope = typeof context === 'string' ? $(context) : context instanceof Selection ? context : $(context);
      return scope.find(text);
    }
    return new Selection(doc, doc.elements(host('html.select', doc.id, text, null)), rootSel);
  };
  $.html = function (sel) {
    if (sel === undefined) return host('html.html', doc.id, null, true);
    return (sel instanceof Selection ? sel : $(sel)).toString();
  };
  $.xml = function (sel) { return $.html(sel); };
  $.text = function (sel) {
    if (sel === undefined) return host('html.text', doc.id, host('html.contents', doc.id, [0]));
    return (sel instanceof Selection ? sel : $(sel)).text();
  };
  $.root = function () { return new Selection(doc, doc.elements([0]), rootSel); };
  $.contains = function (container, contained) {
    return $(container).find(contained).length > 0;
  };
  $.load = load;
  $.fn = P;
  return $;
}

module.exports = {
  load: load,
  html: function (sel) { return sel instanceof Selection ? sel.toString() : ''; },
  text: function (sel) { return sel instanceof Selection ? sel.text() : ''; },
  contains: function (container, contained) {
    return isNode(container) && isNode(contained) && container.__doc === contained.__doc &&
      host('html.select', container.__doc.id, '*', [container.__id]).indexOf(contained.__id) !== -1;
  },
  prototype: P
};
