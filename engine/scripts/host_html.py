"""cheerio's document and query side: lxml parses, cssselect turns selectors into XPath.

A loaded document lives here under a number; the script holds node numbers (the JS side of
lib/cheerio.js builds cheerio's selection and element objects from them). Elements get their
number at load, in document order; text nodes (lxml keeps text as `.text`/`.tail`) get theirs
when first asked for. Documents are kept for the most recent loads only, so a run's memory
stays bounded however many responses its scripts parse.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Any, Callable

from .host import HostError

_MAX_DOCUMENTS = 32
_DOCS: OrderedDict[int, "_Document"] = OrderedDict()
_LOCK = threading.Lock()
_NEXT = [0]


class _Document:
    def __init__(self, root: Any, xml: bool) -> None:
        self.root = root
        self.xml = xml
        self.nodes: list[Any] = []  # an element, or ("text", owner, "text"|"tail")
        self.ids: dict[Any, int] = {}
        for element in root.iter():
            self.ids[element] = len(self.nodes)
            self.nodes.append(element)
        self.text_ids: dict[tuple[int, str], int] = {}

    def node(self, node_id: int) -> Any:
        if not isinstance(node_id, int) or not 0 <= node_id < len(self.nodes):
            raise HostError("cheerio: this element belongs to a document that is gone (load it again)", "Error")
        return self.nodes[node_id]

    def element_id(self, element: Any) -> int:
        found = self.ids.get(element)
        if found is None:
            raise HostError("cheerio: internal node lookup failed", "Error")
        return found

    def text_id(self, owner: Any, where: str) -> int:
        key = (self.element_id(owner), where)
        found = self.text_ids.get(key)
        if found is None:
            found = self.text_ids[key] = len(self.nodes)
            self.nodes.append(("text", owner, where))
        return found


def _document(doc_id: int) -> _Document:
    with _LOCK:
        doc = _DOCS.get(doc_id)
        if doc is None:
            raise HostError("cheerio: this document is gone (more than 32 documents were loaded since); load it again", "Error")
        _DOCS.move_to_end(doc_id)
        return doc


def load(markup: str, xml_mode: bool) -> int:
    import lxml.etree  # type: ignore[import-untyped, unused-ignore]
    import lxml.html  # type: ignore[import-untyped, unused-ignore]

    text = str(markup or "")
    if xml_mode:
        parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
        root = lxml.etree.Element("cheerio-root")
        body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        try:
            fragment = lxml.etree.fromstring(f"<cheerio-root>{body}</cheerio-root>", parser)
        except lxml.etree.XMLSyntaxError as exc:
            raise HostError(f"cheerio: {exc}", "Error") from None
        if fragment is not None:
            root = fragment
    else:
        root = lxml.html.Element("cheerio-root")
        if re.search(r"<html[\s>]", text, re.IGNORECASE) or re.search(r"<!doctype", text, re.IGNORECASE):
            if text.strip():
                root.append(lxml.html.document_fromstring(text))
        elif text.strip():
            parts = lxml.html.fragments_fromstring(text)
            if parts and isinstance(parts[0], str):
                root.text = parts.pop(0)
            for part in parts:
                root.append(part)
        elif text:
            root.text = text
    with _LOCK:
        _NEXT[0] += 1
        doc_id = _NEXT[0]
        _DOCS[doc_id] = _Document(root, xml_mode)
        while len(_DOCS) > _MAX_DOCUMENTS:
            _DOCS.popitem(last=False)
    return doc_id


# ---- selectors ------------------------------------------------------------------------------

_COMPILED: dict[tuple[str, bool], Any] = {}
_UNQUOTED = re.compile(r"\[\s*([^\]=~|^$*!\s\"']+)\s*([~|^$*!]?=)\s*([^\]\"'\s]+)\s*\]")


def _matcher(selector: str, xml: bool) -> Any:
    import lxml.etree  # type: ignore[import-untyped, unused-ignore]
    from cssselect import GenericTranslator, HTMLTranslator, SelectorError

    key = (selector, xml)
    compiled = _COMPILED.get(key)
    if compiled is None:
        class CheerioTranslator(HTMLTranslator):  # type: ignore[misc]
            # names compare without case, as in HTML; :contains() keeps case, as in cheerio
            xpath_contains_function = GenericTranslator.xpath_contains_function

        translator = GenericTranslator() if xml else CheerioTranslator()
        # cheerio takes unquoted attribute values that CSS does not ([id=2]): quote them
        css = _UNQUOTED.sub(lambda m: f'[{m.group(1)}{m.group(2)}"{m.group(3)}"]', selector)
        try:
            compiled = lxml.etree.XPath(translator.css_to_xpath(css))
        except SelectorError as exc:
            raise HostError(f"cheerio: {selector!r} is not a selector this engine understands ({exc})", "SyntaxError") from None
        if len(_COMPILED) > 512:
            _COMPILED.clear()
        _COMPILED[key] = compiled
    return compiled


def _elements(doc: _Document, ids: list[int]) -> list[Any]:
    return [n for n in (doc.node(i) for i in ids) if not isinstance(n, tuple)]


def _sorted_ids(doc: _Document, elements: list[Any]) -> list[int]:
    return sorted({doc.element_id(e) for e in elements if e in doc.ids and e is not doc.root})


def _is_element(node: Any) -> bool:
    return not isinstance(node, tuple) and isinstance(node.tag, str)


def select(doc_id: int, selector: str, context: list[int] | None) -> list[int]:
    doc = _document(doc_id)
    matcher = _matcher(str(selector), doc.xml)
    if context is None:
        return _sorted_ids(doc, [e for e in matcher(doc.root) if e is not doc.root])
    found: list[Any] = []
    for element in _elements(doc, context):
        found += [e for e in matcher(element) if e is not element]
    return _sorted_ids(doc, found)


class _Matching:
    """Whether elements match a selector: the document's matches, found once per call."""

    def __init__(self, doc: _Document, selector: str | None) -> None:
        self.all = selector is None
        self.found = set() if selector is None else set(_matcher(str(selector), doc.xml)(doc.root))

    def __call__(self, element: Any) -> bool:
        return self.all or (_is_element(element) and element in self.found)


def filter_ids(doc_id: int, ids: list[int], selector: str, keep: bool) -> list[int]:
    doc = _document(doc_id)
    matching = _Matching(doc, selector)
    return [i for i in ids if matching(doc.node(i)) == keep]


def has(doc_id: int, ids: list[int], selector: str) -> list[int]:
    doc = _document(doc_id)
    matcher = _matcher(str(selector), doc.xml)
    return [i for i in ids if _is_element(doc.node(i)) and any(e is not doc.node(i) for e in matcher(doc.node(i)))]


# ---- traversal ------------------------------------------------------------------------------

def _walk(doc_id: int, ids: list[int], selector: str | None, step: Callable[[Any], list[Any]]) -> list[int]:
    doc = _document(doc_id)
    matching = _Matching(doc, selector)
    out: list[Any] = []
    for element in _elements(doc, ids):
        out += [e for e in step(element) if _is_element(e) and e is not doc.root and matching(e)]
    return _sorted_ids(doc, out)


def children(doc_id: int, ids: list[int], selector: str | None) -> list[int]:
    return _walk(doc_id, ids, selector, lambda e: list(e))


def parent(doc_id: int, ids: list[int], selector: str | None) -> list[int]:
    return _walk(doc_id, ids, selector, lambda e: [e.getparent()] if e.getparent() is not None else [])


def parents(doc_id: int, ids: list[int], selector: str | None) -> list[int]:
    doc = _document(doc_id)
    matching = _Matching(doc, selector)
    out: list[int] = []
    for element in _elements(doc, ids):
        for ancestor in element.iterancestors():
            if ancestor is not doc.root and matching(ancestor):
                found = doc.element_id(ancestor)
                if found not in out:
                    out.append(found)
    return out  # nearest first, as cheerio gives them


def closest(doc_id: int, ids: list[int], selector: str) -> list[int]:
    doc = _document(doc_id)
    matching = _Matching(doc, selector)
    out: list[int] = []
    for element in _elements(doc, ids):
        for candidate in [element, *element.iterancestors()]:
            if candidate is not doc.root and matching(candidate):
                found = doc.element_id(candidate)
                if found not in out:
                    out.append(found)
                break
    return out


def _element_siblings(element: Any, forward: bool) -> list[Any]:
    return [s for s in (element.itersiblings() if forward else element.itersiblings(preceding=True)) if _is_element(s)]


def next_ids(doc_id: int, ids: list[int], selector: str | None, every: bool) -> list[int]:
    def step(e: Any) -> list[Any]:
        found = _element_siblings(e, True)
        return found if every else found[:1]
    return _walk(doc_id, ids, selector, step)


def prev_ids(doc_id: int, ids: list[int], selector: str | None, every: bool) -> list[int]:
    def step(e: Any) -> list[Any]:
        found = _element_siblings(e, False)
        return found if every else found[:1]
    return _walk(doc_id, ids, selector, step)


def siblings(doc_id: int, ids: list[int], selector: str | None) -> list[int]:
    return _walk(doc_id, ids, selector, lambda e: _element_siblings(e, False) + _element_siblings(e, True))


def contents(doc_id: int, ids: list[int]) -> list[int]:
    """Child nodes, text included (comments too), in order."""
    doc = _document(doc_id)
    out: list[int] = []
    for element in _elements(doc, ids):
        if element.text:
            out.append(doc.text_id(element, "text"))
        for child in element:
            out.append(doc.element_id(child))
            if child.tail:
                out.append(doc.text_id(child, "tail"))
    return out


# ---- content --------------------------------------------------------------------------------

def _text_of(node: Any) -> str:
    if isinstance(node, tuple):
        _, owner, where = node
        return str((owner.text if where == "text" else owner.tail) or "")
    if not isinstance(node.tag, str):  # a comment or processing instruction
        return ""
    parts = [node.text or ""]
    for child in node:
        parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def text(doc_id: int, ids: list[int]) -> str:
    doc = _document(doc_id)
    return "".join(_text_of(doc.node(i)) for i in ids)


def _serialise(doc: _Document, node: Any) -> str:
    import lxml.etree  # type: ignore[import-untyped, unused-ignore]
    import lxml.html  # type: ignore[import-untyped, unused-ignore]

    if isinstance(node, tuple):
        return _escape(_text_of(node))
    if node is doc.root:
        return _inner(doc, node)
    if doc.xml:
        return str(lxml.etree.tostring(node, encoding="unicode", with_tail=False))
    return str(lxml.html.tostring(node, encoding="unicode", with_tail=False))


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inner(doc: _Document, element: Any) -> str:
    parts = [_escape(element.text or "")]
    for child in element:
        parts.append(_serialise(doc, child))
        parts.append(_escape(child.tail or ""))
    return "".join(parts)


def html(doc_id: int, ids: list[int] | None, outer: bool) -> str | None:
    """Inner HTML of the first node (cheerio's .html()), or the outer HTML of them all ($.html(x))."""
    doc = _document(doc_id)
    if ids is None:
        prefix = ""
        if not doc.xml and len(doc.root) and doc.root[0].tag == "html":
            doctype = doc.root[0].getroottree().docinfo.doctype
            prefix = doctype or ""
        return prefix + _inner(doc, doc.root)
    if outer:
        return "".join(_serialise(doc, doc.node(i)) for i in ids)
    if not ids:
        return None
    node = doc.node(ids[0])
    return _inner(doc, node) if _is_element(node) else None


def info(doc_id: int, ids: list[int]) -> list[dict[str, Any]]:
    """What cheerio's element objects carry: type, name, attribs (text nodes: data)."""
    doc = _document(doc_id)
    out: list[dict[str, Any]] = []
    for i in ids:
        node = doc.node(i)
        if isinstance(node, tuple):
            out.append({"id": i, "type": "text", "data": _text_of(node)})
        elif not isinstance(node.tag, str):
            out.append({"id": i, "type": "comment", "data": str(node.text or "")})
        else:
            name = str(node.tag)
            kind = name if name in ("script", "style") and not doc.xml else ("root" if node is doc.root else "tag")
            out.append({"id": i, "type": kind, "name": name, "attribs": {str(k): str(v) for k, v in node.attrib.items()}})
    return out


def value(doc_id: int, ids: list[int]) -> Any:
    """jQuery's .val() for the first element: input value, textarea text, select's selected option(s)."""
    doc = _document(doc_id)
    elements = [e for e in _elements(doc, ids) if _is_element(e)]
    if not elements:
        return None
    element = elements[0]
    if element.tag == "select":
        chosen = [o for o in element.iter("option") if o.get("selected") is not None]
        values = [o.get("value", _text_of(o)) for o in chosen]
        if element.get("multiple") is not None:
            return values
        if values:
            return values[0]
        first = next(iter(element.iter("option")), None)
        return first.get("value", _text_of(first)) if first is not None else None
    if element.tag == "textarea":
        return _text_of(element)
    if element.tag == "option":
        return element.get("value", _text_of(element))
    return element.get("value")
