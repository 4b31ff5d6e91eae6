"""The XML parser behind xml2js: Python's expat, returning the document as a plain tree.

A node is {"n": name, "a": [[attribute, value], ...], "c": children}; a child is a node, a string
(character data) or {"d": text} (a CDATA section). lib/xml2js.js shapes the tree the way xml2js
documents (attributes under `$`, text under `_`, arrays, ...). expat expands no external
entity and limits entity amplification, so a hostile document costs nothing but its own size.
"""

from __future__ import annotations

from typing import Any

from .host import HostError

_MAX_DEPTH = 2000
_SAX_WORDS = {"no element found": "Unclosed root tag", "mismatched tag": "Unexpected close tag",
              "junk after document element": "Text data outside of root node.",
              "unclosed token": "Unclosed root tag"}


def parse(text: str) -> Any:
    from xml.parsers import expat

    text = str(text).lstrip("\ufeff")
    if not text.strip():
        return None
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.ordered_attributes = True
    root: dict[str, Any] = {"n": "", "a": [], "c": []}
    stack = [root]
    in_cdata = [False]

    def start(name: str, attributes: list[str]) -> None:
        if len(stack) > _MAX_DEPTH:
            raise HostError(f"the XML nests deeper than {_MAX_DEPTH} elements", "Error")
        node = {"n": name, "a": [[attributes[i], attributes[i + 1]] for i in range(0, len(attributes), 2)], "c": []}
        stack[-1]["c"].append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        children = stack[-1]["c"]
        if in_cdata[0]:
            children[-1]["d"] += chunk
        elif children and isinstance(children[-1], str):
            children[-1] += chunk
        else:
            children.append(chunk)

    def cdata_start() -> None:
        in_cdata[0] = True
        stack[-1]["c"].append({"d": ""})

    def cdata_end() -> None:
        in_cdata[0] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartCdataSectionHandler = cdata_start
    parser.EndCdataSectionHandler = cdata_end
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code] if exc.code else str(exc)
        reason = _SAX_WORDS.get(reason, reason)  # the words xml2js's parser (sax) uses, where they map
        raise HostError(f"{reason}\nLine: {exc.lineno - 1}\nColumn: {exc.offset}\nChar: ", "Error") from None
    elements = [c for c in root["c"] if isinstance(c, dict) and "n" in c]
    return elements[0] if elements else None
