"""Benchmark chc's reading of written dates against python-dateutil, the parser an analyst reaches for.

    python benchmarks/bench_dates.py            # 2,000 rounds of the phrase set, 5 repeats

Two jobs, each on phrases with a known answer:
- a target date as written ("October 2025", "Q3 2025/26", "31/10/2025"): chc's `read_date` against
  `dateutil.parser.parse(text, dayfirst=True, default=<1st of the month>)`. dateutil has no
  quarters and reads a month as its 1st, not its last day;
- the target date inside a commentary ("We will reprint it by October 2025."): chc's
  `find_target_date` against `dateutil.parser.parse(text, fuzzy=True, dayfirst=True)`, which takes
  any number it finds for a date ("15 days", "2,025 homes") and cannot tell a past event from a target.

It prints, for each, how many phrases each reader gets exactly right, and the median time per phrase.
dateparser (the library the issue names) is not installed; it is slower again than dateutil, and
looser, so it was not added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.intake.written import find_target_date, read_date  # noqa: E402

D = dt.date
VALUES = [  # (as written, the date it means: a month or quarter is its last day)
    ("2025-10-31", D(2025, 10, 31)), ("31/10/2025", D(2025, 10, 31)), ("31 October 2025", D(2025, 10, 31)),
    ("1st March 2026", D(2026, 3, 1)), ("2025-10", D(2025, 10, 31)), ("October 2025", D(2025, 10, 31)),
    ("Oct 2025", D(2025, 10, 31)), ("Sept 2025", D(2025, 9, 30)), ("10/2025", D(2025, 10, 31)),
    ("February 2028", D(2028, 2, 29)), ("end of March 2026", D(2026, 3, 31)), ("Q1 2025/26", D(2025, 6, 30)),
    ("Q3 2025/26", D(2025, 12, 31)), ("Q4 2025-26", D(2026, 3, 31)), ("Q3 2025", D(2025, 9, 30)),
    ("Quarter 4 2025", D(2025, 12, 31)), ("soon", None), ("next year", None), ("Q5 2025", None), ("31/02/2025", None),
]
TEXTS = [  # (commentary, the target date it gives, or None)
    ("We will update the policy by October 2025.", D(2025, 10, 31)),
    ("The leaflet will be rewritten by the end of March 2026.", D(2026, 3, 31)),
    ("A new form is planned in Q3 2025/26.", D(2025, 12, 31)),
    ("Reviewed in March 2024; the update is due by 31/10/2025.", D(2025, 10, 31)),
    ("We aim to finish before 1st December 2025, then train staff.", D(2025, 12, 1)),
    ("Target date: Oct 2025", D(2025, 10, 31)),
    ("In March 2024 we reviewed the policy.", None),
    ("Our policy was adopted in 2019 and gives 15 working days.", None),
    ("We have 2,025 homes and reply within 10 days.", None),
    ("Not met.", None),
]
PERIOD_END = D(2025, 3, 31)


def _dateutil_value(text: str):
    from dateutil import parser

    try:
        return parser.parse(text, dayfirst=True, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _dateutil_text(text: str):
    from dateutil import parser

    try:
        return parser.parse(text, fuzzy=True, dayfirst=True, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _chc_value(text: str):
    read = read_date(text)
    return read.date if read else None


def _chc_text(text: str):
    read = find_target_date(text, after=PERIOD_END)
    return read.date if read else None


def _time(fn, phrases, rounds: int, repeats: int) -> float:
    """Median over `repeats` of the time per phrase, in microseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(rounds):
            for text in phrases:
                fn(text)
        times.append((time.perf_counter() - start) / (rounds * len(phrases)) * 1e6)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    for label, cases, ours, theirs in (("target date values", VALUES, _chc_value, _dateutil_value),
                                       ("dates inside commentary", TEXTS, _chc_text, _dateutil_text)):
        phrases = [t for t, _ in cases]
        right_ours = sum(ours(t) == want for t, want in cases)
        right_theirs = sum(theirs(t) == want for t, want in cases)
        t_ours = _time(ours, phrases, args.rounds, args.repeats)
        t_theirs = _time(theirs, phrases, max(1, args.rounds // 10), args.repeats)
        print(f"{label}: {len(cases)} phrases")
        print(f"  chc      exact {right_ours}/{len(cases)}  {t_ours:8.1f} µs a phrase (median of {args.repeats})")
        print(f"  dateutil exact {right_theirs}/{len(cases)}  {t_theirs:8.1f} µs a phrase  ({t_theirs / t_ours:.1f}x chc's time)")


if __name__ == "__main__":
    main()
