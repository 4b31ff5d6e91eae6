"""engine.mock: documented examples served over real HTTP on 127.0.0.1 (port 0)."""

from __future__ import annotations

import _thread
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from engine import mock as mock_module
from engine.load import build_collection, load_collection
from engine.mock import MockServer, choose_example, mock_base_path, template_segments

ROOT = Path(__file__).resolve().parent.parent
CONFLUENCE = ROOT / "collections" / "confluence-cloud.postman_collection.json"
WATCH = "/wiki/rest/api/user/watch/content/12345?key=k&accountId=abc"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")


def example(code: int, name: str = "", body: str = "", headers: dict[str, str] | None = None, status: str = ""):
    return {
        "name": name or f"example {code}",
        "code": code,
        "status": status,
        "header": [{"key": k, "value": v} for k, v in (headers or {}).items()],
        "body": body,
    }


def item(name: str, method: str, url: object, responses: list | None = None) -> dict:
    return {"name": name, "request": {"method": method, "url": url}, "response": responses or []}


def collection(items: list, base_url: str | None = "http://api.example.test"):
    doc = {
        "info": {"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items,
    }
    if base_url is not None:
        doc["variable"] = [{"key": "baseUrl", "value": base_url}]
    return build_collection(doc)


USER_JSON = json.dumps({"id": 7, "name": "Ada", "tags": ["x"]}, indent=2)
USERS = collection(
    [
        item(
            "Get user",
            "GET",
            {"raw": "{{baseUrl}}/users/:id", "host": ["{{baseUrl}}"], "path": ["users", ":id"]},
            [
                example(
                    200,
                    "OK\nsecond line",
                    USER_JSON,
                    {"Content-Type": "application/json", "Content-Length": "999", "Transfer-Encoding": "chunked"},
                    "OK",
                ),
                example(404, "missing", '{"message": "no such user"}', {"Content-Type": "application/json"}),
            ],
        ),
        item("Me", "GET", "{{baseUrl}}/users/me", [example(200, "me", '"me"')]),
        item("Patch user", "patch", "https://api.example.test/users/{{id}}", [example(200, "patched", "p")]),
        item("Options", "OPTIONS", "{{baseUrl}}/users", [example(204, "allowed", headers={"Allow": "GET, OPTIONS"})]),
        item("Search", "GET", "{{baseUrl}}/search/<string>/a%20b?q=1", [example(201, "found", "s")]),
        {"name": "Admin", "item": [item("Undocumented", "POST", "{{baseUrl}}/admin/reset")]},
        item("Echo", "POST", "{{baseUrl}}/echo", [example(500, "boom", "no"), example(202, "accepted", "ok")]),
    ]
)


@pytest.fixture(scope="module")
def confluence_server():
    with MockServer(load_collection(CONFLUENCE)) as server:
        yield server


@pytest.fixture(scope="module")
def users_server():
    with MockServer(USERS) as server:
        yield server


# ---------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://your-domain.atlassian.net/wiki/rest", "/wiki/rest"),
        ("https://x.test/api/v2/", "/api/v2"),
        ("http://localhost:8080", ""),
        ("localhost:8080/api?x=1", "/api"),
        ("{{host}}/v1", "/v1"),
        ("https://x.test/{{version}}", ""),
        (None, ""),
    ],
)
def test_mock_base_path(base_url: str | None, expected: str) -> None:
    assert mock_base_path(collection([], base_url=base_url)) == expected


def test_mock_base_path_of_reference_collection() -> None:
    assert mock_base_path(load_collection(CONFLUENCE)) == "/wiki/rest"


def test_template_segments_from_path_and_raw() -> None:
    urls = [loc.item.request.url for loc in USERS.walk()]
    assert template_segments(urls[0]) == ("users", ":id")
    assert template_segments(urls[2]) == ("users", "{{id}}")  # raw with scheme and host
    assert template_segments(urls[4]) == ("search", "<string>", "a%20b")  # query dropped


def test_choose_example_order_of_preference() -> None:
    responses = [loc.item.responses for loc in USERS.walk()]
    echo = responses[-1]
    assert choose_example(echo).code == 202  # first 2xx, not first
    assert choose_example(echo, code="500").name == "boom"
    assert choose_example(responses[0], name="OK").code == 200  # first line of a multi-line name
    assert choose_example(responses[0], name="missing", code="200") is None
    assert choose_example(responses[5]) is None  # the undocumented item


def test_url_reports_bound_port_and_base_path() -> None:
    server = MockServer(load_collection(CONFLUENCE))
    try:
        assert server.port > 0
        assert server.url == f"http://127.0.0.1:{server.port}/wiki/rest"
    finally:
        server.stop()
    other = MockServer(USERS, base_path="api/")
    other.stop()  # never started: stop only closes the socket
    assert other.url == f"http://127.0.0.1:{other.port}/api"


def test_import_does_not_pull_in_requests() -> None:
    code = "import sys, engine.mock; print('requests' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- reference item


def test_reference_item_defaults_to_204(confluence_server: MockServer) -> None:
    response = requests.delete(confluence_server.url.rsplit("/wiki/rest", 1)[0] + WATCH, timeout=5)
    assert response.status_code == 204
    assert response.reason == "No Content"
    assert response.content == b""
    assert response.headers["Content-Type"] == "text/plain"
    assert "Content-Length" not in response.headers


def test_reference_item_code_header_selects_404(confluence_server: MockServer) -> None:
    response = requests.delete(
        confluence_server.url + "/api/user/watch/content/1", headers={"x-mock-response-code": "404"}, timeout=5
    )
    assert (response.status_code, response.reason) == (404, "Not Found")
    assert response.headers["Content-Length"] == "0"


def test_reference_item_name_header_selects_first_line(confluence_server: MockServer) -> None:
    response = requests.delete(
        confluence_server.url + "/api/user/watch/content/1",
        headers={"x-mock-response-name": "Returned if;"},  # first line of the 403 example's name
        timeout=5,
    )
    assert (response.status_code, response.reason) == (403, "Forbidden")


def test_reference_item_suffix_match_without_base_path() -> None:
    with MockServer(load_collection(CONFLUENCE), base_path="") as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        response = requests.delete(server.url + "/other/prefix/api/user/watch/content/9", timeout=5)
        assert response.status_code == 204


def test_wrong_method_is_404(confluence_server: MockServer) -> None:
    response = requests.get(confluence_server.url + "/api/user/watch/content/1", timeout=5)
    assert response.status_code == 404
    assert response.json()["error"] == "no item matches GET /wiki/rest/api/user/watch/content/1"


def test_unknown_path_lists_items(confluence_server: MockServer) -> None:
    response = requests.delete(confluence_server.url + "/x", timeout=5)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/json")
    payload = response.json()
    assert payload["error"] == "no item matches DELETE /wiki/rest/x"
    assert payload["items"] == ["DELETE /api/user/watch/content/:contentId"]


def test_base_path_is_stripped_only_at_a_segment_boundary(confluence_server: MockServer) -> None:
    root = confluence_server.url.rsplit("/wiki/rest", 1)[0]
    assert requests.delete(root + "/wiki/restful/api/user/watch/content/1/2", timeout=5).status_code == 404


# ---------------------------------------------------------------- small collection


def test_json_example_body_and_headers(users_server: MockServer) -> None:
    response = requests.get(users_server.url + "/users/42", timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"id": 7, "name": "Ada", "tags": ["x"]}
    assert response.headers["Content-Length"] == str(len(USER_JSON.encode()))  # not the example's 999
    assert "Transfer-Encoding" not in response.headers


def test_name_header_selects_example(users_server: MockServer) -> None:
    response = requests.get(users_server.url + "/users/42", headers={"x-mock-response-name": "missing"}, timeout=5)
    assert response.status_code == 404
    assert response.json() == {"message": "no such user"}


def test_unknown_example_is_explained(users_server: MockServer) -> None:
    response = requests.get(users_server.url + "/users/42", headers={"x-mock-response-code": "418"}, timeout=5)
    assert response.status_code == 404
    payload = response.json()
    assert "Get user documents no example with code '418'" in payload["error"]
    assert payload["examples"] == ["200 OK", "404 missing"]


def test_most_literal_segments_win(users_server: MockServer) -> None:
    assert requests.get(users_server.url + "/users/me", timeout=5).json() == "me"
    assert requests.get(users_server.url + "/users/me2", timeout=5).json()["id"] == 7


def test_first_2xx_is_default(users_server: MockServer) -> None:
    response = requests.post(users_server.url + "/echo", timeout=5)
    assert (response.status_code, response.text) == (202, "ok")


def test_variable_placeholder_and_encoded_segments(users_server: MockServer) -> None:
    patched = requests.patch(users_server.url + "/users/5", timeout=5)
    assert (patched.status_code, patched.text) == (200, "p")
    found = requests.get(users_server.url + "/search/anything/a%20b?q=2", timeout=5)
    assert (found.status_code, found.text) == (201, "s")
    assert requests.get(users_server.url + "/search/anything/a-b", timeout=5).status_code == 404


def test_options_method(users_server: MockServer) -> None:
    response = requests.options(users_server.url + "/users", timeout=5)
    assert response.status_code == 204
    assert response.headers["Allow"] == "GET, OPTIONS"


def test_item_without_examples_is_501(users_server: MockServer) -> None:
    response = requests.post(users_server.url + "/admin/reset", timeout=5)
    assert response.status_code == 501
    assert response.json() == {"error": "no documented response for Admin/Undocumented"}


def test_head_has_no_body_and_keeps_connection_usable(users_server: MockServer) -> None:
    with requests.Session() as session:
        head = session.head(users_server.url + "/users/42", timeout=5)
        after = session.get(users_server.url + "/users/me", timeout=5)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Length"] == str(len(USER_JSON.encode()))
    assert after.json() == "me"  # no stray body bytes were left on the connection


# ---------------------------------------------------------------- connection handling


def test_keep_alive_serves_several_requests_on_one_connection() -> None:
    chunks = [b"abc", b"", b"defg" * 1000]
    with MockServer(USERS) as server, requests.Session() as session:
        first = session.post(server.url + "/echo", data=b"x" * 5000, timeout=5)
        second = session.post(server.url + "/echo", data=(c for c in chunks), timeout=5)  # chunked
        third = session.get(server.url + "/users/1?verbose=1", headers={"X-Test": "yes"}, timeout=5)
        seen = list(server.requests_seen)
    assert [r.status_code for r in (first, second, third)] == [202, 202, 200]
    assert len(seen) == 3
    assert len({s.client for s in seen}) == 1  # one client address and port: one connection
    assert seen[0].body == b"x" * 5000
    assert seen[1].body == b"".join(chunks)
    method, path, headers, body = seen[2]
    assert (method, path, body) == ("GET", "/users/1?verbose=1", b"")
    assert ("X-Test", "yes") in headers


def test_requests_seen_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mock_module, "SEEN_LIMIT", 3)
    with MockServer(USERS) as server, requests.Session() as session:
        for number in range(5):
            session.get(f"{server.url}/users/{number}", timeout=5)
        assert [s.path for s in server.requests_seen] == ["/users/2", "/users/3", "/users/4"]


def test_stop_closes_listener_and_open_connections() -> None:
    server = MockServer(USERS).start()
    session = requests.Session()
    try:
        assert session.get(server.url + "/users/me", timeout=5).status_code == 200
        server.stop()
        server.stop()  # idempotent
        with pytest.raises(requests.ConnectionError):
            session.get(server.url + "/users/me", timeout=5)
    finally:
        session.close()


def test_no_per_request_logging(capfd: pytest.CaptureFixture[str]) -> None:
    with MockServer(USERS) as server:
        requests.get(server.url + "/users/1", timeout=5)
        requests.get(server.url + "/nothing", timeout=5)
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_serve_forever_returns_on_keyboard_interrupt() -> None:
    server = MockServer(USERS)
    answers: list[int] = []

    def client() -> None:
        try:
            answers.append(requests.get(server.url + "/users/me", timeout=5).status_code)
        finally:
            _thread.interrupt_main()

    thread = threading.Thread(target=client)
    thread.start()  # the socket is already listening; the request waits for serve_forever
    server.serve_forever()
    thread.join()
    assert answers == [200]
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url + "/users/me", timeout=5)


def test_non_latin1_headers_and_status_text_are_sent_as_utf8() -> None:
    import requests

    from engine.mock import MockServer

    document = {"info": {"name": "u"}, "item": [{"name": "Report", "request": {"method": "GET", "url": "http://x/report"},
                "response": [{"name": "ok", "code": 200, "status": "Успех",
                              "header": [{"key": "Content-Disposition", "value": 'attachment; filename="отчёт.pdf"'}],
                              "body": "pdf"}]}]}
    with MockServer(build_collection(document)) as server:
        response = requests.get(server.url + "/report", timeout=5)
    assert response.status_code == 200 and response.content == b"pdf"
    assert response.headers["Content-Disposition"].encode("latin-1").decode("utf-8") == 'attachment; filename="отчёт.pdf"'
