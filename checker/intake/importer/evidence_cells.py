"""An Evidence cell as evidence items: one item a line.

A line that is a web address becomes a url item (with the words before it as its title); a line
that names a document and a section or page ("Complaints Policy (section 7.4)", "policy s.2.1",
"Annual report, page 5") becomes a document item with its section or page. Anything else stays
as written, a text item. Nothing is dropped: a line either becomes an item's parts or stays whole.

A line that reads as chc writes a figure item ("Stage 1 responded to in time: 48.6%") is that
figure again, so a table chc published comes back whole.

In a merged "evidence and commentary" cell, the lines that are evidence references become items
and the rest stays commentary, in order.
"""

from __future__ import annotations

import re
from typing import Any

_BULLET = re.compile(r"^(?:[•●▪◦‣∙*]|[-–—](?=\s))\s*")
_URL = r"https?://[^\s()<>\"]+[^\s()<>\".,;:!?]"
_BARE_URL = re.compile(rf"^\(?({_URL})\)?$")
_TITLED_URL = re.compile(rf"^(?P<title>.{{1,150}}?)\s*(?:[:\-–—]\s*)?[(<]?(?P<url>{_URL})[)>]?$")
# a reference at the end of a line, in brackets or after a comma: (section 7.4), , page 5
_SECTION = r"(?:section\b|sect\.|sec\.|s\.|§|para(?:graph)?\b\.?)"
_PAGE = r"(?:pages\b|page\b|pg\b\.?|pp\b\.?|p\.)"
_BRACKETED = re.compile(rf"^(?P<doc>.+?)\s*\(\s*(?:(?P<s>{_SECTION})|(?P<p>{_PAGE}))\s*(?P<ref>[^()]{{1,60}}?)\s*\)\.?$", re.I)
# the way chc's own tables write an item: "Complaints Policy v4, section 6.1, 6.3, page 12"
_COMMA = re.compile(rf"^(?P<doc>.+?),\s*(?:{_SECTION}\s*(?P<sref>.{{1,60}}?))?(?:(?:,\s*|\s+){_PAGE}\s*(?P<pref>[^,]{{1,20}}))?\.?$", re.I)
_TRAILING = re.compile(rf"^(?P<doc>.+?)[\s,;:–-]+(?:(?P<s>{_SECTION})\s*(?P<sref>\d+(?:\.\d+)*[a-z]?(?:\s*[-–]\s*\d+(?:\.\d+)*)?)"
                       rf"|(?P<p>{_PAGE})\s*(?P<pref>\d+(?:\s*[-–]\s*\d+)?))\.?$", re.I)
# A document name does not end like a sentence that goes on to cite something ("as set out in").
_NOT_A_NAME_END = {"see", "in", "at", "of", "with", "under", "to", "per", "and", "or", "our", "the", "a", "on", "by", "from", "is", "are", "its"}
_NOT_A_NAME_START = {"see", "we", "it", "this", "there", "as", "please", "refer", "also"}
MAX_NAME = 120


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a cell, without list bullets."""
    out = []
    for line in text.split("\n"):
        line = _BULLET.sub("", line.strip()).strip()
        if line:
            out.append(line)
    return out


def evidence_items(text: str) -> list[Any]:
    """Every line of an Evidence cell as an evidence item (see the module's docstring)."""
    return [reference(line) or line for line in lines_of(text)]


def split_merged(text: str) -> tuple[list[Any], str]:
    """A merged evidence-and-commentary cell: its reference lines as items, the rest as commentary."""
    items: list[Any] = []
    rest: list[str] = []
    for line in text.split("\n"):
        item = reference(_BULLET.sub("", line.strip()).strip()) if line.strip() else None
        if item is not None:
            items.append(item)
        else:
            rest.append(line.rstrip())
    return items, "\n".join(rest).strip("\n")


def _figure_pattern() -> re.Pattern:
    from ..submission import FIGURE_LABELS

    names = "|".join(re.escape(label) for label in sorted(FIGURE_LABELS.values(), key=len, reverse=True))
    return re.compile(rf"^Stage (?P<stage>[12]) (?P<label>{names}): (?P<value>-?\d+(?:\.\d+)?)(?P<unit>\S.{{0,19}})?$")


_FIGURE = _figure_pattern()


def figure(line: str) -> dict | None:
    """A figure item as chc writes it ("Stage 1 responded to in time: 48.6%"), read back."""
    from ..submission import FIGURE_LABELS

    match = _FIGURE.match(line)
    if not match:
        return None
    key = next(k for k, v in FIGURE_LABELS.items() if v == match.group("label"))
    number = match.group("value")
    item = {"figure": f"stage{match.group('stage')}.{key}", "value": float(number) if "." in number else int(number)}
    if match.group("unit"):
        item["unit"] = match.group("unit")
    return item


def reference(line: str) -> dict | None:
    """A line as a url, document or figure item, or None when it is not a reference on its own."""
    if not line:
        return None
    found = figure(line)
    if found:
        return found
    match = _BARE_URL.match(line)
    if match:
        return {"url": match.group(1)}
    match = _TITLED_URL.match(line)
    if match and "http" not in match.group("title"):
        return {"url": match.group("url"), "title": match.group("title").strip()}
    match = _BRACKETED.match(line)
    if match and _name_ok(match.group("doc")):
        return _document(match.group("doc"), "section" if match.group("s") else "page", match.group("ref"))
    match = _COMMA.match(line)
    if match and (match.group("sref") or match.group("pref")) and _name_ok(match.group("doc")):
        item = {"document": match.group("doc").strip()}
        if match.group("sref"):
            item.update(_document(item["document"], "section", match.group("sref")))
        if match.group("pref"):
            item.update(_document(item["document"], "page", match.group("pref")))
        return item
    match = _TRAILING.match(line)
    if match and _name_ok(match.group("doc")):
        if match.group("s"):
            return _document(match.group("doc"), "section", match.group("sref"))
        return _document(match.group("doc"), "page", match.group("pref"))
    return None


def _name_ok(name: str) -> bool:
    name = name.strip()
    if not name or len(name) > MAX_NAME or name.endswith((".", ",", ";", ":")):
        return False
    words = name.lower().split()
    return words[-1] not in _NOT_A_NAME_END and words[0] not in _NOT_A_NAME_START


def _document(name: str, key: str, ref: str) -> dict:
    ref = ref.strip()
    if key == "page" and ref.isdigit():
        return {"document": name.strip(), "page": int(ref)}
    return {"document": name.strip(), key: ref}
