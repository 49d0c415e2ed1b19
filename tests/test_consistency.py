"""One truth per decision: every output shows the same corrected value, status, date and target value.

Corrections are decided once (partracker.domain.progress), statuses once (partracker.domain.schedule, through the
build context); these tests read each output as a reader or a tool would and compare them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO_AS_OF, MINI_PLAN, ROOT

from partracker.outputs import registry
from partracker.outputs.context import BuildContext, BuildOptions
from partracker.tools.cli import main

AS_OF = dt.date(2017, 6, 1)

ORIGINAL = '''\
agency: "so-noi-vu"
period: "2017-q1"
submitted: "2017-03-20"
entries:
  - id: "e1"
    task: "A-I-1"
    status: "in_progress"
    percent: 31
    targets: {t1: 61}
    note: {vi: "GHI-CHU-CU-31", en: "OLD-NOTE-31"}
    reported: "2017-03-20"
  - id: "e2"
    task: "A-I-2"
    status: "in_progress"
    reported: "2017-03-20"
'''

CORRECTION = '''\
agency: "so-noi-vu"
period: "2017-q1"
submitted: "2017-04-02"
entries:
  - id: "{entry_id}"
    task: "A-I-1"
    status: "in_progress"
    percent: 93
    targets: {{t1: 100}}
    note: {{vi: "GHI-CHU-MOI-93", en: "NEW-NOTE-93"}}
    reported: "2017-04-02"
    corrects: "2017-q1#e1"
'''


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["obligations", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("entry_id", ["e1", "e7"], ids=["same-entry-id", "another-entry-id"])
def test_a_correction_shows_everywhere_and_the_corrected_value_nowhere(tmp_path: Path, entry_id: str) -> None:
    data = tmp_path / "plan-data"
    shutil.copytree(MINI_PLAN, data)
    (data / "progress" / "so-noi-vu").mkdir(parents=True)
    (data / "progress" / "so-noi-vu" / "2017-q1.yaml").write_text(ORIGINAL, encoding="utf-8")
    (data / "progress" / "so-noi-vu" / "2017-q1-2.yaml").write_text(CORRECTION.format(entry_id=entry_id), encoding="utf-8")
    ctx = BuildContext.load(BuildOptions(data_dir=data, as_of=AS_OF))
    for lang, new, old in (("vi", "GHI-CHU-MOI-93", "GHI-CHU-CU-31"), ("en", "NEW-NOTE-93", "OLD-NOTE-31")):
        out = registry.generate(ctx, lang)
        for path in ("tasks/a-i-1.md", "feed.xml", "data/progress.json", "data/progress.csv"):
            assert new in out[path] and old not in out[path], (lang, path)
        assert "93%" in out["tasks/a-i-1.md"] and "31%" not in out["tasks/a-i-1.md"]
        # The corrected target value decides the status on the agency's pages, and the targets page shows it.
        sheet = out["agencies/so-noi-vu/2017.md"]
        metric = ctx.plan.task("A-I-1").targets[0].metric.get(lang)  # a target's obligation is named in the target's own words
        row = next(line for line in sheet.splitlines() if metric in line)
        assert ("Hoàn thành đúng hạn" if lang == "vi" else "Done on time") in row
        assert "100%" in out["progress/targets/a-i.md"] and "61%" not in out["progress/targets/a-i.md"]
        targets = {(r["task"], r["target"], r["year"]): r for r in json.loads(out["data/targets.json"])}
        assert (targets[("A-I-1", "t1", 2017)]["reported"], targets[("A-I-1", "t1", 2017)]["met"]) == (100, True)
        progress = json.loads(out["data/progress.json"])
        assert [(row["file"], row["entry"], row["percent"]) for row in progress if row["task"] == "A-I-1"] == [("progress/so-noi-vu/2017-q1-2.yaml", entry_id, 93.0)]
    # The command line computes the same status from the same entry.
    cli = {o["id"]: o for o in cli_json("--data", str(data), "--as-of", AS_OF.isoformat())["obligations"]}
    target = cli["2017/A-I-1/target-t1/so-noi-vu"]
    assert (target["status"], target["decided_by"]["report"], target["decided_by"]["entry"]) == ("done_on_time", "progress/so-noi-vu/2017-q1-2.yaml", entry_id)
    published = {o["id"]: o for o in json.loads(registry.generate(ctx, "vi")["data/obligations.json"])}
    assert published == cli


# --- the demo build: one status, one date, one value everywhere --------------------------------


class _Tables(HTMLParser):
    """Every <table> of a page's article, as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(path: Path) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def table_with(path: Path, *header: str) -> list[list[str]]:
    """The rows (header excluded) of the first table whose header row starts with ``header``."""
    return next(t[1:] for t in tables(path) if t and tuple(t[0][: len(header)]) == header)


def columns_of(path: Path, *columns: str) -> list[list[str]]:
    """The named columns, in that order, of every row of every table whose header has them all."""
    out = []
    for t in tables(path):
        if t and set(columns) <= set(t[0]):
            where = [t[0].index(c) for c in columns]
            out += [[row[i] for i in where] for row in t[1:]]
    return out


def title_cell(o: dict) -> str:
    """How a page names an obligation: its title, then the source's doubts about who owes it."""
    doubts = (["phân công chưa chắc chắn"] if o["assignment"] == "probable" else []) + ([] if o["role_certain"] else ["chủ trì hoặc phối hợp — cột không chắc chắn"])
    return f"{o['title']['vi']} ({'; '.join(doubts)})" if doubts else o["title"]["vi"]


@pytest.fixture(scope="module")
def demo_obligations(demo_site: Path) -> list[dict]:
    return json.loads((demo_site / "vi" / "data" / "obligations.json").read_text(encoding="utf-8"))


def test_the_cli_and_the_open_data_agree(demo_obligations: list[dict]) -> None:
    cli = cli_json("--data", str(ROOT / "plan-data"), "--as-of", DEMO_AS_OF.isoformat(), "--demo")
    assert cli["obligations"] == demo_obligations
    assert {o["status"] for o in demo_obligations} >= {"done_on_time", "done_late", "not_assessed"}  # the demo exercises real statuses


def _vi_date(iso: str | None) -> str:
    return "—" if iso is None else dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


def test_task_pages_agree_with_the_open_data(demo_site: Path, demo_obligations: list[dict]) -> None:
    plan = BuildContext.load(BuildOptions(data_dir=ROOT / "plan-data", as_of=DEMO_AS_OF)).plan
    by_task: dict[str, list[tuple[str, str, str, str]]] = {}
    for o in demo_obligations:
        agency = plan.agency(o["agency"]).short.vi if o["agency"] else "[…]"  # a cell lost in the source, as everywhere
        by_task.setdefault(o["task"], []).append((title_cell(o), agency, _vi_date(o["due"]), o["status_label"]["vi"]))
    for task in plan.tasks:
        page = demo_site / "vi" / "tasks" / task.slug / "index.html"
        rows = [tuple(r) for r in columns_of(page, "Nghĩa vụ", "Đơn vị", "Hạn", "Trạng thái")] if task.id in by_task else []
        assert sorted(rows) == sorted(by_task.get(task.id, [])), task.id


@pytest.mark.parametrize("agency", ["so-noi-vu", "so-tu-phap", "ubnd-cap-huyen"])
def test_agency_sheets_agree_with_the_cli(demo_site: Path, agency: str) -> None:
    cli = cli_json("--data", str(ROOT / "plan-data"), "--as-of", DEMO_AS_OF.isoformat(), "--demo", "--agency", agency)["obligations"]
    plan = BuildContext.load(BuildOptions(data_dir=ROOT / "plan-data", as_of=DEMO_AS_OF)).plan
    expected = sorted(
        (o["task"], title_cell(o), plan.agency(o["agency"]).short.vi, _vi_date(o["due"]), o["status_label"]["vi"]) for o in cli
    )
    shown = []
    for sheet in sorted((demo_site / "vi" / "agencies" / agency).glob("*/index.html")):
        # Probable duties stand in a table of their own ("Có thể thuộc đơn vị"), each row flagged.
        for task, title, role, due, status in columns_of(sheet, "Nhiệm vụ", "Nghĩa vụ", "Vai trò", "Hạn", "Trạng thái"):
            # The sheet names the task with its short title and the obligation's agency through the role: "Chủ trì (qua nhóm Sở, ban, ngành tỉnh)".
            via = re.search(r"\(qua nhóm (.+)\)$", role)
            shown.append((task.split(" ", 1)[0], title, via.group(1) if via else plan.agency(agency).short.vi, due, status))
    assert sorted(shown) == expected
    assert len(set(shown)) == len(shown)  # one row per duty


def test_the_targets_page_agrees_with_the_open_data(demo_site: Path) -> None:
    rows = json.loads((demo_site / "en" / "data" / "targets.json").read_text(encoding="utf-8"))
    expected: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in rows:  # in plan order, as the page lists its charts
        value = "—" if r["reported"] is None else f"{r['reported']:g}%"
        expected.setdefault((r["task"], r["target"]), []).append((str(r["year"]), value))
    # Each section's page shows its targets; the sections' pages in plan order hold every target once.
    from partracker.outputs.urls import Urls
    from partracker.reading.dataset import require_plan

    sections = require_plan(ROOT / "plan-data").sections
    pages = [demo_site / "en" / Urls.site_path(Urls.targets_section(s)) / "index.html" for s in sections]
    pages = [page for page in pages if page.is_file()]
    assert len(pages) == 10
    shown = [[(row[0], row[1]) for row in t[1:]] for page in pages for t in tables(page) if t and t[0][:2] == ["Year", "Reported value"]]
    assert shown == list(expected.values())
    assert any(r["reported"] is not None for r in rows)
