// postman-collection (require('postman-collection')): the classes and helpers scripts use, written
// from the SDK's documentation (https://www.postmanlabs.com/postman-collection/): Property and its
// substitution helpers, PropertyList, Url, QueryParam, Header, Variable, VariableList,
// VariableScope, Request, RequestBody, Response, Cookie, CookieList. Instances are plain
// JavaScript objects; `toJSON()` gives the SDK's JSON shapes.
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var sandbox = require('#sandbox');

function uuid4() {
  var h = '0123456789abcdef', out = '';
  for (var i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-';
    else if (i === 14) out += '4';
    else if (i === 19) out += h[(Math.random() * 4 | 0) + 8];
    else out += h[Math.random() * 16 | 0];
  }
  return out;
}
function inherit(Child, Parent) {
  Child.prototype = Object.create(Parent.prototype);
  Child.prototype.constructor = Child;
  Child.super_ = Parent;
}
function plain(v) {
  if (v && typeof v.toJSON === 'function') return v.toJSON();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

// ---------- substitution ------------------------------------------------------------------
var DYNAMIC = {
  $guid: uuid4,
  $randomUUID: uuid4,
  $timestamp: function () { return String(Math.round(Date.now() / 1000)); },
  $isoTimestamp: function () { return new Date().toISOString(); },
  $randomInt: function () { return String(Math.floor(Math.random() * 1001)); }
};
var MAX_DEPTH = 19;

// Turns the SDK's accepted variable sources (objects, VariableList, VariableScope, arrays of
// them: the first one that has a name wins) into one lookup.
function lookupIn(variables) {
  var sources = Array.isArray(variables) ? variables : [variables];
  return function (name) {
    for (var i = 0; i < sources.length; i++) {
      var src = sources[i];
      if (src == null) continue;
      if (src instanceof VariableScope) src = src.values;
      if (src instanceof PropertyList) {
        var member = src.one(name);
        if (member && !member.disabled) return { value: member.valueOf() };
        continue;
      }
      if (typeof src === 'object' && !Array.isArray(src) && 'toObject' in src && typeof src.toObject === 'function') {
        // the sandbox's pm.variables / pm.environment, which are VariableScopes in Postman
        var obj = src.toObject();
        if (obj && hasOwn.call(obj, name) && !(typeof src.has === 'function' && 'has' in src && !src.has(name))) return { value: obj[name] };
        continue;
      }
      if (typeof src === 'object' && hasOwn.call(src, name)) return { value: src[name] };
    }
    if (hasOwn.call(DYNAMIC, name)) return { value: DYNAMIC[name]() };
    if (name.charAt(0) === '$' && typeof pm !== 'undefined' && pm && pm.variables) {
      // the faker-backed names ($randomLoremText, …): the sandbox's replaceIn serves them, and
      // names one it cannot serve as a located error
      var text = pm.variables.replaceIn('{{' + name + '}}');
      if (text !== '{{' + name + '}}') return { value: text };
    }
    return null;
  };
}
function substitute(str, lookup) {
  var seen = 0, previous;
  do {
    previous = str;
    str = str.replace(/\{\{([^{}]+)\}\}/g, function (match, name) {
      var found = lookup(name);
      if (!found || found.value == null) return match;
      return String(found.value);
    });
  } while (str !== previous && ++seen < MAX_DEPTH);
  return str;
}
function replaceSubstitutions(str, variables) {
  if (typeof str !== 'string' || str.indexOf('{{') < 0) return str;
  return substitute(str, lookupIn(variables));
}
function replaceSubstitutionsIn(obj, variables) {
  var lookup = lookupIn(variables);
  return (function walk(v) {
    if (typeof v === 'string') return v.indexOf('{{') < 0 ? v : substitute(v, lookup);
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) v[i] = walk(v[i]); return v; }
    if (v && typeof v === 'object') { Object.keys(v).forEach(function (k) { v[k] = walk(v[k]); }); return v; }
    return v;
  })(obj);
}

// ---------- PropertyBase / Property -------------------------------------------------------
function PropertyBase(options) {
  if (options && typeof options === 'object' && options.description !== undefined) this.description = options.description;
}
PropertyBase.prototype.toJSON = function () {
  var out = {}, self = this;
  Object.keys(this).forEach(function (k) {
    if (k.charAt(0) === '_' || typeof self[k] === 'function' || self[k] === undefined) return;
    out[k] = plain(self[k]);
  });
  return out;
};
PropertyBase.prototype.toObjectResolved = function () { return this.toJSON(); };
PropertyBase.prototype.forEachParent = function (options, fn) {
  if (typeof options === 'function') fn = options;
  var p = this.__parent;
  while (p) { fn(p); p = p.__parent; }
};
PropertyBase.prototype.parent = function () { return this.__parent; };
PropertyBase.prototype.setParent = function (p) { Object.defineProperty(this, '__parent', { value: p, configurable: true, writable: true }); };
PropertyBase.prototype.meta = function () { return {}; };
PropertyBase.propertyIsMeta = function (v, k) { return /^_/.test(k); };
PropertyBase.propertyUnprefixMeta = function (v, k) { return String(k).replace(/^_/, ''); };
PropertyBase.toJSON = function (obj) { return plain(obj); };

function Property(options) {
  PropertyBase.call(this, options);
  if (options && typeof options === 'object') {
    if (options.id !== undefined) this.id = options.id;
    if (options.name !== undefined) this.name = options.name;
    if (options.disabled !== undefined) this.disabled = !!options.disabled;
  }
}
inherit(Property, PropertyBase);
Property.prototype.describe = function (content, type) { this.description = type ? { content: content, type: type } : content; };
Property.replaceSubstitutions = replaceSubstitutions;
Property.replaceSubstitutionsIn = replaceSubstitutionsIn;

// ---------- PropertyList ------------------------------------------------------------------
function PropertyList(type, parent, populate) {
  Object.defineProperty(this, 'Type', { value: type, writable: true, configurable: true });
  Object.defineProperty(this, 'members', { value: [], writable: true, configurable: true });
  Object.defineProperty(this, 'reference', { value: {}, writable: true, configurable: true });
  if (parent) Object.defineProperty(this, '__parent', { value: parent, writable: true, configurable: true });
  if (populate) this.populate(populate);
}
PropertyList.prototype._key = function (m) { return m == null ? undefined : (this.Type && this.Type._postman_propertyIndexKey ? m[this.Type._postman_propertyIndexKey] : m.key); };
PropertyList.prototype._norm = function (key) {
  key = key == null ? key : String(key);
  return (key != null && this.Type && this.Type._postman_propertyIndexCaseInsensitive) ? key.toLowerCase() : key;
};
PropertyList.prototype._cast = function (item) {
  var T = this.Type;
  if (!T || item instanceof T || typeof T !== 'function') return item;
  return new T(item);
};
PropertyList.prototype.insert = function (item, before) {
  if (item == null) return;
  item = this._cast(item);
  var idx = before == null ? -1 : this.indexOf(before);
  if (idx < 0) this.members.push(item); else this.members.splice(idx, 0, item);
  if (item && typeof item === 'object') { try { Object.defineProperty(item, '__parent', { value: this, writable: true, configurable: true }); } catch (e) { /* frozen */ } }
  return item;
};
PropertyList.prototype.add = function (item) { this.insert(item); };
PropertyList.prototype.append = PropertyList.prototype.add;
PropertyList.prototype.insertAfter = function (item, after) {
  item = this._cast(item);
  var idx = this.indexOf(after);
  if (idx < 0) this.members.push(item); else this.members.splice(idx + 1, 0, item);
};
PropertyList.prototype.prepend = function (item) { if (item == null) return; this.members.unshift(this._cast(item)); };
PropertyList.prototype.upsert = function (item) {
  if (item == null) return null;
  var existing = this.one(this._key(item));
  if (existing) {
    var src = item instanceof PropertyBase ? item.toJSON() : item;
    if (typeof existing.update === 'function') existing.update(src);
    else Object.keys(src).forEach(function (k) { existing[k] = src[k]; });
    return false;
  }
  this.add(item);
  return true;
};
PropertyList.prototype.populate = function (items) {
  if (items == null) return;
  if (!Array.isArray(items)) items = [items];
  var self = this;
  items.forEach(function (i) { self.add(i); });
};
PropertyList.prototype.repopulate = function (items) { this.clear(); this.populate(items); };
PropertyList.prototype.assimilate = function (source, prune) {
  var self = this;
  if (prune) this.clear();
  (source instanceof PropertyList ? source.members : source || []).forEach(function (m) { self.upsert(m); });
};
PropertyList.prototype.clear = function () { this.members.length = 0; };
PropertyList.prototype._match = function (predicate) {
  if (typeof predicate === 'function') return predicate;
  var self = this;
  if (predicate != null && typeof predicate === 'object') return function (m) { return m === predicate; };
  var key = this._norm(predicate);
  return function (m) { return self._norm(self._key(m)) === key; };
};
PropertyList.prototype.remove = function (predicate, context) {
  var match = this._match(predicate);
  for (var i = this.members.length - 1; i >= 0; i--) if (match.call(context, this.members[i])) this.members.splice(i, 1);
};
PropertyList.prototype.one = function (id) {
  var key = this._norm(id);
  for (var i = this.members.length - 1; i >= 0; i--) if (this._norm(this._key(this.members[i])) === key) return this.members[i];
  return undefined;
};
PropertyList.prototype.get = function (key) {
  var m = this.one(key);
  if (!m) return undefined;
  return typeof m.valueOf === 'function' ? m.valueOf() : m;
};
PropertyList.prototype.idx = function (i) { return this.members[i]; };
PropertyList.prototype.all = function () { return this.members.slice(); };
PropertyList.prototype.count = function () { return this.members.length; };
PropertyList.prototype.has = function (item, value) {
  var match = typeof item === 'string' ? this._match(item) : this._match(item);
  var self = this;
  return this.members.some(function (m) {
    if (!match(m)) return false;
    return arguments.length < 2 || value === undefined || self._valueOf(m) === value;
  });
};
PropertyList.prototype._valueOf = function (m) { return typeof m.valueOf === 'function' ? m.valueOf() : m; };
PropertyList.prototype.indexOf = function (item) {
  if (typeof item === 'string') return this.members.indexOf(this.one(item));
  return this.members.indexOf(item);
};
PropertyList.prototype.each = function (fn, context) { this.members.forEach(function (m) { fn.call(context, m); }); };
PropertyList.prototype.filter = function (fn, context) { return this.members.filter(function (m) { return fn.call(context, m); }); };
PropertyList.prototype.find = function (fn, context) { return this.members.find(function (m) { return fn.call(context, m); }); };
PropertyList.prototype.map = function (fn, context) { return this.members.map(function (m) { return fn.call(context, m); }); };
PropertyList.prototype.reduce = function (fn, acc, context) { return this.members.reduce(function (a, m) { return fn.call(context, a, m); }, acc); };
PropertyList.prototype.eachParent = function (fn) { var p = this.__parent; while (p) { fn(p); p = p.__parent; } };
PropertyList.prototype.toObject = function (excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
  var out = {}, self = this;
  var multi = this.Type && this.Type._postman_propertyAllowsMultipleValues;
  this.members.forEach(function (m) {
    var key = self._key(m);
    if (excludeDisabled && m.disabled) return;
    if (sanitizeKeys && !key) return;
    if (key == null) return;
    if (!caseSensitive && self.Type && self.Type._postman_propertyIndexCaseInsensitive) key = String(key).toLowerCase();
    var v = self._valueOf(m);
    if (multi && hasOwn.call(out, key)) { if (!Array.isArray(out[key])) out[key] = [out[key]]; out[key].push(v); } else if (multiValue) (out[key] = out[key] || []).push(v); else out[key] = v;
  });
  return out;
};
PropertyList.prototype.toJSON = function () { return this.members.map(plain); };
PropertyList.prototype.toString = function () {
  if (this.Type && typeof this.Type.unparse === 'function') return this.Type.unparse(this.members);
  return this.members.map(String).join('');
};
Object.defineProperty(PropertyList.prototype, 'length', { get: function () { return this.members.length; } });
PropertyList.isPropertyList = function (v) { return v instanceof PropertyList; };

// ---------- QueryParam, Header ------------------------------------------------------------
function QueryParam(options) {
  Property.call(this, options);
  if (typeof options === 'string') options = QueryParam.parseSingle(options);
  this.update(options || {});
}
inherit(QueryParam, Property);
QueryParam._postman_propertyIndexKey = 'key';
QueryParam._postman_propertyAllowsMultipleValues = true;
QueryParam.prototype.update = function (o) {
  if (typeof o === 'string') o = QueryParam.parseSingle(o);
  this.key = o.key == null ? null : String(o.key);
  this.value = o.value === undefined ? null : o.value;
  if (o.disabled !== undefined) this.disabled = !!o.disabled;
  if (o.description !== undefined) this.description = o.description;
};
QueryParam.prototype.valueOf = function () { return this.value; };
QueryParam.prototype.toString = function () { return QueryParam.unparseSingle(this); };
QueryParam.prototype.toJSON = function () {
  var out = { key: this.key };
  if (this.value !== undefined) out.value = this.value;
  if (this.disabled) out.disabled = true;
  if (this.description !== undefined) out.description = this.description;
  return out;
};
function encodeQueryPart(s, isKey) {
  return String(s).replace(/[&#]/g, function (c) { return encodeURIComponent(c); }).replace(isKey ? /=/g : /(?!)/g, '%3D');
}
QueryParam.parse = function (query) {
  if (typeof query !== 'string') return [];
  query = query.replace(/^\?/, '');
  if (!query) return [];
  return query.split('&').map(QueryParam.parseSingle);
};
QueryParam.parseSingle = function (param, idx, all) {
  param = String(param);
  if (!param) return { key: null, value: null };
  var eq = param.indexOf('=');
  if (eq < 0) return { key: param, value: null };
  return { key: param.slice(0, eq), value: param.slice(eq + 1) };
};
QueryParam.unparseSingle = function (p, encode) {
  if (!p) return '';
  var key = p.key == null ? '' : String(p.key), value = p.value;
  if (encode) key = encodeQueryPart(key, true);
  if (value === null || value === undefined) return key;
  value = String(value);
  if (encode || true) value = value.replace(/[&#]/g, function (c) { return encodeURIComponent(c); });
  return key + '=' + value;
};
QueryParam.unparse = function (params, options) {
  if (!params) return '';
  if (params instanceof PropertyList) params = params.members;
  if (!Array.isArray(params)) params = Object.keys(params).map(function (k) { return { key: k, value: params[k] }; });
  var encode = options && options.encode;
  return params.filter(function (p) { return p && !p.disabled; }).map(function (p) { return QueryParam.unparseSingle(p, encode); }).join('&');
};

function Header(options, name) {
  Property.call(this, options);
  if (typeof options === 'string') options = name !== undefined ? { key: name, value: options } : Header.parseSingle(options);
  this.update(options || {});
}
inherit(Header, Property);
Header._postman_propertyIndexKey = 'key';
Header._postman_propertyIndexCaseInsensitive = true;
Header._postman_propertyAllowsMultipleValues = true;
Header.prototype.update = function (o) {
  this.key = o.key == null ? '' : String(o.key);
  this.value = o.value == null ? '' : o.value;
  if (o.disabled !== undefined) this.disabled = !!o.disabled;
  if (o.system !== undefined) this.system = o.system;
  if (o.description !== undefined) this.description = o.description;
};
Header.prototype.valueOf = function () { return this.value; };
Header.prototype.toString = function () { return this.key + ': ' + this.value; };
Header.prototype.toJSON = function () {
  var out = { key: this.key, value: this.value };
  if (this.disabled) out.disabled = true;
  if (this.description !== undefined) out.description = this.description;
  return out;
};
Header.parse = function (text) {
  return String(text || '').split(/\r?\n/).filter(function (l) { return l.indexOf(':') > -1; }).map(Header.parseSingle);
};
Header.parseSingle = function (line) {
  line = String(line);
  var i = line.indexOf(':');
  if (i < 0) return { key: line.trim(), value: '' };
  return { key: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
};
Header.unparseSingle = function (h) { return h ? h.key + ': ' + h.value : ''; };
Header.unparse = function (headers, separator) {
  if (headers instanceof PropertyList) headers = headers.members;
  separator = separator === undefined ? '\r\n' : separator;
  return (headers || []).filter(function (h) { return h && !h.disabled; }).map(function (h) { return Header.unparseSingle(h) + separator; }).join('');
};
Header.isHeader = function (v) { return v instanceof Header; };
Header.create = function (value, name) { return new Header(value, name); };

// ---------- Variable, VariableList, VariableScope -----------------------------------------
function Variable(options) {
  Property.call(this, options);
  this.type = 'any';
  if (options) this.update(options);
}
inherit(Variable, Property);
Variable._postman_propertyIndexKey = 'key';
Variable.types = { string: String, boolean: Boolean, number: Number, object: Object, any: Object };
Variable.prototype.update = function (o) {
  if (o.type !== undefined) this.type = o.type;
  if (o.key !== undefined) this.key = o.key;
  if (hasOwn.call(o, 'value')) this.set(o.value);
  if (o.disabled !== undefined) this.disabled = !!o.disabled;
  if (o.description !== undefined) this.description = o.description;
};
Variable.prototype.get = function () { return this.value; };
Variable.prototype.set = function (v) {
  if (this.type === 'string' && v != null) v = String(v);
  else if (this.type === 'number' && v != null) v = Number(v);
  else if (this.type === 'boolean' && v != null) v = Boolean(v);
  this.value = v;
};
Variable.prototype.valueOf = function (v) { if (arguments.length) this.set(v); return this.get(); };
Variable.prototype.toString = function () { var v = this.value; return v == null ? '' : String(v); };
Variable.prototype.valueType = function (t) { if (t !== undefined) this.type = t; return this.type; };
Variable.prototype.cast = function (v) { return v; };
Variable.prototype.toJSON = function () {
  var out = { type: this.type };
  if (this.value !== undefined) out.value = this.value;
  if (this.key !== undefined) out.key = this.key;
  if (this.disabled) out.disabled = true;
  if (this.description !== undefined) out.description = this.description;
  return out;
};
Variable.isVariable = function (v) { return v instanceof Variable; };

function VariableList(parent, populate) { PropertyList.call(this, Variable, parent, populate); }
inherit(VariableList, PropertyList);
VariableList.prototype.replace = function (str, overrides) { return replaceSubstitutions(str, overrides ? [overrides, this] : this); };
VariableList.prototype.substitute = function (obj, overrides) { return replaceSubstitutionsIn(obj, overrides ? [overrides, this] : this); };
VariableList.isVariableList = function (v) { return v instanceof VariableList; };

function VariableScope(definition, layers) {
  Property.call(this, definition && !Array.isArray(definition) ? definition : undefined);
  this.id = definition && definition.id !== undefined ? definition.id : uuid4();
  var values = Array.isArray(definition) ? definition : (definition instanceof VariableList ? definition.members : (definition && definition.values) || []);
  if (values instanceof PropertyList) values = values.members;
  this.values = new VariableList(this, values);
  Object.defineProperty(this, '_layers', { value: layers ? (Array.isArray(layers) ? layers : [layers]) : [], writable: true });
}
inherit(VariableScope, Property);
VariableScope.prototype.has = function (key) { var v = this.values.one(key); return !!v && !v.disabled; };
VariableScope.prototype.get = function (key) {
  var v = this.values.one(key);
  if (v && !v.disabled) return v.get();
  for (var i = 0; i < this._layers.length; i++) { var l = this._layers[i].one(key); if (l && !l.disabled) return l.get(); }
  return undefined;
};
VariableScope.prototype.set = function (key, value, type) {
  var v = this.values.one(key);
  if (v) { if (type) v.type = type; v.set(value); } else this.values.add({ key: key, value: value, type: type });
};
VariableScope.prototype.unset = function (key) { this.values.remove(key); };
VariableScope.prototype.clear = function () { this.values.clear(); };
VariableScope.prototype.toObject = function (excludeDisabled, caseSensitive) {
  var out = {};
  this._layers.slice().reverse().forEach(function (l) { Object.assign(out, l.toObject(excludeDisabled, caseSensitive)); });
  return Object.assign(out, this.values.toObject(excludeDisabled, caseSensitive));
};
VariableScope.prototype.replaceIn = function (template) {
  if (typeof template === 'string') return replaceSubstitutions(template, [this.values].concat(this._layers));
  if (template && typeof template === 'object') return replaceSubstitutionsIn(template, [this.values].concat(this._layers));
  return template;
};
VariableScope.prototype.syncVariablesFrom = function (obj) {
  var self = this;
  this.values.clear();
  Object.keys(obj || {}).forEach(function (k) { self.set(k, obj[k]); });
};
VariableScope.prototype.syncVariablesTo = function (target) {
  target = target || {};
  Object.keys(target).forEach(function (k) { delete target[k]; });
  return Object.assign(target, this.values.toObject());
};
VariableScope.prototype.variables = function () { return this.toObject(); };
VariableScope.prototype.addLayer = function (list) { if (list instanceof VariableList) this._layers.push(list); };
VariableScope.prototype.toJSON = function () {
  var out = { id: this.id };
  if (this.name !== undefined) out.name = this.name;
  out.values = this.values.toJSON();
  return out;
};
VariableScope.isVariableScope = function (v) { return v instanceof VariableScope; };

// ---------- Url ---------------------------------------------------------------------------
function parseUrl(raw) {
  var url = { raw: raw }, rest = String(raw).replace(/^\s+|\s+$/g, ''), m;
  var hashAt = rest.indexOf('#');
  if (hashAt > -1) { url.hash = rest.slice(hashAt + 1); rest = rest.slice(0, hashAt); }
  var queryAt = rest.indexOf('?');
  var query = null;
  if (queryAt > -1) { query = rest.slice(queryAt + 1); rest = rest.slice(0, queryAt); }
  if ((m = /^([^:/?#]+):\/\//.exec(rest))) { url.protocol = m[1]; rest = rest.slice(m[0].length); }
  var slash = rest.indexOf('/');
  var hostPart = slash < 0 ? rest : rest.slice(0, slash);
  var path = slash < 0 ? null : rest.slice(slash + 1);
  var at = hostPart.lastIndexOf('@');
  if (at > -1) {
    var auth = hostPart.slice(0, at), colon = auth.indexOf(':');
    url.auth = colon < 0 ? { user: auth } : { user: auth.slice(0, colon), password: auth.slice(colon + 1) };
    hostPart = hostPart.slice(at + 1);
  }
  var portMatch = /^(\[[^\]]*\]|[^:]*):(\d+|\{\{[^}]+\}\})$/.exec(hostPart);
  if (portMatch) { hostPart = portMatch[1]; url.port = portMatch[2]; }
  if (hostPart) url.host = /^\[/.test(hostPart) ? [hostPart] : hostPart.split('.');
  if (path !== null) url.path = path.split('/');
  if (query !== null) url.query = QueryParam.parse(query);
  // the SDK's key order, every key present (undefined when the URL lacks that part)
  var ordered = {};
  ['raw', 'protocol', 'auth', 'host', 'port', 'path', 'query', 'hash', 'variable'].forEach(function (k) { ordered[k] = url[k]; });
  return ordered;
}
function Url(options) {
  Property.call(this, options && typeof options === 'object' ? options : undefined);
  if (typeof options === 'string') options = parseUrl(options);
  else if (options && typeof options.raw === 'string' && !options.host && !options.path) options = Object.assign(parseUrl(options.raw), options);
  this.update(options || {});
}
inherit(Url, Property);
Url.prototype.update = function (o) {
  if (typeof o === 'string') o = parseUrl(o);
  this.auth = o.auth;
  this.protocol = o.protocol === undefined ? undefined : o.protocol;
  this.port = o.port;
  this.path = typeof o.path === 'string' ? o.path.replace(/^\//, '').split('/') : o.path;
  this.hash = o.hash;
  this.host = typeof o.host === 'string' ? o.host.split('.') : o.host;
  this.query = new PropertyList(QueryParam, this, o.query || []);
  var vars = o.variable || [];
  if (!o.variable && this.path) {
    vars = this.path.filter(function (seg) { return /^:[^\s/]+/.test(seg); }).map(function (seg) { return { key: seg.slice(1) }; });
  }
  this.variable = new VariableList(this, vars);
};
Url.prototype.getHost = function () { return Array.isArray(this.host) ? this.host.join('.') : (this.host || ''); };
Url.prototype.getPath = function (unresolved) {
  if (!this.path || !this.path.length) return '/';
  var vars = this.variable;
  var segs = this.path.map(function (seg) {
    if (!unresolved && /^:/.test(seg)) {
      var v = vars.one(seg.slice(1));
      if (v && v.value != null && v.value !== '') return v.valueOf();
    }
    return seg;
  });
  return '/' + segs.join('/');
};
Url.prototype.getQueryString = function (options) { return QueryParam.unparse(this.query.members, options); };
Url.prototype.getPathWithQuery = function (unresolved) {
  var q = this.getQueryString();
  return this.getPath(unresolved) + (q ? '?' + q : '');
};
Url.prototype.getRemote = function (options) {
  var host = this.getHost(), port = this.port;
  if (options && options.forcePort && !port) port = this.protocol === 'https' ? '443' : '80';
  return port ? host + ':' + port : host;
};
Url.prototype.getOAuth1BaseUrl = function () {
  var protocol = String(this.protocol || 'http').toLowerCase();
  var port = this.port && !((protocol === 'http' && this.port === '80') || (protocol === 'https' && this.port === '443')) ? ':' + this.port : '';
  return protocol + '://' + this.getHost().toLowerCase() + port + this.getPath();
};
Url.prototype.addQueryParams = function (params) {
  if (typeof params === 'string') params = QueryParam.parse(params);
  this.query.populate(params);
};
Url.prototype.removeQueryParams = function (params) {
  var self = this;
  (Array.isArray(params) ? params : [params]).forEach(function (p) { self.query.remove(typeof p === 'string' ? p : p.key); });
};
Url.prototype.toString = function (forceProtocol) {
  var out = '';
  if (this.protocol) out += String(this.protocol).replace(/:?\/*$/, '') + '://';
  else if (forceProtocol) out += 'http://';
  if (this.auth && (this.auth.user !== undefined || this.auth.password !== undefined)) {
    out += (this.auth.user || '') + (this.auth.password !== undefined ? ':' + this.auth.password : '') + '@';
  }
  out += this.getHost();
  if (this.port) out += ':' + this.port;
  if (this.path) out += '/' + this.path.join('/');
  var q = this.getQueryString();
  if (q) out += '?' + q;
  if (this.hash !== undefined && this.hash !== null) out += '#' + this.hash;
  return out;
};
Url.prototype.getRaw = function () { return this.toString(); };
Url.prototype.toJSON = function () {
  var out = {};
  if (this.auth !== undefined) out.auth = this.auth;
  if (this.protocol !== undefined) out.protocol = this.protocol;
  if (this.port !== undefined) out.port = this.port;
  if (this.path !== undefined) out.path = this.path;
  if (this.hash !== undefined) out.hash = this.hash;
  if (this.host !== undefined) out.host = this.host;
  out.query = this.query.toJSON();
  out.variable = this.variable.toJSON();
  return out;
};
Url.parse = parseUrl;
Url.isUrl = function (v) { return v instanceof Url; };

// ---------- RequestBody, Request ----------------------------------------------------------
function FormParam(options) { Property.call(this, options); options = options || {}; this.key = options.key; this.value = options.value; if (options.type) this.type = options.type; if (options.src !== undefined) this.src = options.src; if (options.contentType) this.contentType = options.contentType; }
inherit(FormParam, Property);
FormParam._postman_propertyIndexKey = 'key';
FormParam._postman_propertyAllowsMultipleValues = true;
FormParam.prototype.valueOf = function () { return this.value; };
FormParam.prototype.toString = function () { return this.key + '=' + this.value; };

function RequestBody(options) {
  PropertyBase.call(this, options);
  this.update(options || {});
}
inherit(RequestBody, PropertyBase);
RequestBody.MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };
RequestBody.prototype.update = function (o) {
  if (typeof o === 'string') o = { mode: 'raw', raw: o };
  if (!o.mode) return;
  this.mode = o.mode;
  if (o.mode === 'raw') this.raw = o.raw;
  else if (o.mode === 'urlencoded') this.urlencoded = new PropertyList(QueryParam, this, o.urlencoded || []);
  else if (o.mode === 'formdata') this.formdata = new PropertyList(FormParam, this, o.formdata || []);
  else if (o.mode === 'file') this.file = o.file;
  else if (o.mode === 'graphql') this.graphql = o.graphql;
  if (o.options !== undefined) this.options = o.options;
  if (o.disabled !== undefined) this.disabled = o.disabled;
};
RequestBody.prototype.isEmpty = function () {
  var data = this.mode && this[this.mode];
  if (!data || this.disabled) return true;
  if (data instanceof PropertyList) return data.count() === 0;
  if (this.mode === 'file') return !(data.src || data.content);
  if (this.mode === 'graphql') return !(data.query);
  return !String(data).length;
};
RequestBody.prototype.toString = function () {
  if (this.mode === 'raw') return this.raw == null ? '' : String(this.raw);
  if (this.mode === 'urlencoded') return QueryParam.unparse(this.urlencoded.members);
  if (this.mode === 'graphql') return JSON.stringify(this.graphql);
  return '';
};

function Request(options) {
  Property.call(this, options && typeof options === 'object' ? options : undefined);
  if (typeof options === 'string' || options instanceof Url) options = { url: options };
  this.update(options || {});
}
inherit(Request, Property);
Request.prototype.update = function (o) {
  this.url = o.url instanceof Url ? o.url : new Url(o.url || '');
  this.method = o.method ? String(o.method).toUpperCase() : 'GET';
  this.headers = new PropertyList(Header, this, typeof o.header === 'string' ? Header.parse(o.header) : (o.header || o.headers || []));
  if (o.body !== undefined && o.body !== null) this.body = o.body instanceof RequestBody ? o.body : new RequestBody(o.body);
  if (o.auth !== undefined && o.auth !== null) this.auth = o.auth instanceof RequestAuth ? o.auth : new RequestAuth(o.auth, this);
  if (o.proxy !== undefined && o.proxy !== null) this.proxy = o.proxy instanceof ProxyConfig ? o.proxy : new ProxyConfig(o.proxy);
  if (o.certificate !== undefined && o.certificate !== null) this.certificate = o.certificate instanceof Certificate ? o.certificate : new Certificate(o.certificate);
};
Request.prototype.getHeaders = function (options) {
  var out = {};
  options = options || {};
  this.headers.each(function (h) {
    if (options.enabled && h.disabled) return;
    var key = options.ignoreCase ? h.key.toLowerCase() : h.key;
    if (hasOwn.call(out, key)) { if (!Array.isArray(out[key])) out[key] = [out[key]]; out[key].push(h.value); } else out[key] = h.value;
  });
  return out;
};
Request.prototype.addHeader = function (h) { this.headers.add(h); };
Request.prototype.removeHeader = function (h, options) {
  var key = typeof h === 'string' ? h : h.key;
  if (options && options.ignoreCase === false) this.headers.remove(function (x) { return x.key === key; });
  else this.headers.remove(key);
};
Request.prototype.upsertHeader = function (h) { this.headers.upsert(h); };
Request.prototype.addQueryParams = function (p) { this.url.addQueryParams(p); };
Request.prototype.removeQueryParams = function (p) { this.url.removeQueryParams(p); };
Request.prototype.getHeaderString = function () { return Header.unparse(this.headers); };
Request.prototype.clone = function () { return new Request(this.toJSON()); };
Request.prototype.toJSON = function () {
  var out = {};
  if (this.id !== undefined) out.id = this.id;
  if (this.name !== undefined) out.name = this.name;
  if (this.description !== undefined) out.description = this.description;
  out.url = this.url.toJSON();
  if (this.headers.count()) out.header = this.headers.toJSON();
  out.method = this.method;
  if (this.body) out.body = this.body.toJSON();
  if (this.auth !== undefined) out.auth = plain(this.auth);
  return out;
};
Request.isRequest = function (v) { return v instanceof Request; };

// ---------- Cookie, Response --------------------------------------------------------------
function Cookie(options) {
  PropertyBase.call(this, options);
  if (typeof options === 'string') options = Cookie.parse(options);
  this.update(options || {});
}
inherit(Cookie, PropertyBase);
Cookie._postman_propertyIndexKey = 'name';
Cookie._postman_propertyAllowsMultipleValues = true;
Cookie.prototype.update = function (o) {
  this.name = o.name !== undefined ? o.name : o.key;
  this.value = o.value;
  ['expires', 'maxAge', 'domain', 'path', 'secure', 'httpOnly', 'hostOnly', 'session', 'extensions'].forEach(function (k) {
    if (o[k] !== undefined) this[k] = o[k];
  }, this);
};
Cookie.prototype.valueOf = function () { return this.value; };
Cookie.prototype.toString = function () {
  var out = this.name + '=' + this.value;
  if (this.expires) out += '; Expires=' + (this.expires instanceof Date ? this.expires.toUTCString() : new Date(this.expires).toUTCString());
  if (this.maxAge !== undefined && this.maxAge !== null) out += '; Max-Age=' + this.maxAge;
  if (this.domain) out += '; Domain=' + this.domain;
  if (this.path) out += '; Path=' + this.path;
  if (this.secure) out += '; Secure';
  if (this.httpOnly) out += '; HttpOnly';
  return out;
};
Cookie.parse = function (str) {
  var parts = String(str || '').split(';'), first = parts.shift() || '', eq = first.indexOf('=');
  var out = { key: (eq < 0 ? first : first.slice(0, eq)).trim(), value: eq < 0 ? '' : first.slice(eq + 1).trim() };
  parts.forEach(function (p) {
    var i = p.indexOf('='), k = (i < 0 ? p : p.slice(0, i)).trim().toLowerCase(), v = i < 0 ? true : p.slice(i + 1).trim();
    if (k === 'path') out.path = v; else if (k === 'domain') out.domain = v; else if (k === 'expires') out.expires = v;
    else if (k === 'max-age') out.maxAge = v; else if (k === 'secure') out.secure = true; else if (k === 'httponly') out.httpOnly = true;
    else if (k) (out.extensions = out.extensions || []).push({ key: k, value: v });
  });
  if (!out.domain) out.hostOnly = true;
  return out;
};
Cookie.isCookie = function (v) { return v instanceof Cookie; };
Cookie.unparse = function (cookies) { return (cookies instanceof PropertyList ? cookies.members : cookies || []).map(function (c) { return c.name + '=' + c.value; }).join('; '); };
Cookie.unparseSingle = function (c) { return c.name + '=' + c.value; };
function CookieList(parent, cookies) { PropertyList.call(this, Cookie, parent, cookies); }
inherit(CookieList, PropertyList);
CookieList.isCookieList = function (v) { return v instanceof CookieList; };

var REASONS = { 100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout' };
function Response(options) {
  Property.call(this, options);
  this.update(options || {});
}
inherit(Response, Property);
Response.prototype.update = function (o) {
  this.id = o.id !== undefined ? o.id : uuid4();
  this.status = o.status !== undefined ? o.status : REASONS[o.code];
  this.code = o.code;
  this.headers = new PropertyList(Header, this, o.header || o.headers || []);
  if (o.body !== undefined) this.body = o.body;
  if (o.stream !== undefined) this.stream = o.stream;
  this.cookies = new CookieList(this, o.cookie || []);
  this.responseTime = o.responseTime;
  if (o.originalRequest !== undefined) this.originalRequest = new Request(o.originalRequest);
};
Response.prototype.text = function () { return this.body !== undefined ? String(this.body) : (this.stream ? String(this.stream) : ''); };
Response.prototype.json = function (reviver) { return JSON.parse(this.text().replace(/^\uFEFF/, ''), reviver); };
Response.prototype.reason = function () { return this.status || REASONS[this.code]; };
Response.prototype.size = function () { var b = this.text(); return { body: b.length, header: Header.unparse(this.headers).length, total: b.length }; };
Response.prototype.contentInfo = function () {
  var ct = this.headers.get('content-type') || '', m = /^([^;]+)(?:;\s*charset=([^;]+))?/i.exec(ct) || [];
  return { contentType: ct, mimeType: (m[1] || 'text/plain').split('/')[0], mimeFormat: ((m[1] || '').split('/')[1] || 'plain'), charset: m[2] || 'utf8' };
};
Response.prototype.toJSON = function () {
  var out = { id: this.id, status: this.status, code: this.code, header: this.headers.toJSON() };
  if (this.body !== undefined) out.body = this.body;
  out.cookie = this.cookies.toJSON();
  out.responseTime = this.responseTime;
  return out;
};
Response.isResponse = function (v) { return v instanceof Response; };

// ---------- RequestAuth, UrlMatchPattern, Certificate, ProxyConfig, Version ---------------
function authParams(v) {
  if (v instanceof VariableList) return v.members.map(function (m) { return m.toJSON(); });
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.keys(v).map(function (k) { return { key: k, value: v[k] }; });
  return [];
}
function RequestAuth(options, parent) {
  Property.call(this, options);
  if (parent) Object.defineProperty(this, '__parent', { value: parent, writable: true, configurable: true });
  if (options) this.update(options);
}
inherit(RequestAuth, Property);
RequestAuth.prototype.update = function (options, type) {
  if (!options) return;
  if (typeof options === 'object' && !Array.isArray(options) && options.type !== undefined && type === undefined) {
    var self = this;
    this.type = options.type;
    Object.keys(options).forEach(function (k) { if (k !== 'type' && k !== 'id' && k !== 'name' && k !== 'disabled') self[k] = new VariableList(self, authParams(options[k])); });
    return;
  }
  type = type || this.type;
  if (!type) return;
  var list = this[type] instanceof VariableList ? this[type] : (this[type] = new VariableList(this, []));
  authParams(options).forEach(function (p) { list.upsert(p); });
};
RequestAuth.prototype.use = function (type, options) {
  if (!type) return;
  this.type = type;
  if (!(this[type] instanceof VariableList)) this[type] = new VariableList(this, []);
  if (options) this.update(options, type);
};
RequestAuth.prototype.parameters = function () { return this[this.type]; };
RequestAuth.prototype.clear = function (type) { if (this[type] instanceof VariableList) this[type].clear(); };
RequestAuth.prototype.current = function () { throw new Error('`Request#current` has been discontinued, use `Request#parameters` instead.'); };
RequestAuth.prototype.toJSON = function () {
  var out = { type: this.type }, self = this;
  Object.keys(this).forEach(function (k) { if (self[k] instanceof VariableList) out[k] = self[k].toJSON(); });
  return out;
};
RequestAuth.isValidType = function (t) { return typeof t === 'string' && /^[a-z0-9]+$/i.test(t); };

function UrlMatchPattern(options) {
  if (typeof options === 'string') options = { pattern: options };
  this.pattern = options && options.pattern !== undefined ? options.pattern : '<all_urls>';
}
UrlMatchPattern.MATCH_ALL_URLS = '<all_urls>';
UrlMatchPattern.prototype._parts = function () {
  var m = /^(\*|[a-z][a-z0-9+.-]*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(?::(\*|\d+))?(\/.*)$/i.exec(this.pattern);
  if (!m) return null;
  return { protocols: m[1] === '*' ? ['http', 'https', 'file', 'ftp'] : m[1].toLowerCase().split('+'), host: m[2].toLowerCase(), port: m[3], path: m[4] };
};
UrlMatchPattern.prototype.getProtocols = function () { var p = this._parts(); return p ? p.protocols : []; };
UrlMatchPattern.prototype.testProtocol = function (protocol) { return this.pattern === '<all_urls>' || this.getProtocols().indexOf(String(protocol).toLowerCase()) > -1; };
UrlMatchPattern.prototype.test = function (url) {
  if (this.pattern === '<all_urls>') return true;
  var p = this._parts();
  if (!p) return false;
  var u = url instanceof Url ? url : new Url(String(url));
  var protocol = String(u.protocol || 'http').toLowerCase(), host = u.getHost().toLowerCase();
  if (p.protocols.indexOf(protocol) < 0) return false;
  if (p.host !== '*') {
    if (p.host.slice(0, 2) === '*.') { var base = p.host.slice(2); if (host !== base && host.slice(-(base.length + 1)) !== '.' + base) return false; }
    else if (p.host !== host) return false;
  }
  if (p.port !== undefined && p.port !== '*' && String(u.port || (protocol === 'https' ? 443 : 80)) !== p.port) return false;
  var path = u.getPath(), re = new RegExp('^' + p.path.split('*').map(function (x) { return x.replace(/[\\^$.+?()[\]{}|]/g, '\\$&'); }).join('.*') + '$');
  return re.test(path);
};
UrlMatchPattern.prototype.toString = function () { return String(this.pattern); };
UrlMatchPattern.prototype.toJSON = function () { return { pattern: this.pattern }; };
function UrlMatchPatternList(parent, list) { PropertyList.call(this, UrlMatchPattern, parent, list); }
inherit(UrlMatchPatternList, PropertyList);
UrlMatchPatternList.prototype.test = function (url) { return this.members.some(function (p) { return p.test(url); }); };

function Certificate(options) {
  Property.call(this, options);
  options = options || {};
  this.id = options.id !== undefined ? options.id : uuid4();
  this.name = options.name;
  this.matches = new UrlMatchPatternList(this, (options.matches || []).map(function (m) { return typeof m === 'string' ? { pattern: m } : m; }));
  this.key = options.key;
  this.cert = options.cert;
  this.passphrase = options.passphrase;
  this.pfx = options.pfx || {};
}
inherit(Certificate, Property);
Certificate._postman_propertyIndexKey = 'id';
Certificate.prototype.canApplyTo = function (url) { return this.matches.test(url); };
Certificate.prototype.toJSON = function () {
  var out = { id: this.id, name: this.name, matches: this.matches.toJSON() };
  if (this.key !== undefined) out.key = this.key;
  if (this.cert !== undefined) out.cert = this.cert;
  if (this.passphrase !== undefined) out.passphrase = this.passphrase;
  out.pfx = this.pfx;
  return out;
};
Certificate.isCertificate = function (v) { return v instanceof Certificate; };
function CertificateList(parent, list) { PropertyList.call(this, Certificate, parent, list); }
inherit(CertificateList, PropertyList);
CertificateList.prototype.resolveOne = function (url) { return this.members.find(function (c) { return c.canApplyTo(url); }); };

function ProxyConfig(options) {
  Property.call(this, options);
  options = options || {};
  this.match = new UrlMatchPattern(options.match || 'http+https://*/*');
  this.host = options.host;
  this.port = options.port === undefined ? 8080 : Number(options.port);
  this.tunnel = !!options.tunnel;
  if (options.disabled !== undefined) this.disabled = !!options.disabled;
  this.authenticate = !!options.authenticate;
  this.username = options.username;
  this.password = options.password;
  this.bypass = options.bypass;
}
inherit(ProxyConfig, Property);
ProxyConfig.prototype.test = function (url) { return this.match.test(url); };
ProxyConfig.prototype.getProxyUrl = function () {
  var auth = this.authenticate && this.username ? encodeURIComponent(this.username) + ':' + encodeURIComponent(this.password || '') + '@' : '';
  return 'http://' + auth + this.host + ':' + this.port;
};
ProxyConfig.prototype.getProtocols = function () { return this.match.getProtocols(); };
ProxyConfig.isProxyConfig = function (v) { return v instanceof ProxyConfig; };
function ProxyConfigList(parent, list) { PropertyList.call(this, ProxyConfig, parent, list); }
inherit(ProxyConfigList, PropertyList);
ProxyConfigList.prototype.resolve = function (url) { return this.members.find(function (p) { return !p.disabled && p.test(url); }); };

function Version(options) {
  if (typeof options === 'string') options = { string: options };
  this.set(options || {});
}
Version.prototype.set = function (o) {
  var m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(String(o.string || ''));
  if (m) {
    this.major = +m[1]; this.minor = +m[2]; this.patch = +m[3];
    this.prerelease = m[4] ? m[4].split('.').map(function (x) { return /^\d+$/.test(x) ? +x : x; }).join(',') : undefined;
    this.build = m[5] ? m[5].split('.').join(',') : undefined;
    this.string = m[1] + '.' + m[2] + '.' + m[3] + (m[4] ? '-' + m[4] : '');
  } else {
    ['major', 'minor', 'patch', 'prerelease', 'build', 'string'].forEach(function (k) { if (o[k] !== undefined) this[k] = o[k]; }, this);
  }
};
Version.prototype.toString = function () { return this.string; };

// ---------- Description, Event, Item, Collection (shapes only) ----------------------------
function Description(def) { if (typeof def === 'string') def = { content: def }; def = def || {}; this.content = def.content; this.type = def.type || 'text/plain'; }
Description.prototype.toString = function () { return this.content || ''; };
Description.prototype.toJSON = function () { return { content: this.content, type: this.type }; };
Description.isDescription = function (v) { return v instanceof Description; };
function Script(def) { if (typeof def === 'string' || Array.isArray(def)) def = { exec: def }; def = def || {}; this.type = def.type || 'text/javascript'; this.exec = typeof def.exec === 'string' ? def.exec.split('\n') : (def.exec || []); }
Script.prototype.toSource = function () { return this.exec.join('\n'); };
Script.isScript = function (v) { return v instanceof Script; };
function Event(def) { Property.call(this, def); def = def || {}; this.listen = def.listen; this.script = new Script(def.script); }
inherit(Event, Property);
Event._postman_propertyIndexKey = 'listen';
function Item(def) {
  Property.call(this, def);
  def = def || {};
  this.request = new Request(def.request || '');
  this.responses = new PropertyList(Response, this, def.response || []);
  this.events = new PropertyList(Event, this, def.event || []);
}
inherit(Item, Property);
Item._postman_propertyIndexKey = 'id';
Item.isItem = function (v) { return v instanceof Item; };
function ItemGroup(def) {
  Property.call(this, def);
  def = def || {};
  this.items = new PropertyList(null, this, (def.item || []).map(function (i) { return i && i.item ? new ItemGroup(i) : new Item(i); }));
  this.events = new PropertyList(Event, this, def.event || []);
}
inherit(ItemGroup, Property);
ItemGroup.prototype.forEachItem = function (fn) { this.items.each(function (i) { if (i instanceof ItemGroup) i.forEachItem(fn); else fn(i); }); };
ItemGroup.isItemGroup = function (v) { return v instanceof ItemGroup; };
function Collection(def) {
  ItemGroup.call(this, def);
  def = def || {};
  if (def.info) { this.id = def.info._postman_id || def.info.id; this.name = def.info.name; }
  this.variables = new VariableList(this, def.variable || []);
}
inherit(Collection, ItemGroup);
Collection.isCollection = function (v) { return v instanceof Collection; };

module.exports = sandbox.strict({
  PropertyBase: PropertyBase,
  Property: Property,
  PropertyList: PropertyList,
  QueryParam: QueryParam,
  Header: Header,
  HeaderList: PropertyList,
  FormParam: FormParam,
  Variable: Variable,
  VariableList: VariableList,
  VariableScope: VariableScope,
  Url: Url,
  RequestBody: RequestBody,
  Request: Request,
  Response: Response,
  Cookie: Cookie,
  CookieList: CookieList,
  RequestAuth: RequestAuth,
  UrlMatchPattern: UrlMatchPattern,
  UrlMatchPatternList: UrlMatchPatternList,
  Certificate: Certificate,
  CertificateList: CertificateList,
  ProxyConfig: ProxyConfig,
  ProxyConfigList: ProxyConfigList,
  Version: Version,
  Description: Description,
  Script: Script,
  Event: Event,
  EventList: PropertyList,
  Item: Item,
  ItemGroup: ItemGroup,
  Collection: Collection
}, 'postman-collection');
