"""`validate` compiles every script and lists what the sandbox lacks; `--dry-run` shows requests
whose variables a script sets at run time instead of failing them."""

from __future__ import annotations


from factory import make_collection, make_item



def script(listen: str, *lines: str) -> dict:
    return {"listen": listen, "script": {"exec": list(lines)}}


def test_validate_names_syntax_errors_and_what_the_sandbox_lacks(cli, write_collection) -> None:
    document = make_collection([
        make_item("Broken", url="http://127.0.0.1:9/a", event=[
            script("test", "pm.test('x', function () {", "  pm.expect(1).to.equal(;", "});")]),
        make_item("Requires", url="http://127.0.0.1:9/b", event=[
            script("prerequest", "var _ = require('lodash');", "var fs = require('fs');", "var p = require('left-pad');")]),
        make_item("Fine", url="http://127.0.0.1:9/c", event=[script("test", "pm.test('ok', function () {});")]),
    ], event=[script("prerequest", "// the vault", "var v = pm.vault.get('k');")])
    code, out, _ = cli("validate", write_collection(document))
    assert code == 2
    assert "test script of item 'Broken', line 2: SyntaxError" in out
    assert "pre-request script of item 'Requires', line 2: require('fs') is not supported" in out
    assert "line 3: require('left-pad') is not supported" in out
    assert "require('lodash')" not in out  # the sandbox has it
    assert "pre-request script of collection, line 2: pm.vault is not supported" in out
    assert "every item can be sent" not in out and "✗ Fine" not in out


def test_validate_passes_clean_scripts(cli, write_collection) -> None:
    document = make_collection([make_item("Fine", url="http://127.0.0.1:9/c", event=[
        script("test", "const t = pm.response.json().token;", "pm.environment.set('token', t);")])])
    code, out, _ = cli("validate", write_collection(document))
    assert code == 0, out
    assert "every item can be sent" in out


def test_dry_run_shows_a_request_whose_variable_a_script_sets(cli, write_collection) -> None:
    document = make_collection([
        make_item("Login", url="http://127.0.0.1:9/login", event=[script("test", "pm.environment.set('session', 's');")]),
        make_item("Use", url="http://127.0.0.1:9/use?s={{session}}&other={{missing}}"),
        make_item("Only", url="http://127.0.0.1:9/only/{{session}}"),
    ])
    code, out, _ = cli("run", write_collection(document), "--dry-run")
    assert "note: {{session}} set by a script at run time" in out
    assert "- Only" in out and "GET http://127.0.0.1:9/only/" in out
    assert "✗ Use" in out and "{{missing}}" in out  # a variable nothing sets still fails its item
    assert code == 1
