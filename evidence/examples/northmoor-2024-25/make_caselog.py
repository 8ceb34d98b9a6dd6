"""Generate caselog.csv for the fictional Northmoor Homes example (2024-25) and print its figures.

The export imitates a complaints system: one row per complaint *per stage* (a stage 2 row repeats
the stage 1 "Case Ref"), its own column names, UK day-first dates. Everything is seeded, so running
this again writes a byte-identical file:

    python evidence/examples/northmoor-2024-25/make_caselog.py          # write and print figures
    python evidence/examples/northmoor-2024-25/make_caselog.py --check  # only print figures

Counting rules used by the small checker at the bottom (the same ones chc documents):
- working days exclude Saturdays, Sundays and England and Wales bank holidays (`holidays`);
- the day a complaint (or escalation request) is received is day 0; if it arrives on a
  non-working day, day 0 is the next working day;
- stage 1: acknowledged within 5 working days of receipt; responded within 10 working days of
  the acknowledgement; stage 2: acknowledged within 5 working days of the escalation request,
  responded within 20 working days of the stage 2 acknowledgement;
- an extension counts when it was notified on or before the original due date and the revised
  due date is no more than 10 (stage 2: 20) working days after the original due date; a reply by
  a valid revised due date is in time;
- withdrawn complaints are left out of the timeliness figures; "responded" means a response
  date is present; acknowledgement shares are over all non-withdrawn complaints of the stage;
- mean working days: receipt (stage 2: escalation request) to response, over responded cases.

The design target is that 48.6% of responded stage 1 complaints are in time, which the
landlord's self-assessment nevertheless answers "yes" to (provision 6.3).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path

import holidays

HERE = Path(__file__).resolve().parent
OUT = HERE / "caselog.csv"
START, END = dt.date(2024, 4, 1), dt.date(2025, 3, 31)
BANK_HOLIDAYS = holidays.UK(subdiv="ENG", years=(2024, 2025))
HOMES = {"LCRA": 8412, "LCHO": 603}

COLUMNS = ["Case Ref", "Stage", "Date Received", "Channel", "Date Acknowledged", "Response Date",
           "Extension Agreed", "Revised Due Date", "Escalation Date", "Outcome", "Service Area",
           "Tenure", "Withdrawn"]
# ours: theirs, as written in submission.yaml under case_log.columns
MAPPING = {"id": "Case Ref", "stage": "Stage", "received": "Date Received",
           "acknowledged": "Date Acknowledged", "responded": "Response Date",
           "extension_notified": "Extension Agreed", "extended_due": "Revised Due Date",
           "escalation_requested": "Escalation Date", "outcome": "Outcome",
           "category": "Service Area", "tenure": "Tenure", "withdrawn": "Withdrawn"}


# --- working days --------------------------------------------------------------------------

def is_working(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in BANK_HOLIDAYS


def day_zero(d: dt.date) -> dt.date:
    while not is_working(d):
        d += dt.timedelta(days=1)
    return d


def add_wd(d: dt.date, n: int) -> dt.date:
    d = day_zero(d)
    for _ in range(n):
        d += dt.timedelta(days=1)
        while not is_working(d):
            d += dt.timedelta(days=1)
    return d


def wd_between(a: dt.date, b: dt.date) -> int:
    a = day_zero(a)
    n = 0
    while a < b:
        a += dt.timedelta(days=1)
        if is_working(a):
            n += 1
    return n


# --- generation ----------------------------------------------------------------------------

CATEGORIES_LCRA = [("Repairs", 36), ("Damp and mould", 15), ("Anti-social behaviour", 9),
                   ("Customer service", 12), ("Rent and service charges", 7),
                   ("Estate services", 10), ("Lettings", 5), ("Planned works", 6)]
CATEGORIES_LCHO = [("Rent and service charges", 45), ("Estate services", 20),
                   ("Customer service", 15), ("Repairs", 12), ("Anti-social behaviour", 8)]
CHANNELS = [("Phone", 41), ("Email", 24), ("Online form", 20), ("In person", 6), ("Letter", 5),
            ("Social media", 2), ("MP or councillor", 2)]
OUTCOMES_S1 = [("Upheld", 30), ("Partly upheld", 24), ("Not upheld", 46)]
OUTCOMES_S2 = [("Upheld", 22), ("Partly upheld", 30), ("Not upheld", 48)]

# Stage 1 responded cases by timeliness class; 160 + 37 = 197 in time of 405 = 48.6%.
S1_CLASSES = {"on_time": 160, "ext_in_time": 37, "late_no_ext": 163, "ext_missed": 42,
              "ext_notified_late": 2, "ext_over_cap": 1}
S1_OPEN, S1_WITHDRAWN, S1_ACK_LATE = 9, 6, 16
# Stage 2: 43 + 6 = 49 in time of 56 = 87.5%.
S2_CLASSES = {"on_time": 43, "ext_in_time": 6, "late_no_ext": 5, "ext_missed": 2}
S2_OPEN, S2_WITHDRAWN, S2_ACK_LATE = 3, 1, 2
# Receipts on days the office was closed (online form, email): Saturdays, Sundays, bank holidays.
NON_WORKING_RECEIPTS = [dt.date(2024, 4, 1), dt.date(2024, 4, 20), dt.date(2024, 5, 27),
                        dt.date(2024, 6, 15), dt.date(2024, 8, 26), dt.date(2024, 9, 8),
                        dt.date(2024, 11, 16), dt.date(2024, 12, 26), dt.date(2025, 1, 11),
                        dt.date(2025, 2, 2), dt.date(2025, 2, 22)]


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    names, weights = zip(*weighted)
    return rng.choices(names, weights=weights)[0]


def random_day(rng: random.Random, lo: dt.date, hi: dt.date, *, winter_bias: bool = False) -> dt.date:
    """A working day in [lo, hi]; with winter_bias, October-February days are twice as likely."""
    while True:
        d = lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))
        if not is_working(d):
            continue
        if winter_bias and d.month not in (10, 11, 12, 1, 2) and rng.random() < 0.5:
            continue
        return d


def stage_dates(rng: random.Random, clock: dt.date, cls: str, stage: int, ack_late: bool) -> dict:
    """Acknowledgement, extension and response dates for one stage, counted from `clock`."""
    limit, cap = (10, 10) if stage == 1 else (20, 20)
    ack = add_wd(clock, rng.randint(6, 9) if ack_late else rng.choices(range(0, 6), [8, 22, 25, 20, 15, 10])[0])
    due = add_wd(ack, limit)
    ext = revised = None
    if cls == "on_time":
        lo = 3 if stage == 1 else 8
        resp = add_wd(ack, rng.randint(lo, limit))
    elif cls == "late_no_ext":
        resp = add_wd(ack, limit + rng.choices([rng.randint(1, 5), rng.randint(6, 15), rng.randint(16, 30)], [50, 35, 15])[0])
    elif cls in ("ext_in_time", "ext_missed"):
        ext = add_wd(ack, rng.randint(limit - 5, limit))
        revised = add_wd(due, rng.randint(cap // 2, cap))
        if cls == "ext_in_time":
            resp = add_wd(due, rng.randint(1, wd_between(due, revised)))
        else:
            resp = add_wd(revised, rng.randint(1, 10))
    elif cls == "ext_notified_late":  # extension sent after the original due date: does not count
        ext = add_wd(due, rng.randint(1, 3))
        revised = add_wd(ext, 10)
        resp = add_wd(due, rng.randint(wd_between(due, ext) + 1, wd_between(due, revised)))
    elif cls == "ext_over_cap":  # revised date beyond the 10 working-day cap: does not count
        ext = add_wd(ack, limit - 2)
        revised = add_wd(due, 15)
        resp = add_wd(due, rng.randint(11, 15))
    else:
        raise ValueError(cls)
    return {"ack": ack, "resp": resp, "ext": ext, "revised": revised}


def fmt(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def generate() -> list[dict]:
    rng = random.Random(20250331)
    s1_plan = [c for c, n in S1_CLASSES.items() for _ in range(n)] + ["open"] * S1_OPEN + ["withdrawn"] * S1_WITHDRAWN
    rng.shuffle(s1_plan)
    ack_late_idx = set(rng.sample([i for i, c in enumerate(s1_plan) if c != "withdrawn"], S1_ACK_LATE))
    weekend_idx = rng.sample([i for i, c in enumerate(s1_plan) if c not in ("open",)], len(NON_WORKING_RECEIPTS))
    weekend_receipt = dict(zip(weekend_idx, NON_WORKING_RECEIPTS))

    s1 = []
    for i, cls in enumerate(s1_plan):
        tenure = "LCHO" if rng.random() < 0.07 else "LCRA"
        category = pick(rng, CATEGORIES_LCHO if tenure == "LCHO" else CATEGORIES_LCRA)
        channel = pick(rng, CHANNELS)
        late_ack = i in ack_late_idx
        for attempt in range(1000):
            if i in weekend_receipt and attempt == 0:
                received = weekend_receipt[i]
            elif cls == "open":
                received = random_day(rng, dt.date(2025, 3, 17), dt.date(2025, 3, 24))
            else:
                received = random_day(rng, START, END - dt.timedelta(days=14), winter_bias=category == "Damp and mould")
            if cls in ("open", "withdrawn"):
                dates = stage_dates(rng, received, "on_time", 1, late_ack)
                if cls == "withdrawn" and rng.random() < 0.5:
                    dates["ack"] = add_wd(received, rng.randint(0, 3))  # withdrawn soon after contact
                dates.update(resp=None, ext=None, revised=None)
                if dates["ack"] <= END:
                    break
            else:
                dates = stage_dates(rng, received, cls, 1, late_ack)
                if max(d for d in dates.values() if d) <= END:
                    break
        else:  # pragma: no cover - the ranges above always leave room
            raise RuntimeError("could not place a case inside the period")
        if i in weekend_receipt and received == weekend_receipt[i]:
            channel = rng.choice(["Online form", "Email"])
        outcome = "" if cls in ("open", "withdrawn") else pick(rng, OUTCOMES_S1)
        s1.append({"cls": cls, "received": received, "channel": channel, "tenure": tenure,
                   "category": category, "outcome": outcome, "withdrawn": cls == "withdrawn", **dates})

    # Case references in order of receipt, with gaps (the system numbers other case types too).
    s1.sort(key=lambda c: (c["received"], c["channel"], c["category"]))
    seq = 24310
    for c in s1:
        seq += 1 + (rng.random() < 0.35) + (rng.random() < 0.1)
        c["ref"] = f"NMH-C{seq:06d}"

    # Stage 2: escalations from responded stage 1 complaints, mostly not or partly upheld.
    s2_plan = [c for c, n in S2_CLASSES.items() for _ in range(n)] + ["open"] * S2_OPEN + ["withdrawn"] * S2_WITHDRAWN
    rng.shuffle(s2_plan)
    ack_late2 = set(rng.sample([i for i, c in enumerate(s2_plan) if c != "withdrawn"], S2_ACK_LATE))
    weight = {"Not upheld": 6, "Partly upheld": 3, "Upheld": 1}
    used: set[str] = set()
    s2 = []
    for i, cls in enumerate(s2_plan):
        for _ in range(5000):
            base = rng.choices(s1, weights=[weight.get(c["outcome"], 0) for c in s1])[0]
            if base["ref"] in used:
                continue
            escalated = base["resp"] + dt.timedelta(days=rng.randint(1, 26))
            if not is_working(escalated) and rng.random() < 0.8:
                escalated = day_zero(escalated)  # most requests arrive by phone on a working day
            if cls == "open":
                if not (dt.date(2025, 3, 10) <= escalated <= dt.date(2025, 3, 24)):
                    continue
                dates = stage_dates(rng, escalated, "on_time", 2, i in ack_late2)
                dates.update(resp=None, ext=None, revised=None)
                if dates["ack"] > END:
                    continue
            elif cls == "withdrawn":
                if escalated > dt.date(2025, 2, 28):
                    continue
                dates = {"ack": add_wd(escalated, rng.randint(1, 4)), "resp": None, "ext": None, "revised": None}
            else:
                dates = stage_dates(rng, escalated, cls, 2, i in ack_late2)
                if max(d for d in dates.values() if d) > END:
                    continue
            break
        else:  # pragma: no cover
            raise RuntimeError("could not place an escalation inside the period")
        used.add(base["ref"])
        base["escalated"] = escalated
        outcome = "" if cls in ("open", "withdrawn") else pick(rng, OUTCOMES_S2)
        channel = pick(rng, [("Phone", 45), ("Email", 35), ("Online form", 15), ("Letter", 5)])
        if not is_working(escalated):
            channel = rng.choice(["Email", "Online form"])
        s2.append({"cls": cls, "ref": base["ref"], "received": escalated, "escalated": escalated,
                   "channel": channel,
                   "tenure": base["tenure"], "category": base["category"], "outcome": outcome,
                   "withdrawn": cls == "withdrawn", **dates})

    rows = []
    for stage, cases in ((1, s1), (2, s2)):
        for c in cases:
            rows.append({
                "Case Ref": c["ref"], "Stage": str(stage), "Date Received": fmt(c["received"]),
                "Channel": c["channel"], "Date Acknowledged": fmt(c["ack"]), "Response Date": fmt(c["resp"]),
                "Extension Agreed": fmt(c["ext"]), "Revised Due Date": fmt(c["revised"]),
                "Escalation Date": fmt(c.get("escalated")), "Outcome": c["outcome"],
                "Service Area": c["category"], "Tenure": c["tenure"],
                "Withdrawn": "Yes" if c["withdrawn"] else "No",
            })
    rows.sort(key=lambda r: (r["Case Ref"], r["Stage"]))
    sanity(s1, s2)
    return rows


def sanity(s1: list[dict], s2: list[dict]) -> None:
    """The shape promised in the README: dates in the period and in order, replies on working days."""
    by_ref = {c["ref"]: c for c in s1}
    for c in s1 + s2:
        dates = [c["received"], c["ack"], c["resp"], c["ext"], c["revised"], c.get("escalated")]
        assert all(START <= d <= END for d in dates if d), c
        assert is_working(c["ack"]) and (c["resp"] is None or is_working(c["resp"])), c
        assert c["received"] <= c["ack"] and (c["resp"] is None or c["ack"] < c["resp"]), c
    for c in s2:
        assert by_ref[c["ref"]]["resp"] < c["escalated"], c


def write(rows: list[dict]) -> None:
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


# --- the small checker -----------------------------------------------------------------------

def parse(s: str) -> dt.date | None:
    return dt.datetime.strptime(s, "%d/%m/%Y").date() if s else None


def figures(path: Path = OUT) -> dict:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out: dict = {}
    for stage, limit, cap in ((1, 10, 10), (2, 20, 20)):
        rs = [r for r in rows if r[MAPPING["stage"]] == str(stage)]
        live = [r for r in rs if r[MAPPING["withdrawn"]] != "Yes"]
        clock_col = MAPPING["received"] if stage == 1 else MAPPING["escalation_requested"]
        ack_ok = sum(1 for r in live if r[MAPPING["acknowledged"]]
                     and parse(r[MAPPING["acknowledged"]]) <= add_wd(parse(r[clock_col]), 5))
        answered = [r for r in live if r[MAPPING["responded"]]]
        plain = extended = late = 0
        days = []
        for r in answered:
            ack, resp = parse(r[MAPPING["acknowledged"]]), parse(r[MAPPING["responded"]])
            due = add_wd(ack, limit)
            ext, rev = parse(r[MAPPING["extension_notified"]]), parse(r[MAPPING["extended_due"]])
            valid = ext is not None and rev is not None and ext <= due and rev <= add_wd(due, cap)
            if resp <= due:
                plain += 1
            elif valid and resp <= rev:
                extended += 1
            else:
                late += 1
            days.append(wd_between(parse(r[clock_col]), resp))
        n = len(answered)
        out[f"stage{stage}"] = {
            "received": len(rs), "withdrawn": len(rs) - len(live), "responded": n,
            "open": len(live) - n,
            "pct_acknowledged_in_time": round(100 * ack_ok / len(live), 1),
            "acknowledged_in_time": ack_ok, "ack_denominator": len(live),
            "in_time_no_extension": plain, "in_time_extension": extended, "late": late,
            "pct_in_time": round(100 * (plain + extended) / n, 1),
            "pct_in_time_no_extension": round(100 * plain / n, 1),
            "mean_working_days": round(sum(days) / n, 1),
            "extensions": sum(1 for r in answered if r[MAPPING["extension_notified"]]),
        }
        out[f"stage{stage}"]["outcomes"] = dict(sorted(Counter(r[MAPPING["outcome"]] for r in answered).items()))
        out[f"stage{stage}"]["categories"] = dict(Counter(r[MAPPING["category"]] for r in rs).most_common())
        for tenure, homes in HOMES.items():
            t_rows = [r for r in rs if r[MAPPING["tenure"]] == tenure]
            out[f"stage{stage}"][f"{tenure}_received"] = len(t_rows)
            out[f"stage{stage}"][f"{tenure}_per_1000_homes"] = round(1000 * len(t_rows) / homes, 1)
    out["escalation_rate_pct"] = round(100 * out["stage2"]["received"] / out["stage1"]["received"], 1)
    out["non_working_day_receipts"] = sum(1 for r in rows if not is_working(parse(r[MAPPING["received"]])))
    return out


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        write(generate())
    figs = figures()
    for key, value in figs.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k}: {v}")
        else:
            print(f"{key}: {value}")
    assert figs["stage1"]["pct_in_time"] == 48.6, figs["stage1"]["pct_in_time"]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
