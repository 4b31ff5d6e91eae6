// xml2js 0.4 (as Postman bundles it), written from its documentation: Python's expat parses
// (host_xml.py), and this file shapes the tree as xml2js does: attributes under `$`, text under
// `_`, children in arrays unless explicitArray is false, mergeAttrs, explicitRoot, trim,
// normalize, ignoreAttrs, emptyTag, the name/value processors, explicitChildren. Callbacks run
// synchronously, as with `async: false`. Builder turns objects back into XML text.
var sandbox = require('#sandbox');

var DEFAULTS = {
  explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
  explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, validator: null, xmlns: false,
  explicitChildren: false, preserveChildrenOrder: false, childkey: '$$', charsAsChildren: false,
  includeWhiteChars: false, async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null,
  tagNameProcessors: null, valueProcessors: null, rootName: 'root',
  xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true }, doctype: null,
  renderOpts: { pretty: true, indent: '  ', newline: '\n' }, headless: false, chunkSize: 10000, emptyTag: '',
  cdata: false
};

function options(given) {
  var o = Object.assign({}, DEFAULTS, given || {});
  if (o.preserveChildrenOrder) throw sandbox.unsupported('xml2js option preserveChildrenOrder is not supported');
  if (o.xmlns) throw sandbox.unsupported('xml2js option xmlns is not supported');
  if (o.validator) throw sandbox.unsupported('xml2js option validator is not supported');
  return o;
}

function processItem(processors, item, key) {
  for (var i = 0; i < processors.length; i++) item = processors[i](item, key);
  return item;
}

function isEmpty(obj) { return typeof obj === 'object' && obj !== null && Object.keys(obj).length === 0; }

function shape(root, o) {
  var attrkey = o.attrkey, charkey = o.charkey;
  function assignOrPush(obj, key, value) {
    if (!(key in obj)) {
      obj[key] = o.explicitArray ? [value] : value;
    } else {
      if (!Array.isArray(obj[key])) obj[key] = [obj[key]];
      obj[key].push(value);
    }
  }
  function build(node) {
    var obj = {}, cdata = false, name = node.n;
    if (o.normalizeTags) name = name.toLowerCase();
    if (o.tagNameProcessors) name = processItem(o.tagNameProcessors, name);
    obj[charkey] = '';
    if (!o.ignoreAttrs) {
      node.a.forEach(function (pair) {
        if (!(attrkey in obj) && !o.mergeAttrs) obj[attrkey] = {};
        var value = o.attrValueProcessors ? processItem(o.attrValueProcessors, pair[1], pair[0]) : pair[1];
        var key = o.attrNameProcessors ? processItem(o.attrNameProcessors, pair[0]) : pair[0];
        if (o.mergeAttrs) assignOrPush(obj, key, value);
        else obj[attrkey][key] = value;
      });
    }
    node.c.forEach(function (child) {
      if (typeof child === 'string') obj[charkey] += child;
      else if (child.n === undefined) { obj[charkey] += child.d; cdata = true; }
      else {
        var built = build(child);
        assignOrPush(obj, built[0], built[1]);
      }
    });
    var emptyStr = '';
    if (/^\s*$/.test(obj[charkey]) && !cdata) {
      emptyStr = obj[charkey];
      delete obj[charkey];
    } else {
      if (o.trim) obj[charkey] = obj[charkey].trim();
      if (o.normalize) obj[charkey] = obj[charkey].replace(/\s{2,}/g, ' ').trim();
      if (o.valueProcessors) obj[charkey] = processItem(o.valueProcessors, obj[charkey], name);
      if (Object.keys(obj).length === 1 && charkey in obj && !o.explicitCharkey) obj = obj[charkey];
    }
    if (isEmpty(obj)) obj = o.emptyTag !== '' ? o.emptyTag : emptyStr;
    if (o.explicitChildren && typeof obj === 'object' && obj !== null && !o.charsAsChildren) {
      var holder = {};
      if (attrkey in obj) { holder[attrkey] = obj[attrkey]; delete obj[attrkey]; }
      if (charkey in obj) { holder[charkey] = obj[charkey]; delete obj[charkey]; }
      if (Object.getOwnPropertyNames(obj).length > 0) holder[o.childkey] = obj;
      obj = holder;
    }
    return [name, obj];
  }
  if (root === null) return null;
  var top = build(root);
  if (!o.explicitRoot) return top[1];
  var result = {};
  result[top[0]] = top[1];
  return result;
}

function parseWith(o, text) {
  var tree = sandbox.host('xml.parse', String(text === undefined || text === null ? '' : text));
  return shape(tree, o);
}

function Parser(opts) {
  if (!(this instanceof Parser)) return new Parser(opts);
  this.options = options(opts);
}
Parser.prototype.parseString = function (text, callback) {
  var result, error = null;
  try {
    result = parseWith(this.options, text);
  } catch (e) {
    if (e && e.name === 'UnsupportedError') throw e;
    error = e;
  }
  if (typeof callback === 'function') {
    if (error) callback(error);
    else callback(null, result);
  }
  return this;
};
Parser.prototype.parseStringPromise = function (text) {
  var self = this;
  return new Promise(function (resolve, reject) {
    self.parseString(text, function (err, result) { if (err) reject(err); else resolve(result); });
  });
};
Parser.prototype.reset = function () { return this; };
Parser.prototype.on = function () { throw sandbox.unsupported('xml2js Parser events are not supported (give parseString a callback)'); };

function parseString(text, opts, callback) {
  if (typeof opts === 'function') { callback = opts; opts = {}; }
  return new Parser(opts).parseString(text, callback);
}
function parseStringPromise(text, opts) { return new Parser(opts).parseStringPromise(text); }

// ---------- Builder --------------------------------------------------------------------------
function escapeText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}
function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}
function requiresCDATA(s) { return typeof s === 'string' && (s.indexOf('&') >= 0 || s.indexOf('<') >= 0 || s.indexOf('>') >= 0); }
function wrapCDATA(s) { return '<![CDATA[' + String(s).replace(/]]>/g, ']]]]><![CDATA[>') + ']]>'; }

function Element(name) { this.name = String(name); this.attrs = []; this.children = []; }
Element.prototype.ele = function (name, text) {
  var child = new Element(name);
  if (text !== undefined) child.children.push({ text: escapeText(text) });
  this.children.push(child);
  return child;
};
Element.prototype.txt = function (text) { this.children.push({ text: escapeText(text) }); };
Element.prototype.raw = function (text) { this.children.push({ text: text }); };
Element.prototype.att = function (name, value) { this.attrs.push([String(name), value]); };

function renderXml(el, r, level) {
  var pad = r.pretty ? new Array(level + 1).join(r.indent) : '', nl = r.pretty ? r.newline : '';
  var open = pad + '<' + el.name + el.attrs.map(function (a) { return ' ' + a[0] + '="' + escapeAttr(a[1]) + '"'; }).join('');
  if (!el.children.length) return open + '/>' + nl;
  if (el.children.length === 1 && el.children[0].text !== undefined) return open + '>' + el.children[0].text + '</' + el.name + '>' + nl;
  var out = open + '>' + nl;
  el.children.forEach(function (c) {
    out += c.text !== undefined ? (r.pretty ? new Array(level + 2).join(r.indent) : '') + c.text + nl : renderXml(c, r, level + 1);
  });
  return out + pad + '</' + el.name + '>' + nl;
}

function Builder(opts) {
  if (!(this instanceof Builder)) return new Builder(opts);
  this.options = Object.assign({}, DEFAULTS, opts || {});
  this.options.renderOpts = Object.assign({}, DEFAULTS.renderOpts, (opts || {}).renderOpts || {});
}
Builder.prototype.buildObject = function (rootObj) {
  var o = this.options, attrkey = o.attrkey, charkey = o.charkey, rootName;
  if (o.doctype) throw sandbox.unsupported('xml2js Builder option doctype is not supported');
  if (rootObj && typeof rootObj === 'object' && Object.keys(rootObj).length === 1 && o.rootName === DEFAULTS.rootName) {
    rootName = Object.keys(rootObj)[0];
    rootObj = rootObj[rootName];
  } else {
    rootName = o.rootName;
  }
  function render(element, obj) {
    if (typeof obj !== 'object' || obj === null) {
      if (obj === null || obj === undefined) return element;
      if (o.cdata && requiresCDATA(obj)) element.raw(wrapCDATA(obj)); else element.txt(obj);
      return element;
    }
    if (Array.isArray(obj)) {
      obj.forEach(function (child) {
        Object.keys(child || {}).forEach(function (key) { render(element.ele(key), child[key]); });
      });
      return element;
    }
    Object.keys(obj).forEach(function (key) {
      var child = obj[key];
      if (key === attrkey) {
        if (typeof child === 'object' && child !== null) Object.keys(child).forEach(function (a) { element.att(a, child[a]); });
      } else if (key === charkey) {
        if (o.cdata && requiresCDATA(child)) element.raw(wrapCDATA(child)); else element.txt(child);
      } else if (Array.isArray(child)) {
        child.forEach(function (entry) {
          if (typeof entry === 'string') {
            if (o.cdata && requiresCDATA(entry)) element.ele(key).raw(wrapCDATA(entry));
            else element.ele(key, entry);
          } else {
            render(element.ele(key), entry);
          }
        });
      } else if (typeof child === 'object' && child !== null) {
        render(element.ele(key), child);
      } else if (typeof child === 'string' && o.cdata && requiresCDATA(child)) {
        element.ele(key).raw(wrapCDATA(child));
      } else {
        element.ele(key, child === null || child === undefined ? '' : String(child));
      }
    });
    return element;
  }
  var root = render(new Element(rootName), rootObj);
  var r = o.renderOpts, nl = r.pretty ? r.newline : '', out = '';
  if (!o.headless) {
    var dec = o.xmldec || {};
    out += '<?xml version="' + (dec.version || '1.0') + '"' + (dec.encoding ? ' encoding="' + dec.encoding + '"' : '') +
      (dec.standalone !== undefined && dec.standalone !== null ? ' standalone="' + (dec.standalone ? 'yes' : 'no') + '"' : '') + '?>' + nl;
  }
  out += renderXml(root, r, 0);
  return nl && out.slice(-nl.length) === nl ? out.slice(0, -nl.length) : out;
};

// ---------- processors -----------------------------------------------------------------------
var processors = {
  normalize: function (str) { return str.toLowerCase(); },
  firstCharLowerCase: function (str) { return str.charAt(0).toLowerCase() + str.slice(1); },
  stripPrefix: function (str) { return str.replace(/(?!xmlns)^.*:/, ''); },
  parseNumbers: function (str) { if (!isNaN(str)) str = str % 1 === 0 ? parseInt(str, 10) : parseFloat(str); return str; },
  parseBooleans: function (str) { if (/^(?:true|false)$/i.test(str)) str = str.toLowerCase() === 'true'; return str; }
};

function ValidationError(message) { var e = new Error(message); Object.setPrototypeOf(e, ValidationError.prototype); return e; }
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.name = 'ValidationError';

// Postman's `xml2Json(text)`: explicitArray false, trim true; a parse error gives undefined.
function xml2Json(text) {
  var out;
  parseString(text, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, function (err, result) { out = result; });
  return out;
}

module.exports = {
  defaults: { '0.1': Object.assign({}, DEFAULTS, { explicitArray: false, explicitRoot: false }), '0.2': Object.assign({}, DEFAULTS) },
  Parser: Parser,
  parseString: parseString,
  parseStringPromise: parseStringPromise,
  Builder: Builder,
  processors: processors,
  ValidationError: ValidationError,
  xml2Json: xml2Json
};
