"""Progress reports (Báo cáo tiến độ). Interim: the report format is settled in issue 5."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partracker.errors import Problem

if TYPE_CHECKING:
    from partracker.dataset import Dataset


def check_report_files(dataset: "Dataset") -> list[Problem]:
    """Until the report format lands, a report file is not yet a known kind."""
    from partracker.dataset import EXPECTED_LAYOUT, display_path

    return [Problem(display_path(dataset.root, rel), 1, 1, "(file)", "file.unexpected", {"expected": EXPECTED_LAYOUT}) for rel in dataset.report_files]
