"""What a landlord publishes is in the landlord's words; chc's judgement only with --with-findings.

And every publishable output (and the review pack) names files relative to the submission's
folder, never by the machine's absolute path.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.assess import example_path
from checker.cli import cli
from checker.render.csv_table import render_csv
from checker.render.paths import relative_paths, relative_to
from checker.render.templated import render_self_assessment
from publish_data import CURRENT, PREVIOUS, result_of

VERDICT_WORDS = ("contradicted", "unsupported", "chc found", "checked by chc", "not yet set", "chc verdict", "chc findings")
TEXT_FORMATS = ("md", "html", "csv", "json")


def visible(fmt: str, data: bytes) -> str:
    """The output as text a reader can see: HTML without its style sheet, XLSX as its sheets' XML."""
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    text = data.decode("utf-8-sig")
    return re.sub(r"<style>.*?</style>", "", text, flags=re.S) if fmt == "html" else text


def report(tmp_path: Path, submission: Path, fmt: str, *extra: str):
    out = tmp_path / f"report.{fmt}"
    run = CliRunner().invoke(cli, ["report", str(submission), "--format", fmt, "-o", str(out), *extra])
    return run, visible(fmt, out.read_bytes())


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "xlsx"])
@pytest.mark.parametrize("submission", [CURRENT, example_path()], ids=["ashdown", "example"])
def test_the_publication_carries_no_verdict_without_with_findings(tmp_path, submission, fmt):
    run, text = report(tmp_path, submission, fmt)
    assert run.exit_code == 1, run.output  # both have failing findings: chc's verdicts exist, and stay out
    found = [w for w in VERDICT_WORDS if w in text.lower()]
    assert found == [], f"{fmt}: {found}"
    # the landlord's words are all there: answers, evidence, commentary, the declared gap and its plan
    assert "complaints policy" in text.lower()


@pytest.mark.parametrize("fmt,words", [("md", ["Checked by chc", "Contradicted"]), ("html", ["Checked by chc", "Contradicted", "Summary of the checks by section"]),
                                       ("csv", ["chc verdict", "chc findings", "Contradicted"]), ("xlsx", ["chc verdict", "Contradicted", "Findings"])])
def test_with_findings_the_verdicts_and_findings_appear(tmp_path, fmt, words):
    run, text = report(tmp_path, CURRENT, fmt, "--with-findings")
    assert run.exit_code == 1
    for word in words:
        assert word in text, f"{fmt}: {word!r} missing"
    assert "61.5% of stage 1 complaints responded to in time" in re.sub(r"</?span[^>]*>", "", text)


def test_the_declared_gap_and_its_plan_are_published(tmp_path):
    _, text = report(tmp_path, CURRENT, "md")
    row = next(line for line in text.splitlines() if line.startswith("| 3.5 |"))
    assert "| No |" in row and "**Action:** Add a publicity section to the policy" in row
    assert "Owner: Complaints Manager." in row and "Target date: 2025-07-31." in row


def test_failing_findings_are_listed_one_per_line_after_wrote(tmp_path):
    out = tmp_path / "report.html"
    run = CliRunner().invoke(cli, ["report", str(CURRENT), "-o", str(out)])
    assert run.exit_code == 1
    where = str(CURRENT)
    assert run.stderr.splitlines() == [
        f"wrote {out}",
        "chc: 3 findings fail the submission:",
        f"  error 5.10: the target date for 5.10 (2025-02-28) had passed by the end of the period assessed (2025-03-31) ({where}:259:7) [target-date-passed]",
        f"  error 6.3: 6.3 is answered yes, but the submission states 61.5% of stage 1 complaints responded to in time, below the 95.0% tolerance ({where}:32:88) [timeliness-below-tolerance]",
        f"  error 9.7: 9.7 has no answer; every row of the form must be answered ({where}:79:3) [unanswered]",
    ]


def test_only_failing_findings_are_listed(tmp_path):
    """With no timeliness tolerance, 6.3 is no longer contradicted: its line goes, the others stay."""
    out = tmp_path / "report.md"
    run = CliRunner().invoke(cli, ["report", str(CURRENT), "--format", "md", "--tolerance", "0", "-o", str(out)])
    assert run.exit_code == 1
    lines = run.stderr.splitlines()
    assert lines[:2] == [f"wrote {out}", "chc: 2 findings fail the submission:"]
    assert [line.split(":")[0] for line in lines[2:]] == ["  error 5.10", "  error 9.7"]


def test_the_answer_as_written_is_shown_in_the_comply_column():
    result = copy.deepcopy(result_of(CURRENT))
    p = next(p for p in result["provisions"] if p["id"] == "1.2")
    p["answer_as_written"] = "Yes (fully)."
    assert "| 1.2 |" in render_self_assessment(result, "md")
    md_row = next(line for line in render_self_assessment(result, "md").splitlines() if line.startswith("| 1.2 |"))
    assert "| Yes (fully). |" in md_row
    assert "<td>Yes (fully).</td>" in render_self_assessment(result, "html")
    assert ",Yes (fully).," in render_csv(result)


# ---------------------------------------------------------------- paths

def test_relative_to():
    assert relative_to("ev/caselog.csv", "ev") == "caselog.csv"
    assert relative_to("/srv/x/ev/data/log.csv", "/srv/x/ev") == "data/log.csv"
    assert relative_to("/srv/x/old/submission.yaml", "/srv/x/ev") == "../old/submission.yaml"
    assert relative_to("/a/b/c/d/e.yaml", "/a/x/y/z") == "e.yaml"  # far away: the name only
    assert relative_to("", "ev") == ""


def test_relative_paths_leave_the_input_result_unchanged():
    result = result_of(CURRENT)
    before = copy.deepcopy(result)
    out = relative_paths(result)
    assert result == before
    assert out["submission"]["file"] == "submission.yaml"


def test_no_output_names_the_machines_absolute_path(tmp_path, monkeypatch):
    root = tmp_path / "machine-specific-folder-8d41"
    shutil.copytree(CURRENT.parent, root / "2024-25")
    shutil.copytree(PREVIOUS.parent, root / "2023-24")
    example = root / "example"
    shutil.copytree(example_path().parent, example)
    monkeypatch.chdir(tmp_path)  # the files are given by absolute path
    current, previous = root / "2024-25" / "submission.yaml", root / "2023-24" / "submission.yaml"
    runner = CliRunner()
    outputs = []
    for submission in (current, example / "submission.yaml"):
        for fmt in ("md", "html", "csv", "xlsx", "json"):
            out = tmp_path / f"out-{submission.parent.name}.{fmt}"
            for extra in ([], ["--with-findings"]):
                run = runner.invoke(cli, ["report", str(submission), "--format", fmt, "-o", str(out), *extra])
                assert run.exit_code == 1, run.output
                outputs.append((f"report {fmt} {extra}", visible(fmt, out.read_bytes())))
        for fmt in ("html", "md"):
            out = tmp_path / f"annual.{fmt}"
            run = runner.invoke(cli, ["annual-report", str(submission), "--format", fmt, "-o", str(out)])
            assert run.exit_code in (0, 1), run.output
            outputs.append((f"annual-report {fmt}", out.read_text(encoding="utf-8")))
    out = tmp_path / "review.html"
    run = runner.invoke(cli, ["review", str(current), "--previous", str(previous), "-o", str(out)])
    assert run.exit_code == 1, run.output
    review = out.read_text(encoding="utf-8")
    outputs.append(("review", review))
    for name, text in outputs:
        assert str(root) not in text and str(tmp_path) not in text, f"{name} names the absolute path"
        assert "machine-specific-folder-8d41" not in text, name
    assert '<td class="where">submission.yaml:259:7</td>' in review
    assert "../2023-24/submission.yaml" in review
    xlsx = next(text for name, text in outputs if name.startswith("report xlsx"))
    assert "from submission.yaml." in xlsx
