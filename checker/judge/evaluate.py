"""Evaluation: every form row of the Code gets one verdict, with the findings that explain it.

Conservative by design: nothing that cannot be shown is 'met'. Rules live in `checker.rules`,
one small module per concern; this module only runs them and turns findings into verdicts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Mapping

from ..codes import Code, Provision
from .findings import CONTRADICTS, UNSUPPORTS, Finding, details
from ..intake.submission import Answer, Submission

VERDICTS = ("met", "not-met", "contradicted", "unsupported", "unanswered", "not-applicable")


@dataclass(frozen=True)
class Settings:
    """Judgement calls, with documented defaults; a submission's `settings` and the CLI may change them."""

    timeliness_tolerance_pct: float = 95.0
    figure_tolerance_points: float = 0.5
    count_extensions_in_time: bool = True
    strict: bool = False

    @classmethod
    def for_submission(cls, submission: Submission, **overrides: Any) -> "Settings":
        values = {k: v for k, v in submission.settings.items() if k in cls.__dataclass_fields__}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the submission, the settings, and the figures (computed or stated)."""

    submission: Submission
    settings: Settings
    metrics: Mapping[str, Any] | None = None

    @property
    def code(self) -> Code:
        return self.submission.code

    def severity(self, provision: Provision) -> str:
        return "error" if provision.binding else "warning"

    def figure(self, stage: int, name: str) -> tuple[float | None, str]:
        """A stage figure and where it came from: the case log if there is one, else the stated metrics."""
        key = f"stage{stage}"
        if self.metrics is not None:
            value = (self.metrics.get(key) or {}).get(name)
            if value is not None:
                return value, "case-log"
        group = self.submission.stated_metrics.get(key) or {}
        stated = group.get(name)
        if stated is not None and group.get("basis") in ("own-timescales", "unknown") and name.startswith("pct"):
            return None, ""  # not measured against the Code: rules/figures.py says so instead
        if stated is not None:
            return stated, "stated"
        return None, ""


@dataclass(frozen=True)
class ProvisionResult:
    provision: Provision
    answer: Answer | None
    verdict: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    submission: Submission
    settings: Settings
    provisions: tuple[ProvisionResult, ...]
    findings: tuple[Finding, ...]
    metrics: Mapping[str, Any] | None = None
    case_log_summary: Mapping[str, Any] | None = None

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        everything = list(self.findings)
        for result in self.provisions:
            everything.extend(result.findings)
        return tuple(sorted(everything, key=lambda f: f.sort_key))

    def failing(self, strict: bool | None = None) -> tuple[Finding, ...]:
        strict = self.settings.strict if strict is None else strict
        failing = ("error", "warning") if strict else ("error",)
        return tuple(f for f in self.all_findings if f.severity in failing)

    def verdict_counts(self, section: str | None = None) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for result in self.provisions:
            if section is None or result.provision.section == section:
                counts[result.verdict] += 1
        return counts


def evaluate(submission: Submission, metrics: Mapping[str, Any] | None = None, settings: Settings | None = None,
             case_log_summary: Mapping[str, Any] | None = None) -> Evaluation:
    """Judge every form row of the submission's Code, and cross-check the submission as a whole."""
    from .rules import PROVISION_RULES, SUBMISSION_RULES

    settings = settings or Settings.for_submission(submission)
    ctx = Context(submission, settings, metrics)
    results = []
    for provision in submission.code.form_rows:
        answer = submission.answers.get(provision.id)
        findings: list[Finding] = []
        for rule in PROVISION_RULES:
            findings.extend(rule(ctx, provision, answer))
        findings = [replace(f, provision=provision.id) if not f.provision else f for f in findings]
        if answer is not None and answer.reviewed:
            findings = apply_reviews(provision, answer, findings)
        findings.sort(key=lambda f: f.sort_key)
        results.append(ProvisionResult(provision, answer, _verdict(answer, findings), tuple(findings)))
    overall: list[Finding] = []
    for rule in SUBMISSION_RULES:
        overall.extend(rule(ctx))
    overall.sort(key=lambda f: f.sort_key)
    return Evaluation(submission, settings, tuple(results), tuple(overall), metrics, case_log_summary)


def apply_reviews(provision: Provision, answer: Answer, findings: list[Finding]) -> list[Finding]:
    """A `reviewed:` entry accepts the findings of its rule: they stay, shown as accepted notes
    (who, when, why), and no longer change the verdict. An entry that accepts nothing is a warning."""
    out = []
    used = set()
    for f in findings:
        review = next((r for r in answer.reviewed if r.rule == f.rule), None)
        if review is None or f.rule in NOT_REVIEWABLE:
            out.append(f)
            continue
        used.add(review.rule)
        accepted = {"by": review.by, "on": review.on.isoformat(), "why": review.why, "severity": f.severity, "effect": f.effect or None}
        out.append(replace(
            f, severity="info", effect="",
            message=f"{f.message} [accepted on review by {review.by} on {review.on.isoformat()}: {review.why}]",
            details=details(**dict(f.details), reviewed={k: v for k, v in accepted.items() if v is not None}),
        ))
    for review in answer.reviewed:
        if review.rule not in used:
            out.append(Finding(
                "reviewed-unused", "warning",
                f"{provision.id}: the reviewed entry for rule '{review.rule}' (by {review.by} on {review.on.isoformat()}) accepts no finding; remove it or name the rule of the finding it was meant for",
                review.location, provision=provision.id,
            ))
    return out


# Findings no review can accept: a row with no answer stays unanswered.
NOT_REVIEWABLE = ("unanswered", "reviewed-unused")


def _verdict(answer: Answer | None, findings: list[Finding]) -> str:
    if answer is None or not answer.given:
        return "unanswered"
    if answer.comply == "n/a":
        return "not-applicable"
    if answer.comply in ("no", "partial"):
        return "not-met"
    effects = {f.effect for f in findings}
    if CONTRADICTS in effects:
        return "contradicted"
    if UNSUPPORTS in effects:
        return "unsupported"
    return "met"
