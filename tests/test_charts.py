"""Inline SVG charts: valid XML, accessible names, the same numbers in the table, escaped text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from partracker.domain.model import Target
from partracker.outputs import charts
from partracker.outputs.charts import BarRow, Chart
from partracker.outputs.render import environment
from partracker.reading.dataset import load_dataset

TEMPLATES = environment()


def status_bar(*args, **kwargs) -> Chart:
    return charts.status_bar(*args, templates=TEMPLATES, **kwargs)


def target_chart(*args, **kwargs) -> Chart:
    return charts.target_chart(*args, templates=TEMPLATES, **kwargs)

SVG = "{http://www.w3.org/2000/svg}"
MINI_PLAN = Path(__file__).resolve().parent / "fixtures" / "mini-plan"
HOSTILE = 'A-I <script>alert(1)</script> & {: onclick="x" } \x01\x0b'


def svg_root(chart: Chart, layout: str = "wide") -> ET.Element:
    return ET.fromstring(str(getattr(chart, layout)))


def table_root(chart: Chart) -> ET.Element:
    return ET.fromstring(str(chart.table_html))  # the table is well-formed XHTML too


def cells(table: ET.Element) -> list[list[str]]:
    return [["".join(c.itertext()) for c in row] for row in table.iter("tr")]


def sample_bar(lang: str = "en") -> Chart:
    return status_bar(
        [BarRow("A-I", {"done_on_time": 3, "overdue": 1, "not_assessed": 1996}), BarRow("A-II", {"upcoming": 2})],
        lang=lang,
        title="Status by section",
        row_header="Section",
    )


def test_status_bar_is_an_accessible_svg_image() -> None:
    root = svg_root(sample_bar())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Status by section"
    assert desc is not None and desc.text == (
        "A-I: 3 done on time, 1 overdue, 1,996 no report filed yet (total 2,000); A-II: 2 upcoming (total 2)."
    )
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_status_bar_table_has_the_same_numbers() -> None:
    chart = sample_bar()
    assert cells(table_root(chart)) == [
        ["Section", "Done on time", "Overdue", "Upcoming", "No report filed yet", "Total"],
        ["A-I", "3", "1", "0", "1,996", "2,000"],
        ["A-II", "0", "0", "2", "0", "2"],
    ]
    # Counts written on wide segments and totals are the table's; a segment too narrow for its count says it in its title.
    for layout in ("wide", "narrow"):
        texts = {t.text for t in svg_root(chart, layout).iter(f"{SVG}text")}
        assert {"1,996", "2,000", "2"} <= texts and "3" not in texts
        titles = {t.text for t in svg_root(chart, layout).iter(f"{SVG}title")}
        assert "Done on time: 3" in titles


@pytest.mark.parametrize(("layout", "length"), [("wide", 720 - 220 - charts.TOTAL_ROOM), ("narrow", 340 - charts.TOTAL_ROOM)])
def test_segments_fill_the_bar_and_carry_patterns(layout: str, length: float) -> None:
    root = svg_root(sample_bar(), layout)
    segments = [r for r in root.iter(f"{SVG}rect") if (r.get("fill") or "").startswith("url(#") and r.find(f"{SVG}title") is not None]
    first_row = segments[:3]
    assert [s.find(f"{SVG}title").text for s in first_row] == ["Done on time: 3", "Overdue: 1", "No report filed yet: 1,996"]
    assert sum(float(s.get("width")) for s in first_row) == pytest.approx(length, abs=0.02)
    patterns = {p.get("id"): p for p in root.iter(f"{SVG}pattern")}
    assert {re.match(r"url\(#(.+)\)", s.get("fill")).group(1) for s in segments} <= set(patterns)
    # Colour comes from the stylesheet (light and dark schemes); every status but one also draws a pattern over it.
    overdue = next(p for k, p in patterns.items() if k.endswith("-overdue"))
    assert [c.get("class") for c in overdue] == ["pt-fill--overdue", "pt-hatch--overdue"]


def test_each_layout_keeps_text_at_12_px_in_the_narrowest_column_it_is_shown_in() -> None:
    # site.css shows the wide drawing in columns of 600 px and more, the narrow one below; 292 px is a 320 px phone's column.
    for layout in charts.LAYOUTS:
        root = svg_root(sample_bar(), layout.name)
        assert root.get("viewBox").split()[2] == str(layout.width) and root.get("font-size") == str(layout.font)
        assert layout.font * layout.narrowest / layout.width >= charts.MIN_TEXT_PX
    assert (charts.WIDE.narrowest, charts.NARROW.width) == (600, 340)


def test_long_labels_wrap_then_shorten_with_the_full_text_in_a_tooltip() -> None:
    name = "Cơ quan, đơn vị có thẩm quyền giải quyết thủ tục hành chính thuộc Ủy ban nhân dân tỉnh Gia Lai"
    root = svg_root(status_bar([BarRow(name, {"upcoming": 2})], lang="vi", title="t"), "wide")
    row = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "partracker-chart__row")
    assert row.find(f"{SVG}title").text == name
    lines = [t.text for t in row.find(f"{SVG}text").iter(f"{SVG}tspan")]
    assert len(lines) == 2 and lines[1].endswith("…") and " ".join(lines).startswith("Cơ quan, đơn vị có thẩm quyền")
    assert all(charts.text_width(line, charts.WIDE.font) <= 210 for line in lines)
    assert charts.wrap("Sở Nội vụ", 200, 15) == ("Sở Nội vụ",)


def test_vietnamese_numbers_and_labels() -> None:
    chart = sample_bar("vi")
    assert cells(table_root(chart))[1] == ["A-I", "3", "1", "0", "1.996", "2.000"]
    assert "A-I: 3 hoàn thành đúng hạn, 1 quá hạn, 1.996 chưa có báo cáo (tổng số 2.000)" in svg_root(chart).find(f"{SVG}desc").text


def test_output_is_deterministic_and_has_no_blank_lines() -> None:
    assert sample_bar().svg == sample_bar().svg
    assert "\n\n" not in sample_bar().svg and "\n\n" not in sample_bar().table_html
    assert sample_bar().svg == f"{sample_bar().wide}\n{sample_bar().narrow}"


def test_two_charts_never_share_ids() -> None:
    ids = lambda root: {e.get("id") for e in root.iter() if e.get("id")}
    a, b = sample_bar(), status_bar([BarRow("B", {"done": 1})], lang="en", title="Other")
    drawings = [ids(svg_root(c, layout)) for c in (a, b) for layout in ("wide", "narrow")]
    assert all(not (x & y) for i, x in enumerate(drawings) for y in drawings[i + 1:])


def test_hostile_text_is_escaped_and_control_characters_dropped() -> None:
    chart = status_bar([BarRow(HOSTILE, {"overdue": 1})], lang="en", title=HOSTILE)
    for markup in (chart.wide, chart.narrow, chart.table_html):
        assert "<script>" not in markup
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {: onclick=&#34;x&#34; }" in markup
        assert "\x01" not in markup and "\x0b" not in markup
    root = svg_root(chart)
    assert root.find(f"{SVG}title").text == 'A-I <script>alert(1)</script> & {: onclick="x" }'
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert cells(table_root(chart))[1][0] == 'A-I <script>alert(1)</script> & {: onclick="x" }'


def test_unknown_status_fails_loudly() -> None:
    with pytest.raises(ValueError, match="Unknown status: 'finished'"):
        status_bar([BarRow("A-I", {"finished": 1})], lang="en", title="x")


def test_target_chart() -> None:
    plan = load_dataset(MINI_PLAN).plan
    task = plan.task("A-I-1")
    target = task.targets[0]
    chart = target_chart(task, target, {2018: 100.0, 2016: None, 2017: 80.0}, lang="en")
    root = svg_root(chart)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "A-I-1 · Share of agencies implementing"
    assert root.find(f"{SVG}desc").text == (
        "Target: equal to 100%, every year. Reported value: 2016: no value reported; 2017: 80%; 2018: 100%."
    )
    assert cells(table_root(chart)) == [
        ["Year", "Reported value", "Target met"],
        ["2016", "—", "—"],
        ["2017", "80%", "No"],
        ["2018", "100%", "Yes"],
    ]
    for layout in ("wide", "narrow"):
        root = svg_root(chart, layout)
        target_line = [l for l in root.iter(f"{SVG}line") if "partracker-chart__target" in (l.get("class") or "")]
        assert len(target_line) == 1 and target_line[0].get("stroke-dasharray") == "8 5"  # dashed, not colour alone
        # Bar heights are proportional to the values on the 0–100% scale; a year without a value says so in the legend.
        bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
        (t80, h80), (t100, h100) = [(b.find(f"{SVG}title").text, float(b.get("height"))) for b in bars]
        assert (t80, t100) == ("2017: 80%", "2018: 100%") and h80 == pytest.approx(0.8 * h100, abs=0.02)
        texts = [t.text for t in root.iter(f"{SVG}text")]
        assert "— No value reported" in texts and "Reported value" in texts


def test_target_chart_vietnamese_and_dated_target() -> None:
    plan = load_dataset(MINI_PLAN).plan
    task = plan.task("A-I-1")
    target = Target(id="t2", metric=task.targets[0].metric, comparator="gte", value=95, unit="percent", year=2020)
    chart = target_chart(task, target, {2019: 96.5, 2020: None}, lang="vi")
    desc = svg_root(chart).find(f"{SVG}desc").text
    assert desc == "Chỉ tiêu: từ 95% trở lên, đến năm 2020. Giá trị báo cáo: 2019: 96,5%; 2020: chưa có số liệu."
    assert cells(table_root(chart))[1:] == [["2019", "96,5%", "Có"], ["2020", "—", "—"]]


def test_target_chart_for_a_figure_lost_in_the_source() -> None:
    plan = load_dataset(MINI_PLAN).plan
    task = plan.task("A-I-1")
    target = Target(id="t3", metric=task.targets[0].metric, comparator=None, value=None, unit="percent", year=None)
    chart = target_chart(task, target, {2017: 90.0, 2018: None}, lang="en")
    root = svg_root(chart)
    assert root.find(f"{SVG}desc").text == "Target: […] (figure lost in the source), every year. Reported value: 2017: 90%; 2018: no value reported."
    # No line is drawn for a figure nobody can read, and no value is judged against it.
    assert not [l for l in root.iter(f"{SVG}line") if "partracker-chart__target" in (l.get("class") or "").split()]
    assert cells(table_root(chart))[1:] == [["2017", "90%", "—"], ["2018", "—", "—"]]


def test_the_date_dependent_status_has_its_own_style() -> None:
    chart = status_bar([BarRow("2016", {"date_dependent": 3, "not_applicable": 2})], lang="en", title="x")
    assert "Uncertain: depends on the decision" in str(chart.table_html)
def test_a_short_label_keeps_the_full_name_in_the_tooltip_the_summary_and_the_table() -> None:
    chart = status_bar([BarRow("Sở KH&CN", {"upcoming": 2}, full="Sở Khoa học và Công nghệ")], lang="vi", title="t", row_header="Đơn vị")
    for layout in ("wide", "narrow"):
        row = next(g for g in svg_root(chart, layout).iter(f"{SVG}g") if g.get("class") == "partracker-chart__row")
        assert row.find(f"{SVG}title").text == "Sở Khoa học và Công nghệ"
        assert [t.text for t in row.find(f"{SVG}text").iter(f"{SVG}tspan")] == ["Sở KH&CN"]
    assert svg_root(chart).find(f"{SVG}desc").text.startswith("Sở Khoa học và Công nghệ: 2 chưa đến hạn")
    assert cells(table_root(chart))[1][0] == "Sở Khoa học và Công nghệ"
