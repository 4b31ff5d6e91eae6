"""Agreement with Newman for the sandbox libraries, expression by expression.

    python benchmarks/compare_newman_libs.py [--newman PATH] [--show]

Each group below is a list of JavaScript expressions using one library (crypto-js, tv4, ajv,
xml2js/xml2Json, cheerio, csv-parse, Buffer, atob/btoa, uuid, timers). Newman runs them as the
test script of one request to a loopback server and exports the JSON of every value (or the error
it threw) through the environment; our sandbox runs the same script; the table says how many
values agree per library, and --show prints every difference.

Newman is not a dependency. The script looks for --newman, $NEWMAN, `newman` on PATH, then
~/.cache/postman-replay-bench/newman; when none is there and npm is, it installs newman 6.2.2 into
that cache directory; without npm it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "postman-replay-bench" / "newman"

GROUPS: dict[str, list[str]] = {
    "crypto-js": [
        "CryptoJS.HmacSHA256('msg', 'key').toString(CryptoJS.enc.Base64)",
        "CryptoJS.SHA3('abc', {outputLength: 256}).toString()",
        "CryptoJS.HmacSHA3('abc', 'k').toString()",
        "CryptoJS.AES.decrypt(CryptoJS.AES.encrypt('hello', 'pw').toString(), 'pw').toString(CryptoJS.enc.Utf8)",
        "CryptoJS.AES.decrypt('U2FsdGVkX18nnYOFfc4iGyNyS3MCVYCxAvC90zyJu5c=', 'pass').toString(CryptoJS.enc.Utf8)",
        "CryptoJS.AES.encrypt('hello', CryptoJS.enc.Utf8.parse('0123456789abcdef'), {iv: CryptoJS.enc.Utf8.parse('abcdef0123456789')}).toString()",
        "CryptoJS.AES.encrypt('hello', CryptoJS.enc.Utf8.parse('0123456789abcdef'), {mode: CryptoJS.mode.ECB}).toString()",
        "CryptoJS.AES.encrypt('hello', CryptoJS.enc.Utf8.parse('0123456789abcdef'), {mode: CryptoJS.mode.CTR, iv: CryptoJS.enc.Hex.parse('00000000000000000000000000000000'), padding: CryptoJS.pad.NoPadding}).toString()",
        "CryptoJS.AES.encrypt('hello', CryptoJS.enc.Utf8.parse('0123456789abcdef'), {iv: CryptoJS.enc.Utf8.parse('abcdef0123456789'), mode: CryptoJS.mode.OFB, padding: CryptoJS.pad.AnsiX923}).ciphertext.toString()",
        "CryptoJS.DES.encrypt('hello', CryptoJS.enc.Utf8.parse('12345678'), {iv: CryptoJS.enc.Utf8.parse('abcdefgh')}).toString()",
        "CryptoJS.TripleDES.encrypt('hello', CryptoJS.enc.Utf8.parse('123456789012345678901234'), {mode: CryptoJS.mode.ECB}).toString()",
        "CryptoJS.RC4.encrypt('hello', CryptoJS.enc.Utf8.parse('key')).toString()",
        "CryptoJS.RC4Drop.encrypt('hello', CryptoJS.enc.Utf8.parse('key')).toString()",
        "CryptoJS.PBKDF2('pw', 'salt').toString()",
        "CryptoJS.EvpKDF('pw', 'salt').toString()",
        "CryptoJS.enc.Utf16.parse('hi').toString()",
        "CryptoJS.enc.Base64.parse('aGVsbG8=').toString(CryptoJS.enc.Utf8)",
        "CryptoJS.SHA256('x').words",
        "JSON.stringify(CryptoJS.enc.Hex.parse('0102'))",
        "CryptoJS.RIPEMD160('abc').toString()",
        "CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Hex.parse('ff'))",
        "CryptoJS.lib.WordArray.create([1, 2], 5).toString()",
    ],
    "tv4": [
        "(function () { tv4.validate({name: 5}, {type: 'object', required: ['id']}); return [tv4.error.code, tv4.error.message, tv4.error.dataPath, tv4.error.schemaPath, tv4.error.params]; })()",
        "tv4.validateMultiple({id: 0, name: 'A', tags: ['a', 'a'], e: 'z'}, {properties: {id: {minimum: 1}, name: {minLength: 2, pattern: '^b'}, tags: {uniqueItems: true, maxItems: 1}, e: {enum: ['x', 'y']}}})",
        "tv4.validateMultiple({b: 1, a: 'x'}, {required: ['z'], properties: {a: {type: 'integer'}, b: {type: 'string'}}, minProperties: 5})",
        "tv4.validateMultiple({x: 1}, {oneOf: [{required: ['x']}, {type: 'object'}]})",
        "tv4.validateMultiple({a: 1}, {dependencies: {a: ['b']}, minProperties: 2})",
        "tv4.validate({a: 1, b: 2}, {properties: {a: {}}}, false, true) || tv4.error",
        "tv4.validate('2020-01-01', {format: 'date-time'})",
    ],
    "ajv": [
        "(function () { var ajv = new (require('ajv'))({allErrors: true}); var v = ajv.compile({type: 'object', required: ['id', 'name'], properties: {id: {type: 'integer', minimum: 1}, name: {type: 'string', minLength: 2}, tags: {type: 'array', items: {type: 'string'}, uniqueItems: true}}, additionalProperties: false}); v({id: 0, name: 'A', tags: ['a', 'a', 3], zz: 1}); return [v.errors, ajv.errorsText(v.errors)]; })()",
        "(function () { var ajv = new (require('ajv'))(); return [ajv.validate({type: 'object', properties: {a: {enum: [1, 2]}, c: {type: ['string', 'null']}}}, {a: 3, c: 1}), ajv.errors]; })()",
        "(function () { var ajv = new (require('ajv'))(); return [ajv.validate({anyOf: [{type: 'string'}, {type: 'number'}]}, true), ajv.errors]; })()",
        "(function () { var ajv = new (require('ajv'))(); return [ajv.validate({format: 'date-time'}, '2020-01-01T10:00:00Z'), ajv.validate({format: 'email'}, 'nope'), ajv.validate({format: 'uuid'}, 'x')]; })()",
        "(function () { var ajv = new (require('ajv'))(); try { ajv.compile({format: 'bogus'}); return 'ok'; } catch (e) { return e.message; } })()",
        "(function () { var ajv = new (require('ajv'))(); return [ajv.validate({type: 'object', required: ['a', 'b']}, {}), ajv.errors]; })()",
    ],
    "xml2js": [
        "(function () { var r; require('xml2js').parseString('<root a=\"1\"><item id=\"x\">one</item><item>two</item><empty/><mixed>t <b>b</b></mixed></root>', function (e, res) { r = res; }); return r; })()",
        "xml2Json('<root a=\"1\"><item id=\"x\">one</item><item>two</item><empty/></root>')",
        "(function () { var r; require('xml2js').parseString('<root a=\"1\"><item id=\"x\">one</item></root>', {explicitArray: false, mergeAttrs: true}, function (e, res) { r = res; }); return r; })()",
        "xml2Json('<a><b>')",
        "new (require('xml2js').Builder)().buildObject({root: {$: {a: 1}, item: ['one', {$: {id: 'x'}, _: 'two'}], e: {}}})",
        "new (require('xml2js').Builder)().buildObject({a: {b: [1, null, {c: 'x'}], d: 'text & more'}})",
    ],
    "cheerio": [
        "(function () { var $ = cheerio.load('<ul id=\"l\"><li class=\"a\">One</li><li class=\"b x\">Two <b>bold</b></li><li>Three</li></ul><a href=\"/p?q=1\">link</a>'); return [$('li').length, $('li').eq(1).text(), $('li.b').hasClass('x'), $('a').attr('href'), $('ul').html(), $('li').map(function (i, el) { return $(el).text(); }).get(), $('b').closest('ul').attr('id'), $('li').not('.a').length]; })()",
        "(function () { var $ = cheerio.load('<ul><li class=\"a\">One</li><li>Two</li></ul>'); var out = []; $('li').each(function (i, el) { out.push([i, el.name, el.type, el.attribs, el.children[0].data]); }); return out; })()",
        "(function () { var $ = cheerio.load('<div data-id=\"7\" data-flag=\"true\"><span>a</span>text<!-- c --></div>'); return [$('div').data(), $('div').contents().length, $('span').siblings().length]; })()",
        "(function () { var $ = cheerio.load('<r><item id=\"1\"><name>A</name></item><item id=\"2\"><name>B</name></item></r>', {xmlMode: true}); return [$('item').length, $('item[id=2] name').text()]; })()",
    ],
    "csv-parse": [
        "require('csv-parse/lib/sync')('a,b\\n1,2\\n\\n3, 4', {columns: true, skip_empty_lines: true, trim: true})",
        "require('csv-parse/lib/sync')('a;\"b;c\"\\n1;2', {delimiter: ';'})",
        "require('csv-parse/lib/sync')('a,b\\n1,2\\n3')",
        "require('csv-parse/lib/sync')('a,b\\n\\n1,2')",
        "require('csv-parse/lib/sync')('a,b\\n1.5,-2\\n0x1,1e3', {auto_parse: true})",
    ],
    "buffer": [
        "Buffer.from('h\u00e9llo \u2603').toString('base64')",
        "Buffer.from('aMOpbGxv', 'base64').toString()",
        "Buffer.from([0xff, 0xfe, 0x41]).toString()",
        "Buffer.byteLength('h\u00e9llo')",
        "Buffer.alloc(3, 'ab').toString()",
        "Buffer.from('abc').toJSON()",
        "Buffer.from('AQID', 'base64').readUInt16LE(1)",
        "Buffer.from('hi', 'utf16le').toString('hex')",
        "Buffer.from('hello').slice(1, 3).toString()",
    ],
    "atob-btoa-uuid": [
        "[atob('aGVsbG8='), btoa('hello'), atob('aGVsbG8')]",
        "[typeof require('uuid'), require('uuid').v4().length, require('uuid')().length]",
    ],
}
# The libraries written in JavaScript (lodash, the legacy `_`, moment, Sugar, postman-collection,
# assert's messages): the Newman-derived expressions of their tests.
sys.path.insert(0, str(ROOT / "tests"))
from script_corpus.js_library_cases import newman_groups  # noqa: E402

GROUPS.update(newman_groups())
TIMERS = """
var order = [];
setTimeout(function (a) { order.push('timeout ' + a); }, 30, 'x');
setTimeout(function () { order.push('zero'); }, 0);
setImmediate(function () { order.push('immediate'); });
Promise.resolve().then(function () { order.push('microtask'); });
order.push('body');
var n = 0;
var h = setInterval(function () { n++; if (n === 3) clearInterval(h); }, 5);
setTimeout(function () { pm.environment.set('__out_timers', JSON.stringify([JSON.stringify(order.join(',')), JSON.stringify(n)])); }, 100);
"""


def script_for(group: str, expressions: list[str]) -> str:
    lines = ["var __out = [];"]
    for expression in expressions:
        lines.append(f"try {{ __out.push(JSON.stringify({expression})); }} "
                     "catch (err) { __out.push('THROWS ' + err.name + ': ' + err.message); }")
    lines.append(f"pm.environment.set('__out_{group}', JSON.stringify(__out));")
    return "\n".join(lines)


def find_newman(given: str | None) -> str | None:
    for candidate in (given, os.environ.get("NEWMAN"), shutil.which("newman"), str(CACHE / "node_modules" / ".bin" / "newman")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--prefix", str(CACHE), "newman@6.2.2"], capture_output=True, text=True)
    target = CACHE / "node_modules" / ".bin" / "newman"
    return str(target) if done.returncode == 0 and target.exists() else None


class _Quiet(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


def newman_values(newman: str, scripts: dict[str, str]) -> dict[str, list[str]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            items = [{"name": g, "request": {"method": "GET", "url": url},
                      "event": [{"listen": "test", "script": {"exec": s.splitlines()}}]} for g, s in scripts.items()]
            document = {"info": {"name": "libraries", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                        "item": items}
            (Path(tmp) / "c.json").write_text(json.dumps(document), encoding="utf-8")
            (Path(tmp) / "e.json").write_text('{"name": "e", "values": []}', encoding="utf-8")
            subprocess.run([newman, "run", "c.json", "-e", "e.json", "--export-environment", "out.json", "--reporters", "cli"],
                           cwd=tmp, capture_output=True, text=True, timeout=300)
            exported = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
    finally:
        server.shutdown()
    return {v["key"][len("__out_"):]: json.loads(v["value"]) for v in exported["values"] if v["key"].startswith("__out_")}


def our_values(scripts: dict[str, str]) -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    from engine.scripts import Sandbox, ScriptInput

    box, out = Sandbox(), {}
    for group, script in scripts.items():
        outcome = box.run(ScriptInput(
            event="test", scripts=[(f"item '{group}'", script)], item_name=group, item_path=group, iteration=0,
            iteration_count=1, request={"method": "GET", "url": "http://127.0.0.1/", "headers": [], "body": None},
            response={"code": 200, "status": "OK", "headers": [], "body": "ok", "responseTime": 1.0, "size": 2},
            scopes={"globals": {}, "collection": {}, "environment": {}, "data": {}, "local": {}},
            precedence=["local", "data", "environment", "collection", "globals"], cookies=[], send_request=None))
        text = outcome.scopes["environment"].get(f"__out_{group}")
        out[group] = json.loads(text) if text else [f"FAILED {outcome.failure}"]
    box.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newman", help="path to the newman executable")
    parser.add_argument("--show", action="store_true", help="print every difference")
    args = parser.parse_args()
    scripts = {group: script_for(group, expressions) for group, expressions in GROUPS.items()}
    scripts["timers"] = TIMERS
    newman = find_newman(args.newman)
    if newman is None:
        print("newman not found and npm not available: nothing compared")
        return 0
    theirs, ours = newman_values(newman, scripts), our_values(scripts)
    print("| library | values | agree |")
    print("|---|---|---|")
    total = agree = 0
    differences = []
    for group in scripts:
        a, b = theirs.get(group, []), ours.get(group, [])
        same = sum(1 for x, y in zip(a, b) if x == y)
        count = max(len(a), len(b))
        total, agree = total + count, agree + same
        print(f"| {group} | {count} | {same} |")
        expressions = GROUPS.get(group, ["(timer order)", "(interval count)"])
        differences += [(group, expressions[i] if i < len(expressions) else "?", x, y)
                        for i, (x, y) in enumerate(zip(a, b)) if x != y]
    print(f"\n{agree} of {total} values agree with Newman.")
    if args.show:
        for group, expression, newman_value, our_value in differences:
            print(f"\n[{group}] {expression}\n  newman: {newman_value}\n  ours:   {our_value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
