"""Writing submissions as YAML: the `chc init` scaffold, and any submission built by chc.

`dump_submission` writes a submission mapping deterministically and readably: top-level keys in a
fixed order, every form row of the Code in the Code's order, each preceded by a comment with the
requirement in our words and the evidence guidance; provision keys in double quotes; long or
multi-line text as block scalars; small mappings of plain values in flow style. Optional sections
that are missing are written as commented-out placeholders, so the file loads as it is and the
user uncomments what applies.

A scaffold (`scaffold_text`) is such a file with every form row present and unanswered
(`comply:` left empty, which chc reads as 'unanswered').
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from typing import Any, Mapping

import yaml

from ..codes import Code, provision_sort_key
from ..yamlsource import _Resolver
from .placeholders import TEXTS as _TEXT

WIDTH = 96
TOP_ORDER = ("code", "landlord", "period", "prepared", "governance", "policy", "case_log", "settings", "metrics", "annual_report")
ANSWER_ORDER = ("comply", "value", "reason", "evidence", "commentary", "explanation", "action", "needs_review")
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")

# Commented-out placeholders for the optional sections: uncomment (remove one '# ') and fill in.
# Empty values are deliberate: left as they are, chc points at each one.
PLACEHOLDERS = {
    "prepared": """\
## Who prepared this self-assessment, and when.
# prepared:
#   by: ""
#   role: ""
#   date: YYYY-MM-DD""",
    "governance": """\
## Governance (sections 4, 8 and 9 of the Code): the people, the governing body's review,
## approval and response, and where the self-assessment and the annual report are published.
# governance:
#   complaints_officer: {name: "", role: ""}
#   senior_lead: {name: "", role: ""}
#   mrc: {name: "", role: "Member Responsible for Complaints"}
#   governing_body:
#     name: Board
#     reviewed: YYYY-MM-DD
#     approved: YYYY-MM-DD
#     response: |
#       <<governance.governing_body.response>>
#     response_url: https://
#   publication_url: https://
#   annual_report_url: https://""",
    "policy": """\
## What the complaints policy says; chc compares it with the Code.
# policy:
#   document: {document: "Complaints policy", url: https://}
#   definition: >-
#     <<policy.definition>>
#   stages: 2
#   pre_stage: false
#   single_policy: true
#   complaint_window_months: 12
#   escalation_reason_required: false
#   stage1:
#     acknowledge_working_days: 5
#     respond_working_days: 10
#     respond_from: acknowledged
#     extension_cap_working_days: 10
#   stage2:
#     acknowledge_working_days: 5
#     respond_working_days: 20
#     respond_from: acknowledged
#     extension_cap_working_days: 20""",
    "case_log": """\
## The case log exported from the complaints system (CSV or XLSX), relative to this file, and
## which of its columns hold what chc needs (our name: the export's column name).
# case_log:
#   path: caselog.csv
#   columns: {id: "", stage: "", received: "", acknowledged: "", responded: ""}""",
    "metrics": """\
## Figures as the landlord states them (checked against the case log when there is one).
# metrics:
#   stage1: {received: , responded: , pct_acknowledged_in_time: , pct_in_time: }
#   stage2: {received: , responded: , pct_acknowledged_in_time: , pct_in_time: }
#   escalation_rate_pct:""",
    "annual_report": """\
## The annual complaints performance and service improvement report (`chc annual-report`; every
## key is described in docs/annual-report.md). Figures come from the case log (or `metrics:`);
## this section holds the words and what the case log cannot know. Uncomment what you publish.
# annual_report:
#   title: Annual complaints performance and service improvement report
#   url: https://
#   foreword:
#     text: |
#       <<annual_report.foreword.text>>
#     by: ""
#     role: Chair of the Board
#   introduction: |
#     <<annual_report.introduction>>
#   self_assessment_summary: |
#     <<annual_report.self_assessment_summary>>
#   performance_commentary: |
#     <<annual_report.performance_commentary>>
#   tenant_satisfaction_measures:
#     TP09_satisfaction_pct: {lcra: , lcho: }
#     commentary: <<annual_report.tenant_satisfaction_measures.commentary>>
#   categories_commentary: |
#     <<annual_report.categories_commentary>>
#   sub_categories:
#     Repairs: {Length of time: , Quality: , Communication: }
#   refused:
#     total:
#     by_reason:
#       - {reason: "Raised more than 12 months after the issue", count: }
#     commentary: <<annual_report.refused.commentary>>
#   compensation:
#     total:
#     cases:
#     ombudsman_ordered:
#     commentary: <<annual_report.compensation.commentary>>
#   ombudsman:
#     determinations:
#       - case: ""
#         determined: YYYY-MM-DD
#         subject: ""
#         finding: maladministration
#         orders: []
#         complied: YYYY-MM-DD
#     findings_by_area: {Complaint handling: , Repairs: }
#     non_compliance: []
#     annual_report:
#       title: ""
#       url: https://
#       summary: <<annual_report.ombudsman.annual_report.summary>>
#       response: <<annual_report.ombudsman.annual_report.response>>
#     other_reports: []
#   improvements:
#     - theme: ""
#       you_said: <<annual_report.improvements.you_said>>
#       learned: <<annual_report.improvements.learned>>
#       we_did: <<annual_report.improvements.we_did>>
#   lessons: |
#     <<annual_report.lessons>>""",
}
# <<key>> marks where a text of placeholders.TEXTS goes: one source for the scaffold and the check.
PLACEHOLDERS = {key: re.sub(r"<<([a-z_.]+)>>", lambda m: _TEXT[m.group(1)], text) for key, text in PLACEHOLDERS.items()}


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """'2025-26' is the year from 1 April 2025 to 31 March 2026."""
    match = _PERIOD.match(text.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"'{text}' is not a year like 2025-26 (April to March)")
    year = int(match.group(1))
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def scaffold_data(code: Code, landlord: str, period: str, nation: str = "england") -> dict:
    """A submission mapping with every form row unanswered."""
    start, end = parse_period(period)
    return {
        "code": code.id,
        "landlord": {"name": landlord, "nation": nation},
        "period": {"start": start, "end": end},
        "answers": {p.id: _empty_answer(p) for p in code.form_rows},
    }


def _empty_answer(provision) -> dict:
    if provision.answer_type != "yes-no":
        return {}
    return {"comply": None, "evidence": [], "commentary": ""}


def scaffold_text(code: Code, landlord: str, period: str, nation: str = "england", *,
                  schema_ref: str = "submission.schema.json", file_name: str = "submission.yaml") -> str:
    """The `chc init` file: loads as it is, every form row present with its requirement above it."""
    data = scaffold_data(code, landlord, period, nation)
    start, end = data["period"]["start"], data["period"]["end"]
    answers = " or ".join(code.answers)
    paragraphs = [
        f"Self-assessment of {landlord} against the {code.name} ({code.id}), for "
        f"{start.isoformat()} to {end.isoformat()}. Written by `chc init`.",
        f"For every row below: set `comply` to {answers}; list the evidence (a document with its "
        "section or page, a URL, or a figure); add commentary. For every requirement not met, say why "
        "(`explanation`) and give an action plan: `action: {what: ..., owner: ..., target_date: YYYY-MM-DD}`. "
        "Optional sections are commented out: uncomment what applies. Then run:",
    ]
    header: list[str] = []
    for paragraph in paragraphs:
        header += textwrap.wrap(paragraph, WIDTH - 2, break_on_hyphens=False) + [""]
    header.append(f"  chc validate {file_name}")
    return dump_submission(data, code, schema_ref=schema_ref, header=header)


# ------------------------------------------------------------------------------ the writer

class _Dumper(yaml.SafeDumper):
    """Safe YAML out, read back the way chc reads it: only true/false are booleans, so `yes` stays plain."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.yaml_implicit_resolvers = {k: list(v) for k, v in _Resolver.yaml_implicit_resolvers.items()}


def _represent_str(dumper: yaml.SafeDumper, value: str):
    if any(c in value for c in "\x85\u2028\u2029\ufeff\r"):
        style = '"'  # characters YAML 1.1 reads as line breaks (or drops), escaped
    elif "\n" in value and value.strip() and not value.endswith("\n\n"):
        style = "|"  # (kept trailing blank lines would need "|+", which does not survive being embedded)
    elif len(value) > 80:
        style = ">"
    elif not value or re.fullmatch(r"\d+(\.\d+)+", value):
        style = '"'
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_dict(dumper: yaml.SafeDumper, value: dict):
    scalars = all(not isinstance(v, (dict, list)) for v in value.values())
    short = scalars and len(repr(value)) < 80 and not any(isinstance(v, str) and ("\n" in v or len(v) > 60) for v in value.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=bool(value) and short)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(dict, _represent_dict)


class _Block(dict):
    """A mapping always written in block style (one key a line)."""


_Dumper.add_representer(_Block, lambda dumper, value: dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=False))


def yaml_lines(value: dict, indent: int = 0) -> list[str]:
    """`value` (a mapping) as YAML lines in block style, each indented by `indent` spaces."""
    text = yaml.dump(_Block(value), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, default_flow_style=False)
    pad = " " * indent
    return [pad + line if line else line for line in text.splitlines()]


def _comment(text: str, indent: int, first: str = "", rest: str = "  ") -> list[str]:
    pad = " " * indent + "# "
    return textwrap.wrap(text, WIDTH - len(pad), initial_indent=pad + first, subsequent_indent=pad + rest,
                         break_on_hyphens=False) or [pad.rstrip()]


def _ordered_answer(answer: Mapping) -> dict:
    out = {k: answer[k] for k in ANSWER_ORDER if k in answer}
    out.update({k: v for k, v in answer.items() if k not in out})
    if isinstance(out.get("action"), Mapping):
        action = out["action"]
        out["action"] = {k: action[k] for k in ("what", "owner", "target_date") if k in action} | dict(action)
    return out


def provision_comment(provision, code: Code, indent: int = 2) -> list[str]:
    """The comment above a form row: id, modality, the requirement in our words, items, guidance."""
    lines = _comment(f"{provision.id} ({provision.modality}) {provision.requirement}", indent)
    for item in provision.items:
        lines += _comment(f"({item.id}) {item.text}", indent, "  ", "      ")
    if provision.guidance:
        lines += _comment(f"Evidence: {provision.guidance}", indent)
    hint = _answer_hint(provision)
    if provision.allows_not_applicable and provision.applies_if:
        hint += (" Or " if hint else "") + f"`comply: n/a` unless {provision.applies_if} (no reason needed)."
    elif provision.allows_not_applicable:
        hint += (" Or " if hint else "") + f"`comply: n/a` with a `reason` ({code.id} allows it here)."
    if hint:
        lines += _comment(f"Answer: {hint}", indent)
    return lines


def _answer_hint(provision) -> str:
    """How to answer a row that is not a plain comply answer."""
    kind = provision.answer_type
    if kind == "yes-no":
        return ""
    if kind == "text":
        return "in words, in `text:`."
    what = "a percentage" if kind == "percent" else "a count"
    if provision.items:
        ids = ", ".join(f"{i.id}: ..." for i in provision.items)
        hint = f"{what} for each item in `values: {{{ids}}}`"
    else:
        hint = f"{what} in `value:`"
    hint += ", or `text:` if there is no figure to give"
    if provision.choices:
        hint += f"; and `choice:` {' or '.join(provision.choices)}"
    return hint + "."


def dump_submission(data: Mapping, code: Code, *, schema_ref: str | None = None, header: list[str] = (),
                    comments: bool = True) -> str:
    """A submission mapping as readable, deterministic YAML (see the module's docstring)."""
    lines: list[str] = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    lines += [f"# {h}".rstrip() for h in header]
    if lines:
        lines.append("")
    for key in TOP_ORDER:
        if key in data and data[key] is not None:
            hints = _landlord_hints(data[key]) if key == "landlord" and comments and isinstance(data[key], Mapping) else []
            lines += yaml_lines({key: _Block(data[key]) if hints else data[key]}) + hints
            lines.append("")
        elif comments and key in PLACEHOLDERS:
            lines += PLACEHOLDERS[key].splitlines()
            lines.append("")
    extras = [k for k in data if k not in TOP_ORDER and k != "answers"]
    for key in extras:
        lines += yaml_lines({key: data[key]})
        lines.append("")
    lines.append("answers:")
    answers = data.get("answers") or {}
    order = [p.id for p in code.form_rows]
    order += sorted((pid for pid in answers if pid not in order), key=provision_sort_key)
    section = None
    for pid in order:
        provision = code.provision(pid)
        if pid not in answers and not comments:
            continue
        if comments and provision is not None:
            if provision.section != section:
                section = provision.section
                title = code.section(section).title
                lines.append(f"  # {section} {title} ".ljust(WIDTH, "-"))
            lines += provision_comment(provision, code)
        answer = answers.get(pid)
        if answer is None:
            answer = _empty_answer(provision) if provision is not None else {}
        lines += _answer_lines(pid, answer)
    return "\n".join(lines) + "\n"


def _landlord_hints(landlord: Mapping) -> list[str]:
    """Commented-out landlord keys not yet given: homes (for TSM CH01 and the annual return), type, registration."""
    hints = {
        "homes": ["  ## Homes owned at the year end, for TSM CH01 (complaints per 1,000 homes) and the Ombudsman's",
                  "  ## annual return (its deadline depends on the number of homes). Uncomment and fill in.",
                  "  # homes: {lcra: , lcho: }"],
        "type": ["  # type: housing association"],
        "registration": ['  # registration: ""'],
    }
    return [line for key, block in hints.items() if key not in landlord for line in block]


def _answer_lines(pid: str, answer: Mapping) -> list[str]:
    key = f'  "{pid}":'
    if not answer:
        return [key + " {}"]
    out = [key]
    for field, value in _ordered_answer(answer).items():
        if value is None:
            out.append(f"    {field}:")
        else:
            out += yaml_lines({field: value}, 4)
    return out
