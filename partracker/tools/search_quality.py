"""Search quality (Chất lượng tìm kiếm): a query set typed into a built site's real search box, in Chromium.

``tests/search-queries.yaml`` lists what readers type and the page that must come first. Each query is
typed into Material's search box as a reader types it (one input event, then a key so that Material reads
it), on the site of its language; its rank is the place of the expected page among the results, in the
order the search worker gives them and Material shows them (one result per page). The tests assert the
figures and ``partracker bench`` prints them: the share found first and the share found in the top three,
per language.

Only the browser the project's one setting finds is used (:func:`partracker.tools.browser.find`: Debian's Chromium here), driven by Playwright; nothing is downloaded and only
the local server is contacted.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from partracker.language.text import LANGS
from partracker.tools import browser as browser_setting

READY_MS = 120_000
"""How long the search worker may take to build its index: on a busy 2-core machine, tens of seconds."""
TOP = 3
"""The floor: every query must find its page among this many results."""


@dataclass(frozen=True)
class Query:
    """A query of the set."""

    lang: str
    """The site it is typed on: ``vi`` or ``en``."""
    query: str
    """What the reader types."""
    expect: str
    """The page that must come first, from the site root: ``vi/tasks/a-viii-1/``."""
    why: str
    """Where the answer comes from in plan-data/."""


@dataclass(frozen=True)
class Outcome:
    """What the site answered to a query."""

    query: Query
    rank: int | None
    """Place of the expected page among the results (1 = first), or None when it is not among them."""
    results: tuple[str, ...]
    """Every result page, in order, from the site root."""
    shown: tuple[str, ...]
    """The result pages Material rendered (the first ten), in order: the same as the first of ``results``."""
    ms: float
    """Milliseconds from the key press to the worker's answer."""


def load_queries(path: Path) -> tuple[Query, ...]:
    """The query set in ``path`` (``queries:``, a list of mappings with lang, query, expect and why)."""
    from partracker.reading.yamlload import load_file

    doc = load_file(path)
    items = doc.data.get("queries") if isinstance(doc.data, dict) else None
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path}: expected a mapping with a non-empty list 'queries' but received: {type(doc.data).__name__}")
    out = []
    for i, item in enumerate(items):
        line, column = doc.mark(("queries", i))
        if not isinstance(item, dict) or set(item) != {"lang", "query", "expect", "why"} or item["lang"] not in LANGS:
            raise ValueError(f"{path}:{line}:{column}: expected {{lang: vi|en, query, expect, why}} but received: {item!r}")
        if not str(item["expect"]).startswith(f"{item['lang']}/"):
            raise ValueError(f"{path}:{line}:{column}: expect must be a page of the {item['lang']} site ({item['lang']}/…) but received: {item['expect']!r}")
        out.append(Query(lang=item["lang"], query=str(item["query"]), expect=str(item["expect"]), why=str(item["why"])))
    return tuple(out)


# Watches the page's search worker without changing it: counts the queries posted to it and keeps its last
# answer. Material's messages: 0 set up, 1 ready, 2 query, 3 result.
_WATCH = r"""
(() => {
  const Native = window.Worker;
  window.__ptWatch = { ready: false, sent: 0, got: 0, query: null, result: null, url: null };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      window.__ptWatch.url = String(args[0]);
      this.addEventListener("message", ev => {
        const m = ev.data || {};
        if (m.type === 1) window.__ptWatch.ready = true;
        if (m.type === 3) { window.__ptWatch.got += 1; window.__ptWatch.result = m.data; }
      });
    }
    postMessage(m, ...rest) {
      if (m && m.type === 2) { window.__ptWatch.sent += 1; window.__ptWatch.query = m.data; }
      return super.postMessage(m, ...rest);
    }
  };
})();
"""


def watch(context: Any) -> None:
    """Make every page of a Playwright browser context report its search worker's messages (call before opening pages)."""
    context.add_init_script(_WATCH)


def page_of(href: str, root: str) -> str:
    """A result link as a page address from the site root: no query (Material's ``?h=``), no fragment."""
    path = urlsplit(href).path
    base = urlsplit(root).path
    return path[len(base):] if path.startswith(base) else path.lstrip("/")


def open_search(tab: Any, url: str) -> None:
    """Open ``url`` and its search box (on a phone, through the header's magnifier), and wait until the worker has built its index."""
    tab.goto(url)
    toggle = tab.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():
        toggle.click()
    tab.locator("input.md-search__input").click()
    tab.wait_for_function("() => window.__ptWatch && window.__ptWatch.ready", timeout=READY_MS)


def ask(tab: Any, root: str, query: Query) -> Outcome:
    """Type ``query`` into the open search box of a page of site ``root``; the pages found, in order."""
    box = tab.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    sent = tab.evaluate("() => window.__ptWatch.sent")
    start = time.perf_counter()
    box.fill(query.query)
    box.press("End")  # Material reads the query on keyup: fill() alone sends no key event
    tab.wait_for_function(
        "([sent, q]) => window.__ptWatch.sent > sent && window.__ptWatch.query === q && window.__ptWatch.got >= window.__ptWatch.sent",
        arg=[sent, query.query],
        timeout=READY_MS,
    )
    ms = (time.perf_counter() - start) * 1000
    result = tab.evaluate("() => window.__ptWatch.result")
    lang_root = f"{query.lang}/"
    results = []
    for group in result.get("items", []):
        page = next((d for d in group if "#" not in d["location"]), group[0])
        results.append(lang_root + page["location"].split("#")[0])
    shown: list[str] = []
    if results:
        tab.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length >= n", arg=min(len(results), 10), timeout=READY_MS)
        hrefs = tab.eval_on_selector_all(".md-search-result__item > a.md-search-result__link:first-child", "els => els.map(e => e.href)")
        shown = [page_of(h, root) for h in hrefs]
    rank = results.index(query.expect) + 1 if query.expect in results else None
    return Outcome(query=query, rank=rank, results=tuple(results), shown=tuple(shown), ms=ms)


def run(browser: Any, root: str, queries: Iterable[Query]) -> list[Outcome]:
    """Every query typed on the site served at ``root`` (its address ends in "/", holding vi/ and en/), in a fresh context per language."""
    out: list[Outcome] = []
    for lang in LANGS:
        mine = [q for q in queries if q.lang == lang]
        if not mine:
            continue
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            watch(context)
            tab = context.new_page()
            open_search(tab, f"{root}{lang}/")
            out += [ask(tab, root, q) for q in mine]
        finally:
            context.close()
    return out


def figures(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float]]:
    """Per language: queries, rank 1 and top 3 (shares, 0–1), mean reciprocal rank, median milliseconds."""
    out = {}
    for lang in LANGS:
        mine = [o for o in outcomes if o.query.lang == lang]
        if not mine:
            continue
        ms = sorted(o.ms for o in mine)
        out[lang] = {
            "queries": len(mine),
            "rank1": sum(1 for o in mine if o.rank == 1) / len(mine),
            "top3": sum(1 for o in mine if o.rank is not None and o.rank <= TOP) / len(mine),
            "mrr": sum(1 / o.rank for o in mine if o.rank) / len(mine),
            "median_ms": ms[len(ms) // 2],
        }
    return out


def misses(outcomes: Iterable[Outcome]) -> list[str]:
    """The queries not found first, each with what came first: for a failure message."""
    return [f"[{o.query.lang}] {o.query.query!r}: rank {o.rank}, expected {o.query.expect}, got {', '.join(o.results[:3]) or 'nothing'}"
            for o in outcomes if o.rank != 1]


def measure(site: Path, queries_file: Path) -> dict[str, Any]:
    """Serve ``site`` on 127.0.0.1, run the query set in Debian's Chromium; the figures and the misses (for the benchmark)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # the base class's names
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_setting.find(), args=list(browser_setting.ARGS))
            try:
                outcomes = run(browser, f"http://127.0.0.1:{server.server_port}/", load_queries(queries_file))
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    return {"figures": figures(outcomes), "misses": misses(outcomes)}
