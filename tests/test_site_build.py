"""The built bilingual site: languages, links, offline, reproducibility, strict failure (search: test_search.py)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from partracker.language.folding import slugify
from partracker.language.labels import LABELS
from partracker.language.text import Text
from partracker.outputs.pages import coverage
from partracker.outputs.render import md_escape, safe_url

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built(real_site: Path) -> Path:
    """The real site (shared with every other gate; read only)."""
    return real_site


def pages(root: Path, lang: str) -> list[Path]:
    return sorted((root / lang).rglob("index.html"))


def test_every_page_exists_in_both_languages_with_lang_and_a_switch_to_the_same_page(built: Path) -> None:
    vi = {p.relative_to(built / "vi") for p in pages(built, "vi")}
    en = {p.relative_to(built / "en") for p in pages(built, "en")}
    assert vi == en
    assert Path("tasks/a-i-1/index.html") in vi and Path("agencies/so-noi-vu/index.html") in vi
    for lang in ("vi", "en"):
        for rel in sorted(vi):
            html = (built / lang / rel).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html
            depth = len(rel.parts)
            page = "" if rel.parent == Path(".") else rel.parent.as_posix() + "/"
            for other in ("vi", "en"):
                assert f'<a href="{"../" * depth}{other}/{page}" hreflang="{other}" lang="{other}" class="md-select__link">' in html, (lang, rel)
            # hreflang lives in the sitemaps (tests/test_web.py): a <link rel="alternate"> to a page made Material fetch a missing sitemap.
            assert '<link rel="alternate" hreflang' not in html, (lang, rel)


def test_english_pages_carry_no_vietnamese_interface_label(built: Path) -> None:
    vi_only = sorted({vi for vi, en in LABELS.values() if vi != en and len(vi) > 4})
    for rel in ("index.html", "tasks/a-i-1/index.html", "agencies/so-noi-vu/index.html", "downloads/index.html", "plan/index.html"):
        html = (built / "en" / rel).read_text(encoding="utf-8")
        found = [label for label in vi_only if f">{label}<" in html or f"{label}</" in html]
        assert found == [], rel


def test_footer_gives_the_as_of_date(built: Path) -> None:
    assert "Số liệu tính đến 01/06/2017 (giờ Asia/Ho_Chi_Minh)" in (built / "vi" / "index.html").read_text(encoding="utf-8")
    assert "Data as of 1 June 2017 (Asia/Ho_Chi_Minh)" in (built / "en" / "index.html").read_text(encoding="utf-8")


def test_no_request_or_link_to_another_host(built: Path) -> None:
    # Without a deployment address every link is relative; the shipped data links nowhere outside.
    for path in sorted(built.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert re.findall(r'(?:href|src)="(https?://[^"]+)"', html) == [], path
        assert "fonts.googleapis" not in html


def test_root_redirects_to_vietnamese(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=vi/">' in html
    assert '<a href="en/">' in html


def test_downloads_exist(built: Path) -> None:
    for lang in ("vi", "en"):
        for rel in ("data/plan.json", "data/tasks.csv", "schemas/section.schema.json"):
            assert (built / lang / rel).is_file(), (lang, rel)


_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)<a class="headerlink"', re.S)


def test_every_heading_anchor_is_the_one_slug_of_its_text(built: Path) -> None:
    # "Đ/đ" folds to "d" in anchors as in search and ids: "Nghĩa vụ sắp đến hạn" → nghia-vu-sap-den-han, never …-en-han.
    from markdown.extensions.toc import slugify as markdown_slugify

    ours = theirs = with_d = 0
    for lang in ("vi", "en"):
        for page in pages(built, lang):
            for _, anchor, inner in _HEADING.findall(page.read_text(encoding="utf-8")):
                text = html.unescape(re.sub(r"<[^>]+>", "", inner))
                base = re.sub(r"_\d+$", "", anchor)
                ours += base == slugify(text)
                with_d += base == slugify(text) and "đ" in text.lower()
                # An id set in a template ({#a}) is neither; Python-Markdown's own slug must never appear where it differs.
                theirs += base == markdown_slugify(text, "-") != slugify(text)
    assert theirs == 0 and ours > 1000 and with_d > 0, (ours, theirs, with_d)
    assert slugify("Nghĩa vụ sắp đến hạn") == "nghia-vu-sap-den-han"


def test_data_text_never_becomes_markup() -> None:
    md = markdown.Markdown(extensions=["tables", "attr_list", "toc"])
    for evil in ('Tiêu đề {: onclick="x" }', "<script>alert(1)</script>", "[x](javascript:alert(1))", "1. *a* _b_ `c` | d"):
        html = md.reset().convert(f"# {md_escape(evil)}\n\n| a |\n|---|\n| {md_escape(evil)} |\n\n- {md_escape(evil)}\n")
        assert not re.search(r"<[^>]*\sonclick=", html) and "<script" not in html and 'href="javascript' not in html
        assert "<em>" not in html and "<code>" not in html and "<ol>" not in html
    html = md.reset().convert("# " + md_escape('Tiêu đề {: onclick="x" }'))
    assert html == '<h1 id="tieu-e-onclickx">Tiêu đề {: onclick="x" }</h1>'
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/a b") == "https://example.org/a%20b"


def test_coverage_counts_missing_english() -> None:
    total, missing = coverage([("a", Text("Một", "One")), ("b", Text("Hai", "")), ("c", Text("Ba", "TODO"))])
    assert (total, missing) == (3, ["b", "c"])


def test_shipped_data_is_fully_translated(built: Path) -> None:
    html = (built / "en" / "coverage" / "index.html").read_text(encoding="utf-8")
    assert LABELS["all_translated"][1] in html


def test_bad_data_fails_the_build_with_a_located_message(tmp_path: Path) -> None:
    data = tmp_path / "plan-data"
    shutil.copytree(ROOT / "plan-data", data)
    f = data / "tasks" / "A-I.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("confidence:", "confidance:", 1), encoding="utf-8")
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "partracker", "build", "--data", str(data), "--site-dir", str(out), "--as-of", "2017-06-01", "--lang", "en"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert re.search(r"plan-data/tasks/A-I\.yaml:\d+:\d+: ", run.stderr), run.stderr
    assert "nothing was published" in run.stderr
    assert not out.exists()


def test_agency_index_is_in_vietnamese_alphabetical_order_on_vi_pages(built: Path) -> None:
    text = (built / "vi" / "agencies" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<a href="[a-z0-9-]+/">([^<]+)</a>', text)
    # "Đài …" sorts after every name starting with "D…"/"C…" and before "Sở …"; "Ủy ban …" after "Sở …".
    assert names.index("Cơ quan, đơn vị liên quan") < names.index("Đài Phát thanh - Truyền hình tỉnh") < names.index("Sở Nội vụ") < names.index("Ủy ban nhân dân tỉnh Gia Lai")
    en = (built / "en" / "agencies" / "index.html").read_text(encoding="utf-8")
    en_names = re.findall(r'<a href="[a-z0-9-]+/">([^<]+)</a>', en)
    assert en_names == sorted(en_names, key=str.casefold)


def test_vietnamese_pages_carry_no_english_theme_string(built: Path) -> None:
    # Material 9.8's own Vietnamese translation leaves a few strings in English; overrides/partials/languages/custom.html mends them.
    for page in (built / "vi" / "index.html", built / "vi" / "tasks" / "a-i-1" / "index.html"):
        html_text = page.read_text(encoding="utf-8")
        assert "Initializing search" not in html_text and "Đang khởi tạo tìm kiếm" in html_text
        assert '<html lang="vi"' in html_text


def _text(path: Path) -> str:
    """A page's visible text, whitespace folded (tags dropped, entities decoded)."""
    import html as html_lib

    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())
    return re.sub(r"\s+([.,;:)])", r"\1", text)


def _section(text: str, heading: str, following: str | None = None) -> str:
    """The page text after the last ``heading`` (the first ones are the table of contents), up to ``following``."""
    body = text.rpartition(heading)[2]
    return body.rpartition(following)[0] if following else body


def test_uncertain_readings_are_never_shown_as_certain(built: Path) -> None:
    # Task page: the printed cell, then the probable reading and the column doubt, in both languages.
    vi = _text(built / "vi" / "tasks" / "a-iii-2" / "index.html")
    assert "có thể là: Sở Tư pháp (mức tin cậy trung bình)" in vi and "chủ trì hoặc phối hợp — cột không chắc chắn: Sở Tư pháp" in vi
    en = _text(built / "en" / "tasks" / "a-iii-2" / "index.html")
    assert "Lead agency […] probably: Department of Justice (medium certainty) (lead or coordinating — column uncertain: Department of Justice)" in en
    assert "Lead agency — probably: Department of Justice (medium certainty). OCR fragments: line 333 T; line 334 P. Reasoning: Between column 2" in en
    assert "for full and timely announcement equal to 100% (assignment uncertain; lead or coordinating — column uncertain)" in en
    # An agency that probably owes a duty sees it on its page and its yearly sheets, flagged.
    commune = _text(built / "en" / "agencies" / "ubnd-cap-xa" / "index.html")
    probable = _section(commune, "Probably yours (assignment uncertain)", "Obligations by year")
    assert "A-VII-2" in probable and "A-VIII-5" in probable
    sheet = _text(built / "en" / "agencies" / "ubnd-cap-xa" / "2017" / "index.html")
    assert "(assignment uncertain)" in _section(sheet, "Probably yours (assignment uncertain)")
    # Báo Gia Lai no longer inherits the public service units' duties.
    paper = _text(built / "en" / "agencies" / "bao-gia-lai" / "index.html")
    assert "A-I-1" in paper and "A-V-1" not in paper and "C-III-1" not in paper


def test_about_the_source_lists_every_uncertain_reading(built: Path) -> None:
    page = _text(built / "en" / "source" / "index.html")
    for heading in ("Uncertain readings", "Probable readings of agency cells", "Agencies whose column is uncertain", "Targets whose figure is lost"):
        assert heading in page, heading
    probable = _section(page, "Probable readings of agency cells", "Agencies whose column is uncertain")
    for task_id in ("A-III-2", "A-VII-3", "A-VII-2", "A-VIII-5", "A-IV-1", "A-VII-5"):
        assert task_id in probable, task_id
    assert "A-II-1" in _section(page, "Agencies whose column is uncertain", "Targets whose figure is lost")
    lost = _section(page, "Targets whose figure is lost")
    assert "A-III-3" in lost and "A-VIII-1" in lost and "[…] (figure lost in the source)" in lost
    # Readings that live outside the tasks: the decision, the reporting regime, group B, sections, the closing paragraph.
    listed = _section(page, "Uncertain readings", "Probable readings of agency cells")
    for part in ("Decision 934/QĐ-UBND", "Reporting regime", "Group B", "Section B-I", "Closing paragraph"):
        assert part in listed, part


def test_targets_whose_figure_is_lost_are_listed_everywhere(built: Path) -> None:
    task = _text(built / "en" / "tasks" / "a-viii-1" / "index.html")
    assert "Target for 2017: Share of administrative procedures within the competence […]" in task and "(figure lost in the source)" in task
    targets = json.loads((built / "en" / "data" / "targets.json").read_text(encoding="utf-8"))
    rows = [r for r in targets if (r["task"], r["target"]) == ("A-VIII-1", "t3")]
    assert len(rows) == 5 and all((r["level"], r["comparator"], r["met"], r["level_lost"]) == (None, None, None, True) for r in rows)
    assert "[…] (figure lost in the source)" in _text(built / "en" / "progress" / "targets" / "a-viii" / "index.html")
    plan = json.loads((built / "en" / "data" / "plan.json").read_text(encoding="utf-8"))
    a33 = next(t for g in plan["groups"] for s in g["sections"] for t in s["tasks"] if t["id"] == "A-III-3")
    assert a33["targets"][2] == {**a33["targets"][2], "id": "t3", "value": None, "comparator": None, "value_lost": True}
