"""Browser gate: the built site as a visitor uses it, in Debian's Chromium driven by Playwright.

Run alone: ``python3 -m pytest tests/test_browser.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import PLAN_DATA

from partracker.domain import progress
from partracker.reading.dataset import load_dataset

NARROW = {"width": 360, "height": 740}
SEARCH_READY_MS = 120_000
"""Material builds the search index in a web worker; on a busy 2-core machine that alone can take tens of seconds."""
NO_RESULT = "Không tìm thấy tài liệu liên quan"
"""Material's Vietnamese "no result" line."""


def overflow(tab: Any) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when there is no horizontal scroll)."""
    return tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def choose_language(tab: Any, lang: str) -> None:
    """Open the header's language selector and pick ``lang``, as a visitor does (hover, then click)."""
    tab.hover(".md-header__option .md-select")
    tab.click(f".md-select__link[hreflang={lang}]")


@pytest.mark.parametrize("page", ["tasks/a-i-1/", "agencies/so-noi-vu/", "plan/a-iii/"])
def test_language_selector_keeps_the_page(real_url: str, tab: Any, page: str) -> None:
    tab.goto(f"{real_url}vi/{page}")
    choose_language(tab, "en")
    tab.wait_for_url(f"{real_url}en/{page}")
    assert tab.locator("html").get_attribute("lang") == "en"
    choose_language(tab, "vi")
    tab.wait_for_url(f"{real_url}vi/{page}")
    assert tab.locator("html").get_attribute("lang") == "vi"


def wait_until_search_ready(tab: Any) -> None:
    """Material says "Initializing search" until its worker has built the index; a query typed earlier can be lost."""
    tab.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); return m && m.textContent.trim() !== '' && !/khởi tạo|Initializing/i.test(m.textContent); }",
        timeout=SEARCH_READY_MS,
    )


def search(tab: Any, query: str, wanted: str) -> list[str]:
    """Type ``query`` into Material's search box; scroll the results (Material shows 10 at a time) until one shows ``wanted``."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = tab.locator("input.md-search__input")
    box.click()
    wait_until_search_ready(tab)
    # One input event with the whole query, so the results shown are not those of a prefix still being typed.
    box.fill(query)
    box.press("End")  # Material reads the query on keyup; fill() alone sends no key event
    tab.wait_for_selector(".md-search-result__item", timeout=SEARCH_READY_MS)
    items = tab.locator(".md-search-result__item")
    # The text sought may be below the first ten results Material shows: a visitor scrolls on.
    for _ in range(10):
        texts = items.all_inner_texts()
        if any(wanted in text.lower() for text in texts):
            break
        tab.locator(".md-search__scrollwrap").evaluate("e => { e.scrollTop = e.scrollHeight; }")
        try:
            tab.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=len(texts), timeout=5000)
        except PlaywrightTimeout:
            break  # every result is shown
    return items.all_inner_texts()


@pytest.mark.parametrize(("query", "accented"), [("mot cua", "một cửa"), ("thu tuc hanh chinh", "thủ tục hành chính"), ("dao tao", "đào tạo")])
def test_search_without_diacritics_finds_vietnamese_text(real_url: str, tab: Any, query: str, accented: str) -> None:
    tab.goto(f"{real_url}vi/")
    results = search(tab, query, accented)
    assert any(accented in text.lower() for text in results), results[:5]
    assert tab.inner_text(".md-search-result__meta") != NO_RESULT


def test_accented_search_still_finds_the_accented_text(real_url: str, tab: Any) -> None:
    tab.goto(f"{real_url}vi/")
    assert any("một cửa" in text.lower() for text in search(tab, "một cửa", "một cửa"))


def test_a_word_absent_from_the_site_finds_nothing(real_url: str, tab: Any) -> None:
    # The search gate's own failure case: the query must really be run, and a miss must show as a miss.
    tab.goto(f"{real_url}vi/")
    box = tab.locator("input.md-search__input")
    box.click()
    wait_until_search_ready(tab)
    box.fill("zzyzxqv")
    box.press("End")
    tab.wait_for_function("m => document.querySelector('.md-search-result__meta').textContent.trim() === m", arg=NO_RESULT, timeout=SEARCH_READY_MS)
    assert tab.locator(".md-search-result__item").count() == 0


def test_visitor_reaches_a_task_and_an_agency_from_the_home_page(real_url: str, tab: Any) -> None:
    tab.goto(f"{real_url}vi/")
    tab.locator("article a[href='plan/']").first.click()
    tab.wait_for_url(f"{real_url}vi/plan/")
    tab.locator("article a[href='a-i/']").first.click()
    tab.wait_for_url(f"{real_url}vi/plan/a-i/")
    tab.locator("article a[href$='tasks/a-i-1/']").first.click()
    tab.wait_for_url(f"{real_url}vi/tasks/a-i-1/")
    assert tab.locator("article h1").inner_text().startswith("Nhiệm vụ A-I-1")

    tab.goto(f"{real_url}vi/")
    tab.locator("article a[href='agencies/']").first.click()
    tab.wait_for_url(f"{real_url}vi/agencies/")
    tab.locator("article a[href='so-noi-vu/']").first.click()
    tab.wait_for_url(f"{real_url}vi/agencies/so-noi-vu/")
    assert "Sở Nội vụ" in tab.locator("article h1").inner_text()


NARROW_PAGES = ["", "tasks/a-i-1/", "agencies/so-noi-vu/", "timeline/"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", NARROW_PAGES)
def test_no_horizontal_scroll_at_360_px(real_url: str, demo_url: str, chromium: Any, lang: str, page: str) -> None:
    context = chromium.new_context(viewport=NARROW)
    tab = context.new_page()
    try:
        for base in (real_url, demo_url):
            tab.goto(f"{base}{lang}/{page}")
            assert tab.evaluate("document.documentElement.clientWidth") == 360
            assert tab.evaluate("document.documentElement.scrollWidth") <= 360, (base, lang, page)
    finally:
        context.close()


def test_the_overflow_check_sees_a_page_wider_than_the_phone(chromium: Any, tmp_path: Path) -> None:
    # The gate's own failure case: an unbreakable 600 px line must be reported, not hidden.
    context = chromium.new_context(viewport=NARROW)
    tab = context.new_page()
    try:
        tab.set_content('<!doctype html><meta name="viewport" content="width=device-width"><p style="white-space:nowrap">' + "wide " * 120 + "</p>")
        assert tab.evaluate("document.documentElement.scrollWidth") > 360
        assert overflow(tab) > 0
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "button", "url_problem"), [
        ("vi", "Tạo nội dung YAML", "A-I-1: liên kết 'javascript:alert(1)' không bắt đầu bằng https:// — cách sửa: dùng liên kết https:// tới văn bản đã công bố, hoặc xóa dòng `url`"),
        ("en", "Make the YAML", "A-I-1: link 'javascript:alert(1)' does not start with https:// — fix: use an https:// link to the published document, or delete the `url` line"),
    ])
def test_report_builder_on_the_built_site_makes_a_report_the_validator_accepts(real_url: str, tab: Any, tmp_path: Path, lang: str, button: str, url_problem: str) -> None:
    # tests/test_report_builder.py drives the form on a bare page with a small plan; this runs the page as
    # published (theme, relative data path) against the real plan.
    outside: list[str] = []
    tab.on("request", lambda r: None if r.url.startswith(real_url) else outside.append(r.url))
    tab.goto(f"{real_url}{lang}/report-builder/")
    tab.wait_for_selector("fieldset[data-task='A-I-1']")
    tab.select_option("[name=agency]", "so-noi-vu")
    tab.select_option("[name=year]", "2017")
    tab.select_option("[name=kind]", "q1")
    tab.fill("[name=submitted]", "2017-03-31")
    task = tab.locator("fieldset[data-task='A-I-1']")
    task.locator("[name=status]").select_option("in_progress")
    task.locator("[name=document]").fill("12/KH-SNV")
    task.locator("[name=url]").fill("javascript:alert(1)")
    tab.get_by_role("button", name=button).click()
    assert tab.locator("[data-role=problems] li").all_inner_texts() == [url_problem]
    assert task.locator("[name=url]").get_attribute("aria-invalid") == "true"
    task.locator("[name=url]").fill("https://example.org/12-kh-snv.pdf")
    tab.get_by_role("button", name=button).click()
    assert tab.locator("[data-role=problems] li").all_inner_texts() == []
    assert tab.inner_text("[data-role=file]") == "plan-data/progress/so-noi-vu/2017-q1.yaml"
    text = tab.input_value("[data-role=output]")
    # The shipped deployment setting names no repository: no GitHub link, and the page says what to do instead.
    assert not tab.is_visible("[data-role=github]") and tab.is_visible("[data-role=no-repository]") and tab.is_visible("[data-role=download]")
    assert outside == []

    data = tmp_path / "plan-data"
    shutil.copytree(PLAN_DATA, data, ignore=shutil.ignore_patterns("progress"))
    (data / "progress" / "so-noi-vu").mkdir(parents=True)
    (data / "progress" / "so-noi-vu" / "2017-q1.yaml").write_text(text, encoding="utf-8")
    dataset = load_dataset(data, as_of=dt.date(2017, 4, 1))
    assert [p.format("en") for p in dataset.problems] == []
    ((report, entry),) = progress.effective_entries(dataset.reports)
    assert (report.agency, report.period, entry.task, entry.status, entry.evidence[0].url) == ("so-noi-vu", "2017-q1", "A-I-1", "in_progress", "https://example.org/12-kh-snv.pdf")
    assert re.search(r"^period: \"2017-q1\"$", text, re.M)
