"""Metrics against hand-worked figures (England, March 2025: no bank holidays in the month)."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.caselog.reader import Case, CaseLog, read_caselog
from checker.cli.metrics import metrics as metrics_command
from checker.codes import load_code
from checker.caselog.metrics import MetricSettings, compute_metrics, normalise_outcome, pct, round1
from checker.caselog.workdays import WorkingCalendar

D = dt.date
HOS = load_code("hos-2024").timescales
SPSO = load_code("spso-2021").timescales
ENG = WorkingCalendar("england")
DATA = Path(__file__).parent / "data"


def log_of(*cases):
    return CaseLog(path="test.csv", sha256="0" * 64, cases=tuple(cases), rows_read=len(cases))


def S1(id, received, ack=None, responded=None, notified=None, ext_due=None, outcome="", category="Repairs",
       tenure="LCRA", withdrawn=False):
    return Case(id, 1, received, ack, responded, notified, ext_due, None, outcome, category, tenure, withdrawn)


# Stage 1 received Mon 3 Mar 2025, acknowledged Wed 5 Mar: the response is due Wed 19 Mar (10 working days).
MARCH = log_of(
    S1("A", D(2025, 3, 3), D(2025, 3, 5), D(2025, 3, 19), outcome="Upheld"),                    # day 10: on time
    S1("B", D(2025, 3, 3), D(2025, 3, 5), D(2025, 3, 20), outcome="Partially Upheld"),          # day 11: late
    S1("C", D(2025, 3, 3), D(2025, 3, 5), D(2025, 4, 2), D(2025, 3, 19), D(2025, 4, 2),
       outcome="not upheld"),                                                                  # valid extension (+10)
    S1("D", D(2025, 3, 3), D(2025, 3, 5), D(2025, 3, 25), D(2025, 3, 20), D(2025, 4, 2),
       outcome="Not Upheld"),                                                                  # notified after due: late
    S1("E", D(2025, 3, 3), D(2025, 3, 5), D(2025, 3, 27), D(2025, 3, 10), D(2025, 4, 3),
       outcome="Referred to insurer"),                                                         # +11 beyond the cap: late
    S1("F", D(2025, 3, 3), category="Noise", tenure="LCHO", withdrawn=True),                   # withdrawn
    S1("G", D(2025, 3, 3), D(2025, 3, 5), category="Damp and mould", tenure="LCHO"),           # open
    S1("H", D(2025, 3, 3), D(2025, 3, 11), D(2025, 3, 12), category="", tenure=""),            # ack day 6 (late); 1 day
    S1("I", D(2025, 3, 1), None, D(2025, 3, 17), outcome="upheld", category="", tenure=""),    # Saturday receipt, no ack: day 10
    Case("Z9", 2, D(2025, 3, 3), D(2025, 3, 10), D(2025, 4, 7), escalation_requested=D(2025, 3, 3),
         tenure="LCHO", category="Repairs"),                                                   # stage 2, no stage 1 row
)


def test_stage1_figures():
    s1 = compute_metrics(MARCH, ENG, HOS).stage1
    assert (s1.received, s1.withdrawn, s1.acknowledged, s1.acknowledged_in_time) == (9, 1, 7, 6)
    assert s1.pct_acknowledged_in_time == 85.7  # 6 / 7
    assert (s1.responded, s1.on_time, s1.on_time_with_extension, s1.late, s1.open) == (7, 3, 1, 3, 1)
    assert s1.pct_in_time == 57.1  # (3 + 1) / 7
    # Days waited, from receipt (Mon 3 Mar is day 0; I's Saturday receipt counts from Mon 3 Mar):
    # A 12, B 13, C 22, D 16, E 18, H 7, I 10 = 98 / 7.
    assert s1.mean_working_days == 14.0
    assert s1.median_working_days == 13.0  # 7, 10, 12, 13, 16, 18, 22
    assert s1.late_examples == ("B", "D", "E")
    assert dict(s1.outcomes) == {"upheld": 2, "partly upheld": 1, "not upheld": 2, "Referred to insurer": 1, "not recorded": 1}
    assert list(s1.categories.items()) == [("Repairs", 5), ("not recorded", 2), ("Damp and mould", 1), ("Noise", 1)]


def test_stage2_with_no_stage1_row_stands_on_its_own():
    m = compute_metrics(MARCH, ENG, HOS)
    s2 = m.stage2
    assert (s2.received, s2.acknowledged, s2.acknowledged_in_time, s2.responded, s2.on_time, s2.late) == (1, 1, 1, 1, 1, 0)
    assert s2.median_working_days == 25.0  # waited from the escalation request, 3 Mar, to 7 Apr
    assert m.escalation_rate.as_dict() == {"numerator": 1, "denominator": 9, "pct": 11.1}


def test_ch02_with_and_without_extensions():
    assert dict(compute_metrics(MARCH, ENG, HOS).ch02) == {"stage1": 57.1, "stage2": 100.0}
    without = compute_metrics(MARCH, ENG, HOS, settings=MetricSettings(count_extensions_in_time=False))
    assert dict(without.ch02) == {"stage1": 42.9, "stage2": 100.0}  # 3 / 7
    assert without.stage1.on_time_with_extension == 1  # still reported, just not counted in time


def test_ch02_by_tenure():
    # LCRA: A, B, C, D, E (on time A, extension C) + blank H, I (both on time) = 4 / 7; LCHO: nothing responded
    # at stage 1; Z9 (LCHO) on time at stage 2.
    m = compute_metrics(MARCH, ENG, HOS)
    assert m.as_dict()["ch02_by_tenure"] == {"lcra": {"stage1": 57.1, "stage2": None}, "lcho": {"stage1": None, "stage2": 100.0}}
    excl = compute_metrics(MARCH, ENG, HOS, settings=MetricSettings(blank_tenure="exclude", count_extensions_in_time=False))
    assert excl.ch02_by_tenure["lcra"]["stage1"] == 20.0  # A only, of A-E


def test_ch01_per_thousand_homes():
    m = compute_metrics(MARCH, ENG, HOS, homes_lcra=2000, homes_lcho=300)
    # LCRA stage 1: 5 LCRA + 2 blank = 7 / 2000 * 1000 = 3.5; LCHO: 2 / 300 * 1000 = 6.67; stage 2 LCHO 1 / 300 * 1000.
    assert m.as_dict()["ch01"] == {"lcra": {"stage1": 3.5, "stage2": 0.0}, "lcho": {"stage1": 6.7, "stage2": 3.3}}
    excl = compute_metrics(MARCH, ENG, HOS, 2000, 300, MetricSettings(blank_tenure="exclude"))
    assert excl.ch01["lcra"]["stage1"] == 2.5
    lcho = compute_metrics(MARCH, ENG, HOS, 2000, 300, MetricSettings(blank_tenure="lcho"))
    assert (lcho.ch01["lcra"]["stage1"], lcho.ch01["lcho"]["stage1"]) == (2.5, 13.3)
    none = compute_metrics(MARCH, ENG, HOS)
    assert none.as_dict()["ch01"] == {"lcra": {"stage1": None, "stage2": None}, "lcho": {"stage1": None, "stage2": None}}
    with pytest.raises(ValueError):
        compute_metrics(MARCH, ENG, HOS, homes_lcra=0)


def test_withdrawn_counted_like_others_when_asked():
    m = compute_metrics(MARCH, ENG, HOS, settings=MetricSettings(exclude_withdrawn=False))
    assert (m.stage1.received, m.stage1.withdrawn, m.stage1.open, m.stage1.responded) == (9, 1, 2, 7)


def test_same_day_convention_makes_the_saturday_receipt_late():
    m = compute_metrics(MARCH, ENG, HOS, settings=MetricSettings(count_from_non_working_day="same"))
    assert (m.stage1.on_time, m.stage1.late) == (2, 4)
    assert m.stage1.late_examples == ("B", "D", "E", "I")


def test_late_acknowledgement_can_start_the_clock_at_its_deadline():
    # Received Mon 3 Mar, acknowledged late on Fri 14 Mar (the deadline was Mon 10 Mar), answered Wed 26 Mar:
    # 8 working days after the acknowledgement, but 12 after the acknowledgement deadline.
    late_ack = log_of(S1("L", D(2025, 3, 3), D(2025, 3, 14), D(2025, 3, 26)))
    default = compute_metrics(late_ack, ENG, HOS).stage1
    assert (default.on_time, default.late) == (1, 0)
    strict = compute_metrics(late_ack, ENG, HOS, settings=MetricSettings(respond_clock_at_ack_deadline=True)).stage1
    assert (strict.on_time, strict.late, strict.late_examples) == (0, 1, ("L",))
    assert strict.mean_working_days == default.mean_working_days == 17.0  # waited from receipt either way


def test_closure_day_moves_the_due_date():
    # A closure on Fri 14 Mar moves the first due date to Thu 20 Mar: A (day 9), B (day 10), H and I
    # (day 9) are on time; D's extension, notified on 20 Mar, is now notified in time, and E's new
    # date (3 Apr) is now 10 working days after the due date: both valid, like C's.
    closed = WorkingCalendar("england", closures=frozenset({D(2025, 3, 14)}))
    m = compute_metrics(MARCH, closed, HOS)
    assert (m.stage1.on_time, m.stage1.on_time_with_extension, m.stage1.late) == (4, 3, 0)


def test_even_count_median_and_spso_without_acknowledgement_rule():
    log = log_of(*(S1(f"M{i}", D(2025, 3, 3), None, r) for i, r in
                   enumerate((D(2025, 3, 5), D(2025, 3, 6), D(2025, 3, 11), D(2025, 3, 14)))))
    s1 = compute_metrics(log, ENG, SPSO).stage1  # 2, 3, 6, 9 working days from receipt
    assert (s1.median_working_days, s1.mean_working_days) == (4.5, 5.0)
    assert (s1.on_time, s1.late) == (2, 2)  # 5 working days
    assert (s1.acknowledged_in_time, s1.pct_acknowledged_in_time) == (None, None)


def test_spso_extension_counts_in_total():
    # Received Mon 3 Mar, due Mon 10 Mar (5); an extension may run to 10 working days in total: Mon 17 Mar.
    log = log_of(
        S1("V", D(2025, 3, 3), None, D(2025, 3, 14), D(2025, 3, 7), D(2025, 3, 17)),
        S1("W", D(2025, 3, 3), None, D(2025, 3, 14), D(2025, 3, 7), D(2025, 3, 18)),
        S1("X", D(2025, 3, 3), None, D(2025, 3, 18), D(2025, 3, 7), D(2025, 3, 17)),  # replied after the new date
    )
    s1 = compute_metrics(log, ENG, SPSO).stage1
    assert (s1.on_time_with_extension, s1.late, s1.late_examples) == (1, 2, ("W", "X"))


def test_by_quarter_and_empty_stage():
    m = compute_metrics(MARCH, ENG, HOS, period_start=D(2024, 4, 1))
    assert m.as_dict()["by_quarter"] == {
        "Q1": {"stage1": 0, "stage2": 0}, "Q2": {"stage1": 0, "stage2": 0}, "Q3": {"stage1": 0, "stage2": 0},
        "Q4": {"stage1": 9, "stage2": 1}, "outside_period": {"stage1": 0, "stage2": 0},
    }
    assert compute_metrics(MARCH, ENG, HOS, period_start=D(2025, 3, 3)).by_quarter["Q1"]["stage1"] == 8  # I came 1 Mar
    empty = compute_metrics(log_of(), ENG, HOS)
    assert (empty.ch02["stage1"], empty.stage1.mean_working_days, empty.stage1.median_working_days) == (None, None, None)
    assert empty.escalation_rate.pct is None


def test_as_dict_is_json_ready_and_deterministic():
    a = json.dumps(compute_metrics(MARCH, ENG, HOS, 2000, 300).as_dict())
    b = json.dumps(compute_metrics(MARCH, ENG, HOS, 2000, 300).as_dict())
    assert a == b
    keys = list(json.loads(a))
    assert keys == ["source", "rules", "stage1", "stage2", "escalation_rate", "ch01", "ch02", "ch02_by_tenure",
                    "by_quarter"]


def test_late_examples_are_the_first_five_by_id():
    late = [S1(f"C{n}", D(2025, 3, 3), None, D(2025, 3, 31)) for n in (12, 3, 100, 7, 25, 2, 9)]
    assert compute_metrics(log_of(*late), ENG, HOS).stage1.late_examples == ("C2", "C3", "C7", "C9", "C12")


def test_rounding_is_half_up_and_exact():
    assert pct(17, 35) == 48.6
    assert round1(0.25) == 0.3 and pct(1, 8) == 12.5 and pct(1, 3, 1000) == 333.3
    assert pct(1, 0) is None


@pytest.mark.parametrize("text, name", [("Upheld", "upheld"), ("Partly upheld", "partly upheld"),
                                        ("partially_upheld", "partly upheld"), ("NOT UPHELD", "not upheld"),
                                        (" Resolved ", "Resolved")])
def test_outcome_names(text, name):
    assert normalise_outcome(text) == name


def test_fixture_486_stage1_in_time():
    log = read_caselog(DATA / "caselog_486.csv")
    assert not log.problems
    m = compute_metrics(log, ENG, HOS, homes_lcra=3500, homes_lcho=400)
    s1 = m.stage1
    assert (s1.received, s1.withdrawn, s1.responded, s1.open) == (38, 1, 35, 2)
    assert (s1.on_time, s1.on_time_with_extension, s1.late) == (15, 2, 18)
    assert s1.pct_in_time == 48.6  # 17 / 35 = 48.57%
    assert compute_metrics(log, ENG, HOS, settings=MetricSettings(count_extensions_in_time=False)).stage1.pct_in_time == 42.9
    assert (m.stage2.received, m.stage2.on_time, m.stage2.late, m.stage2.pct_in_time) == (3, 2, 1, 66.7)
    assert m.escalation_rate.as_dict() == {"numerator": 3, "denominator": 38, "pct": 7.9}


# -- the command ------------------------------------------------------------------------------

def test_command_json_matches_the_library(tmp_path):
    result = CliRunner().invoke(metrics_command, [str(DATA / "caselog_486.csv"), "--homes-lcra", "3500", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ch02"]["stage1"] == 48.6
    assert data["ch01"]["lcra"]["stage1"] == 9.7  # 34 LCRA stage 1 rows (withdrawn included) / 3,500 * 1,000 = 9.71


def test_command_text_states_the_rules():
    result = CliRunner().invoke(metrics_command, [str(DATA / "caselog_486.csv"), "--no-extensions-in-time", "--nation", "wales"])
    assert result.exit_code == 0
    assert "42.9%" in result.stdout
    assert "bank holidays of England and Wales" in result.stdout
    assert "day 0" in result.stdout
    assert "only responses within the first timescale" in result.stdout


def test_command_warns_on_bad_rows_and_fails_on_unusable_input(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("Ref,stage,received\nA,1,2025-03-03\nB,1,31/02/2025\n")
    ok = CliRunner().invoke(metrics_command, [str(path), "--column", "id=Ref"])
    assert ok.exit_code == 0
    assert f"{path}:3:3: warning: received: '31/02/2025' is not a real date" in ok.stderr
    assert "1 of 2 rows left out (bad-date 1)" in ok.stderr
    bad = CliRunner().invoke(metrics_command, [str(path)])
    assert bad.exit_code == 2
    assert "required column 'id'" in bad.stderr and "Traceback" not in bad.output
    usage = CliRunner().invoke(metrics_command, [str(path), "--closure", "2025-02-30", "--column", "nonsense", "--code", "hos-1999"])
    assert usage.exit_code == 2
    assert "'2025-02-30' is not a date" in usage.stderr and "not OURS=THEIRS" in usage.stderr
    assert "unknown Code version 'hos-1999'" in usage.stderr


def test_extension_validity_is_counted_over_replies_that_relied_on_one():
    # C: notified 19 Mar (the first due date), new date 2 Apr (+10): valid. D: notified 20 Mar, after
    # the due date: not valid. E: new date 3 Apr, 11 working days past the due date: not valid.
    s1 = compute_metrics(MARCH, ENG, HOS).stage1
    assert (s1.extensions, s1.extensions_valid, s1.pct_extensions_valid) == (3, 1, 33.3)
    assert s1.invalid_extension_examples == ("D", "E")
