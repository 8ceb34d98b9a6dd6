"""The case-log figures as a data analyst would compute them with pandas and numpy: the yardstick
`bench_metrics.py` measures chc against.

What an analyst writes: `read_csv`, `to_datetime(dayfirst=True)`, `numpy.busday_count` with the
bank holidays of `holidays.UK` (England), and boolean masks per stage. The same counting rules as
chc (docs/metrics.md), so that the figures can be compared: the day that starts a clock is day 0;
a clock starting on a non-working day starts on the next working day; stage 1 responses are timed
from the acknowledgement (from receipt when there is none), stage 2 acknowledgements from the
escalation request; an extension counts when notified by the first due date and within the cap.
No validation: rows the analyst's code cannot read become NaT and fall out of the masks.

    python benchmarks/bench_pandas.py benchmarks/data/caselog_100000.csv     # prints the figures as JSON
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pandas as pd

DATES = ["received", "acknowledged", "responded", "extension_notified", "extended_due", "escalation_requested"]
# hos-2024: (acknowledge days, respond days, extension cap)
STAGES = {1: (5, 10, 10), 2: (5, 20, 20)}


def figures(path: str) -> dict:
    import holidays

    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for c in DATES:
        df[c] = pd.to_datetime(df[c], format="%d/%m/%Y", errors="coerce")
    years = range(df["received"].min().year - 1, df["received"].max().year + 2)
    hols = np.array(sorted(holidays.UK(subdiv="ENG", years=years, categories=("public",))), dtype="datetime64[D]")
    stage = pd.to_numeric(df["stage"], errors="coerce")
    withdrawn = df["withdrawn"].str.strip().str.lower().isin(["yes", "y", "true", "1"])

    def day(col):
        return df[col].values.astype("datetime64[D]")

    def working_days(start, end):
        """Working days after `start` (rolled to a working day) up to `end`; NaT -> -1."""
        ok = ~(np.isnat(start) | np.isnat(end))
        out = np.full(len(start), -1, dtype=np.int64)
        s = np.busday_offset(start[ok], 0, roll="forward", holidays=hols)
        out[ok] = np.maximum(np.busday_count(s + 1, end[ok] + 1, holidays=hols), 0)
        return out

    rec, ack, resp = day("received"), day("acknowledged"), day("responded")
    notified, due, esc = day("extension_notified"), day("extended_due"), day("escalation_requested")
    out: dict = {}
    for n, (ack_days, respond_days, cap) in STAGES.items():
        m = (stage == n).values
        active = m & ~withdrawn.values
        ack_from = np.where(np.isnat(esc), rec, esc) if n == 2 else rec
        acked = active & ~np.isnat(ack)
        ack_in_time = acked & (working_days(ack_from, ack) <= ack_days)
        responded = active & ~np.isnat(resp)
        start = np.where(np.isnat(ack), rec, ack)
        taken = working_days(start, resp)
        on_time = responded & (taken <= respond_days)
        over = responded & ~on_time
        has_ext = over & ~np.isnat(due) & ~np.isnat(notified)
        valid = has_ext & (working_days(start, notified) <= respond_days) & (working_days(start, due) <= respond_days + cap)
        in_ext = valid & (resp <= due)
        waited = working_days(np.where(np.isnat(esc), rec, esc) if n == 2 else rec, resp)[responded]
        outcomes = df.loc[responded, "outcome"].str.strip().str.lower().replace("", "not recorded").value_counts()
        out[f"stage{n}"] = {
            "received": int(m.sum()),
            "acknowledged": int(acked.sum()),
            "acknowledged_in_time": int(ack_in_time.sum()),
            "responded": int(responded.sum()),
            "on_time": int(on_time.sum()),
            "on_time_with_extension": int(in_ext.sum()),
            "late": int((over & ~in_ext).sum()),
            "pct_in_time": round(100 * (on_time.sum() + in_ext.sum()) / responded.sum(), 1) if responded.sum() else None,
            "mean_working_days": round(float(waited.mean()), 1) if len(waited) else None,
            "median_working_days": float(np.median(waited)) if len(waited) else None,
            "open": int((active & np.isnat(resp)).sum()),
            "outcomes": {k: int(v) for k, v in outcomes.items()},
            "categories": {k: int(v) for k, v in df.loc[m, "category"].value_counts().items()},
        }
    s1, s2 = out["stage1"]["received"], out["stage2"]["received"]
    out["escalation_rate_pct"] = round(100 * s2 / s1, 1) if s1 else None
    return out


if __name__ == "__main__":
    print(json.dumps(figures(sys.argv[1]), indent=1))
