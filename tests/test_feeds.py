"""Atom feed of progress updates: valid Atom, newest first, stable bytes, escaped text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from partracker.domain.model import Entry, Evidence, Report
from partracker.domain.progress import effective_entries
from partracker.language.text import Text
from partracker.outputs.feeds import atom_feed, entry_id
from partracker.outputs.urls import Urls
from partracker.reading.dataset import load_dataset

A = "{http://www.w3.org/2005/Atom}"
MINI_PLAN = Path(__file__).resolve().parent / "fixtures" / "mini-plan"
URLS = Urls("https://par.example.org/")


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


def feed(plan, reports: list[Report], lang: str = "en", urls: Urls = URLS) -> str:
    """The feed of the entries that count in ``reports`` (corrections applied)."""
    return atom_feed(plan, effective_entries(reports), lang=lang, urls=urls)


def test_feed_is_atom_with_entries_newest_first(plan) -> None:
    root = ET.fromstring(feed(plan, reports()))
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.findtext(f"{A}id") == entry_id(plan, "en")
    assert root.findtext(f"{A}title") == "Progress on Decision 1/QĐ-TEST"
    assert root.findtext(f"{A}updated") == "2017-05-30T00:00:00+07:00"
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://par.example.org/en/feed.xml"
    entries = root.findall(f"{A}entry")
    q1, q2 = reports()
    # The corrected entry (2017-q1#e1) is gone; its correction stands, under an id of its own.
    assert [e.findtext(f"{A}id") for e in entries] == [entry_id(plan, "en", q2, q2.entries[0]), entry_id(plan, "en", q1, q1.entries[1])]
    assert entry_id(plan, "en", q1, q1.entries[0]) not in {e.findtext(f"{A}id") for e in entries}
    assert all(e.findtext(f"{A}id").startswith("urn:uuid:") for e in entries)
    assert [e.findtext(f"{A}updated") for e in entries] == ["2017-05-30T00:00:00+07:00", "2017-03-03T00:00:00+07:00"]
    first = entries[0]
    assert first.findtext(f"{A}title") == "A-I-1 — Done — Dept. of Home Affairs"
    assert first.find(f"{A}link").get("href") == "https://par.example.org/en/tasks/a-i-1/"
    assert first.findtext(f"{A}author/{A}name") == "Department of Home Affairs"
    assert "Corrects entry 2017-q1#e1" in first.findtext(f"{A}summary")
    only_q1 = ET.fromstring(feed(plan, [q1])).findall(f"{A}entry")
    assert only_q1[-1].findtext(f"{A}summary") == (
        "Status: In progress\n"
        "Completion: 50%\n"
        "Reported on: 2 March 2017\n"
        "Target t1: 80%\n"
        "Evidence: 12/QĐ-UBND 1 March 2017 https://example.org/a?b=1&c=2\n"
        "Note: Awaiting signature\n"
        "Report 2017-q1 from Department of Home Affairs, sent on 3 March 2017"
    )


def test_vietnamese_feed(plan) -> None:
    root = ET.fromstring(feed(plan, reports()[:1], "vi"))
    assert root.findtext(f"{A}title") == "Tiến độ thực hiện Quyết định 1/QĐ-TEST"
    last = root.findall(f"{A}entry")[-1]
    assert last.findtext(f"{A}title") == "A-I-1 — Đang thực hiện — Sở Nội vụ"
    assert "Ngày báo cáo: 02/03/2017" in last.findtext(f"{A}summary")
    assert "Mức hoàn thành: 50%" in last.findtext(f"{A}summary")


def test_stable_bytes_whatever_the_input_order(plan) -> None:
    one = feed(plan, reports())
    two = feed(plan, list(reversed(reports())))
    assert one == two
    assert one.startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')


def test_no_reports_gives_a_valid_empty_feed_dated_by_the_decision(plan) -> None:
    text = feed(plan, [], "vi")
    root = ET.fromstring(text)
    assert root.findall(f"{A}entry") == []
    assert root.findtext(f"{A}updated") == "2016-12-02T00:00:00+07:00"
    assert root.findtext(f"{A}author/{A}name") == "Cổng theo dõi CCHC Gia Lai"


def test_hostile_text_is_escaped_and_control_characters_removed(plan) -> None:
    note = Text("<script>alert(1)</script> ]]> & \x00\x1b", '{: onclick="x" } <b>')
    hostile = Report("so-noi-vu", "2017-q1", "progress/so-noi-vu/2017-q1.yaml", "2017-03-03",
                     (entry("e1", "A-I-1", "in_progress", "2017-03-02", note=note),))
    for lang in ("vi", "en"):
        text = feed(plan, [hostile], lang)
        assert "<script>" not in text and "<b>" not in text and "\x00" not in text and "\x1b" not in text
        root = ET.fromstring(text)
        summary = root.find(f"{A}entry/{A}summary")
        assert summary.get("type") == "text"
        expected = "Ghi chú: <script>alert(1)</script> ]]> & " if lang == "vi" else 'Note: {: onclick="x" } <b>'
        assert expected in summary.text


def test_sample_reports_are_marked(plan) -> None:
    demo = Report("so-noi-vu", "2017-q1", "demo/so-noi-vu/2017-q1.yaml", "2017-03-03",
                  (entry("e1", "A-I-1", "done", "2017-03-02"),), demo=True)
    root = ET.fromstring(feed(plan, [demo]))
    item = root.find(f"{A}entry")
    assert item.findtext(f"{A}title") == "[Sample data] A-I-1 — Done — Dept. of Home Affairs"
    assert [c.get("term") for c in item.findall(f"{A}category")] == ["done", "sample-data"]


def test_without_the_site_address_links_are_relative_to_the_feed(plan) -> None:
    root = ET.fromstring(feed(plan, reports(), urls=Urls(None)))
    assert root.find(f"{A}link[@rel='self']").get("href") == "feed.xml"
    assert root.find(f"{A}entry/{A}link").get("href") == "tasks/a-i-1/"
