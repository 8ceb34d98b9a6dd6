"""Answers as landlords write them: spellings, periods, roles, month and quarter dates, one
commentary column, conditional n/a, comply-or-explain, and text cut short by a YAML comment."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.assess import assess
from checker.cli import cli
from checker.codes import load_code
from checker.intake import written
from checker.intake.submission import load_submission
from checker.judge.evaluate import Context, Settings
from checker.judge.rules import answers as answer_rule
from checker.problems import InputError
from checker.result import build_result
from checker.yamlsource import load_yaml_text

HEAD = """\
code: {code}
landlord: {{name: Test Homes, nation: england}}
period: {{start: 2024-04-01, end: 2025-03-31}}
"""
EVIDENCE = '[{document: Complaints Policy, section: "2"}]'
YES_NO = ("yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after "
          "(see docs/answers.md)")


def write(tmp_path: Path, body: str, code: str = "hos-2024", head: str | None = None) -> Path:
    path = tmp_path / "submission.yaml"
    path.write_text((head if head is not None else HEAD.format(code=code)) + textwrap.dedent(body), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, body: str, code: str = "hos-2024", head: str | None = None) -> list[str]:
    path = write(tmp_path, body, code, head)
    with pytest.raises(InputError) as caught:
        load_submission(path, "submission.yaml")
    return [str(p) for p in caught.value.problems]


def findings_of(tmp_path: Path, body: str, code: str = "hos-2024", head: str | None = None, provision: str | None = None) -> list[str]:
    evaluation = assess(write(tmp_path, body, code, head), display="submission.yaml")
    return [f"{f.location.line}:{f.location.column} {f.severity} {f.rule}: {f.message}" for f in evaluation.all_findings
            if provision is None or f.provision == provision]


# ---------------------------------------------------------------- spellings


@pytest.mark.parametrize("written_as, value", [
    ("Yes", "yes"), ("Yes.", "yes"), ("YES", "yes"), ("Y", "yes"), ("y", "yes"), ("Yes – we comply", "yes"),
    ("Yes - see below", "yes"), ("We comply", "yes"), ("we COMPLY.", "yes"), ("Yes, fully", "yes"), ("Met", "yes"),
    ("Partial", "partial"), ("Partially", "partial"), ("PARTIALLY.", "partial"), ("Partly - see commentary", "partial"),
    ("No", "no"), ("No.", "no"), ("N", "no"), ("no – see below", "no"), ("Not met", "no"), ("Non-compliant", "no"),
    ("N/A", "n/a"), ("n/a", "n/a"), ("Not applicable", "n/a"), ("NA", "n/a"), ("N/a - two stages only", "n/a"),
    ("not applicable.", "n/a"),
])
def test_every_spelling_is_read(written_as, value):
    read = written.read_comply(written_as)
    assert (read.value, read.kind, read.as_written) == (value, "answer", written_as)


def test_yaml_booleans_are_answers_with_nothing_written():
    assert written.read_comply(True) == written.ReadAnswer("yes", "answer", "")
    assert written.read_comply(False) == written.ReadAnswer("no", "answer", "")


@pytest.mark.parametrize("text", ["TBC", "In progress", "tbd", "Nope", "Yess", "Maybe", "Yes/No", "?", "-", "Nothing yet"])
def test_rubbish_is_not_read_as_an_answer(text):
    assert written.read_comply(text).kind == "unknown"


@pytest.mark.parametrize("text", ["Not known at present", "Notwithstanding the above we comply", "Yesterday we met"])
def test_a_spelling_must_end_at_a_word_boundary(text):
    """'Not...' is not 'No', 'Yesterday' is not 'Yes': these are answers in words, not answers."""
    assert written.read_comply(text).value == ""


def test_text_answers_are_words_not_answers():
    assert written.read_comply("We have a two-stage process") == written.ReadAnswer("", "words", "We have a two-stage process")


def test_the_74_error_habit_gives_no_errors(tmp_path):
    """`comply: Yes` on every row of hos-2024, as published pages write it: every row read, none refused."""
    code = load_code("hos-2024")
    body = "answers:\n" + "".join(f'  "{p.id}": {{comply: Yes, evidence: {EVIDENCE}}}\n' for p in code.form_rows)
    sub = load_submission(write(tmp_path, body), "submission.yaml")
    assert len(sub.answers) == 72
    assert {(a.comply, a.answer_as_written) for a in sub.answers.values()} == {("yes", "Yes")}
    evaluation = assess(tmp_path / "submission.yaml")
    rules = {f.rule for f in evaluation.all_findings}
    assert not rules & {"unanswered", "answer-in-words", "no-evidence"}
    assert evaluation.verdict_counts()["unanswered"] == 0


def test_the_result_keeps_the_answer_as_written(tmp_path):
    body = f"""\
    answers:
      "1.2": {{comply: "Yes – we comply", evidence: {EVIDENCE}}}
      "1.3": {{comply: true, evidence: {EVIDENCE}}}
      "1.4": {{comply: yes, evidence: {EVIDENCE}}}
    """
    result = build_result(assess(write(tmp_path, body)))
    rows = {p["id"]: (p["answer"], p["answer_as_written"]) for p in result["provisions"][:4]}
    assert rows == {"1.2": ("yes", "Yes – we comply"), "1.3": ("yes", None), "1.4": ("yes", "yes"), "1.5": (None, None)}


def test_the_result_schema_accepts_the_new_fields(tmp_path):
    import jsonschema

    from checker.validation import load_schema

    body = f"""\
    answers:
      "1.2": {{comply: "Yes.", evidence: {EVIDENCE}}}
      "1.3": {{comply: "No.", commentary: "We will rewrite the leaflet by October 2025."}}
    """
    result = build_result(assess(write(tmp_path, body)))
    jsonschema.validate(json.loads(json.dumps(result)), load_schema("result.schema.json"))
    row = result["provisions"][1]
    assert row["read_from_commentary"] == {"explanation": True, "action": True, "action_phrase": "We will",
                                           "target_date": "2025-10-31", "date_phrase": "by October 2025", "date_read_as": "month"}


def test_partial_and_na_are_refused_where_the_version_does_not_allow_them(tmp_path):
    body = """\
    answers:
      "1.2": {comply: Partially}
      "1.3": {comply: N/A}
      "1.4": {comply: partial}
    """
    assert problems_of(tmp_path, body) == [
        "submission.yaml:5:19: error: 'Partially' (partial) is not an answer hos-2024 allows; hos-2024 allows yes or no; "
        "a requirement met in part is answered no, with an explanation and an action plan [answer-not-allowed]",
        "submission.yaml:6:19: error: 'N/A' (n/a) is not an answer hos-2024 allows; hos-2024 allows yes or no [answer-not-allowed]",
        "submission.yaml:7:19: error: 'partial' is not an answer hos-2024 allows; hos-2024 allows yes or no; "
        "a requirement met in part is answered no, with an explanation and an action plan [answer-not-allowed]",
    ]


def test_na_is_refused_on_a_2020_row_that_does_not_allow_it(tmp_path):
    assert problems_of(tmp_path, 'answers:\n  "1.1": {comply: Not applicable}\n', code="hos-2020") == [
        "submission.yaml:5:19: error: provision 1.1 cannot be answered n/a in hos-2020; answer yes or no "
        "(n/a only on 3.4, 3.5, 4.8, 4.9, 5.2, 6.4) [answer-not-allowed]",
    ]


def test_partial_is_read_where_the_version_allows_it(tmp_path):
    sub = load_submission(write(tmp_path, 'answers:\n  "1.5": {comply: Partially, explanation: x}\n', code="hos-2022"))
    assert (sub.answers["1.5"].comply, sub.answers["1.5"].answer_as_written) == ("partial", "Partially")


def test_unreadable_answers_list_the_spellings(tmp_path):
    body = """\
    answers:
      "1.2": {comply: TBC}
      "1.3": {comply: In progress}
    """
    assert problems_of(tmp_path, body) == [
        f"submission.yaml:5:19: error: 'TBC' is not an answer chc can read; 1.2 takes {YES_NO} [answer-not-recognised]",
        f"submission.yaml:6:19: error: 'In progress' is not an answer chc can read; 1.3 takes {YES_NO} [answer-not-recognised]",
    ]


def test_unreadable_answers_come_with_the_schema_problems(tmp_path):
    """All problems in one run: an unreadable answer is not hidden behind a schema problem."""
    body = """\
    answers:
      "1.2": {comply: TBC, colour: blue}
      "1.3": {comply: 5}
    """
    assert problems_of(tmp_path, body) == [
        f"submission.yaml:5:19: error: 'TBC' is not an answer chc can read; 1.2 takes {YES_NO} [answer-not-recognised]",
        "submission.yaml:5:24: error: answers.1.2: unknown key 'colour'; expected one of: comply, value, values, text, choice, "
        "evidence, commentary, explanation, reason, action, needs_review, carried_from, reviewed [unknown-key]",
        "submission.yaml:6:19: error: answers.1.3.comply: expected text or true or false or nothing, found 5 [schema]",
    ]


def test_a_text_answer_is_kept_as_commentary_and_the_row_is_unanswered(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: We have a two-stage process
        commentary: Stage one is handled by the service team.
    """
    evaluation = assess(write(tmp_path, body), display="submission.yaml")
    row = next(r for r in evaluation.provisions if r.provision.id == "1.2")
    assert row.verdict == "unanswered"
    assert row.answer.commentary == "We have a two-stage process\n\nStage one is handled by the service team."
    assert [f"{f.location.line}:{f.location.column} {f.severity} {f.rule}: {f.message}" for f in row.findings] == [
        "6:13 error answer-in-words: 1.2 is answered in words, not yes or no: \"We have a two-stage process\" "
        "(kept as commentary); give the answer in comply and the words in commentary",
    ]
    assert build_result(evaluation)["provisions"][0]["answer_as_written"] == "We have a two-stage process"


# ---------------------------------------------------------------- text cut by a comment


def test_a_comment_that_cuts_text_is_a_warning_at_the_hash(tmp_path):
    body = f"""\
    answers:
      "1.2":
        comply: yes  # checked by the MRC
        evidence: {EVIDENCE}
        commentary: See complaint #4411 for the details
    """
    assert [f for f in findings_of(tmp_path, body, provision="") if "text-cut" in f] == [
        "8:31 warning text-cut-by-comment: answers.1.2.commentary: the text stops at ' #' (YAML reads the rest of the line "
        "as a comment), so only \"See complaint\" is kept and \"#4411 for the details\" is lost; put the whole text in double "
        "quotes: \"See complaint #4411 for the details\"",
    ]


def test_a_quoted_hash_and_a_comment_after_an_answer_are_not_warned(tmp_path):
    body = f"""\
    answers:
      "1.2":
        comply: yes # checked
        evidence: [Complaints policy s.2]  # the 2024 edition
        commentary: "See complaint #4411 for the details"
        explanation: Complaint#4411 is the example
    """
    assert [f for f in findings_of(tmp_path, body, provision="") if "text-cut" in f] == []


def test_the_comment_warning_shows_in_check_and_validate(tmp_path):
    write(tmp_path, 'answers:\n  "1.2":\n    comply: yes\n    evidence:\n      - Complaints Policy #2 section 3\n')
    path = str(tmp_path / "submission.yaml")
    expected = (f"{path}:8:27: warning: answers.1.2.evidence[1]: the text stops at ' #' (YAML reads the rest of the line "
                "as a comment), so only \"Complaints Policy\" is kept and \"#2 section 3\" is lost; put the whole text in "
                "double quotes: \"Complaints Policy #2 section 3\" [text-cut-by-comment]")
    validated = CliRunner().invoke(cli, ["validate", path])
    assert expected in validated.output.splitlines()
    checked = CliRunner().invoke(cli, ["check", path])
    assert "text-cut-by-comment" in checked.output and "Complaints Policy #2 section 3" in checked.output


def test_every_yaml_writer_quotes_text_with_a_hash(tmp_path):
    from checker.intake import migrate
    from checker.intake.scaffold import dump_submission
    from checker.intake.workbook import export_workbook, import_to_yaml

    text = "See complaint #4411 for the details"
    long_text = "The details of complaint #4411 are in the case file, with the letters sent to the resident " * 2
    code = load_code("hos-2024")
    data = {"code": "hos-2024", "landlord": {"name": "Test Homes", "nation": "england"},
            "period": {"start": dt.date(2024, 4, 1), "end": dt.date(2025, 3, 31)},
            "answers": {"1.2": {"comply": "Yes.", "evidence": [text], "commentary": text},
                        "1.3": {"comply": "No", "explanation": long_text.strip(),
                                "action": {"what": text, "owner": "Team #2 lead", "target_date": "October 2025"}}}}

    def check(yaml_text: str) -> dict:
        doc = load_yaml_text(yaml_text, "out.yaml")
        assert doc.comment_cuts == ()
        return doc.data["answers"]

    scaffolded = check(dump_submission(data, code))
    assert (scaffolded["1.2"]["commentary"], scaffolded["1.3"]["action"]["owner"]) == (text, "Team #2 lead")
    book = tmp_path / "book.xlsx"
    book.write_bytes(export_workbook(data, code))
    imported = check(import_to_yaml(book))
    assert (imported["1.2"]["commentary"], imported["1.2"]["comply"], imported["1.3"]["action"]["target_date"]) == (text, "Yes.", "October 2025")
    golden = Path(__file__).parent / "golden" / "hos2022-migration"
    source = tmp_path / "hos2022.yaml"
    source.write_text((golden / "submission.yaml").read_text(encoding="utf-8").replace(
        "commentary: Our policy and practice meet this provision.", f'commentary: "{text}"'), encoding="utf-8")
    migrated, report = migrate.migrate(load_submission(source), load_code("hos-2024"), period="2025-26")
    carried = check(migrate.to_yaml(migrated, report))
    assert carried["1.2"]["commentary"] == text


# ---------------------------------------------------------------- periods, roles, dates


@pytest.mark.parametrize("period", ["2024-25", "2024/25", "2024-2025", '"2024 / 25"', "FY 2024/25", "{label: 2024/25}"])
def test_a_period_label_means_the_financial_year(tmp_path, period):
    head = f"code: hos-2024\nlandlord: {{name: Test Homes, nation: england}}\nperiod: {period}\n"
    evaluation = assess(write(tmp_path, "answers: {}\n", head=head), display="submission.yaml")
    sub = evaluation.submission
    assert (sub.period_start, sub.period_end) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    label = period.strip('"').replace("{label: ", "").rstrip("}")
    assert [f.message for f in evaluation.findings if f.rule == "period-read"] == [
        f"the period '{label}' is read as the UK financial year, 1 April 2024 to 31 March 2025"]


@pytest.mark.parametrize("period, message", [
    ("2024-26", "submission.yaml:3:9: error: '2024-26' is not a period chc can read; write a UK financial year (2024-25 or "
                "2024/25, read as 1 April to 31 March), or give start: and end: dates [bad-period]"),
    ("{start: 2024-04-01}", "submission.yaml:3:9: error: period gives start but not end; give both dates, or a financial "
                            "year such as 2024-25 [bad-period]"),
    ("{}", "submission.yaml:3:9: error: period needs start and end dates, or a financial year such as 2024-25 [bad-period]"),
])
def test_an_unreadable_period_is_a_located_problem(tmp_path, period, message):
    head = f"code: hos-2024\nlandlord: {{name: Test Homes, nation: england}}\nperiod: {period}\n"
    assert problems_of(tmp_path, "answers: {}\n", head=head) == [message]


def test_dates_given_keep_their_meaning_with_no_note(tmp_path):
    evaluation = assess(write(tmp_path, "answers: {}\n"))
    assert not [f for f in evaluation.findings if f.rule == "period-read"]


def test_a_person_given_by_role_is_accepted_and_warned_only_where_a_name_is_needed(tmp_path):
    head = HEAD.format(code="hos-2024") + textwrap.dedent("""\
    governance:
      complaints_officer: Complaints Manager
      senior_lead: {role: Director of Housing}
      mrc: Chair of the Board
    """)
    evaluation = assess(write(tmp_path, "answers: {}\n", head=head), display="submission.yaml")
    assert dict(evaluation.submission.governance["complaints_officer"]) == {"role": "Complaints Manager"}
    assert [f"{f.location.line}:{f.location.column} {f.severity} {f.rule}: {f.message}" for f in evaluation.findings
            if f.rule == "role-not-name"] == [
        "7:8 warning role-not-name: governance.mrc gives a role ('Chair of the Board') but no name; hos-2024 needs a named person here (add name:)"]


def test_a_name_given_alone_is_a_name_and_spso_needs_no_mrc(tmp_path):
    head = HEAD.format(code="hos-2024") + "governance:\n  mrc: Alex Reid\n"
    evaluation = assess(write(tmp_path, "answers: {}\n", head=head))
    assert dict(evaluation.submission.governance["mrc"]) == {"name": "Alex Reid"}
    assert not [f for f in evaluation.findings if f.rule == "role-not-name"]
    head = "code: spso-2021\nlandlord: {name: Test Homes, nation: scotland}\nperiod: 2024-25\ngovernance:\n  mrc: Chair of the Board\n"
    assert not [f for f in assess(write(tmp_path, "answers: {}\n", head=head)).findings if f.rule == "role-not-name"]


@pytest.mark.parametrize("text, date, read_as", [
    ("2025-10", dt.date(2025, 10, 31), "month"), ("October 2025", dt.date(2025, 10, 31), "month"),
    ("Oct 2025", dt.date(2025, 10, 31), "month"), ("Sept 2025", dt.date(2025, 9, 30), "month"),
    ("10/2025", dt.date(2025, 10, 31), "month"), ("February 2028", dt.date(2028, 2, 29), "month"),
    ("Q1 2025/26", dt.date(2025, 6, 30), "quarter"), ("Q2 2025/26", dt.date(2025, 9, 30), "quarter"),
    ("Q3 2025/26", dt.date(2025, 12, 31), "quarter"), ("Q4 2025/26", dt.date(2026, 3, 31), "quarter"),
    ("Q3 2025-26", dt.date(2025, 12, 31), "quarter"), ("Q3 2025", dt.date(2025, 9, 30), "quarter"),
    ("Quarter 4 2025", dt.date(2025, 12, 31), "quarter"),
    ("31/10/2025", dt.date(2025, 10, 31), ""), ("31 October 2025", dt.date(2025, 10, 31), ""),
    ("1st March 2026", dt.date(2026, 3, 1), ""), ("2025-10-31", dt.date(2025, 10, 31), ""),
    ("end of March 2026", dt.date(2026, 3, 31), "month"),
])
def test_target_date_forms(text, date, read_as):
    assert written.read_date(text) == written.ReadDate(date, read_as, text)


@pytest.mark.parametrize("text", ["soon", "next year", "Q5 2025", "Q3 2025/27", "31/02/2025", "Octember 2025", "2025"])
def test_unreadable_target_dates(text):
    assert written.read_date(text) is None


def test_a_month_target_date_is_read_as_its_last_day_with_a_note(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: no
        explanation: The leaflet is out of date.
        action: {what: Reprint it, owner: Comms team, target_date: Q3 2025/26}
    """
    assert findings_of(tmp_path, body, provision="1.2") == [
        "8:64 info date-read: the target date for 1.2, 'Q3 2025/26', is read as 2025-12-31 (the last day of that quarter)"]
    assert build_result(assess(write(tmp_path, body)))["provisions"][0]["action"] == {
        "what": "Reprint it", "owner": "Comms team", "target_date": "2025-12-31",
        "target_date_as_written": "Q3 2025/26", "target_date_read_as": "quarter"}


def test_an_unreadable_target_date_is_a_located_problem(tmp_path):
    body = 'answers:\n  "1.2": {comply: no, explanation: x, action: {what: y, target_date: soon}}\n'
    assert problems_of(tmp_path, body) == [
        "submission.yaml:5:70: error: 'soon' is not a date chc can read; write 2025-10-31, 31/10/2025, 31 October 2025, or a "
        "month or quarter: 2025-10, October 2025, Q3 2025/26 (a month or quarter is read as its last day; Q1 of 2025/26 is "
        "April to June 2025) [bad-date]"]


# ---------------------------------------------------------------- one commentary column


@pytest.mark.parametrize("text, phrase, date", [
    ("We will update the policy by October 2025.", "by October 2025", dt.date(2025, 10, 31)),
    ("The leaflet will be rewritten by the end of March 2026.", "by the end of March 2026", dt.date(2026, 3, 31)),
    ("A new form is planned in Q3 2025/26.", "in Q3 2025/26", dt.date(2025, 12, 31)),
    ("Reviewed in March 2024; the update is due by 31/10/2025.", "due by 31/10/2025", dt.date(2025, 10, 31)),
    ("The update will land by 31/10/2025.", "by 31/10/2025", dt.date(2025, 10, 31)),
    ("We aim to finish before 1st December 2025, then train staff.", "before 1st December 2025", dt.date(2025, 12, 1)),
    ("Target date: Oct 2025", "Target date: Oct 2025", dt.date(2025, 10, 31)),
])
def test_a_date_in_the_commentary_becomes_the_target(text, phrase, date):
    found = written.find_target_date(text, after=dt.date(2025, 3, 31))
    assert (found.date, found.phrase) == (date, phrase)


@pytest.mark.parametrize("text", [
    "In March 2024 we reviewed the policy.",  # a date in the past said with 'in': when it happened, not a target
    "Our policy was adopted in 2019 and gives 15 working days.",
    "We have 2,025 homes and reply within 10 days.",
    "Complaint reference 31/10/2025-A was upheld.",
    "Not met.",
])
def test_no_target_date_is_read_where_there_is_none(text):
    assert written.find_target_date(text, after=dt.date(2025, 3, 31)) is None


def test_the_action_phrase_examples_in_the_data_are_read_both_ways():
    data = written.phrases()["action"]
    assert [t for t in data["examples"] if not written.find_action(t)] == []
    assert [t for t in data["not"] if written.find_action(t)] == []


def test_one_commentary_column_is_the_explanation_plan_and_date(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: No.
        commentary: Our leaflet does not describe the stages. We will reprint it by October 2025.
    """
    assert findings_of(tmp_path, body, provision="1.2") == [
        "5:3 warning no-owner: the action for 1.2 names no owner",
        "5:3 info commentary-read: 1.2: the commentary is read as the explanation, as the action plan ('We will'), "
        "with target date 2025-10-31 (from 'by October 2025', the last day of that month)",
    ]


def test_a_commentary_with_no_plan_gives_no_action(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: "No"
        commentary: The leaflet is out of date and needs updating.
    """
    assert findings_of(tmp_path, body, provision="1.2") == [
        "5:3 error no-action: 1.2 is answered 'no' and its commentary says why, but not what will be done (an action plan: what, by whom, by when)",
        "5:3 info commentary-read: 1.2: the commentary is read as the explanation",
    ]


def test_a_commentary_plan_with_no_date_gives_no_target_date(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: N
        commentary: The leaflet is out of date; we are reviewing it with residents.
    """
    assert findings_of(tmp_path, body, provision="1.2") == [
        "5:3 error no-target-date: the commentary of 1.2 says what will be done ('we are reviewing') but gives no date by which it will comply",
        "5:3 warning no-owner: the action for 1.2 names no owner",
        "5:3 info commentary-read: 1.2: the commentary is read as the explanation, as the action plan ('we are reviewing')",
    ]


def test_a_past_date_in_the_commentary_plan_has_passed(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: no
        commentary: We will reprint the leaflet by January 2025.
    """
    rules = [line.split(": ", 1)[0] for line in findings_of(tmp_path, body, provision="1.2")]
    assert rules == ["5:3 error target-date-passed", "5:3 warning no-owner", "5:3 info commentary-read"]


def test_with_an_explanation_written_the_commentary_gives_only_the_plan(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: no
        commentary: We will do it by October 2025.
        explanation: Not yet done.
    """
    assert findings_of(tmp_path, body, provision="1.2") == [
        "5:3 warning no-owner: the action for 1.2 names no owner",
        "5:3 info commentary-read: 1.2: the commentary is read as the action plan ('We will'), with target date 2025-10-31 "
        "(from 'by October 2025', the last day of that month)",
    ]
    result = build_result(assess(write(tmp_path, body)))["provisions"][0]
    assert (result["explanation"], result["read_from_commentary"]["explanation"]) == ("Not yet done.", False)


def test_a_written_explanation_and_action_are_never_replaced_by_the_commentary(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: no
        commentary: We will do it by October 2025.
        explanation: Not yet done.
        action: {what: Do it, owner: Team lead, target_date: 2025-12-31}
    """
    assert findings_of(tmp_path, body, provision="1.2") == []
    assert build_result(assess(write(tmp_path, body)))["provisions"][0]["read_from_commentary"] is None


def test_an_explanation_and_a_commentary_with_no_plan_still_need_an_action(tmp_path):
    body = """\
    answers:
      "1.2":
        comply: no
        commentary: Residents have not raised this.
        explanation: Not yet done.
    """
    assert findings_of(tmp_path, body, provision="1.2") == [
        "5:3 error no-action: 1.2 is answered 'no' without an action plan (what will be done, by whom, by when)"]


def test_an_empty_no_still_needs_everything(tmp_path):
    assert findings_of(tmp_path, 'answers:\n  "1.2": {comply: "No."}\n', provision="1.2") == [
        "5:3 error no-action: 1.2 is answered 'no' without an action plan (what will be done, by whom, by when)",
        "5:3 error no-explanation: 1.2 is answered 'no' without an explanation of why it is not met",
    ]


# ---------------------------------------------------------------- conditional n/a, comply-or-explain


def test_a_conditional_question_answered_na_needs_no_reason(tmp_path):
    body = 'answers:\n  "3.4": {comply: N/A}\n  "3.5": {comply: Not applicable}\n'
    evaluation = assess(write(tmp_path, body, code="hos-2020"))
    rows = {r.provision.id: r for r in evaluation.provisions if r.provision.id in ("3.4", "3.5")}
    assert {pid: (r.verdict, r.findings) for pid, r in rows.items()} == {"3.4": ("not-applicable", ()), "3.5": ("not-applicable", ())}
    applies = {p["id"]: p["applies_if"] for p in build_result(evaluation)["provisions"] if p["applies_if"]}
    assert applies == {"3.4": "the procedure has a third stage", "3.5": "the procedure has a third stage",
                       "4.8": "a timescale was extended", "4.9": "a timescale was extended",
                       "5.2": "the Ombudsman's timescale for evidence was extended", "6.4": "a request to escalate was refused"}


def test_an_unconditional_na_still_needs_a_reason(tmp_path):
    sub = load_submission(write(tmp_path, 'answers:\n  "3.4": {comply: n/a}\n', code="hos-2020"))
    provision = replace(sub.code.provision("3.4"), applies_if="")
    found = list(answer_rule.check(Context(sub, Settings()), provision, sub.answers["3.4"]))
    assert [(f.rule, f.severity, f.message) for f in found] == [("no-reason", "error", "3.4 is answered n/a without a reason")]


@pytest.mark.parametrize("code, severity", [("hos-2020", "warning"), ("hos-2022", "warning"), ("hos-2024", "error")])
def test_an_explained_no_without_a_plan(tmp_path, code, severity):
    pid = {"hos-2020": "1.1", "hos-2022": "1.5", "hos-2024": "1.2"}[code]
    body = f'answers:\n  "{pid}": {{comply: "No", explanation: "Residents chose another route, which we explain in our leaflet."}}\n'
    found = findings_of(tmp_path, body, code=code, provision=pid)
    if severity == "warning":
        assert found == [f"5:3 warning no-action: {pid} is answered 'no' with an explanation and no action plan; {code} is "
                         "comply-or-explain, so an explained alternative approach is a warning (give an action plan if the "
                         "requirement is to be met)"]
    else:
        assert found == [f"5:3 error no-action: {pid} is answered 'no' without an action plan (what will be done, by whom, by when)"]


def test_an_unexplained_no_is_an_error_under_comply_or_explain(tmp_path):
    found = findings_of(tmp_path, 'answers:\n  "1.1": {comply: "No"}\n', code="hos-2020", provision="1.1")
    assert [line.split(": ", 1)[0] for line in found] == ["5:3 error no-action", "5:3 error no-explanation"]


# ---------------------------------------------------------------- workbook


def test_the_workbook_reads_the_same_spellings(tmp_path):
    from openpyxl import load_workbook

    from checker.intake.workbook import export_workbook, import_workbook

    code = load_code("hos-2024")
    data = {"code": "hos-2024", "landlord": {"name": "Test Homes", "nation": "england"}, "period": "2024-25", "answers": {}}
    book = tmp_path / "book.xlsx"
    book.write_bytes(export_workbook(data, code))
    wb = load_workbook(book)
    ws = wb["Answers"]
    header = {c.value: c.column for c in ws[1]}
    for row, value in ((2, "Yes."), (3, "Y"), (4, "We comply"), (5, "No – see commentary"), (6, "yes")):
        ws.cell(row=row, column=header["Comply"], value=value)
    wb.save(book)
    answers, _ = import_workbook(book)
    assert {pid: a["comply"] for pid, a in answers["answers"].items()} == {
        "1.2": "Yes.", "1.3": "Y", "1.4": "We comply", "1.5": "No – see commentary", "1.6": "yes"}
    ws.cell(row=7, column=header["Comply"], value="Partially")
    ws.cell(row=8, column=header["Comply"], value="TBC")
    wb.save(book)
    with pytest.raises(InputError) as caught:
        import_workbook(book, display="book.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        "book.xlsx[Answers]!D7: error: 'Partially' (partial) is not an answer hos-2024 allows; use yes or no [answer-not-allowed]",
        f"book.xlsx[Answers]!D8: error: 'TBC' is not an answer chc can read; 2.2 takes {YES_NO} [answer-not-recognised]",
    ]


# ---------------------------------------------------------------- the documentation


def test_the_date_forms_the_docs_show_are_read_as_they_say():
    doc = (Path(__file__).parent.parent / "docs" / "answers.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `") and line.count("`") >= 4 and "-" in line.split("|")[2]]
    assert len(rows) >= 8
    for line in rows:
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        read = written.read_date(cells[0])
        assert read is not None and read.date.isoformat() == cells[1], line
