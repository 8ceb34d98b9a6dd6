"""Submission folders for the tests of `chc validate` and its formats, made from the golden cases.

- pass:    every row met, nothing to report (exit 0);
- warn:    as pass, but the governing body's approval is not recorded: one warning (exit 0; 1 with --strict);
- fail:    declared 'no' answers with incomplete plans: 4 errors and 1 warning (exit 1);
- invalid: an answer hos-2024 does not allow (exit 2).
"""

from __future__ import annotations

import shutil
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
INVALID_TEXT = """\
code: hos-2024
landlord: {name: Bad Homes, nation: england}
period: {start: 2024-04-01, end: 2025-03-31}
answers:
  "6.3": {comply: Yess}
"""


def make_case(root: Path, name: str) -> Path:
    """Write case `name` into root/name/ and return its submission file."""
    folder = root / name
    if name == "invalid":
        folder.mkdir(parents=True)
        (folder / "submission.yaml").write_text(INVALID_TEXT, encoding="utf-8")
        return folder / "submission.yaml"
    source = {"pass": "all-met", "warn": "all-met", "fail": "declared-no"}[name]
    shutil.copytree(GOLDEN / source, folder)
    (folder / "expected.yaml").unlink()
    submission = folder / "submission.yaml"
    if name == "warn":
        text = submission.read_text(encoding="utf-8")
        submission.write_text(text.replace("    approved: 2025-06-17\n", ""), encoding="utf-8")
    return submission


def make_cases(root: Path, names=("pass", "warn", "fail", "invalid")) -> dict[str, Path]:
    return {name: make_case(root, name) for name in names}
