"""The search index (Chỉ mục tìm kiếm): Material's lunr search, made to find what readers type.

Material 9.8.2 writes ``search/search_index.json`` (one entry per page and per heading with an id)
and searches it in a web worker. Left alone it fails Vietnamese readers: a query without diacritics
("mot cua") finds nothing, "cua" is also "của" ("of"), titles are bare codes and previews are table
text. Four parts, each in one place:

- **What is indexed.** Tables hold data, not prose: :class:`TablesOutOfSearch` (a Markdown extension
  named in ``mkdocs.yml``) marks every table ``data-search-exclude``, which Material's indexer skips;
  templates mark charts, provenance blocks and status sections the same way. Page weights are
  Material's front matter ``search: boost:`` / ``search: exclude:`` in the page templates.
- **Index keys** (:func:`transform_index`, run by the MkDocs adapter after Material wrote the index):
  three fields that Material's worker indexes but never shows — ``k`` (what the page is called: a
  section's title, an agency's names and initials, codes as people type them), ``c`` (what a task
  says: its whole content) and ``f`` (the prose of the entry and its context). Each holds folded words
  (:func:`words`: "một" → "mot", the one folding rule of :mod:`partracker.language.folding`) and
  folded word pairs, one token per pair with a leading underscore ("một cửa" → ``_motcua``). Result
  titles name the task by code *and* short title, agencies by name.
- **The query** (``templates/assets/pt-search.js.j2``, published next to Material's worker and loaded in
  its place by ``overrides/main.html``): folds what is typed with the same table of characters,
  asks for the pairs ("mot cua" → ``_motcua``), codes in any spelling ("a viii 1" → ``__aviii1``),
  English stems and, for a word that matches nothing, its near spellings; then runs Material's worker
  unchanged. Typed words never start with "_", so Material's automatic prefix match (``mot*``) never
  reaches a pair: only the rewritten query does. That is how "mot cua" prefers "một cửa" while "cua"
  alone still matches "của".
- **The proof**: ``tests/search-queries.yaml``, run through the real search box in Chromium by the
  tests and by ``partracker bench`` (:mod:`partracker.tools.search_quality`).
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from partracker.domain.model import Plan
from partracker.language.folding import fold_diacritics, fold_table
from partracker.language.labels import labels
from partracker.language.text import Lang
from partracker.outputs import wording
from partracker.outputs.context import BuildContext
from partracker.outputs.items import DataFile

# --- tuning (measured on tests/search-queries.yaml; see docs/en/maintainers.md) ----------------------------

FIELDS: dict[str, dict[str, float]] = {
    # Material's defaults are title 1000, text 1, tags 1e6. Titles are split at spaces and "-" only, so their
    # words keep their punctuation ("cửa,", "(UBND"): a light signal. k carries names, accented and folded, at the
    # old weight. (At 30 and above, "UBND tỉnh" found the office "Văn phòng UBND tỉnh" before the committee itself.)
    "title": {"boost": 10.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 1e6},
    "k": {"boost": 1000.0},
    # A task's content, a little below a name: "UBND cấp huyện" must find the agency of that name before the
    # tasks that mention it. Material sets lunr's b = 0 (no length normalisation), so a long content that merely
    # contains the words would otherwise tie with a name; 500 and 1000 each lost queries of the set, 700 none.
    "c": {"boost": 700.0},
    "f": {"boost": 1.0},
}
"""The index's fields and their lunr boosts (``config.fields`` of search_index.json)."""

PAIR = "_"
"""Marks a folded word pair ("_motcua"): typed words never start with it, so Material's prefix match never reaches one."""
CODE = "__"
"""Marks a code token ("__aviii1"), distinct from pairs: the pair "_aviii…" of "a viii" never matches a code."""
PAIR_BOOST = 4
"""Weight of a typed word pair in the query ("mot cua" → _motcua^4); 2, 4 and 8 ranked the query set alike."""
CODE_BOOST = 40
"""Weight of a code typed in any spelling ("a viii 1" → __aviii1^40): a code names exactly one page."""
FUZZY_MIN = 5
"""Typed words at least this long that begin no word of the index are also looked up one typo away."""

PAIR_SKIP: dict[str, frozenset[str]] = {
    # Words a pair may skip, so "Thông tin và Truyền thông" also pairs "tin truyen" across "và". Only words that
    # stay unambiguous once folded: "của" (of) is not here, since it folds to "cua" like "cửa" (door).
    "vi": frozenset({"va", "cac", "nhung", "la", "voi", "tai", "theo", "trong", "duoc", "cho", "ve", "do"}),
    "en": frozenset({"the", "of", "and", "a", "an", "to", "in", "for", "on", "at", "by", "with", "or", "as", "its", "s"}),
}
"""Folded function words, by language: skipped by pairs (one at a time) and by initials ("Sở Thông tin và Truyền thông" → stttt)."""

# --- what is indexed ---------------------------------------------------------------------------------


class _MarkTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            # Any value: Material's indexer tests the attribute's presence, then removes the attribute
            # (with its value) from the published page.
            table.set("data-search-exclude", "true")


class TablesOutOfSearch(Extension):
    """Markdown extension: every table is left out of Material's search index.

    Material's indexer keeps paragraphs and lists as prose and every other text — table cells
    included — as bare text, so a task's obligations table made most of its entry and of the
    result previews ("31/12/2016 Chưa có báo cáo …"). What a table says that search needs (a task's
    lead agency, targets, outputs) is indexed from the plan instead (:func:`page_facts`).
    """

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.treeprocessors.register(_MarkTables(md), "partracker_tables_out_of_search", 0)


def makeExtension(**kwargs: Any) -> TablesOutOfSearch:  # Python-Markdown's name
    """What ``markdown_extensions: [partracker.outputs.search]`` in mkdocs.yml loads."""
    return TablesOutOfSearch(**kwargs)


# --- words, pairs, codes ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(r"['’]")
_TAG = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    """The folded words of a plain text: "Đào tạo, bồi dưỡng" → dao tao boi duong; "People's" → peoples.

    The search worker folds a query the same way (``normalise()`` of pt-search.js, with the table of
    :func:`~partracker.language.folding.fold_table`); a test holds the two to the same result.
    """
    return _WORD.findall(_APOSTROPHE.sub("", fold_diacritics(text).lower()))


def as_written(text: str) -> list[str]:
    """The words of a plain text in lower case with their diacritics, where they differ from the folded ones."""
    return [w for w in (m.lower() for m in _WORD.findall(_APOSTROPHE.sub("", text))) if words(w) != [w]]


def plain(markup: str) -> str:
    """The text of an HTML fragment."""
    return html.unescape(_TAG.sub(" ", markup))


_CODE = re.compile(r"^([A-Z])-([IVX]+)(?:-(\d+))?$")
_PHRASE_BREAK = re.compile(r"[.;:!?()\[\]…·\n]|\s[-–—]\s|\b[A-Z]-[IVX]+(?:-\d+)?\b")
"""Where word pairs stop: sentence punctuation, the "·" of result titles, and codes (which have tokens of their own)."""


def pairs(text: str, lang: Lang) -> list[str]:
    """Folded word pairs of a plain text, within phrases: "một cửa, cơ chế" → _motcua _cuaco _coche.

    Besides adjacent words, a pair may skip one word of :data:`PAIR_SKIP` ("tin và truyền" → _tintruyen).
    """
    out: list[str] = []
    skip = PAIR_SKIP[lang]
    for phrase in _PHRASE_BREAK.split(text):
        ws = words(phrase)
        for i in range(len(ws) - 1):
            out.append(PAIR + ws[i] + ws[i + 1])
            if ws[i + 1] in skip and i + 2 < len(ws):
                out.append(PAIR + ws[i] + ws[i + 2])
    return out


def code_tokens(code: str) -> list[str]:
    """Tokens of a task or section code, as people type it: A-VIII-1 → __aviii1 and, without the group, __viii1."""
    m = _CODE.match(code)
    if not m:
        raise ValueError(f"Expected a task or section code such as 'A-VIII-1' or 'B-II' but received: {code!r}")
    group, roman, number = m.group(1).lower(), m.group(2).lower(), m.group(3) or ""
    return [CODE + group + roman + number, CODE + roman + number]


def initials(name: str, lang: Lang) -> list[str]:
    """What a name is shortened to: "Sở Tư pháp" → stp; "Sở Thông tin và Truyền thông" → sttvtt and stttt."""
    ws = words(name)
    found = {"".join(w[0] for w in ws), "".join(w[0] for w in ws if w not in PAIR_SKIP[lang])}
    return sorted(i for i in found if len(i) >= 3)  # "UBND tỉnh" → "ut" would be a word, not a name


# --- the glossary ------------------------------------------------------------------------------------


def meaning_head(meaning: str) -> str:
    """The meaning of an abbreviation without its remarks: up to the first "(", ".", ";" or ":"."""
    return re.split(r"\s*[(.;:]", meaning, maxsplit=1)[0].strip()


def expansions(text: str, glossary: Mapping[str, str]) -> list[str]:
    """The meanings of the abbreviations that occur as whole words in ``text``: "Cải cách TTHC" → ["Thủ tục hành chính"].

    Abbreviations under three letters are left out: "TT" (Thứ tự) is also half of "Sở TT&TT".
    """
    found = []
    joined = " " + " ".join(words(text)) + " "
    for abbr, meaning in glossary.items():
        key = " ".join(words(abbr))
        if len(key.replace(" ", "")) >= 3 and f" {key} " in joined:
            found.append(meaning_head(meaning))
    return found


def abbreviations_of(name: str, glossary: Mapping[str, str]) -> list[str]:
    """The abbreviations whose meaning is ``name``: "Sở Nội vụ" → ["SNV"]."""
    target = words(name)
    return [abbr for abbr, meaning in glossary.items() if words(meaning_head(meaning)) == target]


def glossary_of(plan: Plan, lang: Lang) -> dict[str, str]:
    """Abbreviation → meaning in ``lang``."""
    return {g.abbr: g.meaning.get(lang) for g in plan.glossary}


# --- what the plan says about each page -----------------------------------------------------------------


@dataclass(frozen=True)
class PageFacts:
    """What the index needs to know about a page beyond its text, from the plan."""

    title: str | None = None
    """The result title of the page ("A-VIII-1 · Tiếp tục duy trì…"); None keeps the page's heading."""
    names: tuple[str, ...] | None = None
    """Texts that name the page (field k); None: its title. Tasks have none: a name would outrank their content."""
    codes: tuple[str, ...] = ()
    """Task or section codes ("A-VIII-1")."""
    aliases: tuple[str, ...] = ()
    """Single words that also name the page: initials ("stp"), abbreviations ("SNV")."""
    definition: tuple[str, ...] = ()
    """Texts that say what the page is about without naming it (field c): a task's content."""
    context: tuple[str, ...] = ()
    """Texts about the page's surroundings (field f): a task's section, lead agency, outputs, targets."""
    support: tuple[str, ...] = ()
    """Texts that show how much a page is about its own name: the words of the name found in them are counted
    again (field f). A-VIII and B-II are both "Thực hiện cơ chế một cửa…", but only A-VIII's tasks speak of
    "một cửa". (The whole texts would let the section match its tasks' words and rank above the task itself.)"""


def agency_title(plan: Plan, agency_id: str, lang: Lang) -> str:
    """An agency's result title: its name, with its short name when that adds a word ("Sở Thông tin và Truyền thông (Sở TT&TT)")."""
    agency = plan.agency(agency_id)
    name, short = agency.name.get(lang), agency.short.get(lang)
    if set(words(short)) <= set(words(name)):
        return name
    return labels(lang).format("name_with_short", name=name, short=short)


def page_facts(ctx: BuildContext, lang: Lang) -> dict[str, PageFacts]:
    """The facts of every section, task and agency page of ``lang``, by page address ("tasks/a-viii-1/")."""
    plan, urls, word = ctx.plan, ctx.urls, labels(lang)
    glossary_vi = glossary_of(plan, "vi")
    out: dict[str, PageFacts] = {}
    for section in plan.sections:
        out[urls.site_path(urls.section(section))] = PageFacts(
            title=wording.section_title(plan, section, lang),
            names=(section.title.get(lang),),
            codes=(section.id,),
            support=tuple(t.content.get(lang) for t in section.tasks),
        )
    for task in plan.tasks:
        section = plan.section(task.section)
        # What the reports say (notes, evidence documents) is prose in a table: indexed from the reports that count.
        reported = [t for _, e in ctx.entries_by_task.get(task.id, ()) for t in ((e.note.get(lang),) if e.note else ()) + tuple(ev.document for ev in e.evidence)]
        out[urls.site_path(urls.task(task))] = PageFacts(
            title=word.format("task_code_title", id=task.id, title=wording.task_title(task, lang)),
            names=(),
            codes=(task.id,),
            # All of the content says what the task is, not only the part a result title shows.
            definition=(task.content.get(lang),),
            context=(section.title.get(lang), task.lead.text.get(lang), *(o.get(lang) for o in task.outputs), *(t.metric.get(lang) for t in task.targets), *reported),
        )
    for agency in plan.agencies:
        names = [agency.name.get(lang), agency.short.get(lang)]
        if lang != "vi":  # documents and people use the Vietnamese names, on the English site too
            names += [agency.name.vi, agency.short.vi]
        aliases = {a for n in (agency.name.vi, agency.short.vi) for a in initials(n, "vi") + abbreviations_of(n, glossary_vi)}
        out[urls.site_path(urls.agency(agency))] = PageFacts(
            title=agency_title(plan, agency.id, lang),
            names=tuple(dict.fromkeys(names)),
            aliases=tuple(sorted(aliases)),
        )
    return out


# --- the index ----------------------------------------------------------------------------------------


def _unique(tokens: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in tokens if t))


def name_keys(texts: Iterable[str], lang: Lang, glossary: Mapping[str, str], *, accented: bool = True) -> list[str]:
    """Keys of texts that name or define a page: words as written and folded, pairs, and the same for the
    meanings of their abbreviations ("Cải cách TTHC" also gives thủ tục hành chính).

    Words as written are there for queries typed with diacritics, which Material still matches as typed:
    "thủ tục" must reach the section named "Cải cách TTHC" through the expansion.
    """
    out: list[str] = []
    for text in texts:
        for t in (text, *expansions(text, glossary)):
            out += (as_written(t) if accented else []) + words(t) + pairs(t, lang)
    return out


def body_keys(text: str, lang: Lang, glossary: Mapping[str, str]) -> list[str]:
    """Keys of an entry's prose: its folded words and pairs, and those of the meanings of its abbreviations.

    Every folded word is written, also one without diacritics: Material's tokenizer splits on spaces and
    "-" only, so the text holds "procedures," and "cửa;" with their punctuation, and the exact words the
    query asks for need a clean token.
    """
    out = words(text) + pairs(text, lang)
    for meaning in expansions(text, glossary):
        out += words(meaning) + pairs(meaning, lang)
    return out


def transform_index(index: Mapping[str, Any], *, lang: Lang, facts: Mapping[str, PageFacts], glossary: Mapping[str, str]) -> dict[str, Any]:
    """A new search index from the one Material wrote: result titles, and the keys k, c and f of every entry.

    ``facts`` maps page addresses ("tasks/a-viii-1/") to :class:`PageFacts`, ``glossary`` abbreviations to
    their meanings in ``lang``. A heading whose section holds no text (only a table, a chart or a
    status list, all left out of the index) is no entry: nothing to show, nothing to find. The input is
    not modified.
    """
    docs: list[dict[str, Any]] = []
    for doc in index["docs"]:
        location = doc["location"]
        page, _, anchor = location.partition("#")
        text = doc.get("text", "")
        if anchor and not plain(text).strip():
            continue
        fact = facts.get(page, PageFacts())
        entry: dict[str, Any] = dict(doc)
        if fact.title is not None and not anchor:
            entry["title"] = html.escape(fact.title, quote=False)  # Material's titles are HTML
        title = html.unescape(entry["title"])
        body = body_keys(plain(text), lang, glossary)
        if anchor:  # a section of a page: its heading names it
            k = name_keys((title,), lang, glossary)
            c: list[str] = []
            echo: list[str] = []
        else:
            k = name_keys((title,) if fact.names is None else fact.names, lang, glossary)
            k += [t for code in fact.codes for t in code_tokens(code)] + [w for a in fact.aliases for w in words(a)]
            c = name_keys(fact.definition, lang, glossary)
            body += name_keys(fact.context, lang, glossary, accented=False)
            own = set(k)
            echo = [t for t in _unique(name_keys(fact.support, lang, glossary, accented=False)) if t in own]
        k = _unique(k)
        named = set(k)
        fields = {
            "k": k,
            "c": _unique(t for t in c if t not in named),  # what the name says counts once
            "f": _unique(body) + echo,  # the echo repeats name words on purpose: how often they recur is the signal
        }
        for name, tokens in fields.items():
            if tokens:
                entry[name] = " ".join(tokens)
        docs.append(entry)
    return {"config": {**index["config"], "fields": FIELDS}, "docs": docs}


def rewrite_index_file(path: Path, ctx: BuildContext, lang: Lang) -> tuple[int, int]:
    """Replace the index Material wrote at ``path`` by :func:`transform_index`'s; its sizes before and after, in bytes."""
    raw = path.read_bytes()
    index = transform_index(json.loads(raw), lang=lang, facts=page_facts(ctx, lang), glossary=glossary_of(ctx.plan, lang))
    out = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(out)
    return len(raw), len(out)


# --- the query: the search worker -------------------------------------------------------------------------


def worker_script(ctx: BuildContext) -> str:
    """pt-search.js: the query rewrite in front of Material's search worker, with the site's folding table."""
    constants = {
        "PAIR": PAIR,
        "CODE": CODE,
        "PAIR_BOOST": PAIR_BOOST,
        "CODE_BOOST": CODE_BOOST,
        "FUZZY_MIN": FUZZY_MIN,
        "GROUPS": "".join(sorted(g.id.lower() for g in ctx.plan.groups)),
    }
    return ctx.templates.get_template("assets/pt-search.js.j2").render(
        fold_map=Markup(json.dumps(fold_table(), ensure_ascii=True, sort_keys=True)),
        constants=Markup(json.dumps(constants, sort_keys=True)),
    )


def worker_files(ctx: BuildContext, lang: Lang) -> Iterator[DataFile]:
    """The search worker, the same in both languages, published next to Material's own."""
    yield DataFile(ctx.urls.search_worker, ctx.shared("pt-search.js", lambda: worker_script(ctx)))
