"""Search: what is indexed, the keys of the index, the worker's folding, and the query set typed into the real search box.

Run alone: ``python3 -m pytest tests/test_search.py`` (the browser part uses the real site built once per run).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from conftest import PLAN_DATA, ROOT

from partracker.language.folding import fold_table
from partracker.language.labels import labels
from partracker.outputs import search, wording
from partracker.outputs.search import PageFacts, transform_index
from partracker.outputs.urls import Urls
from partracker.reading.dataset import require_plan
from partracker.tools import search_quality

QUERIES = ROOT / "tests" / "search-queries.yaml"


@pytest.fixture(scope="module")
def plan() -> Any:
    return require_plan(PLAN_DATA)


def index_of(site: Path, lang: str) -> dict[str, Any]:
    return json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))


def entries(site: Path, lang: str) -> dict[str, dict[str, Any]]:
    return {d["location"]: d for d in index_of(site, lang)["docs"]}


# --- words, pairs, codes -------------------------------------------------------------------------------


def test_words_fold_as_the_site_does() -> None:
    assert search.words("Đào tạo, bồi dưỡng") == ["dao", "tao", "boi", "duong"]
    assert search.words("District People's Committees") == ["district", "peoples", "committees"]
    assert search.words("Sở TT&TT") == ["so", "tt", "tt"]
    assert search.as_written("Một cửa liên thông, ban") == ["một", "cửa", "liên", "thông"]  # "ban" is the same folded


def test_pairs_stay_inside_phrases_and_may_skip_one_function_word() -> None:
    assert search.pairs("cơ chế một cửa, cơ chế", "vi") == ["_coche", "_chemot", "_motcua", "_cuaco", "_coche"]
    assert "_tintruyen" in search.pairs("Sở Thông tin và Truyền thông", "vi")
    assert "_xacong" not in search.pairs("cấp xã. Công khai", "vi")  # no pair across a full stop
    assert search.pairs("A-VIII-1 · Tiếp tục", "vi") == ["_tieptuc"]  # codes and "·" end a phrase
    # "của" (of) folds to "cua" like "cửa" (door): never skipped, so "một cửa" and "một của" stay apart.
    assert "_motcua" not in search.pairs("một việc của", "vi")


def test_codes_and_initials_as_people_type_them() -> None:
    assert search.code_tokens("A-VIII-1") == ["__aviii1", "__viii1"]
    assert search.code_tokens("B-II") == ["__bii", "__ii"]
    with pytest.raises(ValueError, match="Expected a task or section code"):
        search.code_tokens("A-8-1")
    assert search.initials("Sở Tư pháp", "vi") == ["stp"]
    assert search.initials("Sở Thông tin và Truyền thông", "vi") == ["stttt", "sttvtt"]
    assert search.initials("UBND tỉnh", "vi") == []  # "ut" would be a word, not a name


def test_abbreviations_expand_without_their_remarks() -> None:
    glossary = {
        "TTHC": "Thủ tục hành chính",
        "TT": "Thứ tự (cột số thứ tự của bảng)",
        "SNV": "Sở Nội vụ",
        "KH&CN": "Khoa học và Công nghệ (Sở KH&CN: Sở Khoa học và Công nghệ). Chữ viết tắt dùng trên trang này.",
    }
    assert search.expansions("Cải cách TTHC", glossary) == ["Thủ tục hành chính"]
    assert search.expansions("Sở TT&TT", glossary) == []  # two letters: too short to be sure
    assert search.expansions("Sở KH&CN", glossary) == ["Khoa học và Công nghệ"]
    assert search.abbreviations_of("Sở Nội vụ", glossary) == ["SNV"]


def test_transform_index_titles_keys_and_empty_sections() -> None:
    index = {
        "config": {"lang": ["vi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
        "docs": [
            {"location": "tasks/a-viii-1/", "title": "Nhiệm vụ A-VIII-1", "text": "<p>Thực hiện cơ chế một cửa</p>"},
            {"location": "tasks/a-viii-1/#chi-tieu", "title": "Chỉ tiêu", "text": ""},
            {"location": "agencies/so-tt/", "title": "Sở TT&amp;TT", "text": "<p>Loại đơn vị: Sở</p>"},
            {"location": "benchmark/", "title": "Đo hiệu năng", "text": "<p>Đo</p>", "boost": 0.1},
        ],
    }
    facts = {
        "tasks/a-viii-1/": PageFacts(title="A-VIII-1 · Thực hiện cơ chế một cửa", names=(), codes=("A-VIII-1",), definition=("Thực hiện cơ chế một cửa",), context=("Sở Nội vụ",)),
        "agencies/so-tt/": PageFacts(title="Sở Thông tin và Truyền thông (Sở TT&TT)", names=("Sở Thông tin và Truyền thông", "Sở TT&TT"), aliases=("stttt",)),
    }
    out = transform_index(index, lang="vi", facts=facts, glossary={"SNV": "Sở Nội vụ"})
    assert [d["location"] for d in out["docs"]] == ["tasks/a-viii-1/", "agencies/so-tt/", "benchmark/"]  # the empty section is gone
    task, agency, bench = out["docs"]
    assert task["title"] == "A-VIII-1 · Thực hiện cơ chế một cửa" and task["text"] == "<p>Thực hiện cơ chế một cửa</p>"
    assert task["k"].split() == ["__aviii1", "__viii1"]
    assert {"một", "mot", "_motcua"} <= set(task["c"].split())
    assert {"so", "noi", "vu", "_sonoi"} <= set(task["f"].split())  # context: folded, no accented words
    assert agency["title"] == "Sở Thông tin và Truyền thông (Sở TT&amp;TT)"  # titles are HTML, as Material writes them
    assert {"thông", "thong", "_tintruyen", "tt", "stttt"} <= set(agency["k"].split())
    assert bench["boost"] == 0.1 and "boost" not in task  # the page's front matter decides
    assert bench["k"].split() == ["đo", "hiệu", "năng", "do", "hieu", "nang", "_dohieu", "_hieunang"]  # a page without facts: its title names it
    assert out["config"]["fields"] == search.FIELDS and out["config"]["lang"] == ["vi"]
    assert index["docs"][0]["title"] == "Nhiệm vụ A-VIII-1" and index["config"]["fields"] == {}  # the input is left alone


def test_tables_are_left_out_of_search() -> None:
    html = markdown.markdown("Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", extensions=["tables", "partracker.outputs.search"])
    assert '<table data-search-exclude="true">' in html
    # Material's indexer skips the table: only the paragraph is left.
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(lang=["vi"], separator="[\\s\\-]+", pipeline=[], fields={})

    page = SimpleNamespace(meta={}, content="<h1 id='t'>T</h1>" + html, toc=[], url="p/", title="T")
    index.add_entry_from_context(page)
    assert [e["text"] for e in index.entries] == ["<p>Text.</p>"]


# --- the built index ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_index_holds_prose_with_readable_titles_and_page_weights(real_site: Path, plan: Any, lang: str) -> None:
    index = index_of(real_site, lang)
    docs = entries(real_site, lang)
    urls = Urls(None)
    word = labels(lang)
    assert index["config"]["fields"] == search.FIELDS
    raw = (real_site / lang / "search" / "search_index.json").read_bytes()
    assert len(raw) < 1024 * 1024 and len(gzip.compress(raw)) < 1024 * 1024
    for task in plan.tasks:
        page = urls.site_path(urls.task(task))
        # A task is one entry: its content, titled by code and short title; status tables, outputs and notes are not prose.
        assert [loc for loc in docs if loc.startswith(page)] == [page]
        assert docs[page]["title"] == word.format("task_code_title", id=task.id, title=wording.task_title(task, lang)).replace("&", "&amp;")
        assert "boost" not in docs[page]
        assert search.code_tokens(task.id)[0] in docs[page]["k"].split()
    for section in plan.sections:
        entry = docs[urls.site_path(urls.section(section))]
        assert entry["title"] == wording.section_title(plan, section, lang).replace("&", "&amp;") and entry["boost"] == 1.2
    for agency in plan.agencies:
        entry = docs[urls.site_path(urls.agency(agency))]
        assert entry["title"] == search.agency_title(plan, agency.id, lang).replace("&", "&amp;")
        assert not any(loc.startswith(f"agencies/{agency.id}/20") for loc in docs)  # yearly sheets stay out
    assert docs["agencies/so-tu-phap/"]["title"] == ("Sở Tư pháp" if lang == "vi" else "Department of Justice")
    assert "stp" in docs["agencies/so-tu-phap/"]["k"].split() and "snv" in docs["agencies/so-noi-vu/"]["k"].split()
    assert not any(loc.startswith("progress/compiled/20") for loc in docs)  # one period's report: reached from its index
    assert docs[""]["boost"] == 0.5 and docs["glossary/"]["boost"] == 0.3 and docs["progress/"]["boost"] == 0.3
    for project in ("benchmark/", "data-model/", "maintainers/", "contribute/", "coverage/"):
        assert docs[project]["boost"] == 0.1, project
    for loc, doc in docs.items():
        # Tables and charts are out: what is left outside paragraphs and lists holds no figure ("0% 25%", "31/12/2016").
        bare = re.sub(r"<(p|ul|ol|pre)>.*?</\1>", " ", doc["text"], flags=re.DOTALL)
        assert not re.search(r"\d", bare), (loc, bare[:120])
        assert "pt-fold" not in doc["text"]


def test_every_page_runs_the_search_through_the_rewrite(real_site: Path) -> None:
    workers = real_site / "vi" / "assets" / "javascripts" / "workers"
    material = sorted(p.name for p in workers.glob("search.*.min.js"))
    assert len(material) == 1 and (workers / "pt-search.js").is_file()
    for lang in ("vi", "en"):
        for rel in ("index.html", "tasks/a-i-1/index.html", "agencies/so-noi-vu/index.html"):
            page = (real_site / lang / rel).read_text(encoding="utf-8")
            config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.DOTALL).group(1))
            depth = "../" * (rel.count("/"))
            assert config["search"] == f"{depth}assets/javascripts/workers/pt-search.js?material={material[0]}", (lang, rel)
    assert (real_site / "vi" / "assets" / "javascripts" / "workers" / "pt-search.js").read_bytes() == (real_site / "en" / "assets" / "javascripts" / "workers" / "pt-search.js").read_bytes()


def test_the_worker_folds_a_query_as_the_index_folds_the_text(real_site: Path) -> None:
    node = shutil.which("node")
    assert node, "node is required (scripts/test.sh installs it)"
    letters = "".join(c for c in fold_table() if c.isalpha())  # every Latin and Vietnamese letter with a mark
    samples = [letters, letters.upper(), "Đào tạo, bồi dưỡng", "Sở TT&TT", "People’s Committees", "A-VIII-1", "ISO 9001:2008",
               "Quyết định 09/2015/QĐ-TTg", "mo\u0302\u0323t cu\u031b\u0309a"]  # the last typed decomposed
    script = (real_site / "vi" / "assets" / "javascripts" / "workers" / "pt-search.js").read_text(encoding="utf-8")
    runner = f"""
const vm = require("vm");
const self = {{ location: {{ href: "https://x/w/pt-search.js?material=search.0.min.js" }}, addEventListener() {{}}, postMessage() {{}} }};
self.self = self; self.URL = URL; self.importScripts = () => {{}};
vm.createContext(self);
vm.runInContext({json.dumps(script)}, self);
const samples = {json.dumps(samples, ensure_ascii=False)};
console.log(JSON.stringify({{
  words: samples.map(s => self.partrackerSearch.normalise(s)),
  rewrites: ["mot cua", "một cửa", "a viii 1", "AVIII1", "viii 1", "trang thiet bi", "+a -b"].map(q => self.partrackerSearch.rewrite(q)),
}}));
"""
    done = subprocess.run([node, "-e", runner], capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    assert got["words"] == [search.words(s) for s in samples]
    assert got["rewrites"] == [
        "mot^1 cua _motcua*^4",
        "một cửa mot^1 cua _motcua*^4",
        "a^1 viii^1 1 _aviii^4 _viii1*^4 __aviii1^40 __viii1^40",
        "aviii1 __aviii1^40",
        "viii^1 1 _viii1*^4 __viii1^40",
        "trang^1 thiet^1 bi _trangthiet^4 _thietbi*^4",  # "bi" in a longer query is a word, not section B-I
        "+a -b",  # lunr's own syntax passes untouched
    ]


# --- in the browser ---------------------------------------------------------------------------------------


def test_the_query_set_finds_its_pages_in_the_real_search_box(real_url: str, chromium: Any) -> None:
    queries = search_quality.load_queries(QUERIES)
    assert len(queries) >= 40 and {q.lang for q in queries} == {"vi", "en"}
    outcomes = search_quality.run(chromium, real_url, queries)
    figures = search_quality.figures(outcomes)
    misses = "\n".join(search_quality.misses(outcomes))
    for lang in ("vi", "en"):
        assert figures[lang]["rank1"] >= 0.85, f"{lang}: rank 1 for {figures[lang]['rank1']:.0%}\n{misses}"
        assert figures[lang]["top3"] == 1.0, f"{lang}: top 3 for {figures[lang]['top3']:.0%}\n{misses}"
    # What Material shows is what the worker answered.
    assert [o.query.query for o in outcomes if o.shown[:3] != o.results[:3]] == []


class _SubPath(http.server.SimpleHTTPRequestHandler):
    """Serves a site under /portal/par/ (a host that publishes it in a sub-folder)."""

    prefix = "/portal/par/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: Any) -> None:  # the base class's names
        pass


@pytest.fixture(scope="module")
def sub_path_url(real_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPath, directory=str(real_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{_SubPath.prefix}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize(("lang", "page", "query", "expect"), [("vi", "agencies/so-noi-vu/", "mot cua", "vi/plan/a-viii/"), ("en", "tasks/a-i-1/", "apology", "en/tasks/a-viii-6/")])
def test_search_works_deep_in_a_site_published_in_a_sub_folder(sub_path_url: str, chromium: Any, lang: str, page: str, query: str, expect: str) -> None:
    context = chromium.new_context()
    try:
        search_quality.watch(context)
        tab = context.new_page()
        search_quality.open_search(tab, f"{sub_path_url}{lang}/{page}")
        outcome = search_quality.ask(tab, sub_path_url, search_quality.Query(lang, query, expect, ""))
        assert outcome.rank == 1 and outcome.shown[0] == expect, outcome
        assert tab.evaluate("() => window.__ptWatch.url").startswith("../../assets/javascripts/workers/pt-search.js?material=search.")
        tab.locator(".md-search-result__item > a.md-search-result__link").first.click()
        tab.wait_for_url(re.compile(re.escape(f"{sub_path_url}{expect}") + r"(\?.*)?$"))
    finally:
        context.close()
