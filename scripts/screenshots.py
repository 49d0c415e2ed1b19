"""Screenshots of built sites into docs/screenshots/, at 390 px (a phone) and 1280 px (a desktop), in both languages.

Usage: python3 scripts/screenshots.py [SITE_DIR] [DEMO_SITE_DIR]   (defaults: site, site-demo)

The real site gives the home page, task A-I-1, the agency Sở Nội vụ and its yearly sheet, and a search typed
as a citizen types it ("mot cua" without diacritics on /vi/, "one stop shop" on /en/); the demo site
(``partracker build --demo``), whose sample reports fill the progress pages, gives the progress by agency.
Uses the browser of the project's one setting (partracker/tools/browser.py: Debian's Chromium unless
$PARTRACKER_CHROMIUM names another), no download; only the local server is contacted.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from partracker.tools import browser as browser_setting
from partracker.tools import search_quality

PAGES = {
    "home": ("real", ""),
    "task-a-i-1": ("real", "tasks/a-i-1/"),
    "agency-so-noi-vu": ("real", "agencies/so-noi-vu/"),
    "sheet-so-noi-vu-2017": ("real", "agencies/so-noi-vu/2017/"),
    "progress-by-agency": ("demo", "progress/by-agency/"),
}
"""Screenshot name → (which site, page path)."""
SEARCHES = {"search": {"vi": "mot cua", "en": "one stop shop"}}
"""Screenshot name → the query typed in each language, on the real site's home page."""
VIEWPORTS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class names it so
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def main(sites: dict[str, Path], out: Path) -> None:
    """Capture each page of :data:`PAGES` and each search of :data:`SEARCHES` at each width of :data:`VIEWPORTS`, in vi and en."""
    out.mkdir(parents=True, exist_ok=True)
    with serve(sites["real"]) as real, serve(sites["demo"]) as demo, sync_playwright() as p:
        bases = {"real": real, "demo": demo}
        browser = p.chromium.launch(executable_path=browser_setting.find(), args=list(browser_setting.ARGS))
        for width, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, color_scheme="light")
            search_quality.watch(context)  # to know when the search worker has answered
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith((real, demo, "data:")) else route.abort())
            for lang in ("vi", "en"):
                for name, (site, path) in PAGES.items():
                    page.goto(f"{bases[site]}/{lang}/{path}", wait_until="networkidle")
                    target = out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target)
                for name, queries in SEARCHES.items():
                    search_quality.open_search(page, f"{real}/{lang}/")
                    search_quality.ask(page, f"{real}/", search_quality.Query(lang, queries[lang], f"{lang}/", ""))
                    page.mouse.move(0, 0)  # no hover highlight on a result
                    target = out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    real_site = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "site"
    demo_site = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "site-demo"
    main({"real": real_site, "demo": demo_site}, root / "docs" / "screenshots")
