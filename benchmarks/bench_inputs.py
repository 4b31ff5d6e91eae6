"""What the other input forms cost to load, next to the common one, measured in one run.

The same generated collection (OpenAPI-converter style, `--items` items in 20 folders) is loaded
whole (`load_collection(..., stream=False)`) as v2.1 UTF-8 JSON, as v2.1 UTF-16 LE with a BOM and as
Collection v1 (written from the same items); and a CSV data file of `--rows` rows is read by the
engine (Newman's CSV rules: trimming, quotes, typed numbers; one row in ten quotes a value) next to the standard library's
`csv.reader`. Median of `--repeat` rounds, variants interleaved. Prints ratios; asserts nothing.

    python benchmarks/bench_inputs.py [--items 5000] [--rows 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import collections_gen, median, timed  # noqa: E402


def as_v1(document: dict) -> dict:
    """The same folders and requests in the v1 layout: `folders` with `order`, `requests` by id."""
    folders, requests = [], []
    for f, folder in enumerate(document["item"]):
        order = []
        for n, item in enumerate(folder["item"]):
            request = item["request"]
            url = request["url"]["raw"] if isinstance(request["url"], dict) else request["url"]
            rid = f"r{f}-{n}"
            order.append(rid)
            requests.append({
                "id": rid, "name": item["name"], "method": request["method"], "url": url,
                "headers": "".join(f"{h['key']}: {h['value']}\n" for h in request.get("header", [])),
                "pathVariableData": (request["url"].get("variable", []) if isinstance(request["url"], dict) else []),
                "responses": [{"id": f"{rid}-x{k}", "name": r.get("name"), "responseCode": {"code": r.get("code")},
                               "headers": r.get("header", []), "text": r.get("body")}
                              for k, r in enumerate(item.get("response", []))],
            })
        folders.append({"id": f"f{f}", "name": folder["name"], "order": order})
    return {"id": "c", "name": document["info"]["name"], "order": [], "folders": folders,
            "folders_order": [f["id"] for f in folders], "requests": requests, "variables": document["variable"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from engine.data import load_iteration_data
    from engine.load import load_collection

    document = collections_gen.generate(args.items)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = {
            "v2.1 UTF-8": root / "c8.json",
            "v2.1 UTF-16 LE + BOM": root / "c16.json",
            "v1 UTF-8": root / "v1.json",
        }
        text = json.dumps(document)
        files["v2.1 UTF-8"].write_text(text, encoding="utf-8")
        files["v2.1 UTF-16 LE + BOM"].write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
        files["v1 UTF-8"].write_text(json.dumps(as_v1(document)), encoding="utf-8")
        data = root / "rows.csv"
        data.write_text("id,name,zip,note\n" + "".join(  # one row in ten quotes a value
            f'{n}, user {n} ,0{n % 9000},' + ('"a, ""quoted"" note"\n' if n % 10 == 0 else "plain note\n")
            for n in range(args.rows)), encoding="utf-8")
        csv_text = data.read_text(encoding="utf-8")

        times: dict[str, list[float]] = {name: [] for name in [*files, "CSV engine", "CSV stdlib"]}
        counts = {}
        for _ in range(args.repeat):
            for name, path in files.items():
                wall, _cpu, collection = timed(lambda p=path: load_collection(p, stream=False))
                times[name].append(wall)
                counts[name] = sum(1 for _ in collection.walk())  # type: ignore[attr-defined]
            wall, _cpu, rows = timed(lambda: load_iteration_data(data))
            times["CSV engine"].append(wall)
            wall, _cpu, _ = timed(lambda: list(csv.DictReader(io.StringIO(csv_text))))
            times["CSV stdlib"].append(wall)

    base = median(times["v2.1 UTF-8"])
    print(f"load_collection, {args.items} items, median of {args.repeat}:")
    for name in files:
        print(f"  {name:<22} {median(times[name]) * 1000:8.0f} ms  ×{median(times[name]) / base:.2f}  "
              f"({counts[name]} items)")
    engine, stdlib = median(times["CSV engine"]), median(times["CSV stdlib"])
    print(f"CSV data, {args.rows} rows: engine {engine * 1000:.0f} ms, csv.DictReader {stdlib * 1000:.0f} ms, "
          f"×{engine / stdlib:.2f} (rows read: {len(rows)})")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
