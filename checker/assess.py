"""One call from a submission file to its evaluation: load, compute figures, evaluate."""

from __future__ import annotations

from collections import OrderedDict
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


#: Case logs read in this process, by content and reading options: in a batch, a log shared by
#: several submissions is read once. Small: a case log can be large.
_CASE_LOGS: "OrderedDict[tuple, Any]" = OrderedDict()
_CASE_LOGS_KEPT = 4


def read_submission_case_log(submission: Submission, *, progress: Progress | None = None):
    """The submission's case log (read from inside its folder only) and its working calendar.

    Raises InputError when the log cannot be used, or when more of its rows were left out than
    allowed (case_log.max_excluded_pct): no figure is ever computed from what is left."""
    from .caselog.metrics import check_excluded

    import hashlib

    from .caselog.reader import check_value_maps, read_caselog
    from .judge.rules.evidence import path_problem
    from .caselog.workdays import WorkingCalendar
    from .yamlsource import as_date

    spec = submission.case_log
    relative = spec["path"]
    problem = path_problem(submission.folder, relative)
    if problem:
        raise InputError([Problem(submission.where("case_log", "path"), f"case log '{relative}' {problem}", "case-log-not-found")])
    values, problems = check_value_maps(_plain(spec.get("values") or {}), lambda *keys: submission.where("case_log", "values", *keys))
    if problems:
        raise InputError(problems)
    shown = str(Path(submission.path).parent / relative)
    path = submission.folder / relative
    columns = dict(spec.get("columns") or {})
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        digest = None
    key = (digest, shown, repr(sorted(columns.items())), repr(sorted((k, sorted(v.items())) for k, v in values.items())),
           spec.get("sheet"), spec.get("header_row"))
    log = _CASE_LOGS.get(key) if digest else None
    if log is None:
        log = read_caselog(path, columns=columns, values=values, sheet=spec.get("sheet"),
                           header_row=spec.get("header_row"), display=shown, progress=progress)
        if digest:
            _CASE_LOGS[key] = log
            while len(_CASE_LOGS) > _CASE_LOGS_KEPT:
                _CASE_LOGS.popitem(last=False)
    else:
        _CASE_LOGS.move_to_end(key)
    check_excluded(log, case_log_settings(submission))
    closures = frozenset(as_date(d) for d in spec.get("closures") or ())
    return log, WorkingCalendar(submission.nation, closures)


def case_log_settings(submission: Submission):
    """The counting settings a submission gives for its case log (case_log.max_excluded_pct)."""
    from .caselog.metrics import MetricSettings

    spec = submission.case_log or {}
    return MetricSettings(max_excluded_pct=float(spec.get("max_excluded_pct", MetricSettings.max_excluded_pct)))


def _plain(value: Any) -> Any:
    """A frozen YAML mapping as plain dicts (value maps are small)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def case_log_metrics(submission: Submission, settings: Settings, *, progress: Progress | None = None) -> Mapping[str, Any]:
    """The figures computed from the submission's case log, with what was excluded and why.

    Raises InputError when more rows were left out than allowed: no figures from what is left."""
    from dataclasses import replace

    from .caselog.metrics import compute_metrics

    log, calendar = read_submission_case_log(submission, progress=progress)
    metric_settings = replace(case_log_settings(submission), count_extensions_in_time=settings.count_extensions_in_time)
    homes = submission.landlord.get("homes") or {}
    computed = compute_metrics(
        log, calendar, submission.code.timescales,
        # 0 homes of a tenure (a landlord with no shared ownership) means CH01 does not apply to it
        homes_lcra=homes.get("lcra") or None, homes_lcho=homes.get("lcho") or None,
        settings=metric_settings,
        period_start=submission.period_start,
    )
    figures = computed.as_dict()
    summary = log.summary()
    received = log.frame.get_column("received")
    summary["received_outside_period"] = int(((received < submission.period_start) | (received > submission.period_end)).sum())
    figures["case_log"] = summary
    return figures
