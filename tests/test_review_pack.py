"""The MRC review pack: the right findings, claims, action plans, changes and sign-off."""

from __future__ import annotations

import copy
import html
import re

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.diff import diff_results
from checker.render.publish import claims, render_review_pack, review_view, unmet_rows
from publish_data import CURRENT, PREVIOUS, ROOT, check_golden, html_structure_problems, rel, result_of, with_metrics


@pytest.fixture(scope="module")
def result():
    return result_of(CURRENT)


@pytest.fixture(scope="module")
def diff(result):
    return diff_results(result_of(PREVIOUS), result)


@pytest.fixture(scope="module")
def page(result, diff):
    return render_review_pack(result, diff)


def section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.find("</section>", start)
    return page[start:end]


def rows(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", r) for r in re.findall(r"<tr.*?</tr>", html, flags=re.S)]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_headings_in_order_and_semantic_tables(page):
    assert html_structure_problems(page) == []
    h2 = re.findall(r"<h2 id=\"([a-z]+)\">", page)
    assert h2 == ["contents", "summary", "findings", "claims", "unmet", "changes", "governance", "signoff"]
    assert page.count("<h1>") == 1
    assert "<script" not in page and "http://" not in page.split("<style>")[1].split("</style>")[0]


def test_summary_by_section(page):
    summary = rows(section(page, "summary"))
    assert squash(summary[-1]) == "All provisions 67 3 1 0 1 0"
    assert squash(summary[3]) == "3. Accessibility and awareness 6 1 0 0 0 0"
    assert "3 findings fail this self-assessment" in page


def test_findings_ordered_by_severity_then_provision(page):
    found = [squash(r) for r in rows(section(page, "findings"))[1:]]
    assert [f.split(" ")[:2] for f in found] == [["Error", "5.10"], ["Error", "6.3"], ["Error", "9.7"]]
    assert "61.5% of stage 1 complaints responded to in time, below the 95.0% tolerance" in found[1]
    assert found[0].endswith(" submission.yaml:259:7")  # named relative to the submission's folder


def test_claims_beside_figures(result):
    got = {c["id"]: c for c in claims(result)}
    assert list(got) == ["6.2", "6.3", "6.4", "6.11", "6.14", "6.15"]
    c = got["6.3"]
    assert (c["answer"], c["verdict"], c["computed"], c["stated"], c["quoted"], c["code"], c["policy"], c["tolerance"]) == (
        "yes", "contradicted", "not available", "61.5%", "61.5%", "10 working days", "10 working days", "95.0% in time")
    assert c["findings"] == ["6.3 is answered yes, but the submission states 61.5% of stage 1 complaints responded to in time, below the 95.0% tolerance"]
    assert got["6.2"]["stated"] == "96.1%" and got["6.2"]["verdict"] == "met"
    assert got["6.15"]["code"] == "extension of at most 20 working days"
    with_log = {c["id"]: c for c in claims(with_metrics(result))}
    assert with_log["6.3"]["computed"] == "48.6%" and with_log["6.4"]["computed"] == "37 of 405 responses"


def test_stated_figures_beside_computed_ones(result):
    view = review_view(with_metrics(result))
    figs = {f["label"]: f for f in view["figures"]}
    assert figs["Stage 1 responded in time"] == {"label": "Stage 1 responded in time", "stated": "61.5%", "computed": "48.6%",
                                                  "difference": "+12.9", "tolerance": "0.5 points", "agrees": False}
    assert figs["Stage 1 received"]["agrees"] is True
    assert figs["Stage 1 mean working days to respond"]["agrees"] is False
    page = render_review_pack(with_metrics(result))
    assert "No: outside the tolerance" in section(page, "claims")
    assert "cannot check these figures" in section(render_review_pack(result), "claims")


def test_unmet_requirements_with_overdue_marked_in_text(page, result):
    unmet = {u["id"]: u for u in unmet_rows(result, __import__("datetime").date(2025, 5, 20))}
    assert list(unmet) == ["3.5", "5.10", "6.3", "9.7", "9.8"]
    assert unmet["5.10"]["overdue"] and not unmet["3.5"]["overdue"] and not unmet["9.8"]["overdue"]
    table = {squash(r).split(" ")[0]: squash(r) for r in rows(section(page, "unmet"))[1:]}
    assert "Head of Customer Experience 2025-02-28 Overdue" in table["5.10"]
    assert "Overdue" not in table["3.5"] and "2025-07-31" in table["3.5"]
    assert "No action plan given No owner No date" in table["6.3"]
    assert "on or before 2025-05-20 (the governing body's review on 2025-05-20)" in html.unescape(re.sub(r"</?span[^>]*>", "", section(page, "unmet")))


def test_changes_since_last_year(page):
    changes = section(page, "changes")
    assert "11 provisions changed, 0 new, 0 without a counterpart and 61 unchanged" in squash(changes)
    table = [squash(r) for r in rows(changes)]
    assert "Met 70 67 -3" in table
    assert any(r.startswith("5.10 answer, verdict, evidence, commentary, action Yes; Met") for r in table)
    assert "Stage 1 responded in time 97.2% 61.5% -35.7 points" in table
    assert "Escalation rate (stage 2 / stage 1 received) 12.1% 14.3% +2.2 points" in table


def test_without_previous_year(result):
    page = render_review_pack(result)
    assert "No earlier submission was given" in section(page, "changes")


def test_governance_and_sign_off(page):
    gov = [squash(r) for r in rows(section(page, "governance"))]
    assert "Member Responsible for Complaints Jo Bell, Board member" in gov
    assert "Governing body review 2025-05-20" in gov
    assert "Self-assessment prepared by Sam Okafor, Complaints Manager, 2025-05-02" in gov
    sign = section(page, "signoff")
    assert [squash(r).split(" ")[0] for r in rows(sign)] == ["Name", "Role", "Date", "Signature", "Decision", "Changes"]
    assert re.findall(r'value="([a-z-]+)"', sign) == ["approve", "approve-with-changes", "not-approved"]
    assert "<legend>" in sign


def test_escaped_everywhere(result):
    hostile = copy.deepcopy(result)
    hostile["submission"]["landlord"]["name"] = "<script>alert('x')</script> & Co"
    hostile["provisions"][29]["explanation"] = "<img src=x onerror=alert(1)>"
    page = render_review_pack(hostile)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co" in page


def test_deterministic_golden_and_cli(tmp_path, monkeypatch, page, result, diff):
    assert render_review_pack(result, diff) == page
    check_golden("review-pack-ashdown.html", page)
    monkeypatch.chdir(ROOT)
    out = tmp_path / "pack.html"
    res = CliRunner().invoke(cli, ["review", rel(CURRENT), "--previous", rel(PREVIOUS), "-o", str(out)])
    assert res.exit_code == 1, res.output  # written, and the submission has failing findings
    assert out.read_text(encoding="utf-8") == page
    res = CliRunner().invoke(cli, ["review", rel(CURRENT), "--previous", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 2 and "missing.yaml" in res.output and not (tmp_path / "x.html").exists()


def test_bundled_example_golden():
    from checker.assess import assess, example_path
    from checker.result import build_result

    result = build_result(assess(example_path()))
    got = {c["id"]: c for c in claims(result)}
    assert got["6.3"]["computed"] == "48.6%" and got["6.3"]["verdict"] == "contradicted"
    assert got["6.14"]["computed"] == "87.5%"
    check_golden("review-pack-northmoor.html", render_review_pack(result))
