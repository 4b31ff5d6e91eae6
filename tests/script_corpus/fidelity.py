"""Fidelity collections: one per sandbox library and per pm API area, written for the Newman
comparison (benchmarks/compare_newman.py). Every collection addresses `{{baseUrl}}` on the
corpus server (make_corpus.CorpusServer); every assertion is deterministic, so both engines must
give each `pm.test` the same verdict. The expectations are the libraries' documented behaviour.
"""

from __future__ import annotations

import json
from typing import Callable

from .make_corpus import collection, item


def tests(*pairs: tuple[str, str]) -> str:
    """`pm.test(name, function () { body });` for each (name, body)."""
    return "\n".join(f"pm.test({json.dumps(name)}, function () {{\n{body}\n}});" for name, body in pairs)


def echo(name: str, test: str, *, prerequest: str | None = None, url: str = "{{baseUrl}}/echo?q=1",
         method: str = "GET", body: object = None, headers: dict[str, str] | None = None) -> dict:
    return item(name, method, url, test=test, prerequest=prerequest, body=body, headers=headers)


# ---------------------------------------------------------------- libraries


def lib_lodash() -> dict:
    return collection("fidelity lodash", [echo("lodash", tests(
        ("global _ chunk", "pm.expect(_.chunk([1, 2, 3, 4, 5], 2)).to.eql([[1, 2], [3, 4], [5]]);"),
        ("require get/set", "var l = require('lodash'); var o = {a: {b: [1, {c: 3}]}};\n"
                            "pm.expect(l.get(o, 'a.b[1].c')).to.equal(3); l.set(o, 'x.y', 2); pm.expect(o.x.y).to.equal(2);"),
        ("groupBy sortBy uniq", "var l = require('lodash');\n"
                                "pm.expect(l.groupBy([1.3, 2.1, 2.4], Math.floor)).to.eql({1: [1.3], 2: [2.1, 2.4]});\n"
                                "pm.expect(l.sortBy([{n: 'b'}, {n: 'a'}], 'n')[0].n).to.equal('a');\n"
                                "pm.expect(l.uniq([2, 1, 2])).to.eql([2, 1]);"),
        ("isEqual pick omit", "var l = require('lodash');\n"
                              "pm.expect(l.isEqual({a: [1]}, {a: [1]})).to.be.true;\n"
                              "pm.expect(l.pick({a: 1, b: 2}, ['a'])).to.eql({a: 1});\n"
                              "pm.expect(l.omit({a: 1, b: 2}, 'a')).to.eql({b: 2});"),
        ("strings", "var l = require('lodash'); pm.expect(l.camelCase('Foo Bar')).to.equal('fooBar');\n"
                    "pm.expect(l.padStart('7', 3, '0')).to.equal('007'); pm.expect(l.capitalize('aBC')).to.equal('Abc');"),
        ("response json with lodash", "var j = pm.response.json(); pm.expect(_.has(j, 'query.q')).to.be.true;"),
    ))])


def lib_moment() -> dict:
    return collection("fidelity moment", [echo("moment", tests(
        ("format utc", "var moment = require('moment');\n"
                       "pm.expect(moment.utc('2024-02-29T13:45:00Z').format('YYYY-MM-DD HH:mm')).to.equal('2024-02-29 13:45');"),
        ("add and diff", "var moment = require('moment'); var a = moment.utc('2024-01-31');\n"
                         "pm.expect(a.clone().add(1, 'month').format('YYYY-MM-DD')).to.equal('2024-02-29');\n"
                         "pm.expect(moment.utc('2024-03-01').diff(a, 'days')).to.equal(30);"),
        ("isValid isBefore", "var moment = require('moment');\n"
                             "pm.expect(moment.utc('2024-13-01', 'YYYY-MM-DD', true).isValid()).to.be.false;\n"
                             "pm.expect(moment.utc('2020-01-01').isBefore('2021-01-01')).to.be.true;"),
        ("unix and ISO", "var moment = require('moment');\n"
                         "pm.expect(moment.unix(0).utc().toISOString()).to.equal('1970-01-01T00:00:00.000Z');\n"
                         "pm.expect(moment.utc('2024-05-06').startOf('month').format('D')).to.equal('1');"),
    ))])


def lib_crypto() -> dict:
    return collection("fidelity crypto-js", [echo("crypto-js", tests(
        ("md5 sha1 sha256", "pm.expect(CryptoJS.MD5('abc').toString()).to.equal('900150983cd24fb0d6963f7d28e17f72');\n"
                            "pm.expect(CryptoJS.SHA1('abc').toString()).to.equal('a9993e364706816aba3e25717850c26c9cd0d89d');\n"
                            "pm.expect(CryptoJS.SHA256('abc').toString()).to.equal("
                            "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');"),
        ("hmac base64", "var C = require('crypto-js');\n"
                        "pm.expect(C.HmacSHA256('message', 'secret').toString(C.enc.Base64)).to.equal("
                        "'i19IcCmVwVmMVz2x4hhmqbgl1KeU0WnXBgoDYFeWNgs=');"),
        ("base64 utf8", "var C = require('crypto-js'); var w = C.enc.Utf8.parse('héllo');\n"
                        "pm.expect(C.enc.Base64.stringify(w)).to.equal('aMOpbGxv');\n"
                        "pm.expect(C.enc.Utf8.stringify(C.enc.Base64.parse('aMOpbGxv'))).to.equal('héllo');"),
        ("aes round trip", "var C = require('crypto-js'); var key = C.enc.Utf8.parse('0123456789abcdef');\n"
                           "var iv = C.enc.Utf8.parse('fedcba9876543210');\n"
                           "var enc = C.AES.encrypt('payload', key, {iv: iv}).toString();\n"
                           "pm.expect(C.AES.decrypt(enc, key, {iv: iv}).toString(C.enc.Utf8)).to.equal('payload');"),
    ))])


def lib_uuid() -> dict:
    return collection("fidelity uuid", [echo("uuid", tests(
        ("v4 shape", "var uuid = require('uuid'); var v = uuid.v4 ? uuid.v4() : uuid();\n"
                     "pm.expect(v).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);"),
        ("two differ", "var uuid = require('uuid'); pm.expect(uuid.v4()).to.not.equal(uuid.v4());"),
        ("guid variable", "pm.expect(pm.variables.replaceIn('{{$guid}}')).to.match(/^[0-9a-f-]{36}$/);"),
    ))])


SCHEMA = {"type": "object", "required": ["method", "query"],
          "properties": {"method": {"type": "string"}, "query": {"type": "object"}}}
BAD_SCHEMA = {"type": "object", "required": ["nope"], "properties": {"method": {"type": "number"}}}


def lib_tv4() -> dict:
    return collection("fidelity tv4", [echo("tv4", tests(
        ("validate pass", f"pm.expect(tv4.validate(pm.response.json(), {json.dumps(SCHEMA)})).to.be.true;"),
        ("validate fail", f"pm.expect(tv4.validate(pm.response.json(), {json.dumps(BAD_SCHEMA)})).to.be.true;"),
        ("error code", f"tv4.validate(pm.response.json(), {json.dumps(BAD_SCHEMA)});\n"
                       "pm.expect(tv4.error.code).to.equal(0);"),
        ("validateMultiple", f"var r = tv4.validateMultiple(pm.response.json(), {json.dumps(BAD_SCHEMA)});\n"
                             "pm.expect(r.valid).to.be.false; pm.expect(r.errors.length).to.equal(2);"),
    ))])


def lib_ajv() -> dict:
    return collection("fidelity ajv", [echo("ajv", tests(
        ("compile pass", f"var Ajv = require('ajv'); var ajv = new Ajv();\n"
                         f"pm.expect(ajv.validate({json.dumps(SCHEMA)}, pm.response.json())).to.be.true;"),
        ("allErrors fail", f"var Ajv = require('ajv'); var ajv = new Ajv({{allErrors: true}});\n"
                           f"var ok = ajv.validate({json.dumps(BAD_SCHEMA)}, pm.response.json());\n"
                           "pm.expect(ok).to.be.false; pm.expect(ajv.errors.length).to.equal(2);"),
        ("errorsText", f"var Ajv = require('ajv'); var ajv = new Ajv();\n"
                       f"ajv.validate({json.dumps(BAD_SCHEMA)}, pm.response.json());\n"
                       "pm.expect(ajv.errorsText()).to.include('required property');"),
        ("chai jsonSchema", f"pm.response.to.have.jsonSchema({json.dumps(SCHEMA)});"),
        ("chai jsonSchema fails", f"pm.response.to.have.jsonSchema({json.dumps(BAD_SCHEMA)});"),
    ))])


def lib_chai() -> dict:
    return collection("fidelity chai", [echo("chai", tests(
        ("deep include", "pm.expect({a: {b: 1}, c: 2}).to.deep.include({a: {b: 1}});"),
        ("members", "pm.expect([1, 2, 3]).to.have.members([3, 2, 1]); pm.expect([1, 2]).to.include.members([2]);"),
        ("keys", "pm.expect({a: 1, b: 2}).to.have.all.keys('a', 'b'); pm.expect({a: 1, b: 2}).to.have.any.keys('a', 'z');"),
        ("nested property", "pm.expect({a: {b: [4, 5]}}).to.have.nested.property('a.b[1]', 5);"),
        ("numbers", "pm.expect(5).to.be.within(1, 10); pm.expect(0.3).to.be.closeTo(0.1 + 0.2, 1e-9);"),
        ("types", "pm.expect('x').to.be.a('string'); pm.expect([]).to.be.an('array'); pm.expect(null).to.be.null;"),
        ("oneOf and match", "pm.expect(2).to.be.oneOf([1, 2]); pm.expect('abc').to.match(/^a/);"),
        ("throw", "pm.expect(function () { throw new TypeError('boom'); }).to.throw(TypeError, 'boom');"),
        ("length", "pm.expect([1, 2]).to.have.lengthOf(2); pm.expect('abc').to.have.length.above(2);"),
        ("failing equal", "pm.expect({a: 1}).to.eql({a: 2});"),
        ("failing include", "pm.expect([1, 2]).to.include(3);"),
    ))])


def lib_cheerio() -> dict:
    return collection("fidelity cheerio", [echo("cheerio", tests(
        ("title and text", "var $ = cheerio.load(pm.response.text()); pm.expect($('title').text()).to.equal('Shop');\n"
                           "pm.expect($('h1.main').text()).to.equal('Welcome');"),
        ("find and attr", "var $ = require('cheerio').load(pm.response.text());\n"
                          "pm.expect($('#list li').length).to.equal(3); pm.expect($('a').attr('href')).to.equal('/next');\n"
                          "pm.expect($('li.sale').text()).to.equal('Two');"),
        ("each and data", "var $ = cheerio.load(pm.response.text()); var out = [];\n"
                          "$('li.item').each(function (i, el) { out.push($(el).text()); });\n"
                          "pm.expect(out).to.eql(['One', 'Two']); pm.expect($('a').attr('data-id')).to.equal('42');"),
    ), url="{{baseUrl}}/html")])


def lib_xml() -> dict:
    return collection("fidelity xml2js", [echo("xml2Json", tests(
        ("xml2Json", "var j = xml2Json(pm.response.text());\n"
                     "pm.expect(j.catalog.book[0].title).to.equal('Dune');\n"
                     "pm.expect(j.catalog.book[0].$.id).to.equal('b1');"),
        ("xml2js parseString", "var xml2js = require('xml2js'); var got;\n"
                               "xml2js.parseString(pm.response.text(), function (err, r) { got = r; });\n"
                               "pm.expect(got.catalog.book.length).to.equal(2);\n"
                               "pm.expect(got.catalog.book[1].title[0]).to.equal('Emma');"),
        ("explicitArray false", "var xml2js = require('xml2js'); var got;\n"
                                "new xml2js.Parser({explicitArray: false}).parseString(pm.response.text(), function (e, r) { got = r; });\n"
                                "pm.expect(got.catalog.book[0].price).to.equal('9.5');"),
    ), url="{{baseUrl}}/xml")])


def lib_csv() -> dict:
    return collection("fidelity csv-parse", [echo("csv-parse", tests(
        ("columns", "var parse = require('csv-parse/lib/sync');\n"
                    "var rows = parse('a,b\\n1,2\\n3,\"x,y\"', {columns: true});\n"
                    "pm.expect(rows).to.eql([{a: '1', b: '2'}, {a: '3', b: 'x,y'}]);"),
        ("arrays and skip", "var parse = require('csv-parse/lib/sync');\n"
                            "pm.expect(parse('1;2\\n\\n3;4', {delimiter: ';', skip_empty_lines: true})).to.eql([['1', '2'], ['3', '4']]);"),
    ))])


def lib_postman_collection() -> dict:
    return collection("fidelity postman-collection", [echo("postman-collection", tests(
        ("replaceSubstitutions", "var sdk = require('postman-collection');\n"
                                 "pm.expect(sdk.Property.replaceSubstitutions('Hi {{who}}', {who: 'Ada'})).to.equal('Hi Ada');"),
        ("Url parse", "var sdk = require('postman-collection'); var u = new sdk.Url('https://a.example/x/y?k=v');\n"
                      "pm.expect(u.getPath()).to.equal('/x/y'); pm.expect(u.query.get('k')).to.equal('v');\n"
                      "pm.expect(u.getHost()).to.equal('a.example');"),
        ("Header and QueryParam", "var sdk = require('postman-collection');\n"
                                  "pm.expect(new sdk.Header('X-A: 1').key).to.equal('X-A');\n"
                                  "pm.expect(sdk.QueryParam.unparse([{key: 'a', value: '1'}, {key: 'b', value: '2'}])).to.equal('a=1&b=2');"),
        ("VariableScope", "var sdk = require('postman-collection'); var s = new sdk.VariableScope({values: [{key: 'a', value: '1'}]});\n"
                          "pm.expect(s.get('a')).to.equal('1'); pm.expect(s.replaceIn('{{a}}!')).to.equal('1!');"),
    ))])


def lib_base64() -> dict:
    return collection("fidelity atob btoa", [echo("atob btoa", tests(
        ("btoa", "pm.expect(btoa('user:pass')).to.equal('dXNlcjpwYXNz');"),
        ("atob", "pm.expect(atob('dXNlcjpwYXNz')).to.equal('user:pass');"),
        ("require", "pm.expect(require('btoa')('a')).to.equal('YQ=='); pm.expect(require('atob')('YQ==')).to.equal('a');"),
    ))])


def lib_buffer() -> dict:
    return collection("fidelity Buffer", [echo("Buffer", tests(
        ("base64", "pm.expect(Buffer.from('héllo').toString('base64')).to.equal('aMOpbGxv');"),
        ("hex and length", "var b = Buffer.from('6869', 'hex'); pm.expect(b.toString()).to.equal('hi'); pm.expect(b.length).to.equal(2);"),
        ("concat and equals", "var B = require('buffer').Buffer; var c = B.concat([B.from('a'), B.from('b')]);\n"
                              "pm.expect(c.toString()).to.equal('ab'); pm.expect(c.equals(B.from('ab'))).to.be.true;"),
        ("byteLength", "pm.expect(Buffer.byteLength('héllo')).to.equal(6);"),
    ))])


def lib_node() -> dict:
    return collection("fidelity node modules", [echo("node modules", tests(
        ("url", "var url = require('url'); var u = url.parse('http://a.example:8080/p?q=1');\n"
                "pm.expect(u.hostname).to.equal('a.example'); pm.expect(u.port).to.equal('8080'); pm.expect(u.query).to.equal('q=1');"),
        ("querystring", "var qs = require('querystring'); pm.expect(qs.stringify({a: 1, b: ['x', 'y']})).to.equal('a=1&b=x&b=y');\n"
                        "pm.expect(qs.parse('a=1&b=2')).to.eql({a: '1', b: '2'});"),
        ("path", "var path = require('path'); pm.expect(path.join('/a', 'b', '../c')).to.equal('/a/c');\n"
                 "pm.expect(path.extname('f.json')).to.equal('.json');"),
        ("util", "var util = require('util'); pm.expect(util.format('%s=%d', 'n', 5)).to.equal('n=5');"),
        ("assert", "var assert = require('assert'); assert.strictEqual(1, 1); assert.deepStrictEqual({a: [1]}, {a: [1]});"),
        ("assert fails", "require('assert').strictEqual(1, 2);"),
        ("events", "var E = require('events'); var e = new E(); var got = 0; e.on('x', function (n) { got = n; }); e.emit('x', 3);\n"
                   "pm.expect(got).to.equal(3);"),
        ("punycode", "pm.expect(require('punycode').toASCII('mañana.com')).to.equal('xn--maana-pta.com');"),
        ("string_decoder", "var SD = require('string_decoder').StringDecoder; var d = new SD('utf8');\n"
                           "pm.expect(d.write(Buffer.from([0xC3])) + d.write(Buffer.from([0xA9]))).to.equal('é');"),
    ))])


def lib_sugar() -> dict:
    return collection("fidelity SugarJS", [echo("SugarJS", tests(
        ("array none any", "pm.expect([1, 2].none(3)).to.be.true; pm.expect([1, 2].any(2)).to.be.true;"),
        ("string has", "pm.expect('abc'.has('b')).to.be.true;"),
        ("array first last", "pm.expect([1, 2, 3].first()).to.equal(1); pm.expect([1, 2, 3].last()).to.equal(3);"),
        ("string capitalize", "pm.expect('hello'.capitalize()).to.equal('Hello');"),
        ("date addDays", "var d = new Date(Date.UTC(2024, 0, 30)); d.addDays(2); pm.expect(d.getUTCDate()).to.equal(1);"),
    ))])


def lib_timers() -> dict:
    return collection("fidelity timers", [echo("timers", prerequest="""
setTimeout(function () { pm.environment.set('late', 'yes'); }, 20);
""", test=tests(
        ("timeout ran before request", "pm.expect(pm.environment.get('late')).to.equal('yes');"),
    ) + """
var order = [];
setTimeout(function () { order.push('timeout'); }, 5);
setImmediate(function () { order.push('immediate'); });
var n = 0; var iv = setInterval(function () { n++; if (n === 3) { clearInterval(iv);
  pm.test('interval ran 3 times, immediate first', function () { pm.expect(n).to.equal(3); pm.expect(order[0]).to.equal('immediate'); });
} }, 2);
pm.test('async done', function (done) { setTimeout(function () { pm.expect(1).to.equal(1); done(); }, 5); });
""")])


# ---------------------------------------------------------------- pm API areas


def api_send_request() -> dict:
    return collection("fidelity pm.sendRequest", [
        echo("sendRequest", prerequest="""
pm.sendRequest(pm.environment.get('baseUrl') + '/nonce', function (err, res) {
  pm.environment.set('nonce', res.json().nonce);
});
pm.sendRequest({url: pm.environment.get('baseUrl') + '/echo', method: 'POST', header: {'X-Side': 'yes'},
  body: {mode: 'urlencoded', urlencoded: [{key: 'a', value: 'b c'}]}}, function (err, res) {
  pm.environment.set('sideBody', res.json().body);
});
""", test=tests(
            ("nonce came first", "pm.expect(pm.response.json().query.n).to.equal('n-1');"),
            ("urlencoded body", "pm.expect(pm.environment.get('sideBody')).to.equal('a=b%20c');"),
        ) + """
pm.sendRequest(pm.environment.get('baseUrl') + '/missing', function (err, res) {
  pm.test('404 is a response, not an error', function () { pm.expect(err).to.equal(null); pm.expect(res.code).to.equal(404); });
});
pm.sendRequest('http://127.0.0.1:9/refused', function (err, res) {
  pm.test('a refused connection is err', function () { pm.expect(err).to.not.equal(null); });
});
""", url="{{baseUrl}}/echo?n={{nonce}}"),
    ])


def api_prerequest_tests() -> dict:
    return collection("fidelity pre-request tests", [echo("pre-request tests", prerequest=tests(
        ("pre passes", "pm.expect(1).to.equal(1);"),
        ("pre fails", "pm.expect(1).to.equal(2);"),
        ("response is undefined before", "pm.expect(pm.response).to.be.undefined;"),
    ) + "\nif (pm.response && pm.response.code) { pm.environment.set('guard', 'broken'); }", test=tests(
        ("guard held", "pm.expect(pm.environment.get('guard')).to.be.undefined;"),
    ))])


def api_chai_postman() -> dict:
    return collection("fidelity chai-postman", [
        echo("response assertions", tests(
            ("status", "pm.response.to.have.status(200); pm.response.to.have.status('OK');"),
            ("statusCode statusReason", "pm.response.to.have.statusCode(200); pm.response.to.have.statusReason('OK');"),
            ("classes", "pm.response.to.be.success; pm.response.to.not.be.error; pm.response.to.be.ok;"),
            ("header", "pm.response.to.have.header('Content-Type'); pm.response.to.have.header('Content-Type', 'application/json');"),
            ("header value differs", "pm.response.to.have.header('Content-Type', 'text/plain');"),
            ("json withBody", "pm.response.to.be.json; pm.response.to.be.withBody;"),
            ("jsonBody", "pm.response.to.have.jsonBody(); pm.response.to.have.jsonBody('query.q', '1');"),
            ("not jsonBody empty", "pm.response.to.not.have.jsonBody('');"),
            ("body regexp", "pm.response.to.have.body(/\"method\": \"GET\"/);"),
            ("responseTime", "pm.response.to.have.responseTime.below(10000);"),
            ("responseSize", "pm.response.to.have.responseSize.above(10);"),
            ("postmanResponse", "pm.expect(pm.response).to.be.postmanResponse; pm.expect(pm.request).to.be.postmanRequest;"),
            ("request to have header", "pm.request.to.have.header('X-Mine', 'v');"),
            ("request lacks header", "pm.request.to.have.header('X-Absent');"),
            ("html is no chai property", "pm.response.to.be.html;"),
            ("created is no chai property", "pm.response.to.be.created;"),
        ), headers={"X-Mine": "v"}),
        echo("404 assertions", tests(
            ("notFound", "pm.response.to.be.notFound;"),
            ("clientError", "pm.response.to.be.clientError; pm.response.to.be.error;"),
            ("statusCodeClass", "pm.response.to.have.statusCodeClass(4);"),
            ("ok fails", "pm.response.to.be.ok;"),
        ), url="{{baseUrl}}/missing"),
    ])


def api_variables() -> dict:
    return collection("fidelity variables", [
        echo("set", prerequest="""
postman.setEnvironmentVariable('count', 5);
postman.setGlobalVariable('flag', true);
pm.environment.set('typed', 5);
pm.environment.set('gone', undefined);
pm.variables.set('b', 'B');
pm.variables.set('a_B', 'deep');
""", test=tests(
            ("legacy stores text", "pm.expect(pm.environment.get('count')).to.equal('5'); pm.expect(pm.globals.get('flag')).to.equal('true');"),
            ("pm keeps types", "pm.expect(pm.environment.get('typed')).to.equal(5);"),
            ("undefined is null in a later script", "pm.expect(pm.environment.has('gone')).to.be.true;\n"
                                                    "pm.expect(pm.environment.get('gone')).to.equal(null);"),
            ("undefined goes out as null", "pm.expect(pm.response.json().path).to.equal('/echo/null');"),
            ("replaceIn nested", "pm.expect(pm.variables.replaceIn('{{a_{{b}}}}')).to.equal('deep');"),
            ("legacy globals", "pm.expect(environment.count).to.equal('5'); pm.expect(globals.flag).to.equal('true');"),
        ), url="{{baseUrl}}/echo/{{gone}}"),
        echo("later item", tests(
            ("counter compare", "pm.expect(pm.environment.get('count') === '5').to.be.true;"),
            ("typed across items", "pm.expect(pm.environment.get('typed') + 1).to.equal(6);"),
        )),
    ])


def api_info_and_legacy() -> dict:
    described = echo("Described", prerequest=tests(
        ("info", "pm.expect(pm.info.eventName).to.equal('prerequest'); pm.expect(pm.info.iteration).to.equal(0);\n"
                 "pm.expect(pm.info.iterationCount).to.equal(1); pm.expect(pm.info.requestName).to.equal('Described');\n"
                 "pm.expect(pm.info.requestId).to.equal('fixed-id');"),
        ("location", "pm.expect(Array.from(pm.execution.location)).to.eql(['fidelity info', 'Folder', 'Described']);\n"
                     "pm.expect(pm.execution.location.current).to.equal('Described');"),
        ("legacy request", "pm.expect(request.name).to.equal('Described'); pm.expect(request.id).to.equal('fixed-id');\n"
                           "pm.expect(request.description).to.equal('What it does'); pm.expect(request.method).to.equal('POST');\n"
                           "pm.expect(request.headers['x-h']).to.equal('1'); pm.expect(request.data).to.equal('{\"a\":1}');"),
    ), test=tests(
        ("info in test", "pm.expect(pm.info.eventName).to.equal('test');"),
        ("legacy response globals", "pm.expect(responseCode.code).to.equal(200); pm.expect(JSON.parse(responseBody).method).to.equal('POST');\n"
                                    "pm.expect(tests).to.be.an('object');"),
    ), method="POST", body='{"a":1}', headers={"X-H": "1"})
    described["id"] = "fixed-id"
    described["request"]["description"] = "What it does"
    skipped = echo("Skipped", "pm.test('never runs', function () {});",
                   prerequest="pm.execution.skipRequest();")
    jump = echo("Jumps", "pm.execution.setNextRequest('Last');")
    never = echo("Jumped over", "pm.test('never runs either', function () {});")
    last = echo("Last", tests(("last ran", "pm.expect(pm.info.requestName).to.equal('Last');")))
    return collection("fidelity info", [{"name": "Folder", "item": [described]}, skipped, jump, never, last])


def api_cookies() -> dict:
    return collection("fidelity cookies", [
        echo("Sets cookie", tests(
            ("response cookie", "pm.expect(postman.getResponseCookie('sess').value).to.equal('abc123');"),
            ("pm.cookies", "pm.expect(pm.cookies.get('sess')).to.equal('abc123'); pm.expect(pm.cookies.has('none')).to.be.false;"),
        ) + """
var jar = pm.cookies.jar();
jar.get(pm.environment.get('baseUrl'), 'sess', function (err, v) {
  pm.test('jar get', function () { pm.expect(v).to.equal('abc123'); });
});
jar.set(pm.environment.get('baseUrl'), 'extra', 'v2', function (err, c) {
  pm.test('jar set', function () { pm.expect(err).to.equal(null); pm.expect(c.value).to.equal('v2'); });
});
""", url="{{baseUrl}}/cookie"),
        echo("Reads jar", tests(
            ("jar cookie in later item", "pm.expect(postman.getResponseCookie('sess').value).to.equal('abc123');"),
            ("set cookie was sent", "pm.expect(pm.response.json().headers.cookie).to.include('extra=v2');"),
        ) + """
pm.cookies.jar().getAll(pm.environment.get('baseUrl'), function (err, all) {
  pm.test('getAll', function () { pm.expect(all.map(function (c) { return c.name; }).sort()).to.eql(['extra', 'sess']); });
});
"""),
    ])


FIDELITY: dict[str, Callable[[], dict]] = {
    "lodash": lib_lodash, "moment": lib_moment, "crypto-js": lib_crypto, "uuid": lib_uuid, "tv4": lib_tv4,
    "ajv": lib_ajv, "chai": lib_chai, "cheerio": lib_cheerio, "xml2js": lib_xml, "csv-parse": lib_csv,
    "postman-collection": lib_postman_collection, "atob/btoa": lib_base64, "Buffer": lib_buffer,
    "node modules": lib_node, "SugarJS": lib_sugar, "timers": lib_timers,
    "pm.sendRequest": api_send_request, "pre-request pm.test": api_prerequest_tests,
    "chai-postman": api_chai_postman, "variables": api_variables, "info, legacy, execution": api_info_and_legacy,
    "cookies": api_cookies,
}
