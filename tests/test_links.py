"""Link gate: no broken internal link or anchor anywhere in the built site; outside links only https and only from data.

Also the reproducibility gate: a clean build in a fresh process (another hash seed, through the CLI, from another
working directory) is byte-identical to an in-process build of the same data. It builds the small fictional plan
twice, so that the suite builds the real plan only once (and the demo once).

Run alone: ``python3 -m pytest tests/test_links.py``.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import (
    DEMO_BASE_URL,
    PLAN_DATA,
    ROOT,
    SITE_AS_OF,
    SOURCE_DATE_EPOCH,
    build_site_into,
)

OWN = "https://gialai-par-tracker.invalid/"
"""A site address for the checker's own test: links to the site's address are internal."""
LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src", "form": "action"}
_URL = re.compile(r"https://[^\s\"'<>\\)\]]+")


class _Page(HTMLParser):
    """The ids (and <a name>) a page defines, and every link it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])  # type: ignore[arg-type]
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])  # type: ignore[arg-type]
        attr = LINK_ATTRS.get(tag)
        if attr and values.get(attr) is not None:
            self.links.append(values[attr])  # type: ignore[arg-type]


def data_urls(*dirs: Path) -> set[str]:
    """Every https:// address written in the YAML data under ``dirs``: the only outside links the site may carry."""
    found: set[str] = set()
    for d in dirs:
        for path in sorted(d.rglob("*.yaml")):
            found |= {unquote(u) for u in _URL.findall(path.read_text(encoding="utf-8"))}
    return found


def link_problems(root: Path, *, allowed_external: set[str] | frozenset[str] = frozenset(), own: str = OWN) -> list[str]:
    """Every broken link of the built site at ``root``, as "file: link — reason", sorted.

    HTML pages: each href/src must resolve to a file inside ``root`` and each #fragment to an id of the target
    page; outside links must be https and listed in ``allowed_external``. The search indexes' locations and the
    own-site addresses in feeds, sitemaps and calendars are checked the same way.
    """
    pages: dict[Path, _Page] = {}

    def page(path: Path) -> _Page:
        if path not in pages:
            parsed = _Page()
            parsed.feed(path.read_text(encoding="utf-8"))
            pages[path] = parsed
        return pages[path]

    problems: list[str] = []

    def check(source: Path, base: str, link: str, *, shown: str | None = None) -> None:
        """``base`` is the source's directory as a path inside root ("vi/tasks/a-i-1"); ``shown`` the link as written."""
        where = f"{source.relative_to(root).as_posix()}: {shown or link}"
        parts = urlsplit(link)
        if parts.scheme == "data":
            return  # inline content (the 404 page's empty icon): nothing is fetched
        if parts.scheme or parts.netloc:
            # A calendar's subscribe link is the calendar's own address under the webcal: scheme.
            address = "https:" + link.split(":", 1)[1] if parts.scheme == "webcal" else link
            if address.startswith(own):
                check(source, "", address[len(own):], shown=link)
            elif parts.scheme != "https":
                problems.append(f"{where} — outside link is not https")
            elif unquote(link) not in allowed_external:
                problems.append(f"{where} — outside link that the data does not provide")
            return
        if parts.path:
            # Root-absolute links (MkDocs writes them on 404.html) mean the host root, where site_url puts the site.
            path = unquote(parts.path)
            rel = posixpath.normpath(path[1:] if path.startswith("/") else posixpath.join(base, path))
            if rel == ".." or rel.startswith("../"):
                problems.append(f"{where} — leaves the site")
                return
            target = root / rel
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{where} — no such file")
                return
        else:
            target = source
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page(target).ids:
            problems.append(f"{where} — no id {unquote(parts.fragment)!r} in {target.relative_to(root).as_posix()}")

    for path in sorted(root.rglob("*.html")):
        base = path.parent.relative_to(root).as_posix()
        for link in page(path).links:
            check(path, base, link)
    for path in sorted(root.rglob("search_index.json")):
        lang_root = path.parent.parent.relative_to(root).as_posix()
        for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
            check(path, lang_root, doc["location"] or "./")
    for pattern in ("*.xml", "*.ics", "robots.txt", "*.json"):
        for path in sorted(root.rglob(pattern)):
            text = path.read_text(encoding="utf-8").replace("\r\n ", "").replace("\n ", "")  # unfold ICS lines
            for url in sorted(set(re.findall(re.escape(own) + r"[^\s\"'<>\\]*", html.unescape(text)))):
                check(path, "", url)
    return sorted(problems)


def test_real_site_has_no_broken_link(real_site: Path) -> None:
    assert link_problems(real_site, allowed_external=data_urls(PLAN_DATA)) == []


def test_demo_site_has_no_broken_link(demo_site: Path) -> None:
    # The demo's sample reports carry evidence links (https://example.org/demo/…): allowed because the data gives them.
    # It is built with the address it would be published at: its absolute links to itself must resolve too.
    assert link_problems(demo_site, allowed_external=data_urls(PLAN_DATA, ROOT / "demo"), own=DEMO_BASE_URL) == []


def test_the_checker_flags_every_kind_of_broken_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "vi" / "tasks" / "a").mkdir(parents=True)
    (site / "vi" / "tasks" / "a" / "index.html").write_text('<h1 id="top">A</h1><a name="old"></a>', encoding="utf-8")
    (site / "vi" / "index.html").write_text(
        "<!doctype html><h2 id=\"here\">x</h2>"
        '<a href="tasks/a/">ok</a><a href="tasks/a/#top">ok</a><a href="tasks/a/#old">ok</a><a href="#here">ok</a><a href="">ok</a>'
        f'<a href="{OWN}vi/tasks/a/">ok</a><a href="https://example.org/given.pdf">ok</a>'
        '<a href="tasks/b/">missing page</a><a href="tasks/a/#gone">missing anchor</a><a href="#nowhere">missing local anchor</a>'
        '<a href="/vi/tasks/a/">ok</a><a href="/en/">missing language</a>'
        '<img src="logo.png"><link rel="icon" href="data:,"><a href="../../etc/passwd">outside</a><a href="javascript:alert(1)">js</a>'
        '<a href="http://example.org/given.pdf">http</a><a href="https://evil.example/">not from data</a>'
        f'<link rel="canonical" href="{OWN}vi/nothing/">'
        f'<a href="webcal:{OWN[6:]}vi/tasks/a/">ok</a><a href="webcal:{OWN[6:]}vi/ics/none.ics">missing calendar</a><a href="webcal://evil.example/x.ics">webcal elsewhere</a>',
        encoding="utf-8",
    )
    assert link_problems(site, allowed_external={"https://example.org/given.pdf"}) == sorted([
        "vi/index.html: #nowhere — no id 'nowhere' in vi/index.html",
        "vi/index.html: /en/ — no such file",
        "vi/index.html: ../../etc/passwd — leaves the site",
        f"vi/index.html: {OWN}vi/nothing/ — no such file",
        "vi/index.html: http://example.org/given.pdf — outside link is not https",
        "vi/index.html: https://evil.example/ — outside link that the data does not provide",
        "vi/index.html: javascript:alert(1) — outside link is not https",
        "vi/index.html: logo.png — no such file",
        "vi/index.html: tasks/a/#gone — no id 'gone' in vi/tasks/a/index.html",
        "vi/index.html: tasks/b/ — no such file",
        f"vi/index.html: webcal:{OWN[6:]}vi/ics/none.ics — no such file",
        "vi/index.html: webcal://evil.example/x.ics — outside link is not https",
    ])


def test_the_checker_flags_a_link_broken_in_a_copy_of_the_built_site(real_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    task = copy / "vi" / "tasks" / "a-i-1" / "index.html"
    html_text = task.read_text(encoding="utf-8")
    assert html_text.count('href="../../agencies/so-noi-vu/"') >= 1
    task.write_text(html_text.replace('href="../../agencies/so-noi-vu/"', 'href="../../agencies/so-noi-vu-cu/"', 1), encoding="utf-8")
    (copy / "en" / "agencies" / "so-tu-phap" / "index.html").unlink()
    problems = link_problems(copy, allowed_external=data_urls(PLAN_DATA))
    assert "vi/tasks/a-i-1/index.html: ../../agencies/so-noi-vu-cu/ — no such file" in problems
    assert "en/search/search_index.json: agencies/so-tu-phap/ — no such file" in problems
    assert all("so-noi-vu-cu" in p or "so-tu-phap" in p for p in problems)


# --- reproducibility: a clean build in a fresh process ------------------------------------------


def tree_differences(a: Path, b: Path) -> list[str]:
    """Relative paths that exist in only one tree or whose bytes differ, sorted."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    common = files_a & files_b
    return sorted((files_a ^ files_b) | {f for f in common if (a / f).read_bytes() != (b / f).read_bytes()})


def test_a_clean_build_by_the_cli_in_a_fresh_process_is_byte_identical(mini_plan: Path, tmp_path: Path) -> None:
    first = build_site_into(tmp_path / "in-process", data_dir=mini_plan)
    # A fixed hash seed unlike this process's random one would reorder any set iteration the build leaks into its output.
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "1"}
    out = tmp_path / "by-cli"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "partracker", "build", "--data", str(mini_plan), "--site-dir", str(out), "--as-of", SITE_AS_OF.isoformat(), "--config", str(ROOT / "mkdocs.yml")],
        capture_output=True, text=True, cwd=elsewhere, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (first / "vi" / "tasks").iterdir())  # a real site, not an empty tree
    assert tree_differences(first, out) == []


def test_tree_differences_sees_one_changed_byte_and_one_extra_file(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "vi").mkdir(parents=True)
        (tmp_path / name / "vi" / "index.html").write_bytes(b"<p>same</p>")
        (tmp_path / name / "feed.xml").write_bytes(b"<feed>2017-06-01</feed>")
    (tmp_path / "b" / "feed.xml").write_bytes(b"<feed>2017-06-02</feed>")
    (tmp_path / "b" / "vi" / "extra.js").write_bytes(b"")
    assert tree_differences(tmp_path / "a", tmp_path / "b") == ["feed.xml", "vi/extra.js"]
