"""Charts as inline SVG, drawn at build time (Biểu đồ).

Every chart comes with a text summary in ``<desc>`` and an HTML table of the same numbers, so
a reader who cannot see the picture loses nothing. Segments carry a pattern and a count as well
as a colour. Output depends only on the inputs: coordinates use fixed decimals, statuses a fixed
order, ids a hash of the content (two charts on one page never share an id).
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


@dataclass(frozen=True)
class StatusStyle:
    """How one status is drawn: fill colour, text colour, overlay pattern and outline."""

    fill: str
    """Fill colour (contrast with white text ≥ 4.5:1, or a dark outline for light fills)."""
    ink: str
    """Colour of the count written on the segment."""
    pattern: str
    """SVG path drawn over the fill in an 8×8 tile, so colour is not the only cue."""
    outline: str
    """Stroke around the segment."""


# Fixed drawing order: finished work first, then open work, then what cannot be judged.
# Fills take white text at >= 4.5:1; the one light fill has a dark outline and dark text instead.
STATUS_STYLES: dict[str, StatusStyle] = {
    "done_on_time": StatusStyle("#1a7f37", "#ffffff", "", "#ffffff"),
    "done": StatusStyle("#116329", "#ffffff", "M0 2 L8 2 M0 6 L8 6", "#ffffff"),
    "done_late": StatusStyle("#6639ba", "#ffffff", "M0 8 L8 0", "#ffffff"),
    "in_progress": StatusStyle("#0969da", "#ffffff", "M4 0 L4 8", "#ffffff"),
    "not_started": StatusStyle("#953800", "#ffffff", "M0 4 L8 4 M4 0 L4 8", "#ffffff"),
    "overdue": StatusStyle("#a40e26", "#ffffff", "M0 0 L8 8 M0 8 L8 0", "#ffffff"),
    "due_soon": StatusStyle("#7d4e00", "#ffffff", "M0 4 L8 4", "#ffffff"),
    "upcoming": StatusStyle("#0550ae", "#ffffff", "M3.5 3.5 h1 v1 h-1 z", "#ffffff"),
    "not_assessed": StatusStyle("#eaeef2", "#24292f", "M0 0 L8 8", "#57606a"),
    "date_dependent": StatusStyle("#0e6a73", "#ffffff", "M1.5 1.5 h1.5 v1.5 h-1.5 z M5.5 5.5 h1.5 v1.5 h-1.5 z", "#ffffff"),
    "not_applicable": StatusStyle("#57606a", "#ffffff", "M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6", "#ffffff"),
}
STATUS_ORDER: tuple[str, ...] = tuple(STATUS_STYLES)
"""Order of segments, legend entries and table columns."""

_missing = set(STATUSES) ^ set(STATUS_STYLES)
if _missing:  # a status added in schedule.py must get a style here, and vice versa
    raise RuntimeError(f"charts.STATUS_STYLES and schedule.STATUSES disagree on: {sorted(_missing)}")


@dataclass(frozen=True)
class Chart:
    """An inline SVG and the HTML table that says the same."""

    svg: Markup
    """The ``<svg>`` element: no blank lines, safe to put in a Markdown page as a raw HTML block."""
    table_html: Markup
    """A ``<table>`` with the chart's numbers."""


@dataclass(frozen=True)
class BarRow:
    """One bar of a status chart: a label and a count per status."""

    label: str
    """What the bar stands for (section, agency, year)."""
    counts: Mapping[str, int]
    """Obligations per status; statuses not present count as zero."""


def _fixed(x: float) -> str:
    """A coordinate with two decimals and no negative zero."""
    text = f"{x:.2f}"
    return "0.00" if text == "-0.00" else text


def _chart_id(*parts: object) -> str:
    return "chart-" + hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:10]


def _no_blank_lines(text: str) -> Markup:
    # A blank line would end a raw HTML block in Markdown and spill the rest as text.
    return Markup("\n".join(line for line in text.splitlines() if line.strip()))


def _shorten(text: str, limit: int) -> str:
    text = xml_safe(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def status_label(status: str, lang: Lang) -> str:
    """The reader's name of an assessment status."""
    if status not in STATUS_STYLES:
        raise ValueError(f"Unknown status: {status!r}; expected one of {STATUS_ORDER}")
    return labels(lang).status_name(status)


# --- Stacked status bars -------------------------------------------------------------------

BAR_WIDTH = 720
LABEL_WIDTH = 230
BAR_X = 240
BAR_LENGTH = 400
ROW_HEIGHT = 30
BAR_HEIGHT = 20
LEGEND_COLUMNS = 3
LEGEND_ROW = 22


def status_bar(rows: Sequence[BarRow], *, lang: Lang, title: str, templates: jinja2.Environment, row_header: str = "") -> Chart:
    """A horizontal 100% stacked bar per row, one segment per status, with legend, summary and table (``row_header`` heads its label column)."""
    for row in rows:
        for status in row.counts:
            status_label(status, lang)
    chart_id = _chart_id("status_bar", lang, title, [(r.label, sorted(r.counts.items())) for r in rows])
    bars = []
    summary = []
    for index, row in enumerate(rows):
        total = sum(row.counts.get(s, 0) for s in STATUS_ORDER)
        y = 22 + index * ROW_HEIGHT
        segments = []
        done = 0
        for status in STATUS_ORDER:
            count = row.counts.get(status, 0)
            if count <= 0:
                continue
            # Cumulative rounding: segment edges never drift, the bar always ends at BAR_LENGTH.
            x0 = BAR_X + BAR_LENGTH * done / total
            done += count
            x1 = BAR_X + BAR_LENGTH * done / total
            segments.append({
                "status": status,
                "label": status_label(status, lang),
                "count": format_number(count, lang),
                "x": _fixed(x0),
                "width": _fixed(x1 - x0),
                "text_x": _fixed((x0 + x1) / 2),
                "show_count": (x1 - x0) >= 22,
                "style": STATUS_STYLES[status],
            })
        parts = [f"{format_number(row.counts.get(s, 0), lang)} {status_label(s, lang).lower()}" for s in STATUS_ORDER if row.counts.get(s, 0) > 0]
        summary.append(f"{row.label}: " + (", ".join(parts) if parts else labels(lang).nothing.rstrip(".")) + f" ({labels(lang).total.lower()} {format_number(total, lang)})")
        bars.append({
            "label": row.label,
            "short": _shorten(row.label, 34),
            "y": _fixed(y),
            "text_y": _fixed(y + BAR_HEIGHT / 2 + 4),
            "segments": segments,
            "total": format_number(total, lang),
            "empty": total == 0,
        })
    # Legend and table list only the statuses that occur, in the fixed order.
    present = [s for s in STATUS_ORDER if any(row.counts.get(s, 0) > 0 for row in rows)]
    legend_top = 22 + len(rows) * ROW_HEIGHT + 12
    legend = []
    for index, status in enumerate(present):
        column, line = index % LEGEND_COLUMNS, index // LEGEND_COLUMNS
        legend.append({
            "status": status,
            "label": status_label(status, lang),
            "x": _fixed(10 + column * 236),
            "y": _fixed(legend_top + line * LEGEND_ROW),
            "text_x": _fixed(10 + column * 236 + 20),
            "text_y": _fixed(legend_top + line * LEGEND_ROW + 11),
            "style": STATUS_STYLES[status],
        })
    height = legend_top + math.ceil(len(present) / LEGEND_COLUMNS) * LEGEND_ROW + 6
    desc = "; ".join(summary) + "." if summary else labels(lang).nothing
    svg = templates.get_template("charts/status_bar.svg.j2").render(
        id=chart_id, title=title, desc=desc, width=BAR_WIDTH, height=height, bars=bars, legend=legend,
        bar_x=BAR_X, bar_length=BAR_LENGTH, bar_height=BAR_HEIGHT, label_x=BAR_X - 10, total_x=BAR_X + BAR_LENGTH + 10,
        styles={s: STATUS_STYLES[s] for s in present}, total_label=labels(lang).total,
    )
    table = templates.get_template("charts/status_table.html.j2").render(
        caption=title,
        first_header=row_header,
        statuses=[{"status": s, "label": status_label(s, lang)} for s in present],
        total_label=labels(lang).total,
        rows=[
            {
                "label": row.label,
                "counts": [format_number(row.counts.get(s, 0), lang) for s in present],
                "total": format_number(sum(row.counts.get(s, 0) for s in STATUS_ORDER), lang),
            }
            for row in rows
        ],
    )
    return Chart(svg=_no_blank_lines(svg), table_html=_no_blank_lines(table))


# --- Target against reported values -------------------------------------------------------

TARGET_WIDTH = 720
TARGET_HEIGHT = 300
PLOT_LEFT = 70
PLOT_RIGHT = 700
PLOT_TOP = 40
PLOT_BOTTOM = 240


def _nice_ceiling(x: float) -> float:
    if x <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(x))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= x:
            return step * magnitude
    return 10 * magnitude


def target_chart(task: Task, target: Target, values_by_year: Mapping[int, float | None], *, lang: Lang, templates: jinja2.Environment) -> Chart:
    """Reported values per year as bars, the target as a dashed line, with summary and table."""
    years = sorted(values_by_year)
    values = [values_by_year[y] for y in years]
    known = [v for v in values if v is not None]
    # A target whose figure is lost has no line to draw: only the reported values are plotted.
    top = max([*([] if target.value is None else [target.value]), *known], default=0.0)
    y_max = 100.0 if target.unit == "percent" and top <= 100 else _nice_ceiling(top)
    plot_height = PLOT_BOTTOM - PLOT_TOP

    def y_of(v: float) -> float:
        return PLOT_BOTTOM - plot_height * max(v, 0) / y_max

    slot = (PLOT_RIGHT - PLOT_LEFT) / max(len(years), 1)
    bar_width = min(56.0, slot * 0.6)
    bars = []
    summary = []
    rows = []
    for index, (year, value) in enumerate(zip(years, values)):
        center = PLOT_LEFT + slot * (index + 0.5)
        shown = None if value is None else format_value(value, target.unit, lang)
        met = None if value is None or target.value_lost else target.is_met_by(value)
        bars.append({
            "year": str(year),
            "x": _fixed(center - bar_width / 2),
            "width": _fixed(bar_width),
            "y": _fixed(y_of(value) if value is not None else PLOT_BOTTOM),
            "height": _fixed(PLOT_BOTTOM - y_of(value) if value is not None else 0),
            "center": _fixed(center),
            "label": shown if shown is not None else labels(lang).no_value,
            "label_y": _fixed((y_of(value) if value is not None else PLOT_BOTTOM) - 6),
            "missing": value is None,
        })
        summary.append(f"{year}: {shown if shown is not None else labels(lang).no_value.lower()}")
        rows.append({
            "year": str(year),
            "value": shown if shown is not None else "—",
            "met": "—" if met is None else labels(lang)["yes" if met else "no"],
        })
    ticks = [{"y": _fixed(y_of(y_max * i / 4)), "label": format_value(y_max * i / 4, target.unit, lang)} for i in range(5)]
    goal = target_text(target, lang)
    title = f"{task.id} · {target.metric.get(lang)}"
    desc = f"{labels(lang).target}: {goal}. {labels(lang).reported_value}: " + "; ".join(summary) + "."
    chart_id = _chart_id("target", lang, task.id, target.id, target.value, target.comparator, tuple(zip(years, values)))
    svg = templates.get_template("charts/target.svg.j2").render(
        id=chart_id, title=title, desc=desc, width=TARGET_WIDTH, height=TARGET_HEIGHT, bars=bars, ticks=ticks,
        plot_left=PLOT_LEFT, plot_right=PLOT_RIGHT, plot_top=PLOT_TOP, plot_bottom=PLOT_BOTTOM,
        target_y=None if target.value is None else _fixed(y_of(target.value)), target_label=f"{labels(lang).target}: {goal}",
        legend_value=labels(lang).reported_value,
    )
    table = templates.get_template("charts/target_table.html.j2").render(
        caption=title, year_label=labels(lang).year, value_label=labels(lang).reported_value, target_label=labels(lang).target,
        met_label=labels(lang).met, goal=goal, rows=rows,
    )
    return Chart(svg=_no_blank_lines(svg), table_html=_no_blank_lines(table))
