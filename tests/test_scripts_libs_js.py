"""Sandbox libraries written in JavaScript (lodash, moment, Sugar, the Node modules,
postman-collection), run through the real sandbox.

The expected values were produced by running the same expressions in Newman 6.2.2's own sandbox
(postman-sandbox with the real npm libraries) or, where noted, real Node; they are kept here as
literals so that the tests need neither.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine.scripts import Sandbox, ScriptOutcome
from tests.test_scripts_sandbox import make_input

LIB = Path(__file__).resolve().parent.parent / "engine" / "scripts" / "lib"


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    box = Sandbox()
    yield box
    box.close()


def run(sandbox: Sandbox, *sources: str, **kw: Any) -> ScriptOutcome:
    return sandbox.run(make_input(*sources, **kw))


def value(sandbox: Sandbox, expression: str, prelude: str = "") -> Any:
    """The JSON value of `expression`, computed in a script (through a variable, as scripts do)."""
    out = run(sandbox, f"{prelude}\npm.environment.set('__out', JSON.stringify({expression}));")
    assert out.failure is None, out.failure
    return json.loads(out.scopes["environment"]["__out"])


def failure(sandbox: Sandbox, source: str) -> tuple[str, int | None]:
    out = run(sandbox, source)
    assert out.failure is not None, out
    return out.failure.message, out.failure.line


# ---- lodash -------------------------------------------------------------------------------
# `L` is require('lodash') (lodash 4); the global `_` is lodash 3, as in Postman's sandbox.

LODASH = [
    ("L.get({a:[{b:{c:3}}]}, 'a[0].b.c')",
     3),
    ("L.get({a:[{b:{c:3}}]}, ['a','0','b','c'])",
     3),
    ("L.get({a:1}, 'a.b.c', 'def')",
     'def'),
    ("L.get({'a.b':5}, 'a.b')",
     5),
    ('L.get({a:{b:2}}, \'a["b"]\')',
     2),
    ("L.set({}, 'a[0].b.c', 4)",
     {'a': [{'b': {'c': 4}}]}),
    ("L.set({a:{}}, 'a.x.y', 1)",
     {'a': {'x': {'y': 1}}}),
    ("L.set({}, ['x','1'], 2)",
     {'x': [None, 2]}),
    ("L.has({a:{b:2}}, 'a.b')",
     True),
    ("L.has({a:{b:2}}, 'a.c')",
     False),
    ('L.has([1,2], 1)',
     True),
    ("L.has(Object.create({x:1}), 'x')",
     False),
    ("L.pick({a:1,b:'2',c:3}, ['a','c'])",
     {'a': 1, 'c': 3}),
    ("L.pick({a:{b:1,c:2}}, 'a.b')",
     {'a': {'b': 1}}),
    ("L.omit({a:1,b:'2',c:3}, ['a','c'])",
     {'b': '2'}),
    ("L.omit({a:{b:1,c:2}}, 'a.b')",
     {'a': {'c': 2}}),
    ('L.merge({a:[{b:2},{d:4}]}, {a:[{c:3},{e:5}]})',
     {'a': [{'b': 2, 'c': 3}, {'d': 4, 'e': 5}]}),
    ('L.merge({a:1,b:{c:1}}, {b:{d:2}}, {a:undefined, e:null})',
     {'a': 1, 'b': {'c': 1, 'd': 2}, 'e': None}),
    ('L.merge([1,2,3],[4,5])',
     [4, 5, 3]),
    ('L.cloneDeep({a:[1,{b:2}], d:new Date(0)})',
     {'a': [1, {'b': 2}], 'd': '1970-01-01T00:00:00.000Z'}),
    ('L.isEqual({a:[1,2,{b:3}]}, {a:[1,2,{b:3}]})',
     True),
    ('L.isEqual([1,2],[1,2,3])',
     False),
    ('L.isEqual(NaN,NaN)',
     True),
    ("L.isEqual({a:1},{a:'1'})",
     False),
    ('L.isEqual(new Date(5), new Date(5))',
     True),
    ('L.isEqual(0,-0)',
     True),
    ("[L.isEmpty(null), L.isEmpty(true), L.isEmpty(1), L.isEmpty([1,2,3]), L.isEmpty({a:1}), L.isEmpty(''), L.isEmpty({}), L.isEmpty('x'), L.isEmpty(new Map())]",
     [True, True, True, False, False, True, True, False, True]),
    ("[L.isString('a'), L.isNumber(NaN), L.isArray([]), L.isObject(function(){}), L.isObject(null), L.isPlainObject(Object.create(null)), L.isPlainObject([]), L.isPlainObject(new Date()), L.isNil(undefined), L.isUndefined(null), L.isNull(null), L.isFunction(class {}), L.isInteger('3'), L.isFinite('3'), L.isNaN(undefined), L.isBoolean(false), L.isDate(new Date())]",
     [True, True, True, True, False, True, False, False, True, False, True, True, False, False, False, True, True]),
    ('L.map([4,8], function(n){return n*n;})',
     [16, 64]),
    ('L.map({a:4,b:8}, function(n,k){return k+n;})',
     ['a4', 'b8']),
    ("L.map([{user:'barney'},{user:'fred'}], 'user')",
     ['barney', 'fred']),
    ("L.map('abc')",
     ['a', 'b', 'c']),
    ("L.filter([{u:'b',age:36,active:true},{u:'f',age:40,active:false}], {age:36,active:true})",
     [{'u': 'b', 'age': 36, 'active': True}]),
    ("L.filter([{u:'b',active:true},{u:'f',active:false}], ['active', false])",
     [{'u': 'f', 'active': False}]),
    ("L.filter([{u:'b',active:true},{u:'f',active:false}], 'active')",
     [{'u': 'b', 'active': True}]),
    ("L.find([{u:'b',age:36},{u:'f',age:40},{u:'p',age:1}], function(o){return o.age<40;})",
     {'u': 'b', 'age': 36}),
    ("L.find([{u:'b',age:36},{u:'f',age:40}], {age:40})",
     {'u': 'f', 'age': 40}),
    ("L.findIndex([{u:'b'},{u:'f'}], ['u','f'])",
     1),
    ('L.findIndex([1,2,3], function(x){return x>5;})',
     -1),
    ('(function(){var r=[]; L.forEach({a:1,b:2}, function(v,k){r.push(k+v);}); L.each([1,2,3], function(v){ r.push(v); return v<2; }); return r;})()',
     ['a1', 'b2', 1, 2]),
    ('L.reduce([1,2], function(s,n){return s+n;}, 0)',
     3),
    ('L.reduce({a:1,b:2,c:1}, function(r,v,k){(r[v]||(r[v]=[])).push(k); return r;}, {})',
     {'1': ['a', 'c'], '2': ['b']}),
    ('L.reduce([1,2,3], function(a,b){return a*b;})',
     6),
    ("[L.some([null,0,'yes',false], Boolean), L.some([{a:1}], {a:1}), L.every([true,1,null,'yes'], Boolean), L.every([], Boolean)]",
     [True, True, False, True]),
    ("[L.includes([1,2,3],1), L.includes([1,2,3],1,2), L.includes({a:1,b:2},1), L.includes('abcd','bc'), L.includes([NaN], NaN)]",
     [True, False, True, True, True]),
    ("[L.keys({a:1,b:2}), L.keys('hi'), L.values({a:1,b:2}), L.values('hi'), L.entries({a:1,b:2}), L.toPairs({a:1}), L.fromPairs([['a',1],['b',2]])]",
     [['a', 'b'], ['0', '1'], [1, 2], ['h', 'i'], [['a', 1], ['b', 2]], [['a', 1]], {'a': 1, 'b': 2}]),
    ("[L.uniq([2,1,2]), L.uniqBy([2.1,1.2,2.3], Math.floor), L.uniqBy([{x:1},{x:2},{x:1}], 'x')]",
     [[2, 1], [2.1, 1.2], [{'x': 1}, {'x': 2}]]),
    ("L.sortBy([{u:'fred',age:48},{u:'barney',age:36},{u:'fred',age:40},{u:'barney',age:34}], ['u','age'])",
     [{'u': 'barney', 'age': 34}, {'u': 'barney', 'age': 36}, {'u': 'fred', 'age': 40}, {'u': 'fred', 'age': 48}]),
    ('L.sortBy([3,null,1,undefined,NaN,2])',
     [1, 2, 3, None, None, None]),
    ("L.sortBy(['b','a','C'])",
     ['C', 'a', 'b']),
    ("L.orderBy([{u:'fred',age:48},{u:'barney',age:34},{u:'fred',age:40},{u:'barney',age:36}], ['u','age'], ['asc','desc'])",
     [{'u': 'barney', 'age': 36}, {'u': 'barney', 'age': 34}, {'u': 'fred', 'age': 48}, {'u': 'fred', 'age': 40}]),
    ("[L.groupBy([6.1,4.2,6.3], Math.floor), L.groupBy(['one','two','three'], 'length'), L.keyBy([{d:'a',c:97},{d:'d',c:100}], 'd'), L.countBy([6.1,4.2,6.3], Math.floor), L.countBy(['one','two','three'], 'length')]",
     [{'4': [4.2], '6': [6.1, 6.3]}, {'3': ['one', 'two'], '5': ['three']}, {'a': {'d': 'a', 'c': 97}, 'd': {'d': 'd', 'c': 100}}, {'4': 1, '6': 2}, {'3': 2, '5': 1}]),
    ('[L.flatten([1,[2,[3,[4]],5]]), L.flattenDeep([1,[2,[3,[4]],5]]), L.flattenDepth([1,[2,[3,[4]],5]], 2)]',
     [[1, 2, [3, [4]], 5], [1, 2, 3, 4, 5], [1, 2, 3, [4], 5]]),
    ("[L.chunk(['a','b','c','d'],2), L.chunk(['a','b','c','d'],3), L.chunk([1,2]), L.compact([0,1,false,2,'',3,null,NaN])]",
     [[['a', 'b'], ['c', 'd']], [['a', 'b', 'c'], ['d']], [[1], [2]], [1, 2, 3]]),
    ("[L.difference([2,1],[2,3]), L.intersection([2,1],[2,3]), L.union([2],[1,2]), L.zip(['a','b'],[1,2],[true,false]), L.xor([2,1],[2,3]), L.without([2,1,2,3],1,2)]",
     [[1], [2], [2, 1], [['a', 1, True], ['b', 2, False]], [1, 3], [3]]),
    ('[L.range(4), L.range(-4), L.range(1,5), L.range(0,20,5), L.range(0,-4,-1), L.range(1,4,0), L.range(0)]',
     [[0, 1, 2, 3], [0, -1, -2, -3], [1, 2, 3, 4], [0, 5, 10, 15], [0, -1, -2, -3], [1, 1, 1], []]),
    ('[L.times(3, String), L.times(4, L.constant(0)), L.times(2)]',
     [['0', '1', '2'], [0, 0, 0, 0], [0, 1]]),
    ('(function(){ var a=L.random(0,5), b=L.random(5), c=L.random(1.2,5.2), d=L.random(); return [a>=0&&a<=5&&a%1===0, b>=0&&b<=5&&b%1===0, c>=1.2&&c<=5.2, d===0||d===1]; })()',
     [True, True, True, True]),
    ('(function(){ var s=L.sample([1,2,3]); var sh=L.shuffle([1,2,3,4]); return [[1,2,3].indexOf(s)>-1, sh.length, sh.slice().sort()]; })()',
     [True, 4, [1, 2, 3, 4]]),
    ("[L.sum([4,2,8,6]), L.sumBy([{n:4},{n:2}], 'n'), L.max([4,2,8,6]), L.max([]), L.min([4,2,8,6]), L.maxBy([{n:1},{n:2}], 'n'), L.minBy([{n:1},{n:2}], function(o){return o.n;}), L.mean([4,2,8,6]), L.sum([]), L.mean([])]",
     [20, 6, 8, None, 2, {'n': 2}, {'n': 1}, 5, 0, None]),
    ('[L.round(4.006), L.round(4.006,2), L.round(4060,-2), L.floor(0.046,2), L.floor(4060,-2), L.ceil(6.004,2), L.ceil(6040,-2), L.round(1.005, 2)]',
     [4, 4.01, 4100, 0.04, 4000, 6.01, 6100, 1.01]),
    ('[L.clamp(-10,-5,5), L.clamp(10,-5,5), L.clamp(3, 2), L.inRange(3,2,4), L.inRange(4,8), L.inRange(4,2), L.inRange(2,2), L.inRange(1.2,2), L.inRange(-3,-2,-6)]',
     [-5, 5, 2, True, True, False, False, True, True]),
    ("[L.padStart('abc',6), L.padStart('abc',6,'_-'), L.padStart('abc',2), L.padEnd('abc',6,'_-'), L.pad('abc',8,'_-'), L.trim('  abc  '), L.trim('-_-abc-_-','_-'), L.trimStart('-_-abc-_-','_-'), L.trimEnd('  abc  ')]",
     ['   abc', '_-_abc', 'abc', 'abc_-_', '_-abc_-_', 'abc', 'abc', 'abc-_-', '  abc']),
    ('[\'Foo Bar\',\'--foo-bar--\',\'__FOO_BAR__\',\'fooBar\',\'XMLHttpRequest\',\'foo2bar\',\'déjà vu\', \'user_id\', \'ID\', \'getHTTPResponseCode\', \'hello world 123abc\', "don\'t stop"].map(function(s){ return [L.camelCase(s), L.kebabCase(s), L.snakeCase(s), L.startCase(s), L.lowerCase(s), L.upperCase(s), L.words(s)]; })',
     [['fooBar', 'foo-bar', 'foo_bar', 'Foo Bar', 'foo bar', 'FOO BAR', ['Foo', 'Bar']], ['fooBar', 'foo-bar', 'foo_bar', 'Foo Bar', 'foo bar', 'FOO BAR', ['foo', 'bar']], ['fooBar', 'foo-bar', 'foo_bar', 'FOO BAR', 'foo bar', 'FOO BAR', ['FOO', 'BAR']], ['fooBar', 'foo-bar', 'foo_bar', 'Foo Bar', 'foo bar', 'FOO BAR', ['foo', 'Bar']], ['xmlHttpRequest', 'xml-http-request', 'xml_http_request', 'XML Http Request', 'xml http request', 'XML HTTP REQUEST', ['XML', 'Http', 'Request']], ['foo2Bar', 'foo-2-bar', 'foo_2_bar', 'Foo 2 Bar', 'foo 2 bar', 'FOO 2 BAR', ['foo', '2', 'bar']], ['dejaVu', 'deja-vu', 'deja_vu', 'Deja Vu', 'deja vu', 'DEJA VU', ['déjà', 'vu']], ['userId', 'user-id', 'user_id', 'User Id', 'user id', 'USER ID', ['user', 'id']], ['id', 'id', 'id', 'ID', 'id', 'ID', ['ID']], ['getHttpResponseCode', 'get-http-response-code', 'get_http_response_code', 'Get HTTP Response Code', 'get http response code', 'GET HTTP RESPONSE CODE', ['get', 'HTTP', 'Response', 'Code']], ['helloWorld123Abc', 'hello-world-123-abc', 'hello_world_123_abc', 'Hello World 123 Abc', 'hello world 123 abc', 'HELLO WORLD 123 ABC', ['hello', 'world', '123', 'abc']], ['dontStop', 'dont-stop', 'dont_stop', 'Dont Stop', 'dont stop', 'DONT STOP', ["don't", 'stop']]]),
    ('[L.capitalize(\'FRED\'), L.upperFirst(\'fred\'), L.lowerFirst(\'Fred\'), L.escape(\'fred, barney, & <pebbles> "x" \\\'y\\\'\'), L.unescape(\'fred, barney, &amp; &lt;pebbles&gt; &#39;\'), L.words(\'fred, barney, & pebbles\', /[^, ]+/g)]',
     ['Fred', 'Fred', 'fred', 'fred, barney, &amp; &lt;pebbles&gt; &quot;x&quot; &#39;y&#39;', "fred, barney, & <pebbles> '", ['fred', 'barney', '&', 'pebbles']]),
    ("[L.template('hello <%= user %>!')({user:'fred'}), L.template('<b><%- value %></b>')({value:'<script>'}), L.template('<% L.forEach(users, function(u) { %><li><%- u %></li><% }); %>', {imports: {L: L}})({users:['fred','barney']}), L.template('hello ${ user }!')({user:'pebbles'}), L.template('<%= data.a %>', {variable:'data'})({a:1})]",
     ['hello fred!', '<b>&lt;script&gt;</b>', '<li>fred</li><li>barney</li>', 'hello pebbles!', '1']),
    ("[L.repeat('*',3), L.repeat('abc',2), L.repeat('abc',0), L.replace('Hi Fred','Fred','Barney'), L.split('a-b-c','-',2), L.startsWith('abc','a'), L.startsWith('abc','b',1), L.endsWith('abc','c'), L.endsWith('abc','b',2), L.toLower('--Foo-Bar--'), L.toUpper('fooBar')]",
     ['***', 'abcabc', '', 'Hi Barney', ['a', 'b'], True, True, True, True, '--foo-bar--', 'FOOBAR']),
    ("[L.head([1,2,3]), L.head([]), L.last([1,2,3]), L.tail([1,2,3]), L.take([1,2,3]), L.take([1,2,3],2), L.take([1,2,3],5), L.take([1,2,3],0), L.drop([1,2,3]), L.drop([1,2,3],2), L.first([1,2]), L.nth(['a','b','c','d'],1), L.nth(['a','b','c','d'],-2), L.takeRight([1,2,3],2), L.dropRight([1,2,3],2), L.initial([1,2,3])]",
     [1, None, 3, [2, 3], [1], [1, 2], [1, 2, 3], [], [2, 3], [3], 1, 'b', 'c', [2, 3], [1], [1, 2]]),
    ('[L.indexOf([1,2,1,2],2), L.indexOf([1,2,1,2],2,2), L.lastIndexOf([1,2,1,2],2), L.indexOf([NaN],NaN)]',
     [1, 3, 3, 0]),
    ("[L.assign({a:0},{a:1},{b:2}), L.defaults({a:1},{b:2},{a:3}), L.defaultsDeep({a:{b:2}},{a:{b:1,c:3}}), L.mapValues({f:{u:'f',age:40},p:{u:'p',age:1}}, 'age'), L.mapValues({a:1,b:2}, function(v){return v*3;}), L.mapKeys({a:1,b:2}, function(v,k){return k+v;}), L.invert({a:1,b:2,c:1})]",
     [{'a': 1, 'b': 2}, {'a': 1, 'b': 2}, {'a': {'b': 2, 'c': 3}}, {'f': 40, 'p': 1}, {'a': 3, 'b': 6}, {'a1': 1, 'b2': 2}, {'1': 'c', '2': 'b'}]),
    ("[L.size([1,2,3]), L.size({a:1,b:2}), L.size('pebbles'), L.size(null)]",
     [3, 2, 7, 0]),
    ("[L.isMatch({a:1,b:2}, {b:2}), L.isMatch({a:1,b:2}, {b:1}), L.isMatch({a:{b:[1,2,3],c:1}}, {a:{b:[3]}}), L.filter([{a:1,b:2,c:3},{a:4,b:5,c:6}], L.matches({a:4,c:6})), L.map([{a:{b:2}},{a:{b:1}}], L.property('a.b')), L.identity(5), L.noop(), L.constant({a:1})()]",
     [True, False, True, [{'a': 4, 'b': 5, 'c': 6}], [2, 1], 5, None, {'a': 1}]),
    ("(function(){ var n=0; var f=L.once(function(){ return ++n; }); f(); f(); var m=L.memoize(function(o){ n+=10; return o*2; }); m(2); m(2); var g=L.partial(function(a,b,c){return a+b+c;}, 'a', L, 'c'); var h=L.flow([L.add, function(x){return x*x;}]); return [n, f(), g('b'), h(1,2), m.cache.get(2)]; })()",
     [11, 1, 'abc', 9, 4]),
    ("[L([1,2,3]).map(function(n){return n*2;}).value(), L([1,2,3]).sum(), L({a:1}).keys().value(), L.chain([{u:'b',age:36},{u:'f',age:40},{u:'p',age:1}]).sortBy('age').map(function(o){return o.u+' is '+o.age;}).head().value(), L([1,2]).toString(), L([1,2,3]).filter(function(x){return x>1;}).size(), L.chain([3,1,2]).sort().value(), L([1,2]).head()]",
     [[2, 4, 6], 6, ['a'], 'p is 1', '1,2', 2, [1, 2, 3], 1]),
    ("[L.toString(null), L.toString(-0), L.toString([1,2,3]), L.toNumber('3.2'), L.toNumber(''), L.toNumber(' 0x1f '), L.toNumber('0b101'), L.toInteger(3.7), L.toInteger('-3.2'), L.toInteger(Infinity), L.toInteger(NaN), L.parseInt('08'), L.parseInt(' 10 ', 2), L.toFinite(-Infinity)]",
     ['', '-0', '1,2,3', 3.2, 0, 31, 5, 3, -3, 1.7976931348623157e+308, 0, 8, 2, -1.7976931348623157e+308]),
    ("(function(){ var a=L.uniqueId('contact_'), b=L.uniqueId(), c=L.uniqueId('x'); return [/^contact_\\d+$/.test(a), +b + 1 === +c.slice(1)]; })()",
     [True, True]),
    ("[L.get({a:[{b:{c:3}}]}, 'a.0.b.c'), L.get([[1,[2]]], '[0][1][0]'), L.get({a:null}, 'a.b', 7), L.get({a:{}}, []), L.get(null, 'a', 5)]",
     [3, 2, 7, None, 5]),
    ("[L.zipObject(['a','b'],[1,2]), L.unzip([['a',1,true],['b',2,false]]), L.partition([{u:'b',a:false},{u:'f',a:true}], 'a'), L.flatMap([1,2], function(n){return [n,n];}), L.reject([1,2,3,4], function(n){return n%2===0;}), L.at({a:[{b:{c:3}},4]}, ['a[0].b.c','a[1]'])]",
     [{'a': 1, 'b': 2}, [['a', 'b'], [1, 2], [True, False]], [[{'u': 'f', 'a': True}], [{'u': 'b', 'a': False}]], [1, 1, 2, 2], [1, 3], [3, 4]]),
    ("[L.truncate('hi-diddly-ho there, neighborino'), L.truncate('hi-diddly-ho there, neighborino', {length:24, separator:' '}), L.truncate('hi-diddly-ho there, neighborino', {length:24, separator:/,? +/}), L.truncate('hi-diddly-ho there, neighborino', {omission:' [...]'})]",
     ['hi-diddly-ho there, neighbo...', 'hi-diddly-ho there,...', 'hi-diddly-ho there...', 'hi-diddly-ho there, neig [...]']),
    ("[L.escapeRegExp('[lodash](https://lodash.com/)'), L.deburr('déjà vu'), L.castArray(1), L.castArray([1]), L.result({a:{b:function(){return 3;}}}, 'a.b'), L.result({a:1}, 'x', 'd'), L.invertBy({a:1,b:2,c:1}), L.pickBy({a:1,b:'2',c:3}, L.isNumber), L.omitBy({a:1,b:'2',c:3}, L.isNumber)]",
     ['\\[lodash\\]\\(https://lodash\\.com/\\)', 'deja vu', [1], [1], 3, 'd', {'1': ['a', 'c'], '2': ['b']}, {'a': 1, 'c': 3}, {'b': '2'}]),
    ('[L.xorBy([2.1,1.2],[2.3,3.4],Math.floor), L.differenceBy([2.1,1.2],[2.3,3.4],Math.floor), L.intersectionBy([2.1,1.2],[2.3,3.4],Math.floor), L.unionBy([2.1],[1.2,2.3],Math.floor), L.sortedIndex([30,50],40), L.sortedUniq([1,1,2])]',
     [[1.2, 3.4], [1.2], [2.1], [2.1, 1.2], 1, [1, 2]]),
    ("[L.transform([2,3,4], function(r,n){ r.push(n*=n); return n%2===0; }, []), L.transform({a:1,b:2,c:1}, function(r,v,k){ (r[v]||(r[v]=[])).push(k); }, {}), L.update({a:[{b:{c:3}}]}, 'a[0].b.c', function(n){return n*n;}), (function(){ var o={a:[{b:{c:7}}]}; return [L.unset(o,'a[0].b.c'), o]; })()]",
     [[4, 9], {'1': ['a', 'c'], '2': ['b']}, {'a': [{'b': {'c': 9}}]}, [True, {'a': [{'b': {}}]}]]),
    ("[L.concat([1],2,[3],[[4]]), L.fill([1,2,3],'a'), L.fill(Array(3),2), L.fill([4,6,8,10],'*',1,3), L.slice([1,2,3],1), L.join(['a','b'],'~'), L.reverse([1,2,3]), L.pull(['a','b','c','a'],'a','c'), (function(){ var a=[1,2,3,4]; var e=L.remove(a, function(n){return n%2===0;}); return [a,e]; })()]",
     [[1, 2, 3, [4]], ['a', 'a', 'a'], [2, 2, 2], [4, '*', '*', 10], [2, 3], 'a~b', [3, 2, 1], ['b'], [[1, 3], [2, 4]]]),
    ("[L.mergeWith({a:[1],b:[2]}, {a:[3],b:[4]}, function(o,s){ if (L.isArray(o)) return o.concat(s); }), L.assignIn({a:0}, Object.assign(Object.create({b:2}),{c:3})), L.toArray({a:1,b:2}), L.toArray('abc'), L.toArray(1), L.toArray(null)]",
     [{'a': [1, 3], 'b': [2, 4]}, {'a': 0, 'c': 3, 'b': 2}, [1, 2], ['a', 'b', 'c'], [], []]),
    ("[L.add(6,4), L.subtract(6,4), L.multiply(6,4), L.divide(6,4), L.defaultTo(1,10), L.defaultTo(undefined,10), L.defaultTo(NaN,10), L.eq('a',Object('a')), L.gt(3,1), L.lte(1,1)]",
     [10, 2, 24, 1.5, 1, 10, 10, False, True, True]),
]

LODASH3 = [
    ('_.VERSION',
     '3.10.2'),
    ("_.pluck([{a:{b:1}},{a:{b:2}}], 'a.b')",
     [1, 2]),
    ('_.where([{a:1,b:2},{a:2}], {a:1})',
     [{'a': 1, 'b': 2}]),
    ('_.findWhere([{a:1,b:2},{a:2}], {a:2})',
     {'a': 2}),
    ("_.indexBy([{id:'x'},{id:'y'}], 'id')",
     {'x': {'id': 'x'}, 'y': {'id': 'y'}}),
    ("[_.contains([1,2],2), _.include('abc','b'), _.any([0,1]), _.all([1,0]), _.max([]), _.min([]), _.max([1,3,2]), _.max([{n:1},{n:3}], 'n'), _.min({a:3,b:1}), _.sum([1,2,'3']), _.sum([{n:1},{n:2}], 'n'), _.sum({a:1,b:2})]",
     [True, True, True, False, None, None, 3, {'n': 3}, 1, 6, 3, 3]),
    ("[_.uniq([1,2,1,3]), _.uniq([1,1,2], true), _.uniq([1,2.5,1.5], Math.floor), _.uniq([{a:1},{a:1}], 'a'), _.flatten([1,[2,[3]]]), _.flatten([1,[2,[3]]], true), _.capitalize('fRED'), _.first([1,2,3]), _.last([1,2,3]), _.rest([1,2,3])]",
     [[1, 2, 3], [1, 2], [1, 2.5], [{'a': 1}], [1, 2, [3]], [1, 2, 3], 'FRED', 1, 3, [2, 3]]),
    ("[_.object([['a',1],['b',2]]), _.object(['a','b'],[1,2]), _.zipObject([['a',1]]), _.pairs({a:1}), _.trunc('hi-diddly-ho there, neighborino', 24), _.padLeft('abc',6,'-'), _.padRight('abc',5), _.trimLeft('  x '), _.trimRight('  x ')]",
     [{'a': 1, 'b': 2}, {'a': 1, 'b': 2}, {'a': 1}, [['a', 1]], 'hi-diddly-ho there, n...', '---abc', 'abc  ', 'x ', '  x']),
    ("[_.get({a:[{b:1}]}, 'a[0].b'), _.map([1,2], function(x){return x*2;}), _.sortBy([3,1,2]), _.keys({a:1}), _.isEmpty({}), _.pick({a:1,b:'x'}, _.isNumber), _.omit({a:1,b:'x'}, _.isNumber), _.pick({a:1,b:2}, 'a'), _.eq({a:1},{a:1})]",
     [1, [2, 4], [1, 2, 3], ['a'], True, {'a': 1}, {'b': 'x'}, {'a': 1}, True]),
    ("[_([{a:1},{a:2}]).pluck('a').value(), _([1,2,3]).max(), _.chain([1,2,2]).uniq().map(function(x){return x+1;}).value(), _([1,2]).contains(2), _.sortByOrder([{a:1},{a:2}], ['a'], ['desc'])]",
     [[1, 2], 3, [2, 3], True, [{'a': 2}, {'a': 1}]]),
]


@pytest.mark.parametrize(("expression", "expected"), LODASH, ids=[e[:60] for e, _ in LODASH])
def test_lodash_agrees_with_newman(sandbox: Sandbox, expression: str, expected: Any) -> None:
    assert value(sandbox, expression, "var L = require('lodash');") == expected


@pytest.mark.parametrize(("expression", "expected"), LODASH3, ids=[e[:60] for e, _ in LODASH3])
def test_the_global_underscore_is_lodash_3_as_in_newman(sandbox: Sandbox, expression: str, expected: Any) -> None:
    assert value(sandbox, expression) == expected


def test_a_lodash_function_not_provided_is_a_located_error(sandbox: Sandbox) -> None:
    assert failure(sandbox, "var L = require('lodash');\nL.noSuchThing([1]);") == ("lodash.noSuchThing is not supported", 2)


@pytest.mark.skipif(not (LIB / "timers.js").exists(), reason="the timers module is not merged yet")
def test_debounce_runs_the_trailing_call_once(sandbox: Sandbox) -> None:
    out = run(sandbox, """
var L = require('lodash'), calls = [];
var f = L.debounce(function (x) { calls.push(x); }, 10);
f(1); f(2); f(3);
setTimeout(function () { pm.environment.set('calls', JSON.stringify(calls)); }, 50);
""")
    assert out.failure is None, out.failure
    assert json.loads(out.scopes["environment"]["calls"]) == [3]
POSTMAN_COLLECTION = [
    ("PC.Property.replaceSubstitutions('{{a}}-{{b}}-{{c}}', {a:'1', b:'{{a}}2'})",
     '1-12-{{c}}'),
    ("PC.Property.replaceSubstitutions('{{a}} {{x}}', [{a:'inner'}, {a:'outer', x:'X'}])",
     'inner X'),
    ("PC.Property.replaceSubstitutions('{{a}}', new PC.VariableList(null, [{key:'a', value:'v'}]))",
     'v'),
    ("PC.Property.replaceSubstitutions('{{a}}/{{n}}/{{o}}', {a:5, n:null, o:{x:1}})",
     '5/{{n}}/[object Object]'),
    ('PC.Property.replaceSubstitutions(42, {a:1})',
     42),
    ("PC.Property.replaceSubstitutionsIn({u:'{{a}}', n:[{v:'{{a}}'}]}, [{a:'z'}])",
     {'u': 'z', 'n': [{'v': 'z'}]}),
    ("PC.Property.replaceSubstitutions('{{$guid}}').length",
     36),
    ("(function(){ var u = PC.Url.parse('http://localhost:3000/a?b=1&c'); return u; })()",
     {'raw': 'http://localhost:3000/a?b=1&c', 'protocol': 'http', 'host': ['localhost'], 'port': '3000', 'path': ['a'], 'query': [{'key': 'b', 'value': '1'}, {'key': 'c', 'value': None}]}),
    ("(function(){ var u = new PC.Url('{{base}}/users?q={{q}}'); return [u.host, u.path, u.toString(), u.getPath()]; })()",
     [['{{base}}'], ['users'], '{{base}}/users?q={{q}}', '/users']),
    ("(function(){ var u = new PC.Url('http://x.test/a?b=1'); u.query.add({key:'c', value:'3'}); u.addQueryParams([{key:'d', value:'4'}]); u.addQueryParams('e=5'); u.removeQueryParams('b'); return [u.toString(), u.query.get('c'), u.query.count(), u.query.has('d'), u.query.toObject()]; })()",
     ['http://x.test/a?c=3&d=4&e=5', '3', 3, True, {'c': '3', 'd': '4', 'e': '5'}]),
    ("(function(){ var u = new PC.Url({host:['x','test'], path:['a','b'], query:[{key:'k', value:'v'}], protocol:'https'}); return u.toString(); })()",
     'https://x.test/a/b?k=v'),
    ("[PC.QueryParam.parse('a=1&b=&c&d=x%20y'), PC.QueryParam.unparse([{key:'a', value:'1'},{key:'b', value:null}]), new PC.QueryParam('a=b').toString(), new PC.QueryParam({key:'k', value:'v'}).toJSON()]",
     [[{'key': 'a', 'value': '1'}, {'key': 'b', 'value': ''}, {'key': 'c', 'value': None}, {'key': 'd', 'value': 'x%20y'}], 'a=1&b', 'a=b', {'key': 'k', 'value': 'v'}]),
    ("[PC.Header.parse('Content-Type: application/json\\nX-A: b'), new PC.Header('x: y').toString(), new PC.Header({key:'A', value:'B'}).toJSON(), new PC.Header('v', 'K').toJSON(), PC.Header.unparse([{key:'a', value:'b'},{key:'c', value:'d'}])]",
     [[{'key': 'Content-Type', 'value': 'application/json'}, {'key': 'X-A', 'value': 'b'}], 'x: y', {'key': 'A', 'value': 'B'}, {'key': 'K', 'value': 'v'}, 'a: b\r\nc: d\r\n']),
    ("(function(){ var v = new PC.Variable({key:'k', value:'v'}); var n = new PC.Variable({key:'n', value:3, type:'number'}); return [v.get(), v.toString(), v.toJSON(), n.get(), n.toJSON(), new PC.Variable().toJSON()]; })()",
     ['v', 'v', {'type': 'any', 'value': 'v', 'key': 'k'}, 3, {'type': 'number', 'value': 3, 'key': 'n'}, {'type': 'any'}]),
    ("(function(){ var s = new PC.VariableScope({values:[{key:'a', value:'1'}]}); s.set('b', 2); s.set('a', 'x'); s.unset('zz'); return [s.get('a'), s.get('b'), s.has('a'), s.toObject(), s.replaceIn('{{a}}+{{b}}'), s.values.count(), s.toJSON().values]; })()",
     ['x', 2, True, {'a': 'x', 'b': 2}, 'x+2', 2, [{'type': 'any', 'value': 'x', 'key': 'a'}, {'type': 'any', 'value': 2, 'key': 'b'}]]),
    ("(function(){ var s = new PC.VariableScope([{key:'a', value:'1'}]); var t = new PC.VariableScope({a:'2', c:'3'}); return [s.toObject(), t.toObject()]; })()",
     [{'a': '1'}, {}]),
    ("(function(){ var l = new PC.PropertyList(PC.QueryParam, null, [{key:'a', value:'1'},{key:'b', value:'2'},{key:'a', value:'3'}]); var r = []; l.each(function(p){ r.push(p.key); }); return [r, l.count(), l.get('a'), l.one('b').value, l.all().map(function(p){return p.value;}), l.map(function(p){return p.key+p.value;}), l.filter(function(p){return p.key==='a';}).length, l.has('b'), l.has('z'), l.toObject(), l.toObject(false, true), l.toString(), l.idx(1).value, l.indexOf('b'), l.find(function(p){return p.value==='2';}).key, l.reduce(function(a,p){return a+p.value;}, '')]; })()",
     [['a', 'b', 'a'], 3, '3', '2', ['1', '2', '3'], ['a1', 'b2', 'a3'], 2, True, False, {'a': ['1', '3'], 'b': '2'}, {'a': ['1', '3'], 'b': '2'}, 'a=1&b=2&a=3', '2', 1, 'b', '123']),
    ("(function(){ var l = new PC.PropertyList(PC.Header, null, [{key:'A', value:'1'}]); l.upsert({key:'A', value:'2'}); l.upsert({key:'B', value:'3'}); l.add({key:'C', value:'4'}); l.remove('C'); l.prepend({key:'Z', value:'0'}); return [l.toJSON(), l.toString(), l.get('a'), l.count()]; })()",
     [[{'key': 'Z', 'value': '0'}, {'key': 'A', 'value': '2'}, {'key': 'B', 'value': '3'}], 'Z: 0\r\nA: 2\r\nB: 3\r\n', '2', 3]),
    ('(function(){ var r = new PC.Request({url:\'http://x.test/a?b=1\', method:\'post\', header:[{key:\'Content-Type\', value:\'application/json\'}], body:{mode:\'raw\', raw:\'{"a":1}\'}}); r.addHeader({key:\'X\', value:\'y\'}); r.upsertHeader({key:\'X\', value:\'z\'}); return [r.method, r.url.toString(), r.headers.toObject(), r.getHeaders(), r.body.mode, r.body.raw, r.body.toString(), r.body.isEmpty(), r.toJSON()]; })()',
     ['POST', 'http://x.test/a?b=1', {'content-type': 'application/json', 'x': 'z'}, {'Content-Type': 'application/json', 'X': 'z'}, 'raw', '{"a":1}', '{"a":1}', False, {'url': {'protocol': 'http', 'path': ['a'], 'host': ['x', 'test'], 'query': [{'key': 'b', 'value': '1'}], 'variable': []}, 'header': [{'key': 'Content-Type', 'value': 'application/json'}, {'key': 'X', 'value': 'z'}], 'method': 'POST', 'body': {'mode': 'raw', 'raw': '{"a":1}'}}]),
    ("(function(){ var r = new PC.Request('http://x.test/p'); return [r.method, r.url.getPath(), r.headers.count(), r.toJSON()]; })()",
     ['GET', '/p', 0, {'url': {'protocol': 'http', 'path': ['p'], 'host': ['x', 'test'], 'query': [], 'variable': []}, 'method': 'GET'}]),
    ('(function(){ var r = new PC.Response({code:201, status:\'Created\', header:[{key:\'Content-Type\', value:\'application/json\'}], body:\'{"ok":true}\', responseTime:5}); return [r.code, r.status, r.text(), r.json(), r.headers.get(\'content-type\'), r.responseTime, r.reason(), (function(j){ delete j.id; return j; })(r.toJSON())]; })()',
     [201, 'Created', '{"ok":true}', {'ok': True}, 'application/json', 5, 'Created', {'status': 'Created', 'code': 201, 'header': [{'key': 'Content-Type', 'value': 'application/json'}], 'body': '{"ok":true}', 'cookie': [], 'responseTime': 5}]),
    ("(function(){ var b = new PC.RequestBody({mode:'urlencoded', urlencoded:[{key:'a', value:'1'},{key:'b', value:'2'}]}); var f = new PC.RequestBody({mode:'formdata', formdata:[{key:'a', value:'1'}]}); return [b.toString(), b.urlencoded.toObject(), b.isEmpty(), new PC.RequestBody({mode:'raw', raw:''}).isEmpty(), f.formdata.count(), b.toJSON()]; })()",
     ['a=1&b=2', {'a': '1', 'b': '2'}, False, True, 1, {'mode': 'urlencoded', 'urlencoded': [{'key': 'a', 'value': '1'}, {'key': 'b', 'value': '2'}]}]),
    ("(function(){ var c = new PC.Cookie({name:'sid', value:'abc', domain:'x.test', path:'/', httpOnly:true, secure:true}); var l = new PC.CookieList(null, [{name:'a', value:'1'}]); return [c.name, c.value, c.toString(), c.valueOf(), l.get('a'), l.count(), PC.Cookie.parse('a=b; Path=/; HttpOnly')]; })()",
     ['sid', 'abc', 'sid=abc; Domain=x.test; Path=/; Secure; HttpOnly', 'abc', '1', 1, {'key': 'a', 'value': 'b', 'path': '/', 'httpOnly': True, 'hostOnly': True}]),
    ("[PC.Url.isUrl(new PC.Url('x')), PC.Request.isRequest({}), PC.PropertyList.isPropertyList(new PC.PropertyList(PC.Header, null, [])), PC.VariableScope.isVariableScope(new PC.VariableScope())]",
     [True, False, True, True]),
    ("(function(){ var u = new PC.Url('https://user:pw@api.example.com:8443/v1/users/:id?x=1&y=two#frag'); return [u.protocol, u.auth, u.host, u.port, u.path, u.query.toJSON(), u.hash, u.toString(), u.getHost(), u.getPath(), u.getQueryString(), u.getPathWithQuery(), u.getRemote(), u.toJSON()]; })()",
     ['https', {'user': 'user', 'password': 'pw'}, ['api', 'example', 'com'], '8443', ['v1', 'users', ':id'], [{'key': 'x', 'value': '1'}, {'key': 'y', 'value': 'two'}], 'frag', 'https://user:pw@api.example.com:8443/v1/users/:id?x=1&y=two#frag', 'api.example.com', '/v1/users/:id', 'x=1&y=two', '/v1/users/:id?x=1&y=two', 'api.example.com:8443', {'auth': {'user': 'user', 'password': 'pw'}, 'protocol': 'https', 'port': '8443', 'path': ['v1', 'users', ':id'], 'hash': 'frag', 'host': ['api', 'example', 'com'], 'query': [{'key': 'x', 'value': '1'}, {'key': 'y', 'value': 'two'}], 'variable': [{'type': 'any', 'key': 'id'}]}]),
    ("(function(){ var u = new PC.Url('api.test/a/b/'); return [u.protocol, u.host, u.path, u.toString(), u.getPath(), u.getRemote(), u.getQueryString()]; })()",
     [None, ['api', 'test'], ['a', 'b', ''], 'api.test/a/b/', '/a/b/', 'api.test', '']),
    ("(function(){ var u = new PC.Url('http://x.test/a b?q=a b&x=%20'); return [u.toString(), u.path, u.query.toJSON(), u.getPathWithQuery()]; })()",
     ['http://x.test/a b?q=a b&x=%20', ['a b'], [{'key': 'q', 'value': 'a b'}, {'key': 'x', 'value': '%20'}], '/a b?q=a b&x=%20']),
    ("(function(){ var u = new PC.Url('http://[::1]:8080/x'); return [u.host, u.port, u.toString()]; })()",
     [['[::1]'], '8080', 'http://[::1]:8080/x']),
    ("(function(){ var u = new PC.Url('file:///tmp/a.txt'); return [u.protocol, u.host, u.path, u.toString()]; })()",
     ['file', None, ['tmp', 'a.txt'], 'file:///tmp/a.txt']),
    ("(function(){ var u = new PC.Url('http://x.test'); return [u.path, u.getPath(), u.toString(), u.getPathWithQuery()]; })()",
     [None, '/', 'http://x.test', '/']),
    ("(function(){ var q = new PC.QueryParam({key:'a b', value:'c&d'}); return [q.toString(), q.valueOf(), q.key]; })()",
     ['a b=c%26d', 'c&d', 'a b']),
    ("PC.Property.replaceSubstitutions('{{a}} {{b.c}} {{ spaced }} {{}}', {a:'A', 'b.c':'BC', ' spaced ':'S'})",
     'A BC S {{}}'),
    ("PC.Property.replaceSubstitutions('{{{{x}}}}', {x:'y', y:'Z'})",
     'Z'),
    ("PC.Property.replaceSubstitutions('{{a}}', {a:'{{a}}'})",
     '{{a}}'),
    ("(function(){ var s = new PC.VariableScope({values:[{key:'a', value:'1'},{key:'b', value:'2', disabled:true}]}); return [s.get('b'), s.toObject(), s.values.count(), s.has('b')]; })()",
     [None, {'a': '1', 'b': '2'}, 2, False]),
    ("(function(){ var s = new PC.VariableScope(); s.set('x', '1'); s.clear(); return [s.toObject(), s.values.count()]; })()",
     [{}, 0]),
    ("(function(){ var h = new PC.Header({key:'A', value:'B', disabled:true}); var l = new PC.PropertyList(PC.Header, null, [h, {key:'C', value:'D'}]); return [l.toObject(), l.toObject(true), l.count(), l.get('A')]; })()",
     [{'a': 'B', 'c': 'D'}, {'c': 'D'}, 2, 'B']),
]


@pytest.mark.parametrize(("expression", "expected"), POSTMAN_COLLECTION, ids=[e[:60] for e, _ in POSTMAN_COLLECTION])
def test_postman_collection_agrees_with_newman(sandbox: Sandbox, expression: str, expected: Any) -> None:
    assert value(sandbox, expression, "var PC = require('postman-collection');") == expected


def test_replace_substitutions_with_the_scripts_variables(sandbox: Sandbox) -> None:
    # OWASP crAPI's pattern: the SDK helper fed with the script's variables.
    assert value(sandbox, "require('postman-collection').Property.replaceSubstitutions("
                          "'{{baseUrl}}/x/{{row}}', pm.variables.toObject())") == "http://api.test/x/1"
SUGAR = [
    ("[[1,2,3].none(5), [1,2,3].none(function(n){return n>2;}), [1,2].any(2), [1,2].any(function(n){return n>1;}), [1,2].all(function(n){return n>0;}), [{a:1},{a:2}].any({a:2}), ['a','b'].none(/c/)]",
     [True, False, True, True, True, True, True]),
    ("[[1,2,3].first(), [1,2,3].first(2), [1,2,3].last(), [1,2,3].last(2), [1,null,undefined,0,'',false,NaN].compact(), [1,null,0,''].compact(true), [1,2,1,3].unique(), [{a:1},{a:1},{a:2}].unique('a'), [1,2].include(2), [1,2,3].exclude(2), [1,2,3].exclude(function(n){return n>1;})]",
     [1, [1, 2], 3, [2, 3], [1, 0, '', False], [1], [1, 2, 3], [{'a': 1}, {'a': 2}], [1, 2, 2], [1, 3], [1]]),
    ("[[1,2,3].find(function(n){return n>1;}), [1,2,3,4].findAll(function(n){return n%2===0;}), [{a:1},{a:2},{a:1}].findAll({a:1}), [1,2,2].count(2), [1,2,3].count(function(n){return n>1;}), [1,2,3].sum(), [{n:1},{n:2}].sum('n'), [1,2,3,4].average(), [{n:1},{n:3}].average(function(o){return o.n;}), [].sum(), [].average(), [].min(), [1,3,3].max(undefined, true), [{n:3},{n:1},{n:3}].max('n', true)]",
     [2, [2, 4], [{'a': 1}, {'a': 1}], 2, 2, 6, 3, 2.5, 2, 0, 0, None, [3, 3], [{'n': 3}, {'n': 3}]]),
    ("[[3,1,2].min(), [3,1,2].max(), [{n:3},{n:1}].min('n'), [{n:3},{n:1}].max(function(o){return o.n;}), ['aa','b'].max('length'), [[1,[2]],[3]].flatten(), [[1,[2]],[3]].flatten(1), [3,1,2].sortBy(), [{n:3},{n:1}].sortBy('n'), [{n:3},{n:1}].sortBy('n', true), [1,2,3].groupBy(function(n){return n%2?'odd':'even';}), ['ab','c','de'].groupBy('length')]",
     [1, 3, {'n': 1}, {'n': 3}, 'aa', [1, 2, 3], [1, [2], 3], [1, 2, 3], [{'n': 1}, {'n': 3}], [{'n': 3}, {'n': 1}], {'odd': [1, 3], 'even': [2]}, {'1': ['c'], '2': ['ab', 'de']}]),
    ('[[].isEmpty(), [1].isEmpty(), [1,2,3].at(0), [1,2,3].at(-1), [1,2,3].at(5), [1,2].clone(), (function(){var a=[1,2,3,2]; a.remove(2); return a;})(), (function(){var a=[1,2]; a.add(3); a.add(0, 0); return a;})(), [1,2,3].add([4,5])]',
     [True, False, 1, 3, None, [1, 2], [1, 3], [0, 1, 2, 3], [1, 2, 3, 4, 5]]),
    ("['hello'.has('ell'), 'hello'.has(/l+/), 'hello'.startsWith('he'), 'hello'.endsWith('lo'), 'a-b_c d'.camelize(), 'a-b_c d'.camelize(false), 'hello world'.capitalize(), 'hello world'.capitalize(true), 'HELLO'.capitalize(), 'helloWorld-foo'.underscore(), 'helloWorld_foo'.dasherize(), '  a  '.trim(), '  a  '.trimLeft(), '  a  '.trimRight()]",
     [True, True, True, True, 'ABCD', 'aBCD', 'Hello world', 'Hello World', 'Hello', 'hello_world_foo', 'hello-world-foo', 'a', 'a  ', '  a']),
    ("[''.isBlank(), '  \\n'.isBlank(), 'a'.isBlank(), 'a b  c'.words(), 'a\\nb\\r\\nc'.lines(), 'hello'.first(), 'hello'.first(2), 'hello'.last(), 'hello'.last(3), 'hello'.from(2), 'hello'.to(2), 'just sittin on the dock of the bay'.truncate(20), 'just sittin'.truncate(8, 'right', false, '!'), 'a b&c/d?e'.escapeURL(), 'a b&c/d?e'.escapeURL(true), '12.5'.toNumber(), 'ff'.toNumber(16), '0x1A'.toNumber(), 'abc'.toNumber(), 'Hello {name}'.assign({name:'N'}), '{1} {2}'.assign('a','b')]",
     [True, True, False, ['a', 'b', 'c'], ['a', 'b', '', 'c'], 'h', 'he', 'o', 'llo', 'llo', 'he', 'just sittin on the d...', 'just sit!', 'a%20b&c/d?e', 'a%20b%26c%2Fd%3Fe', 12.5, 255, 0, None, 'Hello N', 'a b']),
    ("[(3.456).round(), (3.456).round(2), (3456).round(-2), (3.41).ceil(), (3.451).ceil(1), (3.9).floor(), (3.99).floor(1), (function(){var r=[]; (3).times(function(i){r.push(i);}); return r;})(), (5).pad(3), (5).pad(3, true), (-5).pad(3), (1234567.891).format(), (1234567.891).format(2), (1234567.891).format(2, ' ', ','), (0.5).format(2)]",
     [3, 3.46, 3500, 4, 3.5, 3, 3.9, [0, 1, 2], '005', '+005', '-005', '1,234,567.891', '1,234,567.89', '1 234 567,89', '0.50']),
    ('(function(){ var d = new Date(Date.UTC(2020,0,31,10,20,30)); return [d.clone().addDays(1).toISOString(), d.clone().addHours(5).toISOString(), d.clone().addMinutes(-30).toISOString(), d.clone().addSeconds(90).toISOString(), d.clone().addMonths(1).toISOString(), d.clone().addYears(1).toISOString(), d.clone().addMilliseconds(5).toISOString(), d.clone().addWeeks(1).toISOString()]; })()',
     ['2020-02-01T10:20:30.000Z', '2020-01-31T15:20:30.000Z', '2020-01-31T09:50:30.000Z', '2020-01-31T10:22:00.000Z', '2020-02-29T10:20:30.000Z', '2021-01-31T10:20:30.000Z', '2020-01-31T10:20:30.005Z', '2020-02-07T10:20:30.000Z']),
    ("(function(){ var d = new Date(Date.UTC(2020,0,5,3,4,5)); return [d.format('{yyyy}-{MM}-{dd}'), d.format('{yyyy}-{MM}-{dd} {HH}:{mm}:{ss}'), d.format('{Month} {d}, {yyyy}'), d.format('{h}:{mm} {tt}'), d.format('{M}/{d}/{yy}'), d.format('{12hr} {24hr} {ord}'), d.isBefore(new Date(Date.UTC(2021,0,1))), d.isAfter(new Date(Date.UTC(2021,0,1))), d.isBefore('2030-01-01'), d.isValid(), new Date('x').isValid(), d.getWeekday(), d.iso(), d.format(Date.ISO8601_DATETIME)]; })()",
     ['2020-01-05', '2020-01-05 03:04:05', 'January 5, 2020', '3:04 am', '1/5/20', '3 3 5th', True, False, True, True, False, 0, '2020-01-05T03:04:05.000Z', '2020-01-05T03:04:05.000Z']),
    ("(function(){ var d = new Date(Date.UTC(2020,0,5)); return [d.format('short'), d.format('long'), d.format('full'), d.format('{yyyy}{MM}{dd}'), d.format()]; })()",
     ['January 5, 2020', 'January 5, 2020 12:00am', 'Sunday January 5, 2020 12:00:00am', '20200105', 'January 5, 2020 12:00am']),
    ("(function(){ var d = new Date(Date.UTC(2020,0,5,13,4,5,7)); var t='f ff fff ms milliseconds s ss seconds m mm minutes h hh hours 12hr H HH 24hr d dd date day dow Dow weekday Weekday M MM month Month Mon mon yy yyyy year t tt T TT ord z zz timezone'.split(' '); var o={}; t.forEach(function(k){ o[k]=d.format('{'+k+'}'); }); return o; })()",
     {'f': '7', 'ff': '07', 'fff': '007', 'ms': '7', 'milliseconds': '7', 's': '5', 'ss': '05', 'seconds': '5', 'm': '4', 'mm': '04', 'minutes': '4', 'h': '1', 'hh': '01', 'hours': '1', '12hr': '1', 'H': '13', 'HH': '13', '24hr': '13', 'd': '5', 'dd': '05', 'date': '5', 'day': '5', 'dow': 'sun', 'Dow': 'Sun', 'weekday': 'sunday', 'Weekday': 'Sunday', 'M': '1', 'MM': '01', 'month': 'january', 'Month': 'January', 'Mon': 'Jan', 'mon': 'jan', 'yy': '20', 'yyyy': '2020', 'year': '2020', 't': 'p', 'tt': 'pm', 'T': 'P', 'TT': 'PM', 'ord': '5th', 'z': '+0', 'zz': '+00', 'timezone': '+0000'}),
    ("[Object.isEmpty({}), Object.isEmpty({a:1}), Object.keys({a:1,b:2}), Object.isObject({}), Object.isArray([]), Object.isString('a'), Object.isNumber(1), Object.isFunction(function(){}), Object.isDate(new Date()), Object.isRegExp(/a/), Object.isBoolean(true), Object.size({a:1,b:2}), Object.equal({a:[1]},{a:[1]}), Object.clone({a:1}), Object.merge({a:1,b:{c:1}},{b:{d:2}}), Object.merge({a:1,b:{c:1}},{b:{d:2}}, true), Object.values({a:1,b:2}), Object.has({a:1},'a'), Object.select({a:1,b:2,c:3},'a','c'), Object.reject({a:1,b:2,c:3},'a'), Object.map({a:1,b:2}, function(k,v){return v*2;}), Object.extended({a:1}).keys()]",
     [True, False, ['a', 'b'], True, True, True, True, True, True, True, True, 2, True, {'a': 1}, {'a': 1, 'b': {'d': 2}}, {'a': 1, 'b': {'c': 1, 'd': 2}}, [1, 2], True, {'a': 1, 'c': 3}, {'b': 2, 'c': 3}, {'a': 2, 'b': 4}, ['a']]),
    ("(function(){ var k=[]; for (var i in [1,2]) k.push(i); var o=[]; for (var j in {a:1}) o.push(j); var s=[]; for (var x in 'ab') s.push(x); return [k, o, s, Object.keys(Array.prototype).length, Object.keys(String.prototype).length, Array.prototype.propertyIsEnumerable('none')]; })()",
     [['0', '1'], ['a'], ['0', '1'], 0, 0, False]),
    ("(function(){ var r=[]; [1,2].each(function(n,i){ r.push(n*10+i); }); return [r, [1,2,3,4].inGroupsOf(2), [1,2,3].inGroups(2), [1,2,2,3].most(), [1,2,2,3].least(), [1,2,3].subtract([2]), [1,2,3].intersect([2,3,4]), [1,2].union([2,3]), [1,2].zip([3,4]), [1,2,3].removeAt(1), [1,2].insert(9,1), [5,3,8].sortBy(function(n){return -n;}), ['b','A','c'].sortBy(), [1,2,3].exclude(1,3), [1,2,3].remove(function(n){return n>1;}), [{a:1},{a:2}].remove({a:1}), [{a:1},{a:2}].findIndex(function(o){return o.a===2;})]; })()",
     [[10, 21], [[1, 2], [3, 4]], [[1, 2], [3]], 2, 1, [1, 3], [2, 3], [1, 2, 3], [[1, 3], [2, 4]], [1, 3], [1, 9, 2], [8, 5, 3], ['A', 'b', 'c'], [2], [1], [{'a': 2}], 1]),
    ("(function(){ var d = new Date(Date.UTC(2020,0,31,10,20,30)); var e = new Date(Date.UTC(2020,0,30,10,20,30)); return [d.daysSince(e), e.daysUntil(d), d.hoursSince(e), d.minutesSince(e), d.secondsSince(e), d.millisecondsSince(e), d.isLeapYear(), d.daysInMonth(), d.clone().beginningOfDay().toISOString(), d.clone().endOfDay().toISOString(), d.clone().beginningOfMonth().toISOString(), d.clone().endOfMonth().toISOString(), d.clone().beginningOfYear().toISOString(), d.clone().beginningOfWeek().toISOString(), d.clone().advance({days:2, hours:1}).toISOString(), d.clone().rewind({months:1}).toISOString(), d.clone().set({hour:1}).toISOString(), d.clone().reset().toISOString(), d.is(new Date(d.getTime())), d.isAfter(e), d.isBetween(e, new Date()), d.format('{yyyy}/{M}/{d} {H}:{m}:{s}.{f}'), d.format('{dd}-{Mon}-{year}')]; })()",
     [1, 1, 24, 1440, 86400, 86400000, True, 31, '2020-01-31T00:00:00.000Z', '2020-01-31T23:59:59.999Z', '2020-01-01T00:00:00.000Z', '2020-01-31T23:59:59.999Z', '2020-01-01T00:00:00.000Z', '2020-01-26T00:00:00.000Z', '2020-02-02T11:20:30.000Z', '2019-12-31T10:20:30.000Z', '2020-01-31T01:20:30.000Z', '2020-01-31T00:00:00.000Z', True, True, True, '2020/1/31 10:20:30.0', '31-Jan-2020']),
    ('(function(){ var n=Date.now(); var d=new Date(n - 3*86400000 - 1000); var f=new Date(n + 2*86400000 + 60000); var h=new Date(n - 5*3600000 - 1000); return [d.daysAgo(), f.daysFromNow(), h.hoursAgo(), d.isPast(), f.isFuture(), new Date().isToday(), d.isYesterday(), d.relative()]; })()',
     [3, 2, 5, True, True, True, False, '3 days ago']),
    ("(function(){ var d = Date.create('2020-03-04T05:06:07Z'); var e = Date.create('2020-03-04'); return [d.toISOString(), e.getFullYear(), isNaN(Date.create('nonsense').getTime()), Date.create(0).getTime()]; })()",
     ['2020-03-04T05:06:07.000Z', 2020, True, 0]),
    ("['foo bar'.titleize(), 'a b'.spacify(), 'first_name'.humanize(), 'Hello World!'.parameterize(), '<b>x</b>'.stripTags(), 'ABC'.has('b'), 'hello'.each('l'), 'aGVsbG8='.decodeBase64(), 'hello'.encodeBase64(), 'abc'.insert('X', 1), 'abcb'.remove('b'), '  a   b  '.compact(), 'hello world'.camelize(), 'Hello World'.underscore(), 'fooBar'.dasherize(), 'HTTPRequest'.underscore(), 'a_b'.camelize(false)]",
     ['Foo Bar', 'a b', 'First name', 'hello-world', 'x', False, ['l', 'l'], 'hello', 'aGVsbG8=', 'aXbc', 'acb', 'a b', 'HelloWorld', 'hello_world', 'foo-bar', 'http_request', 'aB']),
    ('[(4).isEven(), (3).isOdd(), (6).isMultipleOf(3), (1).ordinalize(), (22).ordinalize(), (13).ordinalize(), (1).upto(4), (4).downto(1), (65).chr(), (2).seconds(), (1).days(), (12.5).format(), (-1234.5).format(1), (-3).abs(), (2).pow(3)]',
     [True, True, True, '1st', '22nd', '13th', [1, 2, 3, 4], [4, 3, 2, 1], 'A', 2000, 86400000, '12.5', '-1,234.5', 3, 8]),
]


@pytest.mark.parametrize(("expression", "expected"), SUGAR, ids=[e[:60] for e, _ in SUGAR])
def test_sugar_methods_agree_with_newman(sandbox: Sandbox, expression: str, expected: Any) -> None:
    assert value(sandbox, expression) == expected


def test_sugar_leaves_for_in_and_json_alone(sandbox: Sandbox) -> None:
    assert value(sandbox, "(function(){ var k = []; for (var i in [7]) k.push(i); for (var j in {a: 1}) k.push(j); "
                          "return [k, JSON.stringify([1]), Object.getOwnPropertyDescriptor(Array.prototype, 'none').enumerable]; })()") == [
        ["0", "a"], "[1]", False]
MOMENT = [
    ("M.utc('2020-01-05T03:04:05.006Z').format('YYYY YY Q M MM MMM MMMM D DD Do DDD DDDD d dd ddd dddd e E w ww W WW H HH h hh k kk m mm s ss S SS SSS A a Z ZZ X x [at] LT LTS L LL LLL LLLL l ll lll llll')",
     '2020 20 1 1 01 Jan January 5 05 5th 5 005 0 Su Sun Sunday 0 7 2 02 1 01 3 03 3 03 3 03 4 04 5 05 0 00 006 AM am +00:00 +0000 1578193445 1578193445006 at 3:04 AM 3:04:05 AM 01/05/2020 January 5, 2020 January 5, 2020 3:04 AM Sunday, January 5, 2020 3:04 AM 1/5/2020 Jan 5, 2020 Jan 5, 2020 3:04 AM Sun, Jan 5, 2020 3:04 AM'),
    ("[M.utc('2020-01-05T03:04:05Z').format(), M('2020-01-05T03:04:05+02:00').toISOString(), M('2020-01-05').format(), M('2020-01-05 10:11').format(), M('20200105T101112').toISOString(), M('2020-02').format('YYYY-MM-DD'), M('2020-W02-3').format('YYYY-MM-DD'), M('2020-032').format('YYYY-MM-DD')]",
     ['2020-01-05T03:04:05Z', '2020-01-05T01:04:05.000Z', '2020-01-05T00:00:00+00:00', '2020-01-05T10:11:00+00:00', '2020-01-05T10:11:12.000Z', '2020-02-01', '2020-01-08', '2020-02-01']),
    ("[M('Tue, 01 Nov 2016 13:23:12 +0630').toISOString(), M('01 Nov 2016 13:23 GMT').toISOString(), M.utc('12-25-1995', 'MM-DD-YYYY').format(), M.utc('25/12/1995 10:30 pm', 'DD/MM/YYYY h:mm a').format(), M.utc('1995 Dec 25th', 'YYYY MMM Do').format(), M.utc('20/12/95', 'DD/MM/YY').format(), M('2010 13', 'YYYY MM').isValid(), M('It is 2012-05-25', 'YYYY-MM-DD').isValid(), M('It is 2012-05-25', 'YYYY-MM-DD', true).isValid(), M('2012-05-25', 'YYYY-MM-DD', true).isValid(), M.utc('1318781876', 'X').format(), M('2020-02-30').isValid(), M('not a date').isValid()]",
     ['2016-11-01T06:53:12.000Z', '2016-11-01T13:23:00.000Z', '1995-12-25T00:00:00Z', '1995-12-25T22:30:00Z', '1995-12-25T00:00:00Z', '1995-12-20T00:00:00Z', False, True, False, True, '2011-10-16T16:17:56Z', False, False]),
    ("(function(){ var a = M.utc('2020-01-31T10:00:00Z'); return [a.clone().add(1,'month').format(), a.clone().add(1,'M').format(), a.clone().add(7,'days').format(), a.clone().add({days:1, hours:2}).format(), a.clone().subtract(2,'years').format(), a.clone().add(M.duration(90,'minutes')).format(), a.clone().add(1,'quarter').format(), a.clone().add(-1,'w').format(), a.clone().add(1.5,'hours').format(), a.clone().add('2','d').format()]; })()",
     ['2020-02-29T10:00:00Z', '2020-02-29T10:00:00Z', '2020-02-07T10:00:00Z', '2020-02-01T12:00:00Z', '2018-01-31T10:00:00Z', '2020-01-31T11:30:00Z', '2020-04-30T10:00:00Z', '2020-01-24T10:00:00Z', '2020-01-31T11:30:00Z', '2020-02-02T10:00:00Z']),
    ("(function(){ var a = M.utc('2020-05-14T10:20:30.400Z'); return ['year','quarter','month','week','isoWeek','day','date','hour','minute','second'].map(function(u){ return [a.clone().startOf(u).toISOString(), a.clone().endOf(u).toISOString()]; }); })()",
     [['2020-01-01T00:00:00.000Z', '2020-12-31T23:59:59.999Z'], ['2020-04-01T00:00:00.000Z', '2020-06-30T23:59:59.999Z'], ['2020-05-01T00:00:00.000Z', '2020-05-31T23:59:59.999Z'], ['2020-05-10T00:00:00.000Z', '2020-05-16T23:59:59.999Z'], ['2020-05-11T00:00:00.000Z', '2020-05-17T23:59:59.999Z'], ['2020-05-14T00:00:00.000Z', '2020-05-14T23:59:59.999Z'], ['2020-05-14T00:00:00.000Z', '2020-05-14T23:59:59.999Z'], ['2020-05-14T10:00:00.000Z', '2020-05-14T10:59:59.999Z'], ['2020-05-14T10:20:00.000Z', '2020-05-14T10:20:59.999Z'], ['2020-05-14T10:20:30.000Z', '2020-05-14T10:20:30.999Z']]),
    ("(function(){ var a = M.utc('2020-01-31'), b = M.utc('2020-03-01'); return [b.diff(a), b.diff(a,'days'), b.diff(a,'months'), b.diff(a,'months',true), a.diff(b,'months',true), b.diff(a,'years',true), b.diff(a,'weeks'), b.diff(a,'hours'), M.utc('2021-02-28').diff(M.utc('2020-02-29'),'years'), M.utc('2020-03-31').diff(M.utc('2020-02-29'),'months',true), b.diff(a, 'seconds')]; })()",
     [2592000000, 30, 1, 1.032258064516129, -1.032258064516129, 0.08602150537634408, 4, 720, 1, 1, 2592000]),
    ("(function(){ var a = M.utc('2020-01-05T10:00:00Z'), b = M.utc('2020-01-05T12:00:00Z'); return [a.isBefore(b), a.isAfter(b), a.isSame(b), a.isSame(b,'day'), a.isBefore(b,'day'), a.isSameOrBefore(b), a.isSameOrAfter(b,'day'), M.utc('2020-01-06').isBetween(a,b), M.utc('2020-01-05T11:00:00Z').isBetween(a,b), a.isBetween(a,b,null,'[]'), a.isValid(), a.isBefore('2021-01-01')]; })()",
     [True, False, False, True, False, True, True, False, True, True, True, True]),
    ("(function(){ var a = M.utc('2020-02-29T23:59:58.123Z'); return [a.year(), a.month(), a.date(), a.day(), a.hour(), a.minute(), a.second(), a.millisecond(), a.dayOfYear(), a.week(), a.isoWeek(), a.isoWeekday(), a.weekday(), a.quarter(), a.daysInMonth(), a.isLeapYear(), a.get('month'), a.clone().set('month', 3).format(), a.clone().year(2021).format(), a.clone().month('March').format(), a.clone().date(1).hour(5).format(), a.valueOf(), a.unix(), a.toArray(), a.toObject(), a.toJSON(), a.toString(), a.clone().day(1).format(), a.weekYear(), a.isoWeekYear()]; })()",
     [2020, 1, 29, 6, 23, 59, 58, 123, 60, 9, 9, 6, 6, 1, 29, True, 1, '2020-04-29T23:59:58Z', '2021-02-28T23:59:58Z', '2020-03-29T23:59:58Z', '2020-02-01T05:59:58Z', 1583020798123, 1583020798, [2020, 1, 29, 23, 59, 58, 123], {'years': 2020, 'months': 1, 'date': 29, 'hours': 23, 'minutes': 59, 'seconds': 58, 'milliseconds': 123}, '2020-02-29T23:59:58.123Z', 'Sat Feb 29 2020 23:59:58 GMT+0000', '2020-02-24T23:59:58Z', 2020, 2020]),
    ("[M.unix(1318781876).utc().format(), M.utc(1318781876406).toISOString(), M.utc([2010, 1, 14, 15, 25, 50, 125]).toISOString(), M.utc({year: 2010, month: 3, day: 5, hour: 15}).toISOString(), M.utc(new Date(Date.UTC(2011,1,2))).format(), M(null).isValid(), M.utc('2020-01-05T03:04:05+05:30').format(), M.parseZone('2020-01-05T03:04:05+05:30').format(), M.parseZone('2020-01-05T03:04:05+05:30').utcOffset(), M.utc('2020-01-05').utcOffset(120).format(), M.utc('2020-01-05').utcOffset('-03:00').format('HH:mm Z'), M.utc('2020-01-05').local().format()]",
     ['2011-10-16T16:17:56Z', '2011-10-16T16:17:56.406Z', '2010-02-14T15:25:50.125Z', '2010-04-05T15:00:00.000Z', '2011-02-02T00:00:00Z', False, '2020-01-04T21:34:05Z', '2020-01-05T03:04:05+05:30', 330, '2020-01-05T02:00:00+02:00', '21:00 -03:00', '2020-01-05T00:00:00+00:00']),
    ("[M.duration(100).milliseconds(), M.duration(2,'seconds').asMilliseconds(), M.duration(1,'day').asHours(), M.duration(90,'minutes').hours(), M.duration(90,'minutes').minutes(), M.duration(1,'month').asDays(), M.duration(40,'days').months(), M.duration(40,'days').days(), M.duration({hours:1, minutes:30}).asMinutes(), M.duration('1.02:03:04').asSeconds(), M.duration('P1Y2M3DT4H5M6S').toISOString(), M.duration(90,'seconds').toISOString(), M.duration(-1,'minutes').humanize(), M.duration(1,'minutes').humanize(true), M.duration(-1,'minutes').humanize(true), M.duration(2,'days').humanize(), M.duration(25,'days').humanize(), M.duration(26,'days').humanize(), M.duration(45,'seconds').humanize(), M.duration(44,'seconds').humanize(), M.duration(11,'months').humanize(), M.duration(3,'years').humanize(), M.duration(1,'y').asMonths(), M.duration(1,'year').asDays(), M.duration(2,'weeks').weeks(), M.duration(1500).seconds(), M.duration(7,'d').asWeeks(), M.duration(1, 'hour').add(30, 'minutes').asMinutes()]",
     [100, 2000, 24, 1, 30, 30, 1, 9, 90, 93784, 'P1Y2M3DT4H5M6S', 'PT1M30S', 'a minute', 'in a minute', 'a minute ago', '2 days', '25 days', 'a month', 'a minute', 'a few seconds', 'a year', '3 years', 12, 365, 2, 1, 1, 90]),
    ("(function(){ var now = M(); return [now.clone().subtract(3,'days').fromNow(), now.clone().add(2,'hours').fromNow(), now.clone().subtract(30,'seconds').fromNow(), now.clone().subtract(1,'year').fromNow(true), M.utc('2020-01-01').from(M.utc('2020-01-05')), M.utc('2020-01-01').to(M.utc('2020-01-05')), now.clone().subtract(50,'minutes').fromNow(), typeof M.now(), M.isMoment(now), M.isMoment(new Date()), M.isDuration(M.duration(1)), M.min(M.utc('2020-01-01'), M.utc('2019-01-01')).year(), M.max([M.utc('2020-01-01'), M.utc('2019-01-01')]).year(), M.locale()]; })()",
     ['3 days ago', 'in 2 hours', 'a few seconds ago', 'a year', '4 days ago', 'in 4 days', 'an hour ago', 'number', True, False, True, 2019, 2020, 'en']),
    ("[M.utc('2020-01-05T03:04:05Z').format('dddd, MMMM Do YYYY, h:mm:ss a'), M.utc('2020-01-05').format('[Today is] dddd'), M.utc('2020-12-31').format('DDDD W GGGG w gggg'), M.utc('2021-01-01').format('W GGGG w gggg'), M.utc('0099-01-01').format('YYYY'), M.utc('2020-01-05T00:00:00Z').format('h A k'), M.utc('2020-01-05T12:30:00Z').format('hh:mm A'), M('invalid').format(), M.utc('2020-01-05T03:04:05.123456Z').format('SSSSSS'), M.utc('2020-01-05T03:04:05,5Z').millisecond()]",
     ['Sunday, January 5th 2020, 3:04:05 am', 'Today is Sunday', '366 53 2020 1 2021', '53 2020 1 2021', '0099', '12 AM 24', '12:30 PM', 'Invalid date', '123000', 500]),
    ("[M.utc('2020-03-08T12:00:00Z').calendar(M.utc('2020-03-08T09:00:00Z')), M.utc('2020-03-09T12:00:00Z').calendar(M.utc('2020-03-08T09:00:00Z')), M.utc('2020-03-01T12:00:00Z').calendar(M.utc('2020-03-08T09:00:00Z')), M.utc('2020-03-07T12:00:00Z').calendar(M.utc('2020-03-08T09:00:00Z')), M.utc('2020-03-05T12:00:00Z').calendar(M.utc('2020-03-08T09:00:00Z'))]",
     ['Today at 12:00 PM', 'Tomorrow at 12:00 PM', '03/01/2020', 'Yesterday at 12:00 PM', 'Last Thursday at 12:00 PM']),
    ("[M('2020-W30-1').format('YYYY-MM-DD'), M('2021-W01-1').format('YYYY-MM-DD'), M('2020-366').format('YYYY-MM-DD')]",
     ['2020-07-20', '2021-01-04', '2020-12-31']),
]


# Newman's values were taken with TZ=UTC; the sandbox's local time zone is the process's (UTC on
# the machines these tests run on), so `moment()` local formats carry +00:00.
@pytest.mark.parametrize(("expression", "expected"), MOMENT, ids=[e[:60] for e, _ in MOMENT])
def test_moment_agrees_with_newman(sandbox: Sandbox, expression: str, expected: Any) -> None:
    assert value(sandbox, expression, "var M = require('moment');") == expected


def test_moment_is_not_a_global_as_in_postman(sandbox: Sandbox) -> None:
    assert value(sandbox, "typeof moment") == "undefined"
