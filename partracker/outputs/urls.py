"""Where everything is published (Địa chỉ): the one source of page paths, links and public addresses.

Every generated page and file has a *docs path* — its place in a language's ``docs/`` tree, such
as ``tasks/a-i-1.md`` or ``ics/so-noi-vu.ics``. Markdown pages link to each other by relative docs
paths (MkDocs checks and rewrites them); feeds and calendars need the public address, which exists
only when the deployment's base address is known. A path is spelled here once; Python and
templates alike call these methods.
"""

from __future__ import annotations

import functools
import posixpath

from partracker.domain.model import Agency, Section, Task
from partracker.language.text import Lang

HAND_WRITTEN = ("contribute.md", "report-builder.md", "deadlines.md", "data-model.md", "maintainers.md", "benchmark.md")
"""Pages written by hand in docs/<lang>/, by docs path."""

PROGRESS_PAGES = ("progress/index.md", "progress/by-period.md", "progress/by-section.md", "progress/by-agency.md", "progress/targets.md")
"""The progress pages, by docs path."""


def _id(item: Task | Section | Agency | str) -> str:
    return item if isinstance(item, str) else item.id


class Urls:
    """Docs paths of every page and file, relative links between them, and public addresses."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        """The public address of the site root (holding ``vi/`` and ``en/``), or None when unknown."""

    # --- pages -------------------------------------------------------------------------------

    home = "index.md"
    plan = "plan/index.md"
    agencies = "agencies/index.md"
    glossary = "glossary.md"
    source = "source.md"
    coverage = "coverage.md"
    downloads = "downloads.md"
    timeline = "timeline/index.md"
    progress = "progress/index.md"
    feed = "feed.xml"

    @staticmethod
    def task(task: Task | str) -> str:
        """A task's page: ``tasks/a-i-1.md``."""
        return f"tasks/{_id(task).lower()}.md"

    @staticmethod
    def section(section: Section | str) -> str:
        """A section's page: ``plan/a-i.md``."""
        return f"plan/{_id(section).lower()}.md"

    @staticmethod
    def agency(agency: Agency | str) -> str:
        """An agency's page: ``agencies/so-noi-vu.md``."""
        return f"agencies/{_id(agency)}.md"

    @staticmethod
    def agency_year(agency: Agency | str, year: int) -> str:
        """An agency's printable sheet of one year: ``agencies/so-noi-vu/2017.md``."""
        return f"agencies/{_id(agency)}/{year}.md"

    @staticmethod
    def timeline_year(year: int) -> str:
        """The timeline of one year: ``timeline/2017.md``."""
        return f"timeline/{year}.md"

    @staticmethod
    def progress_page(name: str) -> str:
        """A progress page by name (``index``, ``by-period``, ``by-section``, ``by-agency``, ``targets``)."""
        path = f"progress/{name}.md"
        if path not in PROGRESS_PAGES:
            raise ValueError(f"Expected one of {PROGRESS_PAGES} but received: {path!r}")
        return path

    @staticmethod
    def targets_section(section: Section | str) -> str:
        """The targets of one section, with their charts: ``progress/targets/a-i.md`` (the targets page lists them)."""
        return f"progress/targets/{_id(section).lower()}.md"

    compiled_index = "progress/compiled/index.md"

    @staticmethod
    def compiled(period: str) -> str:
        """A period's consolidated report: ``progress/compiled/2017-q1.md``."""
        return f"progress/compiled/{period}.md"

    @staticmethod
    def compiled_docx(period: str) -> str:
        """The Word draft of a period's consolidated report: ``data/compiled/2017-q1.docx``."""
        return f"data/compiled/{period}.docx"

    @staticmethod
    def page(name: str) -> str:
        """A hand-written page by file name (``contribute.md``…)."""
        if name not in HAND_WRITTEN:
            raise ValueError(f"Expected one of {HAND_WRITTEN} but received: {name!r}")
        return name

    # --- files -------------------------------------------------------------------------------

    @staticmethod
    def data(name: str) -> str:
        """An open-data file: ``data/plan.json``."""
        return f"data/{name}"

    @staticmethod
    def schema(name: str) -> str:
        """A published JSON Schema: ``schemas/report.schema.json``."""
        return f"schemas/{name}.schema.json"

    @staticmethod
    def calendar(name: str) -> str:
        """A calendar: ``ics/plan.ics`` or ``ics/<agency id>.ics``."""
        return f"ics/{name}.ics"

    search_worker = "assets/javascripts/workers/pt-search.js"
    """The search worker's query rewrite: next to Material's worker, whose language files it loads from ``../lunr/``."""
    search_index = "search/search_index.json"
    """Material's search index (written by its search plugin, rewritten by :mod:`partracker.outputs.search`)."""

    @staticmethod
    def asset(name: str) -> str:
        """A shared asset: ``assets/site.css``."""
        return f"assets/{name}"

    # --- links and addresses -----------------------------------------------------------------

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def relative(from_page: str, to_path: str) -> str:
        """A link target from one docs path to another, as MkDocs resolves Markdown links (remembered: pages repeat links)."""
        target = posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")
        if not all(c.isalnum() or c in "./-_#" for c in target):
            raise ValueError(f"Expected a docs path of letters, digits and ./-_ but received: {to_path!r}")
        return target

    @staticmethod
    def site_path(docs_path: str) -> str:
        """Where a docs path is served, relative to its language root (directory URLs): ``tasks/a-i-1/``."""
        if not docs_path.endswith(".md"):
            return docs_path
        stem = docs_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    def language_root(self, lang: Lang) -> str | None:
        """The public address of a language's site, or None when the base is unknown."""
        return f"{self.base_url}{lang}/" if self.base_url else None

    def public(self, lang: Lang, docs_path: str) -> str | None:
        """The public address of a page or file in ``lang``, or None when the base is unknown."""
        root = self.language_root(lang)
        return root + self.site_path(docs_path) if root else None
