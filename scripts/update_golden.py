"""Regenerate tests/golden/ from plan-data/: review the diff, then commit. Usage: python3 scripts/update_golden.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_site_golden import golden_outputs  # noqa: E402

for name, content in golden_outputs().items():
    path = ROOT / "tests" / "golden" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8"))
    print(path.relative_to(ROOT))
