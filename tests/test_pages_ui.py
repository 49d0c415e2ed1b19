"""Pages people can read and act on, in Debian's Chromium: real and demo sites, both languages.

Run alone: ``python3 -m pytest tests/test_pages_ui.py``. Readable charts at phone and desktop widths, nothing wider
than its column, one row per duty, statuses as badges, tables that filter, the agency finder, the clerk's three clicks
from the home page to a printed sheet, the language chosen at the root, and Vietnamese drawn whole in code and forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import PLAN_DATA

from partracker.language.labels import labels
from partracker.reading.dataset import load_dataset

SITES = ("real", "demo")
LANGS = ("vi", "en")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

CHART_PAGES = ("progress/", "progress/by-period/", "progress/by-section/", "progress/by-agency/", "progress/targets/a-viii/")
LAYOUT_PAGES = (
    "", "plan/", "plan/a-vii/", "tasks/a-i-1/", "tasks/a-i-2/", "agencies/", "agencies/so-noi-vu/", "agencies/so-noi-vu/2018/",
    "agencies/ubnd-cap-huyen/2017/", "timeline/2017/", *CHART_PAGES,
)
BADGE_PAGES = ("", "plan/a-i/", "tasks/a-i-1/", "agencies/so-noi-vu/", "agencies/so-noi-vu/2017/", "timeline/2017/", "progress/", "progress/by-agency/")
AGENCIES = ("so-noi-vu", "so-tu-phap", "ubnd-cap-huyen", "so-ban-nganh-tinh")


@pytest.fixture
def site_url(request: pytest.FixtureRequest) -> str:
    """The base URL of the site named by the test's ``site`` parameter."""
    return request.getfixturevalue(f"{request.node.callspec.params['site']}_url")


@pytest.fixture(scope="module")
def plan() -> Any:
    return load_dataset(PLAN_DATA).plan


def page_at(chromium: Any, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=viewport, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone(chromium: Any) -> Iterator[Any]:
    yield from page_at(chromium, PHONE)


@pytest.fixture
def desktop(chromium: Any) -> Iterator[Any]:
    yield from page_at(chromium, DESKTOP)


# --- charts ----------------------------------------------------------------------------------------

CHART_TEXT = """() => {
  const out = {figures: 0, shown: 0, texts: 0, min: Infinity, smallest: ''};
  for (const figure of document.querySelectorAll('figure.pt-figure')) {
    out.figures++;
    for (const svg of figure.querySelectorAll('svg.pt-chart')) {
      if (!svg.getClientRects().length) continue;  // the drawing for the other width
      out.shown++;
      const scale = svg.getScreenCTM().a;
      for (const t of svg.querySelectorAll('text')) {
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        out.texts++;
        if (px < out.min) { out.min = px; out.smallest = t.textContent; }
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_chart_text_is_never_smaller_than_12_px(site_url: str, chromium: Any, site: str, lang: str, width: int) -> None:
    for tab in page_at(chromium, PHONE if width == 390 else DESKTOP):
        for page in CHART_PAGES:
            tab.goto(f"{site_url}{lang}/{page}")
            found = tab.evaluate(CHART_TEXT)
            assert found["figures"] > 0 and found["shown"] == found["figures"], (page, found)  # one drawing of each chart shows
            assert found["texts"] > 0 and found["min"] >= 12, (page, found)


def test_the_chart_check_sees_small_text(chromium: Any) -> None:
    # The gate's own failure case: the old 720-unit drawing squeezed into a phone's column draws text at about 6 px.
    for tab in page_at(chromium, PHONE):
        tab.set_content('<figure class="pt-figure"><svg class="pt-chart" viewBox="0 0 720 100" width="100%" font-size="12">'
                        '<text x="0" y="20">A-I · Công tác</text></svg></figure>')
        assert tab.evaluate(CHART_TEXT)["min"] < 7


# --- nothing wider than the column -------------------------------------------------------------------

PAST_THE_COLUMN = """() => {
  const column = document.querySelector('article.md-content__inner').getBoundingClientRect();
  const out = [];
  for (const e of document.querySelectorAll('article.md-content__inner *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > column.right + 0.5) out.push(`${e.tagName.toLowerCase()}.${e.className && e.className.baseVal === undefined ? e.className : ''} ${Math.round(r.right)} > ${Math.round(column.right)}`);
  }
  return out.slice(0, 5);
}"""
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_nothing_passes_the_content_column_at_1280_px(site_url: str, desktop: Any, site: str, lang: str) -> None:
    for page in LAYOUT_PAGES:
        desktop.goto(f"{site_url}{lang}/{page}")
        assert desktop.evaluate(PAST_THE_COLUMN) == [], page
        assert desktop.evaluate(SIDEWAYS) == 0, page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_no_page_scrolls_sideways_at_390_px(site_url: str, phone: Any, site: str, lang: str) -> None:
    for page in LAYOUT_PAGES:
        phone.goto(f"{site_url}{lang}/{page}")
        assert phone.evaluate("document.documentElement.clientWidth") == 390
        assert phone.evaluate(SIDEWAYS) == 0, page


def test_the_column_check_sees_a_wide_table(desktop: Any) -> None:
    # The gate's own failure case: a table wider than the column is reported even when its wrapper scrolls.
    desktop.set_content('<article class="md-content__inner" style="width:600px"><div style="overflow:auto">'
                        '<table><tr><td style="white-space:nowrap">' + "wide " * 200 + "</td></tr></table></div></article>")
    assert desktop.evaluate(PAST_THE_COLUMN)


def test_a_wide_table_scrolls_with_a_hint_and_its_first_column_kept_on_a_phone(real_url: str, phone: Any) -> None:
    phone.goto(f"{real_url}vi/")
    wrap = phone.locator(".pt-grid .md-typeset__scrollwrap")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")
    assert "pt-scrolls" in (wrap.get_attribute("class") or "")
    assert "kéo ngang" in wrap.evaluate("w => getComputedStyle(w, '::before').content")
    first = phone.locator(".pt-grid tbody tr").first.locator("td").first
    before = first.bounding_box()["x"]
    wrap.evaluate("w => { w.scrollLeft = 200; }")
    assert first.bounding_box()["x"] == pytest.approx(before, abs=1)  # the task column stays in view


# --- one row per duty ------------------------------------------------------------------------------


def distinct_tasks(plan: Any, agency_id: str) -> set[str]:
    """Tasks whose lead or coordinating cell names the agency, or a collective it belongs to (counted here from the cells)."""
    names = {agency_id} | ({c.id for c in plan.collectives_of(agency_id)} if not plan.agency(agency_id).is_collective else set())
    return {t.id for t in plan.tasks if names & (set(t.lead.agencies) | set(t.coordinating.agencies))}


@pytest.mark.parametrize("agency", AGENCIES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_an_agency_page_lists_each_task_once_and_counts_distinct_tasks(site_url: str, desktop: Any, plan: Any, site: str, lang: str, agency: str) -> None:
    desktop.goto(f"{site_url}{lang}/agencies/{agency}/")
    ids = desktop.locator(".pt-duties tbody tr td:first-child a").all_inner_texts()
    expected = distinct_tasks(plan, agency)
    assert len(ids) == len(set(ids)) == len(expected) and set(ids) == expected
    summary = desktop.locator(".pt-duties-summary")
    assert summary.get_attribute("data-tasks") == str(len(expected))
    assert summary.inner_text().startswith(str(len(expected)))
    desktop.goto(f"{site_url}{lang}/agencies/")
    row = desktop.locator("tbody tr", has=desktop.locator(f"a[href='{agency}/']"))
    assert row.locator("td").nth(2).inner_text() == str(len(expected))


SHEET_ROWS = """() => Array.from(document.querySelectorAll('.pt-sheet tbody tr')).map(r => {
  const c = r.querySelectorAll('td');
  return [c[2].querySelector('a').textContent, c[3].textContent.trim(), c[0].textContent.trim(), (c[2].querySelector('.pt-short') || {}).textContent || ''];
})"""


@pytest.mark.parametrize("agency", AGENCIES[:3])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_the_yearly_sheet_has_one_row_per_obligation_with_task_titles(site_url: str, desktop: Any, site: str, lang: str, agency: str) -> None:
    desktop.goto(f"{site_url}{lang}/agencies/{agency}/")
    years = sorted({int(a.inner_text()) for a in desktop.locator("article a[href$='/']").all() if re.fullmatch(r"\d{4}", a.inner_text())})
    assert years
    for year in years:
        desktop.goto(f"{site_url}{lang}/agencies/{agency}/{year}/")
        rows = desktop.evaluate(SHEET_ROWS)
        keys = [(task, what, due) for task, what, due, _ in rows]
        assert rows and len(set(keys)) == len(keys), year
        assert all(title.strip() for *_, title in rows), year  # every row names its task in words
        assert not [what for _, what, _, _ in rows if re.search(r"\bt\d\b", what)], year  # targets in their own words, never "t1"
        headings = desktop.locator("article h2").all_inner_texts()
        # Quarters of the year, then "no fixed date", then the obligations the damaged source probably gives the agency.
        assert headings and all(re.search(r"\d{4}|" + re.escape(labels(lang).no_due) + "|" + re.escape(labels(lang).probable_yours), h) for h in headings)


# --- statuses are badges ---------------------------------------------------------------------------

STATUS_TEXT = """names => {
  const pattern = new RegExp('^\\\\s*(' + names.map(n => n.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')).join('|') + ')\\\\s*[:(]?\\\\s*[\\\\d.,]*\\\\)?\\\\s*;?\\\\s*$');
  const bare = [];
  let badges = 0;
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (p.closest('svg, select, script, .pt-controls')) continue;
    if (!pattern.test(n.textContent)) continue;
    const badge = p.closest('.pt-badge');
    if (badge) { badges++; continue; }
    bare.push(n.textContent.trim() + ' in ' + p.tagName);
  }
  const icons = Array.from(document.querySelectorAll('article .pt-badge')).filter(b => getComputedStyle(b, '::before').maskImage.startsWith('url('));
  return {bare: bare.slice(0, 5), badges, total: document.querySelectorAll('article .pt-badge').length, icons: icons.length,
          empty: Array.from(document.querySelectorAll('article .pt-badge')).filter(b => !b.textContent.trim()).length};
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_every_status_on_a_page_is_a_badge_with_text(site_url: str, desktop: Any, site: str, lang: str) -> None:
    from partracker.domain.schedule import STATUSES

    names = [labels(lang).status_name(s) for s in STATUSES]
    for page in BADGE_PAGES:
        desktop.goto(f"{site_url}{lang}/{page}")
        found = desktop.evaluate(STATUS_TEXT, names)
        assert found["bare"] == [], page
        assert found["badges"] > 0 and found["empty"] == 0 and found["icons"] == found["total"], (page, found)


def test_the_badge_check_sees_a_bare_status(desktop: Any) -> None:
    desktop.set_content('<article><table><tr><td>Quá hạn</td><td><span class="pt-badge">Quá hạn</span></td></tr></table></article>')
    assert desktop.evaluate(STATUS_TEXT, ["Quá hạn"])["bare"] == ["Quá hạn in TD"]


# --- tables and the agency finder --------------------------------------------------------------------


def visible_rows(tab: Any, scope: str = ".pt-table") -> int:
    return tab.evaluate(f"() => Array.from(document.querySelectorAll('{scope} tbody tr')).filter(r => r.getClientRects().length).length")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("site", SITES)
def test_the_table_filter_narrows_rows(site_url: str, desktop: Any, site: str, lang: str) -> None:
    words = labels(lang)
    desktop.goto(f"{site_url}{lang}/agencies/so-noi-vu/2017/")
    total = visible_rows(desktop, ".pt-sheet")
    assert total > 5
    box = desktop.get_by_label(words["script.filter"], exact=True)
    box.fill("A-I-2")
    narrowed = visible_rows(desktop, ".pt-sheet")
    assert 0 < narrowed < total
    tasks = desktop.evaluate("() => Array.from(document.querySelectorAll('.pt-sheet tbody tr')).filter(r => r.getClientRects().length).map(r => r.cells[2].querySelector('a').textContent)")
    assert set(tasks) == {"A-I-2"}
    assert desktop.locator(".pt-count").first.inner_text() == words.format("script.rows_shown", shown=narrowed, total=total)
    box.fill("")
    assert visible_rows(desktop, ".pt-sheet") == total
    # The role drop-down keeps only the rows of one role.
    desktop.get_by_label(words.role, exact=True).select_option(words.role_name("lead"))
    roles = desktop.evaluate("() => Array.from(document.querySelectorAll('.pt-sheet tbody tr')).filter(r => r.getClientRects().length).map(r => r.querySelector('.pt-role').textContent)")
    assert roles and set(roles) == {words.role_name("lead")} and len(roles) < total


def test_the_filter_ignores_diacritics_and_sorting_orders_rows(real_url: str, desktop: Any) -> None:
    desktop.goto(f"{real_url}vi/agencies/so-noi-vu/2017/")
    total = visible_rows(desktop, ".pt-sheet")
    desktop.get_by_label("Lọc", exact=True).fill("bao cao quy")  # "Báo cáo quý" typed without marks
    shown = desktop.evaluate("() => Array.from(document.querySelectorAll('.pt-sheet tbody tr')).filter(r => r.getClientRects().length).map(r => r.cells[3].textContent)")
    assert shown and len(shown) < total and all("Báo cáo quý" in s or "báo cáo quý" in s.lower() for s in shown)
    desktop.goto(f"{real_url}vi/agencies/")
    desktop.locator("th", has_text="Số nghĩa vụ").locator("button").click()
    counts = [int(c.replace(".", "")) for c in desktop.locator("tbody tr td:nth-child(6)").all_inner_texts()]
    assert counts == sorted(counts)
    assert desktop.locator("th", has_text="Số nghĩa vụ").get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize(("lang", "query", "found"), [("vi", "noi vu", "Sở Nội vụ"), ("vi", "ủy ban nhân dân cấp", "Ủy ban nhân dân cấp huyện"), ("en", "home affairs", "Department of Home Affairs")])
def test_the_agency_finder_matches_without_diacritics(real_url: str, desktop: Any, lang: str, query: str, found: str) -> None:
    desktop.goto(f"{real_url}{lang}/")
    desktop.get_by_label(labels(lang).find_agency_label).fill(query)
    shown = desktop.evaluate("() => Array.from(document.querySelectorAll('#pt-finder li')).filter(li => li.getClientRects().length).map(li => li.textContent.trim())")
    assert found in shown and len(shown) < len(load_dataset(PLAN_DATA).plan.agencies)


@pytest.mark.parametrize("lang", LANGS)
def test_a_clerk_reaches_a_printed_sheet_of_this_year_in_three_clicks(real_url: str, desktop: Any, lang: str) -> None:
    words = labels(lang)
    desktop.goto(f"{real_url}{lang}/")
    desktop.locator("#pt-finder a[href='agencies/so-noi-vu/']").click()  # 1
    desktop.wait_for_url(f"{real_url}{lang}/agencies/so-noi-vu/")
    desktop.get_by_role("link", name=words.format("open_sheet", year=2017)).click()  # 2
    desktop.wait_for_url(f"{real_url}{lang}/agencies/so-noi-vu/2017/")
    desktop.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    desktop.get_by_role("button", name=words.print).click()  # 3
    assert desktop.evaluate("window.__printed") == 1
    # On paper: A4 width, the controls gone, the table inside the page, its header repeated on each page.
    desktop.emulate_media(media="print")
    desktop.set_viewport_size({"width": 718, "height": 1000})  # A4 less the margins, at 96 px per inch
    assert desktop.locator(".pt-controls").first.is_hidden() and desktop.locator("[data-pt-print]").is_hidden()
    assert desktop.evaluate("getComputedStyle(document.querySelector('.pt-sheet thead')).display") == "table-header-group"
    # The heading cells keep their words when the page repeats them (a sort button inside one would print it blank).
    assert desktop.locator(".pt-sort").first.is_hidden()
    assert desktop.locator(".pt-sheet thead th").first.inner_text().strip() == words.due
    assert desktop.evaluate("() => Math.max(...Array.from(document.querySelectorAll('.pt-sheet table')).map(t => t.getBoundingClientRect().right))") <= 718
    pdf = desktop.pdf(format="A4", margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"})
    assert pdf.startswith(b"%PDF")


# --- the root, fonts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "javascript", "lands"), [("en-US", True, "en"), ("en-GB", True, "en"), ("vi-VN", True, "vi"), ("fr-FR", True, "vi"), ("en-US", False, "vi")])
def test_the_root_sends_english_browsers_to_english(real_url: str, chromium: Any, locale: str, javascript: bool, lands: str) -> None:
    for tab in page_at(chromium, DESKTOP, locale=locale, java_script_enabled=javascript):
        tab.goto(real_url)
        tab.wait_for_url(f"{real_url}{lands}/")
        assert tab.locator("html").get_attribute("lang") == lands


def test_code_and_form_fields_draw_vietnamese_whole(real_url: str, desktop: Any) -> None:
    # Debian's default monospace font (DejaVu Sans Mono) has no "ế" or "ổ" and draws them as a letter and a
    # loose mark: code and the report builder's YAML use the self-hosted monospace font, other fields the text font.
    outside: list[str] = []
    desktop.on("request", lambda r: None if r.url.startswith((real_url, "data:")) else outside.append(r.url))
    for page, mono, text in (("contribute/", "pre code", None), ("report-builder/", "textarea[data-role=output]", "input[name=submitted], select[name=agency], textarea[name=note-vi]")):
        desktop.goto(f"{real_url}vi/{page}")
        if text:
            desktop.wait_for_selector("textarea[name=note-vi]")
        family = desktop.evaluate(f"getComputedStyle(document.querySelector('{mono}')).fontFamily")
        assert family.startswith('"PT Roboto Mono"'), (page, family)
        if text:
            body = desktop.evaluate("getComputedStyle(document.body).fontFamily")
            families = desktop.evaluate(f"Array.from(document.querySelectorAll('{text}')).map(e => getComputedStyle(e).fontFamily)")
            assert len(families) >= 3 and set(families) == {body}
    loaded = "async () => { await document.fonts.load('16px \"PT Roboto Mono\"', 'kế hoạch ổn định'); return document.fonts.check('16px \"PT Roboto Mono\"', 'kế hoạch ổn định'); }"
    assert desktop.evaluate(loaded)
    assert outside == []


# --- the building blocks, without a browser ------------------------------------------------------------


def test_short_titles_section_titles_and_target_titles(plan: Any) -> None:
    from partracker.outputs import wording

    assert wording.task_title(plan.task("A-I-1"), "vi") == "Ban hành, triển khai kết quả thực hiện Kế hoạch CCHC hằng năm của tỉnh…"
    assert wording.task_title(plan.task("A-I-3"), "en") == "Inspection of PAR work"  # short already: kept whole
    assert all(len(wording.task_title(t, lang)) <= wording.TASK_TITLE_LIMIT + 1 for t in plan.tasks for lang in LANGS)
    # "Hiện đại hóa hành chính" is the title of A-VII, B-I and C-IV: each says its group; a title used once does not.
    assert wording.section_title(plan, plan.section("B-I"), "vi") == "B-I · Hiện đại hóa hành chính (nhóm B)"
    assert wording.section_title(plan, plan.section("A-III"), "en") == "A-III · Administrative procedure reform"
    target = plan.task("A-VIII-5").targets[0]
    assert wording.target_obligation_title(target, 2018, "vi") == "Chỉ tiêu năm 2018: Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn bằng 100%"
    assert wording.target_obligation_title(target, 2018, "en") == "Target for 2018: Share of administrative procedure dossiers resolved on time equal to 100%"


def test_the_grid_shows_the_most_pressing_status() -> None:
    from partracker.outputs.pages import headline_status

    assert headline_status(["done_on_time", "upcoming", "not_assessed"]) == "not_assessed"
    assert headline_status(["done_on_time", "overdue"]) == "overdue"
    assert headline_status(["not_applicable", "done"]) == "done"  # "not applicable" only when nothing else applies
    assert headline_status(["not_applicable"]) == "not_applicable"
    assert headline_status([]) is None


def test_the_script_folds_every_vietnamese_letter_as_the_site_does() -> None:
    from partracker.language.folding import fold_diacritics, fold_table

    table = fold_table()
    letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    for c in letters + letters.upper():
        assert table[c] == fold_diacritics(c) and table[c].isascii(), c
    assert table["\u0301"] == ""  # a combining mark typed on its own (decomposed input) disappears too


@pytest.mark.parametrize(("as_of", "ended"), [("2017-06-01", False), ("2021-06-01", True)])
def test_the_home_page_shows_next_deadlines_until_the_plan_ends_then_the_final_picture(as_of: str, ended: bool) -> None:
    import datetime as dt

    from partracker.outputs import registry
    from partracker.outputs.context import BuildContext, BuildOptions

    ctx = BuildContext.load(BuildOptions(data_dir=PLAN_DATA, as_of=dt.date.fromisoformat(as_of)))
    home = registry.generate(ctx, "en")["index.md"]
    assert ("## The final picture" in home) is ended
    assert ("## Next deadlines" in home) is not ended
    if not ended:
        rows = [line for line in home.split("## Next deadlines")[1].split("## How to read")[0].splitlines() if line.startswith("| <time")]
        assert 0 < len(rows) <= 8 and rows[0].startswith('| <time datetime="2017-06-04">')
