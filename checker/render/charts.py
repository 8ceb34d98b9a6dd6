"""Small bar charts as inline SVG text: accessible, deterministic, escaped.

Each function returns a `Chart`: the SVG (with role="img", a <title> and a <desc> that states the
figures in words) and the same figures as rows, which templates show as a table beside the
chart (the chart's text alternative for screen readers, and for anyone who prefers numbers).
Nothing here depends on time, locale or randomness, so the same figures give the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

# Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by labels too.
PALETTE = ("#1d4f91", "#b35000", "#00703c", "#6f3c8f", "#505a5f")
# On time, within an extension, late: green, blue, dark red (white labels on each pass 4.5:1).
TIMELINESS = ("#00703c", "#1d4f91", "#a00d0d")
FONT = 13
LINE = 18


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


def _fmt(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "not available"
    if unit == "%" or (isinstance(value, float) and not value.is_integer()):
        return f"{value:,.1f}{unit}"  # shares always to one place, so 80.0% stands beside 91.3%
    return f"{int(value):,}{unit}"


def _e(text: str) -> str:
    return escape(str(text), quote=True)


def _nice_max(value: float) -> float:
    """A round axis maximum at or above value (1, 2, 2.5, 5 x 10^n)."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    while magnitude > value and magnitude > 1:
        magnitude /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{_e(chart_id)}-t {_e(chart_id)}-d" focusable="false">',
        f'<title id="{_e(chart_id)}-t">{_e(title)}</title>',
        f'<desc id="{_e(chart_id)}-d">{_e(description)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def _legend(series_names: list[str], x: int, y: int, colours: tuple[str, ...] = PALETTE) -> list[str]:
    out, cx = [], x
    for i, name in enumerate(series_names):
        colour = colours[i % len(colours)]
        out.append(f'<rect x="{cx}" y="{y - 11}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{cx + 17}" y="{y}" font-size="{FONT}" fill="#1b1b1b">{_e(name)}</text>')
        cx += 17 + 7 * len(name) + 24
    return out


def _describe(categories: list[str], series: list[tuple[str, list]], unit: str) -> str:
    parts = []
    for i, category in enumerate(categories):
        values = ", ".join(f"{name} {_fmt(values[i], unit)}" for name, values in series)
        parts.append(f"{category}: {values}")
    return "; ".join(parts) + "."


def grouped_bar_chart(chart_id: str, title: str, categories: list[str], series: list[tuple[str, list]],
                      *, unit: str = "", width: int = 640, height: int = 260) -> Chart:
    """Vertical bars, one group per category and one bar per series (e.g. quarters by stage)."""
    values = [v for _, vs in series for v in vs if v is not None]
    top = _nice_max(max(values, default=0))
    left, right, head, foot = 48, 12, 30, 40
    plot_w, plot_h = width - left - right, height - head - foot
    description = _describe(categories, series, unit)
    out = _open(chart_id, title, description, width, height)
    out += _legend([name for name, _ in series], left, 18)
    for k in range(5):
        value = top * k / 4
        y = head + plot_h - plot_h * k / 4
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#b1b4b6" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#1b1b1b">{_e(_fmt(value))}</text>')
    group_w = plot_w / max(len(categories), 1)
    bar_w = min(40.0, group_w * 0.8 / max(len(series), 1))
    for i, category in enumerate(categories):
        gx = left + group_w * i + (group_w - bar_w * len(series)) / 2
        for j, (name, vs) in enumerate(series):
            v = vs[i]
            if v is None:
                continue
            h = plot_h * v / top
            x, y = gx + bar_w * j, head + plot_h - h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}"/>')
            out.append(f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{y - 3:.1f}" font-size="11" text-anchor="middle" fill="#1b1b1b">{_e(_fmt(v, unit))}</text>')
        out.append(f'<text x="{left + group_w * i + group_w / 2:.1f}" y="{head + plot_h + 18}" font-size="{FONT}" text-anchor="middle" fill="#1b1b1b">{_e(category)}</text>')
    out.append(f'<line x1="{left}" y1="{head + plot_h}" x2="{width - right}" y2="{head + plot_h}" stroke="#1b1b1b" stroke-width="1"/>')
    return _series_chart(chart_id, title, description, out, categories, series, unit)


def _series_chart(chart_id: str, title: str, description: str, out: list[str], categories: list[str],
                  series: list[tuple[str, list]], unit: str) -> Chart:
    """Close the SVG and pair it with the same figures as a table (the chart's text alternative)."""
    out.append("</svg>")
    rows = tuple((c, tuple(_fmt(vs[i], unit) for _, vs in series)) for i, c in enumerate(categories))
    return Chart(chart_id, title, description, Markup("\n".join(out)), tuple(name for name, _ in series), rows)


def horizontal_bar_chart(chart_id: str, title: str, categories: list[str], series: list[tuple[str, list]],
                         *, unit: str = "", width: int = 640, label_width: int = 190) -> Chart:
    """Horizontal bars, one row per category (long labels such as complaint categories)."""
    values = [v for _, vs in series for v in vs if v is not None]
    top = _nice_max(max(values, default=0))
    bar_h = 16
    row_h = bar_h * len(series) + 10
    head = 30
    height = head + row_h * len(categories) + 10
    plot_w = width - label_width - 60
    description = _describe(categories, series, unit)
    out = _open(chart_id, title, description, width, height)
    out += _legend([name for name, _ in series], label_width, 18)
    for i, category in enumerate(categories):
        y0 = head + row_h * i
        label = category if len(category) <= 28 else category[:27] + "…"
        out.append(f'<text x="{label_width - 8}" y="{y0 + row_h / 2 + 2:.1f}" font-size="{FONT}" text-anchor="end" fill="#1b1b1b">{_e(label)}</text>')
        for j, (name, vs) in enumerate(series):
            v = vs[i]
            if v is None:
                continue
            w = plot_w * v / top
            y = y0 + bar_h * j
            out.append(f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{PALETTE[j % len(PALETTE)]}"/>')
            out.append(f'<text x="{label_width + w + 4:.1f}" y="{y + bar_h - 5}" font-size="11" fill="#1b1b1b">{_e(_fmt(v, unit))}</text>')
    out.append(f'<line x1="{label_width}" y1="{head - 4}" x2="{label_width}" y2="{height - 8}" stroke="#1b1b1b" stroke-width="1"/>')
    return _series_chart(chart_id, title, description, out, categories, series, unit)


def stacked_bar_chart(chart_id: str, title: str, categories: list[str], parts: list[tuple[str, list]],
                      *, width: int = 640, label_width: int = 80, colours: tuple[str, ...] = PALETTE) -> Chart:
    """One horizontal bar per category split into parts (e.g. on time / within extension / late),
    each part labelled with its count and share so colour is never the only cue."""
    bar_h, gap, head = 30, 16, 30
    height = head + (bar_h + gap) * len(categories) + 4
    plot_w = width - label_width - 12
    totals = [sum(vs[i] or 0 for _, vs in parts) for i in range(len(categories))]
    description = "; ".join(
        f"{c}: " + ", ".join(f"{name} {_fmt(vs[i])}{_share(vs[i], totals[i])}" for name, vs in parts)
        for i, c in enumerate(categories)) + "."
    out = _open(chart_id, title, description, width, height)
    out += _legend([name for name, _ in parts], label_width, 18, colours)
    for i, category in enumerate(categories):
        y = head + (bar_h + gap) * i
        out.append(f'<text x="{label_width - 8}" y="{y + bar_h / 2 + 5:.1f}" font-size="{FONT}" text-anchor="end" fill="#1b1b1b">{_e(category)}</text>')
        x = float(label_width)
        total = totals[i]
        for j, (name, vs) in enumerate(parts):
            v = vs[i] or 0
            if not total or not v:
                continue
            w = plot_w * v / total
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colours[j % len(colours)]}" stroke="#ffffff" stroke-width="1"/>')
            text = f"{_fmt(v)}{_share(v, total)}"
            if w >= 7 * len(text) + 8:
                out.append(f'<text x="{x + 5:.1f}" y="{y + bar_h / 2 + 5:.1f}" font-size="12" fill="#ffffff">{_e(text)}</text>')
            x += w
        if not total:
            out.append(f'<text x="{label_width + 4}" y="{y + bar_h / 2 + 5:.1f}" font-size="12" fill="#1b1b1b">no responses</text>')
    out.append("</svg>")
    rows = tuple((c, tuple(f"{_fmt(vs[i])}{_share(vs[i], totals[i])}" for _, vs in parts)) for i, c in enumerate(categories))
    return Chart(chart_id, title, description, Markup("\n".join(out)), tuple(name for name, _ in parts), rows)


def _share(value, total) -> str:
    if value is None or not total:
        return ""
    return f" ({100 * value / total:.1f}%)"
