"""The outputs of a build (Danh mục đầu ra): each a function of the build context, listed once, here.

An output function takes the :class:`~partracker.outputs.context.BuildContext` and a language and
yields :class:`Page` (a template and its values, rendered here) and :class:`DataFile` (content
ready to publish) items, each at its docs path. Adding a page type is a function in an output
module, a template in ``templates/site/``, a line in :data:`OUTPUTS`, and an entry in the
navigation (:func:`partracker.outputs.mkdocs_site.nav`). Registration is this explicit list: no
module changes another's tables when it is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from partracker.language.text import Lang
from partracker.outputs import (
    calendars,
    compiled,
    feeds,
    opendata,
    pages,
    progress_pages,
    report_builder,
    search,
)
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile, Page

Output = Callable[[BuildContext, Lang], Iterable[Page | DataFile]]

OUTPUTS: tuple[Output, ...] = (
    pages.home,
    pages.plan_pages,
    pages.task_pages,
    pages.agency_pages,
    pages.reference_pages,
    pages.downloads_page,
    progress_pages.timeline_pages,
    progress_pages.progress_pages,
    compiled.compiled_pages,
    compiled.docx_files,
    opendata.data_files,
    calendars.calendar_files,
    feeds.feed_file,
    report_builder.builder_files,
    pages.asset_files,
    search.worker_files,
)
"""Every output of a language's site, in the order they are generated."""


def generate(ctx: BuildContext, lang: Lang) -> dict[str, str | bytes]:
    """Every generated file of one language: docs path → content, sorted by path."""
    out: dict[str, str | bytes] = {}
    for output in OUTPUTS:
        for item in output(ctx, lang):
            if item.path in out:
                raise RuntimeError(f"Two outputs write {item.path!r}")
            if isinstance(item, Page):
                out[item.path] = ctx.render(item.template, lang=lang, page=item.path, **item.values)
            else:
                out[item.path] = item.content
    return dict(sorted(out.items()))


SHARED: tuple[Output, ...] = (opendata.data_files, calendars.calendar_files, report_builder.builder_files, search.worker_files, compiled.docx_files)
"""Outputs whose bytes are the same in both languages: computed once (:meth:`BuildContext.shared`)."""


def prepare(ctx: BuildContext) -> None:
    """Compute what both languages share, before they are built apart (in forked processes, say)."""
    for output in SHARED:
        for _ in output(ctx, "vi"):
            pass
