"""The canonical result: one JSON-ready mapping from which every report and CI format is rendered.

Versioned by `schema_version` (see `schemas/result.schema.json`). It holds no timestamps and no
absolute paths, so the same inputs always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping

from . import __version__
from .judge.evaluate import VERDICTS, Evaluation, ProvisionResult
from .judge.findings import SEVERITIES
from .intake.submission import EvidenceItem

SCHEMA_VERSION = "1.0"


def build_result(evaluation: Evaluation) -> dict:
    sub = evaluation.submission
    code = sub.code
    findings = evaluation.all_findings
    severities = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    failing = evaluation.failing()
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "chc", "version": __version__},
        "code": {
            "id": code.id,
            "name": code.name,
            "short_name": code.short_name,
            "publisher": code.publisher,
            "in_force_from": code.in_force_from.isoformat(),
            "source_url": code.source_url,
            "form_columns": list(code.form_columns),
            "form_roles": list(code.form_roles),
            "group_by": code.group_by,
            "answers": list(code.answers),
        },
        "submission": {
            "file": sub.path,
            "sha256": sub.sha256,
            "landlord": _plain(sub.landlord),
            "period": {"start": sub.period_start.isoformat(), "end": sub.period_end.isoformat(), "label": sub.period_label},
            "prepared": _plain(sub.prepared),
            "governance": _plain(sub.governance),
            "policy": _plain(sub.policy),
        },
        "settings": {
            "timeliness_tolerance_pct": evaluation.settings.timeliness_tolerance_pct,
            "figure_tolerance_points": evaluation.settings.figure_tolerance_points,
            "count_extensions_in_time": evaluation.settings.count_extensions_in_time,
            "strict": evaluation.settings.strict,
        },
        "summary": {
            "verdicts": evaluation.verdict_counts(),
            "sections": [
                {"id": s.id, "title": s.title, "verdicts": evaluation.verdict_counts(s.id)}
                for s in code.sections if any(p.section == s.id for p in code.form_rows)
            ],
            "findings": severities,
            "failing": len(failing),
            "passed": not failing,
        },
        "metrics": _plain(evaluation.metrics) if evaluation.metrics is not None else None,
        "stated_metrics": _plain(sub.stated_metrics),
        "annual_report": _plain(sub.annual_report),
        "provisions": [_provision(r) for r in evaluation.provisions],
        "findings": [f.as_dict() for f in evaluation.findings],
    }


def _provision(result: ProvisionResult) -> dict:
    p, a = result.provision, result.answer
    return {
        "id": p.id,
        "section": p.section,
        "subheading": p.subheading or None,
        "modality": p.modality,
        "requirement": p.requirement,
        "items": [{"id": i.id, "text": i.text} for i in p.items],
        "answer": (a.comply or None) if a else None,
        "answer_as_written": (a.answer_as_written or a.words or None) if a else None,
        "value": a.value if a else None,
        "values": dict(a.values) if a and a.values else None,
        "text": a.text if a and a.text else None,
        "choice": a.choice if a and a.choice else None,
        "verdict": result.verdict,
        "evidence": [_evidence(e) for e in a.evidence] if a else [],
        "commentary": a.commentary if a else "",
        "explanation": a.explanation if a else "",
        "reason": a.reason if a else "",
        "action": {
            "what": a.action.what,
            "owner": a.action.owner or None,
            "target_date": a.action.target_date.isoformat() if a.action.target_date else None,
            **({"target_date_as_written": a.action.date_as_written, "target_date_read_as": a.action.date_read_as} if a.action.date_read_as else {}),
        } if a and a.action else None,
        "read_from_commentary": _reading(a.reading) if a and a.reading else None,
        "applies_if": p.applies_if or None,
        "needs_review": bool(a and a.needs_review),
        "carried_from": list(a.carried_from) if a and a.carried_from else None,
        "reviewed": [{"rule": r.rule, "by": r.by, "on": r.on.isoformat(), "why": r.why} for r in a.reviewed] if a and a.reviewed else None,
        "findings": [f.as_dict() for f in result.findings],
    }


def _reading(reading) -> dict:
    """What a 'no' row's one commentary column was read as, with the words each part came from."""
    target = reading.target
    return {
        "explanation": reading.explains,
        "action": bool(reading.action_phrase),
        "action_phrase": reading.action_phrase or None,
        "target_date": target.date.isoformat() if target else None,
        "date_phrase": target.phrase if target else None,
        "date_read_as": (target.read_as or "day") if target else None,
    }


def _evidence(item: EvidenceItem) -> dict:
    out = {"label": item.label}
    for key in ("document", "section", "page", "path", "url", "title", "figure", "unit"):
        value = getattr(item, key)
        if value:
            out[key] = value
    if item.value is not None:
        out["value"] = item.value
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def dumps(result: dict) -> str:
    """The canonical JSON text: sorted keys are not used, insertion order is already fixed."""
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


__all__ = ["SCHEMA_VERSION", "VERDICTS", "build_result", "dumps"]
