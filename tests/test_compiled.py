"""The consolidated periodic report: the same figures in the page, the JSON and the Word draft, read by two readers."""

from __future__ import annotations

import html
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import DEMO_AS_OF, MINI_PLAN, ROOT, SITE_AS_OF

from partracker.language.labels import labels
from partracker.outputs import compiled
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.tools.cli import main

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def demo() -> BuildContext:
    return BuildContext.load(BuildOptions(data_dir=ROOT / "plan-data", as_of=DEMO_AS_OF, demo=True))


@pytest.fixture(scope="module")
def real() -> BuildContext:
    return BuildContext.load(BuildOptions(data_dir=ROOT / "plan-data", as_of=SITE_AS_OF))


def document_text(data: bytes) -> str:
    """Every paragraph of the body, its tables and its headers, one per line, as python-docx reads them."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            lines += [p.text for p in header.paragraphs]
    return "\n".join(lines)


def test_the_draft_has_the_administrative_layout_and_says_it_is_a_draft(demo: BuildContext) -> None:
    report = compiled.compile_period(demo, "2017-q1")
    text = document_text(compiled.docx_bytes(report, demo))
    for line in ("ỦY BAN NHÂN DÂN TỈNH GIA LAI", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:        /BC-SNV", "BÁO CÁO", "Nơi nhận:", "GIÁM ĐỐC"):
        assert line in text, line
    assert labels("vi")["compiled.draft_notice"] in text
    # A DEMO build says so on every page, in a header line and a watermark.
    assert labels("vi").demo_banner in text
    package = zipfile.ZipFile(io.BytesIO(compiled.docx_bytes(report, demo)))
    headers = [package.read(p).decode("utf-8") for p in package.namelist() if p.startswith("word/header")]
    assert headers and all(labels("vi")["compiled.demo_watermark"] in h for h in headers)


def test_every_agency_that_owed_a_report_with_the_sites_status(demo: BuildContext, demo_site: Path) -> None:
    published = {o["id"]: o for o in json.loads((demo_site / "vi" / "data" / "obligations.json").read_text(encoding="utf-8"))}
    for period in ("2017-q1", "2018-q2", "2017-year"):
        report = compiled.compile_period(demo, period)
        text = document_text(compiled.docx_bytes(report, demo))
        owed = [o for o in published.values() if o["period"] == period and o["role"] == "tier-1" and o["report_kind"] in ("quarterly", "six_month", "annual")]
        assert sorted(s.assessment.obligation.id for s in report.senders) == sorted(o["id"] for o in owed)
        for s in report.senders:
            assert s.agency.name.vi in text
            assert f"{s.agency.name.vi} | {s.assessment.obligation.due:%d/%m/%Y} | {compiled.sender_status(s, 'vi')}" in text
            assert s.assessment.status == published[s.assessment.obligation.id]["status"]


def test_the_page_the_json_and_the_document_agree_on_every_figure(demo: BuildContext, demo_site: Path) -> None:
    report = compiled.compile_period(demo, "2017-q1")
    data = compiled.to_dict(report, demo.plan)
    text = document_text(compiled.docx_bytes(report, demo))
    page = (demo_site / "vi" / "progress" / "compiled" / "2017-q1" / "index.html").read_text(encoding="utf-8")
    c = compiled.counts(report)
    summary = labels("vi").format("compiled.senders_summary", due="04/03/2017", **c)
    assert summary in text and summary in page
    assert [s["status"] for s in data["senders"]] == [s.assessment.status for s in report.senders]
    entries = [e for s in data["sections"] for t in s["tasks"] for e in t["entries"]]
    assert len(entries) == report.entry_count > 0
    assert all(e["ref"].split("#")[0].startswith("2017-q1") for e in entries)  # only this period's filings
    for row in data["targets"]:
        if row["reported"] is not None:
            shown = f"{row['reported']:g}%"
            assert shown in text and shown in page
    for line in compiled.measure_lines(report, "vi"):
        assert line in text and line in html.unescape(page)


def test_no_text_from_another_period(demo: BuildContext) -> None:
    # The 2018 Q2 report's note and evidence appear in its period's draft and in no other.
    q2 = compiled.compile_period(demo, "2018-q2")
    texts = [e.note.vi for s in q2.sections for t in s.tasks for _, e in t.entries if e.note]
    texts += [ev.document for s in q2.sections for t in s.tasks for _, e in t.entries for ev in e.evidence]
    assert texts and all(t in document_text(compiled.docx_bytes(q2, demo)) for t in texts)
    for other in ("2018-q1", "2018-h1", "2018-q3", "2018-year", "2017-q2"):
        draft = document_text(compiled.docx_bytes(compiled.compile_period(demo, other), demo))
        assert not any(t in draft for t in texts), other


def test_the_real_site_invents_nothing(real: BuildContext) -> None:
    for period in compiled.periods(real):
        report = compiled.compile_period(real, period)
        assert report.sections == () and not report.demo
        text = document_text(compiled.docx_bytes(report, real))
        assert labels("vi")["compiled.no_entries"] in text
        assert labels("vi").demo_banner not in text
        assert {s.assessment.status for s in report.senders} <= {"not_assessed", "upcoming", "due_soon"}


def test_the_departments_own_report_is_the_tier_two_filing(demo: BuildContext) -> None:
    # Sở Nội vụ files its compiled report like any report; the tier-2 obligation follows that filing.
    report = compiled.compile_period(demo, "2017-q1")
    assert report.tier2 is not None and report.tier2.obligation.agency == "so-noi-vu"
    filed = [r for r in demo.reports if r.agency == "so-noi-vu" and r.period == "2017-q1"]
    assert filed and report.tier2.status == ("done_on_time" if min(r.submitted for r in filed) <= report.tier2.obligation.due.isoformat() else "done_late")


def test_hostile_text_comes_out_literally(tmp_path: Path) -> None:
    data = tmp_path / "plan-data"
    shutil.copytree(MINI_PLAN, data)
    shutil.copytree(HOSTILE / "progress", data / "progress")
    ctx = BuildContext.load(BuildOptions(data_dir=data, as_of=SITE_AS_OF))
    raw = compiled.docx_bytes(compiled.compile_period(ctx, "2017-q1"), ctx)
    text = document_text(raw)
    assert "@SUM(1) <img src=x onerror=\"window.__pwned='note'\"> [x](javascript:alert(1))" in text
    assert '=HYPERLINK("http://evil","x") <script>window.__pwned=\'doc\'</script>' in text
    package = zipfile.ZipFile(io.BytesIO(raw))
    for part in package.namelist():
        body = package.read(part)
        assert b"<script>" not in body and b"<img src" not in body, part  # escaped as text, never markup


def test_same_input_same_bytes(demo: BuildContext) -> None:
    report = compiled.compile_period(demo, "2018-year")
    assert compiled.docx_bytes(report, demo) == compiled.docx_bytes(compiled.compile_period(demo, "2018-year"), demo)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice and poppler are installed by scripts/test.sh")
def test_a_second_reader_opens_it(demo: BuildContext, tmp_path: Path) -> None:
    path = tmp_path / "2017-q1.docx"
    path.write_bytes(compiled.docx_bytes(compiled.compile_period(demo, "2017-q1"), demo))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / "2017-q1.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    assert "SỞ NỘI VỤ" in pdf and "BÁO CÁO" in pdf and "Sở, ban, ngành tỉnh" in pdf
    info = subprocess.run(["pdfinfo", str(tmp_path / "2017-q1.pdf")], check=True, capture_output=True, text=True).stdout
    assert "(A4)" in info


def test_the_cli_writes_each_form(tmp_path: Path) -> None:
    runner = CliRunner()
    common = ["compile-report", "--data", str(ROOT / "plan-data"), "--period", "2017-q1", "--as-of", DEMO_AS_OF.isoformat(), "--demo"]
    result = runner.invoke(main, [*common, "--out", str(tmp_path / "q1.docx")])
    assert result.exit_code == 0, result.output
    assert "SỞ NỘI VỤ" in document_text((tmp_path / "q1.docx").read_bytes())
    as_json = json.loads(runner.invoke(main, [*common, "--format", "json"]).stdout)
    assert as_json["period"] == "2017-q1" and as_json["demo"] is True
    md = runner.invoke(main, [*common, "--format", "md", "--lang", "en"]).stdout
    assert md.startswith("---\ntitle: \"Consolidated report, Q1 2017\"")
    bad = runner.invoke(main, ["compile-report", "--data", str(ROOT / "plan-data"), "--period", "2031-q1", "--as-of", "2020-12-31", "--lang", "en"])
    assert bad.exit_code == 2 and "there is no consolidated report for the period '2031-q1'" in bad.output
