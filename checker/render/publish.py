"""What the review pack and the annual report show, worked out from the canonical result.

The templates only lay things out; every choice of what to show (which figure, from the case log
or as stated, what is overdue, what is missing) is made here, in plain Python that tests can
call. Every figure is optional: a missing one reads "not available", never 0.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from .charts import (
    TIMELINESS,
    grouped_bar_chart,
    horizontal_bar_chart,
    stacked_bar_chart,
)
from .figures import NA, fmt

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}


# ---------------------------------------------------------------- shared helpers

def provision_key(pid: str | None) -> tuple:
    if not pid:
        return (0, 0)
    major, _, minor = pid.partition(".")
    try:
        return (int(major), int(minor or 0))
    except ValueError:
        return (10**6, 0)


def all_findings(result: dict) -> list[dict]:
    """Every finding of the result (submission-wide and per provision), most serious first."""
    out = list(result.get("findings") or ())
    for p in result["provisions"]:
        out.extend(p.get("findings") or ())
    return sorted(out, key=lambda f: (SEVERITY_ORDER.get(f["severity"], 9), provision_key(f.get("provision")), f["rule"], f["message"]))


def failing_findings(result: dict) -> list[dict]:
    """The findings that fail the submission: errors, and warnings too with the strict setting."""
    failing = ("error", "warning") if (result.get("settings") or {}).get("strict") else ("error",)
    return [f for f in all_findings(result) if f["severity"] in failing]


def money(value: Any) -> str:
    if value is None or value == "":
        return NA
    if isinstance(value, (int, float)):
        return f"£{value:,.2f}"
    return str(value)


def pct_of(part: Any, whole: Any) -> float | None:
    if not isinstance(part, (int, float)) or not isinstance(whole, (int, float)) or not whole:
        return None
    return round(100 * part / whole + 1e-9, 1)


def _pick(mapping: Any, *names: str) -> Any:
    if not isinstance(mapping, Mapping):
        return None
    for name in names:
        if mapping.get(name) not in (None, ""):
            return mapping[name]
    return None


def counts(value: Any, *label_keys: str) -> list[tuple[str, Any]]:
    """[(label, count)] from a mapping {label: count} or a list of {label-ish: ..., count: ...}."""
    label_keys = label_keys or ("label", "name", "reason", "outcome", "category", "type", "area")
    if isinstance(value, Mapping):
        return [(str(k), v) for k, v in value.items()]
    out = []
    for item in value or ():
        if isinstance(item, Mapping):
            label = _pick(item, *label_keys, "label", "name")
            out.append((str(label) if label is not None else NA, _pick(item, "count", "number", "n", "value", "cases")))
        else:
            out.append((str(item), None))
    return out


def _as_list(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def governance_facts(result: dict) -> list[tuple[str, str, str | None]]:
    """(what, value, link) rows of the governance facts, 'not recorded' where missing."""
    sub = result["submission"]
    gov = sub.get("governance") or {}
    body = gov.get("governing_body") or {}

    def person(key):
        p = gov.get(key) or {}
        if not p.get("name") and not p.get("role"):
            return "not recorded"
        text = ", ".join(x for x in (p.get("name"), p.get("role")) if x)  # a role alone is what some landlords give
        return text + (f" (appointed {p['appointed']})" if p.get("appointed") else "")

    prepared = sub.get("prepared") or {}
    rows = [
        ("Complaints officer", person("complaints_officer"), None),
        ("Senior lead for complaints", person("senior_lead"), None),
        ("Member Responsible for Complaints", person("mrc"), None),
        ("Governing body", body.get("name") or "not recorded", None),
        ("Governing body review", body.get("reviewed") or "not recorded", None),
        ("Governing body approval", body.get("approved") or "not recorded", None),
        ("Governing body response", "recorded" if body.get("response") else "not recorded", body.get("response_url")),
        ("Self-assessment published at", gov.get("publication_url") or "not recorded", gov.get("publication_url")),
        ("Annual report published at", gov.get("annual_report_url") or "not recorded", gov.get("annual_report_url")),
    ]
    if prepared:
        who = prepared.get("by") or "not recorded"
        if prepared.get("role"):
            who += f", {prepared['role']}"
        if prepared.get("date"):
            who += f", {prepared['date']}"
        rows.insert(0, ("Self-assessment prepared by", who, None))
    return rows


def governing_body(result: dict) -> dict:
    """The governing body's facts, every key present ('' when not recorded)."""
    body = ((result["submission"].get("governance") or {}).get("governing_body") or {})
    return {key: body.get(key) or "" for key in ("name", "reviewed", "approved", "response", "response_url")}


# ---------------------------------------------------------------- figures

def stage_figures(result: dict) -> tuple[str, dict, dict]:
    """(source, stage 1, stage 2): case-log figures when there is a case log, else the stated ones."""
    metrics = result.get("metrics")
    if metrics:
        return "case log", dict(metrics.get("stage1") or {}), dict(metrics.get("stage2") or {})
    stated = result.get("stated_metrics") or {}
    if stated.get("stage1") or stated.get("stage2"):
        return "stated", dict(stated.get("stage1") or {}), dict(stated.get("stage2") or {})
    return "", {}, {}


def escalation(result: dict) -> dict:
    metrics = result.get("metrics") or {}
    rate = metrics.get("escalation_rate") or {}
    if rate:
        return {"numerator": rate.get("numerator"), "denominator": rate.get("denominator"), "pct": rate.get("pct"), "source": "case log"}
    stated = (result.get("stated_metrics") or {}).get("escalation_rate_pct")
    return {"numerator": None, "denominator": None, "pct": stated, "source": "stated" if stated is not None else ""}


def _without_extension(stage: dict) -> float | None:
    if stage.get("pct_in_time_without_extension") is not None:
        return stage["pct_in_time_without_extension"]
    return pct_of(stage.get("on_time"), stage.get("responded"))


def key_figure_rows(s1: dict, s2: dict, source: str = "case log") -> list[tuple[str, str, str]]:
    """The stage table. Stated figures are the landlord's own: their 'in time' share is shown as
    stated (a first-timescale figure, not 'extensions included'), and rows with no stated figure
    are left out rather than shown as 'not available'."""
    def row(label, key, unit=""):
        return (label, fmt(s1.get(key), unit), fmt(s2.get(key), unit))

    if source == "stated":
        rows = [
            row("Complaints received", "received"),
            row("Responses sent", "responded"),
            row("Acknowledged within the Code's timescale", "pct_acknowledged_in_time", "%"),
            row("Responded within the Code's timescales", "pct_in_time", "%"),
            row("Mean working days to respond", "mean_working_days"),
        ]
        return [r for r in rows if r[1] != NA or r[2] != NA]
    return [
        row("Complaints received", "received"),
        row("Withdrawn", "withdrawn"),
        row("Responses sent", "responded"),
        row("Still open at the end of the year", "open"),
        row("Acknowledged within the Code's timescale", "pct_acknowledged_in_time", "%"),
        row("Responded in time without an extension (number)", "on_time"),
        ("Responded in time without an extension (share of responses)", fmt(_without_extension(s1), "%"), fmt(_without_extension(s2), "%")),
        row("Responded within an agreed extension (number)", "on_time_with_extension"),
        row("Responded late (number)", "late"),
        row("Responded within the Code's timescales, extensions included", "pct_in_time", "%"),
        row("Mean working days to respond", "mean_working_days"),
        row("Median working days to respond", "median_working_days"),
    ]


TENURES = (("lcra", "Low-cost rental accommodation (LCRA)"), ("lcho", "Low-cost home ownership (LCHO)"))


def _stated_tsm(result: dict) -> dict:
    """TSM figures the landlord states in annual_report.tenant_satisfaction_measures (keys like
    CH01_stage1_per_1000_homes: {lcra, lcho} and CH02_stage1_pct_in_time: 48.6 or {lcra, lcho})."""
    stated = _pick(result.get("annual_report") or {}, "tenant_satisfaction_measures", "tsm") or {}
    out: dict = {"ch01": {}, "ch02": {}, "ch02_by_tenure": {}, "tp09": {}, "commentary": ""}
    if not isinstance(stated, Mapping):
        return out
    for key, value in stated.items():
        name = str(key).lower()
        if name.startswith("tp09"):
            out["tp09"] = {t: value.get(t) for t, _ in TENURES} if isinstance(value, Mapping) else {"all": value}
            continue
        if name == "commentary":
            out["commentary"] = value or ""
            continue
        stage = "stage1" if "stage1" in name else "stage2" if "stage2" in name else None
        if not stage:
            continue
        if name.startswith("ch01") and isinstance(value, Mapping):
            for tenure, _ in TENURES:
                if value.get(tenure) is not None:
                    out["ch01"].setdefault(tenure, {})[stage] = value[tenure]
        elif name.startswith("ch02"):
            if isinstance(value, Mapping):
                for tenure, _ in TENURES:
                    if value.get(tenure) is not None:
                        out["ch02_by_tenure"].setdefault(tenure, {})[stage] = value[tenure]
            elif value is not None:
                out["ch02"][stage] = value
    return out


def tsm_tables(result: dict) -> dict:
    """TSM CH01 (per 1,000 homes) and CH02 (% within timescales), LCRA and LCHO apart where known.

    Computed figures (case log) come first; a figure the landlord states fills a gap, and the
    table says which it is."""
    metrics = result.get("metrics") or {}
    stated = _stated_tsm(result)
    homes = (result["submission"].get("landlord") or {}).get("homes") or {}
    sources: set[str] = set()

    def value(group: str, tenure: str | None, stage: str):
        for origin, data in (("case log", metrics), ("stated", stated)):
            block = data.get(group) or {}
            v = (block.get(tenure) or {}).get(stage) if tenure else block.get(stage)
            if isinstance(v, (int, float)):
                sources.add(origin)
                return v
        return None

    ch01_rows = [(label, fmt(homes.get(t)), fmt(value("ch01", t, "stage1")), fmt(value("ch01", t, "stage2"))) for t, label in TENURES]
    ch01_source, sources = sources, set()
    ch02_rows = []
    if metrics.get("ch02_by_tenure") or stated["ch02_by_tenure"]:
        ch02_rows = [(label, fmt(value("ch02_by_tenure", t, "stage1"), "%"), fmt(value("ch02_by_tenure", t, "stage2"), "%")) for t, label in TENURES]
    figures = (result.get("stated_metrics") or {}) if not metrics else {}
    stated["ch02"] = {**{st: (figures.get(st) or {}).get("pct_in_time") for st in ("stage1", "stage2")}, **stated["ch02"]}
    ch02_rows.append(("All tenures", fmt(value("ch02", None, "stage1"), "%"), fmt(value("ch02", None, "stage2"), "%")))
    ch01_reason = ""
    if not ch01_source:
        if not any(isinstance(homes.get(t), int) and homes.get(t) > 0 for t, _ in TENURES):
            ch01_reason = "Not available: CH01 needs the number of homes we owned at the year end, which was not recorded."
        else:
            ch01_reason = "Not available: CH01 is counted from our case log, by tenure, and no case log or stated CH01 figure was supplied."
    tp09 = stated["tp09"]
    tp09_rows = [(label, fmt(tp09.get(t), "%")) for t, label in TENURES if tp09.get(t) is not None]
    if tp09.get("all") is not None:
        tp09_rows.append(("All tenures", fmt(tp09["all"], "%")))
    return {"ch01": ch01_rows, "ch02": ch02_rows, "ch01_source": _source_words(ch01_source), "ch02_source": _source_words(sources),
            "ch01_reason": ch01_reason, "tp09": tp09_rows, "commentary": stated["commentary"]}


def _source_words(sources: set[str]) -> str:
    if sources == {"case log"}:
        return "computed from the case log"
    if sources == {"stated"}:
        return "as stated by the landlord"
    if sources:
        return "computed from the case log where possible, otherwise as stated by the landlord"
    return "not available"


def _merged_counts(s1: Mapping, s2: Mapping) -> list[tuple[str, Any, Any]]:
    keys = list(dict.fromkeys(list(s1 or {}) + list(s2 or {})))
    rows = [(k, (s1 or {}).get(k), (s2 or {}).get(k)) for k in keys]
    return sorted(rows, key=lambda r: (-((r[1] or 0) + (r[2] or 0)), r[0]))


OUTCOME_ORDER = {"upheld": 0, "partly upheld": 1, "not upheld": 2}


def charts(result: dict, s1: dict, s2: dict) -> list:
    out = []
    metrics = result.get("metrics") or {}
    quarters = metrics.get("by_quarter") or {}
    names = [q for q in ("Q1", "Q2", "Q3", "Q4") if q in quarters]
    if names:
        out.append(grouped_bar_chart(
            "chart-quarters", "Complaints received by quarter and stage",
            [_quarter_label(q, result) for q in names],
            [("Stage 1", [(quarters[q] or {}).get("stage1") for q in names]),
             ("Stage 2", [(quarters[q] or {}).get("stage2") for q in names])]))
    if any(s.get("responded") for s in (s1, s2)) and any(s.get("on_time") is not None for s in (s1, s2)):
        out.append(stacked_bar_chart(
            "chart-timeliness", "Responses by timeliness",
            ["Stage 1", "Stage 2"],
            [("In time, no extension", [s1.get("on_time"), s2.get("on_time")]),
             ("Within an agreed extension", [s1.get("on_time_with_extension"), s2.get("on_time_with_extension")]),
             ("Late", [s1.get("late"), s2.get("late")])], colours=TIMELINESS))
    cats = _merged_counts(s1.get("categories") or {}, s2.get("categories") or {})
    if cats:
        out.append(horizontal_bar_chart(
            "chart-categories", "Complaints by category and stage",
            [c for c, _, _ in cats],
            [("Stage 1", [a or 0 for _, a, _ in cats]), ("Stage 2", [b or 0 for _, _, b in cats])]))
    return out


def _quarter_label(q: str, result: dict) -> str:
    start = _date(result["submission"]["period"]["start"])
    if not start:
        return q
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    first = (start.month - 1 + 3 * (int(q[1]) - 1)) % 12
    return f"{q} ({months[first]}-{months[(first + 2) % 12]})"


# ---------------------------------------------------------------- self-assessment summary

def unmet_rows(result: dict, as_at: dt.date | None) -> list[dict]:
    """Every provision not met (declared, contradicted, unsupported, unanswered), with its action plan."""
    rows = []
    for p in result["provisions"]:
        if p["verdict"] in ("met", "not-applicable"):
            continue
        action = p.get("action") or {}
        target = _date(action.get("target_date"))
        rows.append({
            "id": p["id"],
            "modality": p["modality"],
            "requirement": p["requirement"],
            "verdict": p["verdict"],
            "explanation": p.get("explanation") or p.get("commentary") or "",
            "what": action.get("what"),
            "owner": action.get("owner"),
            "target_date": action.get("target_date"),
            "overdue": bool(target and as_at and target <= as_at),
            "findings": [f for f in p.get("findings") or () if f["severity"] != "info"],
        })
    return rows


def as_at_date(result: dict) -> tuple[dt.date | None, str]:
    """The date against which target dates are judged, and why that one."""
    sub = result["submission"]
    reviewed = _date(((sub.get("governance") or {}).get("governing_body") or {}).get("reviewed"))
    end = _date(sub["period"]["end"])
    if reviewed and end and reviewed > end:
        return reviewed, f"the governing body's review on {reviewed.isoformat()}"
    return end, f"the end of the period assessed ({end.isoformat() if end else NA})"


# ---------------------------------------------------------------- review pack

def claims(result: dict) -> list[dict]:
    """Each provision with a timescale or extension check (or a quoted figure): the answer beside the figures."""
    from ..codes import load_code
    from ..problems import InputError

    try:
        code = load_code(result["code"]["id"])
    except InputError:
        code = None
    metrics = result.get("metrics") or {}
    stated = result.get("stated_metrics") or {}
    policy = result["submission"].get("policy") or {}
    tolerance = (result.get("settings") or {}).get("timeliness_tolerance_pct")
    rows = []
    for p in result["provisions"]:
        checks = [c for c in (code.provision(p["id"]).checks if code and code.provision(p["id"]) else ())
                  if c.kind in ("timescale", "extension")]
        quoted = [e for e in p.get("evidence") or () if e.get("figure") and e.get("value") is not None]
        if not checks and not quoted:
            continue
        for chk in checks:
            stage = chk.get("stage")
            ts = code.timescales.stage(stage)
            pol = policy.get(f"stage{stage}") or {}
            if chk.kind == "timescale":
                event = chk.get("event")
                key = "pct_acknowledged_in_time" if event == "acknowledge" else "pct_in_time"
                code_days = ts.acknowledge_working_days if event == "acknowledge" else ts.respond_working_days
                policy_days = pol.get(f"{event}_working_days")
                measure = (f"Stage {stage} complaints acknowledged within {code_days} working days" if event == "acknowledge"
                           else f"Stage {stage} complaints responded to within {code_days} working days (or a valid extension)")
                quote = next((e["value"] for e in quoted if e["figure"] == f"stage{stage}.{key}"), None)
                rows.append({
                    "id": p["id"], "answer": p.get("answer"), "verdict": p["verdict"], "measure": measure,
                    "computed": fmt((metrics.get(f"stage{stage}") or {}).get(key), "%"),
                    "stated": fmt((stated.get(f"stage{stage}") or {}).get(key), "%"),
                    "quoted": fmt(quote, "%") if quote is not None else NA,
                    "code": f"{code_days} working days", "policy": fmt(policy_days, " working days") if policy_days is not None else "not stated",
                    "tolerance": fmt(tolerance, "% in time") if tolerance is not None else NA,
                    "findings": [f["message"] for f in p.get("findings") or () if f["rule"] in ("timeliness-below-tolerance", "policy-exceeds-code", "stated-figure-differs")],
                })
            else:
                cap = ts.extension_cap_working_days
                s = metrics.get(f"stage{stage}") or {}
                used = s.get("on_time_with_extension")
                rows.append({
                    "id": p["id"], "answer": p.get("answer"), "verdict": p["verdict"],
                    "measure": f"Stage {stage} extensions: responses within an agreed extension",
                    "computed": fmt(used) + (f" of {fmt(s.get('responded'))} responses" if used is not None and s.get("responded") is not None else ""),
                    "stated": NA, "quoted": NA,
                    "code": f"extension of at most {fmt(cap)} working days" if cap is not None else NA,
                    "policy": fmt(pol.get("extension_cap_working_days"), " working days") if pol.get("extension_cap_working_days") is not None else "not stated",
                    "tolerance": "none: any extension beyond the cap counts as late",
                    "findings": [f["message"] for f in p.get("findings") or () if f["rule"] == "policy-exceeds-code"],
                })
        if not checks:
            for e in quoted:
                group, _, key = e["figure"].partition(".")
                computed = (metrics.get(group) or {}).get(key) if isinstance(metrics.get(group), Mapping) else None
                stated_value = (stated.get(group) or {}).get(key) if isinstance(stated.get(group), Mapping) else None
                unit = "%" if key.startswith("pct") else ""
                rows.append({
                    "id": p["id"], "answer": p.get("answer"), "verdict": p["verdict"], "measure": f"Figure quoted as evidence: {e['figure']}",
                    "computed": fmt(computed, unit), "stated": fmt(stated_value, unit), "quoted": fmt(e["value"], unit),
                    "code": NA, "policy": NA,
                    "tolerance": fmt((result.get("settings") or {}).get("figure_tolerance_points"), " points") if unit else "exact",
                    "findings": [f["message"] for f in p.get("findings") or () if f["rule"] == "stated-figure-differs"],
                })
    return rows


def stated_vs_computed(result: dict) -> list[dict]:
    """Each figure the landlord states, beside the one computed from the case log (if any)."""
    stated = result.get("stated_metrics") or {}
    metrics = result.get("metrics") or {}
    points = (result.get("settings") or {}).get("figure_tolerance_points")
    rows = []
    names = {"received": "received", "responded": "responses sent", "pct_acknowledged_in_time": "acknowledged in time",
             "pct_in_time": "responded in time", "mean_working_days": "mean working days to respond"}
    for stage in ("stage1", "stage2"):
        for key, value in (stated.get(stage) or {}).items():
            computed = (metrics.get(stage) or {}).get(key) if metrics else None
            unit = "%" if key.startswith("pct") else ""
            if unit:
                limit, tol = points or 0, f"{fmt(points)} points"
            elif key in ("received", "responded"):
                limit, tol = 0, "exact"
            else:
                limit, tol = 0.5, "0.5 days"
            rows.append(_compare_row(f"Stage {stage[-1]} {names.get(key, key)}", value, computed, unit, tol, limit))
    if stated.get("escalation_rate_pct") is not None:
        computed = (metrics.get("escalation_rate") or {}).get("pct") if metrics else None
        rows.append(_compare_row("Escalation rate", stated["escalation_rate_pct"], computed, "%", f"{fmt(points)} points", points or 0))
    return rows


def _compare_row(label, stated, computed, unit, tolerance, limit) -> dict:
    diff = round(stated - computed, 1) if isinstance(stated, (int, float)) and isinstance(computed, (int, float)) else None
    return {"label": label, "stated": fmt(stated, unit), "computed": fmt(computed, unit),
            "difference": NA if diff is None else f"{diff:+.1f}", "tolerance": tolerance,
            "agrees": None if diff is None else abs(diff) <= limit + 1e-9}


def review_view(result: dict, diff: dict | None = None) -> dict:
    as_at, as_at_reason = as_at_date(result)
    findings = all_findings(result)
    return {
        "r": result,
        "findings": findings,
        "severity_labels": SEVERITY_LABELS,
        "finding_counts": {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITY_ORDER},
        "claims": claims(result),
        "figures": stated_vs_computed(result),
        "figure_source": "case log" if result.get("metrics") else "",
        "unmet": unmet_rows(result, as_at),
        "as_at": as_at.isoformat() if as_at else NA,
        "as_at_reason": as_at_reason,
        "diff": diff,
        "changed_figures": [f for f in (diff or {}).get("figures", ()) if f["old"] != f["new"]],
        "governance": governance_facts(result),
        "mrc": {"name": "", "role": "", **((result["submission"].get("governance") or {}).get("mrc") or {})},
    }


# ---------------------------------------------------------------- annual report

ANSWER_COLUMNS = (("yes", "Yes"), ("partial", "Partly"), ("no", "No"), ("n/a", "Not applicable"), ("figure", "A figure or text"), (None, "Not answered"))


def _answer_key(p: dict) -> str | None:
    if p.get("answer") in ("yes", "no", "partial", "n/a"):
        return p["answer"]
    if p.get("value") is not None or p.get("values") or p.get("text") or p.get("choice"):
        return "figure"
    return None


def answers_by_section(result: dict) -> dict:
    """How the landlord answered, section by section (the answers as given, not chc's verdicts)."""
    titles = {s["id"]: s["title"] for s in result["summary"]["sections"]}
    counts: dict[str, dict] = {}
    for p in result["provisions"]:
        row = counts.setdefault(p["section"], {k: 0 for k, _ in ANSWER_COLUMNS})
        row[_answer_key(p)] += 1
    used = [(k, label) for k, label in ANSWER_COLUMNS if any(row[k] for row in counts.values())]
    rows = [(f"{sid}. {titles.get(sid, '')}", [row[k] for k, _ in used]) for sid, row in counts.items()]
    total = [sum(row[k] for row in counts.values()) for k, _ in used]
    return {"columns": [label for _, label in used], "rows": rows, "total": total}


def declared_gaps(result: dict) -> list[dict]:
    """Every requirement the landlord says it does not (fully) meet, with its explanation and plan, in its words."""
    rows = []
    for p in result["provisions"]:
        if p.get("answer") not in ("no", "partial"):
            continue
        action = p.get("action") or {}
        rows.append({"id": p["id"], "requirement": p["requirement"], "answer": p["answer"],
                     "explanation": p.get("explanation") or p.get("commentary") or "",
                     "what": action.get("what") or "", "owner": action.get("owner") or "", "target_date": action.get("target_date") or ""})
    return rows


def _foreword(value: Any) -> dict:
    if isinstance(value, Mapping):
        return {"text": value.get("text") or "", "by": value.get("by") or "", "role": value.get("role") or ""}
    return {"text": value or "", "by": "", "role": ""}


def comparison(result: dict, previous: dict | None) -> dict | None:
    """Last year's figures beside this year's, with the change (from `chc diff`'s figures)."""
    if not previous:
        return None
    from ..diff import diff_results

    diff = diff_results(previous, result)
    rows = []
    for f in diff["figures"]:
        if f["old"] is None and f["new"] is None:
            continue
        change = NA if f["change"] is None else (f"{f['change']:+,.1f}" if isinstance(f["change"], float) else f"{f['change']:+,}") + (" points" if f["unit"] == "%" else "")
        unit = "%" if f["unit"] == "%" else ""
        rows.append((f["label"], fmt(f["old"], unit), fmt(f["new"], unit), change))
    yes_old = sum(1 for p in previous["provisions"] if p.get("answer") == "yes")
    yes_new = sum(1 for p in result["provisions"] if p.get("answer") == "yes")
    rows.insert(0, ("Requirements we answered yes to", f"{yes_old} of {len(previous['provisions'])}", f"{yes_new} of {len(result['provisions'])}", f"{yes_new - yes_old:+,}"))
    return {"previous_label": previous["submission"]["period"].get("label") or previous["submission"]["period"]["start"][:4],
            "current_label": result["submission"]["period"].get("label") or "", "rows": rows}


def quarter_timeliness(result: dict, quarters: list[dict] | None) -> dict:
    """Timeliness by quarter: from the case log (`caselog.quarterly.english_year`) or as stated
    (annual_report.timeliness_by_quarter); rows of (quarter, stage 1 received, in time, stage 2 ...)."""
    rows, series = [], {"stage1": [], "stage2": []}
    if quarters:
        for q in quarters:
            s1, s2 = q["stages"]
            label = _quarter_label(q["quarter"]["id"], result)
            rows.append((label, fmt(s1["received"]), fmt(s1["responded"]), fmt(s1["pct_in_time"], "%"), fmt(s1["mean_working_days"]),
                         fmt(s2["received"]), fmt(s2["responded"]), fmt(s2["pct_in_time"], "%"), fmt(s2["mean_working_days"])))
            series["stage1"].append((label, s1["pct_in_time"]))
            series["stage2"].append((label, s2["pct_in_time"]))
        source = "case log"
    else:
        stated = (result.get("annual_report") or {}).get("timeliness_by_quarter") or {}
        for q in ("Q1", "Q2", "Q3", "Q4"):
            if q in stated:
                label = _quarter_label(q, result)
                v = stated[q] or {}
                rows.append((label, NA, NA, fmt(v.get("stage1"), "%"), NA, NA, NA, fmt(v.get("stage2"), "%"), NA))
                series["stage1"].append((label, v.get("stage1")))
                series["stage2"].append((label, v.get("stage2")))
        source = "stated" if rows else ""
    chart = None
    if rows and any(v is not None for st in series.values() for _, v in st):
        chart = grouped_bar_chart("chart-quarter-timeliness", "Responses within the Code's timescales by quarter (%)",
                                  [label for label, _ in series["stage1"]],
                                  [("Stage 1", [v for _, v in series["stage1"]]), ("Stage 2", [v for _, v in series["stage2"]])], unit="%")
    return {"rows": rows, "source": source, "chart": chart}


def sub_category_rows(ar: Mapping) -> list[dict]:
    """annual_report.sub_categories as [{category, total, subs: [(name, n)]}], largest first."""
    raw = ar.get("sub_categories") or {}
    out = []
    for category, subs in (raw.items() if isinstance(raw, Mapping) else ()):
        items = sorted(((str(k), v) for k, v in (subs or {}).items()), key=lambda kv: (-(kv[1] or 0), kv[0]))
        total = sum(v for _, v in items if isinstance(v, int))
        out.append({"category": str(category), "total": total, "subs": [(k, fmt(v)) for k, v in items]})
    return sorted(out, key=lambda c: (-c["total"], c["category"]))


def annual_view(result: dict, *, with_findings: bool = False, previous: dict | None = None, quarters: list[dict] | None = None) -> dict:
    from ..intake.placeholders import scrub

    # a text still holding chc init's placeholder is not the landlord's words: never published
    result = {**result, "submission": scrub(result["submission"]), "annual_report": scrub(result.get("annual_report") or {})}
    ar = result["annual_report"]
    source, s1, s2 = stage_figures(result)
    as_at, as_at_reason = as_at_date(result)
    verdicts = result["summary"]["verdicts"]
    total = sum(verdicts.values())
    refused = _pick(ar, "refused", "refused_complaints", "not_accepted", "complaints_not_accepted") or {}
    if isinstance(refused, (list, tuple)):
        refused = {"by_reason": refused}
    refused_rows = counts(_pick(refused, "by_reason", "reasons") or {}, "reason", "label", "name")
    refused_total = _pick(refused, "total", "count")
    if refused_total is None and refused_rows and all(isinstance(n, int) for _, n in refused_rows):
        refused_total = sum(n for _, n in refused_rows)
    comp = _pick(ar, "compensation") or {}
    if isinstance(comp, (int, float)):
        comp = {"total": comp}
    omb = _pick(ar, "ombudsman", "housing_ombudsman") or {}
    raw_determinations = _pick(omb, "determinations", "findings") or _pick(ar, "ombudsman_determinations", "determinations") or {}
    determinations, determination_cases = _determinations(raw_determinations)
    by_area = counts(_pick(omb, "findings_by_area", "by_area", "areas") or {}, "area", "label", "name")
    nc_key = next((k for k in ("non_compliance", "code_non_compliance", "complaint_handling_failure_orders") if isinstance(omb, Mapping) and k in omb), None)
    non_compliance_given = nc_key is not None or "non_compliance" in ar
    non_compliance = _as_list(omb[nc_key] if nc_key else ar.get("non_compliance"))
    omb_annual = (_pick(omb, "annual_report", "landlord_report", "performance_report")
                  or _pick(ar, "ombudsman_annual_report", "ombudsman_performance_report", "ombudsman_report"))
    other = _as_list(_pick(omb, "other_reports", "spotlight_reports", "reports", "other_publications")
                     or _pick(ar, "other_reports", "other_ombudsman_reports", "other_ombudsman_publications"))
    improvements = _as_list(_pick(ar, "improvements", "service_improvements", "you_said_we_did", "learning"))
    m = result.get("metrics") or {}
    stated_outcomes = _pick(ar, "outcomes") if isinstance(_pick(ar, "outcomes"), Mapping) else {}
    o1 = s1.get("outcomes") or _labels(stated_outcomes.get("stage1"))
    o2 = s2.get("outcomes") or _labels(stated_outcomes.get("stage2"))
    stated_categories = _pick(ar, "categories")
    c1 = s1.get("categories") or (_labels(stated_categories.get("stage1")) if isinstance(stated_categories, Mapping) else {})
    c2 = s2.get("categories") or (_labels(stated_categories.get("stage2")) if isinstance(stated_categories, Mapping) else {})
    outcomes = sorted(_merged_counts(o1, o2),
                      key=lambda r: (OUTCOME_ORDER.get(str(r[0]).lower(), 9), -((r[1] or 0) + (r[2] or 0)), r[0]))
    by_quarter = m.get("by_quarter") or {}
    timeliness = quarter_timeliness(result, quarters)
    return {
        "r": result,
        "with_findings": with_findings,
        "findings": all_findings(result) if with_findings else [],
        "severity_labels": SEVERITY_LABELS,
        "foreword": _foreword(ar.get("foreword")),
        "answers_table": answers_by_section(result),
        "answered_yes": sum(1 for p in result["provisions"] if p.get("answer") == "yes"),
        "declared": declared_gaps(result),
        "comparison": comparison(result, scrub(previous) if previous else None),
        "timeliness": timeliness,
        "sub_categories": sub_category_rows(ar),
        "text": {
            "introduction": _pick(ar, "introduction") or "",
            "self_assessment_summary": _pick(ar, "self_assessment_summary", "self_assessment") or "",
            "performance_commentary": _pick(ar, "performance_commentary", "performance", "analysis") or "",
        },
        "source": source,
        "key_figures": key_figure_rows(s1, s2, source),
        "s1": s1, "s2": s2,
        "has_figures": bool(s1 or s2),
        "escalation": escalation(result),
        "tsm": tsm_tables(result),
        "outcomes": [(k, fmt(a), fmt(b)) for k, a, b in outcomes],
        "categories": [(k, fmt(a), fmt(b)) for k, a, b in _merged_counts(c1, c2)],
        "categories_commentary": _pick(ar, "categories_commentary") or (stated_categories if isinstance(stated_categories, str) else ""),
        "quarters": [(_quarter_label(q, result), fmt((by_quarter.get(q) or {}).get("stage1")), fmt((by_quarter.get(q) or {}).get("stage2")))
                     for q in ("Q1", "Q2", "Q3", "Q4") if q in by_quarter],
        "charts": {c.id: c for c in charts(result, s1, s2) + ([timeliness["chart"]] if timeliness["chart"] else [])},
        "verdicts": verdicts,
        "met": verdicts.get("met", 0),
        "total": total,
        "unmet": unmet_rows(result, as_at),
        "as_at": as_at.isoformat() if as_at else NA,
        "as_at_reason": as_at_reason,
        "refused": {"given": bool(refused), "total": fmt(refused_total), "rows": [(k, fmt(n)) for k, n in refused_rows],
                    "commentary": _pick(refused, "commentary", "summary", "notes", "note") or ""},
        "compensation": {"given": bool(comp), "total": money(_pick(comp, "total", "total_gbp", "amount")),
                         "cases": fmt(_pick(comp, "cases", "payments", "count")),
                         "ombudsman_ordered": money(_pick(comp, "ombudsman_ordered", "of_which_ombudsman_ordered_gbp", "ombudsman_ordered_gbp", "ordered_by_ombudsman")),
                         "commentary": _pick(comp, "commentary", "summary", "notes", "note") or ""},
        "determinations": [(k, fmt(n)) for k, n in determinations],
        "determinations_total": fmt(sum(n for _, n in determinations if isinstance(n, int))) if determinations else NA,
        "determination_cases": determination_cases,
        "by_area": [(k, fmt(n)) for k, n in by_area],
        "ombudsman_given": bool(omb),
        "non_compliance": [_report_item(x) for x in non_compliance],
        "non_compliance_given": non_compliance_given,
        "omb_annual": _report_item(omb_annual) if omb_annual else None,
        "other_reports": [_report_item(x) for x in other],
        "improvements": [_improvement(x) for x in improvements],
        "improvement_columns": {key: any(_improvement(x)[key] for x in improvements) for key in ("theme", "heard", "learned", "did")},
        "lessons": _pick(ar, "lessons", "lessons_learned") or "",
        "governance": governance_facts(result),
        "body": governing_body(result),
    }


def _labels(value: Any) -> dict:
    """{'partly_upheld': 101} -> {'partly upheld': 101}."""
    if not isinstance(value, Mapping):
        return {}
    return {str(k).replace("_", " "): v for k, v in value.items()}


def _determinations(raw: Any) -> tuple[list[tuple[str, Any]], list[dict]]:
    """Counts by finding, and the cases themselves when they are listed one by one.

    Accepts {finding: count}, [{finding/outcome, count}], or [{case, determined, subject,
    finding, orders, complied}] (one item per determination)."""
    if isinstance(raw, Mapping):
        return counts(raw), []
    items = [x for x in _as_list(raw) if isinstance(x, Mapping)]
    if items and all(_pick(x, "count", "number", "n") is not None for x in items):
        return counts(items, "outcome", "finding", "label", "type"), []
    tally: dict[str, int] = {}
    cases = []
    for x in items:
        finding = str(_pick(x, "finding", "outcome", "type") or NA)
        label = finding[:1].upper() + finding[1:]
        tally[label] = tally.get(label, 0) + 1
        orders = _pick(x, "orders", "remedies") or []
        cases.append({
            "case": str(_pick(x, "case", "reference", "ref") or ""),
            "date": str(_pick(x, "determined", "date") or ""),
            "subject": str(_pick(x, "subject", "summary", "about") or ""),
            "finding": label,
            "orders": [str(o) for o in _as_list(orders)],
            "complied": str(_pick(x, "complied", "complied_on") or ""),
        })
    return list(tally.items()), cases


def _report_item(item: Any) -> dict:
    if isinstance(item, Mapping):
        return {
            "title": _pick(item, "title", "name", "reference", "finding") or "",
            "date": str(_pick(item, "date", "published", "year", "period") or ""),
            "url": _pick(item, "url", "link") or "",
            "summary": _pick(item, "summary", "finding", "findings", "description", "text") or "",
            "response": _pick(item, "response", "action", "actions", "what_we_did") or "",
            "reference": _pick(item, "reference", "case") or "",
        }
    return {"title": "", "date": "", "url": "", "summary": str(item), "response": "", "reference": ""}


def _improvement(item: Any) -> dict:
    if isinstance(item, Mapping):
        return {
            "theme": _pick(item, "theme", "title", "area", "issue") or "",
            "heard": _pick(item, "heard", "you_said", "issue", "what_happened", "problem") or "",
            "learned": _pick(item, "learned", "learning", "what_we_learned", "lesson") or "",
            "did": _pick(item, "did", "we_did", "action", "what_we_did", "change", "response") or "",
            "status": _pick(item, "status", "when", "date") or "",
        }
    return {"theme": "", "heard": "", "learned": "", "did": str(item), "status": ""}


# ---------------------------------------------------------------- rendering

def render_review_pack(result: dict, diff: dict | None = None) -> str:
    """The MRC review pack (HTML); files are named relative to the submission's folder."""
    import os

    from .paths import relative_diff, relative_paths
    from .templated import render

    folder = os.path.dirname(result["submission"].get("file") or "") or "."
    return render("review-pack.html.j2", **review_view(relative_paths(result, folder), relative_diff(diff, folder)))


def render_annual_report(result: dict, fmt_: str = "html", *, with_findings: bool = False, previous: dict | None = None,
                         quarters: list[dict] | None = None) -> str:
    """The report in the landlord's words; chc's verdicts and findings only `with_findings`.
    Files are named relative to the submission's folder."""
    import os

    from .paths import relative_paths
    from .templated import render, sections_with_rows

    template = {"html": "annual-report.html.j2", "md": "annual-report.md.j2"}[fmt_]
    folder = os.path.dirname(result["submission"].get("file") or "") or "."
    result = relative_paths(result, folder)
    previous = relative_paths(previous, folder) if previous else previous
    return render(template, groups=sections_with_rows(result), **annual_view(result, with_findings=with_findings, previous=previous, quarters=quarters))
