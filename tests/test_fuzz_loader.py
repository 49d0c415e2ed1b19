"""Property-based tests: random mutations of the real files never end in a traceback, only located errors."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partracker.reading.dataset import FIXED_FILES, check_document
from partracker.reading.errors import MESSAGES

ROOT = Path(__file__).resolve().parent.parent / "plan-data"
FILES = [(ROOT / name, kind) for name, kind in sorted(FIXED_FILES.items())] + [(p, "section") for p in sorted((ROOT / "tasks").glob("*.yaml"))]
SAMPLES = [(path.read_bytes(), kind, path.name) for path, kind in FILES]
INSERTS = [b"&a ", b"*a", b"<<: ", b"\t", b"- ", b": ", b"\xff", b"\x00", b"\"", b"'", b"{", b"}", b"[", b"]", b"!!python/object ", b"---\n", b"\n", b"  ", b"no", b"1:30", b"0123", b"2025-02-30", "\u202e".encode(), "\u200b".encode(), b"#", b"%YAML 1.1\n", b"? ", b"|", b">"]


def assert_located(problems: list, content: bytes, name: str) -> None:
    lines = content.count(b"\n") + 2
    for p in problems:
        assert p.code in MESSAGES
        assert 1 <= p.line <= lines and p.column >= 1
        assert p.format("vi") and p.format("en")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sample=st.sampled_from(SAMPLES),
    edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(INSERTS), st.integers(0, 8)), min_size=1, max_size=4),
)
def test_mutated_real_files_give_located_errors(sample: tuple[bytes, str, str], edits: list[tuple[float, bytes, int]]) -> None:
    content, kind, name = sample
    for where, insert, delete in edits:
        at = int(where * len(content))
        content = content[:at] + insert + content[at + delete :]
    problems = check_document(content, name, kind)
    assert_located(problems, content, name)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(sorted(set(FIXED_FILES.values()) | {"section"})))
def test_arbitrary_bytes_never_crash(content: bytes, kind: str) -> None:
    assert_located(check_document(content, "x.yaml", kind), content, "x.yaml")


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20), lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4), max_leaves=20), st.sampled_from(["section", "plan", "agencies", "reporting"]))
def test_any_structure_gives_schema_errors_not_tracebacks(value: object, kind: str) -> None:
    import yaml

    content = yaml.safe_dump(value, allow_unicode=True).encode("utf-8")
    assert_located(check_document(content, "x.yaml", kind), content, "x.yaml")


MINI = Path(__file__).resolve().parent / "fixtures" / "mini-plan"
MINI_FILES = sorted(p.relative_to(MINI).as_posix() for p in MINI.rglob("*.yaml"))
VALUE_SWAPS = [(b"so-noi-vu", b"so-khong-co"), (b"A-I-2", b"A-I-1"), (b"number: 2", b"number: 1"), (b"[12, 18]", b"[18, 12]"),
               (b"kind: collective", b"kind: media"), (b"id: A\n", b"id: B\n"), (b"quarter: 3", b"quarter: 9"), (b"day: 5", b"day: 40"),
               (b"start_year: 2016", b"start_year: 2030"), (b"month: 6", b"month: 13"), (b"tier-2", b"tier-1"), (b"value: 100", b"value: 1000")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(MINI_FILES), st.lists(st.sampled_from(VALUE_SWAPS), min_size=1, max_size=3), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(INSERTS)), max_size=2))
def test_mutated_plan_directory_never_crashes(tmp_path_factory, rel: str, swaps: list, inserts: list) -> None:
    import shutil

    from partracker.reading.dataset import load_dataset

    root = tmp_path_factory.mktemp("plan") / "plan-data"
    shutil.copytree(MINI, root)
    content = (root / rel).read_bytes()
    for old, new in swaps:
        content = content.replace(old, new)
    for where, insert in inserts:
        at = int(where * len(content))
        content = content[:at] + insert + content[at:]
    (root / rel).write_bytes(content)
    dataset = load_dataset(root)
    assert (dataset.plan is None) == bool(dataset.problems) or dataset.problems
    for p in dataset.problems:
        assert p.code in MESSAGES and p.line >= 1 and p.format("en")
