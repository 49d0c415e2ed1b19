"""Property-based tests of the report-file validator: mutated progress reports give located errors, never tracebacks.

Run alone: ``python3 -m pytest tests/test_fuzz_reports.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reports_fixture import make_plan

from partracker.reading.dataset import load_dataset
from partracker.reading.errors import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_REPORT = (ROOT / "tests" / "fixtures" / "hostile" / "progress" / "so-noi-vu" / "2017-q1.yaml").read_bytes()
DEMO = sorted((ROOT / "demo" / "progress").rglob("*.yaml"))
SAMPLES = [HOSTILE_REPORT] + [p.read_bytes() for p in DEMO]
INSERTS = [b"&a ", b"*a", b"<<: ", b"\t", b"- ", b": ", b"\xff", b"\x00", b'"', b"'", b"{", b"}", b"[", b"]", b"!!python/object ", b"---\n",
           b"\n", b"  ", b"no", b"1:30", b"2017-02-30", "\u202e".encode(), b"\r", b"#", b"? ", b"|", b">", b"javascript:", b"-1", b"1e999"]
SWAPS = [(b"in_progress", b"xong"), (b"done", b"in_progress"), (b"2017-q1", b"2017-h2"), (b"percent: 50", b"percent: 150"), (b"https://", b"http://"),
         (b"so-noi-vu", b"so-khong-co"), (b"A-I-1", b"A-I-9"), (b"e1", b"E 1"), (b"reported:", b"reportd:"), (b"entries:", b"entries: []\nx:")]
AS_OF = dt.date(2020, 12, 31)


@pytest.fixture(scope="module")
def plan_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_plan(tmp_path_factory.mktemp("fuzz-reports"))


def check(plan_root: Path, content: bytes, name: str = "so-noi-vu/2017-q1.yaml") -> list:
    """Problems of one report file placed in plan_root's progress/ (the file is removed afterwards)."""
    path = plan_root / "progress" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    try:
        dataset = load_dataset(plan_root, as_of=AS_OF)
        problems = list(dataset.problems)
        if not problems:
            assert dataset.reports  # a clean file must also load into the model
        return problems
    finally:
        path.unlink()


def assert_located(problems: list, content: bytes) -> None:
    lines = content.count(b"\n") + 2
    for p in problems:
        assert p.code in MESSAGES, p.code
        assert 1 <= p.line <= lines and p.column >= 1
        assert p.file.endswith(".yaml")
        assert p.format("vi") and p.format("en")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    sample=st.sampled_from(SAMPLES),
    swaps=st.lists(st.sampled_from(SWAPS), max_size=2),
    edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(INSERTS), st.integers(0, 8)), max_size=3),
)
def test_mutated_report_files_give_located_errors(plan_root: Path, sample: bytes, swaps: list, edits: list) -> None:
    content = sample
    for old, new in swaps:
        content = content.replace(old, new)
    for where, insert, delete in edits:
        at = int(where * len(content))
        content = content[:at] + insert + content[at + delete :]
    assert_located(check(plan_root, content), content)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from(["so-noi-vu/2017-q1.yaml", "so-noi-vu/2017-q1-2.yaml", "so-noi-vu/ghi-chu.yaml", "khong-co/2017-year.yaml"]))
def test_arbitrary_bytes_under_any_report_name_never_crash(plan_root: Path, content: bytes, name: str) -> None:
    assert_located(check(plan_root, content, name), content)


def test_the_property_can_fail() -> None:
    # The gate's own failure case: a problem without a real location is refused by assert_located.
    from partracker.reading.errors import Problem

    with pytest.raises(AssertionError):
        assert_located([Problem("progress/so-noi-vu/2017-q1.yaml", 0, 1, "(file)", "url.not_https", {"got": "'x'"})], b"a\n")
