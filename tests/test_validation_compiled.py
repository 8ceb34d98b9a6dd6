"""The compiled submission schema (fastjsonschema's generated code, shipped with chc) never calls
valid what jsonschema would refuse: it may only make the answer "no problems" faster.

Every submission YAML the project holds (examples, golden, hostile inputs, the benchmark's mix)
and many small mutations of the bundled example go through both; wherever the compiled check
passes, jsonschema must find nothing. Mutations swap a value's type, empty it, or put in a value
the schema restricts (dates, enums, patterns, minimums, unknown keys)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from checker import validation
from checker.problems import InputError
from checker.yamlsource import YamlDocument, load_yaml_file

ROOT = Path(__file__).parent.parent
SCHEMA = "submission.schema.json"


def test_the_shipped_compiled_check_is_the_schema_s_own():
    """Edit the schema without regenerating and this fails: run `python -m checker.validation`."""
    shipped = (ROOT / "checker" / "schemas" / "submission_check.py").read_text(encoding="utf-8")
    assert f'SCHEMA_SHA256 = "{validation.schema_sha256(SCHEMA)}"' in shipped.splitlines()
    assert validation.compiled_check(SCHEMA) is not None
    import fastjsonschema

    if f'VERSION = "{fastjsonschema.VERSION}"' in shipped:  # another fastjsonschema may write other code
        assert validation.generated_source(SCHEMA) == shipped


def test_a_stale_compiled_check_is_not_used(monkeypatch):
    validation.compiled_check.cache_clear()
    monkeypatch.setattr(validation, "schema_sha256", lambda name: "0" * 64)
    try:
        assert validation.compiled_check(SCHEMA) is None
        assert not validation.passes_compiled(validation.jsonable(documents()[0]), SCHEMA)
    finally:
        validation.compiled_check.cache_clear()


def documents() -> list:
    out = []
    for path in sorted(ROOT.glob("evidence/**/*.yaml")) + sorted(ROOT.glob("tests/**/*.yaml")):
        try:
            doc = load_yaml_file(path)
        except InputError:
            continue
        if isinstance(doc.data, dict) and "code" in doc.data and "answers" in doc.data:
            out.append(doc.data)
    return out


def jsonschema_problems(data) -> list:
    validator = validation._validator(SCHEMA)
    return list(validator.iter_errors(validation.jsonable(data)))


def agree(data) -> None:
    if validation.passes_compiled(validation.jsonable(data), SCHEMA):
        assert not jsonschema_problems(data), "the compiled schema passed what jsonschema refuses"


ODD_VALUES = [None, True, 0, -1, 1.5, "", "x", "2025-02-31", "31/03/2025", dt.date(2025, 3, 31), [], [1], {}, {"x": 1},
              "javascript:alert(1)", "http://example.org", "yes", "YES", "n/a", 10**20]


def mutations(data):
    """The data with each value (leaf or mapping) replaced by each odd value in turn, and an unknown
    key added to each mapping: changed in place and put back after each yield (a copy each time
    would cost a minute)."""
    def walk(container):
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for key, value in list(items):
            for odd in ODD_VALUES:
                container[key] = odd
                yield data
            container[key] = value
            if isinstance(value, (dict, list)):
                yield from walk(value)
        if isinstance(container, dict):
            container["not-a-key"] = 1
            yield data
            del container["not-a-key"]

    yield from walk(data)


def test_every_submission_the_project_holds():
    docs = documents()
    assert len(docs) >= 40
    passed = 0
    for data in docs:
        agree(data)
        passed += validation.passes_compiled(validation.jsonable(data), SCHEMA)
    assert passed >= 5  # the fast path is used at all


def test_the_benchmark_mix(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_validate import generate

    for path, _kind in generate(tmp_path, 40):
        try:
            agree(load_yaml_file(path).data)
        except InputError:
            continue


def test_mutations_of_the_bundled_example():
    data = load_yaml_file(ROOT / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml").data
    # every section, but only a few answers: the other 69 have the same shape
    kinds = {}
    for pid, answer in data["answers"].items():
        kinds.setdefault((answer.get("comply"), tuple(sorted(answer))), pid)
    data["answers"] = {pid: data["answers"][pid] for pid in sorted(set(kinds.values()))[:6]}
    seen = 0
    for mutated in mutations(data):
        agree(mutated)
        seen += 1
    assert seen > 1000


def test_a_failing_file_still_gets_jsonschemas_messages():
    doc = load_yaml_file(ROOT / "tests" / "hostile" / "inputs" / "wrong-types.yaml")
    problems = validation.validate(doc, SCHEMA)
    assert problems and all(p.rule in ("schema", "unknown-key") for p in problems)
    assert problems == validation.validate(YamlDocument(doc.path, doc.data, doc.sha256, doc.positions, doc.key_positions), SCHEMA)
