"""TLS against a real HTTPS loopback server whose certificate comes from a private CA (trustme).

Verification is on by default, so the first run fails with an item error that names the fix;
each of the fixes (`--ca-cert`, `-k`, `strictSSL: false`) then makes the same item pass. A second
server requires a client certificate: `--ssl-client-cert/--ssl-client-key` must reach it.
"""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

import trustme  # the test extra's private CA

from conftest import ROOT
from factory import example, make_item
from servers import RecordingServer, emptied, serving


@pytest.fixture(scope="module")
def ca() -> "trustme.CA":
    return trustme.CA()


@pytest.fixture(scope="module")
def pems(ca, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The CA certificate and a client certificate + key, as files the command line can name."""
    folder = tmp_path_factory.mktemp("tls")
    client = ca.issue_cert("client.replay.test")
    files = {"ca": folder / "ca.pem", "client_cert": folder / "client.pem", "client_key": folder / "client.key"}
    ca.cert_pem.write_to_path(str(files["ca"]))
    client.cert_chain_pems[0].write_to_path(str(files["client_cert"]))
    client.private_key_pem.write_to_path(str(files["client_key"]))
    return files


def _server_context(ca, client_required: bool) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    if client_required:
        ca.configure_trust(context)
        context.verify_mode = ssl.CERT_REQUIRED
    return context


@pytest.fixture(scope="module")
def _https_module(ca) -> Iterator[RecordingServer]:
    yield from serving(RecordingServer(_server_context(ca, client_required=False)))


@pytest.fixture(scope="module")
def _mtls_module(ca) -> Iterator[RecordingServer]:
    yield from serving(RecordingServer(_server_context(ca, client_required=True)))


@pytest.fixture
def https(_https_module: RecordingServer) -> Iterator[RecordingServer]:
    yield from emptied(_https_module)


@pytest.fixture
def mtls(_mtls_module: RecordingServer) -> Iterator[RecordingServer]:
    yield from emptied(_mtls_module)


def secure_item(write_collection, server: RecordingServer, **extra) -> Path:
    server.route("/secure", 200, '{"ok": true}', {"Content-Type": "application/json"})
    return write_collection(
        [make_item("Secure", "GET", "{{baseUrl}}/secure",
                   responses=[example(200, '{"ok": true}', "application/json")], **extra)],
        variable=[{"key": "baseUrl", "value": server.url}],
    )


def run_json(cli, tmp_path: Path, path: Path, *extra: object) -> tuple[int, str, str, dict]:
    report = tmp_path / "report.json"
    code, out, err = cli("run", path, "-r", "cli,json", "--reporter-json-export", report, *extra)
    return code, out, err, json.loads(report.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- server verification


def test_https_server_url_is_https(https) -> None:
    assert https.url.startswith("https://127.0.0.1:")


def test_private_ca_is_an_item_error_naming_the_fix(https, cli, write_collection, tmp_path) -> None:
    code, out, err, doc = run_json(cli, tmp_path, secure_item(write_collection, https))
    assert code == 1
    (result,) = doc["results"]
    assert result["outcome"] == "error"
    assert "TLS problem" in result["error"] and f"127.0.0.1:{https.port}" in result["error"]
    # the cause in words, not only OpenSSL's code, and without its source line
    assert "certificate verify failed" in result["error"]
    assert "_ssl.c" not in result["error"]
    assert "--ca-cert FILE" in result["hint"] and "-k" in result["hint"]
    assert https.requests == []  # the handshake failed: no request was ever read
    assert "--ca-cert FILE" in out and "Traceback" not in out + err


def test_ca_cert_option_makes_it_pass(https, cli, write_collection, tmp_path, pems) -> None:
    code, out, err, doc = run_json(cli, tmp_path, secure_item(write_collection, https), "--ca-cert", pems["ca"])
    assert code == 0, out
    assert doc["results"][0]["outcome"] == "passed"
    assert https.only().path == "/secure"


def test_ssl_extra_ca_certs_adds_the_private_ca_to_the_usual_ones(https, cli, write_collection, tmp_path,
                                                                 pems) -> None:
    """Newman's flag: the private CA is trusted besides the usual bundle (which must still be read:
    the combined file starts with it), not instead of it as --ca-cert."""
    code, out, err, doc = run_json(cli, tmp_path, secure_item(write_collection, https),
                                   "--ssl-extra-ca-certs", pems["ca"])
    assert code == 0, out + err
    assert doc["results"][0]["outcome"] == "passed"

    from engine.send import Sender, SendOptions

    sender = Sender(SendOptions(extra_ca_certs=str(pems["ca"])))
    try:
        bundle = Path(sender._ca_bundle()).read_bytes()
    finally:
        sender.close()
    import certifi

    assert bundle.startswith(Path(certifi.where()).read_bytes()) and pems["ca"].read_bytes() in bundle


@pytest.mark.parametrize("flag", ["-k", "--insecure"])
def test_insecure_flag_makes_it_pass(https, cli, write_collection, tmp_path, flag: str) -> None:
    code, out, err, doc = run_json(cli, tmp_path, secure_item(write_collection, https), flag)
    assert code == 0, out
    assert doc["results"][0]["outcome"] == "passed"
    assert https.only().path == "/secure"


def test_strict_ssl_false_on_the_item_makes_it_pass(https, cli, write_collection, tmp_path) -> None:
    path = secure_item(write_collection, https, protocolProfileBehavior={"strictSSL": False})
    code, out, err, doc = run_json(cli, tmp_path, path)
    assert code == 0, out
    assert doc["results"][0]["outcome"] == "passed"


def test_strict_ssl_false_on_the_collection_makes_it_pass(https, cli, write_collection, tmp_path) -> None:
    https.route("/secure", 200, "ok")
    path = write_collection(
        [make_item("Secure", "GET", "{{baseUrl}}/secure", responses=[example(200)])],
        variable=[{"key": "baseUrl", "value": https.url}],
        protocolProfileBehavior={"strictSSL": False},
    )
    code, out, err, doc = run_json(cli, tmp_path, path)
    assert code == 0, out


def test_strict_ssl_false_on_one_item_leaves_the_others_verified(https, cli, write_collection, tmp_path) -> None:
    https.route("/secure", 200, "ok")
    path = write_collection(
        [
            make_item("Lenient", "GET", "{{baseUrl}}/secure", responses=[example(200)],
                      protocolProfileBehavior={"strictSSL": False}),
            make_item("Strict", "GET", "{{baseUrl}}/secure", responses=[example(200)]),
        ],
        variable=[{"key": "baseUrl", "value": https.url}],
    )
    code, out, err, doc = run_json(cli, tmp_path, path)
    assert code == 1
    assert [r["outcome"] for r in doc["results"]] == ["passed", "error"]
    assert "--ca-cert FILE" in doc["results"][1]["hint"]


def test_insecure_run_prints_no_python_warnings(https, write_collection, tmp_path) -> None:
    """The user chose -k; urllib3's InsecureRequestWarning per request is noise on their terminal."""
    path = secure_item(write_collection, https)
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "run", str(path), "-k"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Warning" not in done.stderr
    assert "✓ status" in done.stdout


# ---------------------------------------------------------------- client certificates


def test_client_certificate_reaches_a_server_that_requires_one(mtls, cli, write_collection, tmp_path, pems) -> None:
    path = secure_item(write_collection, mtls)
    code, out, err, doc = run_json(
        cli, tmp_path, path, "--ca-cert", pems["ca"],
        "--ssl-client-cert", pems["client_cert"], "--ssl-client-key", pems["client_key"],
    )
    assert code == 0, out
    received = mtls.only()
    assert received.peer_cert is not None
    names = [value for kind, value in received.peer_cert.get("subjectAltName", ())]
    assert "client.replay.test" in names


def test_an_encrypted_client_key_opens_with_its_passphrase(mtls, cli, write_collection, tmp_path, pems) -> None:
    """Newman's --ssl-client-passphrase: the key is decrypted once for the run, into a 0600 file
    that is gone afterwards; a wrong passphrase exits 2 before anything is sent."""
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pems["client_key"].read_bytes(), password=None)
    locked = tmp_path / "locked.key"
    locked.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.BestAvailableEncryption(b"s3same")))
    path = secure_item(write_collection, mtls)
    tls = ("--ca-cert", pems["ca"], "--ssl-client-cert", pems["client_cert"], "--ssl-client-key", locked)
    code, out, err, _ = run_json(cli, tmp_path, path, *tls, "--ssl-client-passphrase", "s3same")
    assert code == 0, out + err
    assert "client.replay.test" in [value for _, value in mtls.only().peer_cert.get("subjectAltName", ())]
    assert "s3same" not in out + err

    mtls.reset()
    code, out, err = cli("run", path, *tls, "--ssl-client-passphrase", "wrong")
    assert code == 2 and mtls.requests == []
    assert "cannot be decrypted with this passphrase" in err and str(locked) in err


def test_a_client_certificate_list_picks_the_certificate_by_url(mtls, cli, write_collection, tmp_path, pems) -> None:
    """Newman's --ssl-client-cert-list: the first entry whose pattern matches the request's URL (a
    pattern without a port matches any port); an encrypted key opens with its entry's passphrase."""
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pems["client_key"].read_bytes(), password=None)
    locked = tmp_path / "locked.key"
    locked.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.BestAvailableEncryption(b"pw")))
    entries = [{"name": "elsewhere", "matches": ["https://elsewhere.invalid/*"],
                "cert": {"src": str(pems["client_cert"])}, "key": {"src": str(pems["client_key"])}},
               {"name": "loopback", "matches": ["https://127.0.0.1/*"],
                "cert": {"src": str(pems["client_cert"])}, "key": {"src": str(locked)}, "passphrase": "pw"}]
    listing = tmp_path / "certs.json"
    listing.write_text(json.dumps(entries), encoding="utf-8")
    path = secure_item(write_collection, mtls)
    code, out, err, _ = run_json(cli, tmp_path, path, "--ca-cert", pems["ca"], "--ssl-client-cert-list", listing)
    assert code == 0, out + err
    assert "client.replay.test" in [value for _, value in mtls.only().peer_cert.get("subjectAltName", ())]

    listing.write_text(json.dumps(entries[:1]), encoding="utf-8")  # nothing matches: no certificate is sent
    mtls.reset()
    code, out, err, doc = run_json(cli, tmp_path, path, "--ca-cert", pems["ca"], "--ssl-client-cert-list", listing)
    assert code == 1 and doc["results"][0]["outcome"] == "error" and mtls.requests == []

    listing.write_text(json.dumps([{"name": "x", "matches": [], "cert": {"src": "c.pem"}}]), encoding="utf-8")
    code, out, err = cli("run", path, "--ssl-client-cert-list", listing)
    assert code == 2 and "/0/matches" in err


def test_without_a_client_certificate_the_item_errors(mtls, cli, write_collection, tmp_path, pems) -> None:
    code, out, err, doc = run_json(cli, tmp_path, secure_item(write_collection, mtls), "--ca-cert", pems["ca"])
    assert code == 1
    (result,) = doc["results"]
    assert result["outcome"] == "error"
    assert result["response"] is None
    assert "TLS problem" in result["error"] or "closed" in result["error"], result["error"]
    assert mtls.requests == []
    assert "Traceback" not in out + err


@pytest.mark.parametrize("option", ["--ca-cert", "--ssl-client-cert", "--ssl-client-key"])
def test_missing_tls_file_exits_2_naming_it(https, cli, write_collection, tmp_path, option: str) -> None:
    missing = tmp_path / "nowhere" / f"{option.strip('-')}.pem"
    code, out, err = cli("run", secure_item(write_collection, https), option, missing)
    assert code == 2
    assert str(missing) in err
    assert "Traceback" not in out + err
    assert https.requests == []
