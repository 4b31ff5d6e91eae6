// Node's path module, POSIX flavour (https://nodejs.org/api/path.html). The sandbox has no
// working directory: resolve() starts from '/'.
'use strict';
function normalizeArray(parts, allowAbove) {
  var out = [];
  parts.forEach(function (p) {
    if (!p || p === '.') return;
    if (p === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (allowAbove) out.push('..'); }
    else out.push(p);
  });
  return out;
}
function check(p) { if (typeof p !== 'string') throw new TypeError('The "path" argument must be of type string. Received ' + (p === null ? 'null' : typeof p)); }
function normalize(p) {
  check(p);
  if (!p) return '.';
  var abs = p.charAt(0) === '/', trailing = p.charAt(p.length - 1) === '/';
  var out = normalizeArray(p.split('/'), !abs).join('/');
  if (!out && !abs) out = '.';
  if (out && trailing) out += '/';
  return (abs ? '/' : '') + out;
}
function join() {
  var parts = Array.prototype.slice.call(arguments);
  parts.forEach(check);
  var joined = parts.filter(Boolean).join('/');
  return joined ? normalize(joined) : '.';
}
function resolve() {
  var resolved = '', abs = false;
  for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
    var p = i >= 0 ? arguments[i] : '/';
    check(p);
    if (!p) continue;
    resolved = p + '/' + resolved;
    abs = p.charAt(0) === '/';
  }
  var out = normalizeArray(resolved.split('/'), !abs).join('/');
  return ((abs ? '/' : '') + out) || '.';
}
function isAbsolute(p) { check(p); return p.charAt(0) === '/'; }
function relative(from, to) {
  from = resolve(from); to = resolve(to);
  if (from === to) return '';
  var f = from.split('/').filter(Boolean), t = to.split('/').filter(Boolean), i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  return f.slice(i).map(function () { return '..'; }).concat(t.slice(i)).join('/');
}
function dirname(p) {
  check(p);
  if (!p) return '.';
  var s = p.replace(/\/+$/, '');
  if (!s) return '/';
  var i = s.lastIndexOf('/');
  if (i < 0) return '.';
  var d = s.slice(0, i).replace(/\/+$/, '');
  return d || '/';
}
function basename(p, ext) {
  check(p);
  var s = p.replace(/\/+$/, ''), b = s.slice(s.lastIndexOf('/') + 1);
  if (ext !== undefined && b.slice(-ext.length) === ext && b !== ext) b = b.slice(0, b.length - ext.length);
  return b;
}
function extname(p) {
  var b = basename(p), i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}
function parse(p) {
  check(p);
  var root = p.charAt(0) === '/' ? '/' : '', base = basename(p), ext = extname(p);
  var dir = dirname(p);
  if (dir === '.' && p.indexOf('/') < 0) dir = '';
  return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
}
function format(o) {
  var dir = o.dir || o.root || '', base = o.base || ((o.name || '') + (o.ext ? (o.ext.charAt(0) === '.' ? '' : '.') + o.ext : ''));
  if (!dir) return base;
  return dir === o.root ? dir + base : dir + '/' + base;
}
var posix = { sep: '/', delimiter: ':', normalize: normalize, join: join, resolve: resolve, isAbsolute: isAbsolute, relative: relative,
  dirname: dirname, basename: basename, extname: extname, parse: parse, format: format, toNamespacedPath: function (p) { return p; } };
posix.posix = posix;
posix.win32 = null;
module.exports = posix;
