"""Golden files of the site's rendered output: regenerate with `python3 scripts/update_golden.py`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from partracker import dataset as ds
from partracker import export as ex
from partracker import site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
AS_OF = dt.date(2017, 6, 1)
SITE_URL = "https://gialai-par-tracker.invalid/{lang}/"


def golden_outputs() -> dict[str, str]:
    """Name → content of every golden file, from the shipped plan-data/."""
    plan = ds.require_plan(ROOT / "plan-data")
    out: dict[str, str] = {}
    for lang in ("vi", "en"):
        pages = site.render_pages(plan, lang=lang, as_of=AS_OF, site_url=SITE_URL.format(lang=lang))
        out[f"task-a-i-1.{lang}.md"] = pages["tasks/a-i-1.md"]
        if lang == "vi":
            out["agency-so-noi-vu.vi.md"] = pages["agencies/so-noi-vu.md"]
            if "ics/so-noi-vu.ics" in pages:
                out["so-noi-vu.ics"] = pages["ics/so-noi-vu.ics"]
    out["plan.json"] = ex.to_json(ex.plan_to_dict(plan))
    out["tasks.csv"] = ex.tasks_csv(plan)
    return out


@pytest.mark.parametrize("name", sorted(golden_outputs()))
def test_golden(name: str) -> None:
    expected = (GOLDEN / name).read_bytes()
    assert golden_outputs()[name].encode("utf-8") == expected, f"{name} changed: run python3 scripts/update_golden.py and review the diff"
