"""Benchmark `chc validate`: one typical submission, and a regulator's batch of 1,000.

    python benchmarks/bench_validate.py                 # 1,000 files, 7 single runs, 3 batch runs, --jobs 1 and default
    python benchmarks/bench_validate.py --files 200 --batch-runs 1 --jobs 1 2 auto

It writes N realistic submissions (seeded, so every run sees the same files) into a temporary
folder, one folder per landlord with the documents its evidence points at, then times whole
commands in a subprocess, as a user or CI would run them, and prints the median wall time:
- one typical submission: `python -m checker validate FILE` (a clean 72-row submission);
- the batch: `python -m checker validate FOLDER` for each --jobs value asked for (default: `--jobs 1`,
  and chc's own default, one worker per CPU for 16 files or more).

The mix of submissions (`generate`) is also used by tests/test_batch.py:
- clean: every row answered yes with evidence and commentary, governance complete (passes);
- declared: one to five rows answered no with an explanation and an action plan (passes,
  unless a plan lacks an owner (a warning) or its date has passed (fails));
- contradicted: a policy of 15 working days, or a stated stage 1 figure below the tolerance (fails);
- broken: one input problem: a YAML syntax error, an answer chc cannot read ("Yess"), an unknown
  provision or a period that ends before it starts (invalid, exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = (("clean", 0.55), ("declared", 0.25), ("contradicted", 0.12), ("broken", 0.08))
BROKEN = ("syntax", "answer", "provision", "period")

PLACES = ("North", "South", "East", "West", "Vale", "River", "Harbour", "Moor", "Weald", "Fen", "Dale", "Coast")
NOUNS = ("Homes", "Housing", "Housing Association", "Living", "Homes Trust", "Housing Group")
PEOPLE = ("Sam Patel", "Jo Hughes", "Alex Reid", "Priya Raman", "Gareth Owusu", "Helen Marsh", "Tom Evans",
          "Aisha Khan", "Ruth Jones", "Dev Mistry", "Mary O'Neill", "Chris Lloyd")
ROLES = ("Complaints Manager", "Head of Customer Experience", "Director of Housing", "Board member")
SENTENCES = (
    "Our policy sets this out in plain terms and staff are trained on it at induction.",
    "The complaints team checks a sample of cases each month against this requirement.",
    "Residents told us in the annual survey that this works well.",
    "The Customer Experience Committee reviewed practice against this provision in January.",
    "Case notes in the complaints system show the step being followed.",
    "Our website and leaflets say the same thing as the policy.",
    "Quality checks found two cases where this was missed; both were put right and the handlers retrained.",
    "The scrutiny panel of residents looked at this in its autumn review.",
)
DOCUMENTS = (("Complaints Policy", "documents/complaints-policy.md"), ("Complaint handling procedure", "documents/procedure.md"),
             ("Board report and minute", "documents/board-report.md"), ("Training record", "documents/training-record.md"))


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def _kind(rng: random.Random) -> str:
    roll, total = rng.random(), 0.0
    for kind, weight in KINDS:
        total += weight
        if roll < total:
            return kind
    return KINDS[-1][0]


def _answer_yes(rng: random.Random, pid: str) -> list[str]:
    lines = [f'  "{pid}":', "    comply: yes", "    evidence:"]
    for name, path in rng.sample(DOCUMENTS, rng.randint(1, 3)):
        lines.append(f'      - {{document: {_q(name)}, section: "{rng.randint(1, 9)}.{rng.randint(1, 12)}", path: {path}}}')
    if rng.random() < 0.4:
        lines.append(f'      - {{url: "https://www.example.org/complaints/{pid.replace(".", "-")}", title: "Complaints pages"}}')
    lines.append("    commentary: >-")
    text = " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))
    lines.extend(f"      {chunk}" for chunk in _wrap(text, 90))
    return lines


def _answer_no(rng: random.Random, pid: str, period_end: dt.date, *, owner: bool, late: bool) -> list[str]:
    target = period_end - dt.timedelta(days=rng.randint(10, 90)) if late else period_end + dt.timedelta(days=rng.randint(30, 300))
    lines = [f'  "{pid}":', "    comply: no", "    explanation: >-"]
    lines.extend(f"      {chunk}" for chunk in _wrap(
        f"Our practice does not yet meet {pid} in full: a review found gaps that we are putting right. " + rng.choice(SENTENCES), 90))
    lines.append("    action:")
    lines.append(f"      what: {_q('Change the procedure and train every handler so that ' + pid + ' is met')}")
    if owner:
        lines.append(f"      owner: {_q(rng.choice(PEOPLE))}")
    lines.append(f"      target_date: {target.isoformat()}")
    return lines


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def submission_text(rng: random.Random, index: int, kind: str, form_rows: list[str], flaw: str = "syntax") -> str:
    year = rng.choice((2024, 2024, 2024, 2023))
    start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    name = f"{rng.choice(PLACES)}{rng.choice(PLACES).lower()} {rng.choice(NOUNS)} {index:04d}"
    people = rng.sample(PEOPLE, 3)
    stage1_days = 15 if kind == "contradicted" and rng.random() < 0.5 else 10
    pct_in_time = round(rng.uniform(40, 80), 1) if kind == "contradicted" and stage1_days == 10 else round(rng.uniform(95.5, 99.9), 1)
    received = rng.randint(50, 900)
    lines = [
        f"# {name}: self-assessment against the Complaint Handling Code 2024 ({year}-{str(year + 1)[2:]}); generated by bench_validate.py",
        "code: hos-2024",
        "landlord:",
        f"  name: {_q(name)}",
        f"  nation: {rng.choice(('england', 'england', 'england', 'england'))}",  # hos-2024 is England only; the draw keeps the rest of the corpus unchanged
        f"  registration: L{rng.randint(1000, 9999)}",
        f"  website: https://www.landlord{index:04d}.example/",
        f"  homes: {{lcra: {rng.randint(500, 40000)}, lcho: {rng.randint(0, 3000)}}}",
        "period:",
        f"  start: {start.isoformat()}",
        f"  end: {end.isoformat()}",
        "prepared:",
        f"  by: {_q(people[0])}",
        f"  role: {ROLES[0]}",
        f"  date: {(end + dt.timedelta(days=40)).isoformat()}",
        "governance:",
        f"  complaints_officer: {{name: {_q(people[0])}, role: {ROLES[0]}}}",
        f"  senior_lead: {{name: {_q(people[1])}, role: {ROLES[2]}}}",
        f"  mrc: {{name: {_q(people[2])}, role: {ROLES[3]}}}",
        "  governing_body:",
        "    name: Board",
        f"    reviewed: {(end + dt.timedelta(days=50)).isoformat()}",
        f"    approved: {(end + dt.timedelta(days=78)).isoformat()}",
        "    response: |",
        "      The Board has reviewed the self-assessment and the annual complaints report and approves both.",
        "      It will receive quarterly updates on each action until every one is complete.",
        f"  publication_url: https://www.landlord{index:04d}.example/complaints/self-assessment",
        f"  annual_report_url: https://www.landlord{index:04d}.example/complaints/annual-report",
        "policy:",
        "  document: {document: Complaints Policy, path: documents/complaints-policy.md}",
        "  definition: >-",
        "    An expression of dissatisfaction, however made, about the standard of service, actions or",
        "    lack of action by the landlord, its own staff, or those acting on its behalf, affecting a",
        "    resident or group of residents.",
        "  stages: 2",
        "  pre_stage: false",
        "  single_policy: true",
        "  complaint_window_months: 12",
        "  escalation_reason_required: false",
        f"  stage1: {{acknowledge_working_days: 5, respond_working_days: {stage1_days}, respond_from: acknowledged, extension_cap_working_days: 10}}",
        "  stage2: {acknowledge_working_days: 5, respond_working_days: 20, respond_from: acknowledged, extension_cap_working_days: 20}",
        "metrics:",
        f"  stage1: {{received: {received}, responded: {received - rng.randint(0, 20)}, pct_acknowledged_in_time: {round(rng.uniform(95.5, 99.9), 1)}, pct_in_time: {pct_in_time}}}",
        f"  stage2: {{received: {received // 8}, responded: {received // 8}, pct_in_time: {round(rng.uniform(95.5, 99.9), 1)}}}",
        "answers:",
    ]
    declared = set(rng.sample(form_rows, rng.randint(1, 5))) if kind == "declared" else set()
    for pid in form_rows:
        if pid in declared:
            lines.extend(_answer_no(rng, pid, end, owner=rng.random() > 0.1, late=rng.random() < 0.1))
        else:
            lines.extend(_answer_yes(rng, pid))
    text = "\n".join(lines) + "\n"
    if kind == "broken":
        if flaw == "syntax":
            text = text.replace("  stage2: {acknowledge_working_days: 5,", "  stage2: {acknowledge_working_days: 5", 1)
        elif flaw == "answer":
            text = text.replace('"6.3":\n    comply: yes', '"6.3":\n    comply: Yess', 1)
        elif flaw == "provision":
            text += '  "6.99":\n    comply: yes\n'
        else:
            text = text.replace(f"  end: {end.isoformat()}", f"  end: {(start - dt.timedelta(days=1)).isoformat()}", 1)
    return text


def generate(folder: Path, count: int, seed: int = 2024, kinds: list[str] | None = None) -> list[tuple[Path, str]]:
    """Write `count` submissions under `folder`; returns (file, kind) in the order `chc validate` finds them.

    Kinds are drawn at random in the proportions of KINDS, or taken in turn from `kinds`; broken
    files take the flaws of BROKEN in turn.
    """
    from checker.codes import load_code

    form_rows = [p.id for p in load_code("hos-2024").form_rows]
    rng = random.Random(seed)
    made = []
    broken = 0
    for i in range(1, count + 1):
        kind = kinds[(i - 1) % len(kinds)] if kinds else _kind(rng)
        where = folder / f"landlord-{i:04d}"
        (where / "documents").mkdir(parents=True, exist_ok=True)
        for _, path in DOCUMENTS:
            (where / path).write_text(f"# {path}\n\nA document of landlord {i:04d}.\n", encoding="utf-8")
        target = where / "submission.yaml"
        flaw = BROKEN[broken % len(BROKEN)]
        broken += kind == "broken"
        target.write_text(submission_text(rng, i, kind, form_rows, flaw), encoding="utf-8")
        made.append((target, kind))
    return made


def _time(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
        if done.returncode not in (0, 1, 2):
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--single-runs", type=int, default=7)
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument("--jobs", nargs="+", default=["1", "auto"],
                        help="--jobs values to time the batch with; 'auto' runs without --jobs (chc's default)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    chc = [sys.executable, "-m", "checker", "validate"]
    with tempfile.TemporaryDirectory(prefix="chc-bench-") as tmp:
        folder = Path(tmp)
        made = generate(folder, args.files)
        kinds = {k: sum(1 for _, kind in made if kind == k) for k, _ in KINDS}
        size = statistics.median(p.stat().st_size for p, _ in made)
        print(f"generated {len(made)} submissions ({', '.join(f'{n} {k}' for k, n in kinds.items())}); median size {size / 1024:.1f} KiB")
        typical = next(p for p, kind in made if kind == "clean")
        single = _time(chc + [str(typical)], args.single_runs)
        print(f"one submission:   median {statistics.median(single):.3f} s over {len(single)} runs "
              f"(min {min(single):.3f}, max {max(single):.3f})  [{' '.join(chc[1:])} FILE]")
        for jobs in args.jobs:
            extra = [] if jobs == "auto" else ["--jobs", jobs]
            batch = _time(chc + [str(folder)] + extra, args.batch_runs)
            print(f"{len(made)} submissions: median {statistics.median(batch):.2f} s over {len(batch)} runs "
                  f"(min {min(batch):.2f}, max {max(batch):.2f})  [{' '.join(extra) or 'default jobs'}]")


if __name__ == "__main__":
    main()
