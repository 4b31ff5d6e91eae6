// Node's url module (https://nodejs.org/api/url.html): the legacy parse/format/resolve API
// (Url objects with protocol, slashes, auth, host, port, hostname, hash, search, query, pathname,
// path, href) and URL/URLSearchParams when the engine provides them.
'use strict';
var querystring = require('querystring');
var punycode = require('punycode');
var SLASHED = { http: true, https: true, ftp: true, gopher: true, file: true, 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true };
function Url() {
  this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
  this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
}
function parse(str, parseQuery, slashesDenoteHost) {
  if (str instanceof Url) return str;
  if (typeof str !== 'string') throw new TypeError('The "url" argument must be of type string. Received ' + typeof str);
  var u = new Url(), rest = str.trim().replace(/\\/g, '/'), m;
  var hashAt = rest.indexOf('#');
  if (hashAt > -1) { u.hash = rest.slice(hashAt); rest = rest.slice(0, hashAt); }
  var qAt = rest.indexOf('?');
  if (qAt > -1) { u.search = rest.slice(qAt); u.query = rest.slice(qAt + 1); rest = rest.slice(0, qAt); }
  else if (parseQuery) { u.search = ''; u.query = {}; }
  if (parseQuery && typeof u.query === 'string') u.query = querystring.parse(u.query);
  if ((m = /^([a-z0-9.+-]+:)/i.exec(rest))) { u.protocol = m[1].toLowerCase(); rest = rest.slice(m[1].length); }
  if ((slashesDenoteHost || u.protocol) && rest.slice(0, 2) === '//' && !(u.protocol === 'javascript:')) { u.slashes = true; rest = rest.slice(2); }
  if (u.slashes || (u.protocol && !SLASHED[u.protocol] && false)) {
    var end = rest.search(/[/?#]/);
    var hostPart = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
    var at = hostPart.lastIndexOf('@');
    if (at > -1) { u.auth = decodeURIComponent(hostPart.slice(0, at)); hostPart = hostPart.slice(at + 1); }
    var pm = /:(\d*)$/.exec(hostPart);
    if (pm) { if (pm[1]) u.port = pm[1]; hostPart = hostPart.slice(0, pm.index); }
    var ipv6 = /^\[.*\]$/.test(hostPart);
    u.hostname = ipv6 ? hostPart.slice(1, -1) : punycode.toASCII(hostPart.toLowerCase());
    u.host = (ipv6 ? '[' + u.hostname + ']' : u.hostname) + (u.port ? ':' + u.port : '');
    if (SLASHED[u.protocol] && !rest) rest = '/';
  }
  rest = rest.replace(/[ "'<>`{}|^]/g, function (c) { return encodeURIComponent(c) === c ? escape(c) : encodeURIComponent(c); });
  if (rest) u.pathname = rest;
  if (u.pathname !== null || u.search !== null) u.path = (u.pathname || '') + (u.search || '');
  u.href = format(u);
  return u;
}
function format(u) {
  if (typeof u === 'string') u = parse(u);
  if (typeof URL === 'function' && u instanceof URL) return u.toString();
  var auth = u.auth ? encodeURIComponent(u.auth).replace(/%3A/i, ':') + '@' : '';
  var protocol = u.protocol || '', pathname = u.pathname || '', hash = u.hash || '', host = false, query = '';
  if (u.host) host = auth + u.host;
  else if (u.hostname) host = auth + (u.hostname.indexOf(':') < 0 ? u.hostname : '[' + u.hostname + ']') + (u.port ? ':' + u.port : '');
  if (u.query && typeof u.query === 'object' && Object.keys(u.query).length) query = querystring.stringify(u.query);
  var search = u.search || (query && '?' + query) || '';
  if (protocol && protocol.slice(-1) !== ':') protocol += ':';
  if (u.slashes || ((!protocol || SLASHED[protocol]) && host !== false)) {
    host = '//' + (host || '');
    if (pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
  } else if (!host) host = '';
  if (hash && hash.charAt(0) !== '#') hash = '#' + hash;
  if (search && search.charAt(0) !== '?') search = '?' + search;
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace('#', '%23');
  return protocol + host + pathname + search + hash;
}
function resolve(from, to) {
  if (typeof URL === 'function') {
    try {
      var base = new URL(from, 'resolve://');
      var r = new URL(to, base);
      if (r.protocol === 'resolve:') { var p = r.pathname + r.search + r.hash; return /^\//.test(from) ? p : p.replace(/^\//, ''); }
      return r.toString();
    } catch (e) { /* fall through */ }
  }
  var b = parse(from, false, true), t = parse(to, false, true);
  if (t.protocol || t.slashes) return format(t);
  var basePath = (b.pathname || '/').replace(/[^/]*$/, ''), path = t.pathname ? (t.pathname.charAt(0) === '/' ? t.pathname : basePath + t.pathname) : (b.pathname || '');
  var segs = [];
  path.split('/').forEach(function (s, i, all) { if (s === '..') { if (segs.length > 1) segs.pop(); } else if (s !== '.' || i === all.length - 1) segs.push(s === '.' ? '' : s); });
  b.pathname = segs.join('/');
  b.search = t.pathname || t.search ? t.search : b.search;
  b.hash = t.hash;
  b.query = null; b.path = null;
  return format(b);
}
exports.Url = Url;
exports.parse = parse;
exports.format = format;
exports.resolve = resolve;
exports.resolveObject = function (from, to) { return parse(resolve(from, to)); };
if (typeof URL === 'function') exports.URL = URL;
if (typeof URLSearchParams === 'function') exports.URLSearchParams = URLSearchParams;
exports.domainToASCII = punycode.toASCII;
exports.domainToUnicode = punycode.toUnicode;
