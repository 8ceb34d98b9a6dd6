"""The annual complaints performance and service improvement report (Code provision 8.1), and its charts."""

from __future__ import annotations

import copy
import html
import re

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.render.charts import grouped_bar_chart, horizontal_bar_chart, stacked_bar_chart
from checker.render.publish import annual_view, render_annual_report
from publish_data import CURRENT, ROOT, check_golden, html_structure_problems, rel, result_of, with_metrics

PARTS = ["introduction", "part1", "part2", "part3", "part4", "part5", "part6", "response", "appendix"]


@pytest.fixture(scope="module")
def result():
    return result_of(CURRENT)


@pytest.fixture(scope="module")
def full(result):
    return with_metrics(result)


@pytest.fixture(scope="module")
def page(full):
    return render_annual_report(full, "html")


def text_of(fragment: str) -> str:
    """The text a reader sees: inline tags (the no-break spans, emphasis, links) join, block tags separate."""
    inline = re.sub(r"</?(?:span|strong|em|a|code)\b[^>]*>", "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def part(page: str, anchor: str) -> str:
    start = page.index(f'<h2 id="{anchor}">')
    end = page.find("</section>", start)
    return page[start:end]


def table_rows(fragment: str) -> list[str]:
    return [text_of(r) for r in re.findall(r"<tr.*?</tr>", fragment, flags=re.S)]


def test_the_six_parts_and_the_response_in_order(page):
    assert re.findall(r'<h2 id="([a-z0-9]+)">', page) == ["contents"] + PARTS
    assert html_structure_problems(page) == []
    assert "Part 3. Ombudsman findings of non-compliance with the Code" in page
    assert "Part 5. The Ombudsman's annual report on us" in page


def test_part1_self_assessment_is_the_answers_as_given(page):
    p1 = part(page, "part1")
    assert "answered yes to 68 of 72; for the 3 we do not yet fully meet, what we are doing is set out below." in text_of(p1)
    rows = table_rows(p1)
    assert rows[0] == "Section Yes No Not answered"
    assert "9. Scrutiny & oversight: continuous learning and improvement 6 1 1" in rows
    assert "All requirements 68 3 1" in rows
    # the landlord's declared gaps with their plans; no chc verdict, no 'overdue' judgement
    assert rows[-3:] == [
        "3.5 The policy does not yet say how we publicise the Code. Add a publicity section to the policy Complaints Manager 2025-07-31",
        "5.10 The adjustments register has no review dates. Add review dates to the adjustments register Head of Customer Experience 2025-02-28",
        "9.8 Contractors do not yet have the complaint handling objective. Add the objective to contractor frameworks Director of Property 2025-10-31",
    ]
    assert "6.3" not in " ".join(rows)  # answered yes: chc's 'contradicted' is not the landlord's to publish
    appendix = part(page, "appendix")
    assert appendix.count('<th scope="row">') == 72


def test_part2_volumes_timeliness_and_tsm(page):
    rows = table_rows(part(page, "part2"))
    assert "Complaints received 420 60" in rows
    assert "Responded in time without an extension (share of responses) 39.5% 76.8%" in rows
    assert "Responded within an agreed extension (number) 37 6" in rows
    assert "Responded late (number) 208 7" in rows
    assert "Responded within the Code's timescales, extensions included 48.6% 87.5%" in rows
    assert "Median working days to respond 14.0 18.0" in rows
    assert "Low-cost rental accommodation (LCRA) 8,000 47.3 6.9" in rows
    assert "Low-cost home ownership (LCHO) 1,200 36.5 4.2" in rows
    assert "All tenures 48.6% 87.5%" in rows
    assert "Escalation rate: 14.3% (60 stage 2 escalations against 420 stage 1 complaints received)." in text_of(part(page, "part2"))


def test_part2_quarters_outcomes_categories_refused_compensation(page):
    rows = table_rows(part(page, "part2"))
    assert ["Q1 (Apr-Jun) 92 11", "Q2 (Jul-Sep) 98 13", "Q3 (Oct-Dec) 121 18", "Q4 (Jan-Mar) 109 18"] == [r for r in rows if re.match(r"Q\d ", r)][:4]
    assert [r for r in rows if r.split(" ")[0] in ("Upheld", "Partly", "Not")] == ["Upheld 120 14", "Partly upheld 101 12", "Not upheld 184 30"]
    assert "Repairs 165 28" in rows and rows.index("Repairs 165 28") < rows.index("Damp and mould 60 12")
    assert "Made more than 12 months after the issue 6" in rows
    assert "We did not accept 14 complaints" in text_of(part(page, "part2"))
    assert "Total paid £41,275.50" in rows and "Of the total, ordered by the Ombudsman £2,150.00" in rows


def test_charts_are_accessible_svg_with_the_figures_as_text(page):
    svgs = re.findall(r"<svg .*?</svg>", page, flags=re.S)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg and "aria-labelledby=" in svg
    quarters = next(s for s in svgs if "chart-quarters" in s)
    assert "<desc id=\"chart-quarters-d\">Q1 (Apr-Jun): Stage 1 92, Stage 2 11; Q2 (Jul-Sep): Stage 1 98, Stage 2 13; Q3 (Oct-Dec): Stage 1 121, Stage 2 18; Q4 (Jan-Mar): Stage 1 109, Stage 2 18.</desc>" in quarters
    timeliness = next(s for s in svgs if "chart-timeliness" in s)
    assert "Stage 1: In time, no extension 160 (39.5%), Within an agreed extension 37 (9.1%), Late 208 (51.4%)" in timeliness
    # each chart is followed by its figures as a table (the text alternative)
    assert page.count("Figures shown in the chart:") == 3
    assert "<http" not in page


def test_parts_3_to_6_and_response(page):
    p3 = text_of(part(page, "part3"))
    assert "The Ombudsman made no finding that we had failed to comply with the Code in this period." in p3
    assert "Maladministration 1 Service failure 1 No maladministration 1 All determinations 3" in " ".join(table_rows(part(page, "part3")))
    p4 = table_rows(part(page, "part4"))
    assert p4[1] == "Damp and mould Residents told us inspections took too long to arrange. We had no target time for a damp inspection. We now inspect within 10 working days of a report."
    p5 = part(page, "part5")
    assert '<a href="https://ombudsman.example/ashdown-2023-24">Housing Ombudsman landlord performance report 2023-24</a>' in p5
    assert "a maladministration rate of 40%" in p5
    assert "Spotlight report on damp and mould" in part(page, "part6")
    response = part(page, "response")
    assert "<strong>monthly</strong>" in response and "Board, 2025-06-17." in text_of(response)


def test_every_figure_optional(result):
    bare = copy.deepcopy(result)
    bare["annual_report"] = {}
    bare["stated_metrics"] = {}
    bare["submission"]["governance"] = {}
    page = render_annual_report(bare, "html")
    assert html_structure_problems(page) == []
    rows = table_rows(part(page, "part2"))
    assert "Complaints received not available not available" in rows
    assert "Not available: quarterly figures need a case log." in page
    assert "Not available: the summary of refused complaints was not supplied." in page
    assert "Not available: no record of Ombudsman findings of non-compliance was supplied." in page
    assert "Not yet recorded: the governing body's response must be published with this report." in page
    assert "<svg" not in page
    assert "Escalation rate: not available." in text_of(page)
    md = render_annual_report(bare, "md")
    assert "| Complaints received | not available | not available |" in md


def test_stated_figures_without_a_case_log(result):
    page = render_annual_report(result, "html")
    assert "Figures as stated in our self-assessment; no case log was analysed." in page
    rows = table_rows(part(page, "part2"))
    # the landlord's stated figures, labelled as stated (not 'extensions included'); no empty case-log rows
    assert rows[:6] == ["Measure Stage 1 Stage 2", "Complaints received 420 60", "Responses sent 405 56",
                        "Acknowledged within the Code's timescale 96.1% 96.6%", "Responded within the Code's timescales 61.5% 96.4%",
                        "Mean working days to respond 12.4 17.9"]
    assert not any("extensions included" in r or r.startswith("Responded late") for r in rows)
    # CH02 shows the stated figure, not 'not available'; CH01 says why it is missing
    assert "All tenures 61.5% 96.4%" in rows
    assert "TSM CH02: complaints responded to within the Code's timescales (as stated by the landlord)" in page
    assert "Not available: CH01 is counted from our case log, by tenure, and no case log or stated CH01 figure was supplied." in page
    assert "<svg" not in page


def test_example_style_annual_report_keys(result):
    r = copy.deepcopy(result)
    r["annual_report"] = {
        "tenant_satisfaction_measures": {"CH01_stage1_per_1000_homes": {"lcra": 47.3, "lcho": 36.5}, "CH02_stage1_pct_in_time": 48.6},
        "outcomes": {"stage1": {"upheld": 120, "partly_upheld": 101, "not_upheld": 184}},
        "refused_complaints": {"total": 31, "note": "Each resident was told why.", "by_reason": [{"reason": "Over 12 months", "count": 9}]},
        "ombudsman_determinations": [
            {"case": "C1", "determined": "2024-09-12", "subject": "Damp", "finding": "maladministration", "orders": ["Apology", "£950"], "complied": "2024-10-21"},
            {"case": "C2", "determined": "2025-02-19", "subject": "Noise", "finding": "no maladministration"},
        ],
        "compensation": {"total_gbp": 41275.5, "cases": 141, "of_which_ombudsman_ordered_gbp": 1150.0},
        "service_improvements": [{"you_said": "Appointments were missed.", "we_did": "We text the day before."}],
        "ombudsman_performance_report": {"title": "Performance report 2023-24", "published": "2024-10", "summary": "Five cases."},
        "other_ombudsman_publications": "We reviewed the spotlight reports.",
        "categories": "Repairs led at stage 1.",
    }
    view = annual_view(r)
    assert view["tsm"]["ch01"][0] == ("Low-cost rental accommodation (LCRA)", "8,000", "47.3", "not available")
    assert view["tsm"]["ch01_source"] == "as stated by the landlord"
    assert view["outcomes"] == [("upheld", "120", "not available"), ("partly upheld", "101", "not available"), ("not upheld", "184", "not available")]
    assert view["refused"]["total"] == "31" and view["refused"]["commentary"] == "Each resident was told why."
    assert view["determinations"] == [("Maladministration", "1"), ("No maladministration", "1")]
    assert view["determination_cases"][0]["orders"] == ["Apology", "£950"]
    assert view["compensation"]["total"] == "£41,275.50" and view["compensation"]["ombudsman_ordered"] == "£1,150.00"
    assert view["improvements"][0]["heard"] == "Appointments were missed." and not view["improvement_columns"]["learned"]
    page = render_annual_report(r, "html")
    assert "Performance report 2023-24</strong> (<span class=\"nw\">2024-10</span>)" in page
    assert "We reviewed the spotlight reports." in part(page, "part6")
    assert "C2 2025-02-19 Noise No maladministration None no orders" in table_rows(part(page, "part3"))
    assert "No separate record of findings of non-compliance" in page
    assert html_structure_problems(page) == []


def test_markdown_version(full):
    md = render_annual_report(full, "md")
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == ["Introduction", "Part 1. Our self-assessment against the Code", "Part 2. How we handled complaints",
                        "Part 3. Ombudsman findings of non-compliance with the Code", "Part 4. What we improved because of complaints",
                        "Part 5. The Ombudsman's annual report on us", "Part 6. Other Ombudsman reports about us", "The governing body's response"]
    assert "| Responded late (number) | 208 | 7 |" in md
    assert "| Low-cost rental accommodation (LCRA) | 8,000 | 47.3 | 6.9 |" in md
    assert "| Q3 (Oct-Dec) | 121 | 18 |" in md
    assert "<script" not in md
    check_golden("annual-report-ashdown.md", md)


def test_html_golden_deterministic_and_cli(page, full, result, tmp_path, monkeypatch):
    assert render_annual_report(full, "html") == page
    check_golden("annual-report-ashdown.html", page)
    monkeypatch.chdir(ROOT)
    out = tmp_path / "ar.html"
    res = CliRunner().invoke(cli, ["annual-report", rel(CURRENT), "-o", str(out)])
    assert res.exit_code == 1, res.output  # written, and the submission has failing findings
    assert out.read_text(encoding="utf-8") == render_annual_report(result, "html")
    res = CliRunner().invoke(cli, ["annual-report", rel(CURRENT), "--format", "md"])
    assert res.exit_code == 1 and res.stdout == render_annual_report(result, "md")
    assert res.stderr.startswith("chc: 3 findings fail the submission:\n")  # listed as `report` lists them, on stderr


def test_chart_functions_deterministic_and_escaped():
    a = horizontal_bar_chart("c", "Complaints <by> category", ["Repairs & <b>maintenance</b>", "Other"], [("Stage 1", [3, 1])])
    b = horizontal_bar_chart("c", "Complaints <by> category", ["Repairs & <b>maintenance</b>", "Other"], [("Stage 1", [3, 1])])
    assert a == b
    assert "<b>" not in a.svg and "Repairs &amp; &lt;b&gt;maintenance&lt;/b&gt;" in a.svg
    assert "<title id=\"c-t\">Complaints &lt;by&gt; category</title>" in a.svg
    assert a.rows == (("Repairs & <b>maintenance</b>", ("3",)), ("Other", ("1",)))
    g = grouped_bar_chart("g", "By quarter", ["Q1", "Q2"], [("Stage 1", [0, 0]), ("Stage 2", [None, 0])])
    assert "Q1: Stage 1 0, Stage 2 not available" in g.description
    s = stacked_bar_chart("s", "Timeliness", ["Stage 1", "Stage 2"], [("On time", [0, 3]), ("Late", [0, 1])])
    assert "no responses" in s.svg and "Stage 2: On time 3 (75.0%), Late 1 (25.0%)" in s.description


def test_bundled_example_golden():
    """The bundled Northmoor example, figures from its case log (CHC_WRITE_GOLDEN=1 rewrites after a reviewed change)."""
    from checker.assess import assess, example_path
    from checker.result import build_result

    from checker.cli.publish import _quarters

    result = build_result(assess(example_path()))
    quarters = _quarters(example_path(), result)  # as `chc annual-report` gives them
    md = render_annual_report(result, "md", quarters=quarters)
    assert "| Responded late (number) | 208 | 7 |" in md
    assert "| Low-cost rental accommodation (LCRA) | 8,412 | 47.3 | 7.0 |" in md
    assert "| NMH-C021944 | 2024-09-12 |" in md
    check_golden("annual-report-northmoor.md", md)
    check_golden("annual-report-northmoor.html", render_annual_report(result, "html", quarters=quarters))


# ---------------------------------------------------------------- publication vs review, and what real reports carry

VERDICT_WORDS = ("contradicted", "unsupported", "chc found", "checked by chc", "not yet set", "chc verdict")
NORTHMOOR = ROOT / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml"


def visible(page: str) -> str:
    """What a reader sees: the page without its style sheet and tags."""
    return text_of(re.sub(r"<style.*?</style>", " ", page, flags=re.S)).lower()


@pytest.fixture(scope="module")
def northmoor():
    from checker.assess import assess
    from checker.result import build_result

    return build_result(assess(NORTHMOOR))


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_no_verdicts_are_published_without_with_findings(northmoor, full, fmt):
    for res in (northmoor, full):
        text = visible(render_annual_report(res, fmt))
        assert [w for w in VERDICT_WORDS if w in text] == []
        with_findings = visible(render_annual_report(res, fmt, with_findings=True))
        assert "contradicted" in with_findings and "chc's check of the self-assessment" in with_findings


def test_cli_with_findings_and_the_failing_list_after_wrote(tmp_path):
    out = tmp_path / "ar.md"
    res = CliRunner().invoke(cli, ["annual-report", str(NORTHMOOR), "--format", "md", "-o", str(out)])
    assert res.exit_code == 1
    lines = res.stderr.splitlines() if hasattr(res, "stderr") else res.output.splitlines()
    wrote = lines.index(f"wrote {out}")
    failing = lines[wrote + 1:]  # as `chc report` lists them (write_publication)
    assert failing[0] == "chc: 2 findings fail the submission:" and len(failing) == 3
    assert failing[1].startswith("  error 6.3: 6.3 is answered yes") and failing[1].endswith("(examples/northmoor-2024-25/submission.yaml:574:3) [timeliness-below-tolerance]")
    assert failing[2].startswith("  error 6.14: 6.14 is answered yes") and failing[2].endswith("(examples/northmoor-2024-25/submission.yaml:664:3) [timeliness-below-tolerance]")
    assert "Contradicted" not in out.read_text(encoding="utf-8")
    res = CliRunner().invoke(cli, ["annual-report", str(NORTHMOOR), "--format", "md", "--with-findings", "-o", str(out)])
    assert "| 6.3 | Contradicted | not yet set | not yet set | not yet set |" in out.read_text(encoding="utf-8")


def test_foreword_signed(northmoor):
    md = render_annual_report(northmoor, "md")
    assert md.index("## Foreword") < md.index("## Introduction") < md.index("## Part 1.")
    assert "*Helen Marsh, Member Responsible for Complaints, on behalf of the Board*" in md
    page = render_annual_report(northmoor, "html")
    assert re.findall(r'<h2 id="([a-z0-9-]+)">', page)[:3] == ["contents", "foreword", "introduction"]
    assert '<p class="signature">Helen Marsh<br>Member Responsible for Complaints, on behalf of the Board</p>' in page


def test_last_year_beside_this_year(tmp_path, monkeypatch):
    from publish_data import PREVIOUS

    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(cli, ["annual-report", rel(CURRENT), "--previous", rel(PREVIOUS), "--format", "md"])
    assert res.exit_code == 1
    md = res.stdout if hasattr(res, "stdout") else res.output
    block = md[md.index("### This year beside last year"):md.index("### Volumes and timeliness")]
    assert "| Measure | 2023-24 | 2024-25 | Change |" in block
    for row in ("| Requirements we answered yes to | 70 of 72 | 68 of 72 | -2 |",
                "| Stage 1 complaints received | 380 | 420 | +40 |",
                "| Stage 1 responded in time | 97.2% | 61.5% | -35.7 points |",
                "| Stage 1 mean working days to respond | 8.9 | 12.4 | +3.5 |",
                "| Escalation rate (stage 2 / stage 1 received) | 12.1% | 14.3% | +2.2 points |"):
        assert row in block, row
    assert "This year beside last year" not in render_annual_report(result_of(CURRENT), "md")


def test_timeliness_by_quarter_from_the_case_log(tmp_path):
    out = tmp_path / "ar.html"
    res = CliRunner().invoke(cli, ["annual-report", str(NORTHMOOR), "-o", str(out)])
    assert res.exit_code == 1
    page = out.read_text(encoding="utf-8")
    rows = table_rows(page[page.index('<h3 id="part2-quarter-timeliness">'):page.index('<h3 id="part2-outcomes">')])
    # each quarter's responses add up to the year's: 81 + 115 + 107 + 102 = 405 and 0 + 23 + 20 + 13 = 56
    assert rows[:2] == ["Quarter Stage 1 Stage 2", "Received Responses In time Average working days Received Responses In time Average working days"]
    assert rows[2:6] == [
        "Q1 (Apr-Jun) 118 81 51.9% 14.8 6 0 not available not available",
        "Q2 (Jul-Sep) 110 115 42.6% 17.7 23 23 91.3% 18.7",
        "Q3 (Oct-Dec) 105 107 56.1% 16.5 19 20 80.0% 19.4",
        "Q4 (Jan-Mar) 87 102 45.1% 17.1 12 13 92.3% 21.3",
    ]
    chart = re.search(r'<svg [^>]*aria-labelledby="chart-quarter-timeliness-t.*?</svg>', page, flags=re.S).group(0)
    assert ('<desc id="chart-quarter-timeliness-d">Q1 (Apr-Jun): Stage 1 51.9%, Stage 2 not available; Q2 (Jul-Sep): Stage 1 42.6%, '
            'Stage 2 91.3%; Q3 (Oct-Dec): Stage 1 56.1%, Stage 2 80.0%; Q4 (Jan-Mar): Stage 1 45.1%, Stage 2 92.3%.</desc>') in chart
    assert html_structure_problems(page) == []


def test_timeliness_by_quarter_as_stated(result):
    r = copy.deepcopy(result)
    r["annual_report"] = {"timeliness_by_quarter": {"Q1": {"stage1": 55.0, "stage2": 90.0}, "Q2": {"stage1": 61.5}}}
    md = render_annual_report(r, "md")
    assert "As stated. Responses within the Code's timescales" in md
    assert "| Q1 (Apr-Jun) | not available | not available | 55.0% | not available | not available | not available | 90.0% | not available |" in md
    assert "| Q2 (Jul-Sep) | not available | not available | 61.5% |" in md
    assert "Timeliness by quarter" not in render_annual_report(result, "md")


def test_sub_categories_tp09_and_you_said_we_did(northmoor):
    md = render_annual_report(northmoor, "md")
    assert "| Repairs | Time taken to complete | 71 |\n|  | Missed appointments | 44 |" in md
    assert "| | **All Repairs** | **165** |" in md
    assert md.index("**All Repairs**") < md.index("**All Damp and mould**") < md.index("**All Rent and service charges**")
    assert "| Low-cost rental accommodation (LCRA) | 31.2% |\n| Low-cost home ownership (LCHO) | 24.8% |" in md
    assert "| Theme | You said | What we learned | We did |" in md
    assert "### Lessons learned" in md
    view = annual_view(northmoor)
    assert view["sub_categories"][0] == {"category": "Repairs", "total": 165, "subs": [
        ("Time taken to complete", "71"), ("Missed appointments", "44"), ("Quality of work", "31"), ("Communication", "19")]}
    page = render_annual_report(northmoor, "html")
    assert html_structure_problems(page) == []
    assert '<th scope="rowgroup" rowspan="5">Repairs</th>' in page


def test_ch01_says_why_without_homes(result):
    r = copy.deepcopy(result)
    r["submission"]["landlord"].pop("homes", None)
    r["annual_report"] = {}
    assert annual_view(r)["tsm"]["ch01_reason"] == "Not available: CH01 needs the number of homes we owned at the year end, which was not recorded."
    assert annual_view(with_metrics(result))["tsm"]["ch01_reason"] == ""
