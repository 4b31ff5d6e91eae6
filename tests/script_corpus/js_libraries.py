"""Collections for the Newman comparison that exercise the sandbox libraries written in JavaScript.

One collection per library family: lodash (4 through `require`, 3 as the legacy `_`), moment,
SugarJS prototype methods, the Node modules (querystring, path, util, assert, events, punycode,
url, string_decoder) and postman-collection. Each pre-request script builds part of the request
from a library's results, so the comparison sees them on the wire, and each test script checks
what the echo server returns. Values are fixed (no clocks, no randomness) so both runners agree.

Used by benchmarks/compare_newman.py and tests/test_scripts_libs_js.py.
"""

from __future__ import annotations

from .make_corpus import collection, item


def lodash_libraries() -> dict:
    """lodash 4 via require, lodash 3 as the legacy global `_`."""
    return collection("corpus lodash", [
        item("lodash builds the query", "GET", "{{baseUrl}}/echo?names={{names}}&legacy={{legacy}}&top={{top}}",
             prerequest="""
var L = require('lodash');
var users = [{name: 'bo', age: 31, team: 'x'}, {name: 'al', age: 25, team: 'y'}, {name: 'cy', age: 40, team: 'x'}];
pm.environment.set('names', L.map(L.sortBy(users, 'age'), 'name').join(','));
pm.environment.set('legacy', _.pluck(_.where(users, {team: 'x'}), 'name').join('|'));
pm.environment.set('top', L.maxBy(users, 'age').name);
pm.request.headers.add({key: 'X-Groups', value: JSON.stringify(L.mapValues(L.groupBy(users, 'team'), 'length'))});
pm.request.headers.add({key: 'X-Case', value: [L.camelCase('Hello big world'), L.kebabCase('fooBarBaz'), L.snakeCase('Foo Bar')].join(' ')});
""", test="""
var L = require('lodash');
var body = pm.response.json();
pm.test("query built by lodash", function () {
    pm.expect(body.query).to.eql({names: 'al,bo,cy', legacy: 'bo|cy', top: 'cy'});
});
pm.test("deep paths and predicates", function () {
    pm.expect(L.get(body, 'headers["x-groups"]')).to.equal('{"x":2,"y":1}');
    pm.expect(L.has(body, 'query.names')).to.be.true;
    pm.expect(L.isEqual(L.pick(body.query, ['top']), {top: 'cy'})).to.be.true;
    pm.expect(L.chain(body.query).keys().sortBy().value()).to.eql(['legacy', 'names', 'top']);
});
pm.test("legacy _ is lodash 3", function () {
    pm.expect(_.VERSION.charAt(0)).to.equal('3');
    pm.expect(_.max([])).to.equal(-Infinity);
    pm.expect(_.contains(['a'], 'a')).to.be.true;
});
pm.test("fails on purpose", function () {
    pm.expect(L.size(body.query)).to.equal(4);
});
"""),
    ])


def moment_library() -> dict:
    """moment: parsing, formatting, arithmetic and durations with fixed instants."""
    return collection("corpus moment", [
        item("moment dates on the wire", "GET", "{{baseUrl}}/echo?next={{nextMonth}}&start={{weekStart}}",
             prerequest="""
var moment = require('moment');
var base = moment.utc('2020-01-31T10:20:30Z');
pm.environment.set('nextMonth', base.clone().add(1, 'month').format('YYYY-MM-DD'));
pm.environment.set('weekStart', base.clone().startOf('isoWeek').toISOString());
pm.request.headers.add({key: 'X-Formatted', value: base.format('dddd, MMMM Do YYYY, h:mm:ss a')});
pm.request.headers.add({key: 'X-Duration', value: moment.duration(90, 'minutes').humanize() + '|' + moment.duration('PT1H30M').asSeconds()});
""", test="""
var moment = require('moment');
var body = pm.response.json();
pm.test("dates", function () {
    pm.expect(body.query.next).to.equal('2020-02-29');
    pm.expect(body.query.start).to.equal('2020-01-27T00:00:00.000Z');
    pm.expect(body.headers['x-formatted']).to.equal('Friday, January 31st 2020, 10:20:30 am');
    pm.expect(body.headers['x-duration']).to.equal('2 hours|5400');
});
pm.test("parsing and comparing", function () {
    var a = moment.utc('2020-01-31'), b = moment.utc('2020-03-01');
    pm.expect(b.diff(a, 'days')).to.equal(30);
    pm.expect(b.diff(a, 'months', true)).to.be.closeTo(1.0323, 0.0001);
    pm.expect(moment('2020-02-30', 'YYYY-MM-DD', true).isValid()).to.be.false;
    pm.expect(moment.utc('25/12/1995', 'DD/MM/YYYY').isBefore('1996-01-01')).to.be.true;
});
"""),
    ])


def sugar_methods() -> dict:
    """SugarJS prototype methods, as legacy collections call them."""
    return collection("corpus sugar", [
        item("Sugar methods", "GET", "{{baseUrl}}/echo?day={{day}}&slug={{slug}}", prerequest="""
var day = new Date(Date.UTC(2020, 0, 31, 12)).addDays(1).addMonths(1);
pm.environment.set('day', day.format('{yyyy}-{MM}-{dd}'));
pm.environment.set('slug', 'Hello big World'.dasherize().toLowerCase().replace(/ /g, '-'));
pm.request.headers.add({key: 'X-Sugar', value: [[1, 2, 3].sum(), [3, 1, 2].max(), [1, 2, 2].unique().length, 'abc'.has('b')].join(',')});
""", test="""
var body = pm.response.json();
pm.test("sugar values reached the server", function () {
    pm.expect(body.query.day).to.equal('2020-03-01');
    pm.expect(body.query.slug).to.equal('hello-big-world');
    pm.expect(body.headers['x-sugar']).to.equal('6,3,2,true');
});
pm.test("array and string methods", function () {
    pm.expect([1, 2, 3].none(5)).to.be.true;
    pm.expect([{a: 1}, {a: 2}].any({a: 2})).to.be.true;
    pm.expect(['b', 'a'].sortBy()).to.eql(['a', 'b']);
    pm.expect((3.456).round(2)).to.equal(3.46);
    pm.expect('hello world'.capitalize(true)).to.equal('Hello World');
    pm.expect(Object.isEmpty({})).to.be.true;
});
pm.test("for-in over arrays is unaffected", function () {
    var keys = [];
    for (var k in [7, 8]) keys.push(k);
    pm.expect(keys).to.eql(['0', '1']);
});
"""),
    ])


def node_modules() -> dict:
    """The Node modules Postman's sandbox offers."""
    return collection("corpus node modules", [
        item("querystring, path, util", "GET", "{{baseUrl}}/echo?{{qs}}", prerequest="""
var qs = require('querystring'), path = require('path'), util = require('util');
pm.environment.set('qs', qs.stringify({a: [1, 2], b: 'x y', c: 'ü'}));
pm.request.headers.add({key: 'X-Path', value: path.join('/a/b', '../c', 'd.txt') + '|' + path.extname('x.tar.gz')});
pm.request.headers.add({key: 'X-Format', value: util.format('%s has %d items: %j', 'cart', 3, {ok: true})});
""", test="""
var assert = require('assert'), EventEmitter = require('events'), punycode = require('punycode'), url = require('url');
var body = pm.response.json();
pm.test("query and headers", function () {
    assert.deepStrictEqual(body.query, {a: '1', b: 'x y', c: 'ü'});
    assert.strictEqual(body.headers['x-path'], '/a/c/d.txt|.gz');
    assert.strictEqual(body.headers['x-format'], 'cart has 3 items: {"ok":true}');
});
pm.test("events, punycode, url", function () {
    var seen = [], e = new EventEmitter();
    e.once('x', function (v) { seen.push(v); });
    e.emit('x', 1); e.emit('x', 2);
    assert.deepStrictEqual(seen, [1]);
    assert.strictEqual(punycode.toASCII('mañana.com'), 'xn--maana-pta.com');
    assert.strictEqual(url.parse('http://u:p@h.com:8/p?q=1#f', true).query.q, '1');
    assert.strictEqual(url.resolve('http://h.com/a/b', '../c'), 'http://h.com/c');
});
pm.test("a failing assert fails the test", function () {
    assert.strictEqual(1, 2, 'one is not two');
});
"""),
    ])


def postman_collection_sdk() -> dict:
    """require('postman-collection'): Property.replaceSubstitutions, Url, PropertyList, Request."""
    return collection("corpus postman-collection", [
        item("SDK builds the URL", "POST", "{{baseUrl}}{{sdkPath}}", body={"greeting": "hi {{who}}"}, prerequest="""
var sdk = require('postman-collection');
pm.environment.set('who', 'ada');
var url = new sdk.Url(pm.environment.get('baseUrl') + '/echo?x=1');
url.addQueryParams([{key: 'y', value: sdk.Property.replaceSubstitutions('{{who}}-{{n}}', {who: 'ada', n: 2})}]);
url.removeQueryParams('x');
pm.environment.set('sdkPath', url.getPathWithQuery());
var req = new sdk.Request({url: 'http://h.test/p', method: 'post', header: [{key: 'A', value: '1'}]});
req.upsertHeader({key: 'A', value: '2'});
pm.request.headers.add({key: 'X-Sdk', value: req.method + ' ' + req.headers.get('a') + ' ' + sdk.QueryParam.unparse([{key: 'k', value: 'v'}])});
""", test="""
var sdk = require('postman-collection');
var body = pm.response.json();
pm.test("the SDK's values", function () {
    pm.expect(body.path).to.equal('/echo');
    pm.expect(body.query).to.eql({y: 'ada-2'});
    pm.expect(body.headers['x-sdk']).to.equal('POST 2 k=v');
    pm.expect(JSON.parse(body.body).greeting).to.equal('hi ada');
});
pm.test("lists and scopes", function () {
    var list = new sdk.PropertyList(sdk.QueryParam, null, sdk.QueryParam.parse('a=1&b=2&a=3'));
    pm.expect(list.get('a')).to.equal('3');
    pm.expect(list.toObject()).to.eql({a: ['1', '3'], b: '2'});
    var scope = new sdk.VariableScope({values: [{key: 'h', value: 'x.test'}]});
    pm.expect(scope.replaceIn('http://{{h}}/')).to.equal('http://x.test/');
});
"""),
    ])


CASES = [
    ("lodash (4 and legacy 3)", lodash_libraries),
    ("moment", moment_library),
    ("Sugar prototype methods", sugar_methods),
    ("Node modules", node_modules),
    ("postman-collection", postman_collection_sdk),
]
