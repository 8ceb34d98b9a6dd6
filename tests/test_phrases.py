"""Every phrase pattern's examples: each `match` example is found by its own pattern, and no
pattern of the list finds a `no_match` example."""

from __future__ import annotations

import pytest

from checker.judge.phrases import find, phrase_lists

LISTS = phrase_lists()
CASES = [(name, p.id, text, True) for name, pl in LISTS.items() for p in pl.patterns for text in p.match]
CASES += [(name, p.id, text, False) for name, pl in LISTS.items() for p in pl.patterns for text in p.no_match]


@pytest.mark.parametrize("name,pattern,text,expected", CASES, ids=[f"{c[0]}-{c[1]}-{'match' if c[3] else 'no'}-{i}" for i, c in enumerate(CASES)])
def test_example(name, pattern, text, expected):
    hits = find(name, text)
    if expected:
        own = next(p for p in LISTS[name].patterns if p.id == pattern)
        found = own.regex.fullmatch(text) if LISTS[name].scope == "whole" else own.regex.search(text)
        assert found and not (own.unless and own.unless.search(text)), text
        assert hits, text
    else:
        assert hits == [], (text, hits)


def test_every_pattern_has_examples_both_ways():
    for name, pl in LISTS.items():
        for p in pl.patterns:
            assert p.match and p.no_match, f"{name}.{p.id}"


def test_hit_quotes_the_phrase_and_its_place():
    text = "Policy reviewed in 2024.\nOur leaflet does not yet include the definition."
    [hit] = find("gap", text)
    assert hit.phrase == "does not yet"
    assert hit.line_column(text) == (2, 13)


def test_definition_elements_examples():
    from checker.judge.phrases import definition_elements
    from checker.judge.rules.definition import DEFAULT_ELEMENTS, compare

    _, examples = definition_elements()
    for text in examples["complete"]:
        assert compare(text, DEFAULT_ELEMENTS) == [], text
    for text, element in examples["lacking"]:
        assert element in [k for k, _, _ in compare(text, DEFAULT_ELEMENTS)], (text, element)
