"""What each auth type costs: resolve time per item (signing included) next to noauth, measured in
the same run, and the one-off import of the type's signing library in a fresh interpreter.

    python benchmarks/bench_auth.py [--items N]

Resolve is pure, so no server is needed; sending costs the same for every type except the
challenge types (digest, ntlm), whose extra round trips are the server's, not ours.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

from engine.model import Auth, Collection, Item, Located, Request, Url  # noqa: E402
from engine.resolve import resolve  # noqa: E402
from engine.variables import Scopes  # noqa: E402

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()

TYPES: dict[str, dict[str, object]] = {
    "noauth": {},
    "bearer": {"token": "t0ken"},
    "oauth1 HMAC-SHA1": {"consumerKey": "ck", "consumerSecret": "cs", "addParamsToHeader": True},
    "oauth1 RSA-SHA256": {"consumerKey": "ck", "privateKey": KEY, "signatureMethod": "RSA-SHA256"},
    "hawk": {"authId": "id", "authKey": "key"},
    "awsv4": {"accessKey": "AK", "secretKey": "SK"},
    "edgegrid": {"accessToken": "a", "clientToken": "c", "clientSecret": "s"},
    "jwt HS256": {"algorithm": "HS256", "secret": "s" * 32, "payload": '{"sub": "x"}'},
    "jwt RS256": {"algorithm": "RS256", "privateKey": KEY, "payload": '{"sub": "x"}'},
    "asap": {"kid": "k", "iss": "i", "aud": "a", "privateKey": KEY},
}
IMPORTS = {"oauth1": "oauthlib.oauth1.rfc5849.signature", "hawk": "mohawk", "awsv4": "botocore.auth",
           "edgegrid": "akamai.edgegrid.edgegrid", "jwt/asap": "jwt", "ntlm": "requests_ntlm"}


def per_item_us(label: str, fields: dict[str, object], items: int) -> float:
    kind = label.split()[0]
    auth = None if kind == "noauth" else Auth(kind, tuple(fields.items()))
    request = Request("POST", Url("http://api.test/v1/things/42?q=1"), body=None, auth=auth)
    located = Located(Item("I", request))
    collection = Collection("c", (located.item,))
    scopes = Scopes.build()
    resolve(located, collection, scopes)  # warm: imports the signing library once
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(items):
            resolve(located, collection, scopes)
        runs.append((time.perf_counter() - start) / items * 1e6)
    return statistics.median(runs)


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    args = parser.parse_args()
    base = per_item_us("noauth", {}, args.items)
    print(f"resolve per item, median of 3 × {args.items} (signing included); ratio to noauth in this run")
    for label, fields in TYPES.items():
        cost = base if label == "noauth" else per_item_us(label, fields, args.items)
        print(f"  {label:<20} {cost:8.1f} µs   ×{cost / base:5.2f}")
    print("one-off import of the signing library (fresh interpreter)")
    for kind, module in IMPORTS.items():
        print(f"  {kind:<20} {import_ms(module):8.1f} ms   ({module})")


if __name__ == "__main__":
    main()
