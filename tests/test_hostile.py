"""Hostile-content gate: free text from a pull request never runs in a browser and never breaks the open data.

A copy of the small fictional plan (tests/fixtures/mini-plan/: every page type, a fraction of the pages) gets the
payloads of tests/fixtures/hostile/payloads.yaml in a task's texts and notes, a section title and an agency's names,
plus the hostile progress report of tests/fixtures/hostile/progress/; `partracker build --data` builds it; Chromium
opens the pages. Characters the validator refuses by design (bidi overrides, carriage returns)
and a javascript: evidence link are tested as refusals.

Run alone: ``python3 -m pytest tests/test_hostile.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from conftest import MINI_PLAN, ROOT, SITE_AS_OF, SOURCE_DATE_EPOCH, serve

from partracker.reading.dataset import load_dataset

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
PAYLOADS = yaml.safe_load((HOSTILE / "payloads.yaml").read_text(encoding="utf-8"))
REPORT = yaml.safe_load((HOSTILE / "progress" / "so-noi-vu" / "2017-q1.yaml").read_text(encoding="utf-8"))
FORMULA = ("=", "+", "-", "@")
PAGES = ["", "tasks/a-i-1/", "agencies/", "agencies/so-noi-vu/", "source/", "progress/", "timeline/", "plan/a-i/"]


def one_line(text: str) -> str:
    """Text as a page shows it: runs of whitespace as one space."""
    return " ".join(text.split())


def inject(data: Path) -> None:
    """Put the payloads into the copy of plan-data/ at ``data`` (task A-I-1, agency so-noi-vu) and add the report."""
    section = data / "tasks" / "A-I.yaml"
    doc = yaml.safe_load(section.read_text(encoding="utf-8"))
    doc["title"] = PAYLOADS["section_title"]  # section titles reach the navigation of every page
    task = next(t for t in doc["tasks"] if t["id"] == "A-I-1")
    task["content"] = PAYLOADS["task_content"]
    task["notes"] = [*task.get("notes", []), PAYLOADS["task_note"]]
    section.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    agencies = data / "agencies.yaml"
    doc = yaml.safe_load(agencies.read_text(encoding="utf-8"))
    agency = next(a for a in doc["agencies"] if a["id"] == "so-noi-vu")
    agency["name"], agency["short"] = PAYLOADS["agency_name"], PAYLOADS["agency_short"]
    agencies.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(HOSTILE / "progress", data / "progress")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("hostile") / "plan-data"
    shutil.copytree(MINI_PLAN, data, ignore=shutil.ignore_patterns("progress"))
    inject(data)
    return data


@pytest.fixture(scope="module")
def hostile_site(hostile_data: Path) -> Path:
    out = hostile_data.parent / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    run = subprocess.run(
        [sys.executable, "-m", "partracker", "build", "--data", str(hostile_data), "--site-dir", str(out), "--as-of", SITE_AS_OF.isoformat(), "--config", str(ROOT / "mkdocs.yml")],
        capture_output=True, text=True, cwd=hostile_data.parent, env=env,
    )
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


# --- the checkers ---------------------------------------------------------------------------------

# Run in the page: anything a payload could have made live.
_LIVE_MARKUP = """() => {
  const out = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (a.name.startsWith('on')) out.push(`${e.tagName.toLowerCase()}[${a.name}]`);
      if (['href', 'src', 'action', 'formaction'].includes(a.name) && /^\\s*(javascript|data|vbscript):/i.test(a.value)) out.push(`${e.tagName.toLowerCase()}[${a.name}=${a.value}]`);
    }
  }
  for (const s of document.querySelectorAll('article script, article style, article iframe, article svg[onload], article img[src=x]')) out.push(s.tagName.toLowerCase());
  return out;
}"""


def executed(tab: Any, url: str) -> list[str]:
    """Everything hostile that ran or became live markup on the page at ``url``: dialogs, the sentinel, handlers, links."""
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.goto(url)
    tab.wait_for_load_state("load")
    tab.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")  # folded text too
    for link in tab.locator("article a").all()[:50]:
        link.hover()  # handlers such as onmouseover fire only on hover
    found = list(dialogs)
    pwned = tab.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
    if pwned is not None:
        found.append(f"window.__pwned = {pwned}")
    found += tab.evaluate(_LIVE_MARKUP)
    tab.remove_listener("dialog", on_dialog)
    return found


def unsafe_cells(text: str) -> list[str]:
    """CSV cells a spreadsheet would run as a formula: a sign first, after any spaces, in any width."""
    def runs(cell: str) -> bool:
        first = cell.lstrip()[:1]
        return bool(first) and (unicodedata.normalize("NFKC", first).startswith(FORMULA) or first == "\u2212")

    return [cell for row in csv.reader(io.StringIO(text)) for cell in row if runs(cell)]


def ics_findings(text: str, *, expected_events: int) -> list[str]:
    """What is wrong with a calendar: unparsable, wrong event count, or a VEVENT smuggled in through text."""
    try:
        cal = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        return [f"unparsable: {exc}"]
    events = [c for c in cal.walk("VEVENT")]
    found = []
    if len(events) != expected_events:
        found.append(f"{len(events)} events, expected {expected_events}")
    raw = sum(1 for line in text.splitlines() if line == "BEGIN:VEVENT")
    if raw != expected_events:
        found.append(f"{raw} BEGIN:VEVENT lines, expected {expected_events}")
    found += [f"injected event {e.get('summary')}" for e in events if str(e.get("summary")) == "pwned"]
    return found


# --- the site built from hostile data -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_nothing_runs_in_the_browser(hostile_url: str, tab: Any, lang: str, page: str) -> None:
    assert executed(tab, f"{hostile_url}{lang}/{page}") == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_payloads_show_literally(hostile_url: str, tab: Any, lang: str) -> None:
    tab.goto(f"{hostile_url}{lang}/tasks/a-i-1/")
    tab.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")  # the notes are in "About this text"
    text = one_line(tab.inner_text("article"))
    assert one_line(PAYLOADS["task_content"][lang]) in text
    assert one_line(PAYLOADS["task_note"][lang]) in text
    entry = REPORT["entries"][0]
    assert one_line(entry["note"][lang]) in text
    assert one_line(entry["evidence"][0]["document"]) in text
    tab.goto(f"{hostile_url}{lang}/agencies/so-noi-vu/")
    assert one_line(PAYLOADS["agency_name"][lang]) in one_line(tab.inner_text("article"))
    assert one_line(PAYLOADS["section_title"][lang]) in one_line(tab.text_content("nav.md-nav--primary") or "")


def test_evidence_link_stays_one_attribute(hostile_url: str, tab: Any) -> None:
    tab.goto(f"{hostile_url}en/tasks/a-i-1/")
    links = tab.locator("article a[href^='https://example.org/']")
    assert links.count() == 1
    assert links.first.get_attribute("href") == "https://example.org/a%22onmouseover=%22window.__pwned=%27url%27"
    assert links.first.get_attribute("onmouseover") is None


def test_open_data_stays_valid_for_real_parsers(hostile_site: Path) -> None:
    for lang in ("vi", "en"):
        root = hostile_site / lang
        plan = json.loads((root / "data" / "plan.json").read_text(encoding="utf-8"))
        assert json.dumps(PAYLOADS["task_content"]["vi"], ensure_ascii=False) in json.dumps(plan, ensure_ascii=False)
        progress = json.loads((root / "data" / "progress.json").read_text(encoding="utf-8"))
        assert [row["note_vi"] for row in progress] == [REPORT["entries"][0]["note"]["vi"]]
        for name in ("tasks.csv", "obligations.csv", "progress.csv"):
            text = (root / "data" / name).read_text(encoding="utf-8")
            assert unsafe_cells(text) == [], name
        cells = [c for row in csv.reader(io.StringIO((root / "data" / "progress.csv").read_text(encoding="utf-8"))) for c in row]
        assert "'" + REPORT["entries"][0]["note"]["vi"] in cells and "'+cmd" + REPORT["entries"][0]["note"]["en"][4:] in cells
        obligations = json.loads((root / "data" / "obligations.json").read_text(encoding="utf-8"))
        dated = [o for o in obligations if o["due"] and o["status"] != "not_applicable"]
        assert ics_findings((root / "ics" / "plan.ics").read_text(encoding="utf-8"), expected_events=len(dated)) == []
        mine = (root / "ics" / "so-noi-vu.ics").read_text(encoding="utf-8")
        assert ics_findings(mine, expected_events=len(icalendar.Calendar.from_ical(mine).walk("VEVENT"))) == []
        # The payload survives as text inside the events, with its line breaks, ; , and \ intact.
        descriptions = [str(e["description"]) for e in icalendar.Calendar.from_ical(mine).walk("VEVENT") if "A-I-1 · " in str(e["summary"])]
        assert descriptions and all(PAYLOADS["task_content"][lang] in d for d in descriptions)
        # The plan's calendar names the agency in the title: once, whole.
        everyone = icalendar.Calendar.from_ical((root / "ics" / "plan.ics").read_text(encoding="utf-8")).walk("VEVENT")
        named = [str(e["summary"]) for e in everyone if "A-I-1 · " in str(e["summary"]) and str(e["uid"]).endswith("/so-noi-vu@partracker")]
        assert named and all(s.endswith(" — " + PAYLOADS["agency_short"][lang]) and s.count(PAYLOADS["agency_short"][lang]) == 1 for s in named)
        feed = ET.fromstring((root / "feed.xml").read_bytes())
        summaries = [el.text or "" for el in feed.iter("{http://www.w3.org/2005/Atom}summary")]
        assert any(REPORT["entries"][0]["note"][lang] in s for s in summaries)


# --- what the validator refuses -------------------------------------------------------------------


@pytest.mark.parametrize(("char", "name"), [("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\r", "U+000D CARRIAGE RETURN")])
def test_validator_refuses_bidi_overrides_and_carriage_returns(mini_plan: Path, char: str, name: str) -> None:
    path = next(p for p in sorted((mini_plan / "tasks").glob("*.yaml")))
    text = path.read_text(encoding="utf-8")
    escaped = '\\u202E' if char == "\u202e" else "\\r"
    at = text.index('vi: "') + len('vi: "')
    path.write_text(text[:at] + f"abc{escaped}\\nBEGIN:VEVENT " + text[at:], encoding="utf-8")
    problems = load_dataset(mini_plan).problems
    assert [(p.code, p.params.get("chars")) for p in problems] == [("text.unsafe_chars", name)]
    assert problems[0].line == text[:at].count("\n") + 1


def test_validator_refuses_a_javascript_evidence_link(hostile_data: Path, tmp_path: Path) -> None:
    data = tmp_path / "plan-data"
    shutil.copytree(hostile_data, data)
    report = data / "progress" / "so-noi-vu" / "2017-q1.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('url: "https://example.org/a', 'url: "javascript:alert(1)//'), encoding="utf-8")
    problems = load_dataset(data, as_of=SITE_AS_OF).problems
    assert [(p.code, p.file.endswith("progress/so-noi-vu/2017-q1.yaml"), p.line) for p in problems] == [("url.not_https", True, 13)]
    task = REPORT["entries"][0]["task"]
    assert problems[0].format("en").startswith(f"{problems[0].file}:13:14: entry e1 (task {task}), evidence item 1 (evidence[0].url): link 'javascript:alert(1)//")


def test_hostile_data_is_otherwise_valid(hostile_data: Path) -> None:
    assert [p.format("en") for p in load_dataset(hostile_data, as_of=SITE_AS_OF).problems] == []


# --- the checkers fail when escaping is broken on purpose -----------------------------------------


def test_the_browser_checker_flags_an_unescaped_copy(hostile_site: Path, tab: Any, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(hostile_site / "en", copy / "en")
    page = copy / "en" / "tasks" / "a-i-1" / "index.html"
    html_text = page.read_text(encoding="utf-8")
    escaped = "&lt;img src=x onerror=\"window.__pwned='img'\"&gt;"
    assert escaped in html_text
    page.write_text(html_text.replace(escaped, "<img src=x onerror=\"window.__pwned='img'\">"), encoding="utf-8")
    with serve(copy) as url:
        found = executed(tab, f"{url}en/tasks/a-i-1/")
    assert "window.__pwned = img" in found and "img[onerror]" in found


def test_the_browser_checker_sees_dialogs_and_javascript_links(tab: Any, tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "index.html").write_text('<article><a href="javascript:void(0)">x</a><script>alert("hi")</script></article>', encoding="utf-8")
    with serve(tmp_path) as url:
        found = executed(tab, f"{url}p/")
    assert found == ["dialog alert: hi", "a[href=javascript:void(0)]", "script"]


def test_the_data_checkers_flag_raw_formulas_and_smuggled_events() -> None:
    assert unsafe_cells('id,note\r\nA,"=HYPERLINK(""http://evil"",""x"")"\r\nB,\'+cmd\r\nC,@SUM(1)\r\n') == ['=HYPERLINK("http://evil","x")', "@SUM(1)"]
    assert unsafe_cells("a, =1+1\r\nb,＝1+1\r\nc,\u00a0﹢1\r\nd,\u22121\r\ne,a=b\r\n") == [" =1+1", "＝1+1", "\u00a0﹢1", "\u22121"]
    event = "BEGIN:VEVENT\r\nUID:1@x\r\nDTSTAMP:20170601T000000Z\r\nDTSTART;VALUE=DATE:20170601\r\nSUMMARY:{}\r\nEND:VEVENT\r\n"
    head, tail = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n", "END:VCALENDAR\r\n"
    assert ics_findings(head + event.format("a") + tail, expected_events=1) == []
    assert ics_findings(head + event.format("a") + event.format("pwned") + tail, expected_events=1) == ["2 events, expected 1", "2 BEGIN:VEVENT lines, expected 1", "injected event pwned"]
    assert ics_findings(head + event.format("a\r\nEND:VEVENT\r\nEND:VEVENT") + tail, expected_events=1)[0].startswith("unparsable: ")


@pytest.mark.parametrize("cell", [" =1+1", "  @SUM(1)", "\t=1", "＝1+1", "＋cmd", "－2+3", "＠SUM(1)", "﹦1", "\u00a0=1", "\u3000＝1", "\u22122"])
def test_a_formula_after_spaces_or_in_full_width_is_neutralised(cell: str) -> None:
    from partracker.outputs.opendata import to_csv

    text = to_csv(["id", "note"], [["A-I-1", cell]])
    assert unsafe_cells(text) == [] and ("'" + cell) in text


def test_a_line_break_in_an_agency_name_keeps_the_calendar_valid(mini_plan: Path) -> None:
    from partracker.outputs import calendars as ics
    from partracker.outputs.context import BuildContext, BuildOptions
    from partracker.reading.dataset import require_plan

    path = mini_plan / "agencies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('short: {vi: "Sở Nội vụ"', 'short: {vi: "Sở Nội vụ\\nBEGIN:VEVENT"', 1), encoding="utf-8")
    plan = require_plan(mini_plan)
    assert plan.agency("so-noi-vu").short.vi == "Sở Nội vụ\nBEGIN:VEVENT"
    published = ics.calendars(BuildContext(BuildOptions(data_dir=mini_plan), plan, (), SITE_AS_OF), "vi")
    for name in ("plan", "so-noi-vu"):  # the name in the plan's event titles, and in the agency's calendar name
        cal = published[name]
        events = icalendar.Calendar.from_ical(cal).walk("VEVENT")
        assert ics_findings(cal, expected_events=len(events)) == [], name
