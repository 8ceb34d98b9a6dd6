"""Shared test data for the publishing outputs (XLSX, review pack, annual report, diff).

Ashdown Vale Housing is a fictional landlord with two years of submissions under
tests/data/publish: 2023-24 (clean) and 2024-25 (three declared gaps, 6.3 contradicted by its
stated 61.5%, 9.7 unanswered, formula-looking and HTML-looking text). `with_metrics` adds
hand-made case-log figures in the shape `result["metrics"]` has, so the templates can be
tested with every figure present.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

from checker.assess import assess
from checker.result import build_result

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "publish"
CURRENT = DATA / "ashdown-2024-25" / "submission.yaml"
PREVIOUS = DATA / "ashdown-2023-24" / "submission.yaml"
METRICS = DATA / "metrics-2024-25.json"
GOLDEN = DATA / "golden"


def rel(path: Path) -> str:
    """The path as the tests pass it to chc: relative to the repository root (results name files as given)."""
    return str(path.relative_to(ROOT))


def result_of(path: Path) -> dict:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return build_result(assess(rel(path)))
    finally:
        os.chdir(cwd)


def with_metrics(result: dict) -> dict:
    out = copy.deepcopy(result)
    out["metrics"] = json.loads(METRICS.read_text(encoding="utf-8"))
    return out


def check_golden(name: str, text: str) -> None:
    """Compare with tests/data/publish/golden/NAME; CHC_WRITE_GOLDEN=1 rewrites it (then review the diff)."""
    path = GOLDEN / name
    if os.environ.get("CHC_WRITE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}; run with CHC_WRITE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def html_structure_problems(page: str) -> list[str]:
    """Tables without captions, th without scope, headings that skip a level."""
    from html.parser import HTMLParser

    problems: list[str] = []

    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tables: list[bool] = []
            self.level = 0

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "table":
                self.tables.append(False)
            elif tag == "caption" and self.tables:
                self.tables[-1] = True
            elif tag == "th" and "scope" not in attrs:
                problems.append(f"th without scope at line {self.getpos()[0]}")
            elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
                level = int(tag[1])
                if level > self.level + 1:
                    problems.append(f"h{level} after h{self.level} at line {self.getpos()[0]}")
                self.level = level

        def handle_endtag(self, tag):
            if tag == "table":
                if not self.tables.pop():
                    problems.append(f"table without caption ending at line {self.getpos()[0]}")

    P().feed(page)
    return problems
