"""The report builder page: its data, and YAML made by its JavaScript that the validator accepts."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import serve
from test_reports_fixture import make_plan, write

from partracker.domain import progress
from partracker.language.labels import LABELS
from partracker.language.text import Text
from partracker.outputs.report_builder import (
    FORM_MESSAGES,
    FORM_WORDS,
    NEW_FILE_URL_LIMIT,
    builder_data,
)
from partracker.reading.dataset import load_dataset
from partracker.reading.deployment import Deployment
from partracker.reading.errors import MESSAGES
from partracker.reading.schemas import REPORT_SCHEMA_COMMENT

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "partracker" / "outputs" / "assets" / "report-builder.js"
NODE = shutil.which("node")
RUNNER = """
const b = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const yaml = b.buildYaml(input.state, input.data);
process.stdout.write(JSON.stringify({yaml: yaml, problems: b.validateState(input.state, input.data, input.today), github: b.githubUrl(input.state, yaml, input.data)}));
"""
DEPLOYMENT = Deployment(repository="gialai-par/tracker", branch="main")
"""A deployment setting naming a repository (only in tests: the shipped deployment.yaml names none)."""


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_plan(tmp_path)


def run_js(state: dict[str, Any], builder: dict[str, Any], today: str) -> dict[str, Any]:
    assert NODE, "node is required for the report builder tests"
    done = subprocess.run([NODE, "-e", RUNNER, str(SCRIPT)], input=json.dumps({"state": state, "data": builder, "today": today}), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


STATE = {
    "agency": "so-noi-vu",
    "period": "2017-q1",
    "submitted": "2017-03-31",
    "entries": [
        {
            "id": "e1",
            "task": "A-I-1",
            "status": "in_progress",
            "percent": "62.5",
            "targets": {"t1": "95", "t2": ""},
            "evidence": [{"document": '12/KH-SNV "draft": #1', "date": "2017-01-10", "url": "https://example.org/a.pdf"}, {"document": "", "date": "", "url": ""}],
            "note": {"vi": "Đang: triển khai\n- bước 2", "en": "yes"},
            "reported": "2017-03-31",
            "completed": "",
        },
        {"id": "e2", "task": "A-I-3", "status": "done", "percent": "", "targets": {}, "evidence": [], "note": {"vi": "", "en": ""}, "reported": "2017-03-31", "completed": "2017-03-02"},
    ],
}


def test_builder_data_lists_what_each_agency_owes(data: Path) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    built = builder_data(plan)
    assert [a["id"] for a in built["agencies"]] == ["so-ban-nganh-tinh", "so-noi-vu", "so-tai-chinh", "so-tu-phap", "ubnd-cap-huyen"]
    noi_vu = next(a for a in built["agencies"] if a["id"] == "so-noi-vu")
    assert noi_vu == {
        "id": "so-noi-vu",
        "name": {"vi": "Sở Nội vụ", "en": "Department of Home Affairs"},
        "collective": False,
        "tasks": [
            {"id": "A-I-1", "role": "lead", "via": None, "role_words": {"vi": "Chủ trì", "en": "Lead"}},
            {"id": "A-I-3", "role": "lead", "via": "so-ban-nganh-tinh", "role_words": {"vi": "Chủ trì", "en": "Lead"}},
        ],
    }
    assert built["tasks"]["A-I-1"]["targets"][0] == {"id": "t1", "metric": {"vi": "Tỷ lệ", "en": "Share"}, "unit": "percent"}
    assert [s["id"] for s in built["statuses"]] == ["not_started", "in_progress", "done", "not_applicable"]
    assert built["statuses"][2]["label"] == {"vi": "Đã hoàn thành", "en": "Done"}
    assert built["years"] == [2016, 2017, 2018, 2019, 2020]
    assert re.match(built["period_pattern"], "2017-h1") and not re.match(built["period_pattern"], "2017-h2")
    assert built["schema_comment"] == REPORT_SCHEMA_COMMENT


def test_yaml_made_by_the_builder_validates(data: Path) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    out = run_js(STATE, builder_data(plan), "2017-04-01")
    assert out["problems"] == []
    text = out["yaml"]
    assert text.splitlines()[:6] == [REPORT_SCHEMA_COMMENT, 'agency: "so-noi-vu"', 'period: "2017-q1"', 'submitted: "2017-03-31"', "entries:", '  - id: "e1"']
    assert "    percent: 62.5\n    targets:\n      t1: 95\n" in text
    # Every string value is double-quoted; numbers stay plain.
    for event in yaml.parse(text):
        if isinstance(event, yaml.ScalarEvent) and event.style != '"':
            assert re.fullmatch(r"[a-z_0-9]+|[0-9]+(\.[0-9]+)?", event.value), event.value
    write(data, "progress/so-noi-vu/2017-q1.yaml", text)
    dataset = load_dataset(data, as_of=dt.date(2017, 4, 1))
    assert [p.format("en") for p in dataset.problems] == []
    (report,) = dataset.reports
    e1, e2 = report.entries
    assert (e1.percent, e1.target_values, e1.evidence[0].document, e1.note.vi if e1.note else None) == (62.5, (("t1", 95.0),), '12/KH-SNV "draft": #1', "Đang: triển khai\n- bước 2")
    assert (e2.status, e2.completed) == ("done", "2017-03-02")


def test_the_builder_checks_the_same_rules_as_the_validator_in_its_words(data: Path) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    # Two files, as the validator reads a file's cross-file rules only once its shape is right.
    bad = json.loads(json.dumps(STATE))
    bad["entries"][0].update({"percent": "101", "targets": {"t1": "-3"}, "evidence": [{"document": "1/QĐ\u200b", "date": "", "url": ""}], "note": {"vi": "", "en": "English only"}})
    late = json.loads(json.dumps(STATE))
    late["period"] = "2021-q1"
    late["entries"][0]["evidence"][0].update({"date": "2017-02-30", "url": "http://x.org"})
    late["entries"][1].update({"task": "A-I-4", "completed": ""})
    outs = [run_js(bad, builder_data(plan), "2017-04-01"), run_js(late, builder_data(plan), "2017-04-01")]
    problems = outs[0]["problems"] + outs[1]["problems"]
    # Each problem names the task by its code and the form field it is about, never a list position.
    assert [(p["task"], p["field"], p["code"]) for p in problems] == [
        ("A-I-1", "percent", "schema.range"),
        ("A-I-1", "target:t1", "schema.minimum"),
        ("A-I-1", "note-vi", "schema.min_length"),
        ("A-I-1", "document", "text.unsafe_chars"),
        (None, "period", "report.period_outside"),
        ("A-I-1", "docdate", "date.invalid"),
        ("A-I-1", "url", "url.not_https"),
        ("A-I-4", "task", "report.not_assigned"),
        ("A-I-4", "completed", "report.completed_missing"),
    ]
    assert problems[6]["en"] == "A-I-1: link 'http://x.org' does not start with https:// — fix: use an https:// link to the published document, or delete the `url` line"
    assert problems[4]["vi"] == "kỳ báo cáo '2021-q1' nằm ngoài các năm của kế hoạch (2016–2020) — cách sửa: chọn một kỳ trong các năm 2016–2020"
    # Where the validator's fix speaks of YAML lines, the form says what to do in the form.
    assert problems[8]["en"] == "A-I-4: status 'done' needs the completion date — fix: fill in the completion date"
    # The same words as `partracker validate` gives for the same files, code by code.
    write(data, "progress/so-noi-vu/2017-q1.yaml", outs[0]["yaml"])
    write(data, "progress/so-noi-vu/2021-q1.yaml", outs[1]["yaml"])
    said: dict[str, set[str]] = {}
    for p in load_dataset(data, as_of=dt.date(2017, 4, 1)).problems:
        for lang in ("vi", "en"):
            said.setdefault(p.code, set()).add(p.parts(lang)[0])
    for p in problems:
        for lang in ("vi", "en"):
            message = p[lang].split(": ", 1)[1] if p["task"] else p[lang]
            assert message.split(" — ")[0] in said.get(p["code"], ()), (p, said)
    late = json.loads(json.dumps(STATE))
    assert [(p["field"], p["code"]) for p in run_js(late, builder_data(plan), "2017-03-15")["problems"]] == [("submitted", "date.future")]


def test_the_script_keeps_no_copy_of_the_validator_messages(data: Path) -> None:
    """One catalogue: every message the form shows comes from errors.py through the builder's data."""
    script = SCRIPT.read_text(encoding="utf-8")
    literals = "\n".join(json.loads(m) if m.startswith('"') else m for m in re.findall(r'"(?:[^"\\\n]|\\.)*"', script))
    fragments = {f.strip() for texts in MESSAGES.values() for text in texts for f in re.split(r"\{[a-z_]+\}", text)}
    copied = sorted(f for f in fragments if len(f) >= 12 and f in literals)
    assert copied == []
    # Words of the form the catalogue holds are not in the script either.
    for key in (*FORM_WORDS, *(k for k in FORM_MESSAGES.values() if k)):
        for text in LABELS[key]:
            assert all(len(f.strip()) < 12 or f.strip() not in script for f in re.split(r"\{[a-z_]+\}", text)), key
    plan = load_dataset(data).plan
    assert plan is not None
    built = builder_data(plan)
    assert built["messages"]["url.not_https"]["vi"] == {"message": MESSAGES["url.not_https"][0], "fix": MESSAGES["url.not_https"][2]}
    assert built["messages"]["date.invalid"]["en"]["message"] == MESSAGES["date.invalid"][1]
    assert set(built["messages"]) == set(FORM_MESSAGES) and built["fix_label"] == {"vi": "cách sửa", "en": "fix"}
    assert built["unsafe_chars"]["\u200b"] == "U+200B ZERO WIDTH SPACE" and len(built["unsafe_chars"]) == 85


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def opened_file(url: str) -> tuple[str, str]:
    """(path, text) of the file GitHub's new-file page would create from this address."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/gialai-par/tracker/new/main")
    query = parse_qs(parts.query, strict_parsing=True)
    assert sorted(query) == ["filename", "value"]
    return query["filename"][0], query["value"][0]


def test_open_on_github_carries_the_path_and_a_report_that_passes_validate_base(data: Path) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    out = run_js(STATE, builder_data(plan, DEPLOYMENT), "2017-04-01")
    path, text = opened_file(out["github"])
    assert (path, text) == ("plan-data/progress/so-noi-vu/2017-q1.yaml", out["yaml"])
    # What "Propose new file" does, in a scratch repository: the file is added on a branch and checked against main.
    root = data.parent
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "plan")
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "partracker", "validate", "--lang", "en", "--base", "main", "--as-of", "2017-04-01", "--data", "plan-data"],
        cwd=root, capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert (done.returncode, done.stdout) == (0, "plan-data: valid — 4 tasks, 7 agencies, 1 report file.\n"), done.stderr


def test_no_repository_or_a_report_too_long_for_an_address_gets_no_github_link(data: Path) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    assert builder_data(plan)["github"] is None and builder_data(plan, Deployment(repository="gialai-par/tracker"))["github"] is None
    assert run_js(STATE, builder_data(plan), "2017-04-01")["github"] is None
    long = json.loads(json.dumps(STATE))
    long["entries"][0]["note"]["vi"] = "Đã triển khai " * 200
    out = run_js(long, builder_data(plan, DEPLOYMENT), "2017-04-01")
    assert out["problems"] == [] and out["github"] is None
    # Just under the limit still opens GitHub: the cut is the address length, not the report's.
    short = json.loads(json.dumps(STATE))
    short["entries"][0]["note"]["vi"] = "a"
    base = len(run_js(short, builder_data(plan, DEPLOYMENT), "2017-04-01")["github"])
    short["entries"][0]["note"]["vi"] = "a" * (NEW_FILE_URL_LIMIT - base + 1)
    assert len(run_js(short, builder_data(plan, DEPLOYMENT), "2017-04-01")["github"]) == NEW_FILE_URL_LIMIT
    short["entries"][0]["note"]["vi"] += "a"
    assert run_js(short, builder_data(plan, DEPLOYMENT), "2017-04-01")["github"] is None


def test_the_pages_hold_the_form_and_the_script_makes_no_outside_requests() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert not re.search(r"https?://[a-z0-9]", script)
    assert script.count("fetch(") == 1 and 'credentials: "same-origin"' in script
    for lang, button in (("vi", "Tạo nội dung YAML"), ("en", "Make the YAML")):
        page = (ROOT / "docs" / lang / "report-builder.md").read_text(encoding="utf-8")
        assert f'<form id="report-builder" novalidate data-lang="{lang}" data-src="../data/report-builder.json"' in page
        assert f'<button type="submit">{button}</button>' in page
        assert '<script src="../assets/report-builder.js"></script>' in page
        assert "contribute.md" in page


def builder_page(site: Path, plan: Any, lang: str = "en") -> None:
    """The form of the ``lang`` page, its script and its data, laid out under ``site`` as the built site lays them."""
    (site / "report-builder").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "data").mkdir()
    page = (ROOT / "docs" / lang / "report-builder.md").read_text(encoding="utf-8")
    markup = page[page.index("<form") : page.index("</form>") + len("</form>")] + '\n<script src="../assets/report-builder.js"></script>'
    (site / "report-builder" / "index.html").write_text(f"<!doctype html><meta charset=utf-8><body>{markup}</body>", encoding="utf-8")
    shutil.copy(SCRIPT, site / "assets" / "report-builder.js")
    (site / "data" / "report-builder.json").write_text(json.dumps(builder_data(plan, DEPLOYMENT), ensure_ascii=False), encoding="utf-8")


def test_the_form_in_a_browser_produces_a_valid_report(data: Path, tmp_path: Path, chromium: Any) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    site = tmp_path / "site"
    builder_page(site, plan)
    outside: list[str] = []
    with serve(site) as base:
        context = chromium.new_context(accept_downloads=True)
        tab = context.new_page()
        tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        tab.goto(base + "report-builder/")
        tab.wait_for_selector("fieldset[data-task='A-I-1']")
        # One card per task owed, grouped by role (lead, coordinating, through a collective), headed by the task code and its short title.
        tab.select_option("[name=agency]", "so-tu-phap")
        groups = "ss => ss.map(s => [s.dataset.group, s.querySelector('h3').textContent, [...s.querySelectorAll('legend')].map(l => l.textContent), [...s.querySelectorAll('.pt-card-role')].map(r => r.textContent)])"
        assert tab.eval_on_selector_all("[data-role=tasks] > section", groups) == [
            ["lead", "Tasks the agency leads (1)", ["A-I-2 Content A-I-2"], ["Lead"]],
            ["coordinating", "Tasks the agency coordinates on (1)", ["A-I-3 Content A-I-3"], ["Coordinating"]],
            ["via", "Tasks assigned through a collective (1)", ["A-I-1 Content A-I-1"], ["Coordinating — Provincial departments"]],
        ]
        tab.select_option("[name=agency]", "so-noi-vu")
        assert tab.eval_on_selector_all("[data-role=tasks] > section", groups) == [
            ["lead", "Tasks the agency leads (1)", ["A-I-1 Content A-I-1"], ["Lead"]],
            ["via", "Tasks assigned through a collective (1)", ["A-I-3 Content A-I-3"], ["Lead — Provincial departments"]],
        ]
        tab.select_option("[name=year]", "2017")
        tab.select_option("[name=kind]", "q1")
        tab.fill("[name=submitted]", "2017-03-31")
        a11 = tab.locator("fieldset[data-task='A-I-1']")
        a11.locator("[name=status]").select_option("in_progress")
        a11.locator("[data-target=t1]").fill("95")
        a11.locator("[name=document]").fill("12/KH-SNV")
        a11.locator("[name=url]").fill("http://example.org/a.pdf")
        a11.locator("[name=note-vi]").fill("Đang lấy ý kiến các sở")
        a13 = tab.locator("fieldset[data-task='A-I-3']")
        a13.locator("[name=status]").select_option("done")
        a13.locator("[name=note-vi]").fill("Đã ban hành quy chế")
        tab.click("button[type=submit]")
        # Each problem beside its field, naming the task, in the validator's words; the field marked; focus on the first.
        said = [
            "A-I-1: link 'http://example.org/a.pdf' does not start with https:// — fix: use an https:// link to the published document, or delete the `url` line",
            "A-I-3: status 'done' needs the completion date — fix: fill in the completion date",
        ]
        assert tab.locator("[data-role=problems] li").all_inner_texts() == said
        assert tab.inner_text("[data-role=problems-summary]") == "Problems found: 2. Fix the fields marked in red, then press the button again."
        for card, name, words in ((a11, "url", said[0]), (a13, "completed", said[1])):
            field = card.locator(f"[name={name}]")
            assert field.get_attribute("aria-invalid") == "true"
            described = field.get_attribute("aria-describedby")
            assert card.locator(f"#{described}").inner_text() == words
        assert tab.evaluate("document.activeElement.name") == "url"
        assert tab.evaluate("document.activeElement.closest('fieldset').dataset.task") == "A-I-1"
        assert not tab.is_visible("[data-role=github]") and not tab.is_visible("[data-role=download]")
        a11.locator("[name=url]").fill("https://example.org/a.pdf")
        a13.locator("[name=completed]").fill("2017-03-02")
        tab.click("button[type=submit]")
        assert tab.locator("[data-role=problems] li").all_inner_texts() == []
        assert tab.locator("[aria-invalid], .pt-field-error").count() == 0 and tab.inner_text("[data-role=problems-summary]") == ""
        assert tab.inner_text("[data-role=file]") == "plan-data/progress/so-noi-vu/2017-q1.yaml"
        text = tab.input_value("[data-role=output]")
        # One click to GitHub's new-file page, the path and the report filled in; the fallbacks stay hidden.
        assert tab.is_visible("[data-role=github-link]") and tab.is_visible("[data-role=download]")
        assert not tab.is_visible("[data-role=too-long]") and not tab.is_visible("[data-role=no-repository]")
        assert opened_file(tab.get_attribute("[data-role=github-link]", "href")) == ("plan-data/progress/so-noi-vu/2017-q1.yaml", text)
        with tab.expect_download() as download:
            tab.click("[data-role=download]")
        assert download.value.suggested_filename == "2017-q1.yaml"
        assert Path(download.value.path()).read_text(encoding="utf-8") == text
        # Opened from a saved file, the page cannot read its data: it says so plainly, and what to do.
        saved = context.new_page()
        saved.goto((site / "report-builder" / "index.html").as_uri())
        saved.wait_for_function("document.querySelector('[data-role=problems]').textContent !== ''")
        assert saved.inner_text("[data-role=problems]").startswith("This page was opened from a saved file")
        context.close()
    assert outside == []
    write(data, "progress/so-noi-vu/2017-q1.yaml", text)
    dataset = load_dataset(data, as_of=dt.date(2017, 4, 1))
    assert [p.format("en") for p in dataset.problems] == []
    (_, a11), (_, a13) = progress.effective_entries(dataset.reports)
    assert (a11.task, a11.status, a11.target_values, a11.evidence[0].url) == ("A-I-1", "in_progress", (("t1", 95.0),), "https://example.org/a.pdf")
    # Vietnamese-only notes: no English asked for, none written.
    assert [(e.task, e.note) for e in (a11, a13)] == [("A-I-1", Text("Đang lấy ý kiến các sở", "")), ("A-I-3", Text("Đã ban hành quy chế", ""))]
    assert "en:" not in text


def test_dates_are_read_as_the_page_writes_them() -> None:
    assert NODE, "node is required for the report builder tests"
    cases = [("05/03/2017", "vi"), ("5/3/2017", "vi"), ("05.03.2017", "vi"), ("05-03-2017", "vi"), ("2017-03-05", "vi"), ("2017-3-5", "vi"),
             ("31/02/2017", "vi"), ("03/05/2017", "en"), ("2017-03-05", "en"), (" 2017-03-05 ", "en"), ("2017-02-30", "en"), ("", "vi")]
    script = f"const b = require({json.dumps(str(SCRIPT))}); process.stdout.write(JSON.stringify({json.dumps(cases)}.map(c => b.isoDate(c[0], c[1]))));"
    done = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True)
    # Day/month/year on /vi/, year-month-day on both; a day that does not exist stays as typed, for the checks to name.
    assert json.loads(done.stdout) == ["2017-03-05", "2017-03-05", "2017-03-05", "2017-03-05", "2017-03-05", "2017-03-05",
                                       "31/02/2017", "03/05/2017", "2017-03-05", "2017-03-05", "2017-02-30", ""]


def fill_vietnamese_report(tab: Any) -> Any:
    """Sở Nội vụ's report on 2017-q1, typed on the /vi/ form as a clerk would, dates as day/month/year."""
    tab.select_option("[name=agency]", "so-noi-vu")
    tab.select_option("[name=year]", "2017")
    tab.select_option("[name=kind]", "q1")
    tab.fill("[name=submitted]", "31/03/2017")
    a11 = tab.locator("fieldset[data-task='A-I-1']")
    a11.locator("[name=status]").select_option("in_progress")
    a11.locator("[name=percent]").fill("40")
    a11.locator("[name=document]").fill("12/KH-SNV")
    a11.locator("[name=docdate]").fill("10/01/2017")
    a11.locator("[name=note-vi]").fill("Đang lấy ý kiến các sở")
    a13 = tab.locator("fieldset[data-task='A-I-3']")
    a13.locator("[name=status]").select_option("done")
    a13.locator("[name=completed]").fill("31/02/2017")
    return a13


def test_the_vietnamese_form_takes_dates_as_day_month_year(data: Path, tmp_path: Path, chromium: Any) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    builder_page(tmp_path / "site", plan, "vi")
    with serve(tmp_path / "site") as base:
        # An American English browser: its own date field would show mm/dd/yyyy; the form's fields do not.
        context = chromium.new_context(locale="en-US")
        tab = context.new_page()
        tab.goto(base + "report-builder/")
        tab.wait_for_selector("fieldset[data-task='A-I-1']")
        assert re.fullmatch(r"[0-3][0-9]/[01][0-9]/20[0-9]{2}", tab.input_value("[name=submitted]"))
        for field in ("[name=submitted]", "fieldset[data-task='A-I-3'] [name=completed]", "fieldset[data-task='A-I-1'] [name=docdate]"):
            assert tab.eval_on_selector(field, "e => [e.type, e.inputMode, e.placeholder]") == ["text", "numeric", "dd/mm/yyyy"]
        a13 = fill_vietnamese_report(tab)
        tab.click("button[type=submit]")
        said = "A-I-3: ngày '31/02/2017' không có thật — cách sửa: viết ngày có thật theo dạng ngày/tháng/năm, ví dụ 05/03/2017"
        assert tab.locator("[data-role=problems] li").all_inner_texts() == [said]
        assert a13.locator("[name=completed]").get_attribute("aria-invalid") == "true" and a13.locator(".pt-field-error").inner_text() == said
        a13.locator("[name=completed]").fill("2/3/2017")
        tab.click("button[type=submit]")
        assert tab.locator("[data-role=problems] li").all_inner_texts() == []
        text = tab.input_value("[data-role=output]")
        context.close()
    # The file holds the dates as the data does, year-month-day.
    assert re.findall(r'(?:submitted|date|reported|completed): "([^"]*)"', text) == ["2017-03-31", "2017-01-10", "2017-03-31", "2017-03-31", "2017-03-02"]
    write(data, "progress/so-noi-vu/2017-q1.yaml", text)
    assert [p.format("en") for p in load_dataset(data, as_of=dt.date(2017, 4, 1)).problems] == []


def test_a_draft_survives_a_reload_until_it_is_cleared(data: Path, tmp_path: Path, chromium: Any) -> None:
    plan = load_dataset(data).plan
    assert plan is not None
    builder_page(tmp_path / "site", plan, "vi")
    with serve(tmp_path / "site") as base:
        context = chromium.new_context()
        tab = context.new_page()
        tab.goto(base + "report-builder/")
        tab.wait_for_selector("fieldset[data-task='A-I-1']")
        assert tab.inner_text("[data-role=draft-status]") == ""
        fill_vietnamese_report(tab)
        typed = tab.eval_on_selector_all("fieldset[data-task] [name], [name=agency], [name=year], [name=kind], [name=submitted]", "fs => fs.map(f => f.value)")
        assert "Đang lấy ý kiến các sở" in typed and "31/02/2017" in typed
        assert tab.inner_text("[data-role=draft-status]") == "Bản nháp được lưu trong trình duyệt này (không gửi đi đâu)."
        # Kept under the agency and the period, nowhere else.
        assert tab.evaluate("Object.keys(localStorage).sort()") == ["partracker:report-builder:draft:last", "partracker:report-builder:draft:so-noi-vu:2017-q1"]
        tab.reload()
        tab.wait_for_selector("fieldset[data-task='A-I-1']")
        assert tab.eval_on_selector_all("fieldset[data-task] [name], [name=agency], [name=year], [name=kind], [name=submitted]", "fs => fs.map(f => f.value)") == typed
        assert tab.inner_text("[data-role=draft-status]") == "Đã khôi phục bản nháp lưu trong trình duyệt này."
        # The restored form makes the same report: the wrong day is still named beside its field.
        tab.click("button[type=submit]")
        assert tab.locator("[data-role=problems] li").all_inner_texts() == ["A-I-3: ngày '31/02/2017' không có thật — cách sửa: viết ngày có thật theo dạng ngày/tháng/năm, ví dụ 05/03/2017"]
        # Another agency has no draft: its tasks come empty; back to Sở Nội vụ, its draft returns.
        tab.select_option("[name=agency]", "so-tai-chinh")
        assert tab.eval_on_selector_all("fieldset[data-task] [name]", "fs => fs.filter(f => f.value).length") == 0
        tab.select_option("[name=agency]", "so-noi-vu")
        assert tab.input_value("fieldset[data-task='A-I-1'] [name=note-vi]") == "Đang lấy ý kiến các sở"
        tab.click("[data-role=clear-draft]")
        assert tab.inner_text("[data-role=clear-draft]") == "Xóa bản nháp"
        assert tab.eval_on_selector_all("fieldset[data-task] [name]", "fs => fs.filter(f => f.value).length") == 0
        assert tab.evaluate("Object.keys(localStorage)") == []
        tab.reload()
        tab.wait_for_selector("fieldset[data-task]")
        assert tab.eval_on_selector_all("fieldset[data-task] [name]", "fs => fs.filter(f => f.value).length") == 0
        context.close()
