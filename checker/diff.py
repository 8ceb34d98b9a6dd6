"""What changed between two years' results: answers, verdicts, evidence, actions and figures.

Works on canonical result dicts (see `checker.result`). Provisions are matched by id when both
years use the same Code version. When the versions differ, they are matched through the
`maps_to` lists of the Code files (either direction); with no mapping at all the provisions are
reported as not comparable, and only the figures and verdict counts are compared.
"""

from __future__ import annotations

import json
from typing import Any

from .problems import InputError, Location, Problem
from .render.figures import fmt

MAX_RESULT_BYTES = 200 * 1024 * 1024  # a result of the largest Code is about 1 MB

DIFF_VERSION = "1.0"

STAGE_FIGURES = (
    ("received", "complaints received", ""),
    ("responded", "responses sent", ""),
    ("pct_acknowledged_in_time", "acknowledged in time", "%"),
    ("on_time", "responded on time without an extension", ""),
    ("on_time_with_extension", "responded within an agreed extension", ""),
    ("late", "responded late", ""),
    ("pct_in_time", "responded in time", "%"),
    ("mean_working_days", "mean working days to respond", " days"),
    ("median_working_days", "median working days to respond", " days"),
)


def figures(result: dict) -> dict[str, dict]:
    """The year's headline figures as flat keys, from the case log where there is one, else as stated.

    Each value: {"label", "value", "unit", "source"} with source "case log" or "stated".
    """
    out: dict[str, dict] = {}
    metrics = result.get("metrics") or {}
    stated = result.get("stated_metrics") or {}

    def add(key, label, unit, computed, declared):
        if computed is not None:
            out[key] = {"label": label, "value": computed, "unit": unit, "source": "case log"}
        elif declared is not None:
            out[key] = {"label": label, "value": declared, "unit": unit, "source": "stated"}

    for stage in ("stage1", "stage2"):
        m, s = metrics.get(stage) or {}, stated.get(stage) or {}
        for name, label, unit in STAGE_FIGURES:
            add(f"{stage}.{name}", f"Stage {stage[-1]} {label}", unit, m.get(name), s.get(name))
    add("escalation_rate.pct", "Escalation rate (stage 2 / stage 1 received)", "%",
        (metrics.get("escalation_rate") or {}).get("pct"), stated.get("escalation_rate_pct"))
    for tenure, tname in (("lcra", "LCRA"), ("lcho", "LCHO")):
        for stage in ("stage1", "stage2"):
            value = ((metrics.get("ch01") or {}).get(tenure) or {}).get(stage)
            add(f"ch01.{tenure}.{stage}", f"CH01 stage {stage[-1]} complaints per 1,000 homes ({tname})", "", value, None)
    ch02 = metrics.get("ch02") or {}
    for stage in ("stage1", "stage2"):
        if isinstance(ch02.get(stage), (int, float)):
            add(f"ch02.{stage}", f"CH02 stage {stage[-1]} responded within the Code's timescales", "%", ch02[stage], None)
    by_tenure = metrics.get("ch02_by_tenure") or {t: ch02[t] for t in ("lcra", "lcho") if isinstance(ch02.get(t), dict)}
    for tenure, tname in (("lcra", "LCRA"), ("lcho", "LCHO")):
        for stage in ("stage1", "stage2"):
            value = (by_tenure.get(tenure) or {}).get(stage)
            add(f"ch02.{tenure}.{stage}", f"CH02 stage {stage[-1]} responded within the Code's timescales ({tname})", "%", value, None)
    return out


def _answer(p: dict | None) -> Any:
    if p is None:
        return None
    return p["value"] if p.get("value") is not None else p.get("answer")


def _action(p: dict | None) -> dict | None:
    return (p or {}).get("action") or None


def _evidence(p: dict | None) -> list[str]:
    return [e["label"] for e in (p or {}).get("evidence") or ()]


def provision_matches(old: dict, new: dict) -> tuple[bool, str, dict[str, list[str]]]:
    """(comparable, how, {new id: [old ids]}) for the two results' form rows."""
    old_code, new_code = old["code"]["id"], new["code"]["id"]
    new_ids = [p["id"] for p in new["provisions"]]
    old_ids = {p["id"] for p in old["provisions"]}
    if old_code == new_code:
        return True, "same Code version", {pid: [pid] if pid in old_ids else [] for pid in new_ids}
    from .codes import load_code

    mapping: dict[str, list[str]] = {pid: [] for pid in new_ids}
    found = False
    try:
        code = load_code(new_code)
        for pid in new_ids:
            p = code.provision(pid)
            if p is not None and old_code in p.maps_to:
                mapping[pid] = [o for o in p.maps_to[old_code] if o in old_ids]
                found = True
    except InputError:
        pass
    if not found:
        try:
            code = load_code(old_code)
            for p in code.provisions:
                for target in p.maps_to.get(new_code, ()):
                    if target in mapping and p.id in old_ids:
                        mapping[target].append(p.id)
                        found = True
        except InputError:
            pass
    if not found:
        return False, f"no mapping between {old_code} and {new_code} in the Code files", {}
    return True, f"matched through the maps_to lists of the Code files ({old_code} to {new_code})", mapping


def diff_results(old: dict, new: dict) -> dict:
    """The changes from `old` (last year) to `new` (this year), as a JSON-ready dict."""
    comparable, how, mapping = provision_matches(old, new)
    old_by_id = {p["id"]: p for p in old["provisions"]}
    changes: list[dict] = []
    unchanged = 0
    if comparable:
        used: set[str] = set()
        for p in new["provisions"]:
            olds = [old_by_id[o] for o in mapping.get(p["id"], ())]
            used.update(o["id"] for o in olds)
            entry = _provision_change(p, olds)
            if entry["changes"]:
                changes.append(entry)
            else:
                unchanged += 1
        for o in old["provisions"]:
            if o["id"] not in used:
                changes.append({
                    "id": None, "old_ids": [o["id"]], "status": "removed", "changes": ["removed"], "evidence": None, "commentary": None, "action": None,
                    "answer": {"old": _answer(o), "new": None}, "verdict": {"old": o["verdict"], "new": None},
                })
    old_v, new_v = old["summary"]["verdicts"], new["summary"]["verdicts"]
    verdicts = {v: {"old": old_v.get(v, 0), "new": new_v.get(v, 0), "change": new_v.get(v, 0) - old_v.get(v, 0)}
                for v in dict.fromkeys(list(new_v) + list(old_v))}
    old_f, new_f = figures(old), figures(new)
    figure_changes = []
    for key in dict.fromkeys(list(new_f) + list(old_f)):
        a, b = old_f.get(key), new_f.get(key)
        ov, nv = (a or {}).get("value"), (b or {}).get("value")
        figure_changes.append({
            "key": key, "label": (b or a)["label"], "unit": (b or a)["unit"],
            "old": ov, "new": nv,
            "change": round(nv - ov, 1) if isinstance(ov, (int, float)) and isinstance(nv, (int, float)) else None,
            "source": {"old": (a or {}).get("source"), "new": (b or {}).get("source")},
        })
    return {
        "diff_version": DIFF_VERSION,
        "old": _side(old),
        "new": _side(new),
        "comparable": comparable,
        "matching": how,
        "verdicts": verdicts,
        "provisions": changes,
        "unchanged": unchanged,
        "figures": figure_changes,
        "counts": {
            "changed": sum(1 for c in changes if c["status"] == "changed"),
            "new": sum(1 for c in changes if c["status"] == "new"),
            "removed": sum(1 for c in changes if c["status"] == "removed"),
            "unchanged": unchanged,
        },
    }


def _side(result: dict) -> dict:
    sub = result["submission"]
    return {"file": sub["file"], "sha256": sub["sha256"], "landlord": sub["landlord"]["name"],
            "period": sub["period"]["label"], "code": result["code"]["id"]}


def _provision_change(p: dict, olds: list[dict]) -> dict:
    entry: dict[str, Any] = {"id": p["id"], "old_ids": [o["id"] for o in olds], "evidence": None, "commentary": None, "action": None}
    if not olds:
        entry.update(status="new", changes=["new"], answer={"old": None, "new": _answer(p)},
                     verdict={"old": None, "new": p["verdict"]})
        return entry
    old_answers = [_answer(o) for o in olds]
    old_verdicts = [o["verdict"] for o in olds]
    old_answer = old_answers[0] if len(set(map(str, old_answers))) == 1 else ", ".join(f"{a} ({o['id']})" for a, o in zip(old_answers, olds))
    old_verdict = old_verdicts[0] if len(set(old_verdicts)) == 1 else ", ".join(f"{v} ({o['id']})" for v, o in zip(old_verdicts, olds))
    what: list[str] = []
    if old_answer != _answer(p):
        what.append("answer")
    if old_verdict != p["verdict"]:
        what.append("verdict")
    old_ev = [label for o in olds for label in _evidence(o)]
    new_ev = _evidence(p)
    added = [e for e in new_ev if e not in old_ev]
    removed = [e for e in old_ev if e not in new_ev]
    if added or removed:
        what.append("evidence")
    old_text = "\n".join(filter(None, [*(o.get("commentary") or "" for o in olds), *(o.get("explanation") or "" for o in olds)]))
    new_text = "\n".join(filter(None, [p.get("commentary") or "", p.get("explanation") or ""]))
    if old_text != new_text:
        what.append("commentary")
    old_action = _action(olds[0]) if len(olds) == 1 else next((a for a in map(_action, olds) if a), None)
    if old_action != _action(p):
        what.append("action")
    entry.update(
        status="changed" if what else "same",
        changes=what,
        answer={"old": old_answer, "new": _answer(p)},
        verdict={"old": old_verdict, "new": p["verdict"]},
    )
    if "evidence" in what:
        entry["evidence"] = {"added": added, "removed": removed}
    if "commentary" in what:
        entry["commentary"] = {"old": old_text, "new": new_text}
    if "action" in what:
        entry["action"] = {"old": old_action, "new": _action(p)}
    return entry


def _show_answer(value: Any) -> str:
    return "not answered" if value is None else fmt(value)


def _change(value: Any, unit: str) -> str:
    if value is None:
        return ""
    points = " points" if unit == "%" else unit
    return f"{value:+,.1f}{points}" if isinstance(value, float) else f"{value:+,}{points}"


def describe_action(action: dict | None) -> str:
    if not action:
        return "none"
    parts = [action.get("what") or ""]
    if action.get("owner"):
        parts.append(f"owner {action['owner']}")
    if action.get("target_date"):
        parts.append(f"by {action['target_date']}")
    return "; ".join(parts)


def render_diff_text(diff: dict) -> str:
    old, new = diff["old"], diff["new"]
    lines = [
        f"Changes from {old['landlord']} {old['period']} ({old['code']}) to {new['landlord']} {new['period']} ({new['code']})",
        f"  old: {old['file']}",
        f"  new: {new['file']}",
    ]
    if old["landlord"] != new["landlord"]:
        lines.append("  note: the two submissions name different landlords")
    lines += [
        "",
        f"{'Verdicts':<22}{old['period']:>12}{new['period']:>12}{'change':>9}",
    ]
    for v, c in diff["verdicts"].items():
        lines.append(f"  {v:<20}{c['old']:>12}{c['new']:>12}{c['change']:>+9}")
    lines.append("")
    if not diff["comparable"]:
        lines.append(f"Provisions: not comparable ({diff['matching']})")
    else:
        n = diff["counts"]
        lines.append(f"Provisions: {n['changed']} changed, {n['new']} new, {n['removed']} removed, {n['unchanged']} unchanged ({diff['matching']})")
        for c in diff["provisions"]:
            label = c["id"] or "-"
            olds = ", ".join(c["old_ids"])
            if olds and olds != c["id"]:
                label += f" (was {olds})"
            if c["status"] == "new":
                lines.append(f"  {label}: no counterpart in {old['code']}; answer {_show_answer(c['answer']['new'])}, verdict {c['verdict']['new']}")
                continue
            if c["status"] == "removed":
                lines.append(f"  {label}: no counterpart in {new['code']}; was {_show_answer(c['answer']['old'])}, verdict {c['verdict']['old']}")
                continue
            parts = []
            if "answer" in c["changes"]:
                parts.append(f"answer {_show_answer(c['answer']['old'])} -> {_show_answer(c['answer']['new'])}")
            if "verdict" in c["changes"]:
                parts.append(f"verdict {c['verdict']['old']} -> {c['verdict']['new']}")
            else:
                parts.append(f"verdict {c['verdict']['new']}")
            lines.append(f"  {label}: " + "; ".join(parts))
            if "evidence" in c["changes"]:
                for e in c["evidence"]["added"]:
                    lines.append(f"      evidence added: {e}")
                for e in c["evidence"]["removed"]:
                    lines.append(f"      evidence removed: {e}")
            if "commentary" in c["changes"]:
                lines.append("      commentary changed")
            if "action" in c["changes"]:
                lines.append(f"      action: {describe_action(c['action']['old'])} -> {describe_action(c['action']['new'])}")
    lines.append("")
    shown = [f for f in diff["figures"] if f["old"] != f["new"]]
    lines.append(f"Figures: {len(shown)} changed")
    for f in shown:
        lines.append(f"  {f['label']}: {fmt(f['old'], f['unit'])} -> {fmt(f['new'], f['unit'])}"
                     + (f" ({_change(f['change'], f['unit'])})" if f["change"] is not None else ""))
    return "\n".join(lines) + "\n"


def dumps_diff(diff: dict) -> str:
    return json.dumps(diff, indent=2, ensure_ascii=False) + "\n"


def load_result_json(path, name: str | None = None) -> dict:
    """A saved canonical result (`chc check --format json`), refused with a located message when it
    is not one: not a regular file (a pipe would be read for ever), too large, not JSON, nested too
    deep, holding a lone surrogate escape, or not matching the result schema."""
    import os
    import stat

    name = name or str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError([Problem(Location(name), "is a folder, not a result JSON", "not-found")])
        if not stat.S_ISREG(info.st_mode):
            raise InputError([Problem(Location(name), "is not a regular file (a device or a pipe?); give a result JSON file", "not-found")])
        if info.st_size > MAX_RESULT_BYTES:
            raise InputError([Problem(Location(name), f"the file is {info.st_size:,} bytes; the limit for a result is {MAX_RESULT_BYTES:,}", "too-large")])
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem(Location(name), "no such file", "not-found")]) from None
    except (OSError, ValueError) as exc:
        raise InputError([Problem(Location(name), f"cannot be read: {getattr(exc, 'strerror', None) or exc}", "unreadable")]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(Location(name, exc.lineno, exc.colno), f"not valid JSON: {exc.msg}", "syntax")]) from None
    except RecursionError:
        raise InputError([Problem(Location(name), "the JSON is nested too deep to be a chc result; refused", "too-deep")]) from None
    missing = [k for k in ("schema_version", "code", "submission", "summary", "provisions") if not isinstance(data, dict) or k not in data]
    if missing:
        raise InputError([Problem(Location(name), f"not a chc result (no {', '.join(missing)}); give a submission YAML or the JSON of `chc check --format json`", "not-a-result")])
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError([Problem(Location(name), "the text holds a lone surrogate escape (such as \\uD800), which is not a character; "
                                                  "save the result again with chc check --format json", "encoding")]) from None
    except RecursionError:
        raise InputError([Problem(Location(name), "the JSON is nested too deep to be a chc result; refused", "too-deep")]) from None
    problems = _result_shape(data, name)
    if problems:
        raise InputError(problems)
    return data


def _result_shape(data: dict, name: str) -> list[Problem]:
    """Where a saved result departs from the result schema (each at its JSON path)."""
    from .validation import validate
    from .yamlsource import YamlDocument

    try:
        problems = validate(YamlDocument(name, data, ""), "result.schema.json")
    except RecursionError:
        return [Problem(Location(name), "the JSON is nested too deep to be a chc result; refused", "too-deep")]
    return [Problem(Location(name), f"not a chc result as this version writes it: {p.message}", "not-a-result") for p in problems[:20]]


def compare(old: dict, new: dict, old_name: str, new_name: str) -> dict:
    """diff_results, with a value of a type the schema does not pin down (a hand-edited result)
    reported against the saved results instead of failing."""
    try:
        return diff_results(old, new)
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise InputError([Problem(Location(n), f"cannot be compared: a value has a type chc does not expect ({type(exc).__name__}: "
                                               f"{str(exc)[:120]}); save the result again with chc check --format json", "not-a-result")
                          for n in (old_name, new_name)]) from None
