"""Atom feed of progress updates: valid Atom, newest first, stable bytes, escaped text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from partracker.dataset import load_dataset
from partracker.feeds import atom_feed
from partracker.model import Entry, Evidence, Report, Text

A = "{http://www.w3.org/2005/Atom}"
MINI_PLAN = Path(__file__).resolve().parent / "fixtures" / "mini-plan"
BASE = "https://par.example.org/en/"


@pytest.fixture(scope="module")
def plan():
    return load_dataset(MINI_PLAN).plan


def entry(eid: str, task: str, status: str, reported: str, **kw: object) -> Entry:
    fields = {"percent": None, "target_values": (), "evidence": (), "note": None, "completed": None, "corrects": None}
    fields.update(kw)
    return Entry(id=eid, task=task, status=status, reported=reported, **fields)  # type: ignore[arg-type]


def reports() -> list[Report]:
    q1 = Report(
        "so-noi-vu", "2017-q1", "progress/so-noi-vu/2017-q1.yaml", "2017-03-03",
        (
            entry("e1", "A-I-1", "in_progress", "2017-03-02", percent=50.0, target_values=(("t1", 80.0),),
                  evidence=(Evidence("12/QĐ-UBND", "2017-03-01", "https://example.org/a?b=1&c=2"),),
                  note=Text("Đang trình ký", "Awaiting signature")),
            entry("e2", "A-I-2", "done", "2017-03-03", completed="2017-03-01"),
        ),
    )
    q2 = Report("so-noi-vu", "2017-q2", "progress/so-noi-vu/2017-q2.yaml", "2017-06-01",
                (entry("e1", "A-I-1", "done", "2017-05-30", completed="2017-05-20", corrects="2017-q1#e1"),))
    return [q1, q2]


def test_feed_is_atom_with_entries_newest_first(plan) -> None:
    root = ET.fromstring(atom_feed(plan, reports(), lang="en", base_url=BASE))
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.findtext(f"{A}id") == "tag:par.example.org,2026:progress:en"
    assert root.findtext(f"{A}title") == "Progress on Decision 1/QĐ-TEST"
    assert root.findtext(f"{A}updated") == "2017-05-30T00:00:00+07:00"
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://par.example.org/en/feed.xml"
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == [
        "tag:par.example.org,2026:progress:en:so-noi-vu:2017-q2:e1",
        "tag:par.example.org,2026:progress:en:so-noi-vu:2017-q1:e2",
        "tag:par.example.org,2026:progress:en:so-noi-vu:2017-q1:e1",
    ]
    assert [e.findtext(f"{A}updated") for e in entries] == [
        "2017-05-30T00:00:00+07:00", "2017-03-03T00:00:00+07:00", "2017-03-02T00:00:00+07:00",
    ]
    first = entries[0]
    assert first.findtext(f"{A}title") == "A-I-1 — Done — Dept. of Home Affairs"
    assert first.find(f"{A}link").get("href") == "https://par.example.org/en/tasks/a-i-1/"
    assert first.findtext(f"{A}author/{A}name") == "Department of Home Affairs"
    assert entries[2].findtext(f"{A}summary") == (
        "Status: In progress\n"
        "Completion: 50%\n"
        "Reported on: 2 March 2017\n"
        "Target t1: 80%\n"
        "Evidence: 12/QĐ-UBND 1 March 2017 https://example.org/a?b=1&c=2\n"
        "Note: Awaiting signature\n"
        "Report 2017-q1 from Department of Home Affairs, sent on 3 March 2017"
    )
    assert "Corrects entry 2017-q1#e1" in first.findtext(f"{A}summary")


def test_vietnamese_feed(plan) -> None:
    root = ET.fromstring(atom_feed(plan, reports(), lang="vi", base_url="https://par.example.org/"))
    assert root.findtext(f"{A}title") == "Tiến độ thực hiện Quyết định 1/QĐ-TEST"
    last = root.findall(f"{A}entry")[-1]
    assert last.findtext(f"{A}title") == "A-I-1 — Đang thực hiện — Sở Nội vụ"
    assert "Ngày báo cáo: 02/03/2017" in last.findtext(f"{A}summary")
    assert "Mức hoàn thành: 50%" in last.findtext(f"{A}summary")


def test_stable_bytes_whatever_the_input_order(plan) -> None:
    one = atom_feed(plan, reports(), lang="en", base_url=BASE)
    two = atom_feed(plan, list(reversed(reports())), lang="en", base_url=BASE)
    assert one == two
    assert one.startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')


def test_no_reports_gives_a_valid_empty_feed_dated_by_the_decision(plan) -> None:
    text = atom_feed(plan, [], lang="vi", base_url="https://par.example.org/")
    root = ET.fromstring(text)
    assert root.findall(f"{A}entry") == []
    assert root.findtext(f"{A}updated") == "2016-12-02T00:00:00+07:00"
    assert root.findtext(f"{A}author/{A}name") == "Cổng theo dõi CCHC Gia Lai"


def test_hostile_text_is_escaped_and_control_characters_removed(plan) -> None:
    note = Text("<script>alert(1)</script> ]]> & \x00\x1b", '{: onclick="x" } <b>')
    hostile = Report("so-noi-vu", "2017-q1", "progress/so-noi-vu/2017-q1.yaml", "2017-03-03",
                     (entry("e1", "A-I-1", "in_progress", "2017-03-02", note=note),))
    for lang in ("vi", "en"):
        text = atom_feed(plan, [hostile], lang=lang, base_url=BASE)
        assert "<script>" not in text and "<b>" not in text and "\x00" not in text and "\x1b" not in text
        root = ET.fromstring(text)
        summary = root.find(f"{A}entry/{A}summary")
        assert summary.get("type") == "text"
        expected = "Ghi chú: <script>alert(1)</script> ]]> & " if lang == "vi" else 'Note: {: onclick="x" } <b>'
        assert expected in summary.text


def test_sample_reports_are_marked(plan) -> None:
    demo = Report("so-noi-vu", "2017-q1", "demo/so-noi-vu/2017-q1.yaml", "2017-03-03",
                  (entry("e1", "A-I-1", "done", "2017-03-02"),), demo=True)
    root = ET.fromstring(atom_feed(plan, [demo], lang="en", base_url=BASE))
    item = root.find(f"{A}entry")
    assert item.findtext(f"{A}title") == "[Sample data] A-I-1 — Done — Dept. of Home Affairs"
    assert [c.get("term") for c in item.findall(f"{A}category")] == ["done", "sample-data"]


def test_base_url_must_name_a_host(plan) -> None:
    with pytest.raises(ValueError, match="Expected an http\\(s\\) base URL with a host name"):
        atom_feed(plan, [], lang="en", base_url="/en/")
