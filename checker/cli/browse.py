"""`chc codes` and `chc show`: browse the Code versions chc knows."""

from __future__ import annotations

import textwrap

import click

from ..codes import available_codes, load_code
from .common import reports_input_errors


@click.command("codes")
@reports_input_errors
def codes_command():
    """List the Code versions chc can check against."""
    rows = []
    for code_id in available_codes():
        code = load_code(code_id)
        rows.append((code.id, code.short_name, code.in_force_from.isoformat(), str(len(code.provisions)), str(len(code.form_rows)), ", ".join(code.jurisdiction)))
    head = ("id", "name", "in force", "provisions", "form rows", "where")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for row in [head] + rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


@click.command("show")
@click.argument("code_id")
@click.argument("provision", required=False)
@reports_input_errors
def show_command(code_id, provision):
    """Show a Code version's sections, or one PROVISION with its requirement and parameters."""
    code = load_code(code_id)
    if provision is None:
        click.echo(f"{code.name} ({code.id}), {code.publisher}; in force from {code.in_force_from}")
        click.echo(f"source: {code.source_url}")
        for stage in (1, 2):
            click.echo(f"stage {stage}: {_timescale_words(code.timescales.stage(stage))}")
        if code.timescales.complaint_window_months:
            click.echo(f"complaint window: {code.timescales.complaint_window_months} months from the event")
        for s in code.sections:
            ids = [p.id for p in code.provisions_in(s.id)]
            span = (f"{ids[0]}-{ids[-1]}" if len(ids) > 1 else ids[0]) if ids else "none"
            click.echo(f"  {s.id:>2}. {s.title} ({span}, {len(ids)} provision{'' if len(ids) == 1 else 's'})")
        if code.unread:
            click.echo(f"known to exist but not yet read, so not checked: {', '.join(code.unread)}")
        return
    p = code.provision(provision)
    if p is None:
        raise click.BadParameter(f"{code.id} has no provision {provision}", param_hint="PROVISION")
    section = code.section(p.section)
    click.echo(f"{code.id} {p.id} ({p.modality}{'' if p.form_row else ', not a row of the form'})")
    click.echo(f"Section {section.id}: {section.title}{' / ' + p.subheading if p.subheading else ''}")
    click.echo("")
    click.echo(textwrap.fill(p.requirement, 88))
    for item in p.items:
        click.echo(textwrap.fill(f"({item.id}) {item.text}", 88, initial_indent="  ", subsequent_indent="      "))
    if p.guidance:
        click.echo("")
        click.echo(textwrap.fill("Evidence: " + p.guidance, 88))
    if p.answer_type != "yes-no" or p.choices:
        click.echo("")
        click.echo(f"answer: {p.answer_type}" + (f", naming one of: {', '.join(p.choices)}" if p.choices else ""))
    for chk in p.checks:
        params = ", ".join(f"{k}={_param(v)}" for k, v in chk.params.items() if k != "explain")
        click.echo(f"check: {chk.kind} {params}")
        if chk.kind in ("timescale", "extension"):
            ts = code.timescales.stage(chk.get("stage"))
            click.echo("       " + ", ".join(f"{k}={v}" for k, v in ts.as_dict().items()))
    for other, ids in sorted(p.maps_to.items()):
        click.echo(f"maps to {other}: {', '.join(ids)}")


def _param(value) -> str:
    """A check parameter as a person reads it: lists and mappings without Python brackets."""
    if hasattr(value, "items"):
        return "{" + ", ".join(f"{k}: {_param(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_param(v) for v in value) + "]"
    return str(value)


CLOCK_WORDS = {"received": "receipt", "logged": "logging", "acknowledged": "acknowledgement", "escalation_requested": "the escalation request"}


def _timescale_words(ts) -> str:
    """'acknowledge within 5 working days of receipt; respond within 10 of acknowledgement; ...'"""
    parts = []
    if ts.acknowledge_working_days is not None:
        parts.append(f"acknowledge within {ts.acknowledge_working_days} working days of {CLOCK_WORDS[ts.acknowledge_from]}")
    parts.append(f"respond within {ts.respond_working_days} working days of {CLOCK_WORDS[ts.respond_from]}")
    if ts.extension_cap_working_days is not None:
        if ts.extension_total:
            parts.append(f"with an extension, {ts.extension_cap_working_days} working days in total")
        else:
            parts.append(f"extension of up to {ts.extension_cap_working_days} working days more")
        if ts.extension_beyond_cap_with_reason:
            parts[-1] += " (longer only with a good reason, recorded)"
    else:
        parts.append("no extension cap")
    return "; ".join(parts)
