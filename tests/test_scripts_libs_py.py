"""Sandbox libraries: the module loader, timers and the Python-backed libraries, run through the
real sandbox; expected values come from an independent route (Python's own libraries, RFC/NIST
vectors)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from engine.scripts import Sandbox, ScriptOutcome
from engine.scripts import libdoc
from tests.test_scripts_sandbox import make_input

LIB = Path(__file__).resolve().parent.parent / "engine" / "scripts" / "lib"


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    box = Sandbox()
    yield box
    box.close()


def run(sandbox: Sandbox, *sources: str, **kw: Any) -> ScriptOutcome:
    return sandbox.run(make_input(*sources, **kw))


def value(sandbox: Sandbox, expression: str, **kw: Any) -> Any:
    """The JSON value of `expression`, computed in a script (through a variable, as scripts do)."""
    out = run(sandbox, f"pm.environment.set('__out', JSON.stringify({expression}));", **kw)
    assert out.failure is None, out.failure
    return json.loads(out.scopes["environment"]["__out"])


def failure(sandbox: Sandbox, source: str) -> tuple[str, int | None]:
    out = run(sandbox, source)
    assert out.failure is not None, out
    return out.failure.message, out.failure.line


# ---- the loader ---------------------------------------------------------------------------

def test_every_module_in_the_table_has_a_file_and_every_file_a_row() -> None:
    table = json.loads((LIB / "index.json").read_text(encoding="utf-8"))
    files = {p.name[:-3] for p in LIB.glob("*.js")}
    named = {name.replace("/", "__") for name in table["modules"]}
    assert named == files
    for target in table["aliases"].values():
        assert target in table["modules"]


def test_the_libraries_doc_is_current() -> None:
    assert libdoc.DOC.read_text(encoding="utf-8") == libdoc.render(), "run: python -m engine.scripts.libdoc"


def test_require_and_the_global_are_one_module(sandbox: Sandbox) -> None:
    assert value(sandbox, "require('atob') === atob && require('node:btoa') === btoa") is True


def test_an_unknown_module_is_a_located_error_even_when_caught(sandbox: Sandbox) -> None:
    assert failure(sandbox, "var a = 1;\ntry { require('left-pad'); } catch (e) {}") == (
        "require('left-pad') is not supported", 2)


def test_scripts_cannot_reach_the_loaders_internals(sandbox: Sandbox) -> None:
    message, _ = failure(sandbox, "require('#sandbox').host('x');")
    assert message == "require('#sandbox') is not supported"
    assert value(sandbox, "[typeof __host, typeof __lib_sources, typeof __lib_index]") == ["undefined"] * 3


def test_a_global_the_script_assigns_is_its_own_until_the_next_item(sandbox: Sandbox) -> None:
    assert value(sandbox, "(function () { atob = 5; return atob; })()") == 5
    assert value(sandbox, "typeof atob") == "function"


def test_atob_and_btoa_agree_with_python(sandbox: Sandbox) -> None:
    text = "h\u00e9llo \u00ff\x00!"
    encoded = base64.b64encode(text.encode("latin-1")).decode()
    assert value(sandbox, f"btoa({json.dumps(text)})") == encoded
    assert value(sandbox, f"atob({json.dumps(encoded)})") == text
    assert value(sandbox, "atob('aGk')") == "hi"  # unpadded, as the npm package accepts


# ---- the engine -----------------------------------------------------------------------------

def test_the_engine_speaks_es2023(sandbox: Sandbox) -> None:
    source = ("(function () { class A { #x = 2; get x() { return this.#x; } }"
              " return [[1, 2, 3].findLast(function (n) { return n < 3; }), [3, 1, 2].toSorted().at(-1),"
              " Object.hasOwn({a: 1}, 'a'), new A().x, Object.groupBy([1, 2, 3], function (n) { return n % 2 ? 'odd' : 'even'; }).odd]; })()")
    out = run(sandbox, f"pm.environment.set('__out', JSON.stringify({source}));")
    assert out.failure is None, (
        f"{out.failure}: the sandbox is not running on quickjs-ng. Where the 2023 `quickjs` package is also "
        "installed, its _quickjs extension shadows quickjs-ng's: pip uninstall -y quickjs && "
        "pip install --force-reinstall --no-deps quickjs-ng")
    assert json.loads(out.scopes["environment"]["__out"]) == [2, 3, True, 2, [1, 3]]


# ---- timers ---------------------------------------------------------------------------------

def recorded(out: ScriptOutcome) -> list[tuple[str, bool, str]]:
    assert out.failure is None, out.failure
    return [(t.name, t.passed, t.message) for t in out.tests]


def test_timers_run_before_the_script_ends_in_nodes_order(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        var order = [];
        setTimeout(function (a, b) { order.push('timeout ' + a + b); }, 30, 'x', 'y');  // Postman passes no arguments
        setTimeout(function () { order.push('zero'); }, 0);
        setImmediate(function () { order.push('immediate'); });
        Promise.resolve().then(function () { order.push('microtask'); });
        order.push('body');
        setTimeout(function () { pm.environment.set('order', order.join(',')); }, 60);
    """)
    assert out.failure is None, out.failure
    assert out.scopes["environment"]["order"] == "body,microtask,immediate,zero,timeout undefinedundefined"


def test_an_interval_runs_until_cleared(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        var n = 0;
        var handle = setInterval(function () { n += 1; if (n === 3) clearInterval(handle); }, 5);
        var cancelled = require('timers').setTimeout(function () { n = 100; }, 1);
        clearTimeout(cancelled);
        setTimeout(function () { pm.test('three ticks', function () { pm.expect(n).to.equal(3); }); }, 60);
    """)
    assert recorded(out) == [("three ticks", True, "")]


def test_a_never_cleared_interval_ends_at_the_bound_naming_it(sandbox: Sandbox) -> None:
    out = run(sandbox, "var ticks = 0;\nsetInterval(function () { ticks++; }, 20);", timeout_ms=300)
    assert out.failure is not None
    assert out.failure.message == ("setInterval (set at line 2) was never cleared: the script was still "
                                   "waiting for it after 300 ms (--timeout-script)")
    assert out.failure.line == 2
    assert recorded(run(sandbox, "pm.test('next item is clean', function () {});")) == [("next item is clean", True, "")]


def test_a_timeout_beyond_the_bound_is_an_error_naming_it(sandbox: Sandbox) -> None:
    out = run(sandbox, "setTimeout(function () {}, 60000);", timeout_ms=300)
    assert out.failure is not None and out.failure.message == (
        "setTimeout (set at line 1) would fire after the script's 300 ms (--timeout-script)")


def test_an_error_in_a_timer_fails_the_test_waiting_for_done(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        pm.test('async assertion', function (done) {
            setTimeout(function () { pm.expect(1).to.equal(2); done(); }, 5);
        });
        pm.test('still recorded', function () {});
    """)
    assert recorded(out) == [("async assertion", False, "expected 1 to equal 2"), ("still recorded", True, "")]


def test_an_uncaught_error_in_a_timer_is_the_scripts_error_with_its_line(sandbox: Sandbox) -> None:
    out = run(sandbox, "var a = 1;\nsetTimeout(function () {\n  null.x;\n}, 1);")
    assert out.failure is not None and out.failure.message.startswith("TypeError") and out.failure.line == 3


def test_a_busy_timer_callback_stops_at_the_bound(sandbox: Sandbox) -> None:
    out = run(sandbox, "setTimeout(function () { for (;;) {} }, 1);", timeout_ms=300)
    assert out.failure is not None and out.failure.message == "script timed out after 300 ms"


def test_await_on_a_timer_promise(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        (async function () {
            await new Promise(function (resolve) { setTimeout(resolve, 10); });
            pm.test('after await', function () {});
        })();
    """)
    assert recorded(out) == [("after await", True, "")]


def test_a_timer_callback_must_be_a_function(sandbox: Sandbox) -> None:
    message, line = failure(sandbox, "setTimeout('alert(1)', 1);")
    assert message.startswith("TypeError: The \"callback\" argument of setTimeout must be of type function") and line == 1


# ---- crypto-js ------------------------------------------------------------------------------

MESSAGES = ["", "abc", "h\u00e9llo w\u00f6rld \u2603", "x" * 1000]


@pytest.mark.parametrize("name", ["MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "RIPEMD160"])
def test_digests_and_hmacs_agree_with_hashlib(sandbox: Sandbox, name: str) -> None:
    import hashlib
    import hmac

    algorithm = name.lower()
    try:
        hashlib.new(algorithm)
    except ValueError:  # an OpenSSL without it (RIPEMD160 in some builds): a named error, never a wrong digest
        message, _ = failure(sandbox, f"CryptoJS.{name}('abc').toString();")
        assert f"CryptoJS.{name} is not available in this Python's OpenSSL" in message
        return
    got = value(sandbox, "[" + ",".join(
        f"[CryptoJS.{name}({json.dumps(m)}).toString(), CryptoJS.Hmac{name}({json.dumps(m)}, 'k\u00eay').toString(CryptoJS.enc.Base64)]"
        for m in MESSAGES) + "]")
    for message, (digest, mac) in zip(MESSAGES, got):
        assert digest == hashlib.new(algorithm, message.encode()).hexdigest()
        assert mac == base64.b64encode(hmac.new("k\u00eay".encode(), message.encode(), algorithm).digest()).decode()


def test_sha3_is_keccak_as_crypto_js_has_it(sandbox: Sandbox) -> None:
    # Keccak (pre-FIPS padding) vectors for the empty message, as published with the submission
    assert value(sandbox, "CryptoJS.SHA3('', {outputLength: 256}).toString()") == (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    assert value(sandbox, "CryptoJS.SHA3('').toString()").startswith("0eab42de4c3ceb9235fc91acffe746b29c29a8c3")
    # longer than one 72-byte block, HMAC over it: differs from FIPS SHA3 (a wrong padding would not)
    import hashlib
    assert value(sandbox, "CryptoJS.SHA3('" + "a" * 200 + "').toString()") != hashlib.sha3_512(b"a" * 200).hexdigest()


def test_progressive_hashing_and_hmac(sandbox: Sandbox) -> None:
    import hashlib
    import hmac
    got = value(sandbox, """[
        CryptoJS.algo.SHA256.create().update('ab').update(CryptoJS.enc.Hex.parse('6364')).finalize('e').toString(),
        CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA512, 'key').update('part1').finalize('part2').toString()]""")
    assert got == [hashlib.sha256(b"abcde").hexdigest(), hmac.new(b"key", b"part1part2", "sha512").hexdigest()]


def test_pbkdf2_agrees_with_rfc_6070_and_hashlib(sandbox: Sandbox) -> None:
    import hashlib
    assert value(sandbox, "CryptoJS.PBKDF2('password', 'salt', {keySize: 5, iterations: 1}).toString()") == (
        "0c60c80f961f0e71f3a9b524af6012062fe037a6")  # RFC 6070, c = 1, dkLen = 20
    assert value(sandbox, "CryptoJS.PBKDF2('pw', 'NaCl', {keySize: 8, iterations: 1000, hasher: CryptoJS.algo.SHA256}).toString()") == (
        hashlib.pbkdf2_hmac("sha256", b"pw", b"NaCl", 1000, 32).hex())


def test_aes_against_the_nist_vectors(sandbox: Sandbox) -> None:
    # NIST SP 800-38A, F.2.1 (CBC-AES128.Encrypt) and F.1.1 (ECB-AES128.Encrypt), first block
    got = value(sandbox, """(function () {
        var key = CryptoJS.enc.Hex.parse('2b7e151628aed2a6abf7158809cf4f3c');
        var iv = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f');
        var pt = CryptoJS.enc.Hex.parse('6bc1bee22e409f96e93d7e117393172a');
        var cbc = CryptoJS.AES.encrypt(pt, key, {iv: iv, padding: CryptoJS.pad.NoPadding});
        var ecb = CryptoJS.AES.encrypt(pt, key, {mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.NoPadding});
        var back = CryptoJS.AES.decrypt(cbc, key, {iv: iv, padding: CryptoJS.pad.NoPadding});
        return [cbc.ciphertext.toString(), ecb.ciphertext.toString(), back.toString(), cbc.toString()];
    })()""")
    assert got[:3] == ["7649abac8119b246cee98e9b12e9197d", "3ad77bb40d7a3660a89ecaf32466ef97", "6bc1bee22e409f96e93d7e117393172a"]
    assert got[3] == base64.b64encode(bytes.fromhex(got[0])).decode()


def _evp_bytes_to_key(password: bytes, salt: bytes, size: int) -> bytes:
    import hashlib
    out, block = b"", b""
    while len(out) < size:
        block = hashlib.md5(block + password + salt).digest()
        out += block
    return out[:size]


def test_passphrase_encryption_is_openssls_salted_format(sandbox: Sandbox) -> None:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    blob = base64.b64decode(value(sandbox, "CryptoJS.AES.encrypt('attack at dawn \u2713', 'Secret Passphrase').toString()"))
    assert blob[:8] == b"Salted__"
    material = _evp_bytes_to_key(b"Secret Passphrase", blob[8:16], 48)
    decryptor = Cipher(algorithms.AES(material[:32]), modes.CBC(material[32:])).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    plain = unpadder.update(decryptor.update(blob[16:]) + decryptor.finalize()) + unpadder.finalize()
    assert plain.decode() == "attack at dawn \u2713"

    # and the other way round: Python encrypts, the script decrypts
    salt = bytes(range(8))
    material = _evp_bytes_to_key(b"pw", salt, 48)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(material[:32]), modes.CBC(material[32:])).encryptor()
    body = encryptor.update(padder.update(b"from python") + padder.finalize()) + encryptor.finalize()
    text = base64.b64encode(b"Salted__" + salt + body).decode()
    assert value(sandbox, f"CryptoJS.AES.decrypt('{text}', 'pw').toString(CryptoJS.enc.Utf8)") == "from python"


@pytest.mark.parametrize("mode", ["CBC", "CFB", "OFB", "CTR", "ECB"])
def test_aes_modes_agree_with_cryptography(sandbox: Sandbox, mode: str) -> None:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key, iv, plain = bytes(range(32)), bytes(range(16, 32)), "seventeen bytes!!"
    got = value(sandbox, f"""CryptoJS.AES.encrypt({json.dumps(plain)}, CryptoJS.enc.Hex.parse('{key.hex()}'),
        {{iv: CryptoJS.enc.Hex.parse('{iv.hex()}'), mode: CryptoJS.mode.{mode}}}).ciphertext.toString()""")
    padder = padding.PKCS7(128).padder()  # crypto-js pads in every block mode
    data = padder.update(plain.encode()) + padder.finalize()
    try:
        from cryptography.hazmat.decrepit.ciphers import modes as old_modes
    except ImportError:
        old_modes = modes
    chosen = modes.ECB() if mode == "ECB" else getattr(old_modes if mode in ("CFB", "OFB") else modes, mode)(iv)
    encryptor = Cipher(algorithms.AES(key), chosen).encryptor()
    assert got == (encryptor.update(data) + encryptor.finalize()).hex()


def test_des_triple_des_and_rc4_agree_with_cryptography(sandbox: Sandbox) -> None:
    from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4, TripleDES
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

    key24, iv8 = bytes(range(1, 25)), bytes(8)
    got = value(sandbox, f"""(function () {{
        var k = CryptoJS.enc.Hex.parse('{key24.hex()}'), iv = CryptoJS.enc.Hex.parse('{iv8.hex()}');
        var k8 = CryptoJS.enc.Hex.parse('{key24[:8].hex()}');
        var opts = {{iv: iv, padding: CryptoJS.pad.NoPadding}};
        return [CryptoJS.TripleDES.encrypt(CryptoJS.enc.Utf8.parse('8 bytes!'), k, opts).ciphertext.toString(),
                CryptoJS.DES.encrypt(CryptoJS.enc.Utf8.parse('8 bytes!'), k8, opts).ciphertext.toString(),
                CryptoJS.RC4.encrypt('stream me', k).ciphertext.toString(),
                CryptoJS.RC4Drop.decrypt(CryptoJS.RC4Drop.encrypt('dropped', 'pw').toString(), 'pw').toString(CryptoJS.enc.Utf8),
                CryptoJS.TripleDES.decrypt(CryptoJS.TripleDES.encrypt('round trip', 'pw').toString(), 'pw').toString(CryptoJS.enc.Utf8)];
    }})()""")

    def run_cipher(algorithm: Any, mode: Any, data: bytes) -> str:
        op = Cipher(algorithm, mode).encryptor()
        return (op.update(data) + op.finalize()).hex()

    assert got[0] == run_cipher(TripleDES(key24), modes.CBC(iv8), b"8 bytes!")
    assert got[1] == run_cipher(TripleDES(key24[:8] * 3), modes.CBC(iv8), b"8 bytes!")
    assert got[2] == run_cipher(ARC4(key24), None, b"stream me")
    assert got[3:] == ["dropped", "round trip"]


def test_encoders_and_word_arrays(sandbox: Sandbox) -> None:
    text = "a\u00e9\u2603"
    got = value(sandbox, f"""(function () {{
        var wa = CryptoJS.enc.Utf8.parse({json.dumps(text)});
        var joined = CryptoJS.enc.Hex.parse('0102').concat(CryptoJS.enc.Hex.parse('030405'));
        return [wa.sigBytes, wa.toString(CryptoJS.enc.Base64), CryptoJS.enc.Utf16.parse('hi').toString(),
                CryptoJS.enc.Utf16LE.stringify(CryptoJS.enc.Hex.parse('68006900')), CryptoJS.enc.Latin1.stringify(wa).length,
                joined.toString(), joined.sigBytes, joined.words.length, CryptoJS.lib.WordArray.random(20).sigBytes,
                CryptoJS.lib.WordArray.create([0x61626364], 3).toString(CryptoJS.enc.Latin1),
                CryptoJS.lib.WordArray.create(new Uint8Array([255, 0])).toString(), String(CryptoJS.MD5(''))];
    }})()""")
    raw = text.encode()
    assert got == [len(raw), base64.b64encode(raw).decode(), "hi".encode("utf-16-be").hex(), "hi", len(raw),
                   "0102030405", 5, 2, 20, "abc", "ff00", "d41d8cd98f00b204e9800998ecf8427e"]


def test_what_crypto_js_lacks_here_is_a_located_error(sandbox: Sandbox) -> None:
    assert failure(sandbox, "var a = 1;\nCryptoJS.Rabbit.encrypt('x', 'k');") == ("CryptoJS.Rabbit is not supported", 2)
    message, _ = failure(sandbox, "CryptoJS.enc.Base32.stringify(CryptoJS.MD5('x'));")
    assert message == "CryptoJS.enc.Base32 is not supported"


def test_crypto_js_works_under_the_time_bound_and_stays_fast(sandbox: Sandbox) -> None:
    # the library calls Python synchronously while the script's time limit is armed
    out = run(sandbox, "for (var i = 0; i < 200; i++) CryptoJS.HmacSHA256('m' + i, 'k');\nfor (;;) {}", timeout_ms=400)
    assert out.failure is not None and out.failure.message == "script timed out after 400 ms"


# ---- tv4 and ajv ------------------------------------------------------------------------------

USER_SCHEMA = ("{type: 'object', required: ['id', 'name'], properties: {id: {type: 'integer', minimum: 1},"
               " name: {type: 'string', minLength: 2}, tags: {type: 'array', items: {type: 'string'}, uniqueItems: true}}}")


def test_tv4_validate_sets_error_and_valid(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        var ok = tv4.validate({{id: 7, name: 'Ada', tags: ['a']}}, {USER_SCHEMA});
        var bad = tv4.validate({{id: 'x', name: 'A'}}, {USER_SCHEMA});
        return [ok, bad, tv4.valid, tv4.error.code, tv4.error.message, tv4.error.dataPath, tv4.error.schemaPath,
                tv4.error instanceof Error, tv4.errorCodes.INVALID_TYPE];
    }})()""")
    assert got == [True, False, False, 0, "Invalid type: string (expected integer)", "/id",
                   "/properties/id/type", True, 0]


def test_tv4_reports_required_before_properties_and_all_with_validate_multiple(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        tv4.validate({{name: 5}}, {USER_SCHEMA});
        var first = [tv4.error.code, tv4.error.message, tv4.error.dataPath];
        var all = tv4.validateMultiple({{id: 0, name: 'A', tags: ['a', 'a']}}, {USER_SCHEMA});
        return [first, all.valid, all.errors.map(function (e) {{ return e.code + ' ' + e.message + ' @' + e.dataPath; }})];
    }})()""")
    assert got[0] == [302, "Missing required property: id", ""]  # tv4 1.3 (as Newman runs it)
    assert got[1] is False
    assert sorted(got[2]) == sorted([
        "101 Value 0 is less than minimum 1 @/id",
        "200 String is too short (1 chars), minimum 2 @/name",
        "402 Array items are not unique (indices 0 and 1) @/tags",
    ])


def test_tv4_ban_unknown_properties_added_schemas_and_missing_refs(sandbox: Sandbox) -> None:
    got = value(sandbox, """(function () {
        var banned = tv4.validate({a: 1, b: 2}, {properties: {a: {}}}, false, true);
        var bannedError = [tv4.error.code, tv4.error.dataPath];
        tv4.addSchema('http://schemas.test/id', {type: 'integer'});
        var viaRef = tv4.validate({id: 'x'}, {properties: {id: {$ref: 'http://schemas.test/id'}}});
        var good = tv4.validate({id: 3}, {properties: {id: {$ref: 'http://schemas.test/id'}}});
        var missing = tv4.validate({}, {$ref: 'http://schemas.test/nowhere'});
        return [banned, bannedError, viaRef, good, missing, tv4.missing];
    })()""")
    assert got == [False, [1000, "/b"], False, True, True, ["http://schemas.test/nowhere"]]


def test_ajv_compile_validate_errors_and_errors_text(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        var Ajv = require('ajv');
        var ajv = new Ajv({{allErrors: true}});
        var validate = ajv.compile({USER_SCHEMA});
        var ok = validate({{id: 1, name: 'Ada'}});
        var okErrors = validate.errors;
        var bad = validate({{id: 'x', tags: [3]}});
        return [ok, okErrors, bad, validate.errors, ajv.errorsText(validate.errors)];
    }})()""")
    assert got[:3] == [True, None, False]
    assert {(e["keyword"], e["dataPath"], e["schemaPath"], e["message"]) for e in got[3]} == {
        ("required", "", "#/required", "should have required property '.name'"),  # ajv 6's words, as in Newman
        ("type", ".id", "#/properties/id/type", "should be integer"),
        ("type", ".tags[0]", "#/properties/tags/items/type", "should be string"),
    }
    assert next(e["params"] for e in got[3] if e["keyword"] == "required") == {"missingProperty": ".name"}
    assert "data should have required property '.name'" in got[4] and "data.tags[0] should be string" in got[4]


def test_ajv_stops_at_the_first_error_unless_all_errors(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        var ajv = new (require('ajv'))({{jsonPointers: true}});
        var valid = ajv.validate({USER_SCHEMA}, {{id: 0, name: 'A'}});
        ajv.addSchema({{$id: 'http://schemas.test/pos', type: 'number', exclusiveMinimum: 0}});
        return [valid, ajv.errors.length, ajv.errors[0].dataPath, ajv.validate('http://schemas.test/pos', 0), ajv.errors[0].message,
                ajv.validate('http://schemas.test/pos', 2)];
    }})()""")
    assert got == [False, 1, "/id", False, "should be > 0", True]


def test_an_invalid_schema_or_data_is_the_scripts_error(sandbox: Sandbox) -> None:
    message, _ = failure(sandbox, "new (require('ajv'))().compile({type: 'no-such-type'});")
    assert message.startswith("Error: schema is invalid:")
    message, _ = failure(sandbox, "tv4.addFormat('x', function () {});")
    assert message.startswith("tv4.addFormat is not supported")


# ---- uuid and csv-parse -------------------------------------------------------------------------

def test_uuid_versions_agree_with_pythons_uuid(sandbox: Sandbox) -> None:
    import uuid

    got = value(sandbox, """(function () {
        var uuid = require('uuid');
        var a = uuid(), b = uuid.v4(), one = uuid.v1();
        return [a, b, one, uuid.v5('example.test', uuid.v5.DNS), uuid.v3('https://x.test/', uuid.v3.URL),
                uuid.validate(a), uuid.validate('nope'), uuid.version(one), uuid.stringify(uuid.parse(b)) === b, uuid.NIL];
    })()""")
    a, b, one = (uuid.UUID(t) for t in got[:3])
    assert a.version == 4 and b.version == 4 and a != b and one.version == 1
    assert one.node & (1 << 40), "a v1 node id must be random (multicast bit set), never the host's MAC"
    assert got[3] == str(uuid.uuid5(uuid.NAMESPACE_DNS, "example.test"))
    assert got[4] == str(uuid.uuid3(uuid.NAMESPACE_URL, "https://x.test/"))
    assert got[5:] == [True, False, 1, True, "00000000-0000-0000-0000-000000000000"]


def test_csv_parse_sync_agrees_with_pythons_csv(sandbox: Sandbox) -> None:
    import csv
    import io

    text = 'id,name,note\n1,Ada,"said ""hi"", left"\n\n2, Bob ,plain\n'
    got = value(sandbox, f"""(function () {{
        var parse = require('csv-parse/lib/sync');
        return [parse({json.dumps(text)}, {{columns: true, skip_empty_lines: true, trim: true}}),
                parse('a;b\\n1;2', {{delimiter: ';'}}), parse('x,y\\n1,2', {{columns: ['p', 'q'], from: 2}})];
    }})()""")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r]
    assert got[0] == [{k: v.strip() for k, v in r.items()} for r in rows]
    assert got[1:] == [[["a", "b"], ["1", "2"]], [{"p": "1", "q": "2"}]]


def test_csv_parse_ragged_rows_empty_lines_and_auto_parse_as_in_newman(sandbox: Sandbox) -> None:
    message, _ = failure(sandbox, "require('csv-parse/lib/sync')('a,b\\n1\\n2,3');")
    assert message == "Error: Number of columns is inconsistent on line 2"
    message, _ = failure(sandbox, "require('csv-parse/lib/sync')('a,\"b\\n1,2');")
    assert message == "Error: Quoted field not terminated at line 2"
    got = value(sandbox, """(function () {
        var parse = require('csv-parse/lib/sync');
        return [parse('a,b\\n1'), parse('a,b\\n\\n1,2'), parse('a,b\\n1.5,-2\\n0x1,1e3', {auto_parse: true})];
    })()""")
    # csv-parse 1.x drops an unterminated short last record, keeps an empty line as [''],
    # and auto_parse is JavaScript's parseFloat
    assert got == [[["a", "b"]], [["a", "b"], [""], ["1", "2"]], [["a", "b"], [1.5, -2], [0, 1000]]]


# ---- Buffer -------------------------------------------------------------------------------------

def test_buffer_encodings_agree_with_python(sandbox: Sandbox) -> None:
    text = "h\u00e9llo \u2603 \U0001F600"
    got = value(sandbox, f"""(function () {{
        var b = Buffer.from({json.dumps(text)});
        return [b.length, b.toString('hex'), b.toString('base64'), b.toString('base64url'), b.toString('latin1'),
                Buffer.from({json.dumps(text)}, 'utf16le').toString('hex'), Buffer.from('caf\u00e9', 'latin1').toString('hex'),
                Buffer.from(b.toString('base64'), 'base64').toString(), Buffer.from(b.toString('hex'), 'hex').toString('utf8'),
                Buffer.byteLength({json.dumps(text)}), Buffer.from([0xe2, 0x28, 0xa1]).toString()];
    }})()""")
    raw = text.encode()
    assert got == [len(raw), raw.hex(), base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode().rstrip("="),
                   raw.decode("latin-1"), text.encode("utf-16-le").hex(), "café".encode("latin-1").hex(), text, text,
                   len(raw), bytes([0xE2, 0x28, 0xA1]).decode("utf-8", "replace")]


def test_buffer_numbers_views_and_statics(sandbox: Sandbox) -> None:
    import struct

    got = value(sandbox, """(function () {
        var b = Buffer.alloc(16);
        b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4); b.writeDoubleLE(1.5, 8);
        var view = b.slice(0, 4); view[0] = 0;
        return [b.toString('hex'), b.readUInt32BE(0), b.readInt16LE(4), b.readDoubleLE(8), b.readUIntBE(1, 3),
                Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3).toString(), Buffer.compare(Buffer.from('a'), Buffer.from('b')),
                Buffer.from('abcabc').lastIndexOf('bc'), Buffer.from('abc').includes('d'), Buffer.isEncoding('binary'),
                JSON.stringify(Buffer.from('hi')), Buffer.alloc(3, 'ab').toString(), Buffer.from(Buffer.from('x')).equals(Buffer.from('x'))];
    })()""")
    packed = b"\x00\xad\xbe\xef" + struct.pack("<h", -2) + b"\x00\x00" + struct.pack("<d", 1.5)
    assert got == [packed.hex(), 0x00ADBEEF, -2, 1.5, 0xADBEEF, "abc", -1, 4, False, True,
                   '{"type":"Buffer","data":[104,105]}', "aba", True]


def test_buffer_mistakes_are_node_errors(sandbox: Sandbox) -> None:
    message, _ = failure(sandbox, "Buffer.from('x', 'utf-32');")
    assert message == "TypeError: Unknown encoding: utf-32"
    message, _ = failure(sandbox, "Buffer.alloc(2).readUInt32LE(0);")
    assert message.startswith("RangeError: The value of \"offset\" is out of range")


def test_ajv_formats_and_unknown_formats(sandbox: Sandbox) -> None:
    got = value(sandbox, """(function () {
        var ajv = new (require('ajv'))();
        var formats = ['date', 'time', 'date-time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uuid'];
        var good = ['2020-01-31', '10:00:00Z', '2020-01-01T10:00:00Z', 'a@b.test', 'api.test', '10.0.0.1', '::1',
                    'http://x.test/a?b', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'];
        var out = formats.map(function (f, i) { return [ajv.validate({format: f}, good[i]), ajv.validate({format: f}, 'x y')]; });
        var unknown;
        try { ajv.compile({properties: {a: {format: 'bogus'}}}); } catch (e) { unknown = e.message; }
        return [out, unknown, ajv.validate({format: 'email'}, 42)];
    })()""")
    assert got[0] == [[True, False]] * 9
    assert got[1] == 'unknown format "bogus" is used in schema at path "#/properties/a"'
    assert got[2] is True  # formats apply to strings only


# ---- xml2js and xml2Json ------------------------------------------------------------------------

XML = '<root a="1"><item id="x">one</item><item>two</item><empty/><mixed>t <b>b</b></mixed></root>'


def test_xml2js_default_shapes(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        var out;
        require('xml2js').parseString({json.dumps(XML)}, function (err, result) {{ out = [err, result]; }});
        return out;
    }})()""")
    assert got == [None, {"root": {"$": {"a": "1"}, "item": [{"_": "one", "$": {"id": "x"}}, "two"], "empty": [""],
                                   "mixed": [{"_": "t ", "b": ["b"]}]}}]


def test_xml2js_options_and_postmans_xml2json(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        var xml2js = require('xml2js'), merged, bare, numbers;
        xml2js.parseString({json.dumps(XML)}, {{explicitArray: false, mergeAttrs: true}}, function (e, r) {{ merged = r; }});
        new xml2js.Parser({{explicitRoot: false, ignoreAttrs: true, explicitArray: false}}).parseString('<r a="1"><n>1</n></r>', function (e, r) {{ bare = r; }});
        xml2js.parseString('<r><n>42</n><ok>true</ok><ns:x>y</ns:x></r>', {{explicitArray: false,
            valueProcessors: [xml2js.processors.parseNumbers, xml2js.processors.parseBooleans],
            tagNameProcessors: [xml2js.processors.stripPrefix]}}, function (e, r) {{ numbers = r; }});
        return [merged, bare, numbers, xml2Json({json.dumps(XML)}), xml2Json('<a><b>'), xml2Json('')];
    }})()""")
    assert got[0] == {"root": {"a": "1", "item": [{"_": "one", "id": "x"}, "two"], "empty": "", "mixed": {"_": "t ", "b": "b"}}}
    assert got[1] == {"n": "1"}
    assert got[2] == {"r": {"n": 42, "ok": True, "x": "y"}}
    assert got[3] == {"root": {"$": {"a": "1"}, "item": [{"_": "one", "$": {"id": "x"}}, "two"], "empty": "", "mixed": {"_": "t", "b": "b"}}}
    assert got[4:] == [None, None]  # a broken document gives undefined (JSON null here), an empty one null


def test_xml2js_errors_reach_the_callback(sandbox: Sandbox) -> None:
    got = value(sandbox, """(function () {
        var out;
        require('xml2js').parseString('<a><b></a>', function (err, result) { out = [String(err.message).split('\\n')[0], result === undefined]; });
        return out;
    })()""")
    assert got == ["Unexpected close tag", True]


def test_xml2js_builder_round_trips_through_a_real_parser(sandbox: Sandbox) -> None:
    import xml.etree.ElementTree as ET

    text = value(sandbox, """new (require('xml2js').Builder)().buildObject(
        {order: {$: {id: '7', note: 'a "quoted" & <tagged>'}, line: [{sku: 'A', qty: 2}, {sku: 'B&C', qty: 1}], empty: {}}})""")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<order id="7"')
    root = ET.fromstring(text.split("\n", 1)[1])
    assert root.tag == "order" and root.get("note") == 'a "quoted" & <tagged>'
    assert [(line.findtext("sku"), line.findtext("qty")) for line in root.findall("line")] == [("A", "2"), ("B&C", "1")]
    assert root.find("empty") is not None and len(root.find("empty")) == 0
    headless = value(sandbox, "new (require('xml2js').Builder)({headless: true, renderOpts: {pretty: false}, rootName: 'r'}).buildObject({a: 1, b: 'x'})")
    assert headless == "<r><a>1</a><b>x</b></r>"


def test_errors_serialise_as_in_postmans_sandbox(sandbox: Sandbox) -> None:
    assert value(sandbox, "JSON.parse(JSON.stringify(new TypeError('x')))") == {"type": "Error", "name": "TypeError", "message": "x"}


# ---- cheerio ------------------------------------------------------------------------------------

PAGE = ('<!DOCTYPE html><html><head><title>Hi there</title></head><body><ul id="l"><li class="a">One</li>'
        '<li class="b x" data-id="7">Two <b>bold</b></li><li>Three</li></ul><a href="/p?q=1">link</a>'
        '<select><option value="1">a</option><option value="2" selected>b</option></select></body></html>')


def test_cheerio_queries_a_page(sandbox: Sandbox) -> None:
    got = value(sandbox, f"""(function () {{
        var $ = cheerio.load({json.dumps(PAGE)});
        return [$('title').text(), $('li').length, $('li').eq(1).text(), $('li.b').hasClass('x'), $('a').attr('href'),
                $('li').first().text(), $('li').last().text(), $('li').map(function (i, el) {{ return $(el).text(); }}).get(),
                $('#l').children().length, $('b').parent().attr('class'), $('li').eq(0).next().text(), $('b').closest('ul').attr('id'),
                $('li').filter('.a').length, $('li').not('.a').length, $('li').is('.x'), $('ul').find('b').text(),
                $('li[data-id=7]').data('id'), $('select').val(), $('li:contains("Two")').length, $('nope').length];
    }})()""")
    assert got == ["Hi there", 3, "Two bold", True, "/p?q=1", "One", "Three", ["One", "Two bold", "Three"], 3, "b x",
                   "Two bold", "l", 1, 2, True, "bold", 7, "2", 1, 0]


def test_cheerio_elements_each_and_html(sandbox: Sandbox) -> None:
    got = value(sandbox, """(function () {
        var $ = cheerio.load('<ul><li class="a">One</li><li>Two &amp; <i>more</i></li></ul>');
        var seen = [];
        $('li').each(function (i, el) { seen.push([i, el.name, el.type, el.attribs, el.children[0].data, this === el]); });
        return [seen, $('ul').html(), $.html('li'), $('li').last().contents().length, $.text(), $('nope').html(), $('nope').text()];
    })()""")
    assert got == [
        [[0, "li", "tag", {"class": "a"}, "One", True], [1, "li", "tag", {}, "Two & ", True]],
        '<li class="a">One</li><li>Two &amp; <i>more</i></li>',
        '<li class="a">One</li><li>Two &amp; <i>more</i></li>',
        2, "OneTwo & more", None, "",
    ]


def test_cheerio_xml_mode(sandbox: Sandbox) -> None:
    got = value(sandbox, """(function () {
        var $ = cheerio.load('<r><Item id="1"><name>A</name></Item><Item id="2"><name>B</name></Item></r>', {xmlMode: true});
        return [$('Item').length, $('Item[id=2] name').text(), $('name').map(function () { return $(this).text(); }).get()];
    })()""")
    assert got == [2, "B", ["A", "B"]]


def test_cheerio_changes_and_bad_selectors_are_located_errors(sandbox: Sandbox) -> None:
    assert failure(sandbox, "var $ = cheerio.load('<p>x</p>');\n$('p').append('<b>');") == (
        "cheerio .append() is not supported (the document is read-only here)", 2)
    message, _ = failure(sandbox, "cheerio.load('<p>x</p>')('p[');")
    assert message.startswith("SyntaxError: cheerio: 'p[' is not a selector")


def test_without_our_interrupt_handler_pure_js_libraries_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine build whose layout we do not know falls back to the wrapper's time limit: the
    loader still serves modules, and a Python-backed library is a located error, not a crash."""
    from engine.scripts import sandbox as sandbox_module

    monkeypatch.setattr(sandbox_module._Clock, "_install", lambda self, ctx: False)
    box = Sandbox()
    try:
        out = box.run(make_input("pm.environment.set('b', btoa('hi') + Buffer.from('x').toString('hex'));"))
        assert out.failure is None and out.scopes["environment"]["b"] == "aGk=78"
        out = box.run(make_input("var x = 1;\nCryptoJS.MD5('x');"))
        assert out.failure is not None and out.failure.line == 2
        assert out.failure.message.startswith("crypto is not supported with this build of the JavaScript engine")
        out = box.run(make_input("for (;;) {}", timeout_ms=300))
        assert out.failure is not None and out.failure.message == "script timed out after 300 ms"
    finally:
        box.close()


def test_timers_and_send_request_share_one_event_loop(sandbox: Sandbox) -> None:
    """Due timers run before a request goes out (it takes longer than no time); a callback may set
    timers and send again; the script ends when all are done; time spent sending is not counted."""
    import time as clock

    sent: list[str] = []

    def slow_sender(request: dict[str, Any]) -> dict[str, Any]:
        sent.append(str(request["request"].get("url")))  # the Postman-shaped request (see ScriptInput)
        clock.sleep(0.25)
        return {"response": {"code": 200, "status": "OK", "headers": [], "body": '{"n": %d}' % len(sent),
                             "responseTime": 250.0}}

    out = run(sandbox, """
        var log = [];
        pm.sendRequest('http://a.test/1', function (err, res) {
            log.push('sent ' + res.json().n);
            setTimeout(function () {
                log.push('after');
                pm.sendRequest('http://a.test/2', function (err2, res2) {
                    log.push('sent ' + res2.json().n);
                    pm.environment.set('log', log.join(','));
                });
            }, 10);
        });
        setTimeout(function () { log.push('t0'); }, 0);
        log.push('body');
    """, send_request=slow_sender, timeout_ms=300)
    assert out.failure is None, out.failure
    assert out.scopes["environment"]["log"] == "body,t0,sent 1,after,sent 2"
    assert sent == ["http://a.test/1", "http://a.test/2"]


# ---- end to end: the command line against a loopback server --------------------------------------

def test_a_run_signs_with_crypto_js_and_reads_xml_and_html(server: Any, tmp_path: Path) -> None:
    """A pre-request script signs the request with CryptoJS (the server's view is checked with
    Python's hmac); test scripts read XML with xml2Json and HTML with cheerio after a timer."""
    import hmac
    import io

    from engine.cli import main
    from factory import make_collection, make_item

    server.route("/signed", 200, '{"ok": true}', {"Content-Type": "application/json"})
    server.route("/feed", 200, '<feed><entry id="1">one</entry><entry id="2">two</entry></feed>', {"Content-Type": "application/xml"})
    server.route("/page", 200, "<html><head><title>Shop</title></head><body><a class='buy' href='/b'>Buy</a></body></html>",
                 {"Content-Type": "text/html"})
    sign = ["var stamp = '1700000000';",
            "var mac = CryptoJS.HmacSHA256('GET\\n/signed\\n' + stamp, pm.environment.get('secret')).toString(CryptoJS.enc.Base64);",
            "pm.request.headers.add({key: 'X-Stamp', value: stamp});",
            "pm.request.headers.add({key: 'X-Signature', value: mac});"]
    feed = ["var feed = xml2Json(pm.response.text()).feed;",
            "pm.test('two entries', function () { pm.expect(feed.entry.map(function (e) { return e.$.id; })).to.eql(['1', '2']); });"]
    page = ["var $ = cheerio.load(pm.response.text());",
            "setTimeout(function () {",
            "  pm.test('title and link', function () {",
            "    pm.expect($('title').text()).to.equal('Shop');",
            "    pm.expect($('a.buy').attr('href')).to.equal('/b');",
            "  });",
            "}, 5);"]
    document = make_collection([
        make_item("Signed", url="{{baseUrl}}/signed", event=[{"listen": "prerequest", "script": {"exec": sign}}]),
        make_item("Feed", url="{{baseUrl}}/feed", event=[{"listen": "test", "script": {"exec": feed}}]),
        make_item("Page", url="{{baseUrl}}/page", event=[{"listen": "test", "script": {"exec": page}}]),
    ])
    path = tmp_path / "libs.postman_collection.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    report = tmp_path / "report.json"
    out, err = io.StringIO(), io.StringIO()
    code = main(["run", str(path), "--env-var", f"baseUrl={server.url}", "--env-var", "secret=k3y", "-r", "json",
                 "--reporter-json-export", str(report), "--color", "off"], stdout=out, stderr=err)
    signed = [r for r in server.requests if r.path == "/signed"][0]
    expected = base64.b64encode(hmac.new(b"k3y", b"GET\n/signed\n1700000000", "sha256").digest()).decode()
    assert signed.header("X-Signature") == expected and signed.header("X-Stamp") == "1700000000"
    results = {r["item"]: r for r in json.loads(report.read_text(encoding="utf-8"))["results"]}
    tests = {name: [(c["message"], c["passed"]) for c in r["checks"] if c["name"] == "test"] for name, r in results.items()}
    assert all(passed for checks in tests.values() for _, passed in checks), tests
    assert len(tests["Feed"]) == 1 and len(tests["Page"]) == 1, tests
    assert code == 0, out.getvalue() + err.getvalue()


def test_the_table_names_what_require_and_the_globals_serve(sandbox: Sandbox) -> None:
    modules, globals_ = libdoc.module_names(), libdoc.global_names()
    assert {"crypto-js", "uuid", "tv4", "ajv", "xml2js", "cheerio", "csv-parse/lib/sync", "buffer", "timers"} <= modules
    assert {"CryptoJS", "tv4", "cheerio", "xml2Json", "Buffer", "atob", "btoa", "setTimeout"} <= globals_
    names = sorted(modules)
    loaded = value(sandbox, "[" + ",".join(f"typeof require({json.dumps(n)})" for n in names) + "]")
    assert all(kind in ("object", "function") for kind in loaded), dict(zip(names, loaded))


def test_pure_python_crypto_has_bounded_inputs(sandbox: Sandbox) -> None:
    """A host call cannot be interrupted, so the slow pure-Python paths refuse huge inputs (located)."""
    message, line = failure(sandbox, "var big = new Array(300 * 1024).join('a');\nCryptoJS.SHA3(big);")
    assert message.startswith("CryptoJS.SHA3 over 307199 bytes is not supported") and line == 2
