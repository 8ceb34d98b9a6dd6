"""Write caselog.csv for the fictional Strathkinnell Housing Association example (SPSO, 2024-25).

The log covers the first half of the year (April to September 2024), one row per complaint per
stage. Its second quarter is built to reproduce the averages a Scottish landlord published in its
Q2 (July to September 2024) complaints update: 1.04 working days to resolve stage 1 complaints,
7.5 for stage 2 complaints and 5.5 for escalated complaints. Nothing is random; running this again
writes a byte-identical file:

    python evidence/examples/strathkinnell-2024-25/make_caselog.py          # write, print figures
    python evidence/examples/strathkinnell-2024-25/make_caselog.py --check  # only print figures

Counting rules (SPSO model procedure; the same ones chc uses): working days exclude weekends and
Scotland's bank holidays (the `holidays` package, subdivision SCT: 5 August 2024 falls in Q2, and
Easter Monday is not one); the day of receipt is day 0; stage 1 is answered within 5 working days
of receipt (10 in total with an extension); stage 2 is acknowledged within 3 and answered within
20 working days of the day it reaches stage 2 (for an escalated complaint, the escalation request).
A complaint is counted as received in the quarter of its receipt, and as resolved (with its
outcome and working days) in the quarter of its response.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

import holidays

HERE = Path(__file__).resolve().parent
OUT = HERE / "caselog.csv"
BANK_HOLIDAYS = holidays.UK(subdiv="SCT", years=(2024, 2025), categories=("public",))
COLUMNS = ["Ref", "Stage", "Received", "Acknowledged", "Closed", "Extension Notified", "Revised Target",
           "Escalation Requested", "Outcome", "Category"]
CATEGORIES = ("Repairs", "Rent and charges", "Estate management", "Anti-social behaviour", "Customer service", "Allocations")


def is_working(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in BANK_HOLIDAYS


def add_wd(d: dt.date, n: int) -> dt.date:
    """The nth working day after d (d is a working day, day 0)."""
    for _ in range(n):
        d += dt.timedelta(days=1)
        while not is_working(d):
            d += dt.timedelta(days=1)
    return d


def working_days_from(first: dt.date, step: int, count: int) -> list[dt.date]:
    """`count` receipt dates: working days `step` working days apart from `first`."""
    out, d = [], first
    for _ in range(count):
        out.append(d)
        d = add_wd(d, step)
    return out


def uk(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


# --- the design ------------------------------------------------------------------------------------
# Stage 1, Q1: 18 complaints received 2 April to 27 June; one (received Friday 28 June) is closed
# in July and so belongs to Q2's resolutions. One Q1 complaint had an extension (8 working days).
Q1_STAGE1_DAYS = [0, 1, 2, 1, 0, 3, 1, 2, 0, 4, 1, 8, 2, 1, 0, 3, 1, 1]
Q1_STAGE1_OUTCOMES = ["Resolved", "Upheld", "Not upheld", "Partially upheld", "Resolved", "Not upheld", "Upheld",
                      "Not upheld", "Resolved", "Partially upheld", "Upheld", "Not upheld", "Upheld", "Resolved",
                      "Resolved", "Not upheld", "Upheld", "Partially upheld"]
# Stage 1 resolved in Q2: 25 complaints, 26 working days in all (26 / 25 = 1.04).
Q2_STAGE1_DAYS = [1] + [0, 1, 2, 0, 1, 0, 2, 1, 0, 3, 1, 0, 2, 1, 0, 1, 2, 0, 1, 4, 0, 2, 1, 0]  # the first is the 28 June case
Q2_STAGE1_OUTCOMES = ["Not upheld"] + [
    "Resolved", "Upheld", "Not upheld", "Resolved", "Upheld", "Resolved", "Partially upheld", "Not upheld", "Resolved",
    "Upheld", "Partially upheld", "Resolved", "Not upheld", "Upheld", "Resolved", "Partially upheld", "Not upheld",
    "Resolved", "Upheld", "Partially upheld", "Resolved", "Not upheld", "Upheld", "Resolved"]
Q2_STAGE1_OPEN = 3  # received in the last days of September, not yet closed
# Escalated in Q2 (stage 1 complaints taken to stage 2): 5 and 6 working days (5.5).
Q2_ESCALATED = [(3, 5, "Upheld"), (8, 6, "Not upheld")]  # (which Q2 stage 1 complaint, days, outcome)
# Stage 2 complaints taken straight to stage 2 in Q2: 7 and 8 working days (7.5), one still open.
Q2_STAGE2 = [(dt.date(2024, 7, 8), 7, "Partially upheld"), (dt.date(2024, 8, 19), 8, "Not upheld"), (dt.date(2024, 9, 26), None, "")]
# Q1 stage 2: one escalated (12 working days) and one direct (16 working days).
Q1_ESCALATED = [(5, 12, "Partially upheld")]
Q1_STAGE2 = [(dt.date(2024, 5, 14), 16, "Not upheld")]


def rows() -> list[list[str]]:
    out: list[list[str]] = []
    n = 0

    def ref() -> str:
        nonlocal n
        n += 1
        return f"SK-{24000 + n}"

    stage1: list[tuple[str, dt.date, dt.date | None]] = []
    q1_dates = working_days_from(dt.date(2024, 4, 2), 3, 18)
    q1_dates[-1] = dt.date(2024, 6, 27)
    for i, (received, days, outcome) in enumerate(zip(q1_dates, Q1_STAGE1_DAYS, Q1_STAGE1_OUTCOMES)):
        closed = add_wd(received, days)
        ext = (add_wd(received, 3), add_wd(received, 9)) if days > 5 else (None, None)
        r = ref()
        stage1.append((r, received, closed))
        out.append([r, "1", uk(received), "", uk(closed), uk(ext[0]), uk(ext[1]), "", outcome, CATEGORIES[i % 6]])
    q2_dates = [dt.date(2024, 6, 28)] + working_days_from(dt.date(2024, 7, 1), 2, 24)
    for i, (received, days, outcome) in enumerate(zip(q2_dates, Q2_STAGE1_DAYS, Q2_STAGE1_OUTCOMES)):
        closed = add_wd(received, days)
        r = ref()
        stage1.append((r, received, closed))
        out.append([r, "1", uk(received), "", uk(closed), "", "", "", outcome, CATEGORIES[(i + 2) % 6]])
    for i, received in enumerate((dt.date(2024, 9, 26), dt.date(2024, 9, 27), dt.date(2024, 9, 30))[:Q2_STAGE1_OPEN]):
        out.append([ref(), "1", uk(received), "", "", "", "", "", "", CATEGORIES[i % 6]])
    q1_count = len(Q1_STAGE1_DAYS)
    for group, offset in ((Q1_ESCALATED, 0), (Q2_ESCALATED, q1_count)):
        for which, days, outcome in group:
            r, _, closed = stage1[offset + which]
            requested = add_wd(closed, 2)
            out.append([r, "2", uk(requested), uk(add_wd(requested, 2)), uk(add_wd(requested, days)), "", "", uk(requested),
                        outcome, "Repairs"])
    for received, days, outcome in Q1_STAGE2 + Q2_STAGE2:
        out.append([ref(), "2", uk(received), uk(add_wd(received, 1)), uk(add_wd(received, days)) if days else "", "", "", "",
                    outcome, "Estate management"])
    return out


def text() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows())
    return buffer.getvalue()


def figures() -> None:
    """Print the Q2 design figures, counted independently of chc."""
    s1_days = Q2_STAGE1_DAYS
    print(f"Q2 stage 1 resolved: {len(s1_days)}, {sum(s1_days)} working days, average {sum(s1_days) / len(s1_days):.2f}")
    esc = [d for _, d, _ in Q2_ESCALATED]
    print(f"Q2 escalated resolved: {len(esc)}, average {sum(esc) / len(esc):.2f}")
    s2 = [d for _, d, _ in Q2_STAGE2 if d]
    print(f"Q2 stage 2 resolved: {len(s2)}, average {sum(s2) / len(s2):.2f}")


if __name__ == "__main__":
    if "--check" not in sys.argv[1:]:
        OUT.write_text(text(), encoding="utf-8", newline="")
        print(f"wrote {OUT}")
    figures()
