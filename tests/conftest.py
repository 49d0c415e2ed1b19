"""Shared fixtures: paths to the shipped data and to the tiny fictional plan; built sites, a static server, Chromium."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partracker.tools import browser as browser_setting

ROOT = Path(__file__).resolve().parent.parent
PLAN_DATA = ROOT / "plan-data"
MINI_PLAN = ROOT / "tests" / "fixtures" / "mini-plan"


@pytest.fixture
def mini_plan(tmp_path: Path) -> Path:
    """A writable copy of the tiny fictional plan."""
    target = tmp_path / "plan-data"
    shutil.copytree(MINI_PLAN, target)
    return target


# --- built sites, served over HTTP, seen through Debian's Chromium (browser, a11y, link and hostile-content gates) ---

SITE_AS_OF = dt.date(2017, 6, 1)
"""As-of date of the real site the gates build (the date the golden files and test_site_build use)."""
DEMO_AS_OF = dt.date(2020, 12, 31)
"""As-of date of the demo site: after every sample report in demo/progress/."""
SOURCE_DATE_EPOCH = "1496275200"
"""2017-06-01 00:00 UTC: MkDocs dates its sitemap from it, so builds are reproducible."""


def _browser() -> tuple[str, str]:
    """(binary, "") or ("", why none was found): looked up once, by the project's one setting."""
    try:
        return browser_setting.find(), ""
    except browser_setting.NoBrowser as exc:
        return "", str(exc)


CHROMIUM, NO_CHROMIUM = _browser()
"""The browser every test drives (partracker.tools.browser: $PARTRACKER_CHROMIUM, $CHROME_BIN, $CHROMIUM_PATH, Debian's
/usr/bin/chromium, then chromium, chromium-browser or google-chrome on the PATH), or "" and why; never a downloaded browser."""
CHROMIUM_ARGS = list(browser_setting.ARGS)
"""Headless, no sandbox, no network side channels of the browser itself."""


DEMO_BASE_URL = "https://example.github.io/par/"
"""The demo site is built as if deployed at this address (as the deploy workflow does with the Pages address): the
real site shows a build without an address (relative links only), the demo one with absolute canonical links,
sitemaps, robots.txt, sharing tags, feed and calendar addresses."""


def build_site_into(target: Path, *, data_dir: Path = PLAN_DATA, as_of: dt.date = SITE_AS_OF, demo: bool = False, base_url: str | None = None,
                    deployment: Any = None) -> Path:
    """Build both languages into ``target`` in this process (as `partracker build` does) and return it.

    ``deployment``: the deployment setting to build with; None: the one this checkout ships (deployment.yaml).
    """
    from partracker.outputs.context import BuildContext, BuildOptions
    from partracker.outputs.mkdocs_site import build_site
    from partracker.reading.deployment import load_deployment

    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    options = BuildOptions(data_dir=data_dir, as_of=as_of, demo=demo, base_url=base_url, deployment=load_deployment(ROOT) if deployment is None else deployment)
    build_site(BuildContext.load(options), target, project_dir=ROOT)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the shipped plan-data/ as of 2017-06-01 (read-only: copy it before changing anything)."""
    return build_site_into(tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with --demo as of 2020-12-31 and ``--base-url`` :data:`DEMO_BASE_URL`: the fictional sample reports
    fill the progress pages, and every address that needs the site's own is absolute."""
    return build_site_into(tmp_path_factory.mktemp("demo") / "site", as_of=DEMO_AS_OF, demo=True, base_url=DEMO_BASE_URL)


FILED_REPORT = """\
# yaml-language-server: $schema=../../../partracker/schemas/report.schema.json
agency: "so-noi-vu"
period: "2017-q1"
submitted: "2017-03-30"
entries:
  - id: "e1"
    task: "A-I-1"
    status: "in_progress"
    percent: 40
    reported: "2017-03-30"
  - id: "e2"
    task: "A-I-2"
    status: "not_started"
    reported: "2017-03-30"
"""
"""A report Sở Nội vụ filed in the small fictional plan."""

FILING_DEPLOYMENT = {"site_url": "https://gialai-par.github.io/tracker/", "repository": "gialai-par/tracker", "branch": "main", "organisation": "gialai-par"}
"""A deployment setting that names every value, for the builds that show what a known setting changes."""


@pytest.fixture(scope="session")
def filing_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fictional plan with one filed report (read-only: copy it before changing anything)."""
    data = tmp_path_factory.mktemp("filing") / "plan-data"
    shutil.copytree(MINI_PLAN, data)
    (data / "progress" / "so-noi-vu").mkdir(parents=True)
    (data / "progress" / "so-noi-vu" / "2017-q1.yaml").write_text(FILED_REPORT, encoding="utf-8")
    return data


@pytest.fixture(scope="session")
def filing_site(filing_data: Path) -> Path:
    """The small plan with its filed report, built as of 2017-06-01 with a deployment setting that names a repository."""
    from partracker.reading.deployment import Deployment

    return build_site_into(filing_data.parent / "site", data_dir=filing_data, deployment=Deployment(**FILING_DEPLOYMENT))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class names it so
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 from a thread; yields the base URL ending in "/"."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def real_url(real_site: Path) -> Iterator[str]:
    """Base URL of the served real site (its root holds vi/, en/ and the redirect)."""
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def demo_url(demo_site: Path) -> Iterator[str]:
    """Base URL of the served demo site."""
    with serve(demo_site) as url:
        yield url


# Module scope, not session: Playwright's sync API allows one running instance per thread, and other modules
# (test_report_builder.py) start their own.
@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Chromium (or Chrome) driven by Playwright, for one test module."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, NO_CHROMIUM
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(chromium: Any) -> Iterator[Any]:
    """A fresh page in its own browser context (no shared cookies, storage or cache between tests)."""
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()
