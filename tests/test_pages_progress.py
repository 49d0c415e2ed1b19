"""Progress pages: every page present, relative links that resolve, the no-reports notice, escaping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from partracker.domain.model import Entry, Report
from partracker.language.text import Text
from partracker.outputs import progress_pages
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.outputs.urls import PROGRESS_PAGES, Urls
from partracker.outputs.wording import quarter_label
from partracker.reading.dataset import load_dataset

PAGES = (*PROGRESS_PAGES, "timeline/index.md")
relative_link = Urls.relative

MINI_PLAN = Path(__file__).resolve().parent / "fixtures" / "mini-plan"
AS_OF = dt.date(2018, 3, 1)
LINK = re.compile(r"\]\(([^)\s]+)\)")
HOSTILE = '<script>alert(1)</script> {: onclick="x" } | *em* [x](javascript:y)'


@pytest.fixture(scope="module")
def plan():
    return load_dataset(MINI_PLAN).plan


def pages_for(plan, reports=(), *, lang="vi"):
    """The timeline and progress pages of one language, as the registry renders them."""
    ctx = BuildContext(BuildOptions(data_dir=MINI_PLAN), plan, tuple(reports), AS_OF)
    out = {}
    for output in (progress_pages.timeline_pages, progress_pages.progress_pages):
        for page in output(ctx, lang):
            out[page.path] = ctx.render(page.template, lang=lang, page=page.path, **page.values)
    return dict(sorted(out.items()))


def site_pages(plan) -> set[str]:
    """The pages partracker/site.py generates that progress pages link to, plus the progress pages."""
    return (
        {f"tasks/{t.slug}.md" for t in plan.tasks}
        | {f"plan/{s.slug}.md" for s in plan.sections}
        | {f"agencies/{a.id}.md" for a in plan.agencies}
        | set(PAGES)
        | {f"timeline/{y}.md" for y in range(plan.meta.start_year - 1, plan.meta.end_year + 1)}
        | {Urls.compiled_index}
        | {Urls.targets_section(s) for s in plan.sections}
    )


def filed_report() -> Report:
    done = Entry("e1", "A-I-1", "done", None, (("t1", 100.0),), (), None, "2017-03-02", "2017-03-01", None)
    return Report("so-noi-vu", "2017-q1", "progress/so-noi-vu/2017-q1.yaml", "2017-03-03", (done,))


def rendered(page: str) -> str:
    return markdown.markdown(page, extensions=["tables", "attr_list", "toc", "md_in_html"])


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html_text: str) -> Elements:
    parser = Elements()
    parser.feed(html_text)
    return parser


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_is_written(plan, lang) -> None:
    pages = pages_for(plan, lang=lang)
    years = {f"timeline/{y}.md" for y in range(2015, 2021)}
    # A section's targets have their own page; the mini plan's targets are all in A-I.
    assert set(pages) == set(PAGES) | (years & set(pages)) | {"progress/targets/a-i.md"} and "timeline/2017.md" in pages
    assert list(pages) == sorted(pages)
    for path, text in pages.items():
        body, meta = get_data(text)
        # Summaries of every task: found by search, below the tasks, sections and agencies themselves.
        assert body.startswith("# ") and meta == {"search": {"boost": 0.3}}, path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_links_are_relative_and_resolve(plan, lang) -> None:
    known = site_pages(plan)
    pages = pages_for(plan, [filed_report()], lang=lang)
    seen = set()
    for path, text in pages.items():
        for target in LINK.findall(text):
            assert not target.startswith(("/", "http")), (path, target)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in known, (path, target)
            seen.add(resolved)
    assert {"tasks/a-i-1.md", "plan/a-i.md", "agencies/so-noi-vu.md", "timeline/index.md", "timeline/2017.md", "progress/by-agency.md"} <= seen
    assert "[A-I-1](../tasks/a-i-1.md)" in pages["timeline/2017.md"]
    assert "[2017](2017.md)" in pages["timeline/index.md"]
    assert "](../tasks/a-i-1.md)" in pages["progress/by-section.md"]
    assert "](../plan/a-i.md)" in pages["progress/by-section.md"]
    assert "](../agencies/so-noi-vu.md)" in pages["progress/by-agency.md"]


def test_relative_link() -> None:
    assert relative_link("timeline.md", "tasks/a-i-1.md") == "tasks/a-i-1.md"
    assert relative_link("progress/index.md", "tasks/a-i-1.md") == "../tasks/a-i-1.md"
    assert relative_link("progress/index.md", "progress/by-period.md") == "by-period.md"
    with pytest.raises(ValueError, match="Expected a docs path"):
        relative_link("timeline.md", "tasks/a b\".md")


def test_no_reports_says_so_and_claims_nothing(plan) -> None:
    for lang, notice in (("vi", "Chưa có báo cáo tiến độ nào được nộp"), ("en", "No progress reports have been filed yet")):
        pages = pages_for(plan, lang=lang)
        for path, text in pages.items():
            head = get_data(text)[0].split("\n\n", 2)[1]
            assert notice in head, path
        statuses = set(re.findall(r"pt-badge--([a-z_]+)", "".join(v for k, v in pages.items() if k.startswith("timeline/"))))
        assert statuses == {"not_applicable", "not_assessed", "due_soon", "upcoming"}
    overview = pages_for(plan, lang="en")["progress/index.md"]
    assert "| 2017 | 2 | — | — | Not yet assessed | Not yet assessed |" in overview
    assert "Below 70%" not in overview


def test_filed_report_changes_statuses_and_measures(plan) -> None:
    pages = pages_for(plan, [filed_report()], lang="en")
    assert "No progress reports have been filed yet" not in pages["progress/index.md"]
    assert "pt-badge--done_late" in pages["timeline/2016.md"]  # the 2017 plan was due 31/12/2016
    # Sở Tư pháp has not reported on A-I-1, so the share is a lower bound and the band stays open.
    assert "| 2017 | 2 | 0 | at least 0% | Not settled (2 tasks without a report) | Not yet assessed |" in pages["progress/index.md"]
    assert "2017: 100%" in pages["progress/targets/a-i.md"]  # the target chart shows the reported value
    # The targets page lists the sections' pages, with how many targets have a reported value.
    assert "| [A-I · Direction and management of PAR](targets/a-i.md) | 1 | 1 |" in pages["progress/targets.md"]


def test_timeline_groups_by_year_and_quarter(plan) -> None:
    pages = pages_for(plan, lang="vi")
    text = get_data(pages["timeline/2017.md"])[0]
    assert text.startswith("# Lịch thực hiện 2017") and text.index("## Quý II/2017") < text.index("## Quý III/2017")
    assert '| <time datetime="2017-09-30">30/09/2017</time> | [A-I-2](../tasks/a-i-2.md) <span class="pt-short">' in text
    assert "| Hoàn thành trong quý III/2017 |" in text
    assert "## Quý I/2018" not in text and "## Quý I/2018" in pages["timeline/2018.md"]
    assert quarter_label(2017, 3, "en") == "Q3 2017"


def test_agencies_in_vietnamese_order(plan) -> None:
    text = pages_for(plan, lang="vi")["progress/by-agency.md"]
    rows = re.findall(r"^\| \[([^\]]+)\]\(\.\./agencies/", text, re.M)
    assert rows == ["Sở, ban, ngành tỉnh", "Sở Nội vụ", "Sở Tư pháp", "UBND cấp huyện"]  # punctuation is ignored: "ban" < "Nội"


def test_hostile_text_stays_text(plan) -> None:
    agencies = tuple(
        dataclasses.replace(a, short=Text(HOSTILE, HOSTILE)) if a.id == "so-noi-vu" else a for a in plan.agencies
    )
    group = plan.groups[0]
    section = dataclasses.replace(group.sections[0], title=Text(HOSTILE, HOSTILE))
    hostile = dataclasses.replace(plan, agencies=agencies, groups=(dataclasses.replace(group, sections=(section,)),), _index={})
    for lang in ("vi", "en"):
        for path, page in pages_for(hostile, [filed_report()], lang=lang).items():
            out = rendered(page)
            tree = parse(out)
            assert not [t for t, _ in tree.tags if t == "script"], path
            assert not [a for _, a in tree.tags if "onclick" in a], path
            assert not [a for t, a in tree.tags if t == "a" and (a.get("href") or "").startswith("javascript")], path
            assert not [t for t, _ in tree.tags if t == "em"], path
            if path in ("progress/by-agency.md", "progress/by-section.md") or (path.startswith("timeline/") and path != "timeline/index.md"):
                assert HOSTILE in html.unescape("".join(tree.text)), path


def test_deterministic(plan) -> None:
    assert pages_for(plan, [filed_report()], lang="vi") == pages_for(plan, [filed_report()], lang="vi")
