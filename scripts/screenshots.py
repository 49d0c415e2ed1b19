"""Screenshots of a built site (home, task A-I-1, agency so-noi-vu; vi and en) into docs/screenshots/.

Usage: python3 scripts/screenshots.py [SITE_DIR]   (default: site). Uses Debian's Chromium, no download.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {"home": "", "task-a-i-1": "tasks/a-i-1/", "agency-so-noi-vu": "agencies/so-noi-vu/"}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(site: Path, out: Path) -> None:
    """Serve ``site`` on 127.0.0.1 and capture each page in both languages."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            # Only the local server may be contacted.
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
            for lang in ("vi", "en"):
                for name, path in PAGES.items():
                    page.goto(f"{base}/{lang}/{path}", wait_until="networkidle")
                    target = out / f"{name}-{lang}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "site", root / "docs" / "screenshots")
