"""Every auth type Postman offers, sent through the real run to a loopback server that verifies the
credential with an independent implementation (tests/auth_servers.py) and answers 401 otherwise."""

from __future__ import annotations

import base64
import json
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from auth_servers import (
    NtlmAcceptor,
    Seen,
    VerifyingServer,
    check_asap,
    check_awsv4,
    check_edgegrid,
    check_hawk,
    check_jwt,
    check_oauth1,
)
from engine import run
from engine.model import ItemResult
from factory import example, folder, make_collection, make_item


def block(kind: str, **fields: Any) -> dict:
    """A v2.1 auth block: {"type": kind, kind: [{key, value}, …]}."""
    return {"type": kind, kind: [{"key": k, "value": v} for k, v in fields.items()]}


@pytest.fixture(scope="module")
def _verifier() -> Iterator[VerifyingServer]:
    server = VerifyingServer().start()
    yield server
    server.stop()


@pytest.fixture
def api(_verifier: VerifyingServer) -> Iterator[VerifyingServer]:
    _verifier.reset()
    yield _verifier
    _verifier.reset()


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pem(key: Any) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def replay(tmp_path: Path, auth: dict | None, url: str, *, method: str = "GET", body: dict | None = None,
           headers: list[dict] | None = None, env: dict | None = None, count: int = 1, **top: Any) -> list[ItemResult]:
    items = [make_item(f"Signed {n}", method, url, auth=auth, body=body, headers=headers, responses=[example(200)])
             for n in range(count)]
    path = tmp_path / "auth.postman_collection.json"
    path.write_text(json.dumps(make_collection(items, **top)), encoding="utf-8")
    return run(path, env_vars=env or {}).results


def accepted(results: list[ItemResult], api: VerifyingServer) -> None:
    """Every item got the verifier's 200; on a 401 the response body says why it refused."""
    for result in results:
        assert result.response is not None, (result.error, result.hint)
        assert result.response.code == 200, (result.response.body, api.seen[-1:])
        assert result.outcome == "passed", result


# ---------------------------------------------------------------- oauth1


@pytest.mark.parametrize("method", ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"])
def test_oauth1_hmac_and_plaintext_in_the_header(api, tmp_path, method) -> None:
    api.check = check_oauth1("c$ecret&/+", "t0ken secret")
    auth = block("oauth1", consumerKey="{{ck}}", consumerSecret="c$ecret&/+", token="tok", tokenSecret="t0ken secret",
                 signatureMethod=method, addParamsToHeader=True, realm="photos", version="1.0")
    results = replay(tmp_path, auth, f"{api.url}/photos/a b?size=original&file=vacation%20.jpg&file=x", env={"ck": "key1"})
    accepted(results, api)
    header = api.seen[-1].header("Authorization") or ""
    assert header.startswith('OAuth realm="photos"') and 'oauth_consumer_key="key1"' in header


@pytest.mark.parametrize("method", ["RSA-SHA1", "RSA-SHA256", "RSA-SHA512"])
def test_oauth1_rsa_methods(api, tmp_path, rsa_key, method) -> None:
    api.check = check_oauth1("", public_key=rsa_key.public_key())
    auth = block("oauth1", consumerKey="k", privateKey=pem(rsa_key), signatureMethod=method, addParamsToHeader=True)
    accepted(replay(tmp_path, auth, f"{api.url}/rsa?q=1"), api)


def test_oauth1_query_placement_and_body_hash(api, tmp_path) -> None:
    api.check = check_oauth1("secret")
    auth = block("oauth1", consumerKey="k", consumerSecret="secret", signatureMethod="HMAC-SHA256",
                 includeBodyHash=True, addParamsToHeader=False, callback="http://cb.test/x", verifier="v3r")
    body = {"mode": "raw", "raw": '{"a": 1}', "options": {"raw": {"language": "json"}}}
    accepted(replay(tmp_path, auth, f"{api.url}/q?x=1", method="PUT", body=body), api)
    seen = api.seen[-1]
    assert "oauth_signature=" in seen.query and "oauth_body_hash=" in seen.query
    assert "oauth_callback=http%3A%2F%2Fcb.test%2Fx" in seen.query


def test_oauth1_urlencoded_post_carries_the_params_in_the_body(api, tmp_path) -> None:
    api.check = check_oauth1("secret", "ts")
    auth = block("oauth1", consumerKey="k", consumerSecret="secret", token="t", tokenSecret="ts",
                 signatureMethod="HMAC-SHA1", addParamsToHeader=False)
    body = {"mode": "urlencoded", "urlencoded": [{"key": "status", "value": "hello world!"}]}
    accepted(replay(tmp_path, auth, f"{api.url}/statuses", method="POST", body=body), api)
    seen = api.seen[-1]
    assert b"oauth_signature=" in seen.body and "oauth_" not in seen.query


def test_oauth1_empty_params_are_left_out_unless_asked(api, tmp_path) -> None:
    api.check = check_oauth1("secret")
    auth = block("oauth1", consumerKey="k", consumerSecret="secret", token="", addParamsToHeader=True)
    accepted(replay(tmp_path, auth, f"{api.url}/e"), api)
    assert "oauth_token" not in (api.seen[-1].header("Authorization") or "")
    auth = block("oauth1", consumerKey="k", consumerSecret="secret", token="", addParamsToHeader=True,
                 addEmptyParamsToSign=True)
    accepted(replay(tmp_path, auth, f"{api.url}/e"), api)
    assert 'oauth_token=""' in (api.seen[-1].header("Authorization") or "")


def test_a_wrong_oauth1_secret_is_refused_by_the_verifier(api, tmp_path) -> None:
    """The negative control: the verifier does refuse a signature made with another secret."""
    api.check = check_oauth1("right")
    auth = block("oauth1", consumerKey="k", consumerSecret="wrong", addParamsToHeader=True)
    [result] = replay(tmp_path, auth, f"{api.url}/x")
    assert result.response is not None and result.response.code == 401 and result.outcome == "failed"


# ---------------------------------------------------------------- hawk


@pytest.mark.parametrize("algorithm", ["sha256", "sha1"])
def test_hawk_is_accepted_by_mohawks_receiver(api, tmp_path, algorithm) -> None:
    credentials = {"id": "dh37fgj492je", "key": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn", "algorithm": algorithm}
    api.check = check_hawk(api.url, credentials)
    auth = block("hawk", authId="dh37fgj492je", authKey="{{hawkKey}}", algorithm=algorithm, extraData="some-app-data")
    accepted(replay(tmp_path, auth, f"{api.url}/resource/1?b=1&a=2", env={"hawkKey": credentials["key"]}), api)
    assert (api.seen[-1].header("Authorization") or "").startswith("Hawk ") and 'id="dh37fgj492je"' in api.seen[-1].header("Authorization")


def test_hawk_payload_hash(api, tmp_path) -> None:
    credentials = {"id": "id1", "key": "k" * 20, "algorithm": "sha256"}
    api.check = check_hawk(api.url, credentials, payload=True)
    auth = block("hawk", authId="id1", authKey="k" * 20, algorithm="sha256", includePayloadHash=True)
    body = {"mode": "raw", "raw": "Thank you for flying Hawk", "options": {"raw": {"language": "text"}}}
    accepted(replay(tmp_path, auth, f"{api.url}/p", method="POST", body=body), api)
    assert 'hash="' in (api.seen[-1].header("Authorization") or "")


# ---------------------------------------------------------------- awsv4


@pytest.mark.parametrize("token", [None, "FwoGZXIvYXdzEJr//session"])
def test_awsv4_headers(api, tmp_path, token) -> None:
    api.check = check_awsv4("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "eu-west-2", "execute-api", token)
    fields = {"accessKey": "AKIDEXAMPLE", "secretKey": "{{awsSecret}}", "region": "eu-west-2", "service": "execute-api"}
    if token:
        fields["sessionToken"] = token
    body = {"mode": "raw", "raw": '{"name": "a b"}', "options": {"raw": {"language": "json"}}}
    results = replay(tmp_path, block("awsv4", **fields), f"{api.url}/prod/items/x y?b=2&a=1&a=0", method="POST",
                     body=body, env={"awsSecret": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"},
                     headers=[{"key": "X-Custom", "value": "  two   spaces "}])
    accepted(results, api)
    assert api.seen[-1].header("X-Amz-Content-Sha256")


def test_awsv4_defaults_and_query_placement(api, tmp_path) -> None:
    api.check = check_awsv4("AK", "SK", "us-east-1", "execute-api")
    auth = block("awsv4", accessKey="AK", secretKey="SK", addAuthDataToQuery=True)
    accepted(replay(tmp_path, auth, f"{api.url}/q?z=1"), api)
    assert "X-Amz-Signature=" in api.seen[-1].query and api.seen[-1].header("Authorization") is None


@pytest.mark.parametrize("in_query", [False, True])
def test_awsv4_s3_signs_the_path_once(api, tmp_path, in_query) -> None:
    api.check = check_awsv4("AK", "SK", "eu-central-1", "s3")
    auth = block("awsv4", accessKey="AK", secretKey="SK", region="eu-central-1", service="s3",
                 addAuthDataToQuery=in_query)
    body = None if in_query else {"mode": "raw", "raw": "object bytes"}
    accepted(replay(tmp_path, auth, f"{api.url}/bucket/key%20with%20space.txt", method="GET" if in_query else "PUT",
                    body=body), api)


def test_awsv4_without_botocore_names_the_install_command(api, tmp_path, monkeypatch) -> None:
    for name in [m for m in sys.modules if m == "botocore" or m.startswith("botocore.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "botocore", None)  # what an install without the `aws` extra looks like
    [result] = replay(tmp_path, block("awsv4", accessKey="AK", secretKey="SK"), f"{api.url}/x")
    assert result.outcome == "error" and "botocore" in (result.error or "")
    assert "pip install" in (result.hint or "") and not api.seen


# ---------------------------------------------------------------- edgegrid


def test_edgegrid_get_and_post(api, tmp_path) -> None:
    api.check = check_edgegrid("akab-client", "c2VjcmV0", "akab-access", headers_to_sign=("X-Sign-Me",))
    auth = block("edgegrid", accessToken="akab-access", clientToken="akab-client", clientSecret="{{egSecret}}",
                 headersToSign="X-Sign-Me")
    headers = [{"key": "X-Sign-Me", "value": "a   b"}]
    accepted(replay(tmp_path, auth, f"{api.url}/papi/v1/groups?x=1", headers=headers, env={"egSecret": "c2VjcmV0"}), api)
    body = {"mode": "raw", "raw": '{"x": 1}', "options": {"raw": {"language": "json"}}}
    accepted(replay(tmp_path, auth, f"{api.url}/papi/v1/p", method="POST", body=body, headers=headers,
                    env={"egSecret": "c2VjcmV0"}), api)


# ---------------------------------------------------------------- jwt and asap


@pytest.mark.parametrize("algorithm", ["HS256", "HS384", "HS512"])
def test_jwt_hmac(api, tmp_path, algorithm) -> None:
    api.check = check_jwt(b"s3cret-key-long-enough-for-hs512-0123456789abcdef-0123456789abcdef", algorithm, {"sub": "u-42", "role": "r"})
    auth = block("jwt", algorithm=algorithm, secret="s3cret-key-long-enough-for-hs512-0123456789abcdef-0123456789abcdef",
                 payload='{"sub": "{{user}}", "role": "r"}', header='{"kid": "k1"}')
    accepted(replay(tmp_path, auth, f"{api.url}/j", env={"user": "u-42"}), api)


@pytest.mark.parametrize("algorithm", ["RS256", "PS384", "ES256"])
def test_jwt_private_key_to_query_param(api, tmp_path, rsa_key, algorithm) -> None:
    key = ec.generate_private_key(ec.SECP256R1()) if algorithm.startswith("ES") else rsa_key
    api.check = check_jwt(key.public_key(), algorithm, {"iss": "me"}, query="jwt")
    auth = block("jwt", algorithm=algorithm, privateKey=pem(key), payload='{"iss": "me"}', addTokenTo="queryParam",
                 queryParamKey="jwt")
    accepted(replay(tmp_path, auth, f"{api.url}/j"), api)


def test_jwt_base64_secret_and_custom_prefix(api, tmp_path) -> None:
    api.check = check_jwt(b"raw-bytes-\x00\x01-and-32-bytes-in-all-01234", "HS256", {"a": 1}, prefix="JWT ")
    auth = block("jwt", algorithm="HS256", secret=base64.b64encode(b"raw-bytes-\x00\x01-and-32-bytes-in-all-01234").decode(),
                 isSecretBase64Encoded=True, payload={"a": 1}, headerPrefix="JWT")
    accepted(replay(tmp_path, auth, f"{api.url}/j"), api)


def test_asap(api, tmp_path, rsa_key) -> None:
    api.check = check_asap(rsa_key.public_key(), "svc-a", "svc-b", "svc-a/key1", "svc-a")
    flat = "".join(pem(rsa_key).splitlines())  # Postman's field often loses the key's newlines
    auth = block("asap", alg="RS256", kid="svc-a/key1", iss="svc-a", aud="svc-b", privateKey=flat,
                 claims='{"scope": "read"}')
    accepted(replay(tmp_path, auth, f"{api.url}/asap"), api)


def test_asap_without_an_audience_is_an_item_error(api, tmp_path, rsa_key) -> None:
    [result] = replay(tmp_path, block("asap", kid="k", iss="i", privateKey=pem(rsa_key)), f"{api.url}/asap")
    assert result.outcome == "error" and "aud" in (result.error or "") and not api.seen


# ---------------------------------------------------------------- ntlm


def test_ntlm_handshake_is_accepted_by_pyspnegos_acceptor(api, tmp_path) -> None:
    users = tmp_path / "ntlm-users"
    users.write_text("CORP:alice:Pa55-w0rd!\n", encoding="utf-8")
    api.ntlm = NtlmAcceptor(str(users))
    auth = block("ntlm", username="CORP\\alice", password="{{ntlmPassword}}")
    accepted(replay(tmp_path, auth, f"{api.url}/ntlm", env={"ntlmPassword": "Pa55-w0rd!"}), api)
    assert api.ntlm.accepted and "alice" in api.ntlm.accepted[0].lower()


def test_ntlm_with_a_wrong_password_ends_in_401(api, tmp_path) -> None:
    users = tmp_path / "ntlm-users"
    users.write_text("CORP:alice:right\n", encoding="utf-8")
    api.ntlm = NtlmAcceptor(str(users))
    [result] = replay(tmp_path, block("ntlm", username="alice", domain="CORP", password="wrong"), f"{api.url}/ntlm")
    assert result.response is not None and result.response.code == 401


# ---------------------------------------------------------------- inheritance, variables, missing fields


def test_inheritance_item_folder_collection_and_noauth(api, tmp_path) -> None:
    api.check = lambda seen: None if seen.header("Authorization") in ("Bearer col", "Bearer fold", None) else "?"
    items = [
        make_item("inherits collection", url=f"{api.url}/1", responses=[example(200)]),
        folder("F", [make_item("inherits folder", url=f"{api.url}/2", responses=[example(200)]),
                     make_item("noauth", url=f"{api.url}/3", auth={"type": "noauth"}, responses=[example(200)])],
               auth=block("bearer", token="fold")),
    ]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(make_collection(items, auth=block("bearer", token="col"))), encoding="utf-8")
    results = run(path).results
    assert [s.header("Authorization") for s in api.seen] == ["Bearer col", "Bearer fold", None]
    assert all(r.outcome == "passed" for r in results)


@pytest.mark.parametrize(
    "auth, field",
    [
        (block("oauth1", consumerSecret="s"), "consumerKey"),
        (block("oauth1", consumerKey="k", signatureMethod="RSA-SHA256"), "privateKey"),
        (block("hawk", authId="id"), "authKey"),
        (block("awsv4", accessKey="AK"), "secretKey"),
        (block("edgegrid", accessToken="a", clientToken="c"), "clientSecret"),
        (block("jwt", algorithm="HS256"), "secret"),
        (block("jwt", algorithm="RS256"), "privateKey"),
        (block("ntlm", username="u"), "password"),
        (block("digest", password="p"), "username"),
    ],
)
def test_a_missing_credential_is_an_item_error_naming_the_field(api, tmp_path, auth, field) -> None:
    [result] = replay(tmp_path, auth, f"{api.url}/x")
    assert result.outcome == "error" and field in (result.error or "")
    assert "--env-var" in (result.hint or "")
    assert not api.seen  # nothing unauthenticated went out


def test_an_unresolved_variable_in_an_auth_field_is_named(api, tmp_path) -> None:
    [result] = replay(tmp_path, block("hawk", authId="{{hawkId}}", authKey="k"), f"{api.url}/x")
    assert result.outcome == "error" and "{{hawkId}}" in (result.error or "") and not api.seen


@pytest.mark.parametrize(
    "auth, env, expected",
    [
        (block("bearer", token="{{bearerToken}}"), {"bearerToken": "tk"}, ("Authorization", "Bearer tk")),
        (block("bearer", token=""), {"bearerToken": "tk"}, ("Authorization", "Bearer tk")),
        (block("basic", username="{{basicAuthUsername}}", password="{{basicAuthPassword}}"),
         {"basicAuthUsername": "u", "basicAuthPassword": "p"}, ("Authorization", "Basic dTpw")),
        (block("apikey", key="X-Key", value="{{apiKey}}", **{"in": "header"}), {"apiKey": "kv"}, ("X-Key", "kv")),
    ],
)
def test_openapi_converter_names_need_no_configuration(api, tmp_path, auth, env, expected) -> None:
    api.check = lambda seen: None if seen.header(expected[0]) == expected[1] else f"{seen.headers}"
    accepted(replay(tmp_path, auth, f"{api.url}/o", env=env), api)


def test_signatures_and_keys_are_masked_in_reports(api, tmp_path, cli, rsa_key) -> None:
    api.check = check_jwt(rsa_key.public_key(), "RS256", {"iss": "me"}, query="token")
    auth = block("jwt", algorithm="RS256", privateKey=pem(rsa_key), payload='{"iss": "me"}', addTokenTo="queryParam")
    path = tmp_path / "m.json"
    path.write_text(json.dumps(make_collection([make_item("J", url=f"{api.url}/m", auth=auth,
                                                          responses=[example(200)])])), encoding="utf-8")
    report = tmp_path / "r.json"
    code, out, err = cli("run", path, "-r", "cli,json", "--reporter-json-export", report)
    assert code == 0, out + err
    token = dict(p.split("=", 1) for p in api.seen[-1].query.split("&"))["token"]
    text = out + err + report.read_text(encoding="utf-8")
    assert token not in text and token[:20] not in text
    assert "BEGIN PRIVATE KEY" not in text


# ---------------------------------------------------------------- OAuth 2.0 grants


class TokenEndpoint:
    """A token endpoint (RFC 6749): checks client authentication and the grant's fields."""

    def __init__(self, api: VerifyingServer, *, expires_in: int | None = 3600, client_auth: str = "header") -> None:
        self.issued: list[str] = []
        self.requests: list[dict] = []
        self.expires_in = expires_in
        self.client_auth = client_auth
        self.revoked: set[str] = set()
        api.answers["/oauth/token"] = self.answer
        api.check = self.check

    def answer(self, seen: Seen) -> tuple[int, dict]:
        form = dict(p.split("=", 1) for p in seen.body.decode().split("&") if "=" in p)
        from urllib.parse import unquote_plus

        form = {k: unquote_plus(v) for k, v in form.items()}
        self.requests.append(form)
        if self.client_auth == "header":
            given = seen.header("Authorization") or ""
            if given != "Basic " + base64.b64encode(b"app-1:app secret").decode():
                return 401, {"error": "invalid_client", "error_description": "client authentication failed"}
        elif (form.get("client_id"), form.get("client_secret")) != ("app-1", "app secret"):
            return 401, {"error": "invalid_client", "error_description": "client_id/client_secret in the body"}
        grant = form.get("grant_type")
        if grant == "password" and (form.get("username"), form.get("password")) != ("bob", "hunter2"):
            return 400, {"error": "invalid_grant", "error_description": "bad user"}
        if grant == "refresh_token" and form.get("refresh_token") != "refresh-1":
            return 400, {"error": "invalid_grant"}
        if grant not in ("client_credentials", "password", "refresh_token"):
            return 400, {"error": "unsupported_grant_type"}
        token = f"access-{len(self.issued) + 1}-{time.monotonic_ns()}"
        self.issued.append(token)
        document: dict = {"access_token": token, "token_type": "Bearer", "refresh_token": "refresh-1"}
        if self.expires_in is not None:
            document["expires_in"] = self.expires_in
        return 200, document

    def check(self, seen: Seen) -> str | None:
        token = (seen.header("Authorization") or "").removeprefix("Bearer ")
        if token not in self.issued or token in self.revoked:
            return "unknown or revoked token"
        return None


def oauth2(api: VerifyingServer, **extra: str) -> dict:
    fields = {"grant_type": "client_credentials", "accessTokenUrl": f"{api.url}/oauth/token", "clientId": "app-1",
              "clientSecret": "{{clientSecret}}", "scope": "read write", "client_authentication": "header",
              "addTokenTo": "header"}
    fields.update(extra)
    return block("oauth2", **fields)


def test_client_credentials_token_is_fetched_once_and_kept_for_the_run(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api)
    results = replay(tmp_path, oauth2(api), f"{api.url}/api", env={"clientSecret": "app secret"}, count=3)
    accepted(results, api)
    assert len(endpoint.issued) == 1 and endpoint.requests[0]["scope"] == "read write"
    assert any("token fetched from" in note for note in results[0].notes)
    assert not any("token fetched" in note for note in results[1].notes)
    assert [s.header("Authorization") for s in api.seen if s.path == "/api"] == [f"Bearer {endpoint.issued[0]}"] * 3


def test_client_authentication_in_the_body_and_audience(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api, client_auth="body")
    auth = oauth2(api, client_authentication="body", audience="https://api.test", resource="urn:r")
    accepted(replay(tmp_path, auth, f"{api.url}/api", env={"clientSecret": "app secret"}), api)
    assert endpoint.requests[0]["audience"] == "https://api.test" and endpoint.requests[0]["resource"] == "urn:r"


def test_password_grant(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api)
    auth = oauth2(api, grant_type="password_credentials", username="bob", password="{{pw}}")
    accepted(replay(tmp_path, auth, f"{api.url}/api", env={"clientSecret": "app secret", "pw": "hunter2"}), api)
    assert endpoint.requests[0]["grant_type"] == "password"


def test_an_expired_token_is_refreshed_with_the_refresh_token(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api, expires_in=0)
    accepted(replay(tmp_path, oauth2(api), f"{api.url}/api", env={"clientSecret": "app secret"}, count=2), api)
    assert [r["grant_type"] for r in endpoint.requests] == ["client_credentials", "refresh_token"]


def test_a_401_fetches_a_new_token_once_and_sends_again(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api)
    original = endpoint.answer

    def revoke_first(seen: Seen) -> tuple[int, dict]:
        status, document = original(seen)
        if len(endpoint.issued) == 1:
            endpoint.revoked.add(document["access_token"])
        return status, document

    api.answers["/oauth/token"] = revoke_first
    [result] = replay(tmp_path, oauth2(api), f"{api.url}/api", env={"clientSecret": "app secret"})
    accepted([result], api)
    assert len(endpoint.issued) == 2 and any("401" in note for note in result.notes)


def test_a_refused_token_request_is_the_items_error_with_the_endpoints_answer(api, tmp_path) -> None:
    TokenEndpoint(api)
    [result] = replay(tmp_path, oauth2(api), f"{api.url}/api", env={"clientSecret": "not it"})
    assert result.outcome == "error"
    assert "invalid_client" in (result.error or "") and "client authentication failed" in (result.error or "")
    assert not [s for s in api.seen if s.path == "/api"]


def test_a_given_access_token_wins_over_the_grant(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api)
    endpoint.issued.append("mine")
    accepted(replay(tmp_path, oauth2(api), f"{api.url}/api", env={"accessToken": "mine", "clientSecret": "x"}), api)
    assert not endpoint.requests


def test_fetched_tokens_and_client_secrets_are_masked(api, tmp_path, cli) -> None:
    endpoint = TokenEndpoint(api)
    path = tmp_path / "o.json"
    path.write_text(json.dumps(make_collection([make_item("O", url=f"{api.url}/api?echo=1", auth=oauth2(api),
                                                          responses=[example(200)])])), encoding="utf-8")
    report = tmp_path / "r.json"
    code, out, err = cli("run", path, "--env-var", "clientSecret=app secret", "-r", "cli,json",
                         "--reporter-json-export", report)
    assert code == 0, out + err
    text = out + err + report.read_text(encoding="utf-8")
    assert endpoint.issued[0] not in text and "app secret" not in text and "refresh-1" not in text


def test_dry_run_does_not_fetch_and_says_so(api, tmp_path, cli) -> None:
    endpoint = TokenEndpoint(api)
    path = tmp_path / "d.json"
    path.write_text(json.dumps(make_collection([make_item("O", url=f"{api.url}/api", auth=oauth2(api))])),
                    encoding="utf-8")
    code, out, err = cli("run", path, "--dry-run", "--env-var", "clientSecret=app secret")
    assert not endpoint.requests and not api.seen
    assert "fetched only when the run sends" in out + err


def test_an_unresolved_token_variable_falls_back_to_the_grant(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api)
    auth = oauth2(api, accessToken="{{accessToken}}")
    accepted(replay(tmp_path, auth, f"{api.url}/api", env={"clientSecret": "app secret"}), api)
    assert len(endpoint.issued) == 1


def test_validate_counts_a_grant_item_as_sendable(api, tmp_path, cli) -> None:
    path = tmp_path / "v.json"
    path.write_text(json.dumps(make_collection([make_item("O", url=f"{api.url}/api", auth=oauth2(api))])),
                    encoding="utf-8")
    code, out, err = cli("validate", path, "--env-var", "clientSecret=s")
    assert code == 0, out + err
    assert not api.seen


def test_curl_prints_the_signed_request_masked(api, tmp_path, cli) -> None:
    auth = block("oauth1", consumerKey="ck", consumerSecret="cs-value", addParamsToHeader=False)
    path = tmp_path / "c.json"
    path.write_text(json.dumps(make_collection([make_item("O", url=f"{api.url}/api?x=1", auth=auth)])),
                    encoding="utf-8")
    code, out, err = cli("curl", path, "--item", "O")
    assert code == 0, out + err
    assert "oauth_consumer_key=ck" in out and "oauth_signature=****" in out and "cs-value" not in out


@pytest.mark.parametrize("auth", [
    block("oauth1", consumerKey="k", signatureMethod="RSA-SHA256", privateKey="-----BEGIN PRIVATE KEY-----x-----END PRIVATE KEY-----"),
    block("jwt", algorithm="RS256", privateKey="not a key"),
    block("asap", kid="k", iss="i", aud="a", privateKey="not a key"),
])
def test_a_malformed_private_key_is_an_item_error(api, tmp_path, auth) -> None:
    [result] = replay(tmp_path, auth, f"{api.url}/x")
    assert result.outcome == "error" and "privateKey" in (result.hint or "") and not api.seen


def test_oauth1_rsa_key_without_newlines(api, tmp_path, rsa_key) -> None:
    api.check = check_oauth1("", public_key=rsa_key.public_key())
    flat = "".join(pem(rsa_key).splitlines())
    accepted(replay(tmp_path, block("oauth1", consumerKey="k", privateKey=flat, signatureMethod="RSA-SHA1",
                                    addParamsToHeader=True), f"{api.url}/r"), api)


def test_a_file_body_is_signed_when_send_reads_it(api, tmp_path) -> None:
    api.check = check_awsv4("AK", "SK", "us-east-1", "s3")
    (tmp_path / "payload.bin").write_bytes(bytes(range(256)) * 4)
    body = {"mode": "file", "file": {"src": "payload.bin"}}
    auth = block("awsv4", accessKey="AK", secretKey="SK", service="s3")
    [result] = replay(tmp_path, auth, f"{api.url}/bucket/payload.bin", method="PUT", body=body)
    accepted([result], api)
    assert api.seen[-1].body == bytes(range(256)) * 4 and any("signed when sent" in n for n in result.notes)


def test_a_multipart_body_is_hashed_by_hawk_when_sent(api, tmp_path) -> None:
    credentials = {"id": "id1", "key": "k" * 20, "algorithm": "sha256"}
    api.check = check_hawk(api.url, credentials, payload=True)
    (tmp_path / "a.txt").write_text("attached", encoding="utf-8")
    body = {"mode": "formdata", "formdata": [{"key": "note", "value": "hello", "type": "text"},
                                             {"key": "file", "src": "a.txt", "type": "file"}]}
    auth = block("hawk", authId="id1", authKey="k" * 20, includePayloadHash=True)
    accepted(replay(tmp_path, auth, f"{api.url}/upload", method="POST", body=body), api)
    assert b"attached" in api.seen[-1].body and 'hash="' in (api.seen[-1].header("Authorization") or "")


def test_edgegrid_base_url_names_the_signed_host(api, tmp_path) -> None:
    api.check = check_edgegrid("ct", "cs", "at", host="akaa-base.luna.akamaiapis.net")
    auth = block("edgegrid", accessToken="at", clientToken="ct", clientSecret="cs",
                 baseURL="https://akaa-base.luna.akamaiapis.net/")
    accepted(replay(tmp_path, auth, f"{api.url}/identity-management/v3/user-profile"), api)


SECRET_VALUES = {
    "oauth1": block("oauth1", consumerKey="ck", consumerSecret="oauth1-consumer-secret", token="tk",
                    tokenSecret="oauth1-token-secret", addParamsToHeader=False),
    "hawk": block("hawk", authId="id", authKey="hawk-key-value"),
    "awsv4": block("awsv4", accessKey="AK", secretKey="aws-secret-key-value", sessionToken="aws-session-token-value"),
    "edgegrid": block("edgegrid", accessToken="akab-access-value", clientToken="akab-client-value",
                      clientSecret="edgegrid-secret-value"),
    "jwt": block("jwt", algorithm="HS256", secret="jwt-0123456789abcdef-0123456789-secret"),
    "ntlm": block("ntlm", username="u", password="ntlm-password-value"),
}


@pytest.mark.parametrize("kind", sorted(SECRET_VALUES))
def test_dry_run_and_curl_mask_every_secret_field(api, tmp_path, cli, kind) -> None:
    auth = SECRET_VALUES[kind]
    path = tmp_path / "s.json"
    path.write_text(json.dumps(make_collection([make_item("S", url=f"{api.url}/s?x=1", auth=auth)])),
                    encoding="utf-8")
    _, dry, dry_err = cli("run", path, "--dry-run")
    _, curl, curl_err = cli("curl", path, "--item", "S")
    _, python, _ = cli("curl", path, "--item", "S", "--format", "python")
    text = dry + dry_err + curl + curl_err + python
    secrets = [r["value"] for r in auth[kind] if isinstance(r["value"], str) and r["value"].endswith(("value", "secret"))]
    assert secrets and not [s for s in secrets if s in text], text
    assert "****" in curl and not api.seen


@pytest.mark.parametrize("extra, words", [
    ({"clientId": ""}, ("clientId", "--env-var clientId=")),
    ({"grant_type": "authorization_code"}, ("browser", "--env-var accessToken=")),
    ({"grant_type": "device_code"}, ("device_code", "--env-var accessToken=")),
])
def test_an_incomplete_grant_is_an_item_error_naming_the_fix(api, tmp_path, extra, words) -> None:
    TokenEndpoint(api)
    [result] = replay(tmp_path, oauth2(api, **extra), f"{api.url}/api", env={"clientSecret": "app secret"})
    text = (result.error or "") + " " + (result.hint or "")
    assert result.outcome == "error" and all(w in text for w in words), text
    assert not api.seen


def test_token_request_params_go_where_send_as_says(api, tmp_path) -> None:
    endpoint = TokenEndpoint(api)
    seen_token_requests: list[Seen] = []
    original = endpoint.answer

    def record(seen: Seen) -> tuple[int, dict]:
        seen_token_requests.append(seen)
        return original(seen)

    api.answers["/oauth/token"] = record
    auth = oauth2(api)
    auth["oauth2"].append({"key": "tokenRequestParams", "value": [
        {"key": "tenant", "value": "{{tenant}}", "enabled": True, "send_as": "request_body"},
        {"key": "X-Tenant", "value": "t1", "enabled": True, "send_as": "request_header"},
        {"key": "region", "value": "eu", "enabled": True, "send_as": "request_url"},
        {"key": "off", "value": "x", "enabled": False, "send_as": "request_body"},
    ]})
    accepted(replay(tmp_path, auth, f"{api.url}/api", env={"clientSecret": "app secret", "tenant": "t1"}), api)
    [token_request] = seen_token_requests
    assert endpoint.requests[0]["tenant"] == "t1" and "off" not in endpoint.requests[0]
    assert token_request.header("X-Tenant") == "t1" and token_request.query == "region=eu"
