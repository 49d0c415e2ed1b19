"""The site as a citizen of the web: no placeholder host, no failing request, discovery and sharing, root files.

The demo site is built as if deployed at ``https://example.github.io/par/`` (conftest.DEMO_BASE_URL, as the deploy
workflow does with the Pages address); the real site without an address. Both are shared with the other gates.

Run alone: ``python3 -m pytest tests/test_web.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import DEMO_BASE_URL, SOURCE_DATE_EPOCH

from partracker.language.labels import LABELS

PLACEHOLDER = re.compile(r"https?://[\w.-]+\.(?:invalid|example|test|localhost)\b|\bNone/(?:vi|en)/|https?://None")
"""A host that is no host (RFC 2606/6761 names), or an address built from a missing one."""
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LASTMOD = dt.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), dt.timezone.utc).date().isoformat()
XHTML = "{http://www.w3.org/1999/xhtml}"
TEXT_FILES = ("*.html", "*.xml", "*.json", "*.ics", "*.csv", "*.txt")
SITE_DESCRIPTIONS = {
    yaml_line.split(":", 1)[1].strip()
    for name in ("mkdocs.yml", "mkdocs.en.yml")
    for yaml_line in (Path(__file__).resolve().parent.parent / name).read_text(encoding="utf-8").splitlines()
    if yaml_line.startswith("site_description:")
}
"""The site's own description in each language: what a page without one of its own shows."""


class Head(HTMLParser):
    """The head of a page: its meta tags by name or property, and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in values or "property" in values):
            self.meta[values.get("property") or values["name"]] = values.get("content", "")
        elif tag == "link":
            self.links.append(values)


def head(path: Path) -> Head:
    parsed = Head()
    text = path.read_text(encoding="utf-8")
    parsed.feed(text[: text.index("</head>")])
    return parsed


def pages(site: Path) -> list[Path]:
    """Every page of both languages (not the root's redirect and 404 pages)."""
    return sorted(p for lang in ("vi", "en") for p in (site / lang).rglob("*.html"))


def test_no_file_names_a_placeholder_host(real_site: Path, demo_site: Path) -> None:
    found = []
    for site in (real_site, demo_site):
        for pattern in TEXT_FILES:
            for path in sorted(site.rglob(pattern)):
                if "/assets/javascripts/" in path.as_posix():
                    continue  # Material's own scripts
                for m in PLACEHOLDER.finditer(path.read_text(encoding="utf-8-sig")):
                    found.append(f"{path.relative_to(site)}: {m.group(0)}")
    assert found == []
    assert PLACEHOLDER.search("https://gialai-par-tracker.invalid/vi/") and PLACEHOLDER.search("https://gialai-par-index.example/schemas/")


def test_every_page_has_its_description_sharing_tags_and_feed_link(demo_site: Path) -> None:
    descriptions: dict[str, str] = {}
    for path in pages(demo_site):
        rel = path.relative_to(demo_site).as_posix()
        lang = rel.split("/")[0]
        h = head(path)
        address = DEMO_BASE_URL + rel.removesuffix("index.html")
        canonical = [link["href"] for link in h.links if link.get("rel") == "canonical"]
        assert canonical == [address], rel
        assert h.meta["og:url"] == address and h.meta["og:type"] == "website", rel
        assert h.meta["og:title"] and h.meta["twitter:title"] == h.meta["og:title"], rel
        assert h.meta["description"] == h.meta["og:description"] == h.meta["twitter:description"] != "", rel
        assert h.meta["og:image"] == f"{DEMO_BASE_URL}{lang}/assets/share.png" == h.meta["twitter:image"], rel
        assert h.meta["twitter:card"] == "summary_large_image" and h.meta["og:locale"] == {"vi": "vi_VN", "en": "en_GB"}[lang], rel
        feeds = [link["href"] for link in h.links if link.get("type") == "application/atom+xml"]
        assert len(feeds) == 1 and urljoin(address, feeds[0]) == f"{DEMO_BASE_URL}{lang}/feed.xml", rel
        descriptions[rel] = h.meta["description"]
    assert (demo_site / "vi" / "assets" / "share.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Generated pages describe themselves: a task by its content, an agency by its duties; none falls back to the site's.
    generated = {rel: d for rel, d in descriptions.items() if rel.split("/")[1] in ("tasks", "agencies", "plan", "timeline", "progress", "downloads", "glossary", "source")}
    assert len(generated) > 350
    assert not [rel for rel, d in generated.items() if d in SITE_DESCRIPTIONS]
    assert len(SITE_DESCRIPTIONS) == 2
    tasks = [d for rel, d in generated.items() if rel.startswith("vi/tasks/")]
    agencies = [d for rel, d in generated.items() if re.fullmatch(r"en/agencies/[a-z0-9-]+/index\.html", rel)]
    assert len(set(tasks)) == len(tasks) == 45 and len(set(agencies)) == len(agencies) == len(list((demo_site / "en" / "agencies").glob("*/index.html"))) > 10
    assert descriptions["en/agencies/so-noi-vu/index.html"].startswith("Department of Home Affairs leads 21 tasks and coordinates 18 tasks of Plan 934/QĐ-UBND")
    assert descriptions["vi/tasks/a-i-1/index.html"].startswith("Nhiệm vụ A-I-1: Ban hành, triển khai kết quả thực hiện Kế hoạch CCHC hằng năm")
    assert all(len(d) <= 201 for d in descriptions.values())


def test_without_an_address_nothing_absolute_is_published(real_site: Path) -> None:
    for rel in ("vi/index.html", "en/tasks/a-i-1/index.html"):
        h = head(real_site / rel)
        assert not [link for link in h.links if link.get("rel") == "canonical"], rel
        assert "og:url" not in h.meta and "og:image" not in h.meta and h.meta["twitter:card"] == "summary", rel
        assert h.meta["og:description"] == h.meta["description"] != "", rel
    robots = (real_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Sitemap:" not in robots
    assert not (real_site / "sitemap.xml").exists()
    assert "<url>" not in (real_site / "vi" / "sitemap.xml").read_text(encoding="utf-8")
    redirect = (real_site / "index.html").read_text(encoding="utf-8")
    assert "canonical" not in redirect and "hreflang" not in redirect and '<link rel="icon" href="vi/assets/images/favicon.png">' in redirect


def test_sitemaps_give_every_page_in_both_languages_and_robots_names_them(demo_site: Path) -> None:
    robots = (demo_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {DEMO_BASE_URL}sitemap.xml" in robots.splitlines()
    index = ET.parse(demo_site / "sitemap.xml").getroot()
    assert [e.text for e in index.iter(f"{SITEMAP}loc")] == [f"{DEMO_BASE_URL}vi/sitemap.xml", f"{DEMO_BASE_URL}en/sitemap.xml"]
    for lang in ("vi", "en"):
        urls = ET.parse(demo_site / lang / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
        assert len(urls) == len(list((demo_site / lang).rglob("index.html"))), lang
        for url in urls:
            loc = url.find(f"{SITEMAP}loc").text
            assert loc.startswith(f"{DEMO_BASE_URL}{lang}/")
            page = loc.removeprefix(f"{DEMO_BASE_URL}{lang}/")
            alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            assert alternates == {"vi": f"{DEMO_BASE_URL}vi/{page}", "en": f"{DEMO_BASE_URL}en/{page}", "x-default": f"{DEMO_BASE_URL}vi/{page}"}
            # MkDocs' build date: SOURCE_DATE_EPOCH (the last commit's time when deployed).
            assert url.find(f"{SITEMAP}lastmod").text == LASTMOD


def test_head_alternates_point_where_a_sitemap_exists(real_site: Path, demo_site: Path) -> None:
    # Material's script fetches sitemap.xml beside every link[rel=alternate] of a page (to map the language switch):
    # an alternate naming a page directory was a 404 on every page but the home pages.
    for site, base in ((real_site, None), (demo_site, DEMO_BASE_URL)):
        for path in pages(site):
            for link in head(path).links:
                if link.get("rel") != "alternate":
                    continue
                href = link["href"]
                target = (path.parent / href).resolve() if not urlsplit(href).scheme else site / href.removeprefix(base or "")
                assert (target.parent / "sitemap.xml").is_file(), (path.relative_to(site), href)
                assert "hreflang" not in link, path.relative_to(site)


# --- in Chromium: every page loads without a failing request -----------------------------------------------------


class PagesHost(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: ``/par/`` is the site, a missing address gets the root's 404.html with status 404."""

    prefix = "/par/"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class names it so
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        return super().translate_path("/" + path[len(self.prefix):] if path.startswith(self.prefix) else "/nowhere/")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def hosts(real_site: Path, demo_site: Path) -> Iterator[dict[str, str]]:
    """Both sites on 127.0.0.1 under /par/, served as GitHub Pages serves them."""
    servers = {name: http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHost, directory=str(site)))
               for name, site in (("real", real_site), ("demo", demo_site))}
    for server in servers.values():
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {name: f"http://127.0.0.1:{server.server_port}/par/" for name, server in servers.items()}
    for server in servers.values():
        server.shutdown()
        server.server_close()


def watch(tab: Any, failures: list[str]) -> None:
    """Record every request that fails or answers 4xx/5xx, and every console error."""
    tab.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("requestfailed", lambda r: failures.append(f"failed {r.url} {r.failure}") if "ERR_ABORTED" not in (r.failure or "") else None)
    tab.on("console", lambda m: failures.append(f"console {m.type}: {m.text}") if m.type == "error" else None)


def test_no_page_makes_a_failing_request(demo_site: Path, hosts: dict[str, str], chromium: Any) -> None:
    # Every page of both languages, as deployed (address known): the page, its styles, scripts, fonts, icons, the
    # search index and the sitemap Material fetches. The 404s of old were Material's sitemap fetches.
    context = chromium.new_context()
    tab = context.new_page()
    failures: list[str] = []
    watch(tab, failures)
    base = hosts["demo"]
    sitemaps = 0

    def count(response: Any) -> None:
        nonlocal sitemaps
        sitemaps += response.url.endswith("/sitemap.xml")

    tab.on("response", count)
    visited = 0
    for path in pages(demo_site):
        rel = path.relative_to(demo_site).as_posix().removesuffix("index.html")
        tab.goto(base + rel, wait_until="load")
        visited += 1
    tab.wait_for_timeout(500)
    context.close()
    assert visited > 380 and failures == []
    assert sitemaps > 0  # Material did fetch sitemaps, and found them


def test_the_language_switch_keeps_the_page_and_fetches_nothing_missing(hosts: dict[str, str], tab: Any) -> None:
    failures: list[str] = []
    watch(tab, failures)
    base = hosts["demo"]
    for page in ("tasks/a-i-1/", "agencies/so-noi-vu/2017/", "progress/by-agency/", ""):
        tab.goto(f"{base}vi/{page}")
        tab.hover(".md-header__option .md-select")
        tab.click(".md-select__link[hreflang=en]")
        tab.wait_for_url(f"{base}en/{page}")
        tab.wait_for_load_state("networkidle")
    assert failures == []


@pytest.mark.parametrize("site", ["real", "demo"])
def test_a_missing_address_shows_the_bilingual_404_page_whose_links_work(site: str, hosts: dict[str, str], demo_site: Path, tab: Any) -> None:
    base = hosts[site]
    if site == "demo":
        # Built with its address, the 404 page links absolutely: sent to this local host, as the deployed site would be.
        def local(route: Any) -> None:
            route.fulfill(response=route.fetch(url=base + route.request.url.removeprefix(DEMO_BASE_URL)))

        tab.route(f"{DEMO_BASE_URL}**", local)
    response = tab.goto(f"{base}vi/tasks/khong-co/nua/")
    assert response.status == 404
    assert tab.locator("section[lang=vi] h1").inner_text() == LABELS["not_found_title"][0]
    assert tab.locator("section[lang=en] h1").inner_text() == LABELS["not_found_title"][1]
    tab.locator("section[lang=en] a", has_text=LABELS["agencies"][1]).click()
    tab.wait_for_load_state()
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.url.endswith("/en/agencies/") and tab.locator("h1").first.inner_text().removesuffix("¶") == LABELS["agencies"][1]
    # Not under a language: the links of a build without an address assume the host's root.
    if site == "demo":
        tab.goto(f"{base}no-such-thing")
        href = tab.locator("section[lang=vi] a").first.get_attribute("href")
        assert href == f"{DEMO_BASE_URL}vi/"


def test_the_root_page_asks_for_no_missing_icon(hosts: dict[str, str], tab: Any) -> None:
    failures: list[str] = []
    watch(tab, failures)
    tab.goto(hosts["real"])
    tab.wait_for_url(re.compile(r".*/par/(vi|en)/$"))
    tab.wait_for_load_state("networkidle")
    assert failures == []


# --- open data: CSV for Excel, a data package, a schema for every JSON file ---------------------------------------

BOM = b"\xef\xbb\xbf"


def excel_text(data: bytes) -> str:
    """What Excel on Windows shows of a CSV opened by double-click: UTF-8 only after a byte order mark, else the legacy code page."""
    return data[len(BOM):].decode("utf-8") if data.startswith(BOM) else data.decode("cp1252", errors="replace")


def test_every_csv_opens_in_excel_and_reads_in_python_and_pandas(real_site: Path, demo_site: Path) -> None:
    import csv
    import io

    import pandas

    csvs = sorted((demo_site / "vi" / "data").glob("*.csv"))
    assert [p.name for p in csvs] == ["obligations.csv", "progress.csv", "targets.csv", "tasks.csv"]
    for path in csvs + sorted((real_site / "en" / "data").glob("*.csv")):
        data = path.read_bytes()
        assert data.startswith(BOM) and data.count(BOM) == 1, path
        shown = excel_text(data)
        assert "Ã" not in shown and "á»" not in shown, path  # no mojibake: the cp1252 reading is never used
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0][0] in ("id", "agency", "task") and all(len(r) == len(rows[0]) for r in rows), path
        frame = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert list(frame.columns) == rows[0] and len(frame) == len(rows) - 1, path
    tasks = excel_text((demo_site / "vi" / "data" / "tasks.csv").read_bytes())
    assert "Sở Nội vụ" in tasks and "Sá»Ÿ" not in tasks
    # Without the mark, Excel's reading garbles it: the failure the mark prevents.
    assert "Sá»Ÿ Ná»™i vá»¥" in excel_text("Sở Nội vụ".encode("utf-8"))


def test_the_data_package_describes_every_csv_as_published(demo_site: Path) -> None:
    import datetime as dt
    import json

    import pandas

    data = demo_site / "vi" / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert sorted(r["path"] for r in package["resources"]) == sorted(p.name for p in data.glob("*.csv"))
    parse = {"integer": int, "number": float, "boolean": {"True": True, "False": False}.__getitem__, "date": dt.date.fromisoformat, "string": str}
    for resource in package["resources"]:
        assert (resource["encoding"], resource["dialect"]["delimiter"], resource["dialect"]["lineTerminator"]) == ("utf-8-sig", ",", "\r\n")
        frame = pandas.read_csv(data / resource["path"], encoding=resource["encoding"], dtype=str, keep_default_na=False)
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == list(frame.columns), resource["path"]
        for field in fields:
            for value in frame[field["name"]]:
                if value not in resource["schema"]["missingValues"]:
                    parse[field["type"]](value)  # every value reads as its declared type


def test_every_published_json_validates_against_its_published_schema(real_site: Path, demo_site: Path) -> None:
    import json

    from jsonschema import Draft7Validator

    for site, base in ((demo_site, DEMO_BASE_URL), (real_site, None)):
        for lang in ("vi", "en"):
            data = site / lang / "data"
            published = sorted(p.name for p in data.glob("*.json"))
            assert published == ["datapackage.json", "obligations.json", "plan.json", "progress.json", "report-builder.json", "targets.json"]
            for name in published:
                schema_path = site / lang / "schemas" / "data" / name.replace(".json", ".schema.json")
                schema = json.loads(schema_path.read_text(encoding="utf-8"))
                Draft7Validator.check_schema(schema)
                address = f"{base}{lang}/schemas/data/{schema_path.name}" if base else None
                assert schema.get("$id") == address, schema_path
                errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft7Validator(schema).iter_errors(json.loads((data / name).read_text(encoding="utf-8")))]
                assert errors == [], (site.name, lang, name, errors[:5])
            for schema_path in sorted((site / lang / "schemas").glob("*.schema.json")):
                schema = json.loads(schema_path.read_text(encoding="utf-8"))
                assert schema.get("$id") == (f"{base}{lang}/schemas/{schema_path.name}" if base else None), schema_path


def test_a_schema_rejects_what_the_data_must_not_hold(demo_site: Path) -> None:
    import json

    from jsonschema import Draft7Validator

    schema = json.loads((demo_site / "en" / "schemas" / "data" / "obligations.schema.json").read_text(encoding="utf-8"))
    rows = json.loads((demo_site / "en" / "data" / "obligations.json").read_text(encoding="utf-8"))
    broken = [{**rows[0], "status": "finished"}, {**rows[1], "extra": 1}, {k: v for k, v in rows[2].items() if k != "due"}]
    assert len(list(Draft7Validator(schema).iter_errors(broken))) == 3


# --- calendars people subscribe to ---------------------------------------------------------------------------------


def test_calendars_are_subscribable_per_language_and_none_is_empty(real_site: Path, demo_site: Path) -> None:
    import icalendar

    for site, base in ((demo_site, DEMO_BASE_URL), (real_site, None)):
        for lang in ("vi", "en"):
            calendars = sorted((site / lang / "ics").glob("*.ics"))
            assert len(calendars) > 5
            for path in calendars:
                cal = icalendar.Calendar.from_ical(path.read_text(encoding="utf-8"))
                assert cal.walk("VEVENT"), path  # no calendar without an event
                # One language per calendar: the other language's words for "obligations" never appear in its name.
                assert ("Obligations" in str(cal["X-WR-CALNAME"])) == (lang == "en"), path
            downloads = (site / lang / "downloads" / "index.html").read_text(encoding="utf-8")
            agencies = sorted(p for p in (site / lang / "agencies").glob("*/index.html"))
            with_calendar = {p.stem for p in calendars} - {"plan"}
            for page in agencies:
                agency = page.parent.name
                text = page.read_text(encoding="utf-8")
                webcal = f'href="webcal://{base[len("https://"):]}{lang}/ics/{agency}.ics"' if base else None
                if agency in with_calendar:
                    assert f'href="../../ics/{agency}.ics"' in text, page
                    assert (webcal in text) if webcal else ("webcal:" not in text), page
                    assert webcal is None or webcal in downloads
                else:
                    # An agency without a dated duty: a sentence, not a file.
                    assert LABELS["calendar_none"][lang == "en"].split("{agency}")[1][:40] in text, page
                    assert f"ics/{agency}.ics" not in text and f"ics/{agency}.ics" not in downloads, page
            assert len(with_calendar) < len(agencies)  # both kinds of agency were seen
