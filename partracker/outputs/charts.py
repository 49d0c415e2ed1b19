"""Charts as inline SVG, drawn at build time (Biểu đồ).

Every chart is drawn twice — a wide drawing for a column of 600 CSS px and more, a narrow one for
phones — and the page's stylesheet shows the one that fits (a container query), so its text is
never drawn smaller than 12 CSS px: a drawing is scaled by its ``viewBox`` to the column's width,
and each layout's font size (:class:`Layout`) is chosen for the narrowest column it is shown in.
Labels too long for their room are wrapped, then shortened with "…"; the full text is in the
element's ``<title>`` (a tooltip) and in the HTML table of the same numbers that comes with every
chart, so a reader who cannot see the picture loses nothing. Segments carry a pattern and a
count as well as a colour; colours come from the stylesheet (``assets/site.css``), so the charts
follow the light and dark schemes. Output depends only on the inputs: coordinates use fixed
decimals, statuses a fixed order, ids a hash of the content (two charts on one page never share an id).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from partracker.domain.model import Target, Task
from partracker.domain.schedule import STATUSES
from partracker.language.formats import format_number
from partracker.language.labels import labels
from partracker.language.text import Lang
from partracker.outputs.render import xml_safe
from partracker.outputs.wording import format_value, target_text

# Fixed drawing order: finished work first, then open work, then what cannot be judged.
# Each status has an 8×8 pattern drawn over its colour, so colour is never the only cue.
STATUS_PATTERNS: dict[str, str] = {
    "done_on_time": "",
    "done": "M0 2 L8 2 M0 6 L8 6",
    "done_late": "M0 8 L8 0",
    "in_progress": "M4 0 L4 8",
    "not_started": "M0 4 L8 4 M4 0 L4 8",
    "overdue": "M0 0 L8 8 M0 8 L8 0",
    "due_soon": "M0 4 L8 4",
    "upcoming": "M3.5 3.5 h1 v1 h-1 z",
    "not_assessed": "M0 0 L8 8",
    "date_dependent": "M1.5 1.5 h1.5 v1.5 h-1.5 z M5.5 5.5 h1.5 v1.5 h-1.5 z",
    "not_applicable": "M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6",
}
STATUS_ORDER: tuple[str, ...] = tuple(STATUS_PATTERNS)
"""Order of segments, legend entries and table columns."""

_missing = set(STATUSES) ^ set(STATUS_PATTERNS)
if _missing:  # a status added in schedule.py must get a pattern here, and vice versa
    raise RuntimeError(f"charts.STATUS_PATTERNS and schedule.STATUSES disagree on: {sorted(_missing)}")


@dataclass(frozen=True)
class Layout:
    """One drawing of a chart: its width in SVG units and its font size in the same units."""

    name: str
    """``wide`` or ``narrow``: the CSS class ``pt-chart--<name>`` that the stylesheet shows or hides."""
    width: int
    """Width of the ``viewBox``."""
    font: int
    """Font size of every text."""
    narrowest: int
    """The narrowest column (CSS px) the stylesheet shows this drawing in: ``font * narrowest / width`` ≥ 12."""

    @property
    def line(self) -> float:
        """Height of a line of text."""
        return round(self.font * 1.25, 2)


WIDE = Layout("wide", 720, 15, 600)
NARROW = Layout("narrow", 340, 14, 292)
LAYOUTS = (WIDE, NARROW)
"""The wide drawing is shown in columns of 600 CSS px and more (site.css), the narrow one below."""

MIN_TEXT_PX = 12
"""The smallest text a chart may show, in CSS px."""

for _layout in LAYOUTS:  # a change of sizes that would draw text below 12 px fails at import
    if _layout.font * _layout.narrowest / _layout.width < MIN_TEXT_PX:
        raise RuntimeError(f"The {_layout.name} chart layout would draw text below {MIN_TEXT_PX} px")

CHAR_EM = 0.6
"""A generous average advance of one character, in ems, to decide where labels wrap."""


@dataclass(frozen=True)
class Chart:
    """Two drawings of one chart (wide and narrow) and the HTML table that says the same."""

    wide: Markup
    """The wide ``<svg>`` element: no blank lines, safe to put in a Markdown page as a raw HTML block."""
    narrow: Markup
    """The narrow ``<svg>`` element."""
    table_html: Markup
    """A ``<table>`` with the chart's numbers."""

    @property
    def svg(self) -> Markup:
        """Both drawings, for a page: the stylesheet shows the one that fits."""
        return Markup(f"{self.wide}\n{self.narrow}")


@dataclass(frozen=True)
class BarRow:
    """One bar of a status chart: a label and a count per status."""

    label: str
    """What the bar stands for (section, agency, year)."""
    counts: Mapping[str, int]
    """Obligations per status; statuses not present count as zero."""
    full: str | None = None
    """The full name when ``label`` is a short one (an agency's short name): in the tooltip and the table."""

    @property
    def name(self) -> str:
        """The full name, or the label."""
        return self.full or self.label


def _fixed(x: float) -> str:
    """A coordinate with two decimals and no negative zero."""
    text = f"{x:.2f}"
    return "0.00" if text == "-0.00" else text


def _chart_id(*parts: object) -> str:
    return "chart-" + hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:10]


def _no_blank_lines(text: str) -> Markup:
    # A blank line would end a raw HTML block in Markdown and spill the rest as text.
    return Markup("\n".join(line for line in text.splitlines() if line.strip()))


def text_width(text: str, font: float) -> float:
    """The room a text needs, generously estimated."""
    return len(text) * font * CHAR_EM


def wrap(text: str, room: float, font: float, max_lines: int = 2) -> tuple[str, ...]:
    """``text`` in at most ``max_lines`` lines that fit ``room``; the last one ends with "…" when text is left over."""
    text = xml_safe(text)
    per_line = max(4, int(room / (font * CHAR_EM)))
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= per_line:
            line += " " + words.pop(0)
        lines.append(line)
    if words or any(len(line) > per_line for line in lines):
        last = lines[-1] if not words else lines[-1] + " " + " ".join(words)
        lines[-1] = last[: per_line - 1].rstrip(" ,;·") + "…"
        lines = [line if len(line) <= per_line else line[: per_line - 1] + "…" for line in lines]
    return tuple(lines)


def status_label(status: str, lang: Lang) -> str:
    """The reader's name of an assessment status."""
    if status not in STATUS_PATTERNS:
        raise ValueError(f"Unknown status: {status!r}; expected one of {STATUS_ORDER}")
    return labels(lang).status_name(status)


def _legend(items: Sequence[tuple[str, str]], layout: Layout, top: float) -> tuple[list[dict[str, object]], float]:
    """Legend entries (key, label) in as many columns as fit; returns the entries and the legend's height."""
    if not items:
        return [], 0.0
    swatch = layout.font
    column = max(text_width(label, layout.font) for _, label in items) + swatch + 14
    columns = max(1, min(len(items), int(layout.width // column)))
    column = layout.width / columns
    out = []
    for index, (key, label) in enumerate(items):
        col, line = index % columns, index // columns
        x, y = col * column, top + line * (layout.line + 8)
        out.append({
            "key": key, "label": wrap(label, column - swatch - 10, layout.font, 1)[0],
            "x": _fixed(x + 1), "y": _fixed(y), "size": swatch,
            "text_x": _fixed(x + swatch + 7), "text_y": _fixed(y + swatch * 0.85),
        })
    return out, math.ceil(len(items) / columns) * (layout.line + 8)


# --- Stacked status bars -------------------------------------------------------------------

BAR_HEIGHT = 24
TOTAL_ROOM = 64


def _bar_drawing(rows: Sequence[BarRow], layout: Layout, lang: Lang) -> dict[str, object]:
    """Coordinates of one drawing of a status bar chart."""
    wide = layout is WIDE
    label_room = 210.0 if wide else float(layout.width)
    bar_x = label_room + 10 if wide else 0.0
    bar_length = layout.width - bar_x - TOTAL_ROOM
    total_x = layout.width - 2  # totals are right-aligned at the edge
    y = layout.line + 6  # below the "Total" header
    bars = []
    for row in rows:
        total = sum(row.counts.get(s, 0) for s in STATUS_ORDER)
        lines = wrap(row.label, label_room - (0 if wide else 4), layout.font)
        if wide:
            height = max(BAR_HEIGHT, len(lines) * layout.line) + 10
            bar_y = y + (height - 10 - BAR_HEIGHT) / 2
            first_line = y + (height - 10 - len(lines) * layout.line) / 2 + layout.font
            label_x = label_room
        else:
            height = len(lines) * layout.line + BAR_HEIGHT + 14
            bar_y = y + len(lines) * layout.line + 4
            first_line = y + layout.font
            label_x = 0.0
        segments = []
        done = 0
        for status in STATUS_ORDER:
            count = row.counts.get(status, 0)
            if count <= 0:
                continue
            # Cumulative rounding: segment edges never drift, the bar always ends at its full length.
            x0 = bar_x + bar_length * done / total
            done += count
            x1 = bar_x + bar_length * done / total
            shown = format_number(count, lang)
            segments.append({
                "status": status,
                "label": status_label(status, lang),
                "count": shown,
                "x": _fixed(x0),
                "width": _fixed(x1 - x0),
                "text_x": _fixed((x0 + x1) / 2),
                "show_count": (x1 - x0) >= text_width(shown, layout.font) + 6,
            })
        bars.append({
            "label": xml_safe(row.name),
            "lines": [{"text": line, "y": _fixed(first_line + i * layout.line)} for i, line in enumerate(lines)],
            "label_x": _fixed(label_x),
            "y": _fixed(bar_y),
            "text_y": _fixed(bar_y + BAR_HEIGHT / 2 + layout.font * 0.35),
            "segments": segments,
            "total": format_number(total, lang),
            "empty": total == 0,
        })
        y += height
    present = [s for s in STATUS_ORDER if any(row.counts.get(s, 0) > 0 for row in rows)]
    legend, legend_height = _legend([(s, status_label(s, lang)) for s in present], layout, y + 8)
    return {
        "layout": layout, "anchor": "end" if wide else "start", "bars": bars, "legend": legend,
        "height": _fixed(y + 8 + legend_height + 4), "bar_x": _fixed(bar_x), "bar_length": _fixed(bar_length),
        "bar_height": BAR_HEIGHT, "total_x": _fixed(total_x), "total_y": _fixed(layout.font), "present": present,
    }


def status_bar(rows: Sequence[BarRow], *, lang: Lang, title: str, templates: jinja2.Environment, row_header: str = "") -> Chart:
    """A horizontal 100% stacked bar per row, one segment per status, with legend, summary and table (``row_header`` heads its label column)."""
    for row in rows:
        for status in row.counts:
            status_label(status, lang)
    words = labels(lang)
    chart_id = _chart_id("status_bar", lang, title, [(r.label, r.full, sorted(r.counts.items())) for r in rows])
    summary = []
    for row in rows:
        total = sum(row.counts.get(s, 0) for s in STATUS_ORDER)
        parts = [f"{format_number(row.counts.get(s, 0), lang)} {status_label(s, lang).lower()}" for s in STATUS_ORDER if row.counts.get(s, 0) > 0]
        summary.append(f"{row.name}: " + (", ".join(parts) if parts else words.nothing.rstrip(".")) + f" ({words.total.lower()} {format_number(total, lang)})")
    desc = "; ".join(summary) + "." if summary else words.nothing
    drawings = []
    for layout in LAYOUTS:
        svg = templates.get_template("charts/status_bar.svg.j2").render(
            id=f"{chart_id}-{layout.name}", title=title, desc=desc, patterns=STATUS_PATTERNS, total_label=words.total, **_bar_drawing(rows, layout, lang),
        )
        drawings.append(_no_blank_lines(svg))
    present = [s for s in STATUS_ORDER if any(row.counts.get(s, 0) > 0 for row in rows)]
    table = templates.get_template("charts/status_table.html.j2").render(
        words=words,
        caption=title,
        first_header=row_header,
        statuses=present,
        rows=[
            {
                "label": row.name,
                "counts": [format_number(row.counts.get(s, 0), lang) for s in present],
                "total": format_number(sum(row.counts.get(s, 0) for s in STATUS_ORDER), lang),
            }
            for row in rows
        ],
    )
    return Chart(wide=drawings[0], narrow=drawings[1], table_html=_no_blank_lines(table))


# --- Target against reported values -------------------------------------------------------

TARGET_HEIGHTS = {"wide": 300, "narrow": 290}


def _nice_ceiling(x: float) -> float:
    if x <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(x))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= x:
            return step * magnitude
    return 10 * magnitude


def _target_drawing(target: Target, years: Sequence[int], values: Sequence[float | None], layout: Layout, lang: Lang) -> dict[str, object]:
    """Coordinates of one drawing of a target chart."""
    words = labels(lang)
    known = [v for v in values if v is not None]
    # A target whose figure is lost has no line to draw: only the reported values are plotted.
    top = max([*([] if target.value is None else [target.value]), *known], default=0.0)
    y_max = 100.0 if target.unit == "percent" and top <= 100 else _nice_ceiling(top)
    tick_labels = [format_value(y_max * i / 4, target.unit, lang) for i in range(5)]
    plot_left = max(text_width(t, layout.font) for t in tick_labels) + 10
    plot_right = layout.width - 4
    goal_lines = wrap(f"{words.target}: {target_text(target, lang)}", layout.width - 40, layout.font)
    plot_top = len(goal_lines) * layout.line + 24
    height = TARGET_HEIGHTS[layout.name] + (len(goal_lines) - 1) * layout.line
    legend_items = [("value", words.reported_value)] + ([("missing", f"— {words.no_value}")] if len(known) < len(values) else [])
    legend_top = height - (layout.line + 8) * (1 if layout is WIDE or len(legend_items) == 1 else 2) - 2
    legend, _ = _legend(legend_items, layout, legend_top)
    plot_bottom = legend_top - layout.line - 14
    plot_height = plot_bottom - plot_top

    def y_of(v: float) -> float:
        return plot_bottom - plot_height * max(v, 0) / y_max

    slot = (plot_right - plot_left) / max(len(years), 1)
    bar_width = min(56.0, slot * 0.6)
    bars = []
    for index, (year, value) in enumerate(zip(years, values)):
        center = plot_left + slot * (index + 0.5)
        top_y = y_of(value) if value is not None else plot_bottom
        bars.append({
            "year": str(year),
            "x": _fixed(center - bar_width / 2),
            "width": _fixed(bar_width),
            "y": _fixed(top_y),
            "height": _fixed(plot_bottom - top_y),
            "center": _fixed(center),
            "label": format_value(value, target.unit, lang) if value is not None else "—",
            "label_y": _fixed(top_y - 6),
            "missing": value is None,
        })
    ticks = [{"y": _fixed(y_of(y_max * i / 4)), "label": label} for i, label in enumerate(tick_labels)]
    return {
        "layout": layout, "height": height, "bars": bars, "ticks": ticks, "legend": legend,
        "plot_left": _fixed(plot_left), "plot_right": _fixed(plot_right), "plot_bottom": _fixed(plot_bottom),
        "year_y": _fixed(plot_bottom + layout.line + 2), "target_y": None if target.value is None else _fixed(y_of(target.value)),
        "goal_lines": [{"text": line, "y": _fixed(layout.font + 2 + i * layout.line)} for i, line in enumerate(goal_lines)],
    }


def target_chart(task: Task, target: Target, values_by_year: Mapping[int, float | None], *, lang: Lang, templates: jinja2.Environment) -> Chart:
    """Reported values per year as bars, the target as a dashed line, with summary and table."""
    words = labels(lang)
    years = sorted(values_by_year)
    values = [values_by_year[y] for y in years]
    summary = []
    rows = []
    for year, value in zip(years, values):
        shown = None if value is None else format_value(value, target.unit, lang)
        met = None if value is None or target.value_lost else target.is_met_by(value)
        summary.append(f"{year}: {shown if shown is not None else words.no_value.lower()}")
        rows.append({"year": str(year), "value": shown if shown is not None else "—", "met": "—" if met is None else words["yes" if met else "no"]})
    goal = target_text(target, lang)
    title = f"{task.id} · {target.metric.get(lang)}"
    desc = f"{words.target}: {goal}. {words.reported_value}: " + "; ".join(summary) + "."
    chart_id = _chart_id("target", lang, task.id, target.id, target.value, target.comparator, tuple(zip(years, values)))
    drawings = []
    for layout in LAYOUTS:
        svg = templates.get_template("charts/target.svg.j2").render(
            id=f"{chart_id}-{layout.name}", title=title, desc=desc, **_target_drawing(target, years, values, layout, lang),
        )
        drawings.append(_no_blank_lines(svg))
    table = templates.get_template("charts/target_table.html.j2").render(
        caption=title, year_label=words.year, value_label=words.reported_value, target_label=words.target, met_label=words.met, goal=goal, rows=rows,
    )
    return Chart(wide=drawings[0], narrow=drawings[1], table_html=_no_blank_lines(table))
