"""Shared fixtures: paths to the shipped data and to the tiny fictional plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN_DATA = ROOT / "plan-data"
MINI_PLAN = ROOT / "tests" / "fixtures" / "mini-plan"


@pytest.fixture
def mini_plan(tmp_path: Path) -> Path:
    """A writable copy of the tiny fictional plan."""
    target = tmp_path / "plan-data"
    shutil.copytree(MINI_PLAN, target)
    return target
