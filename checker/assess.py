"""One call from a submission file to its evaluation: load, compute figures, evaluate."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from .judge.evaluate import Evaluation, Settings, evaluate
from .problems import InputError, Problem
from .resources import data_dir
from .intake.submission import Submission, load_submission

EXAMPLE = "northmoor-2024-25/submission.yaml"


def example_path() -> Path:
    """The bundled example submission, used when a command is given none."""
    return data_dir("examples") / EXAMPLE


def display_name(path: Path) -> str:
    """How a file is named in output: as given, but the bundled example by a stable name."""
    try:
        return "examples/" + path.resolve().relative_to(data_dir("examples").resolve()).as_posix()
    except ValueError:
        return str(path)


Progress = Callable[[float], None]


def assess(path: str | Path, *, progress: Progress | None = None, display: str | None = None, **overrides: Any) -> Evaluation:
    """Evaluate a submission file; raises InputError if it (or its case log) cannot be used.

    `display` names the file in findings (default: as given, the bundled examples by a stable name).
    """
    path = Path(path)
    submission = load_submission(path, display or display_name(path))
    settings = Settings.for_submission(submission, **overrides)
    metrics = case_log_metrics(submission, settings, progress=progress) if submission.case_log else None
    return evaluate(submission, metrics, settings)


def read_submission_case_log(submission: Submission, *, progress: Progress | None = None):
    """The submission's case log (read from inside its folder only) and its working calendar."""
    from .caselog.reader import read_caselog
    from .judge.rules.evidence import path_problem
    from .caselog.workdays import WorkingCalendar
    from .yamlsource import as_date

    spec = submission.case_log
    relative = spec["path"]
    problem = path_problem(submission.folder, relative)
    if problem:
        raise InputError([Problem(submission.where("case_log", "path"), f"case log '{relative}' {problem}", "case-log-not-found")])
    shown = str(Path(submission.path).parent / relative)
    log = read_caselog(submission.folder / relative, columns=dict(spec.get("columns") or {}), sheet=spec.get("sheet"), display=shown, progress=progress)
    closures = frozenset(as_date(d) for d in spec.get("closures") or ())
    return log, WorkingCalendar(submission.nation, closures)


def case_log_metrics(submission: Submission, settings: Settings, *, progress: Progress | None = None) -> Mapping[str, Any]:
    """The figures computed from the submission's case log, with what was excluded and why."""
    from .caselog.metrics import MetricSettings, compute_metrics

    log, calendar = read_submission_case_log(submission, progress=progress)
    homes = submission.landlord.get("homes") or {}
    computed = compute_metrics(
        log, calendar, submission.code.timescales,
        # 0 homes of a tenure (a landlord with no shared ownership) means CH01 does not apply to it
        homes_lcra=homes.get("lcra") or None, homes_lcho=homes.get("lcho") or None,
        settings=MetricSettings(count_extensions_in_time=settings.count_extensions_in_time),
        period_start=submission.period_start,
    )
    figures = computed.as_dict()
    summary = log.summary()
    summary["received_outside_period"] = sum(
        1 for case in log.cases if case.received and not submission.period_start <= case.received <= submission.period_end
    )
    figures["case_log"] = summary
    return figures
