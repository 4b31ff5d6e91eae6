"""Trial collections in the shapes public Postman collections take, written here for the fidelity trial.

    python benchmarks/fidelity/make_trial.py OUT_DIR

writes, per case, `NAME.postman_collection.json` and, when the case has them, an environment,
globals and a data file. `benchmarks/fidelity_trial.py` imports `CASES` and runs each case with
Newman and with postman-replay against one loopback echo server.

Every collection addresses `{{baseUrl}}` (set with `--env-var baseUrl=…` by the driver). The
echo server answers every path with a JSON document describing the request it received
(`method`, `path`, `query`, `headers`, `body`, `json`), except a few routes: `/login` (a token),
`/status/NNN` (that status), `/redirect` (302 to `/echo/redirected`).

A case may say that postman-replay differs from Newman on purpose (`documented`): the reason is a
rule of ../shared/SPEC.md (unresolved `{{x}}` refused, placeholders, missing credentials, contract
checks on documented responses, command-line precedence). Such a case is still run and compared;
the driver prints the reason instead of calling the difference a disagreement.
"""

from __future__ import annotations

import json
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

TOKEN = "trial-token-5b1e"
API_KEY = "trial-key-93aa"


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], dict]
    environment: dict[str, str] | None = None
    globals: dict[str, str] | None = None
    data: tuple[str, str] | None = None  # (file name, text)
    ours: tuple[str, ...] = ()  # extra postman-replay arguments (e.g. --compat newman)
    documented: str = ""  # why postman-replay differs from Newman on purpose, per SPEC
    env_vars: dict[str, str] = field(default_factory=dict)  # extra --env-var for both runners
    environment_raw: dict | None = None  # an environment document written as given
    volatile: bool = False  # the URL holds random values: compare their shape only


# ---------------------------------------------------------------- building blocks


def event(listen: str, source: str) -> dict:
    return {"listen": listen, "script": {"type": "text/javascript", "exec": source.strip("\n").split("\n")}}


def url(raw: str, query: list[dict] | None = None, variable: list[dict] | None = None) -> dict:
    """A v2.1 URL object as Postman's app and converters write it: raw plus its parts."""
    base, _, q = raw.partition("?")
    head, _, rest = base.partition("/")
    host_part, path_part = [head], rest.split("/") if rest else []
    out: dict[str, Any] = {"raw": raw, "host": host_part, "path": path_part}
    if query is None and q:
        query = [{"key": k, "value": v} for k, _, v in (pair.partition("=") for pair in q.split("&"))]
    if query:
        out["query"] = query
    if variable:
        out["variable"] = variable
    return out


def item(name: str, method: str, raw: str, *, headers: list[dict] | None = None, body: dict | None = None,
         auth: dict | None = None, prerequest: str = "", test: str = "", responses: list[dict] | None = None,
         query: list[dict] | None = None, variable: list[dict] | None = None, plain_url: bool = False,
         description: str = "", ppb: dict | None = None) -> dict:
    request: dict[str, Any] = {"method": method, "header": headers or [],
                               "url": raw if plain_url else url(raw, query, variable)}
    if body is not None:
        request["body"] = body
    if auth is not None:
        request["auth"] = auth
    if description:
        request["description"] = description
    out: dict[str, Any] = {"name": name, "request": request, "response": responses or []}
    out.update(events(prerequest, test))
    if ppb:
        out["protocolProfileBehavior"] = ppb
    return out


def events(prerequest: str, test: str) -> dict:
    """The `event` block of an item, folder or collection: only the scripts given, none when empty."""
    scripts = [event(listen, source) for listen, source in (("prerequest", prerequest), ("test", test)) if source]
    return {"event": scripts} if scripts else {}


def folder(name: str, items: list[dict], *, auth: dict | None = None, prerequest: str = "", test: str = "") -> dict:
    out: dict[str, Any] = {"name": name, "item": items}
    if auth is not None:
        out["auth"] = auth
    out.update(events(prerequest, test))
    return out


def collection(name: str, items: list[dict], *, auth: dict | None = None, variables: dict[str, str] | None = None,
               prerequest: str = "", test: str = "") -> dict:
    out: dict[str, Any] = {
        "info": {"_postman_id": f"00000000-0000-4000-8000-{zlib.crc32(name.encode()) % 10**12:012d}", "name": name,
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items,
    }
    if auth is not None:
        out["auth"] = auth
    if variables is not None:
        out["variable"] = [{"key": k, "value": v, "type": "string"} for k, v in variables.items()]
    out.update(events(prerequest, test))
    return out


def bearer(token: str = "{{bearerToken}}") -> dict:
    return {"type": "bearer", "bearer": [{"key": "token", "value": token, "type": "string"}]}


def basic(user: str = "{{basicAuthUsername}}", password: str = "{{basicAuthPassword}}") -> dict:
    return {"type": "basic", "basic": [{"key": "username", "value": user, "type": "string"},
                                       {"key": "password", "value": password, "type": "string"}]}


def apikey(key: str = "X-API-Key", value: str = "{{apiKey}}", where: str = "header") -> dict:
    return {"type": "apikey", "apikey": [{"key": "key", "value": key, "type": "string"},
                                         {"key": "value", "value": value, "type": "string"},
                                         {"key": "in", "value": where, "type": "string"}]}


def example(code: int, body: Any = None, name: str = "") -> dict:
    """A documented response as openapi-to-postman writes it."""
    reason = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 404: "Not Found"}.get(code, "X")
    out: dict[str, Any] = {"name": name or reason, "status": reason, "code": code,
                           "_postman_previewlanguage": "json" if body is not None else "text",
                           "header": [{"key": "Content-Type", "value": "application/json"}] if body is not None else [],
                           "cookie": [], "body": json.dumps(body, indent=2) if body is not None else ""}
    return out


def raw_json(value: Any) -> dict:
    return {"mode": "raw", "raw": json.dumps(value, indent=2), "options": {"raw": {"language": "json"}}}


ECHO_OK = """
pm.test("status code is 200", function () { pm.response.to.have.status(200); });
"""

# ---------------------------------------------------------------- OpenAPI-converted shapes


def _op(name: str, method: str, path: str, *, query: list[dict] | None = None, variable: list[dict] | None = None,
        body: dict | None = None, documented: list[dict] | None = None, headers: list[dict] | None = None,
        auth: dict | None = None) -> dict:
    hdrs = [{"key": "Accept", "value": "application/json"}] + (headers or [])
    if body is not None:
        hdrs.insert(0, {"key": "Content-Type", "value": "application/json"})
    raw = "{{baseUrl}}" + path
    if query:
        raw += "?" + "&".join(f"{q['key']}={q['value']}" for q in query if not q.get("disabled"))
    return item(name, method, raw, headers=hdrs, query=query, variable=variable, body=body,
                responses=documented, auth=auth)


def openapi_concrete() -> dict:
    """A converted collection whose values were filled in by hand: concrete query/path values."""
    pets = [{"id": 1, "name": "rex", "tag": "dog"}]
    items = [
        folder("pets", [
            _op("List all pets", "GET", "/pets", query=[
                {"key": "limit", "value": "10", "description": "How many items to return at one time (max 100)"},
                {"key": "offset", "value": "<integer>", "description": "skip this many", "disabled": True},
            ], documented=[example(200, pets)]),
            _op("Create a pet", "POST", "/pets", body=raw_json({"id": 3, "name": "tom"}),
                documented=[example(201, None)]),
            folder("{petId}", [
                _op("Info for a specific pet", "GET", "/pets/:petId",
                    variable=[{"key": "petId", "value": "42", "description": "(Required) The id of the pet"}],
                    documented=[example(200, pets[0])]),
                _op("Delete a pet", "DELETE", "/pets/:petId",
                    variable=[{"key": "petId", "value": "{{petId}}", "description": "(Required) The id"}],
                    documented=[example(204)]),
            ]),
        ]),
    ]
    return collection("Swagger Petstore (filled)", items, auth=bearer(),
                      variables={"baseUrl": "http://petstore.invalid/v1", "petId": "77"})


def openapi_placeholders() -> dict:
    """A converted collection as exported: `<string>` values, `(Required)` descriptions."""
    items = [
        _op("Find users", "GET", "/users", query=[
            {"key": "q", "value": "<string>", "description": "(Required) search text"},
            {"key": "page", "value": "<integer>", "description": "page number"},
        ], documented=[example(200, [{"id": 1}])]),
        _op("Get user", "GET", "/users/:userId",
            variable=[{"key": "userId", "value": "<string>", "description": "(Required) "}],
            headers=[{"key": "X-Request-Id", "value": "<uuid>", "description": "trace id"}],
            documented=[example(200, {"id": 1})]),
    ]
    return collection("Users API (as converted)", items, auth=bearer(),
                      variables={"baseUrl": "/"})


def openapi_apikey() -> dict:
    items = [
        _op("Header key", "GET", "/things", documented=[example(200, {"things": []})]),
        _op("Query key", "GET", "/things/search?term=red%20ball", auth=apikey("api_key", "{{apiKey}}", "query"),
            documented=[example(200, {"things": []})]),
        _op("No auth", "GET", "/health", auth={"type": "noauth"}, documented=[example(200, {"ok": True})]),
    ]
    return collection("Things API (api key)", items, auth=apikey())


def openapi_basic() -> dict:
    items = [
        _op("Me", "GET", "/me", documented=[example(200, {"name": "x"})]),
        _op("Update me", "PATCH", "/me", body=raw_json({"name": "Zoë", "tags": ["a", "b"]}),
            documented=[example(200, {"name": "x"})]),
    ]
    return collection("Accounts API (basic)", items, auth=basic())


def openapi_missing_token() -> dict:
    items = [_op("Secret", "GET", "/secret", documented=[example(200, {"s": 1})])]
    return collection("Secret API (no token given)", items, auth=bearer())


def openapi_large() -> dict:
    """Thousands of items: the size of big public OpenAPI conversions."""
    resources = ["issues", "projects", "users", "groups", "boards", "sprints", "comments", "labels"]
    folders = []
    for r_index, resource in enumerate(resources):
        ops = []
        for n in range(150):
            method = ["GET", "POST", "PUT", "DELETE", "GET"][n % 5]
            path = f"/rest/api/3/{resource}/:{resource[:-1]}Id/part{n}"
            variable = [{"key": f"{resource[:-1]}Id", "value": str(1000 + n), "description": "(Required) the id"}]
            query = [{"key": "expand", "value": "names,schema"}, {"key": "n", "value": str(n)}]
            body = raw_json({"resource": resource, "n": n, "ok": True}) if method in ("POST", "PUT") else None
            ops.append(_op(f"{method.title()} {resource} part {n}", method, path, query=query, variable=variable,
                           body=body, documented=[example(200, {"method": "GET"})] if method == "GET" else None))
        folders.append(folder(resource, ops))
    return collection("Big Tracker API (1200 operations)", folders, auth=bearer())


# ---------------------------------------------------------------- hand-written collections


def folders_and_auth() -> dict:
    return collection("Auth inheritance", [
        item("collection bearer", "GET", "{{baseUrl}}/a", test=ECHO_OK),
        folder("basic folder", [
            item("inherits basic", "GET", "{{baseUrl}}/b", test="""
pm.test("basic header", function () {
    pm.expect(pm.response.json().headers.authorization).to.match(/^Basic /);
});"""),
            item("own apikey", "GET", "{{baseUrl}}/c", auth=apikey("X-Key", "{{apiKey}}")),
            item("noauth", "GET", "{{baseUrl}}/d", auth={"type": "noauth"}, test="""
pm.test("no authorization", function () {
    pm.expect(pm.response.json().headers).to.not.have.property("authorization");
});"""),
            folder("inherit folder", [item("deep inherit", "GET", "{{baseUrl}}/e")], auth={"type": "inherit"} if False else None),
        ], auth=basic("{{user}}", "{{pass}}")),
        item("query apikey", "GET", "{{baseUrl}}/f?x=1", auth=apikey("key", "{{apiKey}}", "query")),
    ], auth=bearer("{{token}}"), variables={"user": "ada", "pass": "p@ss:word"})


def variables_everywhere() -> dict:
    return collection("Variables at every level", [
        item("levels", "POST", "{{baseUrl}}/v/{{fromCollection}}/{{fromEnv}}?g={{fromGlobals}}&d={{fromData}}",
             headers=[{"key": "X-Env", "value": "{{fromEnv}}"}, {"key": "X-Both", "value": "{{shadowed}}"}],
             body={"mode": "raw", "raw": "{\"c\":\"{{fromCollection}}\",\"local\":\"{{local}}\"}",
                   "options": {"raw": {"language": "json"}}},
             prerequest='pm.variables.set("local", "L-" + pm.iterationData.get("fromData"));',
             test="""
pm.test("shadowing order", function () {
    pm.expect(pm.response.json().headers["x-both"]).to.equal("env");
});
pm.test("data value", function () {
    pm.expect(pm.variables.get("fromData")).to.be.oneOf(["d1", "d2"]);
});"""),
        folder("f", [item("nested name", "GET", "{{baseUrl}}/n/{{region_{{stage}}}}", test=ECHO_OK)]),
    ], variables={"fromCollection": "coll", "shadowed": "collection", "stage": "prod", "region_prod": "eu-west"})


def data_csv() -> dict:
    return collection("CSV data", [
        item("per row", "GET", "{{baseUrl}}/users/{{userId}}?name={{name}}", test="""
pm.test("row " + pm.info.iteration + " echoes " + data.name, function () {
    pm.expect(pm.response.json().query.name).to.equal(pm.iterationData.get("name"));
});
pm.test("expected flag", function () {
    pm.expect(pm.iterationData.get("expected")).to.equal("ok");
});"""),
    ])


def data_json() -> dict:
    return collection("JSON data", [
        item("post row", "POST", "{{baseUrl}}/orders", headers=[{"key": "Content-Type", "value": "application/json"}],
             body={"mode": "raw", "raw": "{\"sku\": \"{{sku}}\", \"qty\": {{qty}}}"}, test="""
var j = pm.response.json();
pm.test("qty is a number in the body", function () { pm.expect(j.json.qty).to.be.a("number"); });
pm.test("qty above one", function () { pm.expect(j.json.qty).to.be.above(1); });"""),
    ])


def token_chaining() -> dict:
    return collection("Token chaining", [
        item("login", "POST", "{{baseUrl}}/login", auth={"type": "noauth"},
             headers=[{"key": "Content-Type", "value": "application/json"}],
             body=raw_json({"username": "{{username}}", "password": "{{password}}"}), test="""
var body = pm.response.json();
pm.test("got a token", function () { pm.expect(body.token).to.be.a("string").and.not.empty; });
pm.environment.set("authToken", body.token);
pm.collectionVariables.set("loginCount", "1");"""),
        item("profile", "GET", "{{baseUrl}}/profile", test="""
pm.test("sent the token", function () {
    pm.expect(pm.response.json().headers.authorization).to.eql("Bearer " + pm.environment.get("authToken"));
});"""),
        item("logout", "POST", "{{baseUrl}}/logout?count={{loginCount}}", test="""
pm.environment.unset("authToken");
pm.test("token gone", function () { pm.expect(pm.environment.get("authToken")).to.be.undefined; });"""),
    ], auth=bearer("{{authToken}}"))


def chai_assertions() -> dict:
    return collection("Chai assertions", [
        item("many expects", "POST", "{{baseUrl}}/things?a=1&a=2&b",
             headers=[{"key": "Content-Type", "value": "application/json"}, {"key": "X-Trace", "value": "t-1"}],
             body=raw_json({"list": [1, 2, 3], "nested": {"k": "v"}, "flag": False}), test="""
var j = pm.response.json();
pm.test("status family", function () { pm.response.to.be.ok; pm.response.to.have.status(200); });
pm.test("json body", function () { pm.response.to.be.json; pm.response.to.have.jsonBody("method", "POST"); });
pm.test("deep equal", function () { pm.expect(j.json.nested).to.deep.equal({k: "v"}); });
pm.test("include", function () { pm.expect(j.json.list).to.include(2); });
pm.test("length", function () { pm.expect(j.json.list).to.have.lengthOf(3); });
pm.test("have.property", function () { pm.expect(j.json).to.have.property("flag", false); });
pm.test("header present", function () { pm.response.to.have.header("Content-Type"); });
pm.test("response time", function () { pm.expect(pm.response.responseTime).to.be.below(5000); });
pm.test("fails: wrong status", function () { pm.response.to.have.status(201); });
pm.test("fails: wrong value", function () { pm.expect(j.json.list[0]).to.equal(9); });
pm.test("query duplicates", function () { pm.expect(j.query.a).to.eql(["1", "2"]); });
pm.test("string match", function () { pm.expect(pm.response.text()).to.include("things"); });"""),
        item("thrown error", "GET", "{{baseUrl}}/x", test="""
pm.test("throws", function () { undefinedFunction(); });
pm.test("after a throw", function () { pm.expect(1).to.equal(1); });"""),
    ])


def next_request_loop() -> dict:
    return collection("setNextRequest loop", [
        item("start", "GET", "{{baseUrl}}/start", test='pm.environment.set("i", 0);'),
        item("poll", "GET", "{{baseUrl}}/poll?i={{i}}", test="""
var i = Number(pm.environment.get("i")) + 1;
pm.environment.set("i", i);
pm.test("poll " + i, function () { pm.expect(pm.response.code).to.equal(200); });
if (i < 3) { postman.setNextRequest("poll"); } else { postman.setNextRequest("finish"); }"""),
        item("skipped", "GET", "{{baseUrl}}/never"),
        item("finish", "GET", "{{baseUrl}}/finish?i={{i}}", test="""
pm.test("looped three times", function () { pm.expect(pm.environment.get("i")).to.equal(3); });
pm.execution.setNextRequest(null);"""),
        item("after stop", "GET", "{{baseUrl}}/after"),
    ])


def send_request() -> dict:
    return collection("pm.sendRequest", [
        item("fetch a nonce first", "GET", "{{baseUrl}}/main?nonce={{nonce}}", prerequest="""
pm.sendRequest({
    url: pm.environment.get("baseUrl") + "/side",
    method: "POST",
    header: {"Content-Type": "application/json", "X-Side": "1"},
    body: {mode: "raw", raw: JSON.stringify({want: "nonce"})}
}, function (err, res) {
    pm.environment.set("nonce", res.json().path.replace("/", "n-"));
});""", test="""
pm.test("nonce used", function () { pm.expect(pm.response.json().query.nonce).to.equal("n-side"); });"""),
        item("get side in test", "GET", "{{baseUrl}}/second", test="""
pm.sendRequest(pm.environment.get("baseUrl") + "/third?x=1", function (err, res) {
    pm.test("side answered", function () { pm.expect(res.code).to.equal(200); });
});"""),
    ])


def legacy_scripts() -> dict:
    return collection("Legacy tests[] scripts", [
        item("legacy", "GET", "{{baseUrl}}/legacy?x=1", headers=[{"key": "X-Old", "value": "yes"}],
             prerequest='postman.setEnvironmentVariable("stamp", "s-1"); postman.setGlobalVariable("g", "G");',
             test="""
var data = JSON.parse(responseBody);
tests["Status code is 200"] = responseCode.code === 200;
tests["Body has path"] = responseBody.has("/legacy");
tests["header echoed"] = data.headers["x-old"] === "yes";
tests["fails on purpose"] = responseCode.code === 404;
postman.setEnvironmentVariable("count", 5);
tests["env var stored as string"] = environment.count === "5" || pm.environment.get("count") === "5";
tests["response time positive"] = responseTime >= 0;
tests["content type"] = postman.getResponseHeader("Content-Type").indexOf("json") !== -1;"""),
        item("uses stamp", "GET", "{{baseUrl}}/stamped/{{stamp}}?g={{g}}", test="""
tests["stamp sent"] = JSON.parse(responseBody).path === "/stamped/s-1";"""),
    ])


def bodies() -> dict:
    return collection("Bodies", [
        item("raw json", "POST", "{{baseUrl}}/raw", body=raw_json({"a": 1, "u": "Zoë"})),
        item("raw text with type", "PUT", "{{baseUrl}}/text", headers=[{"key": "Content-Type", "value": "text/plain"}],
             body={"mode": "raw", "raw": "line one\nline two {{word}}"}),
        item("raw no language", "POST", "{{baseUrl}}/nolang", body={"mode": "raw", "raw": "<a>x</a>"}),
        item("urlencoded", "POST", "{{baseUrl}}/form", body={"mode": "urlencoded", "urlencoded": [
            {"key": "name", "value": "Jane Doe", "type": "text"},
            {"key": "sym", "value": "a+b&c=d é", "type": "text"},
            {"key": "off", "value": "x", "type": "text", "disabled": True},
            {"key": "word", "value": "{{word}}", "type": "text"}]}),
        item("formdata text", "POST", "{{baseUrl}}/multi", body={"mode": "formdata", "formdata": [
            {"key": "field", "value": "v1", "type": "text"},
            {"key": "json", "value": "{\"k\":1}", "type": "text", "contentType": "application/json"},
            {"key": "off", "value": "x", "type": "text", "disabled": True}]}),
        item("graphql", "POST", "{{baseUrl}}/graphql", body={"mode": "graphql", "graphql": {
            "query": "query ($id: ID!) { user(id: $id) { name } }", "variables": "{\"id\": \"{{word}}\"}"}}),
        item("GET with body pruned", "GET", "{{baseUrl}}/getbody", body=raw_json({"x": 1})),
        item("GET with body kept", "GET", "{{baseUrl}}/getbody2", body=raw_json({"x": 1}),
             ppb={"disableBodyPruning": True}),
        item("DELETE with body", "DELETE", "{{baseUrl}}/del", body=raw_json({"ids": [1, 2]})),
        item("empty raw", "POST", "{{baseUrl}}/empty", body={"mode": "raw", "raw": ""}),
        item("empty formdata", "POST", "{{baseUrl}}/emptyform", body={"mode": "formdata", "formdata": []}),
        item("all rows disabled", "POST", "{{baseUrl}}/offform", body={"mode": "formdata", "formdata": [
            {"key": "off", "value": "x", "type": "text", "disabled": True}]}),
        item("empty urlencoded", "PUT", "{{baseUrl}}/emptyurl", body={"mode": "urlencoded", "urlencoded": []}),
    ], variables={"word": "hello world"})


def headers_and_query() -> dict:
    return collection("Headers and query", [
        item("query shapes", "GET", "{{baseUrl}}/q", query=[
            {"key": "plain", "value": "v"}, {"key": "dup", "value": "1"}, {"key": "dup", "value": "2"},
            {"key": "empty", "value": ""}, {"key": "bare", "value": None}, {"key": "off", "value": "x", "disabled": True},
            {"key": "space", "value": "a b"}, {"key": "chars", "value": "a/b?c:d@e!$'()*,;"},
            {"key": "utf", "value": "naïve ✓"}, {"key": "pct", "value": "100%"}]),
        item("raw url only", "GET", "{{baseUrl}}/raw path/x?k=v w&z=[1]", plain_url=True),
        item("headers", "GET", "{{baseUrl}}/h", headers=[
            {"key": "X-One", "value": "1"}, {"key": "X-Off", "value": "no", "disabled": True},
            {"key": "X-Var", "value": "{{hv}}"}, {"key": "Accept", "value": "application/xml"},
            {"key": "X-Spaces", "value": "  padded  "}, {"key": "Cache-Control", "value": "no-store"}]),
        item("trailing question mark", "GET", "{{baseUrl}}/tq?", plain_url=True),
        item("hash fragment", "GET", "{{baseUrl}}/frag?a=1#section", plain_url=True),
    ], variables={"hv": "header value"})


def path_variables() -> dict:
    return collection("Path variables", [
        item("two vars", "GET", "{{baseUrl}}/orgs/:org/repos/:repo",
             variable=[{"key": "org", "value": "acme"}, {"key": "repo", "value": "{{repoName}}"}]),
        item("value with space and unicode", "GET", "{{baseUrl}}/files/:name/raw",
             variable=[{"key": "name", "value": "my file ü.txt"}]),
        item("var in host part and path", "GET", "{{baseUrl}}/v{{apiVersion}}/items/:id",
             variable=[{"key": "id", "value": "{{itemId}}"}]),
    ], variables={"repoName": "widgets", "apiVersion": "2", "itemId": "i-9"})


def path_variables_spec() -> dict:
    return collection("Path variables we encode on purpose", [
        item("value with slash", "GET", "{{baseUrl}}/files/:name",
             variable=[{"key": "name", "value": "dir/file name.txt"}]),
        item("from scope", "GET", "{{baseUrl}}/scoped/:thing", variable=[{"key": "thing", "value": ""}]),
    ], variables={"thing": "scoped-value"})


def newman_style() -> dict:
    """In the style of Newman's own integration collections: request/response introspection."""
    return collection("Newman-style integration", [
        item("request introspection", "POST", "{{baseUrl}}/post?source=newman",
             headers=[{"key": "Content-Type", "value": "application/json"}, {"key": "X-Case", "value": "A"}],
             body={"mode": "raw", "raw": "{\"data\":\"{{payload}}\"}"}, prerequest="""
pm.variables.set("payload", "p-" + pm.info.iteration);
pm.request.headers.upsert({key: "X-Case", value: "B"});""", test="""
pm.test("pm.info", function () {
    pm.expect(pm.info.requestName).to.equal("request introspection");
    pm.expect(pm.info.eventName).to.equal("test");
    pm.expect(pm.info.iterationCount).to.equal(2);
});
pm.test("request method", function () { pm.expect(pm.request.method).to.equal("POST"); });
pm.test("request url query", function () { pm.expect(pm.request.url.query.get("source")).to.equal("newman"); });
pm.test("upserted header sent", function () { pm.expect(pm.response.json().headers["x-case"]).to.equal("B"); });
pm.test("request body raw", function () { pm.expect(JSON.parse(pm.request.body.raw).data).to.equal("p-" + pm.info.iteration); });
"""),
        item("response headers", "GET", "{{baseUrl}}/status/201", test="""
pm.test("code 201", function () { pm.expect(pm.response.code).to.equal(201); });
pm.test("reason", function () { pm.expect(pm.response.status).to.be.a("string"); });
pm.test("header get", function () { pm.expect(pm.response.headers.get("X-Echo")).to.equal("yes"); });"""),
    ], test='pm.test("collection-level test", function () { pm.expect(pm.response).to.be.an("object"); });')


def undefined_literal() -> dict:
    return collection("Sends {{undefined}} on purpose", [
        item("literal var", "GET", "{{baseUrl}}/lit/{{notDefined}}?q={{alsoMissing}}",
             headers=[{"key": "X-Missing", "value": "{{missingHeader}}"}], test="""
pm.test("literal path arrived", function () {
    pm.expect(decodeURIComponent(pm.response.json().path)).to.equal("/lit/{{notDefined}}");
});
pm.test("literal header arrived", function () {
    pm.expect(pm.response.json().headers["x-missing"]).to.equal("{{missingHeader}}");
});"""),
        item("after", "GET", "{{baseUrl}}/after", test=ECHO_OK),
    ])


def prerequest_mutation() -> dict:
    return collection("Pre-request mutation", [
        item("mutate", "GET", "{{baseUrl}}/orig?keep=1", headers=[{"key": "X-Drop", "value": "1"}], prerequest="""
pm.request.headers.add({key: "X-Added", value: "yes"});
pm.request.headers.remove("X-Drop");
pm.request.url.query.add("added=2");
pm.request.addHeader({key: "X-Second", value: "two"});""", test="""
pm.test("added header arrived", function () { pm.expect(pm.response.json().headers["x-added"]).to.equal("yes"); });
pm.test("query added", function () { pm.expect(pm.response.json().query.added).to.equal("2"); });"""),
        item("set body", "POST", "{{baseUrl}}/body", headers=[{"key": "Content-Type", "value": "application/json"}],
             body={"mode": "raw", "raw": "{}"}, prerequest="""
pm.request.body.update(JSON.stringify({changed: true}));"""),
    ])


def redirects() -> dict:
    return collection("Redirects", [
        item("followed", "GET", "{{baseUrl}}/redirect", test="""
pm.test("ended at target", function () { pm.expect(pm.response.json().path).to.equal("/echo/redirected"); });"""),
        item("not followed", "GET", "{{baseUrl}}/redirect", ppb={"followRedirects": False}, test="""
pm.test("302 kept", function () { pm.response.to.have.status(302); });"""),
        item("post redirected", "POST", "{{baseUrl}}/redirect", body=raw_json({"a": 1})),
    ])


def v1_collection() -> dict:
    """A Collection v1 export (old Postman apps)."""
    return {
        "id": "4f0c1b9e-0000-4000-8000-000000000001", "name": "Legacy v1 export", "order": ["r1"],
        "folders": [{"id": "f1", "name": "Folder", "order": ["r2", "r3"]}],
        "requests": [
            {"id": "r1", "name": "v1 get", "method": "GET", "url": "{{baseUrl}}/v1/get?x=1",
             "headers": "X-V1: one\nAccept: application/json\n", "data": [], "dataMode": "params",
             "tests": "tests[\"v1 ok\"] = responseCode.code === 200;", "collectionId": "4f0c1b9e-0000-4000-8000-000000000001"},
            {"id": "r2", "name": "v1 form", "method": "POST", "url": "{{baseUrl}}/v1/form", "headers": "",
             "dataMode": "urlencoded", "data": [{"key": "a", "value": "1", "type": "text", "enabled": True},
                                                {"key": "b", "value": "two words", "type": "text", "enabled": True}],
             "collectionId": "4f0c1b9e-0000-4000-8000-000000000001"},
            {"id": "r3", "name": "v1 raw", "method": "PUT", "url": "{{baseUrl}}/v1/raw", "headers": "Content-Type: application/json\n",
             "dataMode": "raw", "rawModeData": "{\"k\": \"v\"}", "preRequestScript": "postman.setGlobalVariable(\"pre\", \"1\");",
             "tests": "tests[\"pre ran\"] = globals.pre === \"1\";",
             "collectionId": "4f0c1b9e-0000-4000-8000-000000000001"},
        ],
    }


def env_disabled_values() -> dict:
    return collection("Environment with disabled values", [
        item("uses disabled", "GET", "{{baseUrl}}/env?on={{onValue}}&off={{offValue}}"),
    ])


def precedence_cli() -> dict:
    return collection("Data vs --env-var", [
        item("who wins", "GET", "{{baseUrl}}/prec?v={{who}}"),
    ])


def failing_contract() -> dict:
    return collection("Documented response vs reality", [
        item("documents 404 only", "GET", "{{baseUrl}}/doc", responses=[example(404, {"error": "x"})], test=ECHO_OK),
    ])


def dynamic_vars() -> dict:
    return collection("Dynamic variables", [
        item("dynamics", "GET", "{{baseUrl}}/dyn?ts={{$timestamp}}&g={{$guid}}&n={{$randomInt}}", test="""
var q = pm.response.json().query;
pm.test("timestamp is seconds", function () { pm.expect(q.ts).to.match(/^[0-9]{10}$/); });
pm.test("guid shape", function () { pm.expect(q.g).to.match(/^[0-9a-f-]{36}$/); });
pm.test("int range", function () { var n = Number(q.n); pm.expect(n).to.be.within(0, 1000); });"""),
    ])


def pre_request_failure() -> dict:
    return collection("Collection-level scripts and failures", [
        folder("scripted folder", [
            item("one", "GET", "{{baseUrl}}/one", test="""
pm.test("folder var visible", function () { pm.expect(pm.variables.get("fromFolder")).to.equal("F"); });"""),
            item("two fails", "GET", "{{baseUrl}}/status/500", test="""
pm.test("is 200", function () { pm.response.to.have.status(200); });"""),
        ], prerequest='pm.variables.set("fromFolder", "F");'),
        item("three", "GET", "{{baseUrl}}/three?c={{counter}}"),
    ], prerequest="""
var c = Number(pm.collectionVariables.get("counter") || 0) + 1;
pm.collectionVariables.set("counter", String(c));""", variables={"counter": "0"})


def cookies() -> dict:
    return collection("Cookies", [
        item("set cookie", "GET", "{{baseUrl}}/setcookie", test="""
pm.test("cookie in response", function () { pm.expect(pm.cookies.has("session")).to.be.true; });"""),
        item("cookie sent back", "GET", "{{baseUrl}}/withcookie", test="""
pm.test("cookie echoed", function () { pm.expect(pm.response.json().headers.cookie || "").to.include("session=abc"); });"""),
    ])


def legacy_scripts_globals() -> dict:
    return collection("Globals as a bare array", [
        item("uses globals", "GET", "{{baseUrl}}/g?greeting={{greeting}}&n={{n}}", test="""
pm.test("global read", function () { pm.expect(pm.globals.get("greeting")).to.equal("hi there"); });"""),
    ])


def data_shapes() -> dict:
    return collection("Data file shapes", [
        item("row", "POST", "{{baseUrl}}/row/{{id}}?flag={{flag}}&none={{none}}",
             headers=[{"key": "Content-Type", "value": "application/json"}],
             body={"mode": "raw", "raw": "{\"note\": \"{{note}}\", \"n\": {{n}}}"}, test="""
pm.test("note from data", function () { pm.expect(pm.iterationData.get("note")).to.be.a("string"); });"""),
    ])


def input_shapes() -> dict:
    document = collection("Input shapes", [
        {"name": "request as a string", "request": "{{baseUrl}}/plain?x={{nested}}"},
        {"name": "event as one object", "event": {"listen": "test", "script": {"exec": "pm.test('ran', function () {});"}},
         "request": {"method": "get", "url": "{{baseUrl}}/lower-method", "header": "X-Str: one\nX-Two: two"}},
        item("item with url object only", "PUT", "{{baseUrl}}/obj", query=[{"key": "n", "value": "{{num}}"}]),
    ], variables={"inner": "deep", "nested": "v-{{inner}}"})
    document["info"]["schema"] = "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"
    return document


def sandbox_libraries() -> dict:
    return collection("Sandbox libraries", [
        item("signed request", "POST", "{{baseUrl}}/signed", headers=[
            {"key": "Content-Type", "value": "application/json"},
            {"key": "X-Signature", "value": "{{signature}}"}, {"key": "X-Id", "value": "{{requestId}}"}],
             body={"mode": "raw", "raw": "{\"amount\": 10, \"when\": \"{{when}}\"}"}, prerequest="""
var CryptoJS = require("crypto-js");
var moment = require("moment");
var when = moment.utc("2024-02-29T10:20:30Z").add(1, "days").format("YYYY-MM-DD");
pm.variables.set("when", when);
var body = pm.variables.replaceIn(pm.request.body.raw);
pm.variables.set("signature", CryptoJS.HmacSHA256(body, "shh").toString(CryptoJS.enc.Hex));
pm.variables.set("requestId", require("lodash").padStart(String(_.sum([1, 2, 3])), 4, "0"));""", test="""
var j = pm.response.json();
pm.test("date arithmetic", function () { pm.expect(j.json.when).to.equal("2024-03-01"); });
pm.test("lodash", function () { pm.expect(_.map(_.sortBy([3, 1, 2]), String)).to.eql(["1", "2", "3"]); });
pm.test("lodash 3 global", function () {
    pm.expect(_.pluck([{a: 1}, {a: 2}], "a")).to.eql([1, 2]);
    pm.expect(_.contains([1, 2], 2)).to.be.true;
});
pm.test("base64", function () { pm.expect(btoa("ab")).to.equal("YWI="); pm.expect(atob("YWI=")).to.equal("ab"); });
pm.test("Buffer", function () { pm.expect(Buffer.from("hi").toString("hex")).to.equal("6869"); });
pm.test("tv4 schema", function () {
    pm.expect(tv4.validate(j, {type: "object", required: ["method"]})).to.be.true;
});
pm.test("jsonSchema chai", function () {
    pm.response.to.have.jsonSchema({type: "object", properties: {method: {enum: ["POST"]}}});
});"""),
    ])


# ---------------------------------------------------------------- the case list

ENV = {"bearerToken": TOKEN, "apiKey": API_KEY, "basicAuthUsername": "ada", "basicAuthPassword": "s3cret:pw",
       "token": TOKEN}

CASES: list[Case] = [
    Case("openapi_concrete", openapi_concrete, environment={"bearerToken": TOKEN},
         documented="contract checks: documented example bodies are checked against the echo (Newman checks nothing)"),
    Case("openapi_placeholders", openapi_placeholders, environment={"bearerToken": TOKEN},
         documented="placeholders: `<string>` with (Required) is refused, optional ones are left out (Newman sends them)"),
    Case("openapi_placeholders_compat", openapi_placeholders, environment={"bearerToken": TOKEN},
         ours=("--compat", "newman"),
         documented="contract checks: documented example bodies are checked against the echo"),
    Case("openapi_apikey", openapi_apikey, environment={"apiKey": API_KEY},
         documented="contract checks: documented example bodies are checked against the echo"),
    Case("openapi_basic", openapi_basic, environment={"basicAuthUsername": "ada", "basicAuthPassword": "s3cret:pw"},
         documented="contract checks: documented example bodies are checked against the echo"),
    Case("openapi_missing_token", openapi_missing_token,
         documented="missing credentials: bearer with no token is an item error (Newman sends `Authorization: Bearer `... or nothing)"),
    Case("openapi_missing_token_compat", openapi_missing_token, ours=("--compat", "newman"),
         documented="contract checks: documented example bodies are checked against the echo"),
    Case("openapi_large", openapi_large, environment={"bearerToken": TOKEN},
         documented="contract checks: documented example bodies are checked against the echo"),
    Case("folders_and_auth", folders_and_auth, environment=ENV),
    Case("variables_everywhere", variables_everywhere, environment={"fromEnv": "env", "shadowed": "env"},
         globals={"fromGlobals": "glob", "shadowed": "global"},
         data=("rows.csv", "fromData\nd1\nd2\n")),
    Case("data_csv", data_csv, data=("users.csv", "userId,name,expected\n1,Ada Lovelace,ok\n2,\"Grace, H\",ok\n3,Zoë,bad\n")),
    Case("data_json", data_json, data=("orders.json", json.dumps([{"sku": "A-1", "qty": 2}, {"sku": "B 2", "qty": 1}]))),
    Case("token_chaining", token_chaining, environment={"username": "ada", "password": "pw"}),
    Case("chai_assertions", chai_assertions),
    Case("next_request_loop", next_request_loop),
    Case("send_request", send_request),
    Case("legacy_scripts", legacy_scripts),
    Case("bodies", bodies),
    Case("headers_and_query", headers_and_query),
    Case("path_variables", path_variables),
    Case("path_variables_spec", path_variables_spec,
         documented="path variables: a value is encoded as one segment (`/` → %2F) and an empty value is filled "
                    "from the scope variable of that name (Newman sends `dir/file` and a literal `:thing`)"),
    Case("newman_style", newman_style, data=("two.json", json.dumps([{"n": 1}, {"n": 2}]))),
    Case("undefined_literal", undefined_literal,
         documented="unresolved {{x}} is refused: the item errors, nothing is sent"),
    Case("undefined_literal_compat", undefined_literal, ours=("--compat", "newman")),
    Case("prerequest_mutation", prerequest_mutation),
    Case("redirects", redirects),
    Case("v1_collection", v1_collection),
    Case("env_disabled_values", env_disabled_values, environment={"onValue": "on", "offValue": "DISABLED"},
         documented="disabled environment values (enabled:false) are ignored by us, used by Newman"),
    Case("precedence_cli", precedence_cli, data=("who.csv", "who\ndata\n"), env_vars={"who": "cli"},
         documented="command-line precedence: --env-var wins over iteration data (Newman: data wins)"),
    Case("failing_contract", failing_contract,
         documented="contract checks: the status 200 is not a documented code (404 only)"),
    Case("dynamic_vars", dynamic_vars, volatile=True),
    Case("pre_request_failure", pre_request_failure),
    Case("cookies", cookies),
    Case("sandbox_libraries", sandbox_libraries),
    Case("data_shapes", data_shapes, data=("shapes.csv", "\ufeffid,flag,none,note,n\r\n1,true,,\"two\r\nlines\",3\r\n"
                                                       "2,false,x,\"say \"\"hi\"\"\",4.5\r\n")),
    Case("data_json_types", data_shapes, data=("types.json", json.dumps([
        {"id": 1, "flag": True, "none": "", "note": "a", "n": 1.50},
        {"id": "2", "flag": False, "none": "", "note": "ü", "n": -0}]))),
    Case("data_null", data_shapes, data=("nulls.json", json.dumps([{"id": 1, "flag": 1, "none": None, "note": "", "n": 0}])),
         documented="unresolved {{x}} is refused: a JSON data `null` substitutes nothing in Newman (it sends `{{none}}`)"),
    Case("data_null_compat", data_shapes, data=("nulls.json", json.dumps([{"id": 1, "flag": 1, "none": None, "note": "", "n": 0}])),
         ours=("--compat", "newman")),
    Case("input_shapes", input_shapes, environment_raw={"name": "raw", "values": [
        {"key": "num", "value": 5, "enabled": True}]}),
    Case("utf16_environment", token_chaining, environment={"username": "ada", "password": "pw"}),
    Case("legacy_globals_array", legacy_scripts_globals),
]

UTF16 = {"utf16_environment"}
GLOBALS_ARRAY = {"legacy_globals_array": [{"key": "greeting", "value": "hi there"}, {"key": "n", "value": "3"}]}

DISABLED_ENV = {"env_disabled_values"}


def environment_document(name: str, values: dict[str, str], disabled: set[str] = frozenset()) -> dict:  # type: ignore[assignment]
    return {"id": "e0000000-0000-4000-8000-000000000000", "name": name, "_postman_variable_scope": "environment",
            "values": [{"key": k, "value": v, "type": "default", "enabled": k not in disabled} for k, v in values.items()]}


def write_case(case: Case, out: Path) -> dict[str, Path]:
    """Write a case's files into `out`; return their paths by kind."""
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    paths["collection"] = out / f"{case.name}.postman_collection.json"
    paths["collection"].write_text(json.dumps(case.build(), indent=2, ensure_ascii=False), encoding="utf-8")
    if case.environment is not None:
        disabled = {"offValue"} if case.name in DISABLED_ENV else set()
        paths["environment"] = out / f"{case.name}.postman_environment.json"
        paths["environment"].write_text(json.dumps(environment_document(case.name, case.environment, disabled)),
                                        encoding="utf-16" if case.name in UTF16 else "utf-8")
    if case.environment_raw is not None:
        paths["environment"] = out / f"{case.name}.postman_environment.json"
        paths["environment"].write_text(json.dumps(case.environment_raw), encoding="utf-8")
    if case.globals is not None:
        paths["globals"] = out / f"{case.name}.postman_globals.json"
        doc = environment_document("globals", case.globals)
        doc["_postman_variable_scope"] = "globals"
        paths["globals"].write_text(json.dumps(doc), encoding="utf-8")
    if case.name in GLOBALS_ARRAY:
        paths["globals"] = out / f"{case.name}.globals.json"
        paths["globals"].write_text(json.dumps(GLOBALS_ARRAY[case.name]), encoding="utf-8")
    if case.data is not None:
        paths["data"] = out / case.data[0]
        paths["data"].write_text(case.data[1], encoding="utf-8")
    return paths


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("trial-collections")
    for case in CASES:
        write_case(case, out)
    print(f"wrote {len(CASES)} cases to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
