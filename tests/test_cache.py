"""The validation cache: a speed-up only — with it, without it, cold, warm or corrupt, validation finds the same problems."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_reports import SUPPLEMENT
from test_reports_fixture import GOOD_REPORT, make_plan, write

from partracker.reading import cache

AS_OF = dt.date(2017, 12, 31)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = make_plan(tmp_path)
    write(root, "progress/so-noi-vu/2017-q1.yaml", GOOD_REPORT)
    write(root, "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace("2017-03-04", "2017-06-04"))
    write(root, "progress/so-noi-vu/2017-q1-2.yaml", SUPPLEMENT)
    return root


def run(root: Path, cache_dir: Path | None, as_of: dt.date = AS_OF) -> cache.Outcome:
    return cache.validate(root, as_of=as_of, cache_dir=cache_dir)


def texts(outcome: cache.Outcome) -> list[str]:
    return [p.format("en") for p in outcome.problems]


def test_a_warm_run_is_answered_by_the_cache_and_says_the_same(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    cold = run(data, store)
    assert cold.problems == [] and cold.from_cache == {"run": 0, "plan": 0, "files": 0}
    assert (store / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    warm = run(data, store)
    assert warm.problems == [] and warm.from_cache["run"] == 1
    plain = run(data, None)
    assert (warm.tasks, warm.agencies, warm.reports) == (cold.tasks, cold.agencies, cold.reports) == (plain.tasks, plain.agencies, plain.reports) == (plain.tasks, 7, 3)


def test_a_new_report_is_the_only_file_checked(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    run(data, store)
    write(data, "progress/so-tu-phap/2017-q1.yaml", GOOD_REPORT.replace('"so-noi-vu"', '"so-tu-phap"').replace('task: "A-I-3"', 'task: "A-I-2"'))
    outcome = run(data, store)
    assert outcome.from_cache == {"run": 0, "plan": 1, "files": 3}
    assert texts(outcome) == texts(run(data, None))


def test_a_bad_new_report_is_reported_in_full(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    run(data, store)
    # It corrects an entry no cached file holds, and one of a later filing: both found, located in the new file.
    write(data, "progress/so-noi-vu/2017-q2-2.yaml", SUPPLEMENT.replace('"2017-q1"', '"2017-q2"').replace('"2017-q1#e1"', '"2017-q1#e9"').replace("percent: 40", "percent: 140"))
    write(data, "progress/so-noi-vu/2017-q1-3.yaml", SUPPLEMENT.replace('"2017-q1#e1"', '"2017-q2#e1"'))
    outcome = run(data, store)
    assert outcome.from_cache["files"] == 3
    assert texts(outcome) == texts(run(data, None))
    assert any("there is no entry '2017-q1#e9'" in t for t in texts(outcome))
    assert any("2017-q1-3.yaml:10:15:" in t and "is not in a report filed before this one" in t for t in texts(outcome))
    # And again: a file with a problem is never kept, so the same problems come back.
    assert texts(run(data, store)) == texts(outcome)


def test_removing_a_corrected_filing_is_found_in_the_cached_correction(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    run(data, store)
    (data / "progress/so-noi-vu/2017-q1.yaml").unlink()
    outcome = run(data, store)
    assert outcome.from_cache["files"] == 2
    assert texts(outcome) == texts(run(data, None)) == [
        "plan-data/progress/so-noi-vu/2017-q1-2.yaml:10:15: entry e1 (task A-I-1), corrects: there is no entry '2017-q1#e1' in the reports of agency so-noi-vu"
        " — fix: write <period>#<entry id> of an entry already filed, e.g. 2017-q1#e1 or 2017-q1-2#e3"]


def test_an_edited_file_or_plan_is_checked_again(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    run(data, store)
    report = data / "progress/so-noi-vu/2017-q2.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("percent: 40", "percent: 400"), encoding="utf-8")
    edited = run(data, store)
    assert edited.from_cache == {"run": 0, "plan": 1, "files": 2} and len(edited.problems) == 1
    # A plan change (here: so-noi-vu no longer coordinates A-I-3) re-checks every report against the new plan.
    write(data, "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace("2017-03-04", "2017-06-04"))
    tasks = next((data / "tasks").glob("*.yaml"))
    before = run(data, store)
    assert before.problems == []
    tasks.write_text(tasks.read_text(encoding="utf-8").replace('"so-ban-nganh-tinh"', '"bao-gia-lai"'), encoding="utf-8")
    after = run(data, store)
    assert after.from_cache["plan"] == 0 and after.from_cache["files"] == 0
    assert texts(after) == texts(run(data, None)) and after.problems


def test_an_earlier_as_of_date_checks_the_dates_again(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    run(data, store)
    earlier = run(data, store, as_of=dt.date(2017, 5, 1))
    assert earlier.from_cache["files"] == 0
    assert texts(earlier) == texts(run(data, None, as_of=dt.date(2017, 5, 1))) and earlier.problems
    later = run(data, store, as_of=dt.date(2018, 6, 30))
    # Clean on a day stays clean on any later day; the 2017-q2 filing, dated after 2017-05-01, was not kept and is checked again.
    assert later.problems == [] and later.from_cache["files"] == 2


@pytest.mark.parametrize("damage", [b"", b"\x00\xff garbage", b"[]", b'{"format": 1}', b'{"format": 1, "plans": {}, "files": {}, "runs": []}', "corrupt-entries"])
def test_a_damaged_cache_is_ignored(data: Path, tmp_path: Path, damage: bytes | str) -> None:
    store = tmp_path / "cache"
    run(data, store)
    write(data, "progress/so-noi-vu/2017-q2.yaml", GOOD_REPORT.replace('"2017-q1"', '"2017-q2"').replace("2017-03-04", "2018-06-04"))
    path = store / "validation.json"
    if damage == "corrupt-entries":
        content = json.loads(path.read_bytes())
        content["files"] = {key: {"as_of": 5, "ids": None} for key in content["files"]}
        content["plans"] = {key: {"facts": {"years": "x"}} for key in content["plans"]}
        path.write_text(json.dumps(content), encoding="utf-8")
    else:
        path.write_bytes(damage)  # type: ignore[arg-type]
    outcome = run(data, store)
    assert texts(outcome) == texts(run(data, None))
    assert any("2018-06-04" in t for t in texts(outcome))


def test_the_cli_uses_the_cache_unless_told_not_to(data: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from partracker.tools.cli import main

    runner = CliRunner()
    args = ["validate", "--data", str(data), "--as-of", "2017-12-31", "--lang", "en"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert (tmp_path / ".partracker-cache" / "validation.json").is_file()
    elsewhere = tmp_path / "elsewhere"
    assert runner.invoke(main, args + ["--cache-dir", str(elsewhere)]).exit_code == 0 and (elsewhere / "validation.json").is_file()
    (data / "progress/so-noi-vu/2017-q2.yaml").write_text(GOOD_REPORT.replace("percent: 40", "percent: 400"), encoding="utf-8")
    for extra in ([], ["--no-cache"]):
        failed = runner.invoke(main, args + extra)
        assert failed.exit_code == 1 and "percent" in failed.output


def test_translations_are_checked_against_the_reports_they_name_also_when_cached(data: Path, tmp_path: Path) -> None:
    from test_translations import TRANSLATION, VI_ONLY

    store = tmp_path / "cache"
    write(data, "progress/so-noi-vu/2017-q1.yaml", VI_ONLY)
    run(data, store)
    write(data, "translations/so-noi-vu/2017-q1.yaml", TRANSLATION)
    clean = run(data, store)
    assert clean.problems == [] and clean.from_cache["files"] == 3
    # Translating a note the (cached) report does not hold, and a report that does not exist: found as without a cache.
    write(data, "translations/so-noi-vu/2017-q1.yaml", TRANSLATION + '  - entry: "e2"\n    en: "Done"\n')
    write(data, "translations/so-noi-vu/2018-q1.yaml", TRANSLATION.replace("2017-q1", "2018-q1"))
    outcome = run(data, store)
    assert outcome.from_cache["files"] == 3 and len(outcome.problems) == 2
    assert texts(outcome) == texts(run(data, None))
