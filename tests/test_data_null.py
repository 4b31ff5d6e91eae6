"""A `null` in a JSON data row: Newman substitutes nothing (it sends `{{name}}` as written, even
when an environment has the name), so by default the item is refused and nothing is sent; with
`--compat newman` the literal goes out, as Newman sends it."""

from __future__ import annotations

import json


def _files(tmp_path, server):
    collection = {
        "info": {"name": "nulls", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "row", "request": {"method": "GET", "url": "{{baseUrl}}/x?a={{none}}&b={{given}}"},
                  "event": [{"listen": "test", "script": {"exec": [
                      "pm.test('data null seen by scripts', function () {",
                      "  pm.expect(pm.iterationData.get('none')).to.equal(null);",
                      "});"]}}]}],
    }
    paths = {name: tmp_path / name for name in ("c.json", "d.json", "e.json")}
    paths["c.json"].write_text(json.dumps(collection), encoding="utf-8")
    paths["d.json"].write_text(json.dumps([{"none": None, "given": 0}]), encoding="utf-8")
    paths["e.json"].write_text(json.dumps({"values": [{"key": "none", "value": "from-env", "enabled": True},
                                                      {"key": "baseUrl", "value": server.url, "enabled": True}]}),
                               encoding="utf-8")
    return [str(paths["c.json"]), "-d", str(paths["d.json"]), "-e", str(paths["e.json"])]


def test_a_null_data_value_is_unresolved_and_nothing_is_sent(server, cli, tmp_path) -> None:
    code, out, err = cli("run", *_files(tmp_path, server))
    assert code == 1
    assert server.requests == []
    assert "{{none}}" in out and "from-env" not in out


def test_a_null_data_value_goes_out_literally_with_compat_newman(server, cli, tmp_path) -> None:
    code, out, err = cli("run", *_files(tmp_path, server), "--compat", "newman")
    assert [r.query for r in server.requests] == ["a={{none}}&b=0"], out + err
    assert code == 0, out + err
