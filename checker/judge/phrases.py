"""The phrase lists the text rules read (phrases.yaml beside this module), and where a phrase sits.

The lists are data so that a reviewer can add a phrase with its examples without touching code;
every example is run by tests/test_phrases.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..problems import Location
from ..resources import load_data_yaml

PHRASES = Path(__file__).with_name("phrases.yaml")
SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")


@dataclass(frozen=True)
class Pattern:
    id: str
    regex: re.Pattern
    unless: re.Pattern | None
    match: tuple[str, ...]
    no_match: tuple[str, ...]


@dataclass(frozen=True)
class PhraseList:
    name: str
    scope: str  # 'whole' (the whole item) or 'sentence' (anywhere in a sentence)
    what: str
    patterns: tuple[Pattern, ...]
    any: re.Pattern | None = None  # every pattern at once: most texts match none, so one pass says so


@dataclass(frozen=True)
class Hit:
    """A phrase found in a text: which pattern, the words as written, and where (0-based offsets)."""

    pattern: str
    phrase: str
    start: int
    end: int

    def line_column(self, text: str) -> tuple[int, int]:
        """1-based line and column of the phrase inside the text."""
        before = text[: self.start]
        return before.count("\n") + 1, self.start - (before.rfind("\n") + 1) + 1


@lru_cache(maxsize=1)
def _phrases_file() -> dict:
    return load_data_yaml(PHRASES)


@lru_cache(maxsize=None)
def phrase_lists() -> dict[str, PhraseList]:
    data = _phrases_file()
    out = {}
    for name, spec in data.items():
        if "patterns" not in spec:
            continue  # not a phrase list (definition_elements has its own reader)
        pats = []
        for p in spec["patterns"]:
            flags = re.IGNORECASE
            regex = re.compile(rf"(?:{p['regex']})" if spec["scope"] == "sentence" else rf"\s*(?:{p['regex']})\s*[.!]?\s*", flags)
            unless = re.compile(p["unless"], flags) if p.get("unless") else None
            pats.append(Pattern(p["id"], regex, unless, tuple(p.get("match", ())), tuple(p.get("no_match", ()))))
        joined = re.compile("|".join(f"(?:{p['regex']})" for p in spec["patterns"]), re.IGNORECASE)
        out[name] = PhraseList(name, spec["scope"], spec["what"], tuple(pats), joined)
    return out


def find(name: str, text: str) -> list[Hit]:
    """Every hit of the list `name` in `text` (for a 'whole' list, at most one: the whole text)."""
    plist = phrase_lists()[name]
    hits: list[Hit] = []
    if not text:
        return hits
    if plist.scope == "whole":
        for p in plist.patterns:
            if p.regex.fullmatch(text):
                stripped = text.strip()
                start = text.find(stripped)
                return [Hit(p.id, stripped, start, start + len(stripped))]
        return hits
    if plist.any is not None and not plist.any.search(text):
        return hits
    for sentence in SENTENCE.finditer(text):
        words = sentence.group()
        for p in plist.patterns:
            m = p.regex.search(words)
            if m and not (p.unless and p.unless.search(words)):
                hits.append(Hit(p.id, m.group(), sentence.start() + m.start(), sentence.start() + m.end()))
                break
    return hits


def first(name: str, text: str) -> Hit | None:
    hits = find(name, text)
    return hits[0] if hits else None


def place(value_location: Location, source: str, text: str, hit: Hit) -> Location:
    """Where the phrase is in the YAML file: found in the source at or after the value's position,
    allowing for folded lines; the value's own position when it cannot be placed (a spreadsheet cell)."""
    if not source or value_location.sheet or not value_location.line:
        return value_location
    lines = source.split("\n")
    if value_location.line > len(lines):
        return value_location
    offset = sum(len(line) + 1 for line in lines[: value_location.line - 1]) + max(value_location.column - 1, 0)
    words = hit.phrase.split()
    if not words:
        return value_location
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    window = source[offset: offset + 4 * len(text) + 400]
    m = pattern.search(window)
    if not m:
        return value_location
    at = offset + m.start()
    before = source[:at]
    return Location(value_location.file, before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1)


@dataclass(frozen=True)
class Element:
    id: str
    what: str
    present: tuple[re.Pattern, ...]
    narrowed: tuple[re.Pattern, ...]

    def state(self, text: str) -> tuple[str, str]:
        """('present' | 'missing' | 'narrowed', the narrowing words)."""
        for rx in self.narrowed:
            m = rx.search(text)
            if m:
                return "narrowed", m.group()
        return ("present", "") if any(rx.search(text) for rx in self.present) else ("missing", "")


@lru_cache(maxsize=None)
def definition_elements() -> tuple[dict[str, Element], dict]:
    spec = dict(_phrases_file()["definition_elements"])
    examples = spec.pop("examples")
    elements = {
        key: Element(key, e["what"], tuple(re.compile(r, re.IGNORECASE) for r in e["present"]),
                     tuple(re.compile(r, re.IGNORECASE) for r in e.get("narrowed", ())))
        for key, e in spec.items()
    }
    return elements, examples
