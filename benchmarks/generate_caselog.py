"""Generate a realistic synthetic complaints case log (CSV or XLSX) for benchmarks and demos.

Seedable and deterministic: the same seed and size give the same rows (and, for CSV, the same bytes). Roughly what a housing
association's complaints system exports over a reporting year: stage 1 complaints, about 15%
escalated to stage 2, most acknowledged and answered in time, some late, some with extensions
(most valid, some notified late or too long), a few withdrawn or still open, a few received on a
weekend or bank holiday, categories, outcomes and tenures.

    python benchmarks/generate_caselog.py 100000 -o benchmarks/data/caselog_100k.csv
    python benchmarks/generate_caselog.py 10000 -o log.xlsx --seed 7
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.caselog.workdays import WorkingCalendar  # noqa: E402

HEADER = ["id", "stage", "received", "acknowledged", "responded", "extension_notified", "extended_due",
          "escalation_requested", "outcome", "category", "tenure", "withdrawn"]
CATEGORIES = [("Repairs", 38), ("Damp and mould", 14), ("Anti-social behaviour", 9), ("Staff conduct", 7),
              ("Communication", 10), ("Rent and service charges", 8), ("Estate services", 6), ("Noise", 4),
              ("Lettings and allocations", 4)]
OUTCOMES = [("Upheld", 40), ("Partly upheld", 25), ("Not upheld", 35)]
TENURES = [("LCRA", 90), ("LCHO", 8), ("", 2)]


def _weighted(rng: random.Random, pairs):
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return lambda: rng.choices(values, weights)[0]


def generate(n_rows: int, seed: int = 1, year_start: dt.date = dt.date(2024, 4, 1)):
    """Yield rows (lists of dates and text) for about `n_rows` rows: stage 1 then its stage 2."""
    rng = random.Random(seed)
    cal = WorkingCalendar("england").covering(year_start, year_start + dt.timedelta(days=800))
    add = cal.add_working_days
    days = [year_start + dt.timedelta(days=i) for i in range(365)]
    working = [d for d in days if cal.is_working_day(d)]
    non_working = [d for d in days if not cal.is_working_day(d)]
    category = _weighted(rng, CATEGORIES)
    outcome = _weighted(rng, OUTCOMES)
    tenure = _weighted(rng, TENURES)
    made = 0
    serial = 0
    while made < n_rows:
        serial += 1
        cid = f"C{serial:07d}"
        received = rng.choice(non_working) if rng.random() < 0.03 else rng.choice(working)
        withdrawn = rng.random() < 0.02
        ack = add(received, rng.choices([0, 1, 2, 3, 4, 5, 6, 8], [10, 30, 25, 15, 8, 5, 4, 3])[0])
        if rng.random() < 0.03:
            ack = None  # acknowledgement not recorded
        start = ack or received
        roll = rng.random()
        ext_notified = ext_due = None
        if roll < 0.03:
            responded = None  # still open
        elif roll < 0.78:
            responded = add(start, rng.randint(1, 10))
        elif roll < 0.85:  # extended
            ext_notified = add(start, rng.randint(3, 10) if rng.random() < 0.85 else rng.randint(11, 14))
            ext_due = add(add(start, 10), rng.randint(5, 10) if rng.random() < 0.9 else rng.randint(11, 15))
            responded = add(start, rng.randint(11, 18)) if rng.random() < 0.9 else add(ext_due, rng.randint(1, 5))
        else:  # late
            responded = add(start, rng.randint(11, 30))
        cat = category()
        ten = tenure()
        out = outcome() if responded else ""
        yield [cid, 1, received, ack, responded, ext_notified, ext_due, None, out, cat, ten, "yes" if withdrawn else ""]
        made += 1
        if made < n_rows and responded and not withdrawn and rng.random() < 0.15:
            esc = responded + dt.timedelta(days=rng.randint(0, 40))
            ack2 = add(esc, rng.choices([1, 2, 3, 5, 7], [30, 30, 20, 12, 8])[0])
            roll = rng.random()
            e_notified = e_due = None
            if roll < 0.05:
                responded2 = None
            elif roll < 0.80:
                responded2 = add(ack2, rng.randint(5, 20))
            elif roll < 0.88:
                e_notified = add(ack2, rng.randint(10, 20))
                e_due = add(add(ack2, 20), rng.randint(5, 20))
                responded2 = add(ack2, rng.randint(21, 38))
            else:
                responded2 = add(ack2, rng.randint(21, 45))
            out2 = outcome() if responded2 else ""
            yield [cid, 2, esc, ack2, responded2, e_notified, e_due, esc, out2, cat, ten, ""]
            made += 1


def _uk(d) -> str:
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def _iso(d) -> str:
    return "" if d is None else d.isoformat()


def write_csv(path: Path, rows, date_format: str = "uk", delimiter: str = ",") -> None:
    fmt = _uk if date_format == "uk" else _iso
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r[0], r[1], *(fmt(d) for d in r[2:8]), *r[8:]])


def write_xlsx(path: Path, rows) -> None:
    """Real Excel dates (date cells with a date format), as most systems export."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Complaints")
    ws.append(HEADER)
    for r in rows:
        cells = list(r[:2])
        for d in r[2:8]:
            if d is None:
                cells.append(None)
            else:
                c = WriteOnlyCell(ws, value=d)
                c.number_format = "dd/mm/yyyy"
                cells.append(c)
        cells += r[8:]
        ws.append(cells)
    wb.save(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", type=int, help="number of rows (stage 1 and stage 2 together)")
    ap.add_argument("-o", "--output", type=Path, required=True, help=".csv or .xlsx")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--date-format", choices=["uk", "iso"], default="uk", help="CSV dates: 31/01/2025 or 2025-01-31")
    ap.add_argument("--year-start", type=dt.date.fromisoformat, default=dt.date(2024, 4, 1))
    args = ap.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    rows = generate(args.rows, args.seed, args.year_start)
    if args.output.suffix.lower() == ".xlsx":
        write_xlsx(args.output, rows)
    else:
        write_csv(args.output, rows, args.date_format)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
