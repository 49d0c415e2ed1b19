"""Golden files of the site's rendered output: regenerate with `python3 scripts/update_golden.py`.

The pages are rendered by the same registry as the site (no MkDocs), once per run, in a fixture: never at
collection time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
AS_OF = dt.date(2017, 6, 1)
NAMES = ("agency-so-noi-vu.vi.md", "plan.json", "so-noi-vu.ics", "task-a-i-1.en.md", "task-a-i-1.vi.md", "tasks.csv")
"""Every golden file, by name."""


def golden_outputs() -> dict[str, str]:
    """Name → content of every golden file, from the shipped plan-data/."""
    from partracker.outputs import registry
    from partracker.outputs.context import BuildContext, BuildOptions

    ctx = BuildContext.load(BuildOptions(data_dir=ROOT / "plan-data", as_of=AS_OF))
    vi, en = registry.generate(ctx, "vi"), registry.generate(ctx, "en")
    return {
        "task-a-i-1.vi.md": vi["tasks/a-i-1.md"],
        "task-a-i-1.en.md": en["tasks/a-i-1.md"],
        "agency-so-noi-vu.vi.md": vi["agencies/so-noi-vu.md"],
        "so-noi-vu.ics": vi["ics/so-noi-vu.ics"],
        "plan.json": vi["data/plan.json"],
        "tasks.csv": vi["data/tasks.csv"],
    }


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return golden_outputs()


def test_the_golden_set_is_complete(outputs: dict[str, str]) -> None:
    assert sorted(outputs) == sorted(NAMES) == sorted(p.name for p in GOLDEN.iterdir())


@pytest.mark.parametrize("name", NAMES)
def test_golden(outputs: dict[str, str], name: str) -> None:
    expected = (GOLDEN / name).read_bytes()
    assert outputs[name].encode("utf-8") == expected, f"{name} changed: run python3 scripts/update_golden.py and review the diff"
