"""Streamed loading of large collections: the same model, the same requests, the same errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import engine.stream
from engine.load import load_collection
from engine.model import Folder, Item
from engine.stream import Hydrator, index_collection
from factory import example, folder, make_collection, make_item, openapi_style_collection


def write(tmp_path: Path, document: dict, name: str = "big.postman_collection.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("wrapped", [False, True], ids=["plain", "postman-api-wrapper"])
def test_index_and_hydrated_items_equal_the_whole_load(tmp_path: Path, wrapped: bool) -> None:
    document = openapi_style_collection(60, seed=3)
    path = write(tmp_path, {"collection": document} if wrapped else document)
    whole = load_collection(path)
    streamed = load_collection(path, stream=True)
    assert streamed.name == whole.name and streamed.auth == whole.auth and streamed.variables == whole.variables
    stubs, items = list(streamed.walk()), list(whole.walk())
    assert [s.path for s in stubs] == [w.path for w in items] and len(stubs) == 60
    assert all(s.item.stub and s.item.request.url.raw == "" for s in stubs)
    assert [[f.auth for f in s.folders] for s in stubs] == [[f.auth for f in w.folders] for w in items]
    hydrator = Hydrator(path)
    assert [hydrator.item(s.item) for s in stubs] == [w.item for w in items]
    # a jump back (setNextRequest, a new iteration) reads the file again from the start
    assert hydrator.item(stubs[0].item) == items[0].item


def test_folder_keys_after_its_children_are_kept(tmp_path: Path) -> None:
    inner = {"item": [make_item("Leaf", "GET", "http://h/leaf")], "name": "Late name",
             "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]}}
    path = write(tmp_path, make_collection([inner, make_item("Root", "GET", "http://h/root")]))
    (late, root) = index_collection(path).items
    assert isinstance(late, Folder) and late.name == "Late name" and late.auth is not None
    assert isinstance(root, Item) and root.stub and root.pointer == "/item/1"


def test_broken_files_give_the_whole_load_error(tmp_path: Path) -> None:
    document = make_collection([make_item("A", "GET", "http://h/a"), make_item("B", "GET", {"raw": {"x": 1}})])
    path = write(tmp_path, document)
    with pytest.raises(Exception) as streamed:
        load_collection(path, stream=True)
    with pytest.raises(Exception) as whole:
        load_collection(path)
    assert streamed.value.render() == whole.value.render()  # type: ignore[attr-defined]
    assert "#/item/1/request/url/raw" in whole.value.render()  # type: ignore[attr-defined]
    truncated = tmp_path / "truncated.json"
    truncated.write_text(json.dumps(document)[:-20], encoding="utf-8")
    with pytest.raises(Exception) as cut:
        load_collection(truncated, stream=True)
    assert "not valid JSON" in str(cut.value) and cut.value.line is not None  # type: ignore[attr-defined]


def test_a_streamed_run_sends_and_reports_what_a_whole_run_does(
    server, cli, write_collection, tmp_path, monkeypatch
) -> None:
    server.route("/a", 200, '{"id": 1}', {"Content-Type": "application/json"})
    server.route("/b", 500, "down")
    items = [
        folder("One", [make_item("A", "GET", "{{baseUrl}}/a", responses=[example(200, '{"id": "<integer>"}',
                                                                                "application/json")])]),
        folder("Two", [folder("Deep", [make_item("B", "GET", "{{baseUrl}}/b", responses=[example(200)])])]),
        make_item("Root", "GET", "{{baseUrl}}/a?n={{$randomInt}}"),
    ]
    path = write_collection(items, variable=[{"key": "baseUrl", "value": server.url}])

    def run(*extra: str) -> tuple[int, list, list]:
        server.reset()
        report = tmp_path / "report.json"
        code, _, _ = cli("run", path, "-n", "2", "-r", "json", "--reporter-json-export", report, *extra)
        results = json.loads(report.read_text(encoding="utf-8"))["results"]
        shown = [(r["item"], r["iteration"], r["outcome"], [c["passed"] for c in r["checks"]]) for r in results]
        return code, shown, [(r.method, r.target.split("?")[0]) for r in server.requests]

    whole = run()
    monkeypatch.setattr(engine.stream, "STREAM_BYTES", 0)  # stream even this small file
    assert run() == whole
    assert whole[0] == 1 and [s[0] for s in whole[1]] == ["One/A", "Two/Deep/B", "Root"] * 2
    code, shown, sent = run("--workers", "2")
    assert code == 1 and shown == whole[1] and sorted(sent) == sorted(whole[2])
